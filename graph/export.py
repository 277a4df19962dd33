"""``kg export``: the store as Turtle, TriG, N-Triples, N-Quads, JSON-LD, GraphML, GEXF or CSV.

RDF formats are written by Oxigraph's serialisers: streamed straight from the default store's
database (constant memory at any size), or, for the other backends, from the store's N-Quads dump
sorted (stable output). Turtle, N-Triples and JSON-LD merge the named graphs into one graph; TriG and N-Quads
keep one named graph per source document. GraphML and GEXF (for Gephi) and CSV (an edge list, one
row per statement) come from the NetworkX projection.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from .namespaces import PREFIXES
from .network import EDGE_FIELDS, statement_rows, to_networkx
from .store import Store

__all__ = ["EXPORT_FORMATS", "export", "SUFFIXES"]

_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_QUAD_FORMATS = {"trig", "nquads"}
EXPORT_FORMATS = (*_RDF_FORMATS, "graphml", "gexf", "csv")
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "jsonld": ".jsonld",
            "graphml": ".graphml", "gexf": ".gexf", "csv": ".csv"}


def _rdf(store: Store, fmt: str, out: BinaryIO) -> None:
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} if fmt in ("turtle", "trig") else None
    db = store.ox_store()
    if db is not None:
        _rdf_streamed(db, fmt, out, prefixes)
        return
    dump = io.BytesIO()
    store.dump(dump)
    quads = ox.parse(dump.getvalue(), format=ox.RdfFormat.N_QUADS)
    if fmt in _QUAD_FORMATS:
        items = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    else:
        unique = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
        items = sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    ox.serialize(items, out, _RDF_FORMATS[fmt], prefixes=prefixes)


def _rdf_streamed(db: ox.Store, fmt: str, out: BinaryIO, prefixes: dict | None) -> None:
    """Straight from an Oxigraph database, in its index order, never holding the graph in Python:
    quad formats as they are stored, triple formats from a CONSTRUCT over the union of the graphs
    (which Oxigraph writes once per distinct triple)."""
    if fmt in _QUAD_FORMATS:
        db.dump(out, _RDF_FORMATS[fmt], prefixes=prefixes)
    else:
        triples = db.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        ox.serialize(triples, out, _RDF_FORMATS[fmt], prefixes=prefixes)


def _csv(store: Store, out: BinaryIO) -> None:
    text = io.StringIO()
    fields = ["statement", "s", "subject", "subjectClass", "o", "object", "objectClass", *EDGE_FIELDS]
    writer = csv.DictWriter(text, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(statement_rows(store))
    out.write(text.getvalue().encode("utf-8"))


def export(store: Store, fmt: str, out: BinaryIO) -> None:
    """Write the whole store to ``out`` (a binary stream) in format ``fmt``."""
    if fmt in _RDF_FORMATS:
        _rdf(store, fmt, out)
    elif fmt == "csv":
        _csv(store, out)
    elif fmt in ("graphml", "gexf"):
        graph = to_networkx(store)
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        writer(graph, out)
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")
