"""Progress on long work: the library counts what streams, the CLI draws it."""

from __future__ import annotations

import io

from graph import progress
from graph.build import build
from graph.cli import Bar
from graph.export import export
from graph.store import open_store


class Recorder:
    def __init__(self):
        self.begun, self.done = [], 0

    def begin(self, label, total, unit):
        self.begun.append((label, total, unit))

    def advance(self, n):
        self.done += n


def test_a_build_counts_every_triple_it_loads_and_an_export_every_byte(tmp_path, data_dir):
    store = open_store("oxigraph", tmp_path / "home")
    with progress.watching(Recorder()) as seen:
        report = build(store, data_dir)
    (label, total, unit), = seen.begun
    assert (label, unit) == ("loading", "triples") and total == report.triples
    assert seen.done >= report.triples  # the graphs written, plus the tallies derived from them
    out = io.BytesIO()
    with progress.watching(Recorder()) as seen:
        export(store, "nquads", out)
    assert seen.begun == [("exporting", None, "bytes")] and seen.done == len(out.getvalue())


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_off_a_terminal_the_bar_is_a_line_per_tenth_and_small_jobs_are_quiet():
    stream, clock = io.StringIO(), Clock()
    bar = Bar(stream)
    bar.clock = clock
    bar.begin("loading", 1_000_000, "triples")
    for _ in range(20):
        clock.now += 1
        bar.advance(50_000)
    lines = stream.getvalue().splitlines()
    assert lines[-1] == "loading: 100% (1,000,000 of 1,000,000 triples)"
    assert len(lines) <= 10 and all(line.startswith("loading: ") for line in lines)
    quiet = io.StringIO()
    small = Bar(quiet)
    small.clock = clock
    small.begin("loading", 3_000, "triples")
    clock.now += 10
    small.advance(3_000)
    assert quiet.getvalue() == ""


def test_with_no_total_the_bar_reports_the_amount_every_few_seconds():
    stream, clock = io.StringIO(), Clock()
    bar = Bar(stream, every=10)
    bar.clock = clock
    bar.begin("exporting", None, "bytes")
    for _ in range(30):
        clock.now += 1
        bar.advance(10_000_000)
    lines = stream.getvalue().splitlines()
    assert lines and lines[-1].startswith("exporting: ") and lines[-1].endswith("MB so far") and len(lines) <= 3


def test_work_nobody_announced_draws_nothing():
    stream, clock = io.StringIO(), Clock()
    bar = Bar(stream)
    bar.clock = clock
    clock.now = 100
    bar.advance(78)
    assert stream.getvalue() == ""


def test_ingest_and_eval_count_documents(tmp_path, data_dir):
    from graph.evaluate import evaluate
    from graph.ingest import ingest

    note = tmp_path / "note.txt"
    note.write_text("Russia vetoed the draft resolution.\n", encoding="utf-8")
    with progress.watching(Recorder()) as seen:
        ingest(open_store("memory"), [note])
    assert seen.begun[0] == ("extracting", 1, "documents") and seen.begun[1][0] == "writing"
    with progress.watching(Recorder()) as seen:
        evaluate(data_dir)
    assert seen.begun == [("scoring", 2, "documents")] and seen.done == 2
