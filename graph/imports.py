"""``kg import``: RDF files into the store (N-Quads, TriG, N-Triples, Turtle, JSON-LD, RDF/XML).

Each named graph of a file replaces the store's graph of the same name, whole (as ``kg ingest``
replaces a document's graph); triples in no named graph (all of them in Turtle or N-Triples) go
to one graph: ``graph`` or one named after the first file. The load is one transaction, through
the default store's bulk loader (N-Quads and N-Triples cut into slices loaded in parallel), with
the statement tallies recounted in it: a bad file leaves the store as it was. This is the fast
way in for data made by other tools, or a ``kg export`` moved between stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import pyoxigraph as ox
from rdflib import URIRef

from . import progress as work
from .errors import InputError
from .namespaces import Instances
from .store import Store
from .store.base import one_line
from .tallies import recount

__all__ = ["ImportReport", "import_files", "rdf_format"]


@dataclass
class ImportReport:
    files: int
    bytes: int
    default_graph: URIRef


def rdf_format(path: Path, name: str | None = None) -> ox.RdfFormat:
    """The RDF format of a file: ``name`` (a file extension or media type) or its suffix."""
    fmt = None
    if name:
        fmt = ox.RdfFormat.from_extension(name.lstrip(".")) or ox.RdfFormat.from_media_type(name)
    elif path.suffix:
        fmt = ox.RdfFormat.from_extension(path.suffix[1:].lower())
    if fmt is None:
        raise InputError(f"unknown RDF format {name or path.suffix or '(no suffix)'!r}: use nq, trig, nt, ttl, "
                         "jsonld or rdf, or --format", source=str(path))
    return fmt


def _first_error(files: Sequence[tuple[Path, ox.RdfFormat]], err: SyntaxError) -> InputError:
    """The parser's message with the file and the line in it (the bulk path reads files in slices)."""
    for path, fmt in files:
        try:
            for _ in ox.parse(path=str(path), format=fmt):
                pass
        except SyntaxError as found:
            return InputError(f"bad {fmt.name}: {one_line(found)}", source=str(path))
    return InputError(f"bad RDF: {one_line(err)}")


def import_files(
    store: Store,
    paths: Sequence[Path],
    *,
    fmt: str | None = None,
    graph: URIRef | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> ImportReport:
    """Load RDF files into ``store`` in one transaction (see the module docstring)."""
    if not paths:
        raise InputError("no file to import")
    files = []
    for path in map(Path, paths):
        if not path.is_file():
            raise InputError("file not found" if not path.exists() else "not a file", source=str(path))
        if path.stat().st_size == 0:
            raise InputError("empty file", source=str(path))
        files.append((path, rdf_format(path, fmt)))
    inst = Instances()
    target = URIRef(graph) if graph else inst.graph_import(files[0][0].stem)
    try:
        ox.NamedNode(str(target))
    except ValueError as err:
        raise InputError(f"bad graph IRI {str(target)!r}: {err}") from None
    size = sum(p.stat().st_size for p, _ in files)
    progress(f"loading {len(files)} file(s), {size / 1e6:,.1f} MB, into the {store.describe()}")
    work.begin("importing", size, "bytes")
    try:
        store.load_files(files, default_graph=target, derive=recount(inst))
    except SyntaxError as err:
        raise _first_error(files, err) from None
    return ImportReport(len(files), size, target)
