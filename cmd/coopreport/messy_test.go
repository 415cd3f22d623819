package main

// The messy folder, testdata/messy/, holds files that look like what
// ministries really keep: a Windows-1251 semicolon export with title rows
// and Mongolian and Russian headers, an Excel "Unicode text" export, a
// workbook with a title row, date cells and an extra column, and an
// aliases file saved as Excel's "CSV UTF-8". messyFiles makes them; go test -run TestMessyFiles
// -update-messy writes them again after a change here. TestMessy runs the
// folder and checks the whole outcome.

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var updateMessy = flag.Bool("update-messy", false, "write testdata/messy/ again from messyFiles")

const messyDir = "testdata/messy"

// nbsp is the no-break space Excel puts between groups of digits in
// locales that group with spaces.
const nbsp = "\u00a0"

// messyFiles returns the files of the messy folder by name.
func messyFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}

	// Agreements as a Russian-locale Excel saves "CSV (разделители -
	// точка с запятой)": Windows-1251, semicolons, CRLF, two title rows,
	// day-first dates with dots and slashes, and a multi-line cell (line
	// breaks in a cell are a bare LF, as Alt+Enter types them). Windows-1251
	// has no Ө ө Ү ү, so the Mongolian words here do without them.
	agreements := []string{
		"Соёлын яам;;;;;;;;;;",
		"Гадаад улстай байгуулсан соёлын хамтын ажиллагааны гэрээ, санамж бичгийн жагсаалт (2016 оны байдлаар);;;;;;;;;;",
		"Дугаар;Улс;Хамтрагч байгууллага;Монголын тал;Вид документа;Гэрээний нэр;Байгуулсан огноо;Эхлэх огноо;Дуусах огноо;Байдал;Тайлбар",
		// row 4
		"Г-01;ОХУ;Правительство Российской Федерации;Монгол Улсын Засгийн газар;соглашение;Соглашение о культурном сотрудничестве между Правительством Монголии и Правительством Российской Федерации;20.01.1994;;;действует;",
		// row 5
		"Г-02;БНХАУ;Правительство Китайской Народной Республики;Монгол Улсын Засгийн газар;гэрээ;Соёлын хамтын ажиллагааны гэрээ;29/04/1994;;;;",
		// row 6, on two lines of the file
		"Г-03;Япония;Агентство по делам культуры Японии;Соёлын яам;меморандум;Меморандум о сотрудничестве в области культуры;18.01.2013;18.01.2013;17.01.2016;;\"Подписан в Токио;\nсрок действия 3 года\"",
		// row 7: terminated, with the date it stopped
		"Г-04;Германия;Институт им. Гёте;Соёлын яам;программа;Программа культурного обмена на 2007-2010 годы;25/06/2007;01.07.2007;30.06.2010;прекращено;",
		// row 8
		"Г-05;Орос;Государственный академический Большой театр;Улсын филармони;санамж бичиг;Хамтын ажиллагааны санамж бичиг;05.03.2014;;;;",
		// row 9: a typo in the country
		"Г-06;Германиа;Министерство культуры;Соёлын яам;соглашение;Соглашение о культурных связях;12.05.2015;;;;",
		// row 10: month 25
		"Г-07;Франц;Посольство Франции;Соёлын яам;протокол;Протокол о культурном обмене;13/25/2013;;;;",
		// row 11: a local spelling the aliases file teaches
		"Г-08;Хасагстан;Министерство культуры и спорта Республики Казахстан;Соёлын яам;соглашение;Соглашение о сотрудничестве в области культуры;01.09.2015;;;;",
		// row 12: suspended without the date it stopped
		"Г-09;Энэтхэг;Совет по культурным связям Индии;Соёлын яам;программа;Программа культурного обмена;10.10.2010;;;приостановлено;",
		// row 13: row 4 pasted again: it counts once
		"Г-01;ОХУ;Правительство Российской Федерации;Монгол Улсын Засгийн газар;соглашение;Соглашение о культурном сотрудничестве между Правительством Монголии и Правительством Российской Федерации;20.01.1994;;;действует;",
	}
	files["гэрээ.csv"] = messyCP1251(t, strings.Join(agreements, "\r\n")+"\r\n")

	// Activities the same way, with decimal commas and no-break spaces
	// between thousands; the name says nothing, the header does.
	events := []string{
		"План мероприятий по линии культурного сотрудничества на 2014-2015 годы;;;;;;;;;;",
		"№ п/п;Дата начала;Дата окончания;Страна;Соглашение;Вид;Описание;Количество участников;Сумма;Валюта;Источник финансирования",
		// row 3
		"М-01;12.03.2014;14.03.2014;ОХУ;Г-01;заседание;Заседание межправительственной комиссии;40;12 500 000,00;MNT;Государственный бюджет",
		// row 4
		"М-02;03.06.2015;07.06.2015;Россия;Г-01;фестиваль;Фестиваль «Древние баллады в наше время», Москва;12;450" + nbsp + "000,50;RUB;Принимающая сторона",
		// row 5
		"М-03;01.09.2015;;Япония;Г-03;обмен;Обмен студентами;8;15 000,75;USD;Государственный бюджет",
		// row 6
		"М-04;05.10.2015;;Германия;;выставка;Выставка монгольской живописи;5;12,5;€;Институт им. Гёте",
		// row 7: names an agreement that was rejected (гэрээ.csv row 9)
		"М-05;20.11.2015;;ОХУ;Г-06;встреча;Встреча экспертов;3;;;",
		// row 8: 31 November
		"М-06;31.11.2015;;ОХУ;;обучение;Обучение реставраторов;6;1 000,00;RUB;",
	}
	files["мероприятия.csv"] = messyCP1251(t, strings.Join(events, "\r\n")+"\r\n")

	// Excel's "Unicode text": UTF-16LE with a byte order mark, tabs, CRLF,
	// a title row padded with tabs, quotes doubled in a quoted cell. A tab
	// file reads numbers with a decimal point; "1 250 000,50" is still
	// unambiguous (spaces group, so the comma is the decimal mark).
	unicodeText := []string{
		"Үйл ажиллагааны жагсаалт 2013-2015\t\t\t\t\t\t\t\t\t\t",
		"Дугаар\tОгноо\tДуусах огноо\tУлс\tГэрээ\tТөрөл\tНэр\tОролцогчид\tДүн\tВалют\tХариуцсан байгууллага",
		// row 3
		"Ү-01\t2013.01.18\t2013.01.20\tСолонгос\t\tсургалт\tСоёлын өвийн мэргэжилтнүүдийн сургалт\t15\t1 250 000,50\tMNT\tСоёлын өвийн үндэсний төв",
		// row 4
		"Ү-02\t18 January 2013\t\tӨвөр Монгол\t\tүзэсгэлэн\t\"Үзэсгэлэн \"\"Монгол зураг\"\", Хөх хот\"\t20\t35 000.00\tCNY\tЗураачдын эвлэл",
		// row 5: slashed, day first; the currency from the amount's symbol
		"Ү-03\t01/02/2014\t\tБүгд Найрамдах Франц Улс\t\tнаадам\tМонголын соёлын өдрүүд Парист\t30\t€12,500.00\t\tСоёлын яам",
		// row 6: the alias; a comma before three digits groups thousands
		"Ү-04\t25/09/2015\t\tХасагстан\tГ-08\tуулзалт\tСоёлын сайд нарын уулзалт\t4\t1,250\tUSD\tСоёлын яам",
		// row 7: ¥ is yen or yuan
		"Ү-05\t2014.05.05\t\tЯпон Улс\t\tсургалт\tХөгжмийн сургалт\t5\t1 000\t¥\tСоёлын яам",
		// row 8: a decimal comma where the file's mark is a point
		"Ү-06\t2014.06.06\t\tОХУ\t\tсолилцоо\tУран бүтээлчдийн солилцоо\t6\t12,50\tRUB\tСоёлын яам",
		// row 9: no such agreement
		"Ү-07\t2014.07.07\t\tОХУ\tГ-404\tхурал\tХурал\t3\t\t\tСоёлын яам",
		// row 10
		"Ү-08\tJanuary 18, 2015\t\tmultilateral\t\tбусад\tЮНЕСКО-гийн бүс нутгийн хурал\t12\t\t\tСоёлын яам",
		// row 11: a city the aliases file places in Inner Mongolia
		"Ү-09\t2015.08.08\t\tЭрээн\t\tүзэсгэлэн\tХилийн худалдааны үзэсгэлэн\t9\t\t\tСоёлын яам",
		// row 12: a region of Russia
		"Ү-10\t2015.07.01\t2015.07.03\tБуриад\t\tнаадам\tАлтаргана наадам\t40\t\t\tСоёлын яам",
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.Join(unicodeText, "\r\n") + "\r\n")
	if err != nil {
		t.Fatal(err)
	}
	files["activities-unicode.csv"] = []byte(u16)

	// A workbook with one sheet a kind, named in Mongolian, a title row
	// above each header, real date cells, numbers stored as numbers, a
	// formula-like title typed as text, an extra column, and a sheet of
	// notes that is no table.
	d := e2eDate
	files["registry.xlsx"] = e2eXLSX(t,
		e2eSheet{"Гэрээ", [][]any{
			{"Гэрээний бүртгэл (registry of agreements)"},
			e2eCells("ID", "Country", "Partner institution", "Instrument", "Title", "Signed", "Valid to", "Contact person"),
			{"R-01", "Бүгд Найрамдах Солонгос Улс", "Arts Council Korea", "plan", "Соёлын солилцооны хөтөлбөр 2014–2016", d("2014-03-18"), d("2016-12-31"), "Б. Батбаяр"}, // row 3
			{"R-02", "Japan", "Japan Foundation", "mou", "=SUM(A1)", d("2015-09-23"), nil, "Ms. Sato"},                                                                    // 4
			{"R-03", "multilateral", "WIPO", "treaty", "Accession to the Marrakesh Treaty", "23.09.2015"},                                                                 // 5: a date typed as text
			{"R-04", "Lithvuania", "Ministry of Culture of Lithuania", "agreement", "Agreement on cultural cooperation", d("2013-05-05")},                                 // 6: typo
			{"R-05", "Türkiye", "Yunus Emre Institute", "protocol", "Türk kültür günleri", d("2012-11-12")},                                                               // 7
		}},
		e2eSheet{"Үйл ажиллагаа", [][]any{
			{"Үйл ажиллагаа 2014-2015"},
			e2eCells("ID", "Date", "End", "Country", "Agreement", "Type", "Title", "Participants", "Amount", "Currency", "Contact person"),
			{"X-01", d("2014-04-10"), d("2014-04-12"), "South Korea", "R-01", "festival", "Монголын соёлын өдрүүд Сөүлд", 25, 25000000, "KRW", "Б. Батбаяр"}, // row 3
			{"X-02", d("2015-09-23"), nil, "Japan", "R-02", "exchange", "Japanese artists in Ulaanbaatar", 6, 1250000.5, "MNT", "Ms. Sato"},                  // 4
			{"X-03", d("2015-10-01"), nil, "Japan", "R-02", "training", "Fractional participants", 12.5},                                                     // 5
			{"X-04", d("2015-06-10"), d("2015-06-01"), "Turkey", "R-05", "festival", "Ends before it starts", 10},                                            // 6
			{"X-05", d("2015-11-11"), nil, "multilateral", "R-03", "treaty", "Marrakesh Treaty enters into force", 0, 1234567.89, "MNT"},                     // 7
		}},
		e2eSheet{"Тэмдэглэл", [][]any{
			{"Энэ файлыг Соёлын яамны гадаад харилцааны хэлтэс хөтөлдөг."},
			{"Утас: 11-123456"},
		}},
	)

	// Excel's "CSV UTF-8": a byte order mark and CRLF.
	files["aliases.csv"] = []byte("\ufeffнэр,улс,бүс нутаг\r\nХасагстан,KZ,\r\nЭрээн,CN,Inner Mongolia\r\n")
	return files
}

