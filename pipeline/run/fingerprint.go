package run

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"coopreport/pipeline/lang"
	"coopreport/pipeline/source"
)

// Settings are the options that shape a report besides its inputs; the
// manifest records them, and a rerun with other settings is never skipped.
type Settings struct {
	Period     string `json:"period"`
	By         string `json:"by,omitempty"`
	Currency   string `json:"currency,omitempty"`
	Party      string `json:"party,omitempty"`
	Title      string `json:"title,omitempty"`
	ShortTitle string `json:"short_title,omitempty"`
	// NoDataIssues: the report leaves its data issues annex out.
	NoDataIssues bool `json:"no_data_issues_annex,omitempty"`
	// Formats are the outputs written, when not all of them.
	Formats  []string `json:"formats,omitempty"`
	PageSize string   `json:"page_size,omitempty"`
	// Language is the report's language when not English.
	Language      string `json:"language,omitempty"`
	Abbreviations bool   `json:"country_abbreviations,omitempty"`
	DateOrder     string `json:"date_order"`
	DecimalMark   string `json:"decimal_mark,omitempty"`
	Template      string `json:"template"`
}

// fingerprint identifies what a report is made from: the tool's version,
// the settings, the configuration file, the template and every input
// file, by their SHA-256 (inputs: by file name). Two runs with the same
// fingerprint make the same report (but for the time it was made).
func fingerprint(opt Options, label string, inputs map[string]string) (string, error) {
	type file struct {
		Name   string `json:"name"`
		SHA256 string `json:"sha256"`
	}
	var fp struct {
		Version  string   `json:"version"`
		Label    string   `json:"label"`
		Settings Settings `json:"settings"`
		Config   string   `json:"config"`
		Template string   `json:"template"`
		Inputs   []file   `json:"inputs"`
	}
	fp.Version, fp.Label, fp.Settings = opt.Version, label, opt.settings()
	var err error
	if opt.ConfigPath != "" {
		if fp.Config, err = source.SHA256(opt.ConfigPath); err != nil {
			return "", err
		}
	}
	if opt.Template != nil {
		fp.Template = opt.Template.Digest() // every file the template includes
	}
	for _, n := range slices.Sorted(maps.Keys(inputs)) {
		fp.Inputs = append(fp.Inputs, file{n, inputs[n]})
	}
	b, err := json.Marshal(fp)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// hashInputs returns the SHA-256 of every input file, by name: for
// --if-changed, which compares them before the run reads anything.
func hashInputs(dir string) (map[string]string, error) {
	names, _, _, err := source.Files(dir)
	if err != nil {
		return nil, err
	}
	inputs := make(map[string]string, len(names))
	for _, n := range names {
		if inputs[source.Display(n)], err = source.SHA256(filepath.Join(dir, n)); err != nil {
			return nil, err
		}
	}
	return inputs, nil
}

// published reads the manifest of the outputs published in dir; ok is
// false when there are none, or when the manifest cannot be read.
func published(dir string) (m Manifest, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, false, nil
	}
	if err != nil {
		return m, false, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		// A damaged manifest is no published report: run, and replace it,
		// rather than fail every scheduled run until someone repairs it.
		return m, false, nil
	}
	return m, true, nil
}

// intact reports whether every output the manifest lists is in dir with
// the SHA-256 it gives: a report whose files were removed or changed is
// made again, whatever its fingerprint.
func intact(dir string, m Manifest) bool {
	for _, o := range m.Outputs {
		sum, err := source.SHA256(filepath.Join(dir, o.Name))
		if err != nil || sum != o.SHA256 {
			return false
		}
	}
	return len(m.Outputs) > 0
}

// langSetting is the language as the settings record it: "" for English,
// so that the manifests of English reports stay as they were.
func langSetting(l lang.Lang) string {
	if l == "" || l == lang.English {
		return ""
	}
	return l.Code()
}
