package phi

// The PHI detector's embedded lexicon and its labeled test corpus are
// generated; see lexicon/PROVENANCE.md and the header of
// testdata/names.tsv. Both need the shared name lists beside the
// repository (../../../shared/phi/names); the lexicon also needs Debian
// wamerican and wamerican-small.
//
//go:generate go run ../../internal/phicorpus/cmd/phicorpus -names ../../../shared/phi/names -out testdata/names.tsv
//go:generate go run ../../internal/phicorpus/cmd/phidata -names ../../../shared/phi/names -out lexicon/lexicon.txt.gz
