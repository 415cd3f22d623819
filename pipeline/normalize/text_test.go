package normalize

import "testing"

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Tianjin Grand Theatre", "Tianjin Grand Theatre"},
		{"empty", "", ""},
		{"spaces", "  Nepal  ", "Nepal"},
		{"no-break spaces", "\u00a0Nepal\u202f", "Nepal"},
		{"zero-width and BOM", "\ufeffNepal\u200b", "Nepal"},
		{"tab inside", "a\tb", "a b"},
		{"tab around", "\ta\t", "a"},
		{"crlf", "line 1\r\nline 2", "line 1\nline 2"},
		{"lone cr is a line break", "line 1\rline 2", "line 1\nline 2"},
		{"lf kept", "line 1\nline 2", "line 1\nline 2"},
		{"trailing newline trimmed", "text\r\n", "text"},
		{"other controls", "a\x00b\x1bc\u0085d", "a b c d"},
		{"nfc", "Lithuania\u0301 o\u0308", "Lithuaniá ö"},
		{"cyrillic nfc", "У\u0308", "\u04f0"},
		{"mongolian kept", " Монгол Улс ", "Монгол Улс"},
		{"interior no-break space kept", "1\u00a0250", "1\u00a0250"},
		{"invalid utf-8", "a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Fatalf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextPlainASCIIDoesNotAllocate(t *testing.T) {
	in := "Cultural cooperation plan 2012-2014"
	if n := testing.AllocsPerRun(100, func() { _ = Text(in) }); n != 0 {
		t.Fatalf("Text allocated %v times on plain ASCII", n)
	}
}