// messyCP1251 encodes s as Windows-1251, failing on any character the code
// page lacks rather than writing a replacement.
func messyCP1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("Windows-1251 cannot encode the text: %v", err)
	}
	return []byte(b)
}

// messyDump describes a workbook cell by cell (sheet, cell, type, raw
// value, number format), so that two workbooks made at different times
// compare equal when their content is.
func messyDump(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(sheet, cell)
				style, _ := f.GetCellStyle(sheet, cell)
				var numFmt string
				if st, err := f.GetStyle(style); err == nil && st.CustomNumFmt != nil {
					numFmt = *st.CustomNumFmt
				}
				fmt.Fprintf(&b, "%s!%s %v %q %s\n", sheet, cell, typ, v, numFmt)
			}
		}
	}
	return b.String()
}

// TestMessyFiles: testdata/messy/ holds what messyFiles makes (with
// -update-messy, it is written again).
func TestMessyFiles(t *testing.T) {
	files := messyFiles(t)
	if *updateMessy {
		if err := os.MkdirAll(messyDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(messyDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(messyDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := files[e.Name()]; !ok {
			t.Errorf("%s/%s is not made by messyFiles: remove it or add it there", messyDir, e.Name())
		}
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(messyDir, name))
		if err != nil {
			t.Errorf("%v (run go test -run TestMessyFiles -update-messy)", err)
			continue
		}
		if strings.HasSuffix(name, ".xlsx") {
			if g, w := messyDump(t, got), messyDump(t, want); g != w {
				t.Errorf("%s differs from what messyFiles makes (run with -update-messy):\n%s\nwant\n%s", name, g, w)
			}
		} else if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what messyFiles makes (run with -update-messy)", name)
		}
	}
	// The files are what they claim to be.
	if data := files["гэрээ.csv"]; bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || strings.Contains(string(data), "Г") {
		t.Error("гэрээ.csv is not Windows-1251")
	}
	if !bytes.HasPrefix(files["activities-unicode.csv"], []byte{0xFF, 0xFE}) {
		t.Error("activities-unicode.csv does not start with the UTF-16LE byte order mark")
	}
}

// excelDate reads a date cell's raw value (a serial number) as a date.
func excelDate(t *testing.T, serial string) string {
	t.Helper()
	if serial == "" {
		return ""
	}
	n, err := strconv.ParseFloat(serial, 64)
	if err != nil {
		t.Errorf("date cell %q is not a serial number", serial)
		return serial
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)).Format("2006-01-02")
}

