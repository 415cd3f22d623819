// Package lang holds the languages coopreport writes its reports in —
// English, French, Mongolian (Cyrillic) and Russian — and what each needs
// beyond its words: numbers and their grouping, dates and periods, plural
// forms, lists, country names and, for Mongolian, the case suffixes that
// follow a name's vowels.
//
// Separators and plural categories come from CLDR through
// golang.org/x/text; month names and date patterns, which x/text does not
// publish, are CLDR's, copied into dates.go. The words of each package
// that writes for people are that package's Table: the English text is the
// key, and each entry gives the French, Mongolian and Russian (a test fails
// on an entry that lacks one).
//
// Command-line messages stay English: only what the reports, the workbook
// and the checked copies show follows the language.
package lang
