"""One object for scripts and notebooks: open a store, fill it, ask it, draw it, export it.

:class:`KnowledgeGraph` wraps the library the ``kg`` command is built on, so a script needs one
import, and query rows come back as plain Python values (entity ids, labels, dates as text,
numbers as numbers), or as a pandas DataFrame when pandas is installed.

>>> import graph
>>> kg = graph.open(store="memory")
>>> kg.build().assertions > 0
True
>>> [row["voter"] for row in kg.query("unsc-votes") if row["relation"] == "vetoed"][:1]
['Russia']
>>> kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ont:vetoed ?o }")[0]["n"]
1
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef

from .namespaces import Instances
from .results import display
from .store import QueryResult, Store, default_home, open_store

__all__ = ["KnowledgeGraph", "open"]


def open(home: Path | str | None = None, store: str | None = None, **options) -> "KnowledgeGraph":  # noqa: A001
    """Open (or create) a knowledge graph: the default on-disk store in ``home`` (``$KG_HOME`` or
    ``./.kg``), ``store="memory"`` for one that lives in this process, or a SPARQL endpoint URL."""
    return KnowledgeGraph(open_store(store, Path(home) if home else (None if store == "memory" else default_home()),
                                     **options))


class KnowledgeGraph:
    """A store and everything the ``kg`` command does with it, as methods."""

    def __init__(self, store: Store):
        self.store = store

    def __repr__(self) -> str:
        return f"<KnowledgeGraph: {self.store.describe()}>"

    # --- filling ------------------------------------------------------------------------------
    def build(self, data: Path | str | None = None):
        """Replace the content with a corpus folder (default: the bundled one); a BuildReport."""
        from .build import build

        return build(self.store, Path(data) if data else None)

    def ingest(self, *paths: Path | str, dry_run: bool = False, **metadata):
        """Extract facts from documents (files or folders) and add them; an IngestReport."""
        from .ingest import ingest

        return ingest(self.store, [Path(p) for p in paths], dry_run=dry_run, **metadata)

    # --- asking -------------------------------------------------------------------------------
    def query(self, sparql_or_name: str, limit: int | None = None, **params) -> list[dict]:
        """Rows of a named query (with ``params`` as its parameters) or of SPARQL text (with
        ``params`` bound as values), as dicts of plain Python values; a bool for ASK."""
        result = self._run(sparql_or_name, limit, params)
        if result.kind == "ask":
            return result.boolean
        inst = Instances()
        return [{var: _plain(term, inst) for var, term in zip(result.vars, row) if term is not None} for row in result.rows]

    def dataframe(self, sparql_or_name: str, limit: int | None = None, **params):
        """The rows of :meth:`query` as a pandas DataFrame (pandas must be installed)."""
        try:
            import pandas as pd
        except ImportError:
            from .errors import InputError

            raise InputError("dataframe() needs pandas, which is not installed: pip install pandas") from None
        result = self._run(sparql_or_name, limit, params)
        return pd.DataFrame(self.query(sparql_or_name, limit, **params), columns=result.vars)

    def _run(self, sparql_or_name: str, limit: int | None, params: dict) -> QueryResult:
        from .query import DEFAULT_LIMIT, named_queries, run_named, run_query

        if sparql_or_name in named_queries():
            return run_named(self.store, sparql_or_name, {k: str(v) for k, v in params.items()},
                             limit=DEFAULT_LIMIT if limit is None else limit)
        bindings = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in params.items()}
        return run_query(self.store, sparql_or_name, bindings)

    def stats(self) -> dict[str, dict[str, int]]:
        """Entities by class and statements by relation, certainty and document."""
        from .stats import stats

        return {section.replace(" ", "_"): dict(pairs) for section, pairs in stats(self.store).items()}

    def validate(self):
        """Check the graph against the SHACL shapes; a ValidationResult (``.conforms``, ``.report``)."""
        from .validate import validate

        return validate(self.store)

    # --- drawing and exporting -----------------------------------------------------------------
    def network(self, **view):
        """The statements as a NetworkX MultiDiGraph, filtered like ``kg viz`` (``as_of_date``,
        ``certainty``, ``relation``, ``classes``, ``focus_on``, ``depth``)."""
        from .network import to_networkx
        from .views import select

        return select(to_networkx(self.store), **view)

    def draw(self, path: Path | str, title: str = "Knowledge graph", **view) -> Path:
        """Write the interactive explorer page (offline HTML) of a view of the graph."""
        from .viz import store_details, write_explorer

        return write_explorer(self.network(**view), Path(path), store_details(self.store), title=title)

    def export(self, path: Path | str, fmt: str | None = None) -> Path:
        """Write the graph to a file; the format follows the suffix (.ttl, .trig, .nq, .nt,
        .jsonld, .graphml, .gexf, .csv) unless ``fmt`` names it."""
        from .export import SUFFIXES, export

        path = Path(path)
        fmt = fmt or {suffix: name for name, suffix in SUFFIXES.items()}.get(path.suffix.lower(), "turtle")
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            export(self.store, fmt, out)
        return path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _plain(term, inst: Instances):
    """An RDF term as a Python value: numbers and booleans as such, entities as their id, other
    IRIs and literals as readable text (dates stay text: they may be partial, "2024-03")."""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (bool, int, float)):
            return value
    return display(term, inst)
