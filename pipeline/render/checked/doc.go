// Package checked writes the checked copies of the input files that have
// problems: each file's sheets as its keeper wrote them, with the rejected
// cells and the cells warnings are about marked and explained, for the
// keeper to correct and put back in place of the original.
package checked
