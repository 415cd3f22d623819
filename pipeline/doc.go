// Package pipeline holds the domain of coopreport: the records users keep
// (agreements, activities, measures, exchange rates, country aliases), the
// values inside them (calendar dates, exact decimal amounts, countries), the
// errors that point at a spreadsheet cell, and the report a run produces.
// It does no I/O. The stages live in subpackages and talk in these types:
//
//	input folder
//	    │  source     find files and sheets; sniff encoding and delimiter;
//	    │             yield raw rows with the row number the spreadsheet shows
//	    ▼
//	 schema           kind of table, header row, column aliases, unknown columns
//	    ▼
//	 normalize        raw text → Date, Decimal, Country, enums  (or RowError)
//	    ▼             (country: names and codes in en/mn/ru → ISO country)
//	 ingest           cross-row rules (duplicate ids, references); rows read =
//	    │             accepted + rejected for every file
//	    ▼
//	 aggregate        fold records into counts and sums by bucket × country
//	    ▼             (period: --period and --by → buckets)
//	 render/markdown  the report's templates (templates/) → Markdown
//	    ▼             (render/chartdata: the data of each chart, once)
//	 render/csv, render/xlsx, render/pdf (Markdown → PDF via goldmark)
//	    ▼
//	 run              temporary folder, lock, manifest, atomic publish
//
// Beside the stages: config reads coopreport.toml, starter makes a new
// input folder (coopreport init), gen makes test data for benchmarks.
package pipeline
