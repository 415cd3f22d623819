package run

import (
	"encoding/json"
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
	Outputs    []Output `json:"outputs"`
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
