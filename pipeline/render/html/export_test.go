package html

// The browser tests (package html_test) open the unit tests' sample page.
var (
	SampleMD     = sampleMD
	SampleReport = sampleReport
	FakeChart    = fakeChart
)
