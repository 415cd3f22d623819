package schema

// The records hold a row's cells as written: package normalize turns them
// into pipeline types. Each field's csv tag is the canonical column name
// (see columns.go); CSVDecoder and Mapper map cells by these tags.

// AgreementRecord is one row of an agreements table.
type AgreementRecord struct {
	ID          string `csv:"id"`
	Country     string `csv:"country"`
	Region      string `csv:"region"`
	Partner     string `csv:"partner"`
	Counterpart string `csv:"counterpart"`
	Sector      string `csv:"sector"`
	Instrument  string `csv:"instrument"`
	Title       string `csv:"title"`
	Signed      string `csv:"signed"`
	ValidFrom   string `csv:"valid_from"`
	ValidTo     string `csv:"valid_to"`
	Status      string `csv:"status"`
	Measure     string `csv:"measure"`
	Notes       string `csv:"notes"`
}

// ActivityRecord is one row of an activities table.
type ActivityRecord struct {
	ID           string `csv:"id"`
	Date         string `csv:"date"`
	End          string `csv:"end"`
	Country      string `csv:"country"`
	Region       string `csv:"region"`
	Agreement    string `csv:"agreement"`
	Measure      string `csv:"measure"`
	Type         string `csv:"type"`
	Title        string `csv:"title"`
	Participants string `csv:"participants"`
	Amount       string `csv:"amount"`
	Currency     string `csv:"currency"`
	Funding      string `csv:"funding"`
	Agency       string `csv:"agency"`
	Notes        string `csv:"notes"`
}

// MeasureRecord is one row of a measures table.
type MeasureRecord struct {
	ID         string `csv:"id"`
	Title      string `csv:"title"`
	Agencies   string `csv:"agencies"`
	Area       string `csv:"area"`
	Objectives string `csv:"objectives"`
	Scope      string `csv:"scope"`
	Nature     string `csv:"nature"`
	Features   string `csv:"features"`
	Results    string `csv:"results"`
	Resources  string `csv:"resources"`

	// Form B's fields.
	Goals       string `csv:"goals"`
	Areas       string `csv:"areas"`
	Domains     string `csv:"domains"`
	Achieved    string `csv:"achieved"`
	PartnerType string `csv:"partner_type"`
	Evaluated   string `csv:"evaluated"`
	Conclusions string `csv:"conclusions"`
}

// RateRecord is one row of an exchange rates table.
type RateRecord struct {
	Currency string `csv:"currency"`
	Base     string `csv:"base"`
	Period   string `csv:"period"`
	Rate     string `csv:"rate"`
}

// AliasRecord is one row of a country aliases table.
type AliasRecord struct {
	Name    string `csv:"name"`
	Country string `csv:"country"`
	Region  string `csv:"region"`
}
