// Package pipeline holds the domain of coopreport: the records users keep
// (agreements, activities, measures, exchange rates, country aliases), the
// values inside them (calendar dates, exact decimal amounts, countries), the
// errors that point at a spreadsheet cell, and the report a run produces.
// It does no I/O. The stages live in subpackages and talk in these types:
//
//	config.Settings      coopreport.toml with the flags over it, each value
//	    │                checked and parsed once (period, buckets, page size…)
//	    ▼
//	input folder
//	    │  source        files and sheets, read once: a CSV hashed as it is
//	    │                parsed (the manifest's SHA-256 is of those bytes),
//	    │                encoding and delimiter sniffed from the same pass;
//	    │                raw rows numbered as the spreadsheet shows them
//	    ▼
//	 schema              kind of table and header row (from rows kept in a
//	    │                buffer), columns by name or words; schema.Reader
//	    │                hands out records, whatever the format
//	    ▼
//	 normalize           raw text → Date, Decimal, Country, enums, or a
//	    │                RowError (country: names in en/mn/ru → ISO;
//	    │                suggest: did you mean)
//	    ▼
//	 ingest              row checks (on one core while the next rows are
//	    │                parsed on the other), cross-row rules judged once
//	    │                a kind is read (duplicate ids, as hashes for
//	    │                activities; references); rows read = accepted +
//	    │                rejected for every file. Activities go to a spool
//	    │                on disk as sorted runs; Dataset.Ledger merges them
//	    │                back in date order (pipeline.Ledger), so memory
//	    │                does not grow with the rows
//	    ▼
//	 aggregate.Report    one pass over the ledger: counts and exact sums by
//	    │                bucket × country × currency, and every total the
//	    │                writers show (period: --period and --by → buckets)
//	    ▼
//	 render/markdown     NewView once (lists cut to what a reader needs),
//	    │                then the templates (templates/) for each target
//	    │                (render/chartdata: the data of each chart, once;
//	    ▼                render/chartdraw: their drawing, for the PDF, SVG, PNG)
//	 render/pdf.Render   the PDF drawn, its missing glyphs known, before any
//	    │                output is written
//	    ▼
//	 render/csv, render/xlsx, the PDF, the Markdown: written side by side;
//	    │                they format the report and compute nothing
//	    ▼
//	 render/checked      the input files with problems read again (the same
//	    │                bytes, checked by their hash) and copied, marked
//	    ▼
//	 run                 temporary folder, lock, manifest, atomic publish
//
// Beside the stages: starter makes a new input folder (coopreport init),
// gen makes test data for tests and benchmarks.
package pipeline
