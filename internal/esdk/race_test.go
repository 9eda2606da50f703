//go:build race

package esdk

// raceEnabled trims the slowest exhaustive tests under the race detector;
// the plain and FIPS runs do them in full.
const raceEnabled = true
