"""Performance harness: `python -m benchmarks.<area>` writes benchmarks/results/<area>.md."""
