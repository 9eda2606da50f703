//go:build !race

package phi

const raceEnabled = false
