package pipeline

// Kind is what a table (a CSV file or a workbook sheet) holds.
type Kind string

const (
	KindAgreements Kind = "agreements"
	KindActivities Kind = "activities"
	KindMeasures   Kind = "measures"
	KindRates      Kind = "rates"
	KindAliases    Kind = "aliases"
)

// Country is a partner country as ISO 3166-1 knows it. The zero Country
// stands for "multilateral": a treaty or meeting with no single partner,
// which is never counted as a country.
type Country struct {
	Code     string // ISO 3166-1 alpha-2, e.g. "RU"
	Alpha3   string // ISO 3166-1 alpha-3, e.g. "RUS"
	Name     string // English short name (CLDR), e.g. "Russia"
	LongName string // formal name (UN), e.g. "Russian Federation"; Name when there is none
}

// Multilateral reports whether c stands for no single partner country.
func (c Country) Multilateral() bool { return c.Code == "" }

// Label is the name reports show: the English short name, or
// "Multilateral".
func (c Country) Label() string {
	if c.Multilateral() {
		return "Multilateral"
	}
	return c.Name
}

// Field is an input column the schema does not know, kept as written so
// that no user data is dropped: it travels into the register sheets.
type Field struct {
	Name  string // the header as written
	Value string // the text as the spreadsheet shows it (a date in ISO form: 2013-01-18)
	// Date is set when the value is a date: a workbook cell formatted as a
	// date with no time of day. The register writes it as a date cell.
	Date Date
}

// Sector of an agreement.
type Sector string

const (
	Governmental    Sector = "governmental"
	NonGovernmental Sector = "non-governmental"
)

// Instrument is the kind of an agreement.
type Instrument string

const (
	InstrumentAgreement Instrument = "agreement"
	InstrumentPlan      Instrument = "plan"
	InstrumentMoU       Instrument = "mou"
	InstrumentTreaty    Instrument = "treaty"
	InstrumentProtocol  Instrument = "protocol"
	InstrumentOther     Instrument = "other"
)

// Status of an agreement as the register gives it. Empty means "derive it
// from the dates". An agreement's life runs signed → in force (from
// ValidFrom) → suspended, terminated or expired (on ValidTo). A
// terminated or suspended agreement must give ValidTo: the status never
// moves dates by guess. A signed agreement that is not yet in force
// (StatusSigned: awaiting ratification or entry into force) is never in
// force before its ValidFrom, and without one never: its ValidFrom is not
// taken from its signing date.
type Status string

const (
	StatusSigned     Status = "signed"
	StatusInForce    Status = "in force"
	StatusSuspended  Status = "suspended"
	StatusTerminated Status = "terminated"
)

// ActivityType is the kind of an activity.
type ActivityType string

const (
	TypeTraining   ActivityType = "training"
	TypeFestival   ActivityType = "festival"
	TypeExhibition ActivityType = "exhibition"
	TypeExchange   ActivityType = "exchange"
	TypeMeeting    ActivityType = "meeting"
	TypeStudy      ActivityType = "study"
	TypeTreaty     ActivityType = "treaty"
	TypeOther      ActivityType = "other"
)

// Agreement is one row of the agreement register.
type Agreement struct {
	Pos         Pos
	ID          string
	Country     Country
	Region      string // sub-national partner, counted under Country
	Partner     string
	Counterpart string
	Sector      Sector
	Instrument  Instrument
	Title       string
	Signed      Date
	ValidFrom   Date // Signed when the register leaves it empty, but for StatusSigned; zero: not in force
	ValidTo     Date // zero: open-ended
	Status      Status
	Measure     string
	Notes       string
	Extra       []Field
}

// InForce reports whether a is in force on at least one day of [from, to]:
// it took effect on or before to, and did not end before from. An
// agreement with no date of entry into force (signed, not yet in force)
// is in force on no day.
func (a *Agreement) InForce(from, to Date) bool {
	return !a.ValidFrom.IsZero() && !a.ValidFrom.After(to) && (a.ValidTo.IsZero() || !a.ValidTo.Before(from))
}

// StatusDuring describes a over [from, to] in words for the register:
// "in force", "signed, not yet in force", "not yet in force", "expired",
// or the status the register gives ("terminated", "suspended") when it
// ended within or before the span.
func (a *Agreement) StatusDuring(from, to Date) string {
	switch {
	case a.ValidFrom.IsZero() || a.ValidFrom.After(to) && a.Status == StatusSigned:
		return "signed, not yet in force"
	case a.ValidFrom.After(to):
		return "not yet in force"
	case !a.ValidTo.IsZero() && a.ValidTo.Before(to):
		if a.Status == StatusTerminated || a.Status == StatusSuspended {
			return string(a.Status)
		}
		if a.ValidTo.Before(from) {
			return "expired"
		}
		return "expired during the period"
	}
	return string(StatusInForce)
}

// Money is an exact amount in one currency (ISO 4217 code).
type Money struct {
	Amount   Decimal
	Currency string
}

// Activity is one row of the activity ledger.
type Activity struct {
	Pos          Pos
	ID           string
	Date         Date
	End          Date // zero: a one-day activity
	Country      Country
	Region       string
	Agreement    string
	Measure      string
	Type         ActivityType
	Title        string
	Participants int64  // NoParticipants when the register leaves it blank
	Amount       *Money // nil: no amount given
	Funding      string
	Agency       string
	Notes        string
	Extra        []Field
}

// Nature of a measure, as the periodic report form lists them.
type Nature string

const (
	Legislative   Nature = "legislative"
	Regulatory    Nature = "regulatory"
	Financial     Nature = "financial"
	Institutional Nature = "institutional"
)

// Measure is a policy measure of the periodic report, as in
// mongolia-measure.txt. Its texts may be long and hold line breaks.
type Measure struct {
	Pos        Pos
	ID         string
	Title      string
	Agencies   string
	Area       string
	Objectives string
	Scope      string
	Nature     []Nature
	Features   string
	Results    string
	Resources  string
	Extra      []Field

	// The fields of the current periodic report form (Form B); the words
	// are those of package framework.
	Goals       []int    // goals of the 2005 Convention, 1 to 4, in order
	Areas       []string // areas of monitoring by number ("2.3"), in the framework's order
	Domains     []string // cultural domains, as the form words them, in the framework's order
	Evaluated   string   // "yes", "no", or "" when the table does not say
	Conclusions string   // the main conclusions of the evaluation
	Achieved    string   // results achieved so far
	PartnerType string   // the type of entity of partners the agreements call non-governmental ("Civil society", …)
}

// RateSpan is the period an exchange rate is quoted for: a year, a
// quarter or a month. Finer spans win over coarser ones.
type RateSpan struct {
	Label    string // "2024", "2024-Q3" or "2024-07"
	From, To Date
}

// Rate says how many units of Base one unit of Currency was worth during
// Span: 1 USD = 1970.31 MNT is Currency USD, Base MNT, Rate 1970.31.
type Rate struct {
	Pos      Pos
	Currency string
	Base     string
	Span     RateSpan
	Rate     Decimal
}

// Alias teaches the pipeline one local spelling of a country name.
type Alias struct {
	Pos     Pos
	Name    string
	Country string // ISO code or a known name
	Region  string
}

// NoParticipants is the Participants of an activity whose register gives
// none: unknown, which is not zero. Totals add the numbers given.
const NoParticipants = -1

// KnownParticipants is the number of participants the register gives, 0
// when it gives none.
func (a *Activity) KnownParticipants() int64 { return max(a.Participants, 0) }
