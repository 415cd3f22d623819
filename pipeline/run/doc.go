// Package run carries out one run: it reads the input folder, aggregates,
// writes every output into a temporary folder inside the output folder,
// and moves them into place only when all are complete, under a lock that
// keeps two runs on one output folder from interleaving.
package run
