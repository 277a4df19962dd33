"""``kg viz`` (the offline explorer page) and ``kg analyze`` (centrality, path, communities,
timeline), sharing one set of view options: --as-of, --certainty, --relation, --producer,
--min-credibility (and for the page --class, --focus, --depth)."""

from __future__ import annotations

import json
import webbrowser
from pathlib import Path

import click

from ..errors import QueryError
from ..network import to_networkx
from ..query import store_registry
from ..views import DEFAULT_CERTAINTIES, select
from . import main, pass_store, progress


def _view_options(f):
    f = click.option("--relation", metavar="R1,R2", help="Only these relations (e.g. suppliesArmsTo,vetoed).")(f)
    f = click.option("--certainty", metavar="C1,C2",
                     help=f"Only these certainties, or 'all' (default: {','.join(DEFAULT_CERTAINTIES)}; denied claims are left out).")(f)
    f = click.option("--producer", metavar="P1,P2",
                     help="Only facts made by these producers: curated, rules, llm (or the start of a producer label).")(f)
    f = click.option("--min-credibility", "min_credibility", type=click.IntRange(1, 6), metavar="N",
                     help="Only facts of credibility N or better (1 confirmed by other sources, 2 probably true, "
                          "3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged).")(f)
    f = click.option("--as-of", "as_of", metavar="DATE", help="The graph as it stood on DATE (YYYY, YYYY-MM or YYYY-MM-DD; a year or month means its last day). Undated facts are kept unless they concern an agreement not in force then.")(f)
    return f


def _view(store, *, as_of=None, certainty=None, relation=None, classes=None, focus=None, depth=1, producer=None,
          min_credibility=None):
    """The store's graph through the views, and a one-line description of the filters."""
    if store.is_empty():
        raise QueryError("the store is empty: run `kg build` first")
    registry = store_registry(store) if focus else None
    graph = select(to_networkx(store), as_of_date=as_of, certainty=certainty, relation=relation,
                   classes=classes, focus_on=focus, depth=depth, registry=registry, producer=producer,
                   min_credibility=min_credibility)
    parts = [f"as of {as_of}" if as_of else "", f"certainty {certainty}" if certainty else "",
             f"produced by {producer}" if producer else "",
             f"credibility {min_credibility} or better" if min_credibility else "",
             f"relations {relation}" if relation else "", f"classes {classes}" if classes else "",
             f"around {focus} (depth {depth})" if focus else ""]
    return graph, ", ".join(p for p in parts if p)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=Path("kg-explorer.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--open", "open_", is_flag=True, help="Open the page in the default browser.")
@_view_options
@click.option("--class", "classes", metavar="C1,C2", help="Only entities of these classes (State, Treaty ...).")
@click.option("--focus", metavar="ACTOR", help="Only the neighbourhood of this actor (id, label or alias).")
@click.option("--depth", type=click.IntRange(0, 20), default=1, show_default=True, help="Hops around --focus.")
@click.option("--title", default="Knowledge graph explorer", show_default=True)
@pass_store
def viz(store, output: Path, open_: bool, as_of, certainty, relation, producer, min_credibility, classes, focus, depth,
        title) -> None:
    """Write the interactive explorer: one self-contained HTML file that works offline.

    \b
    Examples:
      kg viz -o graph.html --open
      kg viz --as-of 1990 -o 1990.html
      kg viz --focus DPRK --depth 1 --certainty confirmed
      kg viz --min-credibility 2 -o corroborated.html
    """
    from ..viz import store_details, write_explorer

    graph, view = _view(store, as_of=as_of, certainty=certainty, relation=relation, classes=classes, focus=focus, depth=depth,
                        producer=producer, min_credibility=min_credibility)
    write_explorer(graph, output, store_details(store), title=title, view=view)
    progress(f"wrote {output} ({output.stat().st_size:,} bytes): {graph.number_of_nodes()} nodes, "
             f"{graph.number_of_edges()} facts{' — ' + view if view else ''}")
    if open_:
        webbrowser.open(output.resolve().as_uri())


