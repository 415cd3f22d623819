package run

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"coopreport/pipeline"
)

// ManifestName is the run's manifest, written last.
const ManifestName = "manifest.json"

// Manifest is the audit record of a run: what was read, what was made.
type Manifest struct {
	Tool     string   `json:"tool"`
	Version  string   `json:"version"`
	Made     string   `json:"made"`
	Party    string   `json:"party,omitempty"`
	Settings Settings `json:"settings"`
	Config   string   `json:"config,omitempty"`
	// Fingerprint identifies the version, settings, configuration,
	// template and inputs the outputs were made from (--if-changed).
	Fingerprint string `json:"fingerprint"`
	// Seconds is how long the run took; left out when the run is pinned
	// to a time (--now, SOURCE_DATE_EPOCH), whose outputs must be the
	// same bytes every time.
	Seconds           *float64       `json:"duration_seconds,omitempty"`
	Period            manifestPeriod `json:"period"`
	ReportingCurrency string         `json:"reporting_currency,omitempty"`
	Inputs            []manifestFile `json:"inputs"`
	RowsRead          int            `json:"rows_read"`
	RowsAccepted      int            `json:"rows_accepted"`
	RowsRejected      int            `json:"rows_rejected"`
	// Incomplete says the numbers may be incomplete or wrong: rows were
	// rejected, or a warning says so (a file or table not read, dates
	// read in an order nothing in the data proves…).
	Incomplete bool     `json:"numbers_may_be_incomplete"`
	Warnings   []string `json:"warnings"`
	// Changes is what changed since the outputs of the period published
	// before (see changes.go); changes.csv lists all of it.
	Changes *manifestChanges `json:"changes,omitempty"`
	Outputs []Output         `json:"outputs"`
}

// manifestChanges is the manifest's account of the changes: the counts,
// and the first maxManifestFigures figures changed.
type manifestChanges struct {
	First bool `json:"first"`
	// Note says in words what was compared with what.
	Note           string           `json:"note"`
	Since          string           `json:"since,omitempty"`
	Restated       bool             `json:"restated"`
	RowsAdded      int              `json:"rows_added"`
	RowsRemoved    int              `json:"rows_removed"`
	RowsChanged    int              `json:"rows_changed"`
	FiguresChanged int              `json:"figures_changed"`
	Figures        []manifestFigure `json:"figures"`
}

type manifestFigure struct {
	Bucket      string `json:"bucket"`
	CountryCode string `json:"country_code"`
	Country     string `json:"country"`
	Currency    string `json:"currency,omitempty"`
	Figure      string `json:"figure"`
	Old         string `json:"old"`
	New         string `json:"new"`
	Closed      bool   `json:"closed"`
}

// maxManifestFigures is how many changed figures the manifest lists.
const maxManifestFigures = 100

func newManifestChanges(r *pipeline.Report) *manifestChanges {
	c := r.Changes
	if c == nil {
		return nil
	}
	if c.First {
		return &manifestChanges{First: true, Figures: []manifestFigure{},
			Note: fmt.Sprintf("no outputs of %s were published before this run: there was nothing to compare with", r.Period.Label)}
	}
	m := &manifestChanges{Since: c.Since.UTC().Format(time.RFC3339), Restated: c.Restated, RowsAdded: c.RowsAdded, RowsRemoved: c.RowsRemoved,
		RowsChanged: c.RowsChanged, FiguresChanged: len(c.Cells), Figures: []manifestFigure{}}
	switch {
	case len(c.Cells) == 0 && c.RowsAdded+c.RowsRemoved+c.RowsChanged == 0:
		m.Note = fmt.Sprintf("compared with the outputs of %s made %s: nothing changed", r.Period.Label, m.Since)
	case len(c.Cells) > maxManifestFigures:
		m.Note = fmt.Sprintf("compared with the outputs of %s made %s; the first %d figures changed are listed here, all of them in %s", r.Period.Label, m.Since, maxManifestFigures, ChangesName)
	default:
		m.Note = fmt.Sprintf("compared with the outputs of %s made %s; %s lists the rows and figures changed", r.Period.Label, m.Since, ChangesName)
	}
	if c.Restated {
		m.Note += "; figures of buckets that had ended by then changed: a restatement"
	}
	for i, f := range c.Cells {
		if i == maxManifestFigures {
			break
		}
		m.Figures = append(m.Figures, manifestFigure{f.Bucket, f.Code, f.Country, f.Currency, f.Figure, f.Old, f.New, f.Closed})
	}
	return m
}

type manifestPeriod struct {
	Label   string           `json:"label"`
	From    string           `json:"from"`
	To      string           `json:"to"`
	By      string           `json:"by"`
	Buckets []manifestBucket `json:"buckets"`
}

type manifestBucket struct {
	Label string `json:"label"`
	From  string `json:"from"`
	To    string `json:"to"`
}

type manifestFile struct {
	File     string          `json:"file"`
	SHA256   string          `json:"sha256"`
	Read     int             `json:"rows_read"`
	Accepted int             `json:"rows_accepted"`
	Rejected int             `json:"rows_rejected"`
	Tables   []manifestTable `json:"tables"`
}

type manifestTable struct {
	Sheet    string `json:"sheet,omitempty"`
	Kind     string `json:"kind"`
	Read     int    `json:"rows_read"`
	Accepted int    `json:"rows_accepted"`
	Rejected int    `json:"rows_rejected"`
}

func newManifest(r *pipeline.Report, outputs []Output, opt Options, fp string) Manifest {
	m := Manifest{
		Settings:          opt.settings(),
		Config:            opt.ConfigPath,
		Fingerprint:       fp,
		Tool:              "coopreport",
		Version:           r.Version,
		Made:              r.Made.UTC().Format(time.RFC3339),
		Party:             r.Party,
		ReportingCurrency: r.Currency,
		Period: manifestPeriod{
			Label: r.Period.Label, From: r.Period.From.String(), To: r.Period.To.String(), By: string(r.Period.By),
			Buckets: []manifestBucket{},
		},
		Inputs:     []manifestFile{},
		Warnings:   []string{},
		Incomplete: r.Incomplete(),
		Outputs:    outputs,
		Changes:    newManifestChanges(r),
	}
	for _, w := range r.Warnings {
		m.Warnings = append(m.Warnings, w.Message)
	}
	if !opt.Pinned && !opt.Started.IsZero() {
		secs := math.Round(time.Since(opt.Started).Seconds()*1000) / 1000
		m.Seconds = &secs
	}
	for _, b := range r.Period.Buckets {
		m.Period.Buckets = append(m.Period.Buckets, manifestBucket{b.Label, b.From.String(), b.To.String()})
	}
	for _, in := range r.Inputs {
		f := manifestFile{File: in.Name, SHA256: in.SHA256, Read: in.Read, Accepted: in.Accepted, Rejected: in.Rejected, Tables: []manifestTable{}}
		for _, t := range in.Tables {
			kind := string(t.Kind)
			if kind == "" {
				kind = "skipped"
			}
			f.Tables = append(f.Tables, manifestTable{t.Sheet, kind, t.Read, t.Accepted, t.Rejected})
		}
		m.Inputs = append(m.Inputs, f)
		m.RowsRead += in.Read
		m.RowsAccepted += in.Accepted
		m.RowsRejected += in.Rejected
	}
	return m
}

func writeManifest(w io.Writer, r *pipeline.Report, outputs []Output, opt Options, fp string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(newManifest(r, outputs, opt, fp))
}
