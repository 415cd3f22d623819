// Command coopbench measures coopreport on generated data: the wall time
// and peak memory (RSS) of a full `coopreport run` on an input folder of
// N activities, and of writing a workbook whose ledger has N rows, each
// against a baseline measured in the same run (the machines are noisy, so
// ratios are what to compare across machines).
//
// Every measured program runs as a child process, so that its peak RSS is
// its own: coopreport itself, built into a temporary folder, and this
// command re-run in a hidden child mode for the baselines and the
// workbook writers.
//
//	go run ./cmd/coopbench -rows 100000            # ingest + full run, CSV input
//	go run ./cmd/coopbench -rows 100000 -kind xlsx # the same with workbook input
//	go run ./cmd/coopbench -workbook-rows 1000000  # the workbook writer alone
package main
