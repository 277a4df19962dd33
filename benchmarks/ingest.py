"""Ingest throughput: sentences per second and MB per minute on a synthetic news corpus.

A corpus of at least 10 MB is generated on the fly into a temporary folder: short news articles
(metadata header, about 30 sentences each) written from sentence templates that vary actors,
verbs, dates, quantities, hedges and attributions, so every stage of the pipeline does real work.
The documents go through the stages of ``kg ingest`` one by one (read and convert, extract, build
the document's named graph) and then into an on-disk Oxigraph store in one transaction, as
``kg ingest`` does; each stage is timed. Run from the checkout::

    python -m benchmarks.ingest [--mb 10] [--seed 7]

Results go to benchmarks/results/ingest.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import tempfile
import time
from pathlib import Path

from graph.extract import PRODUCER, Extractor
from graph.ingest import document_graph, ingest, read_source
from graph.namespaces import Instances
from graph.registry import load_registry
from graph.resources import default_data_dir
from graph.store import open_store
from graph.tallies import write_graphs

RESULTS = Path(__file__).parent / "results" / "ingest.md"

STATES = ["Russia", "North Korea", "South Korea", "China", "the United States", "Japan", "Ukraine", "Iran", "Syria",
          "Moscow", "Pyongyang", "Seoul", "Beijing", "Washington", "Kyiv", "the Russian Federation"]
LEADERS = ["Vladimir Putin", "Kim Jong Un", "Donald Trump", "Joe Biden"]
SOURCES = ["the Pentagon", "RUSI", "South Korean officials", "TV Chosun", "the Stimson Center", "analysts"]
MONTHS = "January February March April May June July August September October November December".split()
TEMPLATES = [
    "{A} vetoed a Security Council resolution on {D}.",
    "{A} and {B} signed a mutual defence treaty in {M} {Y}.",
    "According to {S}, {A} has shipped {N} artillery shells to {B} since {Y}.",
    "{A} may send troops to {B} as early as {M}.",
    "{A} did not deploy soldiers to {B}, {S} said on {W}.",
    "Reports suggest that {A} supplied {B} with fuel and food worth ${N} million.",
    "{L} warned that {A} would face consequences.",
    "{A} reportedly sent {N} workers to {B} two days later.",
    "{A} condemned {B} after the missile test.",
    "{A} sanctioned {B} over the arms transfers in {Y}.",
    "{A} abstained on Resolution {R}, which condemned {B}.",
    "{A} recognised Donetsk and Luhansk in {Y}.",
    "Analysts say {A} could transfer missile technology to {B}.",
    "{A} has increasingly turned to {B} for ammunition and troops.",
    "The alliance between {A} and {B} worries {C}.",
    "{L} and {K} met in {A} on {W} to discuss the war in Ukraine.",
    "Officials in {A} denied that they had received weapons from {B}.",
    "{A} voted for the measure while {B} abstained.",
    "Foreign Minister Ivan Petrov{I} said {A} was ready to strengthen ties with {B}.",
    "The Ministry of Defence{I} of {A} said {N} soldiers had moved toward the border region.",
]


def _sentence(rng: random.Random) -> str:
    a, b, c = rng.sample(STATES, 3)
    k, l = rng.sample(LEADERS, 2)
    return rng.choice(TEMPLATES).format(
        A=a, B=b, C=c, K=k, L=l, S=rng.choice(SOURCES), N=f"{rng.randint(1, 900):,}", Y=rng.randint(1990, 2025),
        M=rng.choice(MONTHS), D=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2000, 2025)}",
        W=rng.choice(["Monday", "Tuesday", "Thursday"]), R=rng.randint(1000, 2799), I=f" {rng.randint(1, 99)}" if rng.random() < 0.3 else "")
    # (a few generated names vary, so the new-entity stage has work too)


def generate(folder: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """Write news-like documents totalling ``megabytes`` MB; return (files, bytes)."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    total = files = 0
    while total < target:
        sentences = [_sentence(rng) for _ in range(rng.randint(20, 40))]
        paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
        date = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = (f"---\nid: synthetic-{files:05d}\ntitle: \"Synthetic article {files}\"\ndate: \"{date}\"\n---\n"
                f"Headline of article {files}\n\n" + "\n\n".join(paragraphs) + "\n")
        data = text.encode("utf-8")
        (folder / f"synthetic-{files:05d}.txt").write_bytes(data)
        total += len(data)
        files += 1
    return files, total


