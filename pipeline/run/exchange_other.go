//go:build !linux

package run

// exchange cannot swap two folders in one step here: publish falls back
// to two renames.
var exchange = func(a, b string) error { return errNoExchange }
