package run

import (
	"context"

	"coopreport/pipeline"
	"coopreport/pipeline/aggregate"
	"coopreport/pipeline/ingest"
	"coopreport/pipeline/period"
)

// compareFirst sets the period's first bucket beside the bucket before it
// (issue 14), which the period's ledger does not hold: one more pass over
// the spool, for the activities dated before the period, when there are
// any (else the data do not reach back, and the first bucket is not
// compared). The other buckets are compared by aggregate.Report.
func compareFirst(ctx context.Context, r *pipeline.Report, data *ingest.Dataset) error {
	prev, ok := period.Before(r.Period)
	if !ok {
		return nil
	}
	from := r.Period.From
	earlier, err := data.Ledger(func(d pipeline.Date) bool { return d.Before(from) })
	if err != nil || earlier.Len() == 0 {
		return err
	}
	// Not closed: closing a ledger closes the spool the report reads from.
	return aggregate.CompareFirst(r, prev, ctxLedger{ctx, earlier})
}
