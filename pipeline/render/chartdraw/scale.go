package chartdraw

import (
	"math"
	"strconv"
	"strings"

	"coopreport/pipeline/lang"
)

// axisScale is how values map to an axis: ticks from lo to hi by step,
// tick labels divided by unit ("millions") and shown with decimals.
type axisScale struct {
	lo, hi, step float64
	unit         float64
	unitName     string
	decimals     int
	l            lang.Lang // the language of the labels and the unit
}

// niceScale returns an axis from lo to hi (0 included) with about five
// ticks at round numbers. integer keeps the step at a whole number.
func niceScale(lo, hi float64, integer bool) axisScale {
	lo, hi = min(lo, 0), max(hi, 0)
	if hi-lo <= 0 {
		hi = 1
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	var step float64
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if step = m * mag; step >= raw {
			break
		}
	}
	if integer {
		step = max(math.Round(step), 1)
	}
	s := axisScale{lo: math.Floor(lo/step) * step, hi: math.Ceil(hi/step) * step, step: step, unit: 1}
	big := max(math.Abs(s.lo), math.Abs(s.hi))
	for _, u := range []struct {
		v    float64
		name string
	}{{1e9, "billions"}, {1e6, "millions"}, {1e4, "thousands"}} {
		if big >= u.v*10 || (u.v >= 1e6 && big >= u.v) {
			s.unit, s.unitName = u.v, u.name
			break
		}
	}
	// As many decimals as the step needs, the same on every tick.
	f := step / s.unit
	for s.decimals < 3 {
		scaled := f * math.Pow(10, float64(s.decimals))
		if math.Abs(scaled-math.Round(scaled)) < 1e-6*scaled {
			break
		}
		s.decimals++
	}
	return s
}

// ticks returns the tick values.
func (s axisScale) ticks() []float64 {
	var out []float64
	n := int(math.Round((s.hi - s.lo) / s.step))
	for i := 0; i <= n; i++ {
		out = append(out, s.lo+float64(i)*s.step)
	}
	return out
}

// label formats a tick value with the report's digit grouping.
func (s axisScale) label(v float64) string {
	t := strconv.FormatFloat(v/s.unit, 'f', s.decimals, 64)
	if t == "-0" || strings.Trim(t, "-0.") == "" {
		t = "0"
	}
	return s.l.Digits(t)
}

// in returns s labelled in l.
func (s axisScale) in(l lang.Lang) axisScale {
	s.l = l
	return s
}

// withUnit adds the scale's unit to an axis title: "MNT (millions)".
func (s axisScale) withUnit(title string) string {
	if s.unitName == "" {
		return title
	}
	return title + " (" + words.In(s.l, s.unitName) + ")"
}
