"""Stores behind one small interface, registered by name (like rdflib's store plugins).

- ``oxigraph`` (default): an embedded on-disk Oxigraph database under the project's home folder;
- ``memory``: rdflib's in-memory Dataset, kept in an N-Quads file between commands;
- ``remote``: a SPARQL 1.1 endpoint (query, update and Graph Store Protocol URLs).

Every write is a transaction: :meth:`Store.replace_graphs` either replaces all the graphs it was
given or leaves the store exactly as it was. Queries see the union of all named graphs.

>>> from rdflib import URIRef, Literal
>>> store = open_store("memory")
>>> g = URIRef("http://ex.org/g")
>>> store.replace_graphs({g: [(URIRef("http://ex.org/a"), URIRef("http://ex.org/p"), Literal("x"))]})
>>> store.query("SELECT ?o WHERE { ?s ?p ?o }").rows
[(rdflib.term.Literal('x'),)]
"""

from __future__ import annotations

import os
from pathlib import Path

from .base import Derive, QueryResult, Store, Triple, to_rdflib_dataset
from ..errors import StoreError

__all__ = ["Store", "QueryResult", "Triple", "Derive", "open_store", "BACKENDS", "default_home", "to_rdflib_dataset"]


def _oxigraph(home: Path | None, **options):
    from .oxigraph import OxigraphStore

    return OxigraphStore(home, **options)


def _memory(home: Path | None, **options):
    from .memory import MemoryStore

    return MemoryStore(home, **options)


def _remote(home: Path | None, **options):
    from .remote import RemoteStore

    return RemoteStore(**options)


#: Store constructors by name; ``--store`` and ``KG_STORE`` choose one.
BACKENDS = {"oxigraph": _oxigraph, "memory": _memory, "remote": _remote}


def default_home() -> Path:
    """The project's working folder for stores: ``$KG_HOME`` or ``./.kg``."""
    return Path(os.environ.get("KG_HOME") or ".kg")


def open_store(name: str | None = None, home: Path | None = None, **options) -> Store:
    """Open a store by name (default ``$KG_STORE`` or ``oxigraph``).

    ``home`` is where on-disk stores keep their files; ``None`` with ``memory`` gives a store
    that lives only as long as the Python object.
    """
    name = name or os.environ.get("KG_STORE") or "oxigraph"
    if name.startswith(("http://", "https://")):
        options.setdefault("endpoint", name)
        name = "remote"
    if name not in BACKENDS:
        raise StoreError(f"unknown store {name!r} (one of {', '.join(BACKENDS)}, or an http(s) endpoint URL)")
    if home is None and name == "oxigraph":
        home = default_home()
    return BACKENDS[name](Path(home) if home is not None else None, **options)
