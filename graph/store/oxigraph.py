"""The default store: an embedded Oxigraph database on disk (pyoxigraph, a Rust SPARQL engine).

Layout under ``<home>/oxigraph/``: database folders ``db-<n>`` and a symlink ``current`` to the
live one. A write copies the live database (a RocksDB checkpoint: hard links, cheap), changes the
copy, and swaps the symlink: a failure at any point leaves ``current`` as it was, and readers
(including a server started on a snapshot) are never disturbed. A lock file serialises writers.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from ..errors import QueryError, StoreError
from .base import QueryResult, Store, Triple, plain

__all__ = ["OxigraphStore", "to_ox", "from_ox"]


def to_ox(term):
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term):
    """A pyoxigraph term as an rdflib term (plain strings without an explicit xsd:string)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return plain(Literal(term.value, datatype=URIRef(term.datatype.value)))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unexpected term {term!r}")


class OxigraphStore(Store):
    """Oxigraph on disk, with copy-on-write transactions (see the module docstring)."""

    name = "oxigraph"

    def __init__(self, home: Path, **_options):
        self.root = Path(home) / "oxigraph"
        self._reader: ox.Store | None = None

    def describe(self) -> str:
        return f"oxigraph store in {self.root}"

    # --- reading ---------------------------------------------------------------------------
    @property
    def _current(self) -> Path:
        return self.root / "current"

    def _read(self) -> ox.Store | None:
        if self._reader is None and self._current.exists():
            try:
                self._reader = ox.Store.read_only(str(self._current.resolve()))
            except OSError as err:
                raise StoreError(f"cannot open {self._current}: {err}") from None
        return self._reader

    def query(self, sparql: str) -> QueryResult:
        store = self._read() or ox.Store()  # an empty store answers queries on a fresh home
        try:
            result = store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from None
        except OSError as err:
            raise StoreError(f"query failed: {err}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            return QueryResult("graph", triples=[(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result])
        variables = [v.value for v in result.variables]
        rows = [tuple(from_ox(solution[v]) for v in variables) for solution in result]
        return QueryResult("select", vars=variables, rows=rows)

    def graph_names(self) -> list[URIRef]:
        store = self._read()
        return sorted(URIRef(g.value) for g in store.named_graphs()) if store else []

    def dump(self, out: BinaryIO) -> None:
        store = self._read()
        if store is not None:
            store.dump(out, format=ox.RdfFormat.N_QUADS)

    def ox_store(self) -> ox.Store | None:
        """The live database, read-only, for fast paths that want pyoxigraph directly."""
        return self._read()

    # --- writing ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self, *, clear: bool = False):
        """Yield a writable copy of the live database; on success it becomes the live one."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "write.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(f"another kg command is writing to {self.root}; try again when it ends") from None
            new_dir = self.root / f"db-{time.time_ns()}"
            old_dir = self._current.resolve() if self._current.exists() else None
            try:
                if old_dir is not None and not clear:
                    ox.Store.read_only(str(old_dir)).backup(str(new_dir))
                writable = ox.Store(str(new_dir))
                yield writable
                writable.flush()
                del writable
                link = self.root / f".current-{os.getpid()}"
                if link.is_symlink():
                    link.unlink()
                os.symlink(new_dir.name, link)
                os.replace(link, self._current)
            except BaseException:
                shutil.rmtree(new_dir, ignore_errors=True)
                raise
            self._reader = None
            if old_dir is not None:
                shutil.rmtree(old_dir, ignore_errors=True)

    def replace_graphs(
        self, graphs: Mapping[URIRef, Iterable[Triple]], *, remove: Iterable[URIRef] = (), clear: bool = False
    ) -> None:
        with self.transaction(clear=clear) as db:
            for name in remove:
                if db.contains_named_graph(ox.NamedNode(str(name))):
                    db.remove_graph(ox.NamedNode(str(name)))
            for name, triples in graphs.items():
                graph = ox.NamedNode(str(name))
                if not clear and db.contains_named_graph(graph):
                    db.remove_graph(graph)
                db.add_graph(graph)
                db.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph) for s, p, o in triples)

    def close(self) -> None:
        self._reader = None