@main.group()
def analyze() -> None:
    """Network analysis: brokers, paths with evidence, blocs, the timeline of a relationship."""


def _emit(rows, fmt: str, lines) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            click.echo(line)


_format = click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


@analyze.command()
@_view_options
@click.option("--top", type=click.IntRange(1), default=15, show_default=True)
@_format
@pass_store
def centrality(store, as_of, certainty, relation, producer, min_credibility, top, fmt) -> None:
    """Which actors broker the network (betweenness centrality, degree, statements)."""
    from ..analysis import centrality as run

    graph, _ = _view(store, as_of=as_of, certainty=certainty, relation=relation, producer=producer,
                     min_credibility=min_credibility)
    rows = run(graph, top)
    lines = [f"{'betweenness':>11}  {'degree':>6}  {'facts':>5}  entity"]
    lines += [f"{r['betweenness']:>11.4f}  {r['degree']:>6}  {r['statements']:>5}  {r['label']} ({r['class']}, {r['id']})" for r in rows]
    _emit(rows, fmt, lines)


@analyze.command()
@click.argument("a")
@click.argument("b")
@_view_options
@_format
@pass_store
def path(store, a, b, as_of, certainty, relation, producer, min_credibility, fmt) -> None:
    """How A and B are connected: each hop with the statement and quote behind it."""
    from ..analysis import path as run

    graph, _ = _view(store, as_of=as_of, certainty=certainty, relation=relation, producer=producer,
                     min_credibility=min_credibility)
    hops = run(graph, a, b, store_registry(store))
    lines = []
    for i, h in enumerate(hops, 1):
        when = f", {h['when']}" if h["when"] else ""
        more = f" (+{h['alternatives']} more)" if h["alternatives"] else ""
        lines.append(f"{i}. {h['fromLabel']} --{h['relation']}--> {h['toLabel']}  [{h['certainty']}{when}]{more}")
        lines.append(f"   \"{h['quote']}\" ({h['document']})")
    _emit(hops, fmt, lines)


@analyze.command()
@_view_options
@_format
@pass_store
def communities(store, as_of, certainty, relation, producer, min_credibility, fmt) -> None:
    """Blocs: Louvain communities of the network of ties."""
    from ..analysis import communities as run

    graph, _ = _view(store, as_of=as_of, certainty=certainty, relation=relation, producer=producer,
                     min_credibility=min_credibility)
    blocs = run(graph)
    lines = [f"bloc {i} ({len(m)}): " + ", ".join(x["label"] for x in m) for i, m in enumerate(blocs, 1)]
    _emit(blocs, fmt, lines)


@analyze.command()
@click.argument("a")
@click.argument("b")
@_view_options
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Also draw the timeline to this PNG file.")
@_format
@pass_store
def timeline(store, a, b, as_of, certainty, relation, producer, min_credibility, plot, fmt) -> None:
    """How the relationship between A and B changed over time (direct statements, and A's
    statements on agreements and events tied to B)."""
    from ..analysis import plot_timeline, timeline as run

    graph, _ = _view(store, as_of=as_of, certainty=certainty, relation=relation, producer=producer,
                     min_credibility=min_credibility)
    rows = run(graph, a, b, store_registry(store))
    lines = []
    for r in rows:
        via = f"  (via: {r['viaText']})" if r["via"] else ""
        lines.append(f"{r['when'] or 'undated':<22} {r['subjectLabel']} --{r['relation']}--> {r['objectLabel']}  [{r['certainty']}]{via}")
        lines.append(f"{'':<22} \"{r['quote']}\" ({r['document']})")
    _emit(rows, fmt, lines)
    if plot:
        plot_timeline(rows, plot, title=f"{a} and {b}")
        progress(f"wrote {plot}")
