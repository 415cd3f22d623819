package suggest

// Distance computes optimal-string-alignment distances: insertions,
// deletions, substitutions and adjacent transpositions each count one
// ("Lithvuania" is 1 from "Lithuania", "Vaild" 1 from "Valid"). It keeps
// its rows between calls, so that scanning many candidates does not
// allocate for each; the zero value is ready to use, by one goroutine.
type Distance struct{ prev2, prev, cur []int }

// Between returns the distance between a and b, or limit+1 as soon as it
// must exceed limit.
func (d *Distance) Between(a, b []rune, limit int) int {
	n := len(b) + 1
	if cap(d.cur) < n {
		d.prev2, d.prev, d.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := d.prev2[:n], d.prev[:n], d.cur[:n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			x := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				x = min(x, prev2[j-2]+1)
			}
			cur[j] = x
			rowMin = min(rowMin, x)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

// Between is Distance.Between with rows of its own.
func Between(a, b []rune, limit int) int {
	var d Distance
	return d.Between(a, b, limit)
}
