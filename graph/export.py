"""``kg export``: the store as Turtle, TriG, N-Triples, N-Quads, JSON-LD, GraphML, GEXF or CSV.

RDF formats are written by Oxigraph's serialisers: streamed straight from the default store's
database (constant memory at any size), or, for the other backends, from the store's N-Quads dump
sorted (stable output). Turtle, N-Triples and JSON-LD merge the named graphs into one graph; TriG and N-Quads
keep one named graph per source document. GraphML and GEXF (for Gephi) and CSV (an edge list, one
row per statement) come from the NetworkX projection.

JSON-LD is compacted with the project prefixes in an ``@context`` (``ont:vetoed``, not the full
IRI); GraphML and GEXF carry numbers as numbers, and GEXF a timeline Gephi can play: every edge
with a date gets ``start``/``end`` as full dates (a year or a month taken from its first day, or
to its last day for an end), the date as written staying in ``time``.
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from . import progress as work
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


def _jsonld(store: Store, out: BinaryIO) -> None:
    """Oxigraph's expanded JSON-LD, compacted on the way out: IRIs in the project's namespaces
    become prefixed names where JSON-LD expands them back (keys, ``@id`` and ``@type`` values),
    never inside a literal, and the prefixes go in the ``@context``. Streamed in chunks."""
    import json
    import re
    import tempfile

    namespaces = sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1])))
    alternatives = "|".join(re.escape(str(ns)) for _, ns in namespaces)
    pattern = re.compile(r'(?P<lead>"(?:@id|@type)":\s*"|[{,\[]\s*")(?P<ns>' + alternatives + r')(?P<local>[^"]*)"(?P<key>\s*:)?')
    short = {str(ns): p for p, ns in namespaces}

    def compact(m: re.Match) -> str:
        if not m.group("lead").startswith('"@') and not m.group("key"):
            return m.group(0)  # a plain string in an array or value position: leave it
        if not re.fullmatch(r"[\w.\-]*", m.group("local")):
            return m.group(0)
        return f'{m.group("lead")}{short[m.group("ns")]}:{m.group("local")}"{m.group("key") or ""}'

    with tempfile.TemporaryFile() as expanded:
        _rdf(store, "jsonld", expanded)
        expanded.seek(0)
        context = {p: str(ns) for p, ns in PREFIXES.items()}
        out.write(b'{"@context": ' + json.dumps(context).encode() + b', "@graph": ')
        carry = ""
        decoder = codecs.getincrementaldecoder("utf-8")()  # a character cut between chunks waits for its end
        while True:
            raw = expanded.read(1 << 20)
            chunk = decoder.decode(raw, final=not raw)
            text = carry + chunk
            if not raw:
                out.write(pattern.sub(compact, text).encode("utf-8"))
                break
            cut = max(0, len(text) - 400)  # write up to a comma, keep the rest: no match straddles the cut
            while cut and text[cut] != ",":
                cut -= 1
            out.write(pattern.sub(compact, text[:cut]).encode("utf-8"))
            carry = text[cut:]
        out.write(b"}\n")


def _gephi_graph(store: Store, spells: bool) -> nx.MultiDiGraph:
    """The NetworkX projection with numbers typed as numbers; with ``spells`` (GEXF), every dated
    edge gets ``start``/``end`` as full dates, the dates as written kept in ``time``,
    ``startText`` and ``endText``."""
    from .model import PartialDate

    def full(value, last: bool) -> str | None:
        try:
            date = PartialDate.parse(str(value))
        except ValueError:
            return None
        return (date.latest() if last else date.earliest()).isoformat()

    graph = to_networkx(store)
    for _, _, data in graph.edges(data=True):
        for key in ("quoteStart", "quoteEnd"):
            if str(data.get(key, "")).isdigit():
                data[key] = int(data[key])
        for key in ("confidence", "quantity"):
            try:
                data[key] = float(data[key])
            except (KeyError, TypeError, ValueError):
                pass
        if spells:
            begin, finish = data.pop("start", None), data.pop("end", None)
            if begin:
                data["startText"] = begin
            if finish:
                data["endText"] = finish
            first = full(data.get("time") or begin, False) if (data.get("time") or begin) else None
            last = full(finish, True) if finish else None
            if first:
                data["start"] = first
            if last:
                data["end"] = last
    return graph


def _csv(store: Store, out: BinaryIO) -> None:
    text = io.StringIO()
    fields = ["statement", "s", "subject", "subjectClass", "o", "object", "objectClass", *EDGE_FIELDS]
    writer = csv.DictWriter(text, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(statement_rows(store))
    out.write(text.getvalue().encode("utf-8"))


class _Counted:
    """A binary stream that counts what goes through it as progress."""

    def __init__(self, out: BinaryIO):
        self._out = out

    def write(self, data) -> int:
        n = self._out.write(data)
        work.advance(len(data))
        return n

    def __getattr__(self, name):
        return getattr(self._out, name)


def export(store: Store, fmt: str, out: BinaryIO) -> None:
    """Write the whole store to ``out`` (a binary stream) in format ``fmt``."""
    work.begin("exporting", None, "bytes")
    out = _Counted(out)
    if fmt == "jsonld":
        _jsonld(store, out)
    elif fmt in _RDF_FORMATS:
        _rdf(store, fmt, out)
    elif fmt == "csv":
        _csv(store, out)
    elif fmt == "graphml":
        nx.write_graphml(_gephi_graph(store, spells=False), out)
    elif fmt == "gexf":
        nx.write_gexf(_gephi_graph(store, spells=True), out)
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(EXPORT_FORMATS)})")