// TestMessy runs the messy folder and checks the whole outcome: rows
// accepted and rejected per file and why, countries, dates and amounts,
// and Cyrillic text in the workbook and the PDF.
func TestMessy(t *testing.T) {
	in := t.TempDir()
	for name, data := range messyFiles(t) {
		// The committed files, not the generator, are what users would
		// have: read them, falling back to the generator's only when they
		// are missing (TestMessyFiles reports that).
		if b, err := os.ReadFile(filepath.Join(messyDir, name)); err == nil {
			data = b
		}
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	r := e2eRun(t, in, out)
	if r.code != ExitOK {
		t.Fatalf("run: exit %d; stderr: %s", r.code, r.stderr)
	}
	dir := periodDir(t, out)

	t.Run("rows per file", func(t *testing.T) {
		m := e2eReadManifest(t, dir)
		type counts struct{ read, accepted, rejected int }
		want := map[string]counts{
			"гэрээ.csv":              {10, 6, 4},
			"мероприятия.csv":        {6, 4, 2},
			"activities-unicode.csv": {10, 7, 3},
			"registry.xlsx":          {10, 7, 3},
			"aliases.csv":            {2, 2, 0},
		}
		for name, w := range want {
			f, ok := m.input(name)
			if !ok {
				t.Errorf("manifest does not list %s", name)
				continue
			}
			if got := (counts{f.Read, f.Accepted, f.Rejected}); got != w {
				t.Errorf("%s: read/accepted/rejected %+v, want %+v", name, got, w)
			}
		}
		if len(m.Inputs) != len(want) {
			t.Errorf("manifest lists %d inputs, want %d", len(m.Inputs), len(want))
		}
		reg, _ := m.input("registry.xlsx")
		var kinds []string
		for _, tb := range reg.Tables {
			kinds = append(kinds, fmt.Sprintf("%s:%s:%d", tb.Sheet, tb.Kind, tb.Read))
		}
		if w := []string{"Гэрээ:agreements:5", "Үйл ажиллагаа:activities:5", "Тэмдэглэл:skipped:0"}; !slices.Equal(kinds, w) {
			t.Errorf("registry.xlsx sheets %q, want %q", kinds, w)
		}
		if f, _ := m.input("мероприятия.csv"); len(f.Tables) != 1 || f.Tables[0].Kind != "activities" {
			t.Errorf("мероприятия.csv: %+v, want activities (from its header)", f.Tables)
		}
		for _, w := range [][]string{
			{"registry.xlsx", "Тэмдэглэл", "not read"},
			{"registry.xlsx", "Гэрээ", "Contact person"},
			{"registry.xlsx", "Үйл ажиллагаа", "Contact person"},
		} {
			if !slices.ContainsFunc(m.Warnings, func(s string) bool {
				return strings.Contains(s, w[0]) && strings.Contains(s, w[1]) && strings.Contains(s, w[2])
			}) {
				t.Errorf("no warning names %q; warnings:\n%s", w, strings.Join(m.Warnings, "\n"))
			}
		}
		for _, w := range m.Warnings {
			if strings.Contains(w, "replacement character") {
				t.Errorf("the PDF lacks a glyph: %s", w)
			}
		}
	})

	t.Run("rejects", func(t *testing.T) {
		want := []struct {
			reject e2eReject
			says   []string
		}{
			{e2eReject{File: "activities-unicode.csv", Row: 7, Column: "Валют", Value: "¥"}, []string{"JPY", "CNY"}},
			{e2eReject{File: "activities-unicode.csv", Row: 8, Column: "Дүн", Value: "12,50"}, nil},
			{e2eReject{File: "activities-unicode.csv", Row: 9, Column: "Гэрээ", Value: "Г-404"}, []string{"Г-404"}},
			{e2eReject{File: "registry.xlsx", Sheet: "Гэрээ", Row: 6, Column: "Country", Value: "Lithvuania"}, []string{"did you mean Lithuania?"}},
			{e2eReject{File: "registry.xlsx", Sheet: "Үйл ажиллагаа", Row: 5, Column: "Participants", Value: "12.5"}, []string{"whole number"}},
			{e2eReject{File: "registry.xlsx", Sheet: "Үйл ажиллагаа", Row: 6, Column: "End", Value: "2015-06-01"}, []string{"before"}},
			{e2eReject{File: "гэрээ.csv", Row: 9, Column: "Улс", Value: "Германиа"}, []string{"did you mean", "Germany"}},
			{e2eReject{File: "гэрээ.csv", Row: 10, Column: "Байгуулсан огноо", Value: "13/25/2013"}, nil},
			{e2eReject{File: "гэрээ.csv", Row: 12, Column: "Дуусах огноо", Value: ""}, []string{"suspended"}},
			{e2eReject{File: "гэрээ.csv", Row: 13, Column: "Дугаар", Value: "Г-01"}, []string{"repeats гэрээ.csv, row 4", "counted once"}},
			{e2eReject{File: "мероприятия.csv", Row: 7, Column: "Соглашение", Value: "Г-06"}, []string{"rejected", "гэрээ.csv, row 9"}},
			{e2eReject{File: "мероприятия.csv", Row: 8, Column: "Дата начала", Value: "31.11.2015"}, []string{"November"}},
		}
		got := e2eRejects(t, dir)
		for _, w := range want {
			// Each column has one reject in this folder.
			i := slices.IndexFunc(got, func(g e2eReject) bool {
				return g.File == w.reject.File && g.Sheet == w.reject.Sheet && g.Column == w.reject.Column
			})
			if i < 0 {
				t.Errorf("no reject %+v", w.reject)
				continue
			}
			g := got[i]
			if g.Row != w.reject.Row {
				t.Errorf("reject %s %s %q %q: row %d, want %d (the row the spreadsheet shows)", g.File, g.Sheet, g.Column, g.Value, g.Row, w.reject.Row)
			}
			if !e2eSameValue(g.Value, w.reject.Value) {
				t.Errorf("reject %s %s row %d, column %q: value %q, want %q", g.File, g.Sheet, g.Row, g.Column, g.Value, w.reject.Value)
			}
			for _, s := range w.says {
				if !strings.Contains(g.Reason, s) {
					t.Errorf("reject %s row %d: reason %q does not say %q", g.File, g.Row, g.Reason, s)
				}
			}
			e2ePlain(t, g.Reason)
		}
		if len(got) != len(want) {
			t.Errorf("%d rejects, want %d:\n%+v", len(got), len(want), got)
		}
		v := e2eValidate(t, in)
		if v.code != ExitRejected || !strings.Contains(v.stdout, "12 rejected") {
			t.Errorf("validate: exit %d, stdout:\n%s", v.code, v.stdout)
		}
	})

	book := filepath.Join(dir, "report-"+filepath.Base(dir)+".xlsx")
	agreements := e2eSheetRecords(t, book, "Agreements")
	activities := e2eSheetRecords(t, book, "Activities")

	t.Run("agreements", func(t *testing.T) {
		want := []struct {
			id, code, country, signed, from, to, status, title string
		}{
			{"Г-01", "RU", "Russia", "1994-01-20", "1994-01-20", "", "in force", "Соглашение о культурном сотрудничестве между Правительством Монголии и Правительством Российской Федерации"},
			{"Г-02", "CN", "China", "1994-04-29", "1994-04-29", "", "", "Соёлын хамтын ажиллагааны гэрээ"},
			{"Г-03", "JP", "Japan", "2013-01-18", "2013-01-18", "2016-01-17", "", "Меморандум о сотрудничестве в области культуры"},
			{"Г-04", "DE", "Germany", "2007-06-25", "2007-07-01", "2010-06-30", "terminated", "Программа культурного обмена на 2007-2010 годы"},
			{"Г-05", "RU", "Russia", "2014-03-05", "2014-03-05", "", "", "Хамтын ажиллагааны санамж бичиг"},
			{"Г-08", "KZ", "Kazakhstan", "2015-09-01", "2015-09-01", "", "", "Соглашение о сотрудничестве в области культуры"},
			{"R-01", "KR", "South Korea", "2014-03-18", "2014-03-18", "2016-12-31", "", "Соёлын солилцооны хөтөлбөр 2014–2016"},
			{"R-02", "JP", "Japan", "2015-09-23", "2015-09-23", "", "", "=SUM(A1)"},
			{"R-03", "", "Multilateral", "2015-09-23", "2015-09-23", "", "", "Accession to the Marrakesh Treaty"},
			{"R-05", "TR", "Türkiye", "2012-11-12", "2012-11-12", "", "", "Türk kültür günleri"},
		}
		var ids []string
		for _, rec := range agreements {
			ids = append(ids, rec.values["ID"])
		}
		var wantIDs []string
		for _, w := range want {
			wantIDs = append(wantIDs, w.id)
		}
		slices.Sort(ids)
		slices.Sort(wantIDs)
		if !slices.Equal(ids, wantIDs) {
			t.Errorf("Agreements sheet ids %q, want %q", ids, wantIDs)
		}
		for _, w := range want {
			rec, ok := e2eFindRecord(agreements, "ID", w.id)
			if !ok {
				continue
			}
			v := rec.values
			got := []string{v["Country code"], v["Country"], excelDate(t, v["Signed"]), excelDate(t, v["Valid from"]), excelDate(t, v["Valid to"]), v["Status (register)"], v["Title"]}
			if exp := []string{w.code, w.country, w.signed, w.from, w.to, w.status, w.title}; !slices.Equal(got, exp) {
				t.Errorf("%s: %q\n    want %q", w.id, got, exp)
			}
		}
		if rec, _ := e2eFindRecord(agreements, "ID", "Г-03"); rec.values["Notes"] != "Подписан в Токио;\nсрок действия 3 года" || rec.values["Partner"] != "Агентство по делам культуры Японии" {
			t.Errorf("Г-03 notes %q, partner %q: the Cyrillic text and its line break must survive", rec.values["Notes"], rec.values["Partner"])
		}
		if rec, _ := e2eFindRecord(agreements, "ID", "Г-01"); rec.values["Counterpart"] != "Монгол Улсын Засгийн газар" {
			t.Errorf("Г-01 counterpart %q", rec.values["Counterpart"])
		}
		if rec, _ := e2eFindRecord(agreements, "ID", "R-01"); rec.values["Contact person"] != "Б. Батбаяр" {
			t.Errorf("R-01 Contact person %q, want the extra column kept", rec.values["Contact person"])
		}
		// The formula-like title is a string cell, not a formula.
		f, err := excelize.OpenFile(book)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rec, _ := e2eFindRecord(agreements, "ID", "R-02")
		rows, _ := f.GetRows("Agreements")
		cell, _ := excelize.CoordinatesToCellName(slices.Index(rows[0], "Title")+1, rec.row)
		if typ, _ := f.GetCellType("Agreements", cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("Agreements!%s (=SUM(A1) typed as text): type %v, want a string", cell, typ)
		}
		if formula, _ := f.GetCellFormula("Agreements", cell); formula != "" {
			t.Errorf("Agreements!%s holds the formula %q", cell, formula)
		}
	})

	t.Run("activities", func(t *testing.T) {
		want := []struct {
			id, code, region, date, end, amount, currency, participants string
		}{
			{"М-01", "RU", "", "2014-03-12", "2014-03-14", "12500000", "MNT", "40"},
			{"М-02", "RU", "", "2015-06-03", "2015-06-07", "450000.5", "RUB", "12"},
			{"М-03", "JP", "", "2015-09-01", "", "15000.75", "USD", "8"},
			{"М-04", "DE", "", "2015-10-05", "", "12.5", "EUR", "5"},
			{"Ү-01", "KR", "", "2013-01-18", "2013-01-20", "1250000.5", "MNT", "15"},
			{"Ү-02", "CN", "Inner Mongolia", "2013-01-18", "", "35000", "CNY", "20"},
			{"Ү-03", "FR", "", "2014-02-01", "", "12500", "EUR", "30"},
			{"Ү-04", "KZ", "", "2015-09-25", "", "1250", "USD", "4"},
			{"Ү-08", "", "", "2015-01-18", "", "", "", "12"},
			{"Ү-09", "CN", "Inner Mongolia", "2015-08-08", "", "", "", "9"},
			{"Ү-10", "RU", "Buryatia", "2015-07-01", "2015-07-03", "", "", "40"},
			{"X-01", "KR", "", "2014-04-10", "2014-04-12", "25000000", "KRW", "25"},
			{"X-02", "JP", "", "2015-09-23", "", "1250000.5", "MNT", "6"},
			{"X-05", "", "", "2015-11-11", "", "1234567.89", "MNT", "0"},
		}
		var ids, wantIDs []string
		for _, rec := range activities {
			ids = append(ids, rec.values["ID"])
		}
		for _, w := range want {
			wantIDs = append(wantIDs, w.id)
		}
		slices.Sort(ids)
		slices.Sort(wantIDs)
		if !slices.Equal(ids, wantIDs) {
			t.Errorf("Activities sheet ids %q, want %q", ids, wantIDs)
		}
		for _, w := range want {
			rec, ok := e2eFindRecord(activities, "ID", w.id)
			if !ok {
				continue
			}
			v := rec.values
			got := []string{v["Country code"], v["Region"], excelDate(t, v["Date"]), excelDate(t, v["End"]), v["Amount"], v["Currency"], v["Participants"]}
			if exp := []string{w.code, w.region, w.date, w.end, w.amount, w.currency, w.participants}; !slices.Equal(got, exp) {
				t.Errorf("%s: %q\n    want %q", w.id, got, exp)
			}
		}
		for id, title := range map[string]string{
			"М-02": "Фестиваль «Древние баллады в наше время», Москва",
			"Ү-02": `Үзэсгэлэн "Монгол зураг", Хөх хот`,
			"X-01": "Монголын соёлын өдрүүд Сөүлд",
		} {
			if rec, _ := e2eFindRecord(activities, "ID", id); rec.values["Title"] != title {
				t.Errorf("%s title %q, want %q", id, rec.values["Title"], title)
			}
		}
		if rec, _ := e2eFindRecord(activities, "ID", "Ү-01"); rec.values["Agency"] != "Соёлын өвийн үндэсний төв" {
			t.Errorf("Ү-01 agency %q", rec.values["Agency"])
		}
	})

	t.Run("amounts exact", func(t *testing.T) {
		// Whole-period rows of finance.csv, exact decimals as written.
		want := map[string]string{
			"RU MNT": "12500000.00", "RU RUB": "450000.50", "JP USD": "15000.75", "DE EUR": "12.50",
			"KR MNT": "1250000.50", "KR KRW": "25000000", "CN CNY": "35000.00", "FR EUR": "12500.00",
			"KZ USD": "1250.00", "JP MNT": "1250000.50", " MNT": "1234567.89",
		}
		got := map[string]string{}
		for _, row := range e2eReadCSV(t, filepath.Join(dir, "finance.csv"))[1:] {
			if row[0] == filepath.Base(dir) {
				got[row[1]+" "+row[3]] = row[4]
			}
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("finance.csv, whole period, %q: %q, want %q", k, got[k], w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("finance.csv whole period: %v, want %v", got, want)
		}
	})

	t.Run("countries", func(t *testing.T) {
		var codes []string
		for _, row := range e2eReadCSV(t, filepath.Join(dir, "summary.csv"))[1:] {
			if row[0] == filepath.Base(dir) {
				codes = append(codes, row[1])
			}
		}
		slices.Sort(codes)
		if w := []string{"", "CN", "DE", "FR", "JP", "KR", "KZ", "RU", "TR"}; !slices.Equal(codes, w) {
			t.Errorf("summary.csv countries %q, want %q", codes, w)
		}
	})

	t.Run("PDF", func(t *testing.T) {
		text := strings.Join(strings.Fields(e2ePDFText(t, filepath.Join(dir, "report-"+filepath.Base(dir)+".pdf"))), " ")
		for _, s := range []string{"Хамтын ажиллагааны санамж бичиг", "Соёлын солилцооны хөтөлбөр", "Kazakhstan", "Г-08"} {
			if !strings.Contains(text, s) {
				t.Errorf("the PDF text does not hold %q", s)
			}
		}
	})
}
