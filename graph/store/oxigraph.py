r"""The default store: an embedded Oxigraph database on disk (pyoxigraph, a Rust SPARQL engine).

Layout under ``<home>/oxigraph/``: database folders ``db-<n>`` and a symlink ``current`` to the
live one. A write copies the live database (a RocksDB checkpoint: hard links, cheap), changes the
copy, and swaps the symlink: a failure at any point leaves ``current`` as it was, and readers
(including a server started on a snapshot) are never disturbed. The database a commit replaced is
kept a minute (marked ``.retired``) for readers that resolved ``current`` just before the swap,
and a reader whose database vanished opens the new one and asks again. A lock file serialises
writers (a second writer waits its turn, see :mod:`graph.store.lock`).

Bulk path: the triples are written as N-Quads by a Python thread into a pipe that Oxigraph's bulk
loader reads on the other side, so serialising and loading overlap on two cores and the corpus is
streamed, never held as one list or one string (close to the speed of a bare ``bulk_load`` of an
N-Quads file; see benchmarks/results/stores.md). ``kg import`` cuts N-Quads and N-Triples files
without blank nodes into one slice per core for parallel bulk loaders (each load gives blank nodes
fresh names, as a new document should, so a file with blank nodes is loaded whole).

>>> from rdflib import Literal, URIRef
>>> print(term_nt(Literal('say "hi"', lang="en")), term_nt(URIRef("http://ex.org/a")))
"say \"hi\""@en <http://ex.org/a>
"""

from __future__ import annotations

import io
import itertools
import mmap
import os
import re
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .. import progress
from ..errors import QueryError, StoreError
from .base import Derive, QueryResult, Store, Triple, one_line, plain
from .lock import write_lock

__all__ = ["OxigraphStore", "to_ox", "from_ox", "term_nt", "nquad_lines", "ntriple_lines", "bulk_load_lines"]


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


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_FROM_OX: dict = {}


