"""rdflib's in-memory Dataset as a store: for tests and small jobs.

With a home folder, the dataset is kept in ``<home>/memory.nq`` between commands. Each write
takes the lock ``<home>/memory.lock`` (a second writer waits its turn), reloads the file if
another process changed it since this one read it, builds the new dataset and its file beside the
old ones, and renames the file into place only on success: two commands writing at once both
keep their work, and a crash at any point leaves the file as it was.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Iterable, Mapping

from rdflib import Dataset, URIRef
from rdflib.plugins.sparql.parser import parseQuery

from ..errors import QueryError, StoreError
from .base import Derive, QueryResult, Store, Triple, one_line, plain
from .lock import write_lock

__all__ = ["MemoryStore"]


class MemoryStore(Store):
    """An rdflib ``Dataset`` whose default graph is the union of its named graphs."""

    name = "memory"

    def __init__(self, home: Path | None = None, **_options):
        self.path = Path(home) / "memory.nq" if home is not None else None
        self.dataset = self._new_dataset()
        self._loaded: tuple | None = None  # (inode, size, mtime) of the file the dataset was read from
        self._reload()

    def _stamp(self) -> tuple | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns

    def _reload(self) -> None:
        """Read the file again if it is not the one the dataset came from (another writer's)."""
        if self.path is None:
            return
        stamp = self._stamp()
        if stamp == self._loaded:
            return
        dataset = self._new_dataset()
        if stamp is not None:
            try:
                dataset.parse(self.path, format="nquads")
            except Exception as err:  # rdflib parser errors have no common base class
                raise StoreError(f"cannot read {self.path}: {one_line(err)}") from None
        self.dataset, self._loaded = dataset, stamp

    def describe(self) -> str:
        return f"memory store ({self.path})" if self.path else "memory store (not saved)"

    @staticmethod
    def _new_dataset() -> Dataset:
        return Dataset(default_union=True)

    def query(self, sparql: str) -> QueryResult:
        return self._query(self.dataset, sparql)

    @staticmethod
    def _query(dataset: Dataset, sparql: str) -> QueryResult:
        try:
            parseQuery(sparql)
        except Exception as err:  # pyparsing's ParseException and friends
            raise QueryError(f"SPARQL syntax error: {one_line(err)}") from None
        try:
            result = dataset.query(sparql)
        except Exception as err:
            raise QueryError(f"query failed: {one_line(err)}") from None
        if result.type == "ASK":
            return QueryResult("ask", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult("graph", triples=[tuple(plain(t) for t in triple) for triple in result])
        variables = [str(v) for v in result.vars]
        return QueryResult("select", vars=variables, rows=[tuple(plain(t) for t in row) for row in result])

    def graph_names(self) -> list[URIRef]:
        return sorted(
            URIRef(g.identifier)
            for g in self.dataset.graphs()
            if isinstance(g.identifier, URIRef) and str(g.identifier) != "urn:x-rdflib:default" and len(g)
        )

    def dump(self, out: BinaryIO) -> None:
        out.write(self.dataset.serialize(format="nquads", encoding="utf-8"))

    def _commit(self, dataset: Dataset) -> None:
        if self.path is not None:
            tmp = self.path.with_name(self.path.name + f".tmp-{os.getpid()}")
            try:
                with open(tmp, "wb") as out:
                    dataset.serialize(out, format="nquads", encoding="utf-8")
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp, self.path)
            finally:
                tmp.unlink(missing_ok=True)
            self._loaded = self._stamp()
        self.dataset = dataset

    def _copy_without(self, names: set[URIRef], clear: bool) -> Dataset:
        fresh = self._new_dataset()
        if not clear:
            for s, p, o, g in self.dataset.quads((None, None, None, None)):
                name = getattr(g, "identifier", g)
                if name not in names:
                    fresh.graph(name).add((s, p, o))
        return fresh

    def replace_graphs(
        self,
        graphs: Mapping[URIRef, Iterable[Triple]],
        *,
        remove: Iterable[URIRef] = (),
        clear: bool = False,
        derive: Derive | None = None,
    ) -> None:
        if self.path is None:
            self._write(graphs, remove, clear, derive)
            return
        with write_lock(self.path.with_name("memory.lock"), str(self.path)):
            self._reload()
            self._write(graphs, remove, clear, derive)

    def _write(self, graphs, remove, clear, derive) -> None:
        fresh = self._copy_without({URIRef(g) for g in (*graphs, *remove)}, clear)
        self._fill(fresh, graphs)
        if derive:
            derived = derive(lambda sparql: self._query(fresh, sparql))
            for name in derived:
                fresh.remove_graph(URIRef(name))
            self._fill(fresh, derived)
        self._commit(fresh)

    @staticmethod
    def _fill(dataset: Dataset, graphs: Mapping[URIRef, Iterable[Triple]]) -> None:
        for name, triples in graphs.items():
            graph = dataset.graph(URIRef(name))
            for triple in triples:
                graph.add(triple)
