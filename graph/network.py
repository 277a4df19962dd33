"""The graph as a NetworkX ``MultiDiGraph``: entities as nodes, statements as edges.

Each edge is one statement (keyed by its IRI) and keeps what an analyst needs to trust it:
relation, certainty, time, quote, source document, quantity, materiel, the claim's source, the
fact's credibility (1-6) and the reliability (A-F) of the document's publisher (graph/credibility.py).
Parallel edges are kept (two documents can say the same thing; one actor can both supply and
sanction another).

>>> from graph.store import open_store
>>> to_networkx(open_store("memory")).number_of_edges()
0
"""

from __future__ import annotations

import networkx as nx

from .query import run_named
from .results import display
from .store import Store

__all__ = ["statement_rows", "to_networkx", "when_text", "EDGE_FIELDS"]

#: Edge attributes, in the order of the CSV edge list.
EDGE_FIELDS = (
    "relation", "certainty", "time", "start", "end", "quantity", "quantityText", "unit",
    "materiel", "accordingTo", "document", "quote", "quoteStart", "quoteEnd", "producer", "confidence",
    "credibility", "reliability",
)


def statement_rows(store: Store) -> list[dict]:
    """Every statement as a dict of display strings (the ``statements`` named query)."""
    result = run_named(store, "statements", limit=0)
    return [{var: display(term) for var, term in zip(result.vars, row) if term is not None} for row in result.rows]


def to_networkx(store: Store, rows: list[dict] | None = None) -> nx.MultiDiGraph:
    """Project the store's statements onto a MultiDiGraph (node keys are entity ids)."""
    graph = nx.MultiDiGraph()
    for row in statement_rows(store) if rows is None else rows:
        for end in ("s", "o"):
            name, cls = ("subject", "subjectClass") if end == "s" else ("object", "objectClass")
            graph.add_node(row[end], label=row[name], cls=row[cls])
        attributes = {k: row[k] for k in EDGE_FIELDS if k in row}
        graph.add_edge(row["s"], row["o"], key=row["statement"], **attributes)
    return graph


def when_text(edge: dict, *, separator: str = "/", open_end: str = "") -> str:
    """An edge's time as text: its point in time, else ``start/end`` ('' when undated).

    >>> when_text({"start": "1961", "end": "1991"}), when_text({"start": "2023"}, open_end="..")
    ('1961/1991', '2023/..')
    """
    if edge.get("time"):
        return edge["time"]
    if edge.get("start") or edge.get("end"):
        return f"{edge.get('start', open_end)}{separator}{edge.get('end', open_end)}"
    return ""