def _convert(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unexpected term {term!r}")


def from_ox(term):
    """A pyoxigraph term as an rdflib term (plain strings without an explicit xsd:string).

    Conversions are memoised (rdflib terms are immutable): a big result repeats its labels,
    classes and dates, and building an rdflib Literal costs microseconds.
    """
    return None if term is None else _memo(_FROM_OX, term, _convert, 300_000)


def _memo(cache: dict, term, convert, limit: int):
    """``convert(term)``, remembered in ``cache``; the cache starts over past ``limit`` entries."""
    try:
        return cache[term]
    except KeyError:
        if len(cache) > limit:
            cache.clear()
        value = cache[term] = convert(term)
        return value


_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def term_nt(term) -> str:
    """An rdflib term in N-Triples syntax; IRIs that could break out of ``<...>`` are refused."""
    if isinstance(term, URIRef):
        if _BAD_IRI.search(term):
            raise StoreError(f"bad IRI {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term).translate(_ESCAPES)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype:
            return f'"{text}"^^{term_nt(term.datatype)}'
        return f'"{text}"'
    if isinstance(term, BNode):
        return "_:b" + re.sub(r"[^A-Za-z0-9]", "_", term)
    raise StoreError(f"not an RDF term: {term!r}")


def _cached(cache: dict, term) -> str:
    return _memo(cache, term, term_nt, 500_000)


def ntriple_lines(triples: Iterable[Triple], graph: URIRef | None = None, cache: dict | None = None) -> Iterator[str]:
    """N-Triples lines (N-Quads lines when ``graph`` is given), streamed; IRIs are memoised."""
    cache = {} if cache is None else cache
    end = f" {term_nt(graph)} .\n" if graph is not None else " .\n"
    for s, p, o in triples:
        obj = _cached(cache, o) if type(o) is URIRef else term_nt(o)
        yield f"{_cached(cache, s)} {_cached(cache, p)} {obj}{end}"


def nquad_lines(graphs: Mapping[URIRef, Iterable[Triple]]) -> Iterator[str]:
    """Every triple of every graph as N-Quads lines, streamed graph by graph."""
    cache: dict = {}
    for name, triples in graphs.items():
        yield from ntriple_lines(triples, URIRef(name), cache)


def _chunks(lines: Iterable[str], size: int = 4096) -> Iterator[bytes]:
    """N-Quads lines in batches of ``size``, as bytes, each batch counted as progress."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield "".join(batch).encode("utf-8")
            progress.advance(len(batch))
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")
        progress.advance(len(batch))


_PIPE_FROM = 20_000


def bulk_load_lines(db: ox.Store, lines: Iterable[str]) -> None:
    """Load N-Quads lines with Oxigraph's bulk loader, serialising in a thread through a pipe.

    Small inputs (under ``_PIPE_FROM`` lines) skip the thread and the pipe, whose start-up costs
    more than it saves. An error on either side (a bad term in Python, a syntax error in Oxigraph)
    is raised here.
    """
    lines = iter(lines)
    head = list(itertools.islice(lines, _PIPE_FROM))
    if len(head) < _PIPE_FROM:
        if head:
            try:
                db.bulk_load("".join(head).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            except SyntaxError as err:
                raise StoreError(f"cannot load the triples: {err}") from None
            progress.advance(len(head))
        return
    lines = itertools.chain(head, lines)
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []

    def write() -> None:
        try:
            with os.fdopen(write_fd, "wb", buffering=1 << 20) as pipe:
                for chunk in _chunks(lines):
                    pipe.write(chunk)
        except BrokenPipeError:
            pass  # the loader stopped first; its error is raised below
        except BaseException as err:  # re-raised in the caller's thread
            failure.append(err)

    writer = threading.Thread(target=write, name="kg-nquads-writer", daemon=True)
    writer.start()
    try:
        db.bulk_load(path=f"/dev/fd/{read_fd}", format=ox.RdfFormat.N_QUADS)
    except SyntaxError as err:
        raise StoreError(f"cannot load the triples: {err}") from None
    finally:
        os.close(read_fd)
        writer.join()
    if failure:
        raise failure[0]


def _query(db: ox.Store, sparql: str) -> QueryResult:
    """Run SPARQL on a database, the default graph being the union of its named graphs."""
    try:
        result = db.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {one_line(err)}") from None
    except OSError as err:
        raise StoreError(f"query failed: {err}") from None
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        return QueryResult("graph", triples=[(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in result])
    variables = [v.value for v in result.variables]
    rows = [tuple(map(from_ox, solution)) for solution in result]
    return QueryResult("select", vars=variables, rows=rows)


def _replace(db: ox.Store, graphs: Mapping[URIRef, Iterable[Triple]], remove: Iterable[URIRef] = ()) -> None:
    for name in (*remove, *graphs):
        if db.contains_named_graph(ox.NamedNode(str(name))):
            db.remove_graph(ox.NamedNode(str(name)))
    for name in graphs:
        db.add_graph(ox.NamedNode(str(name)))  # an empty graph is still a graph
    bulk_load_lines(db, nquad_lines(graphs))


def file_graphs(files: Sequence[tuple[Path, ox.RdfFormat]], default_graph: URIRef) -> dict[URIRef, list[Triple]]:
    """The quads of RDF files grouped by named graph, as rdflib terms (for backends without a bulk
    loader); triples in no named graph go to ``default_graph``."""
    graphs: dict[URIRef, list[Triple]] = {}
    for path, fmt in files:
        fresh: dict[str, BNode] = {}  # blank nodes are local to their file, as in Oxigraph's loader

        def term(t):
            return fresh.setdefault(t.value, BNode()) if isinstance(t, ox.BlankNode) else from_ox(t)

        for q in ox.parse(path=str(path), format=fmt):
            name = default_graph if isinstance(q.graph_name, ox.DefaultGraph) else term(q.graph_name)
            graphs.setdefault(name, []).append((term(q.subject), term(q.predicate), term(q.object)))
    return graphs


def _has_blank_nodes(path: Path) -> bool:
    """True if ``_:`` occurs anywhere in the file (in a literal too: then it is only slower)."""
    if os.path.getsize(path) == 0:
        return False
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return data.find(b"_:") >= 0


class _ByteRange(io.RawIOBase):
    """A file read from ``start`` up to ``end`` only: one of the slices loaded in parallel."""

    def __init__(self, path: Path, start: int, end: int):
        self._file = open(path, "rb")
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._left <= 0:
            return 0
        n = self._file.readinto(memoryview(buffer)[: min(len(buffer), self._left)]) or 0
        self._left -= n
        progress.advance(n)
        return n

    def close(self) -> None:
        self._file.close()
        super().close()


def _line_slices(path: Path, n: int) -> list[tuple[int, int]]:
    """``n`` byte ranges of a line-based file (N-Quads, N-Triples), each cut at a line end."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as f:
        for i in range(1, n):
            f.seek(max(cuts[-1], size * i // n))
            f.readline()
            cuts.append(f.tell())
    cuts.append(size)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _bulk_load_file(db: ox.Store, path: Path, fmt: ox.RdfFormat, to_graph) -> None:
    """Oxigraph's bulk loader on one file; N-Quads and N-Triples without blank nodes are cut into
    one slice per core for parallel loaders (1.3x faster on 2 cores: one loader uses ~1.3 of them)."""
    if fmt not in (ox.RdfFormat.N_QUADS, ox.RdfFormat.N_TRIPLES) or _has_blank_nodes(path):
        db.bulk_load(path=str(path), format=fmt, to_graph=to_graph)
        return
    errors: list[BaseException] = []

    def load(start: int, end: int) -> None:
        try:
            with _ByteRange(path, start, end) as raw:
                db.bulk_load(io.BufferedReader(raw, 1 << 20), format=fmt, to_graph=to_graph)
        except BaseException as err:  # re-raised in the calling thread
            errors.append(err)

    threads = [threading.Thread(target=load, args=r) for r in _line_slices(path, max(2, os.cpu_count() or 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


_OPEN_ATTEMPTS = 6
#: How long a database replaced by a commit is kept for readers still on it (seconds).
_KEEP_RETIRED = 60
_RETIRED = ".retired"


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
            # A writer that commits meanwhile swaps ``current`` and, at its next write, removes the
            # database this reader resolved: open again on what ``current`` names now.
            for attempt in range(_OPEN_ATTEMPTS):
                try:
                    self._reader = ox.Store.read_only(str(self._current.resolve()))
                    break
                except (OSError, RuntimeError) as err:
                    if attempt == _OPEN_ATTEMPTS - 1:
                        raise StoreError(f"cannot open {self._current}: {err}") from None
                    time.sleep(0.05 * (attempt + 1))
        return self._reader

    def _reading(self, work):
        """``work(db)`` on the live database, once more on the new one if a commit removed the
        database this reader had open (see :meth:`transaction`)."""
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                return work(self._read())
            except (OSError, RuntimeError) as err:
                if attempt == _OPEN_ATTEMPTS - 1 or "No such file" not in str(err):
                    raise
                self._reader = None
                time.sleep(0.05 * (attempt + 1))

    def query(self, sparql: str) -> QueryResult:
        return self._reading(lambda db: _query(db or ox.Store(), sparql))  # an empty store answers on a fresh home

    def graph_names(self) -> list[URIRef]:
        return self._reading(lambda db: sorted(URIRef(g.value) for g in db.named_graphs()) if db else [])

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
        with write_lock(self.root / "write.lock", str(self.root)):
            new_dir = self.root / f"db-{time.time_ns()}"
            old_dir = self._current.resolve() if self._current.exists() else None
            for stale in self.root.glob("db-*"):
                # left by a failed write, or replaced by a commit long enough ago that no reader
                # can still be opening it
                retired = stale / _RETIRED
                if (old_dir is None or stale.name != old_dir.name) and (
                        not retired.exists() or time.time() - retired.stat().st_mtime > _KEEP_RETIRED):
                    shutil.rmtree(stale, ignore_errors=True)
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
            # the previous database stays a while (a later write removes it), so that a reader
            # that resolved ``current`` just before the swap still opens and reads it
            if old_dir is not None:
                (old_dir / _RETIRED).touch()

    def replace_graphs(
        self,
        graphs: Mapping[URIRef, Iterable[Triple]],
        *,
        remove: Iterable[URIRef] = (),
        clear: bool = False,
        derive: Derive | None = None,
    ) -> None:
        with self.transaction(clear=clear) as db:
            _replace(db, graphs, remove)
            if derive:
                _replace(db, derive(lambda sparql: _query(db, sparql)))

    def load_files(self, files: Sequence[tuple[Path, ox.RdfFormat]], *, default_graph: URIRef, derive: Derive | None = None) -> None:
        target = ox.NamedNode(str(default_graph))
        with self.transaction() as db:
            if any(True for _ in db.named_graphs()):  # graphs the files replace: one parse to name them
                names = {q.graph_name for path, fmt in files if fmt.supports_datasets
                         for q in ox.parse(path=str(path), format=fmt) if not isinstance(q.graph_name, ox.DefaultGraph)}
                for name in (*names, target):
                    if db.contains_named_graph(name):
                        db.remove_graph(name)
            for path, fmt in files:
                _bulk_load_file(db, path, fmt, None if fmt.supports_datasets else target)
            stray = list(db.quads_for_pattern(None, None, None, ox.DefaultGraph()))  # quads in no named graph
            if stray:
                db.extend([ox.Quad(q.subject, q.predicate, q.object, target) for q in stray])
                db.clear_graph(ox.DefaultGraph())
            if derive:
                _replace(db, derive(lambda sparql: _query(db, sparql)))

    def close(self) -> None:
        self._reader = None
