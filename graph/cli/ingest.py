"""``kg ingest`` (documents through the extractor into the store) and ``kg eval`` (the extractor
scored against a corpus's curated facts)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from ..decisions import load_entity_decisions, with_entity_decisions
from ..evaluate import evaluate, format_report, reviewed_corpus
from ..ingest import collect_files, ingest as ingest_documents
from ..llm import EXTRACTOR_KINDS, make_extractor
from ..results import printable
from ..registry import load_registry
from ..resources import default_data_dir
from . import main, pass_store


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Title of the document (one file only); wins over its header.")
@click.option("--date", help="Date of the document(s): YYYY, YYYY-MM or YYYY-MM-DD; wins over the header.")
@click.option("--source", help="Where the document(s) come from (a URL); wins over the header.")
@click.option("--data", "data_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Corpus folder whose entities.yaml is the registry to link to (default: the bundled corpus).")
@click.option("--dry-run", is_flag=True, help="Print what would be added; change nothing.")
@click.option("--extractor", "kind", type=click.Choice(EXTRACTOR_KINDS), default="rules", show_default=True,
              help="rules (offline), llm (a language model at KG_LLM_URL, every fact verified against the text) "
                   "or both side by side.")
@click.option("--explain", is_flag=True, help="List each fact of the language model that verification dropped, and why.")
@click.pass_context
@pass_store
def ingest(store, ctx: click.Context, paths: tuple[Path, ...], title: str | None, date: str | None,
           source: str | None, data_dir: Path | None, dry_run: bool, kind: str, explain: bool) -> None:
    """Extract entities and facts from text, Markdown or HTML files (or folders of them) into the graph.

    \b
    Each document becomes one named graph: re-ingesting a changed document replaces it, an
    unchanged one changes nothing. Proposed new entities are written for review to
    <home>/review/<document>.yaml. Files above 5 MB are refused.
    \b
    Examples:
      kg ingest article.txt --date 2024-10-25 --source https://example.org/a
      kg ingest news/ --dry-run
      KG_LLM_URL=http://127.0.0.1:8080/v1 KG_LLM_MODEL=qwen2.5 kg ingest article.txt --extractor both
    """
    corpus = data_dir or default_data_dir()  # its reviewers' decisions: entities taken in, merges, rejections
    registry = with_entity_decisions(load_registry(corpus / "entities.yaml"), load_entity_decisions(corpus), keep_merged=False)
    files = collect_files(paths)
    home = Path(ctx.find_root().obj["home"])
    extractor = make_extractor(kind, registry, cache_dir=home / "cache" / "llm")
    options = dict(registry=registry, title=title, date=date, source=source, dry_run=dry_run,
                   review_dir=home / "review", extractor=extractor, decisions_dir=corpus,
                   keep_dir=home / "documents")
    if len(files) > 1:
        with click.progressbar(length=len(files), label="extracting", file=sys.stderr) as bar:
            report = ingest_documents(store, files, on_document=lambda doc: bar.update(1), **options)
    else:
        report = ingest_documents(store, files, **options)
    for item in report.items:
        if item.extraction is None:
            click.echo(f"{item.status:<14} {item.document.id}")
            continue
        x = item.extraction
        click.echo(f"{item.status:<14} {item.document.id}: {len(x.sentences)} sentences, {len(x.assertions)} statements, "
                   f"{len(x.new_entities)} new entities, {item.triples} triples")
        if kind != "rules":
            _dropped(x, explain)
        if dry_run:
            for a in x.assertions:
                when = a.point_in_time or a.start_time or a.end_time or ""
                click.echo(f"    {a.subject} {a.relation} {a.object} [{a.certainty}{', ' + str(when) if when else ''}] "
                           f"{a.evidence.quote[:70]!r}")
            for e in x.new_entities:
                click.echo(f"    new entity {e.id} ({e.cls}): {e.label}")
    changed = sum(1 for i in report.items if i.status in ("added", "replaced"))
    if dry_run:
        click.echo(f"dry run: nothing written ({store.describe()})")
    else:
        click.echo(f"{changed} of {len(report.items)} documents written, {report.statements} statements ({store.describe()})")


def _dropped(extraction, explain: bool) -> None:
    """What verification did to the language model's facts in one document."""
    counts = Counter(reason for reason, _ in extraction.dropped)
    shown = ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    click.echo(f"    language model: {extraction.proposed} facts proposed, {len(extraction.dropped)} dropped by verification"
               + (f" ({shown})" if shown else ""))
    if explain:
        for reason, fact in extraction.dropped:
            click.echo(f"      dropped, {reason}: {printable(fact)}")


@main.command(name="eval")
@click.option("--data", "data_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Corpus folder with documents/, entities.yaml and curated/ (default: the bundled corpus); "
                   "the extractor links to that folder's own registry.")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Score unseen text: the extractor links to the bundled registry and gazetteer only, and its "
                   "entities are matched to the folder's gold entities by id, QID or name (e.g. data/eval/test).")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Tables for reading, or JSON (the same flag as `kg query` and `kg stats`).")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Same as -f json (kept for old scripts).")
@click.option("--errors", is_flag=True, help="Also list the missed and spurious relation triples.")
@click.option("--extractor", "kind", type=click.Choice(EXTRACTOR_KINDS), default="rules", show_default=True,
              help="Which producer to score (llm and both ask the model at KG_LLM_URL).")
@click.option("--reviewed", is_flag=True,
              help="Score against what reviewers decided in `kg review` (the data folder's decisions/) instead of curated/.")
@click.pass_context
def eval_(ctx: click.Context, data_dir: Path | None, corpus_dir: Path | None, fmt: str, as_json: bool, errors: bool,
          kind: str, reviewed: bool) -> None:
    """Score the extractor against the curated facts: precision, recall and F1 for entities,
    mentions, linking, relations (overall and per relation type), certainty and dates, and
    why each missed fact was missed."""
    if data_dir and corpus_dir:
        raise click.UsageError("give --data or --corpus, not both")
    home = Path(ctx.find_root().obj["home"])
    cache = home / "cache" / "llm"
    if reviewed:
        if corpus_dir:
            raise click.UsageError("--reviewed scores a data folder's decisions: use --data, not --corpus")
        folder = data_dir or default_data_dir()
        corpus = reviewed_corpus(folder, home / "documents")
        if not corpus.documents:
            raise click.ClickException(f"no reviewed documents in {folder}/decisions (review some with `kg review`)")
        report = evaluate(folder, corpus=corpus, extractor=make_extractor(kind, corpus.registry, cache_dir=cache, use_ner=False))
    elif corpus_dir:
        registry = load_registry(default_data_dir() / "entities.yaml")
        extractor = None if kind == "rules" else make_extractor(kind, registry, cache_dir=cache, use_ner=False)
        report = evaluate(corpus_dir, registry=registry, extractor=extractor)
    else:
        folder = data_dir or default_data_dir()
        extractor = None if kind == "rules" else make_extractor(
            kind, load_registry(folder / "entities.yaml"), cache_dir=cache, use_ner=False)
        report = evaluate(folder, extractor=extractor)
    if as_json or fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    click.echo(format_report(report))
    if errors:
        click.echo("\nmissed:")
        for t in report.missed:
            click.echo("  " + " ".join(t))
        click.echo("spurious:")
        for t in report.spurious:
            click.echo("  " + " ".join(t))
