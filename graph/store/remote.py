"""A remote SPARQL 1.1 endpoint as a store: Oxigraph server, Fuseki, GraphDB, Virtuoso, Neptune.

It speaks only the standard protocols: SPARQL 1.1 Protocol for queries (POST, form-encoded),
SPARQL 1.1 Update, and the Graph Store HTTP Protocol (N-Triples).

Configuration (the command line never carries credentials):

- ``--store URL`` (or ``KG_STORE=URL``): the query URL (``.../query``, ``.../sparql``) or the
  service's base URL; the update and Graph Store URLs are its siblings ``update`` and ``store``
  (Oxigraph's layout; Fuseki's ``/ds/query``, ``/ds/update``, ``/ds/data`` need ``KG_REMOTE_GSP``);
- ``KG_REMOTE_QUERY``, ``KG_REMOTE_UPDATE``, ``KG_REMOTE_GSP``: each URL explicitly;
- ``KG_REMOTE_USER`` / ``KG_REMOTE_PASSWORD``: HTTP basic authentication;
- ``KG_REMOTE_UNION``: how queries see the union of the named graphs: ``oxigraph`` (its
  ``union-default-graph`` request option), ``graphs`` (the standard way: every named graph is
  given as a ``default-graph-uri``), ``server`` (the server's default graph already is the union:
  GraphDB, Virtuoso, Fuseki with ``unionDefaultGraph``), or ``auto`` (the default: ``oxigraph``
  when the server says it is Oxigraph, else ``graphs``);
- ``KG_REMOTE_TIMEOUT``: seconds a request and its answer may take (default 300).

Virtuoso is recognised by its Server header: updates go to its query URL and the Graph Store
Protocol to ``/sparql-graph-crud`` (unless set explicitly), and its own system graphs are never
listed. Graphs are uploaded in parts of a few MB, each with a Content-Length (PUT, then POST to
append): Virtuoso answers a chunked PUT "201 Created" and stores nothing.

Replacing graphs is whole: the new content of every graph is first uploaded under a private
staging name (``urn:x-kg:staging:<start ms>:<token>:<n>``); the derived graphs (the statement
tallies) are computed by a query over the dataset the write will leave (the graphs kept plus the
staged ones, given as ``default-graph-uri``) and staged too; only then does one SPARQL Update
request swap everything in (``DROP`` and ``MOVE``, one transaction on servers that run an update
request atomically, as Oxigraph and Fuseki do). A failure midway drops the staging graphs and
leaves the earlier graphs and tallies in place. A writer killed midway leaves staging graphs
behind: they are never listed, a process that sees any queries the listed graphs explicitly
instead of the server's union, and the next write drops those older than ``KG_REMOTE_STALE``
seconds (default 3600).

>>> RemoteStore("http://127.0.0.1:7878/query").urls
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store')
"""

from __future__ import annotations

import base64
import http.client
import itertools
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import BinaryIO, Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from ..errors import QueryError, StoreError
from ..httpclient import open_with_deadline, same_origin_opener
from .base import Derive, QueryResult, Store, Triple, plain
from .oxigraph import _chunks, from_ox, ntriple_lines, term_nt

__all__ = ["RemoteStore", "STAGING_PREFIX", "UNION_MODES"]

# Virtuoso echoes every default-graph-uri of a request as one X-SPARQL-default-graph header, and
# http.client refuses answers with more than 100 headers: allow as many as a large store has graphs.
http.client._MAXHEADERS = max(getattr(http.client, "_MAXHEADERS", 100), 1_000_000)

_OPENER = same_origin_opener(StoreError)

#: The graphs a new Virtuoso database holds for itself: never listed as the store's.
_VIRTUOSO_SYSTEM_GRAPHS = frozenset({
    "http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#", "http://localhost:8890/sparql",
    "http://localhost:8890/DAV/", "http://www.w3.org/2002/07/owl#"})
