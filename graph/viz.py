"""The explorer: one self-contained, offline HTML page of the network, drawn by vis-network.

PyVis is the engine: a :class:`pyvis.network.Network` (``directed=True``, so parallel edges are
kept) holds the vis-network nodes and edges, filled directly (``add_edge`` is quadratic), and the
vis-network JavaScript and CSS that ship inside the pyvis package are inlined into our own
template (``graph/templates/explorer.html``): pyvis's template loads Bootstrap and tom-select
from CDNs and builds popups with ``innerHTML``. Ours makes no request, puts the data in a JSON
block with ``<``, ``>`` and ``&`` escaped (so ``</script>`` in a quote cannot end the block) and
shows every piece of document text with ``textContent``.

Graphs above :data:`LAYOUT_THRESHOLD` nodes get positions computed here with NetworkX and start
with physics off, so the browser only draws.

>>> page = explorer_html(_tiny())  # its one quote is "</script>"
>>> page.count("</script>"), "\\u003c/script\\u003e" in page
(3, True)
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import math
import random
from importlib import resources
from pathlib import Path

import networkx as nx

from .errors import InputError
from .namespaces import RELATIONS
from .network import when_text
from .query import run_query
from .store import Store
from .credibility import CREDIBILITY_GRADES
from .publishers import RELIABILITY_GRADES, UNGRADED
from .views import CLASS_FAMILY, edge_credibility, edge_intervals, producer_kind

__all__ = [
    "CLASS_COLOURS",
    "FAMILY_SHAPES",
    "RELATION_COLOURS",
    "CERTAINTY_STYLES",
    "LAYOUT_THRESHOLD",
    "store_details",
    "compute_layout",
    "vis_network",
    "explorer_html",
    "write_explorer",
    "vis_assets",
    "json_for_html",
]

#: Above this many nodes, positions come from NetworkX and physics starts off.
LAYOUT_THRESHOLD = 300

#: Node shape by the class's family (vis-network shape names).
FAMILY_SHAPES = {
    "Actor": "dot", "Person": "triangle", "Organization": "square",
    "Agreement": "diamond", "Event": "star", "Place": "triangleDown",
}

#: Node colour by class.
CLASS_COLOURS = {
    "Actor": "#9ecae1", "State": "#1f77b4",
    "Person": "#e377c2", "PoliticalLeader": "#d62728", "Analyst": "#f28e8c",
    "Organization": "#8c564b", "InternationalOrganization": "#17becf", "GovernmentBody": "#9467bd",
    "ThinkTank": "#bcbd22", "MediaOrganization": "#c49c94", "ArmedForces": "#555555",
    "ResearchProgramme": "#dbdb8d",
    "Agreement": "#2ca02c", "Treaty": "#2ca02c", "Resolution": "#74c476", "DraftResolution": "#b8e186",
    "Event": "#ff7f0e", "Conflict": "#b22222", "Summit": "#ffbb78", "Talks": "#f4a460",
    "Deployment": "#e6550d", "Transfer": "#fd8d3c", "Vote": "#fdae6b",
    "Place": "#6b8e23",
}

#: Edge colour by relation, grouped by hue: green ties, red military, purple hostility, blue and
#: orange UN votes, teal agreements, yellow economy, brown people and institutions, grey others.
RELATION_COLOURS = {
    "alliedWith": "#2e7d32", "mutualDefenceWith": "#1b5e20", "cooperatesWith": "#66bb6a",
    "supports": "#81c784", "negotiatesWith": "#9ccc65", "metWith": "#aed581", "visited": "#c5e1a5",
    "suppliesArmsTo": "#c62828", "transfersMilitaryTechnologyTo": "#ad1457",
    "providesMilitaryAidTo": "#e53935", "deploysTroopsTo": "#8b0000", "trains": "#ef5350",
    "invaded": "#4a148c", "occupies": "#6a1b9a", "sanctions": "#8e24aa", "condemned": "#ab47bc",
    "warns": "#ba68c8", "targets": "#7b1fa2", "accuses": "#ce93d8", "violates": "#880e4f", "undermines": "#9c27b0",
    "vetoed": "#e65100", "votedFor": "#1565c0", "votedAgainst": "#ef6c00", "abstainedOn": "#ffa726",
    "adoptedBy": "#42a5f5", "permanentMemberOf": "#0d47a1", "memberOf": "#1976d2",
    "partyTo": "#00838f", "signatoryOf": "#00acc1", "replaces": "#006064", "endedBy": "#26c6da",
    "ratified": "#00796b", "establishedBy": "#4db6ac",
    "providesEconomicAidTo": "#f9a825", "sendsWorkersTo": "#c0a000",
    "leaderOf": "#5d4037", "affiliatedWith": "#8d6e63", "fellowOf": "#a1887f", "directorOf": "#6d4c41",
    "officialOf": "#9e7b6b",
    "sponsors": "#bcaaa4", "hosts": "#795548",
    "recognises": "#37474f", "successorOf": "#546e7a", "participatedIn": "#78909c", "locatedIn": "#90a4ae", "partOf": "#b0bec5",
}

#: How an edge of each certainty is drawn. Denied claims are left out unless asked for
#: (``--certainty ...,denied``); when shown they are grey, dotted and labelled "denied: ...".
CERTAINTY_STYLES = {
    "confirmed": {"dashes": False, "width": 2, "opacity": 1.0},
    "reported": {"dashes": [10, 6], "width": 1.5, "opacity": 0.8},
    "speculative": {"dashes": [3, 5], "width": 1.2, "opacity": 0.55},
    "denied": {"dashes": [1, 6], "width": 1, "opacity": 0.45, "colour": "#9e9e9e"},
}

_TEMPLATE = "explorer.html"
_LABEL_MAX = 42


def vis_assets() -> tuple[str, str]:
    """The vis-network 9.1.2 JavaScript and CSS shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
    try:
        return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"cannot read vis-network from the pyvis package: {err}") from None


