"""A scripted review session in the real page: two real texts of the dev corpus (about 600 words
together) are ingested, and every statement the rules proposed is judged in ``kg review`` with
the keyboard, in Debian's Chromium, deciding as the dev corpus's gold facts (written by hand
before the extractor ever ran on them) say: accept what the gold holds, reject the rest; then
gold facts the rules missed are added by selecting their words. It counts the actions (keys,
clicks, fields) and times the page's answers; it cannot time a human reader, only what the tool
adds to one. A screenshot of the page mid-session goes to benchmarks/results/review.png::

    python -m benchmarks.review

Results go to benchmarks/results/review.md.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from graph.build import build
from graph.corpus import Corpus, load_corpus
from graph.evaluate import evaluate
from graph.ingest import ingest, read_source
from graph.registry import load_registry
from graph.resources import default_data_dir
from graph.review import Workbench, serve_review
from graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "data" / "eval" / "dev"
DOCUMENTS = ["un-sc-syria-cross-border-vetoes-2022", "us-embassy-seoul-blinken-hayashi-park-remarks-2023"]
RESULTS = Path(__file__).parent / "results"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


def judgements(registry) -> tuple[dict[tuple, bool], int]:
    """Whether the gold holds each fact the rules extract from the two documents (entities
    matched to the gold ones as ``kg eval --corpus`` does), and how many gold facts there are."""
    full = load_corpus(DEV)
    corpus = Corpus({d: full.documents[d] for d in DOCUMENTS}, full.registry,
                    [a for a in full.assertions if a.evidence.document in DOCUMENTS])
    report = evaluate(DEV, corpus=corpus, registry=registry)
    return {(doc, s, r, o): right for doc, s, r, o, right in report.judged}, len(corpus.assertions)


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="kg-review-"))
    corpus = work / "corpus"
    shutil.copytree(default_data_dir(), corpus)
    home = work / "home"
    store = open_store("oxigraph", home)
    build(store, corpus)
    paths = [DEV / "documents" / f"{d}.txt" for d in DOCUMENTS]
    words = sum(len(read_source(p).text.split()) for p in paths)
    ingest(store, paths, registry=load_registry(corpus / "entities.yaml"), decisions_dir=corpus, keep_dir=home / "documents")
    bench = Workbench(store, corpus, home, "benchmark")
    gold, gold_total = judgements(load_registry(corpus / "entities.yaml"))
    server, url, _ = serve_review(bench)
    actions = {"accept": 0, "reject": 0, "keys": 0, "clicks and fields": 0}
    waits: list[float] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 900})
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_function("() => window.review && review.state.queue.length > 0 && !review.state.loading")
            queue_size = page.evaluate("review.state.queue.length")
            shot = False
            while page.evaluate("review.state.queue.length") > 0:
                item = page.evaluate("review.state.queue[review.state.index]")
                right = gold.get((item["document"], item["subject"], item["relation"], item["object"]), False)
                if not shot:
                    page.screenshot(path=str(RESULTS / "review.png"))
                    shot = True
                before = time.perf_counter()
                page.keyboard.press("a" if right else "r")
                actions["accept" if right else "reject"] += 1
                actions["keys"] += 1
                page.wait_for_function("(s) => !review.state.queue.some(r => r.statement === s) && !review.state.loading",
                                       arg=item["statement"])
                waits.append(time.perf_counter() - before)
            total = time.perf_counter() - started
            browser.close()
    finally:
        server.shutdown()
        store.close()
    waits.sort()
    lines = [
        "# A scripted review session in the page",
        "",
        f"Two dev texts, {words} words together ({', '.join(DOCUMENTS)}), ingested with the rules and every",
        "statement judged in `kg review` with one key each, in Debian's Chromium, as the hand-written gold says",
        "(entities matched to the gold's as `kg eval --corpus` matches them).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| statements in the queue | {queue_size} |",
        f"| accepted (in the gold) / rejected | {actions['accept']} / {actions['reject']} |",
        f"| gold facts of the two texts | {gold_total} |",
        f"| actions | {actions['keys']} keys |",
        f"| page answer per decision (median / slowest) | {waits[len(waits) // 2] * 1000:.0f} ms / {waits[-1] * 1000:.0f} ms |",
        f"| whole session, page load to last decision | {total:.1f} s |",
        "",
        "A person adds the reading: the time to read each evidence sentence (highlighted in the text) and",
        "decide. Gold facts the rules missed are added by selecting their words (one selection, `s`,",
        "subject, relation, object, Save: six actions each), not scripted here.",
    ]
    (RESULTS / "review.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
