"""The foundation commands: build, query, export, validate, stats."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..build import build as build_graph
from ..errors import QueryError, did_you_mean
from ..export import EXPORT_FORMATS, export as export_store
from ..imports import import_files
from ..query import DEFAULT_LIMIT, named_queries, run_named, run_query
from ..results import FORMATS, format_result
from ..stats import stats as store_stats
from ..yamlfile import read_text
from ..validate import validate as validate_store
from . import main, pass_store, progress


@main.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path),
              help="Corpus folder (documents/, entities.yaml, curated/); default: the bundled sample corpus.")
@pass_store
def build(store, data_dir: Path | None) -> None:
    """Build the graph from a corpus folder: ontology, entities, curated facts, documents.

    Everything is checked before the store is touched; the store is replaced in one transaction.
    """
    report = build_graph(store, data_dir, progress=progress)
    click.echo(
        f"built {report.triples:,} triples in {report.graphs} named graphs: {report.documents} documents, "
        f"{report.entities} entities, {report.assertions} statements ({store.describe()})"
    )


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", metavar="FORMAT",
              help="RDF format of every file: nq, trig, nt, ttl, jsonld or rdf (default: from each file's suffix).")
@click.option("--graph", metavar="IRI", help="Named graph for triples in no named graph (default: one named after the file).")
@pass_store
def import_(store, paths: tuple[Path, ...], fmt: str | None, graph: str | None) -> None:
    """Load RDF files (a `kg export`, or data from other tools) into the store.

    Each named graph in the files replaces the store's graph of that name, whole; everything is
    one transaction, and a bad file leaves the store as it was.
    """
    from rdflib import URIRef

    report = import_files(store, paths, fmt=fmt, graph=URIRef(graph) if graph else None, progress=progress)
    click.echo(f"imported {report.files} file(s), {report.bytes / 1e6:,.1f} MB; triples in no named graph (if any) went to "
               f"<{report.default_graph}> ({store.describe()})")


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise QueryError(f"--param expects name=value, got {pair!r}")
        params[name.strip()] = value
    return params


def _interruptible(function, *args, **kwargs):
    """Run a query in a worker thread, so that Ctrl-C stops ``kg query`` at once: the engine works
    in native code, where Python's signal handler would only run when the query ends."""
    import os
    import threading

    outcome: dict = {}

    def work():
        try:
            outcome["result"] = function(*args, **kwargs)
        except BaseException as err:  # handed to the main thread below
            outcome["error"] = err

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    try:
        while worker.is_alive():
            worker.join(0.1)
    except KeyboardInterrupt:
        click.echo("kg: query interrupted", err=True)
        sys.stderr.flush()
        os._exit(130)  # the engine's thread cannot be stopped; the process can
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _read_query(target: str) -> str:
    if target == "-":
        text = sys.stdin.read()
    else:
        text = read_text(Path(target))
    if not text.strip():
        raise QueryError("the query is empty")
    return text


