# phisafe: two commands do all set-up on a fresh machine.
#   make demo   the quickstart and rds-postgres examples end to end against the local stack
#   make test   the whole suite: stack up, gofmt, vet, staticcheck, tests with -race, again in FIPS 140-3 mode, interop
SHELL := /bin/bash
STACK := scripts/stack
ENV := source .stack/env &&
PKGS := ./...

.PHONY: all test demo stack stack-down fmt-check vet lint unit unit-fips interop bench vulncheck fuzz clean

all: test

stack:
	$(STACK) up

stack-down:
	$(STACK) down

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	go vet $(PKGS)

lint: stack
	$(ENV) staticcheck $(PKGS)

unit: stack
	$(ENV) go test -race -count=1 $(PKGS)

# The whole suite again with Go's FIPS 140-3 module enabled (without -race, so the
# exhaustive tests that -race trims run in full here).
unit-fips: stack
	$(ENV) GODEBUG=fips140=on go test -count=1 $(PKGS)

# phisafe against the official AWS Encryption SDK for Go, both ways. A
# separate module (interop/go.mod) so the main module never depends on the
# Dafny runtime; no -race, since the official SDK races when shared.
interop:
	cd interop && go vet ./... && go test -count=1 ./...

test: stack fmt-check vet lint unit unit-fips interop

demo: stack
	$(ENV) go run ./examples/quickstart
	$(ENV) go run ./examples/rds-postgres

# Side-by-side benchmark tables (speed goals live here, never in timed tests).
bench: stack
	$(ENV) go test -run '^$$' -bench . -benchmem -cpu 1 ./hipaa/... ./internal/esdk/... ./internal/phiblind/
	go run ./hipaa/auditlog/internal/cmd/audittable
	cd interop && go run ./cmd/benchtable
	go run ./internal/cmd/rssbench -size 1G -limit 32M

# Short fuzzing pass over every Fuzz target.
fuzz:
	@for pkg in $$(go list ./...); do \
	  for f in $$(go test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; go test -run '^$$' -fuzz "^$$f$$" -fuzztime 20s $$pkg || exit 1; \
	  done; \
	done

# Needs the online vulnerability database, which CI machines here cannot reach.
vulncheck:
	GOFLAGS= go run golang.org/x/vuln/cmd/govulncheck@latest $(PKGS)

clean: stack-down
	rm -rf .stack
