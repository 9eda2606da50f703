package phi

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// textCityData is a list of world cities of 100,000 people or more and US
// cities of 50,000 or more, lower-cased (see text_cities.PROVENANCE.md).
//
//go:embed text_cities.txt
var textCityData string

var (
	textCitiesOnce sync.Once
	textCitySet    map[string]uint8 // cityName | cityFirst
)

const (
	cityName  = 1 // a listed name
	cityFirst = 2 // the first word of a listed name of several words
)

func textCities() map[string]uint8 {
	textCitiesOnce.Do(func() {
		textCitySet = make(map[string]uint8, 6000)
		for _, l := range strings.Split(textCityData, "\n") {
			if l != "" {
				textCitySet[l] |= cityName
				if k := strings.IndexAny(l, " -"); k > 0 {
					textCitySet[l[:k]] |= cityFirst
				}
			}
		}
	})
	return textCitySet
}

// knownCity returns the last word of a listed city name of up to three
// words starting at word i, or -1. A single word that is an English word
// or in a name list is no city here ("Reading", "Florence"): the place
// word rules find those. Country and state names are left to the hints.
func (ts *textScanner) knownCity(i int) int {
	t := &ts.toks[i]
	if t.kind != ttAlpha || t.used || !t.capital || t.e-t.s < 3 {
		return -1
	}
	set := textCities()
	n := len(ts.toks)
	last := i
	if t.ascii {
		c := set[ts.lw(i)]
		if c&cityFirst == 0 {
			// no listed name of several words starts here
			if c == 0 || t.lx != 0 && t.lx&textDeny == 0 {
				return -1
			}
			last = i - 1
		}
	}
	for k := i + 1; k < n && k <= i+2 && last >= i; k++ {
		if g := ts.gap(k); g != " " && g != "-" || ts.toks[k].used || ts.toks[k].kind != ttAlpha {
			break
		}
		last = k
	}
	if last < i {
		last = i
	}
	var buf [96]byte
	for e := last; e >= i; e-- {
		var hit bool
		key := ts.low[ts.toks[i].s:ts.toks[e].e]
		if ts.toks[i].ascii && ts.toks[e].ascii {
			hit = set[key]&cityName != 0
		} else {
			b := buf[:0]
			for _, r := range ts.s[ts.toks[i].s:ts.toks[e].e] {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			hit = set[string(b)]&cityName != 0 // no allocation
		}
		if !hit || textCountries[key] || textStates[key] {
			continue
		}
		if e == i {
			if t.lx != 0 && t.lx&textDeny == 0 || t.allCaps && t.e-t.s <= 4 {
				return -1
			}
			if tier, _, _ := ts.nameTier(i); tier > 0 {
				return -1
			}
		} else if !ts.toks[e].capital && !ts.is(e, "de", "del", "la", "do", "da", "am", "an", "der", "el") {
			continue
		}
		return e
	}
	return -1
}

// cityRules reports the listed cities (knownCity) before the name rules
// read them as names; not after a title or a name label ("Dr Tokyo").
func (ts *textScanner) cityRules() {
	n := len(ts.toks)
	for i := 0; i < n; i++ {
		if ts.toks[i].kind != ttAlpha || !ts.toks[i].capital {
			continue
		}
		if e := ts.knownCity(i); e >= 0 {
			if i > 0 && (ts.isTitle(i-1) || textNameLabels[ts.lw(i-1)]) {
				continue
			}
			ts.add(CategoryAddress, ts.toks[i].s, ts.toks[e].e, 0.6)
			i = e
		}
	}
}
