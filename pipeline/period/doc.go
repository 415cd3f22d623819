// Package period turns the --period and --by flags into a pipeline.Period: its days and its buckets.
package period
