"""Statement tallies: how many statements have each certainty and relation, kept up to date.

Counting a million statements takes Oxigraph about 200 ms whatever form the query takes, so the
count queries read tallies instead: a few nodes in the named graph ``Instances.graph_tallies()``,
recounted (``queries/internal/tallies.rq``) in the same transaction as every write that goes
through :func:`write_graphs`, so they are never stale and never half-written. The same step
reassesses every fact's credibility (:mod:`graph.credibility`), which depends on the same data.

>>> from rdflib import URIRef
>>> from graph.namespaces import ONT
>>> from graph.query import run_named
>>> from graph.store import open_store
>>> store = open_store("memory")
>>> write_graphs(store, {URIRef("http://ex.org/g"): [(URIRef("http://ex.org/s1"), ONT.certainty, ONT.Reported)]})
>>> [(str(level), int(n)) for level, n in run_named(store, "count-statements-by-certainty").rows]
[('reported', 1)]
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from rdflib import Literal, URIRef

from .credibility import credibility_graphs
from .namespaces import ONT, RDF, Instances
from .query import prefixes_for
from .resources import queries_dir
from .store import Derive, QueryResult, Store, Triple

__all__ = ["tally_graphs", "recount", "write_graphs"]

_PROPERTY = {"certainty": ONT.tallyCertainty, "relation": ONT.tallyRelation}


def tally_graphs(query: Callable[[str], QueryResult], inst: Instances | None = None) -> dict[URIRef, list[Triple]]:
    """The tallies graph, counted with ``query`` (a SPARQL function over the union graph)."""
    inst = inst or Instances()
    text = (queries_dir() / "internal" / "tallies.rq").read_text(encoding="utf-8")
    triples: list[Triple] = []
    for kind, term, count in query(prefixes_for(text) + text).rows:
        tally = inst.tally(str(kind), term)
        triples += [(tally, RDF.type, ONT.StatementTally), (tally, _PROPERTY[str(kind)], term),
                    (tally, ONT.tallyCount, Literal(int(count)))]
    return {inst.graph_tallies(): triples}


def recount(inst: Instances | None = None, touched: Iterable[URIRef] | None = None) -> Derive:
    """What a store runs at the end of a write (``derive=``): recount the tallies and reassess
    the credibility of the facts (both read the data the write leaves). ``touched``, the graphs
    the write replaced or removed, lets a small write reassess only what it can have changed."""
    touched = None if touched is None else list(touched)
    return lambda query: {**tally_graphs(query, inst), **credibility_graphs(query, inst, touched)}


def write_graphs(
    store: Store,
    graphs: Mapping[URIRef, Iterable[Triple]],
    *,
    remove: Iterable[URIRef] = (),
    clear: bool = False,
    inst: Instances | None = None,
) -> None:
    """Replace and remove named graphs as :meth:`Store.replace_graphs` does, and recount the
    tallies and credibility grades in the same transaction. Every library write of statements goes through here."""
    remove = list(remove)
    touched = None if clear or not store.derives_by_name else [*graphs, *remove]
    store.replace_graphs(graphs, remove=remove, clear=clear, derive=recount(inst, touched))