def json_for_html(value: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` block: ``<``, ``>``, ``&`` and the line
    separators are written as ``\\uXXXX`` escapes, so no text can close the block.

    >>> json_for_html({"q": "</script><b>&"})
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _escape_inline(code: str, tag: str) -> str:
    """Make library code safe to inline in a ``<script>``/``<style>`` element."""
    return code.replace(f"</{tag}", f"<\\/{tag}")


_DETAILS_QUERY = """
SELECT ?e ?alt ?comment ?wikidata WHERE {
  ?e skos:prefLabel ?label .
  OPTIONAL { ?e skos:altLabel ?alt }
  OPTIONAL { ?e rdfs:comment ?comment }
  OPTIONAL { ?e owl:sameAs ?wikidata }
}"""
_DOCUMENTS_QUERY = """
SELECT ?id ?title ?publisher ?date ?url WHERE {
  ?doc dcterms:identifier ?id ; dcterms:title ?title .
  OPTIONAL { ?doc dcterms:publisher ?publisher }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc dcterms:source ?url }
}"""
_NOTES_QUERY = "SELECT ?st ?note WHERE { ?st a rdf:Statement ; rdfs:comment ?note }"
_REVIEWS_QUERY = "SELECT ?st ?status ?who ?when WHERE { ?st ont:reviewStatus ?status ; ont:reviewedBy ?who ; ont:reviewedAt ?when }"


def store_details(store: Store) -> dict:
    """What the side panel shows beyond the projection: each entity's aliases, description and
    Wikidata link, each document's title, publisher, date and URL, each statement's note and
    review decision (kg review)."""
    from .namespaces import Instances

    inst = Instances()
    entities: dict[str, dict] = {}
    for e, alt, comment, wikidata in run_query(store, _DETAILS_QUERY).rows:
        entity_id = inst.entity_id(str(e))
        if entity_id is None:
            continue
        entry = entities.setdefault(entity_id, {"aliases": set()})
        if alt is not None:
            entry["aliases"].add(str(alt))
        if comment is not None:
            entry["description"] = str(comment)
        if wikidata is not None:
            entry["wikidata"] = str(wikidata).rsplit("/", 1)[-1]
    for entry in entities.values():
        entry["aliases"] = sorted(entry["aliases"])
    documents = {}
    for doc_id, title, publisher, date, url in run_query(store, _DOCUMENTS_QUERY).rows:
        documents[str(doc_id)] = {k: str(v) for k, v in
                                  (("title", title), ("publisher", publisher), ("date", date), ("url", url)) if v is not None}
    notes = {str(st): str(note) for st, note in run_query(store, _NOTES_QUERY).rows}
    reviews = {str(st): f"{str(status).rsplit('#', 1)[-1].lower()} by {who} at {when}"
               for st, status, who, when in run_query(store, _REVIEWS_QUERY).rows}
    return {"entities": entities, "documents": documents, "notes": notes, "reviews": reviews}


def _spread(graph: nx.Graph, seed: int) -> dict:
    """Spring layout of a small graph (NetworkX's dense solver, no scipy needed)."""
    if graph.number_of_nodes() == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    pos = nx.spring_layout(graph, seed=seed, iterations=40 if graph.number_of_nodes() < 150 else 25)
    return {n: (float(x), float(y)) for n, (x, y) in pos.items()}


def _parts(graph: nx.Graph, seed: int, limit: int) -> list[set]:
    """Split a connected graph into communities of at most ``limit`` nodes."""
    if graph.number_of_nodes() <= limit:
        return [set(graph)]
    parts = nx.community.louvain_communities(graph, seed=seed)
    if len(parts) == 1:  # no community structure: cut in breadth-first order
        order = list(nx.bfs_tree(graph, next(iter(graph))))
        parts = [set(order[i:i + limit]) for i in range(0, len(order), limit)]
    out = []
    for part in parts:
        out += _parts(graph.subgraph(part), seed, limit) if len(part) > limit else [set(part)]
    return out


def compute_layout(graph: nx.MultiDiGraph, seed: int = 0, limit: int = 400) -> dict[str, tuple[float, float]]:
    """Positions for a large graph in vis-network pixels, computed in a few seconds at 10,000
    nodes without scipy: Louvain communities of at most ``limit`` nodes are laid out with a
    spring layout each, then placed where a spring layout of the graph of communities puts them.
    """
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    parts = _parts(simple, seed, limit)
    member = {n: i for i, part in enumerate(parts) for n in part}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(parts)))
    for u, v in simple.edges():
        a, b = member[u], member[v]
        if a != b:
            weight = quotient.get_edge_data(a, b, {"weight": 0})["weight"] + 1
            quotient.add_edge(a, b, weight=weight)
    radius = {i: 60.0 * math.sqrt(len(part)) for i, part in enumerate(parts)}
    if len(parts) == 1:
        centres = {0: (0.0, 0.0)}
    else:
        raw = nx.spring_layout(quotient, seed=seed, iterations=60, weight=None) if len(parts) < 500 else \
            {i: (random.Random(seed + i).uniform(-1, 1), random.Random(-seed - i).uniform(-1, 1)) for i in range(len(parts))}
        # scale so that neighbouring communities do not overlap much
        spread = 2.2 * math.sqrt(sum(r * r for r in radius.values()))
        centres = {i: (float(x) * spread, float(y) * spread) for i, (x, y) in raw.items()}
    positions = {}
    for i, part in enumerate(parts):
        local = _spread(simple.subgraph(part), seed)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        extent = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        cx, cy = centres[i]
        scale = 2 * radius[i] / extent if len(part) > 1 else 0.0
        for n, (x, y) in local.items():
            positions[n] = (round(cx + (x - mx) * scale, 1), round(cy + (y - my) * scale, 1))
    return positions


def _edge_when(data: dict) -> str:
    return when_text(data, separator=" – ", open_end="…")


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1] + "…"




def vis_network(graph: nx.MultiDiGraph, details: dict | None = None, *, physics: bool | None = None, seed: int = 0):
    """A PyVis ``Network`` holding the graph as vis-network items (nodes and edges carry the
    fields the page's panel and filters use). ``physics=None`` chooses by size."""
    from pyvis.network import Network

    details = details or {}
    entities, documents, notes, reviews = (details.get(k, {}) for k in ("entities", "documents", "notes", "reviews"))
    big = graph.number_of_nodes() > LAYOUT_THRESHOLD
    physics = (not big) if physics is None else physics
    positions = compute_layout(graph, seed=seed) if big else {}
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    net.toggle_physics(physics)
    degree = dict(graph.degree())
    for node, data in graph.nodes(data=True):
        cls = data.get("cls") or "Actor"
        label = str(data.get("label") or node)
        extra = entities.get(node, {})
        colour = CLASS_COLOURS.get(cls, "#999999")
        item = {
            "id": node, "label": _short(label), "fullLabel": label, "cls": cls,
            "family": CLASS_FAMILY.get(cls, "Actor"), "shape": FAMILY_SHAPES[CLASS_FAMILY.get(cls, "Actor")],
            "color": {"background": colour, "border": "#333333"}, "title": f"{label} ({cls})",
            "degree": degree.get(node, 0), "size": 10 + min(20, 2 * math.sqrt(degree.get(node, 0))),
        }
        for key in ("aliases", "description", "wikidata"):
            if extra.get(key):
                item[key] = extra[key]
        if node in positions:
            item["x"], item["y"] = positions[node]
        net.nodes.append(item)
    intervals = edge_intervals(graph)
    pair_count: dict[frozenset, int] = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        relation = data.get("relation", "")
        certainty = data.get("certainty", "confirmed")
        style = CERTAINTY_STYLES.get(certainty, CERTAINTY_STYLES["confirmed"])
        colour = style.get("colour") or RELATION_COLOURS.get(relation, "#777777")
        begin, until = intervals[(u, v, key)]
        pair = frozenset((u, v))
        index = pair_count.get(pair, 0)
        pair_count[pair] = index + 1
        item = {
            "id": key, "from": u, "to": v, "arrows": "to",
            "label": ("denied: " if certainty == "denied" else "") + relation,
            "title": f"{relation} ({certainty}{', ' + _edge_when(data) if _edge_when(data) else ''}; "
                     f"credibility {edge_credibility(data)}, source {data.get('reliability') or UNGRADED})",
            "color": {"color": colour, "highlight": colour, "opacity": style["opacity"]},
            "dashes": style["dashes"], "width": style["width"],
            "relation": relation, "certainty": certainty, "when": _edge_when(data),
            "begin": begin.isoformat() if begin else None, "until": until.isoformat() if until else None,
            "dated": bool(data.get("time") or data.get("start") or data.get("end")),
            "made": producer_kind(data.get("producer")),
            "credibility": str(edge_credibility(data)),
            "reliability": str(data.get("reliability") or UNGRADED),
        }
        if index:  # parallel edges: one spring per pair (else they pull the pair together), each
            item["physics"] = False  # curved a little more, alternating sides
            item["smooth"] = {"enabled": True, "type": "curvedCW" if index % 2 else "curvedCCW",
                              "roundness": 0.15 * ((index + 1) // 2)}
        for field in ("quote", "document", "quantityText", "quantity", "unit", "materiel", "accordingTo", "producer"):
            if data.get(field):
                item[field] = data[field]
        doc = documents.get(data.get("document", ""))
        if doc:
            item["source"] = doc
        if notes.get(key):
            item["note"] = notes[key]
        item["review"] = reviews.get(key, "not reviewed")
        item["reviewed"] = reviews.get(key, "not reviewed").split(" ", 1)[0]
        net.edges.append(item)
    return net


def explorer_html(
    graph: nx.MultiDiGraph,
    details: dict | None = None,
    *,
    title: str = "Knowledge graph explorer",
    view: str = "",
    physics: bool | None = None,
    seed: int = 0,
) -> str:
    """The whole explorer page as one string (vis-network inlined, data as escaped JSON)."""
    net = vis_network(graph, details, physics=physics, seed=seed)
    js, css = vis_assets()
    template = resources.files("graph").joinpath("templates", _TEMPLATE).read_text(encoding="utf-8")
    payload = {
        "nodes": net.nodes, "edges": net.edges,
        "meta": {
            "title": title, "view": view, "physics": net.options.physics.enabled,
            "generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "classColours": CLASS_COLOURS, "familyShapes": FAMILY_SHAPES, "classFamily": CLASS_FAMILY,
            "relationColours": RELATION_COLOURS, "certaintyStyles": CERTAINTY_STYLES,
            "credibilityScale": {str(k): v for k, v in CREDIBILITY_GRADES.items()}, "reliabilityScale": RELIABILITY_GRADES,
        },
    }
    parts = {
        "/*KG:VIS_CSS*/": _escape_inline(css, "style"),
        "/*KG:VIS_JS*/": _escape_inline(js, "script"),
        "/*KG:DATA*/": json_for_html(payload),
        "KG:TITLE": html.escape(title),
    }
    # one pass, so text inserted for one placeholder is never searched for another
    out, i = [], 0
    while True:
        found = [(template.find(k, i), k) for k in parts if template.find(k, i) >= 0]
        if not found:
            out.append(template[i:])
            break
        at, key = min(found)
        out += [template[i:at], parts[key]]
        i = at + len(key)
    return "".join(out)


def write_explorer(graph: nx.MultiDiGraph, path: Path, details: dict | None = None, **options) -> Path:
    """Write the explorer page as UTF-8 (written beside, then moved into place)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(explorer_html(graph, details, **options), encoding="utf-8")
    tmp.replace(path)
    return path


def _tiny() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A", cls="State")
    graph.add_node("b", label="B", cls="Treaty")
    graph.add_edge("a", "b", key="s1", relation="partyTo", certainty="confirmed", quote="</script>")
    return graph
