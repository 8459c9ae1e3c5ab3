"""cablethread's benchmark harness; run ``python -m benchmarks --help``."""
