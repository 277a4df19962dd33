"""Network analysis of the projection with NetworkX: brokers, paths with evidence, blocs and the
timeline of one relationship.

Every function takes a view from :mod:`graph.views` (so ``--as-of`` and ``--certainty`` mean the
same as in the explorer) and returns plain rows an analyst can check against the evidence.
A weaker claim makes a longer hop: paths prefer confirmed ties (cost 1) over reported (2),
speculative (3) and denied (10) ones.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n in "abc": g.add_node(n, label=n.upper(), cls="State")
>>> _ = g.add_edge("a", "b", key="s1", relation="alliedWith", certainty="confirmed", quote="A and B")
>>> _ = g.add_edge("c", "b", key="s2", relation="sanctions", certainty="reported", quote="C hits B")
>>> [(h["from"], h["relation"], h["to"]) for h in path(g, "a", "c")]
[('a', 'alliedWith', 'b'), ('c', 'sanctions', 'b')]
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import networkx as nx

from .errors import InputError
from .model import PartialDate
from .registry import Registry
from .network import when_text
from .views import CLASS_FAMILY, resolve_node

__all__ = ["CERTAINTY_COST", "simple_graph", "centrality", "path", "communities", "timeline", "plot_timeline"]

#: The length of a hop by the certainty of its best statement.
CERTAINTY_COST = {"confirmed": 1.0, "reported": 2.0, "speculative": 3.0, "denied": 10.0}


def simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per pair of entities, weighted by its strongest statement
    (``cost``: see :data:`CERTAINTY_COST`; ``statements``: how many statements tie the pair)."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v, certainty in graph.edges(data="certainty"):
        if u == v:
            continue
        cost = CERTAINTY_COST.get(certainty, 3.0)
        if simple.has_edge(u, v):
            data = simple.edges[u, v]
            data["cost"] = min(data["cost"], cost)
            data["statements"] += 1
        else:
            simple.add_edge(u, v, cost=cost, statements=1)
    return simple


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label") or node)


def centrality(graph: nx.MultiDiGraph, top: int | None = None) -> list[dict]:
    """Actors that broker the network: betweenness centrality (share of shortest paths through
    the node, on the undirected graph of ties) with degree (distinct neighbours) and the number
    of statements, strongest brokers first."""
    simple = simple_graph(graph)
    if simple.number_of_nodes() == 0:
        return []
    between = nx.betweenness_centrality(simple, normalized=True)
    rows = [
        {"id": n, "label": _label(graph, n), "class": graph.nodes[n].get("cls", ""),
         "betweenness": round(between[n], 4), "degree": simple.degree(n), "statements": graph.degree(n)}
        for n in simple
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["id"]))
    return rows[:top] if top else rows


def _hop(graph: nx.MultiDiGraph, a: str, b: str) -> dict:
    """The strongest statement between a and b (either direction), as a hop from a to b."""
    candidates = []
    for u, v in ((a, b), (b, a)):
        for key, data in (graph.get_edge_data(u, v) or {}).items():
            candidates.append((CERTAINTY_COST.get(data.get("certainty"), 3.0), key, u, v, data))
    # strongest first; among equals, a dated statement (it says when), then a stable order
    cost, key, u, v, data = min(candidates, key=lambda c: (c[0], not when_text(c[4]), c[1]))
    return {
        "from": u, "relation": data.get("relation", ""), "to": v,
        "fromLabel": _label(graph, u), "toLabel": _label(graph, v),
        "certainty": data.get("certainty", ""), "when": when_text(data), "quote": data.get("quote", ""),
        "document": data.get("document", ""), "statement": key, "alternatives": len(candidates) - 1,
    }


def path(graph: nx.MultiDiGraph, a: str, b: str, registry: Registry | None = None) -> list[dict]:
    """How two actors are connected: the path that relies least on unconfirmed claims, each hop
    with the statement behind it (its relation, direction, certainty, date, quote, document)."""
    source, target = resolve_node(graph, a, registry), resolve_node(graph, b, registry)
    if source == target:
        raise InputError("path needs two different actors")
    try:
        nodes = nx.dijkstra_path(simple_graph(graph), source, target, weight="cost")
    except nx.NetworkXNoPath:
        raise InputError(f"no path between {source!r} and {target!r} in this view") from None
    return [_hop(graph, x, y) for x, y in zip(nodes, nodes[1:])]


def communities(graph: nx.MultiDiGraph, seed: int = 0) -> list[list[dict]]:
    """Blocs: Louvain communities of the undirected graph of ties (confirmed ties weigh more),
    largest first; each member with its label and class. The seed makes the result repeatable."""
    simple = simple_graph(graph)
    if simple.number_of_nodes() == 0:
        return []
    for _, _, data in simple.edges(data=True):
        data["weight"] = 1.0 / data["cost"]
    parts = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    out = []
    for part in parts:
        members = sorted(part, key=lambda n: (-simple.degree(n), n))
        out.append([{"id": n, "label": _label(graph, n), "class": graph.nodes[n].get("cls", "")} for n in members])
    out.sort(key=lambda members: (-len(members), members[0]["id"]))
    return out


def _first_day(data: dict) -> _dt.date | None:
    for field in ("time", "start", "end"):
        if data.get(field):
            try:
                return PartialDate.parse(data[field]).earliest()
            except ValueError:
                return None
    return None


def timeline(graph: nx.MultiDiGraph, a: str, b: str, registry: Registry | None = None) -> list[dict]:
    """How the relationship between two actors changed over time: every statement between them
    (either direction), and every statement tying ``a`` to an agreement or event that is itself
    tied to ``b`` (``via``: Russia votedFor a resolution that sanctions North Korea), dated
    rows in time order, undated rows last."""
    first, second = resolve_node(graph, a, registry), resolve_node(graph, b, registry)
    rows = []

    def add(u, v, key, data, via=None, via_text=""):
        rows.append({
            "date": _first_day(data), "when": when_text(data), "subject": u, "relation": data.get("relation", ""),
            "object": v, "subjectLabel": _label(graph, u), "objectLabel": _label(graph, v),
            "certainty": data.get("certainty", ""), "via": via, "viaText": via_text,
            "quote": data.get("quote", ""), "document": data.get("document", ""), "statement": key,
        })

    for u, v in ((first, second), (second, first)):
        for key, data in (graph.get_edge_data(u, v) or {}).items():
            add(u, v, key, data)
    middles = set(graph.successors(first)) | set(graph.predecessors(first))
    for x in sorted(middles - {first, second}):
        if CLASS_FAMILY.get(graph.nodes[x].get("cls")) not in ("Agreement", "Event"):
            continue
        links = [f"{_label(graph, p)} {d.get('relation')} {_label(graph, q)}"
                 for p, q in ((x, second), (second, x)) for d in (graph.get_edge_data(p, q) or {}).values()]
        if not links:
            continue
        for u, v in ((first, x), (x, first)):
            for key, data in (graph.get_edge_data(u, v) or {}).items():
                add(u, v, key, data, via=x, via_text="; ".join(sorted(set(links))))
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or _dt.date.max, r["relation"], r["statement"]))
    return rows


def plot_timeline(rows: list[dict], path_png: str | Path, title: str = "") -> Path:
    """Draw a timeline (from :func:`timeline`) as a PNG: one lane per relation, a marker per dated
    statement coloured by certainty (undated ones are counted in the caption, not drawn)."""
    try:
        import matplotlib
    except ImportError:
        from .errors import InputError

        raise InputError("--plot needs matplotlib, which is not installed: pip install 'geokg[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dated = [r for r in rows if r["date"] is not None]
    undated = len(rows) - len(dated)
    lanes = sorted({r["relation"] + (" (via)" if r["via"] else "") for r in dated})
    colours = {"confirmed": "#1b5e20", "reported": "#f9a825", "speculative": "#9e9e9e", "denied": "#c62828"}
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.5 * max(len(lanes), 1)))
    placed: dict[int, int] = {}
    for r in dated:
        lane = lanes.index(r["relation"] + (" (via)" if r["via"] else ""))
        placed[lane] = placed.get(lane, 0) + 1
        ax.scatter([r["date"]], [lane], s=70, color=colours.get(r["certainty"], "#555"), zorder=3,
                   marker="o" if r["via"] else ">", edgecolors="black", linewidths=0.5)
        text = f"{r['subjectLabel']} → {r['objectLabel']}"
        up = placed[lane] % 2  # alternate above and below the lane so neighbours do not overlap
        ax.annotate(text[:48], (r["date"], lane), xytext=(4, 6 if up else -11), textcoords="offset points", fontsize=7)
    ax.margins(x=0.25, y=0.15)  # room for the labels right of the last markers
    ax.set_yticks(range(len(lanes)))
    ax.set_yticklabels(lanes, fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=c, label=k) for k, c in colours.items()]
    ax.legend(handles=handles, fontsize=7, loc="upper left", framealpha=0.8)
    ax.set_title(title or "Timeline", fontsize=10)
    if undated:
        ax.set_xlabel(f"{undated} undated statement(s) not drawn; > direct statement, o via an agreement or event", fontsize=8)
    fig.tight_layout()
    path_png = Path(path_png)
    path_png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path_png, dpi=120)
    plt.close(fig)
    return path_png
