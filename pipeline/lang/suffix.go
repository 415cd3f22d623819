package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mongolian case suffixes follow the vowels of the word they attach to
// (vowel harmony): a word of back vowels (а, о, у) takes -тай, one of
// front vowels (э, ө, ү) -тэй, and one whose vowels are о -той. Loanwords
// such as most country names mix vowels: their last vowel decides, и
// being neutral (it looks further back). An abbreviation (ОХУ, БНХАУ) is
// read letter by letter, so its last letter's name decides (У is "у":
// ОХУ-тай; Н is "эн": -тэй), and the suffix follows a hyphen.

// harmony is the class of a vowel: 'a' back, 'o' back rounded, 'e' front,
// 'ө' front rounded; 0 for a neutral or no vowel.
func harmony(r rune) rune {
	switch unicode.ToLower(r) {
	case 'а', 'я', 'у', 'ю', 'ы':
		return 'a'
	case 'о', 'ё':
		return 'o'
	case 'э', 'е', 'ү':
		return 'e'
	case 'ө':
		return 'ө'
	}
	return 0
}

// letterHarmony is the class of the name of an upper-case letter in an
// abbreviation: vowels are read as themselves, consonants with э (бэ,
// эн, хэ…).
func letterHarmony(r rune) rune {
	if h := harmony(r); h != 0 {
		return h
	}
	return 'e'
}

// isAbbreviation reports whether a word is an abbreviation: two capitals
// or more, the last letter one of them, as ОХУ, АНУ or БНКазУ are.
func isAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	return n >= 2 && unicode.IsUpper(last)
}

// dropsFinal reports whether a word's final vowel gives way to a suffix
// that starts with a vowel: a short а or э (Канада → Канадын, Кубаас);
// other final vowels stay and take -г- (Перугийн, Мароккогоос).
func dropsFinal(r rune) bool {
	switch unicode.ToLower(r) {
	case 'а', 'э':
		return true
	}
	return false
}

// frontWords are names whose у is said ү: their suffixes are front ones
// (Турктэй, Туркийн).
var frontWords = map[string]bool{"Турк": true}

// wordHarmony is the class the suffix of w follows.
func wordHarmony(w string) rune {
	if frontWords[w] {
		return 'e'
	}
	if isAbbreviation(w) {
		r, _ := utf8.DecodeLastRuneInString(w)
		return letterHarmony(r)
	}
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		w = w[:len(w)-n]
		if h := harmony(r); h != 0 {
			return h
		}
	}
	return 'e'
}

// suffixes are the case suffixes by vowel class: comitative ("with"),
// ablative ("from") and genitive ("of", after a consonant).
var suffixes = []map[rune]string{
	{'a': "тай", 'o': "той", 'e': "тэй", 'ө': "тэй"},
	{'a': "аас", 'o': "оос", 'e': "ээс", 'ө': "өөс"},
	{'a': "ын", 'o': "ын", 'e': "ийн", 'ө': "ийн"},
}

// Suffix attaches a Mongolian case suffix to the last word of text, in
// the form the word's vowels take. suffix names the case by any of its
// forms, with or without a hyphen: "тай" (тай, тэй, той: with), "аас"
// (аас, ээс, оос, өөс: from), "ын" (ын, ийн: of). Only the last word takes
// it, as in a list ("Япон, Солонгос болон Хятадтай"). A suffix that is not
// one of these is attached as given.
func Suffix(text, suffix string) string {
	suffix = strings.TrimPrefix(suffix, "-")
	text = strings.TrimRight(text, " ")
	if text == "" {
		return text
	}
	last := text
	if i := strings.LastIndexAny(text, " -"); i >= 0 {
		last = text[i+1:]
	}
	abbr := isAbbreviation(last)
	h := wordHarmony(last)
	for _, forms := range suffixes {
		if !has(forms, suffix) {
			continue
		}
		s := forms[h]
		genitive := s == "ын" || s == "ийн"
		switch {
		case abbr && genitive && strings.HasSuffix(last, "О"):
			return text + "-гийн" // ЮНЕСКО-гийн: a long о
		case abbr || !endsInLetter(text):
			return text + "-" + s
		case genitive:
			return text[:len(text)-len(last)] + genitiveOf(last, s)
		case strings.HasSuffix(s, "с"):
			return text[:len(text)-len(last)] + ablativeOf(last, s)
		}
		return text + s
	}
	return text + suffix
}

// genitiveOf writes a word in the genitive, s being -ын or -ийн as its
// vowels take: after н the н is not doubled (Японы, Германы); after и or
// й only -йн or -н follows (Италийн); ь gives way to -ийн (Швейцарийн); a
// short final а or э gives way (Канада → Канадын); another final vowel,
// or a long one, takes -гийн (Перугийн).
func genitiveOf(w, s string) string {
	r, n := utf8.DecodeLastRuneInString(w)
	stem := w[:len(w)-n]
	before, _ := utf8.DecodeLastRuneInString(stem)
	switch unicode.ToLower(r) {
	case 'н':
		return w + strings.TrimSuffix(s, "н")
	case 'и':
		return w + "йн"
	case 'й':
		return w + "н"
	case 'ь':
		return stem + "ийн"
	}
	if harmony(r) == 0 {
		return w + s
	}
	if harmony(before) != 0 || !dropsFinal(r) {
		return w + "гийн"
	}
	return stem + s
}

// ablativeOf writes a word in the ablative, s being its form (-аас,
// -ээс, -оос, -өөс): a short final а or э gives way (Куба → Кубаас);
// after и (or ь, which becomes и) one vowel of the suffix is dropped
// (Италиас, Бельгиэс, Швейцариас); another final vowel, or a long one,
// takes -г- before it (Перугаас).
func ablativeOf(w, s string) string {
	r, n := utf8.DecodeLastRuneInString(w)
	stem := w[:len(w)-n]
	before, _ := utf8.DecodeLastRuneInString(stem)
	short := s[len("а"):] // one vowel fewer: "ас", "эс"…
	switch {
	case unicode.ToLower(r) == 'и':
		return w + short
	case unicode.ToLower(r) == 'ь':
		return stem + "и" + short
	case harmony(r) == 0:
		return w + s
	case harmony(before) != 0 || !dropsFinal(r):
		return w + "г" + s
	}
	return stem + s
}

func has(forms map[rune]string, s string) bool {
	for _, f := range forms {
		if f == s {
			return true
		}
	}
	return false
}

func endsInLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}
