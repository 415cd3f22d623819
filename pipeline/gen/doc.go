// Package gen makes input folders and reports of any size that look like
// a ministry's real registers, for benchmarks and load tests: partner
// countries spelled in English, Mongolian and Russian or as ISO codes,
// dates and amounts in the forms the input contract accepts, and a few
// per cent of rows with the mistakes people make, so that the reject path
// runs too. The same seed always gives the same bytes.
package gen