#: Every named graph on a server (Oxigraph lists them from an empty pattern; Virtuoso needs a triple).
_LIST_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
_LIST_GRAPHS_VIRTUOSO = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
#: Bytes of N-Triples sent per Graph Store request when uploading a graph.
_UPLOAD_PART = 8 * 1024 * 1024
#: Graph names used while uploading; never listed, never queried, dropped after each write.
STAGING_PREFIX = "urn:x-kg:staging:"
UNION_MODES = ("auto", "oxigraph", "graphs", "server")
_SELECT_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"


def _derive(endpoint: str) -> tuple[str, str, str]:
    """Query, update and Graph Store URLs from one URL (the query URL or the service base)."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    base = path[: -len(last) - 1] if last in ("query", "sparql") else path
    query = path if last in ("query", "sparql") else base + "/query"

    def url(p: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    return url(query), url(base + "/update"), url(base + "/store")


def _first_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.strip().split())
    return line[:limit] + ("..." if len(line) > limit else "")


def _term(value: dict):
    """A term of the SPARQL 1.1 JSON results format as an rdflib term."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Literal(value["value"], lang=value["xml:lang"])
        if "datatype" in value:
            return plain(Literal(value["value"], datatype=URIRef(value["datatype"])))
        return Literal(value["value"])
    raise StoreError(f"unexpected term in the endpoint's answer: {value!r}")


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint with the Graph Store Protocol (see the module docstring)."""

    name = "remote"
    derives_by_name = False  # derive sees the staged copies of the written graphs

    def __init__(self, endpoint: str | None = None, *, query: str | None = None, update: str | None = None,
                 gsp: str | None = None, union: str | None = None, timeout: float | None = None, **_options):
        env = os.environ
        endpoint = endpoint or env.get("KG_REMOTE_QUERY")
        query = query or env.get("KG_REMOTE_QUERY")
        if not endpoint and not query:
            raise StoreError("the remote store needs an endpoint: --store http://host:port/query or KG_REMOTE_QUERY")
        derived = _derive(endpoint or query)
        self.urls = (
            query or derived[0],
            update or env.get("KG_REMOTE_UPDATE") or derived[1],
            gsp or env.get("KG_REMOTE_GSP") or derived[2],
        )
        # which URLs were guessed, to be corrected once the server says what it is (Virtuoso)
        self._guessed = (False, not (update or env.get("KG_REMOTE_UPDATE")), not (gsp or env.get("KG_REMOTE_GSP")))
        for url in self.urls:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise StoreError(f"not an http(s) URL: {url!r}")
            if parts.username or parts.password:
                raise StoreError("put credentials in KG_REMOTE_USER / KG_REMOTE_PASSWORD, not in the URL")
        self.union = (union or env.get("KG_REMOTE_UNION") or "auto").lower()
        if self.union not in UNION_MODES:
            raise StoreError(f"KG_REMOTE_UNION must be one of {', '.join(UNION_MODES)}, not {self.union!r}")
        self.timeout = float(timeout or env.get("KG_REMOTE_TIMEOUT") or 300)
        user, password = env.get("KG_REMOTE_USER"), env.get("KG_REMOTE_PASSWORD")
        self._auth = None
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode("utf-8")).decode("ascii")
            self._auth = f"Basic {token}"
        self._server: str | None = None
        self._staging_seen: bool | None = None  # staging graphs on the server when first listed

    @property
    def query_url(self) -> str:
        return self.urls[0]

    def describe(self) -> str:
        return f"remote SPARQL endpoint {self.query_url}"

    # --- HTTP --------------------------------------------------------------------------------
    def _request(self, url: str, *, data=None, method: str = "POST", headers: dict | None = None,
                 what: str = "request"):
        """Send one request; return the open response. Errors become one-line StoreErrors."""
        headers = dict(headers or {})
        shown = url.split("?", 1)[0]
        if self._auth:
            headers["Authorization"] = self._auth
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            response, deadline = open_with_deadline(_OPENER, request, self.timeout)
        except urllib.error.HTTPError as err:
            body = err.read().decode("utf-8", "replace")
            err.close()
            if err.code == 400 and what == "query":
                raise QueryError(f"the endpoint rejected the query: {_first_line(body)}") from None
            if err.code in (401, 403):
                hint = " (set KG_REMOTE_USER / KG_REMOTE_PASSWORD)" if not self._auth and err.code == 401 else ""
                raise StoreError(f"{shown} refused the {what}: HTTP {err.code} {err.reason}{hint}") from None
            detail = f": {_first_line(body)}" if body.strip() else ""
            raise StoreError(f"{shown} failed the {what}: HTTP {err.code} {err.reason}{detail}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException, OSError) as err:
            if err.kg_deadline.expired:
                raise StoreError(f"the SPARQL endpoint {shown} did not answer within {self.timeout:g} s "
                                 f"(KG_REMOTE_TIMEOUT)") from None
            if isinstance(err, urllib.error.URLError):
                raise StoreError(f"cannot reach the SPARQL endpoint {shown}: {err.reason}") from None
            raise StoreError(f"the SPARQL endpoint {shown} did not answer: {err}") from None
        response.kg_deadline = deadline
        if not self._server:
            self._server = response.headers.get("Server", "")
            self._adapt()
        return response

    def _is_virtuoso(self) -> bool:
        return (self._server or "").lower().startswith("virtuoso")

    def _adapt(self) -> None:
        """Virtuoso takes updates on its query URL and the Graph Store Protocol at
        ``/sparql-graph-crud``: guessed URLs are corrected when its Server header says so."""
        if not self._is_virtuoso():
            return
        parts = urllib.parse.urlsplit(self.urls[0])
        crud = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/sparql-graph-crud", "", ""))
        self.urls = (self.urls[0], self.urls[0] if self._guessed[1] else self.urls[1],
                     crud if self._guessed[2] else self.urls[2])

    def _read(self, response) -> bytes:
        deadline = getattr(response, "kg_deadline", None)
        try:
            with response:
                data = response.read()
            if deadline is not None and deadline.expired:  # the shut-down socket reads as an early end
                raise ConnectionError("cut off at the deadline")
            return data
        except (TimeoutError, ConnectionError, OSError, http.client.HTTPException) as err:
            if deadline is not None and deadline.expired:
                raise StoreError(f"the SPARQL endpoint {self.query_url} did not finish its answer within "
                                 f"{self.timeout:g} s (KG_REMOTE_TIMEOUT)") from None
            raise StoreError(f"the SPARQL endpoint {self.query_url} broke off its answer: {err}") from None
        finally:
            if deadline is not None:
                deadline.cancel()

    def _post_query(self, sparql: str, *, dataset: bool = True, graphs: Iterable[str] | None = None):
        """POST a query over the union graph (``dataset``), over exactly ``graphs``, or as written."""
        form: list[tuple[str, str]] = [("query", sparql)]
        url = self.query_url
        if graphs is not None:
            graphs = [str(g) for g in graphs]
            form += [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
        elif dataset:
            mode = self._union_mode()
            if mode == "oxigraph":
                url += ("&" if "?" in url else "?") + "union-default-graph"
            elif mode == "graphs":
                # the listed graphs are the dataset, for GRAPH ?g too: a killed writer's staging
                # graphs must not show through a query that ranges over named graphs
                listed = [str(g) for g in self.graph_names()]
                form += [("default-graph-uri", g) for g in listed] + [("named-graph-uri", g) for g in listed]
        body = urllib.parse.urlencode(form).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": _SELECT_ACCEPT}
        response = self._request(url, data=body, headers=headers, what="query")
        return response.headers.get_content_type(), self._read(response)

    def _union_mode(self) -> str:
        if self._staging_seen is None:
            self._all_graph_names()  # which server this is, and whether a write is under way
        if self._staging_seen and self.union in ("auto", "oxigraph", "server"):
            return "graphs"  # the server's union would include staged, uncommitted graphs
        if self.union != "auto":
            return self.union
        # (Virtuoso's default graph is the union of all graphs, its own system graphs included:
        # "graphs" names ours and nothing else)
        return "oxigraph" if (self._server or "").lower().startswith("oxigraph") else "graphs"

    # --- reading -----------------------------------------------------------------------------
    def query(self, sparql: str, *, graphs: Iterable[str] | None = None) -> QueryResult:
        """Run a query over the union of the listed graphs (or over exactly ``graphs``)."""
        content_type, body = self._post_query(sparql, graphs=graphs)
        if content_type in ("application/sparql-results+json", "application/json"):
            try:
                data = json.loads(body)
            except ValueError as err:
                raise StoreError(f"{self.query_url} sent bad JSON results: {err}") from None
            if "boolean" in data:
                return QueryResult("ask", boolean=bool(data["boolean"]))
            variables = list(data["head"].get("vars", []))
            rows = [
                tuple(_term(b[v]) if v in b else None for v in variables) for b in data["results"]["bindings"]
            ]
            return QueryResult("select", vars=variables, rows=rows)
        formats = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}
        if content_type in formats:
            try:
                triples = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                           for t in ox.parse(body, format=formats[content_type])]
            except SyntaxError as err:
                raise StoreError(f"{self.query_url} sent unreadable triples: {err}") from None
            return QueryResult("graph", triples=triples)
        raise StoreError(f"{self.query_url} answered with unexpected content type {content_type!r}")

    def _all_graph_names(self) -> set[str]:
        """Every named graph on the server, staging graphs included."""
        if self._server is None:
            self._post_query("ASK {}", dataset=False)  # which server this is decides how to list
        virtuoso = self._is_virtuoso()
        # Virtuoso lists nothing for an empty graph pattern, and keeps system graphs of its own
        content_type, body = self._post_query(_LIST_GRAPHS_VIRTUOSO if virtuoso else _LIST_GRAPHS, dataset=False)
        try:
            bindings = json.loads(body)["results"]["bindings"]
        except (ValueError, KeyError) as err:
            raise StoreError(f"{self.query_url} sent an unexpected answer listing graphs: {err}") from None
        names = {b["g"]["value"] for b in bindings if b.get("g", {}).get("type") == "uri"}
        if virtuoso:
            names = {n for n in names if n not in _VIRTUOSO_SYSTEM_GRAPHS}
        self._staging_seen = bool(self._staging_seen) or any(n.startswith(STAGING_PREFIX) for n in names)
        return names

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(n) for n in self._all_graph_names() if not n.startswith(STAGING_PREFIX))

    def dump(self, out: BinaryIO) -> None:
        """Every graph fetched with the Graph Store Protocol as N-Triples, written as N-Quads."""
        for name in self.graph_names():
            suffix = f" {term_nt(name)} .\n".encode("utf-8")
            response = self._request(self._gsp(name), method="GET", headers={"Accept": "application/n-triples"},
                                     what="export")
            try:
                with response:
                    for line in response:
                        line = line.strip()
                        line = line.replace(b"\t", b" ")  # Virtuoso separates terms by tabs (never raw in a term)
                        if line and not line.startswith(b"#"):
                            if not line.endswith(b"."):
                                raise StoreError(f"{self.urls[2]} sent a bad N-Triples line: {line[:80]!r}")
                            out.write(line[:-1].rstrip() + suffix)
                if response.kg_deadline.expired:
                    raise StoreError(f"the Graph Store {self.urls[2]} did not finish the export within {self.timeout:g} s")
            except (TimeoutError, ConnectionError, OSError, http.client.HTTPException) as err:
                raise StoreError(f"the Graph Store {self.urls[2]} broke off the export: {err}") from None
            finally:
                response.kg_deadline.cancel()

    # --- writing -----------------------------------------------------------------------------
    def _gsp(self, graph: str) -> str:
        separator = "&" if "?" in self.urls[2] else "?"
        return f"{self.urls[2]}{separator}{urllib.parse.urlencode({'graph': str(graph)})}"

    def _update(self, sparql: str) -> None:
        body = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
        self._read(self._request(self.urls[1], data=body, headers={"Content-Type": "application/x-www-form-urlencoded"},
                                 what="update"))

    def _upload(self, graph: str, triples: Iterable[Triple], cache: dict) -> None:
        """PUT the graph's first part, POST (append) the others: every request carries a
        Content-Length, which every server honours (Virtuoso answers a chunked PUT "201 Created"
        and stores nothing); parts bound the memory a large graph needs."""
        method = "PUT"
        part: list[bytes] = []
        size = 0

        def send() -> None:
            nonlocal method, part, size
            self._read(self._request(self._gsp(graph), data=b"".join(part), method=method,
                                     headers={"Content-Type": "application/n-triples"}, what="upload"))
            method, part, size = "POST", [], 0

        for chunk in _chunks(ntriple_lines(triples, cache=cache)):
            part.append(chunk)
            size += len(chunk)
            if size >= _UPLOAD_PART:
                send()
        if part or method == "PUT":
            send()

    def replace_graphs(
        self,
        graphs: Mapping[URIRef, Iterable[Triple]],
        *,
        remove: Iterable[URIRef] = (),
        clear: bool = False,
        derive: Derive | None = None,
    ) -> None:
        listing = self._all_graph_names()
        self._drop_stale_staging(listing)
        existing = {URIRef(n) for n in listing if not n.startswith(STAGING_PREFIX)}
        token = f"{STAGING_PREFIX}{time.time_ns() // 1_000_000}:{uuid.uuid4().hex}:"
        staged: dict[URIRef, str] = {}  # every graph written: uploaded aside, swapped in at the end
        cache: dict = {}
        numbers = itertools.count()

        def stage(batch: Mapping[URIRef, Iterable[Triple]]) -> None:
            for name, triples in batch.items():
                name = URIRef(name)
                term_nt(name)  # refuse a bad graph name before uploading anything
                staged[name] = f"{token}{next(numbers)}"
                self._upload(staged[name], triples, cache)

        try:
            stage(graphs)
            drop = {URIRef(n) for n in remove}
            if clear:
                drop |= existing
            drop -= set(staged)
            if derive:  # computed over the dataset this write leaves: kept graphs plus staged ones
                after = sorted({str(n) for n in existing - drop - set(staged)} | set(staged.values()))
                derived = {URIRef(n): t for n, t in derive(lambda sparql: self.query(sparql, graphs=after)).items()}
                shadowed = [staged.pop(name) for name in derived if name in staged]  # derived content wins
                stage(derived)
            else:
                shadowed = []
            operations = [f"DROP SILENT GRAPH {term_nt(n)}" for n in sorted(drop)]
            operations += [f"DROP SILENT GRAPH <{n}>" for n in shadowed]
            for name, staging in staged.items():
                operations += [
                    f"DROP SILENT GRAPH {term_nt(name)}",
                    f"MOVE SILENT GRAPH <{staging}> TO GRAPH {term_nt(name)}",
                ]
            if operations:
                self._update(" ;\n".join(operations))
        except BaseException:
            self._drop_staging(staged.values())
            raise

    def _drop_stale_staging(self, listing: Iterable[str]) -> None:
        """Drop the staging graphs of writers that started more than KG_REMOTE_STALE seconds ago."""
        limit = float(os.environ.get("KG_REMOTE_STALE") or 3600)
        now_ms = time.time_ns() // 1_000_000
        stale = []
        for name in listing:
            if name.startswith(STAGING_PREFIX):
                started = name[len(STAGING_PREFIX):].split(":", 1)[0]
                if not started.isdigit() or now_ms - int(started) > limit * 1000:
                    stale.append(name)
        self._drop_staging(stale)

    def _drop_staging(self, names: Iterable[str]) -> None:
        names = list(names)
        if not names:
            return
        try:
            self._update(" ;\n".join(f"DROP SILENT GRAPH <{n}>" for n in names))
        except (StoreError, QueryError):
            pass  # the server is gone; staging graphs are never listed or queried

