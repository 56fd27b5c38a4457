# The two quick-start commands. Both install what they need first (scripts/bootstrap.sh).
.PHONY: run test bench

## Serve the board and the sandbox API with demo data on http://127.0.0.1:8080
run:
	@scripts/run.sh

## Every test layer: native, sandbox, browser, e2e
test:
	@scripts/test.sh

## The board against a vanilla-JS baseline, one table (BENCH_ARGS=--write also updates BENCHMARKS.md)
bench:
	@BENCH_COMMAND="make bench$(if $(BENCH_ARGS), BENCH_ARGS='$(BENCH_ARGS)')" scripts/bench.sh $(BENCH_ARGS)
