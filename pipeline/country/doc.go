// Package country resolves what registry keepers type in a country cell
// (English, Mongolian or Russian names, official or short, in the styles
// of other databases, old or colloquial, abbreviations, ISO 3166-1 codes,
// sub-national partners) to an ISO 3166-1 country.
package country
