"""The interface every store implements, and the result type of its queries."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Mapping, Sequence

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["Store", "QueryResult", "Triple", "Derive", "plain", "one_line", "to_rdflib_dataset"]

Triple = tuple

#: Computes graphs from a store's content (e.g. statement counts), given a function that runs a
#: SPARQL query over the union graph: how a write keeps summaries in step with the data it writes.
Derive = Callable[[Callable[[str], "QueryResult"]], Mapping[URIRef, Iterable[Triple]]]


def one_line(message: object, limit: int = 240) -> str:
    """Parser messages can run over many lines; users get the first ``limit`` characters of one."""
    text = " ".join(str(message).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def plain(term):
    """Normalise a result term so all backends agree: ``"x"^^xsd:string`` becomes ``"x"``."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


@dataclass
class QueryResult:
    """What a query returns: SELECT rows, an ASK boolean, or CONSTRUCT/DESCRIBE triples."""

    kind: str  # "select", "ask" or "graph"
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple] = field(default_factory=list)
    #: True when a page of a named query was cut short: more rows match (see graph.query).
    truncated: bool = False

    def dicts(self) -> list[dict]:
        """Rows as dicts keyed by variable name (unbound variables are left out)."""
        return [{v: t for v, t in zip(self.vars, row) if t is not None} for row in self.rows]


class Store(ABC):
    """A quad store with atomic graph replacement and SPARQL over the union of its graphs."""

    name: str = "store"
    #: Whether ``derive`` reads the written graphs under their own names (a remote store stages
    #: them under other names until the write commits): what lets a write's derived graphs be
    #: brought up to date from the graphs it touched alone (see graph/credibility.py).
    derives_by_name: bool = True

    @abstractmethod
    def replace_graphs(
        self,
        graphs: Mapping[URIRef, Iterable[Triple]],
        *,
        remove: Iterable[URIRef] = (),
        clear: bool = False,
        derive: Derive | None = None,
    ) -> None:
        """In one transaction: replace the content of each named graph given, drop the graphs in
        ``remove`` (``clear``: drop every graph not given), then, with ``derive``, replace the graphs
        it computes from the written state (it is given a query function over the union graph)."""

    def load_files(self, files: Sequence[tuple[Path, object]], *, default_graph: URIRef, derive: Derive | None = None) -> None:
        """In one transaction: replace each named graph that the RDF ``files`` (path, pyoxigraph
        ``RdfFormat``; already checked) hold with their quads; triples in no named graph go to
        ``default_graph``. Here the quads are grouped in memory; the default store bulk-loads."""
        from .oxigraph import file_graphs

        self.replace_graphs(file_graphs(files, default_graph), derive=derive)

    def remove_graphs(self, names: Iterable[URIRef]) -> None:
        """Atomically drop named graphs."""
        self.replace_graphs({}, remove=names)

    @abstractmethod
    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all named graphs.

        Raises QueryError for a malformed query. Parameters are bound by :mod:`graph.query`.
        """

    @abstractmethod
    def graph_names(self) -> list[URIRef]:
        """The named graphs in the store."""

    @abstractmethod
    def dump(self, out: BinaryIO) -> None:
        """Write every quad as N-Quads (the lossless form every other export starts from)."""

    def ox_store(self):
        """The store's own pyoxigraph database, for paths that stream from it (``kg export``,
        ``kg serve``), or None when the backend has none (then they work from :meth:`dump`)."""
        return None

    def is_empty(self) -> bool:
        return not self.graph_names()

    def describe(self) -> str:
        """A short description for messages: backend and location."""
        return self.name

    def close(self) -> None:
        """Release files and connections."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def to_rdflib_dataset(store: Store) -> Dataset:
    """A copy of the store as an rdflib Dataset (for pySHACL, rdflib serialisers, notebooks)."""
    import io

    buffer = io.BytesIO()
    store.dump(buffer)
    dataset = Dataset()
    if buffer.getvalue().strip():
        dataset.parse(data=buffer.getvalue(), format="nquads")
    return dataset
