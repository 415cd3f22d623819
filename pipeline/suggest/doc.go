// Package suggest measures how near a misspelling is to the names a
// message could suggest instead ("did you mean Lithuania?", "did you
// mean valid_to?").
package suggest