def run(megabytes: float, seed: int) -> dict:
    registry = load_registry(default_data_dir() / "entities.yaml")
    with tempfile.TemporaryDirectory(prefix="kg-ingest-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        t = time.perf_counter()
        files, size = generate(corpus, megabytes, seed)
        generate_s = time.perf_counter() - t
        paths = sorted(corpus.glob("*.txt"))
        extractor = Extractor(registry, use_ner=False)
        inst = Instances()
        read_s = extract_s = graph_s = 0.0
        sentences = statements = triples = 0
        graphs = {}
        for path in paths:
            t0 = time.perf_counter()
            doc = read_source(path)
            t1 = time.perf_counter()
            result = extractor.extract(doc)
            t2 = time.perf_counter()
            graph = document_graph(result, inst)
            t3 = time.perf_counter()
            read_s += t1 - t0
            extract_s += t2 - t1
            graph_s += t3 - t2
            sentences += len(result.sentences)
            statements += len(result.assertions)
            triples += len(graph)
            graphs[inst.graph_document(doc.id)] = graph
        store = open_store("oxigraph", Path(tmp) / "home")
        t = time.perf_counter()
        write_graphs(store, graphs)
        write_s = time.perf_counter() - t
        # the real command path, end to end, on the same files: every document is unchanged now
        t = time.perf_counter()
        report = ingest(store, paths[:200], registry=registry)
        recheck_s = time.perf_counter() - t
        assert all(i.status == "unchanged" for i in report.items)
        store.close()
    total_s = read_s + extract_s + graph_s + write_s
    mb = size / 1048576
    return {
        "target_mb": megabytes, "files": files, "mb": mb, "sentences": sentences, "statements": statements, "triples": triples,
        "generate_s": generate_s, "read_s": read_s, "extract_s": extract_s, "graph_s": graph_s, "write_s": write_s,
        "total_s": total_s, "recheck_s": recheck_s,
        "sent_per_s_extract": sentences / extract_s, "sent_per_s_total": sentences / total_s,
        "mb_per_min_extract": mb / extract_s * 60, "mb_per_min_total": mb / total_s * 60,
    }


def eval_section() -> str:
    """The extractor's scores on the bundled corpus and the news fixtures (``kg eval``), for the record."""
    from graph.evaluate import evaluate, format_report

    fixtures = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "news"
    parts = ["## Extraction quality (`kg eval`, same code)", ""]
    for title, folder in (("bundled sample corpus", default_data_dir()), ("news fixtures", fixtures)):
        parts += [f"### {title}", "", "```", format_report(evaluate(folder)), "```", ""]
    return "\n".join(parts)


def write_results(r: dict, seed: int) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Ingest throughput",
        "",
        f"`python -m benchmarks.ingest --mb {r['target_mb']:g} --seed {seed}` — {PRODUCER}, rule-based pipeline (no NER), "
        f"on {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {load:.1f} at the end of the run (other jobs shared the machine).",
        "",
        f"Synthetic news corpus generated on the fly: {r['files']:,} documents, {r['mb']:.1f} MB, "
        f"{r['sentences']:,} sentences; {r['statements']:,} statements and {r['triples']:,} triples extracted.",
        "",
        "| stage | seconds | sentences / s | MB / min |",
        "|---|---:|---:|---:|",
        f"| read and convert | {r['read_s']:.1f} | | |",
        f"| extract (all stages) | {r['extract_s']:.1f} | {r['sent_per_s_extract']:,.0f} | {r['mb_per_min_extract']:.2f} |",
        f"| build named graphs | {r['graph_s']:.1f} | | |",
        f"| write to Oxigraph (one transaction) | {r['write_s']:.1f} | | |",
        f"| **ingest, end to end** | **{r['total_s']:.1f}** | **{r['sent_per_s_total']:,.0f}** | **{r['mb_per_min_total']:.2f}** |",
        "",
        f"Re-ingesting 200 unchanged documents through `graph.ingest.ingest` (hash check, no extraction): "
        f"{r['recheck_s']:.2f} s.",
        "",
        "Extraction dominates; it is linear in the text (each sentence is processed on its own with a fixed set "
        "of compiled patterns), so a 5 MB file, the largest `kg ingest` accepts, takes about "
        f"{5 / r['mb_per_min_total']:.1f} minutes at this rate.",
        "",
    ]
    text = "\n".join(lines) + "\n" + eval_section()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(write_results(run(args.mb, args.seed), args.seed))


if __name__ == "__main__":
    main()
