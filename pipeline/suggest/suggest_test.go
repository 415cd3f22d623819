package suggest

import "testing"

func TestBetween(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"lithvuania", "lithuania", 3, 1},
		{"vaild", "valid", 3, 1}, // a transposition is one edit
		{"", "abc", 5, 3},
		{"abc", "abc", 0, 0},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // over the limit: limit+1
		{"орос", "оросс", 2, 1},
	}
	var d Distance
	for _, tt := range tests {
		if got := d.Between([]rune(tt.a), []rune(tt.b), tt.limit); got != tt.want {
			t.Errorf("Between(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
		if got := Between([]rune(tt.b), []rune(tt.a), tt.limit); got != tt.want {
			t.Errorf("Between(%q, %q, %d) = %d, want %d (symmetric)", tt.b, tt.a, tt.limit, got, tt.want)
		}
	}
}
