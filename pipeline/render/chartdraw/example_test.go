package chartdraw

import (
	"bytes"
	"fmt"
	"image/png"
)

// The web version places a chart as the SVG element itself; the Word
// version places the PNG at the size in points SVG and PNG return.
func ExampleSVG() {
	r := sampleReport()
	svg, size, err := SVG(r, "activities-by-country", "Activities per partner country", 493.23)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.1f × %.1f points\n", size.W, size.H)
	fmt.Printf("%s\n", svg[:bytes.IndexByte(svg, '>')+1])
	// Output:
	// 493.2 × 136.1 points
	// <svg xmlns="http://www.w3.org/2000/svg" width="493.23pt" height="136.108pt" viewBox="0 0 174.001 48.016" role="img" font-family="DejaVu Sans, Arial, sans-serif">
}

func ExamplePNG() {
	b, size, err := PNG(sampleReport(), "money-by-bucket", "Money spent per month, in MNT", 493.23, 200)
	if err != nil {
		panic(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.1f × %.1f points, %v pixels\n", size.W, size.H, img.Bounds().Size())
	// Output:
	// 493.2 × 271.6 points, (1370,754) pixels
}
