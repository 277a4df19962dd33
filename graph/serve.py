"""``kg serve``: the store as a read-only SPARQL 1.1 endpoint, run by the real Oxigraph server.

The Oxigraph server binary (PyPI package ``oxigraph``) answers the queries. It runs read-only on a
*snapshot* of the store taken when the command starts (a RocksDB checkpoint of the default store,
or a bulk load of any other backend's dump), never on the live folder: a read-only server on a
folder that Python keeps writing is undefined behaviour (see FINDINGS.md). Rebuilding while
serving is therefore safe; restart ``kg serve`` to publish the new graph.

In front of it, a small proxy on the public address filters every request (a well-formed target;
a Host, and Origin if any, naming this server, against DNS rebinding and cross-site posts; bodies
up to :data:`MAX_BODY` with a Content-Length; queries up to :data:`MAX_QUERY` characters, 200
levels of nesting and no ``SERVICE`` unless allowed; silent connections closed after
:data:`IDLE_TIMEOUT` s), stops queries at the timeout, restarts the engine if it dies (and the
engine dies with ``kg serve``, even killed), and serves:

- ``/``: the query page (:func:`query_page`: the engine's YASGUI, files served locally, the project
  prefixes declared, the named queries to load, no request leaving the machine);
- ``/query``: the SPARQL 1.1 Protocol (GET and POST), passed to the server unchanged, so any client
  (SPARQLWrapper, rdflib's SPARQLStore, curl) gets JSON, XML, CSV, TSV or Turtle as it asks;
  a malformed query gets HTTP 400 with the parser's message;
- ``/update`` and writes to ``/store``: refused (HTTP 403): the endpoint is read-only;
- ``/explorer``: the interactive graph page, if one was given or built.

It binds 127.0.0.1 unless told otherwise.

>>> OxigraphServer.binary().name
'oxigraph'
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from .errors import StoreError
from .store import Store

__all__ = ["OxigraphServer", "Endpoint", "free_port", "snapshot", "explorer_page", "serve"]


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """The ``oxigraph`` server binary as a subprocess: started, awaited, stopped by its pid."""

    def __init__(self, location: Path | str | None, *, host: str = "127.0.0.1", port: int | None = None,
                 read_only: bool = False, union: bool = True, log: Path | None = None, timeout_s: int | None = None):
        self.location = Path(location) if location is not None else None
        self.timeout_s = timeout_s
        self.host = host
        self.port = port or free_port(host)
        self.read_only = read_only
        self.union = union
        self.log = log
        self._own_log = False
        self.process: subprocess.Popen | None = None

    @staticmethod
    def binary() -> Path:
        """The server executable: beside this Python (a venv's bin/) or on the PATH."""
        beside = Path(sys.executable).with_name("oxigraph")
        found = beside if beside.exists() else shutil.which("oxigraph")
        if not found:
            raise StoreError("the Oxigraph server is not installed (pip install 'oxigraph>=0.5.13')")
        return Path(found)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def command(self) -> list[str]:
        cmd = [str(self.binary()), "serve-read-only" if self.read_only else "serve"]
        if self.location is not None:
            cmd += ["--location", str(self.location)]
        cmd += ["--bind", f"{self.host}:{self.port}"]
        if self.union:
            cmd.append("--union-default-graph")
        if self.timeout_s:
            cmd += ["--timeout-s", str(int(self.timeout_s))]
        return cmd

    def start(self, timeout: float = 30.0) -> "OxigraphServer":
        """Start the server and wait until it answers a query (StoreError if it does not)."""
        if self.log is None:
            fd, name = tempfile.mkstemp(prefix="oxigraph-", suffix=".log")
            os.close(fd)
            self.log, self._own_log = Path(name), True
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(self.command(), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        deadline = time.monotonic() + timeout
        probe = self.query_url + "?query=ASK%7B%7D"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                self.process = None
                lines = [line.strip() for line in self.log.read_text("utf-8", "replace").splitlines() if line.strip()]
                first = next((line for line in lines if line.lower().startswith("error")), lines[0] if lines else "")
                raise StoreError(f"the Oxigraph server exited with code {code}: {first[:300] or 'no message'}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise StoreError(f"the Oxigraph server did not answer on {self.url} within {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server by its pid (terminate, then kill if it lingers)."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if self._own_log and self.log is not None:
            self.log.unlink(missing_ok=True)

    def __enter__(self) -> "OxigraphServer":
        return self.start() if self.process is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def _die_with_parent() -> None:
    """In the engine's process, before it runs: the kernel kills it when ``kg serve`` dies, even
    by SIGKILL, so no engine is left answering as an orphan (Linux prctl PR_SET_PDEATHSIG)."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except OSError:
        pass


def snapshot(store: Store, folder: Path) -> Path:
    """Copy the store's current content into a new Oxigraph database at ``folder``.

    The default store is copied with a checkpoint (hard links: instant and small); any other
    backend is dumped as N-Quads and bulk-loaded.
    """
    import pyoxigraph as ox

    folder = Path(folder)
    live = store.ox_store()
    if live is not None:
        live.backup(str(folder))
        return folder
    db = ox.Store(str(folder))
    with tempfile.TemporaryFile() as dump:
        store.dump(dump)
        dump.seek(0)
        if dump.read(1):
            dump.seek(0)
            db.bulk_load(dump, format=ox.RdfFormat.N_QUADS)
    db.flush()
    del db
    return folder


def explorer_page(store: Store, path: Path) -> Path | None:
    """Write the explorer page of the store (``kg viz`` with its default view) to ``path``;
    None when the store is empty or the explorer module is not installed."""
    try:
        from .network import to_networkx
        from .views import select
        from .viz import store_details, write_explorer
    except ImportError:
        return None
    if store.is_empty():
        return None
    return write_explorer(select(to_networkx(store)), Path(path), store_details(store), title="Knowledge graph explorer")


def query_page(explorer: bool) -> bytes:
    """The query page served at ``/``: the engine's YASGUI with the project prefixes declared, the
    named queries to load, and no autocompleter that fetches from the Internet (the engine's own
    page asks prefix.cc)."""
    import json
    from importlib import resources

    from .query import named_queries, prefixes_for

    queries = [{"name": q.name, "title": q.title, "text": prefixes_for(q.text) + q.text}
               for q in named_queries().values()]
    config = {"prologue": prefixes_for("").rstrip("\n"), "example": "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10",
              "queries": queries, "explorer": explorer}
    payload = json.dumps(config).replace("</", "<\\/")  # never closes the script element
    template = resources.files("graph").joinpath("templates", "query.html").read_text(encoding="utf-8")
    return template.replace("__KG_CONFIG__", payload).encode("utf-8")


_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}
#: Limits of the request filter in front of the engine.
MAX_BODY = 1024 * 1024  # bytes of a request body
MAX_QUERY = 100_000  # characters of a query
IDLE_TIMEOUT = 30  # seconds a connection may stay silent, mid-request or between requests
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _query_text(command: str, target: str, headers, body: bytes | None) -> str | None:
    """The SPARQL query of a protocol request (GET parameter, form field or direct POST body)."""
    from urllib.parse import parse_qs, urlsplit

    found = parse_qs(urlsplit(target).query).get("query")
    if command == "POST" and body:
        kind = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            return body.decode("utf-8", "replace")
        if kind == "application/x-www-form-urlencoded":
            found = parse_qs(body.decode("utf-8", "replace")).get("query") or found
    return found[0] if found else None


def _handler(backend: tuple[str, int], explorer: Path | None, *, bound: str = "127.0.0.1",
             revive: Callable[[], tuple[str, int]] | None = None, cancel: Callable[[], tuple[str, int]] | None = None,
             query_timeout: float = 600, allow_service: tuple[str, ...] = ()):
    """The proxy's request handler: a request filter (well-formed targets, Host and Origin of this
    server, bounded bodies and queries, no SERVICE), then reads passed to the engine, writes
    refused, the explorer served. ``revive`` restarts a dead engine and gives its new address."""
    from .errors import QueryError
    from .query import check_nesting, check_service

    address = {"backend": backend}
    page: dict = {}  # the query page, built on first request

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "kg-serve"
        local = threading.local()
        timeout = IDLE_TIMEOUT  # a half-sent request is dropped after this long

        def log_message(self, fmt, *args):  # quiet: one line per request is noise for a CLI
            pass

        def handle_one_request(self):
            try:
                super().handle_one_request()
            except (BrokenPipeError, ConnectionResetError):  # the client left: nothing to answer
                self.close_connection = True

        def _send(self, code: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _refuse(self) -> None:
            self._send(403, b"this endpoint is read-only: SPARQL Update and Graph Store writes are refused\n")

        def _connection(self) -> http.client.HTTPConnection:
            conn = getattr(self.local, "conn", None)
            if conn is None or getattr(self.local, "backend", None) != address["backend"]:
                conn = self.local.conn = http.client.HTTPConnection(*address["backend"], timeout=query_timeout + 5)
                self.local.backend = address["backend"]
            return conn

        def _host_allowed(self, value: str | None) -> bool:
            """Host and Origin must name this server: a page on another site that resolves its
            own name to 127.0.0.1 (DNS rebinding) gets nothing."""
            if not value:
                return False
            from urllib.parse import urlsplit

            host = urlsplit(value if "//" in value else f"//{value}").hostname or ""
            if bound in ("0.0.0.0", "::"):
                return True
            return host == bound or (bound in _LOOPBACK and host in _LOOPBACK)

        def _body(self) -> bytes | None | bool:
            """The request body within the limits, or False once an error has been sent."""
            if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                self._send(411, b"send the body with a Content-Length\n")
                return False
            raw = self.headers.get("Content-Length")
            if raw is None:
                return None
            if not raw.strip().isdigit():
                self._send(400, b"bad Content-Length\n")
                return False
            length = int(raw)
            if length > MAX_BODY:
                self._send(413, f"request body above {MAX_BODY // 1024} KB\n".encode())
                return False
            return self.rfile.read(length) if length else None

        def _check_query(self, body: bytes | None) -> bool:
            """Size, nesting and federation limits on a /query request; False once refused."""
            text = _query_text(self.command, self.path, self.headers, body)
            if text is None:
                return True
            if len(text) > MAX_QUERY:
                self._send(413, f"query above {MAX_QUERY:,} characters\n".encode())
                return False
            try:
                check_nesting(text)
                check_service(text, allow_service)
            except QueryError as err:
                self._send(403 if "SERVICE" in str(err) else 400, f"{err}\n".encode())
                return False
            return True

        def _await(self, conn: http.client.HTTPConnection) -> str:
            """Wait for the engine's answer: "answer", "late" (past the timeout) or "gone" (the
            client hung up, so nobody wants the answer any more)."""
            import select

            deadline = time.monotonic() + query_timeout
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return "late"
                ready, _, _ = select.select([conn.sock, self.connection], [], [], min(left, 1.0))
                if conn.sock in ready:
                    return "answer"
                if self.connection in ready:
                    try:
                        if self.connection.recv(1, socket.MSG_PEEK) == b"":
                            return "gone"
                    except OSError:
                        return "gone"
                    time.sleep(0.05)  # the client sent more (pipelining): keep waiting for the engine

        def _forward(self, body: bytes | None) -> None:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS | {"host"}}
            for attempt in (1, 2, 3):
                conn = self._connection()
                try:
                    conn.request(self.command, self.path, body=body, headers=headers)
                    verdict = self._await(conn)
                    if verdict != "answer":
                        # the engine cannot stop one query: a query past its time, or abandoned by
                        # its client, is stopped by restarting the engine (other queries are retried)
                        conn.close()
                        self.local.conn = None
                        if cancel is not None:
                            address["backend"] = cancel()
                        if verdict == "late":
                            self._send(503, f"the query ran longer than {query_timeout:g} s\n".encode())
                        else:
                            self.close_connection = True
                        return
                    response = conn.getresponse()
                    data = response.read()
                    break
                except (http.client.HTTPException, OSError):
                    conn.close()
                    self.local.conn = None
                    if attempt == 2 and revive is not None:
                        try:
                            address["backend"] = revive()  # the engine died: start it again
                        except StoreError:
                            pass
                    if attempt == 3 or (attempt == 2 and revive is None):
                        self._send(502, b"the SPARQL engine did not answer\n")
                        return
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() not in _HOP_HEADERS | {"content-length", "server"}:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def _route(self) -> None:
            if not self.path.startswith("/") or any(ord(c) < 0x21 or c == "\x7f" for c in self.path):
                self.close_connection = True
                self._send(400, b"bad request target\n")
                return
            if not self._host_allowed(self.headers.get("Host")):
                self.close_connection = True
                self._send(421, b"unknown Host: this server answers only to the address it is bound to\n")
                return
            origin = self.headers.get("Origin")
            if origin and origin != "null" and not self._host_allowed(origin) or origin == "null" and self.command == "POST":
                self._send(403, b"cross-origin requests are refused\n")
                return
            path = self.path.split("?", 1)[0].rstrip("/") or "/"
            if path == "/" and self.command in ("GET", "HEAD"):
                if page.get("body") is None:
                    page["body"] = query_page(explorer is not None)
                self._send(200, page["body"], "text/html; charset=utf-8")
                return
            if path == "/explorer":
                if explorer is None or not explorer.is_file():
                    self._send(404, b"no explorer page: run `kg viz` or start `kg serve --explorer FILE`\n")
                else:
                    self._send(200, explorer.read_bytes(), "text/html; charset=utf-8")
                return
            if path == "/update" or (path == "/store" and self.command not in ("GET", "HEAD")):
                self._refuse()
                return
            if self.command not in ("GET", "HEAD", "POST"):
                self._refuse()
                return
            body = self._body()
            if body is False:
                self.close_connection = True
                return
            if path == "/query" and not self._check_query(body):
                return
            self._forward(body)

        do_GET = do_HEAD = do_POST = _route
        do_PUT = do_DELETE = do_PATCH = _route

    return Handler


class Endpoint:
    """A running read-only endpoint: the engine on a snapshot and the proxy in front of it."""

    def __init__(self, store: Store, *, host: str = "127.0.0.1", port: int = 7878, explorer: Path | None = None,
                 workdir: Path | None = None, timeout: float = 60, allow_service: tuple[str, ...] = ()):
        self.host, self.port = host, port
        self.explorer = Path(explorer) if explorer else None
        self.timeout, self.allow_service = timeout, tuple(allow_service)
        self._tmp = tempfile.TemporaryDirectory(prefix="kg-serve-", dir=workdir)
        self.snapshot = snapshot(store, Path(self._tmp.name) / "snapshot")
        self.engine = OxigraphServer(self.snapshot, read_only=True, union=True,
                                     log=Path(self._tmp.name) / "oxigraph.log", timeout_s=int(timeout) + 30)
        # (the proxy stops a query at ``timeout`` by restarting the engine; the engine's own timeout,
        # later, is a backstop: it answers an error but does not stop the computation)
        self._revive_lock = threading.Lock()
        self.restarts = 0
        self.httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> "Endpoint":
        self.engine.start()
        try:
            ThreadingHTTPServer.daemon_threads = True
            family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
            server_class = type("Server", (ThreadingHTTPServer,), {"address_family": family, "request_queue_size": 64})
            handler = _handler((self.engine.host, self.engine.port), self.explorer, bound=self.host, revive=self._revive,
                               cancel=self._cancel, query_timeout=self.timeout, allow_service=self.allow_service)
            self.httpd = server_class((self.host, self.port), handler)
        except OSError as err:
            self.engine.stop()
            raise StoreError(f"cannot listen on {self.host}:{self.port}: {err.strerror or err}") from None
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        return self

    def _revive(self) -> tuple[str, int]:
        """Restart the engine if it died (the supervisor); its address, new or not."""
        with self._revive_lock:
            process = self.engine.process
            if process is None or process.poll() is not None:
                self.engine.process = None
                self.engine.port = free_port(self.engine.host)
                self.engine.start()
                self.restarts += 1
            return self.engine.host, self.engine.port

    def _cancel(self) -> tuple[str, int]:
        """Stop whatever the engine is computing by restarting it; its address."""
        with self._revive_lock:
            process = self.engine.process
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
            self.engine.process = None
            self.engine.port = free_port(self.engine.host)  # never wait for the old port to be free again
            self.engine.start()
            self.restarts += 1
            return self.engine.host, self.engine.port

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None
        self.engine.stop()
        self._tmp.cleanup()

    def __enter__(self) -> "Endpoint":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _interrupt(*_args) -> None:
    raise KeyboardInterrupt


def serve(store: Store, *, host: str = "127.0.0.1", port: int = 7878, explorer: Path | None | bool = True,
          announce: Callable[[str], None] = print, until: threading.Event | None = None, timeout: float = 60,
          allow_service: tuple[str, ...] = ()) -> None:
    """Serve ``store`` read-only until interrupted (or until ``until`` is set).

    ``explorer``: a page to serve at /explorer, True to build one from the store, False for none.
    """
    pages = tempfile.TemporaryDirectory(prefix="kg-serve-explorer-")
    if explorer is True:
        announce("building the explorer page (skip with --no-explorer) ...")
        explorer = explorer_page(store, Path(pages.name) / "explorer.html")
    endpoint = Endpoint(store, host=host, port=port, explorer=explorer or None, timeout=timeout, allow_service=allow_service)
    store.close()  # the snapshot is taken: let go of the live database
    endpoint.start()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill PID` stops the engine too
    try:
        exposed = "" if host in ("127.0.0.1", "localhost", "::1") else "  (reachable from other machines!)"
        announce(f"serving {store.describe()} read-only on {endpoint.url} (bound to {host}){exposed}")
        announce(f"  SPARQL endpoint: {endpoint.url}/query   query page: {endpoint.url}/")
        if endpoint.explorer and endpoint.explorer.is_file():
            announce(f"  explorer: {endpoint.url}/explorer  ({endpoint.explorer})")
        announce("  a snapshot of the store taken now; restart to serve later changes. Ctrl-C stops.")
        (until or threading.Event()).wait()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.stop()
        pages.cleanup()
