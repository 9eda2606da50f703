//go:build race

package phi

// raceEnabled: under the race detector sync.Pool drops items at random, so
// the allocation counts of the pooled paths are checked by the plain and
// FIPS runs only.
const raceEnabled = true