@main.command()
@click.argument("target", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter (repeatable). Values are checked by type, never pasted into the query.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table or records (JSON) for reading; json, xml, csv, tsv: the W3C SPARQL 1.1 results formats.")
@click.option("--width", type=int, default=60, show_default=True, help="Clip table cells to this width (0: no clipping).")
@click.option("--limit", type=click.IntRange(min=0), default=DEFAULT_LIMIT, show_default=True,
              help="Rows of a named query to show: the first found, sorted (0: every row, in order).")
@click.option("--list", "list_", is_flag=True, help="List the named queries with their parameters.")
@pass_store
def query(store, target: str | None, params: tuple[str, ...], fmt: str, width: int, limit: int, list_: bool) -> None:
    """Run a named query (see --list), a .rq file, or SPARQL from stdin ('-').

    \b
    Examples:
      kg query actor-relations --param actor=DPRK
      kg query unsc-votes --format csv
      echo 'SELECT * WHERE { ?s ont:vetoed ?o }' | kg query -
    """
    library = named_queries()
    if list_ or not target:
        for q in library.values():
            click.echo(f"{q.name}\n    {q.title}")
            for p in q.params:
                optional = " (optional)" if p.optional else ""
                click.echo(f"    --param {p.name}=<{p.type}>{optional}  {p.description}")
        return
    bindings = _parse_params(params)
    if target in library:
        result = _interruptible(run_named, store, target, bindings, limit=limit)
        if result.truncated:
            click.echo(f"note: showing the first {limit} rows found, sorted; more match. Narrow the query "
                       "with --param, or use --limit 0 for every row in order.", err=True)
    elif target == "-" or Path(target).is_file():
        from rdflib import Literal, URIRef

        terms = {k: URIRef(v[1:-1]) if v.startswith("<") and v.endswith(">") else Literal(v) for k, v in bindings.items()}
        result = _interruptible(run_query, store, _read_query(target), terms)
    else:
        raise QueryError(f"unknown named query {target!r}{did_you_mean(target, library)} and no such file "
                         "(see `kg query --list`)")
    if result.kind == "graph":
        from rdflib import Graph

        from ..namespaces import PREFIXES

        graph = Graph()
        for prefix, namespace in PREFIXES.items():  # ont:, not ns1:
            graph.bind(prefix, namespace, override=True)
        for triple in result.triples:
            graph.add(triple)
        click.echo(graph.serialize(format="turtle"), nl=False)
    else:
        click.echo(format_result(result, fmt, width=width), nl=False)


@main.command()
@click.option("--format", "-f", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@pass_store
def export(store, fmt: str, output: Path | None) -> None:
    """Export the graph: Turtle (merged), TriG/N-Quads (one named graph per document),
    N-Triples, JSON-LD, GraphML/GEXF (Gephi) or a CSV edge list."""
    if store.is_empty():
        raise QueryError("the store is empty: run `kg build` first")
    if output is None:
        export_store(store, fmt, sys.stdout.buffer)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".part")
    with open(tmp, "wb") as out:
        export_store(store, fmt, out)
    tmp.replace(output)
    progress(f"wrote {output} ({output.stat().st_size:,} bytes, {fmt})")


@main.command()
@click.option("--shapes", type=click.Path(dir_okay=False, path_type=Path), help="SHACL shapes file (default: the bundled shapes).")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def validate(ctx: click.Context, shapes: Path | None, fmt: str) -> None:
    """Check the graph against the SHACL shapes. Exit 0: conforms; 1: violations; 2: could not run."""
    from ..errors import KGError
    from ..store import open_store

    try:
        with open_store(ctx.obj["store_name"], ctx.obj["home"]) as store:
            result = validate_store(store, shapes)
    except KGError as err:
        click.echo(f"Error: {err}", err=True)
        ctx.exit(2)
    if fmt == "json":
        click.echo(json.dumps({"conforms": result.conforms, "violations": result.violations}, indent=2))
    elif result.conforms:
        click.echo("conforms: every statement has its source, evidence, certainty and well-typed time")
    else:
        for v in result.violations:
            click.echo(f"{v['severity']}: {v['focus']} {v['path']}: {v['message']}")
        click.echo(f"{len(result.violations)} violation(s)")
    ctx.exit(0 if result.conforms else 1)


@main.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=1), help="Show only the N largest counts of each section.")
@pass_store
def stats(store, fmt: str, top: int | None) -> None:
    """Count what the graph holds: entities by class, statements by relation, certainty, document."""
    sections = store_stats(store)
    if fmt == "json":  # snake_case keys, and --top applies as in the table
        click.echo(json.dumps({k.replace(" ", "_"): dict(v[:top] if top else v) for k, v in sections.items()}, indent=2))
        return
    for section, pairs in sections.items():
        total = sum(n for _, n in pairs)
        click.echo(f"{section} ({total}):")
        for name, count in pairs[:top]:
            click.echo(f"  {count:5d}  {name}")
        if top and len(pairs) > top:
            click.echo(f"  ... and {len(pairs) - top} more")
