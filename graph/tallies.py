"""Statement tallies: how many statements have each certainty and relation, kept up to date.

Counting a million statements takes Oxigraph about 200 ms whatever form the query takes, so the
count queries read tallies instead: a few nodes in the named graph ``Instances.graph_tallies()``,
recomputed by one SPARQL Update (``queries/tallies.ru``) in the same transaction as every write
that goes through :func:`write_graphs`, so they are never stale and never half-written.

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

from typing import Iterable, Mapping

from rdflib import URIRef

from .namespaces import Instances
from .query import bind_values, prefixes_for
from .resources import queries_dir
from .store import Store, Triple

__all__ = ["tallies_update", "write_graphs"]


def tallies_update(inst: Instances | None = None) -> str:
    """The SPARQL Update that recomputes the tallies graph, with its IRI bound."""
    text = (queries_dir() / "tallies.ru").read_text(encoding="utf-8")
    return prefixes_for(text) + bind_values(text, {"tallies": (inst or Instances()).graph_tallies()})


def write_graphs(
    store: Store,
    graphs: Mapping[URIRef, Iterable[Triple]],
    *,
    remove: Iterable[URIRef] = (),
    clear: bool = False,
    inst: Instances | None = None,
) -> None:
    """Replace and remove named graphs as :meth:`Store.replace_graphs` does, and recompute the
    tallies in the same transaction. Every library write of statements goes through here."""
    store.replace_graphs(graphs, remove=remove, clear=clear, then=tallies_update(inst))
