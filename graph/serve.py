"""``kg serve``: the store as a read-only SPARQL 1.1 endpoint, run by the real Oxigraph server.

The Oxigraph server binary (PyPI package ``oxigraph``) answers the queries. It runs read-only on a
*snapshot* of the store taken when the command starts (a RocksDB checkpoint of the default store,
or a bulk load of any other backend's dump), never on the live folder: a read-only server on a
folder that Python keeps writing is undefined behaviour (see FINDINGS.md). Rebuilding while
serving is therefore safe; restart ``kg serve`` to publish the new graph.

In front of it, a small proxy on the public address serves:

- ``/`` and its assets: Oxigraph's own query page (YASGUI, files served locally, no CDN);
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
                 read_only: bool = False, union: bool = True, log: Path | None = None):
        self.location = Path(location) if location is not None else None
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
        return cmd

    def start(self, timeout: float = 30.0) -> "OxigraphServer":
        """Start the server and wait until it answers a query (StoreError if it does not)."""
        if self.log is None:
            fd, name = tempfile.mkstemp(prefix="oxigraph-", suffix=".log")
            os.close(fd)
            self.log, self._own_log = Path(name), True
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(self.command(), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
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


_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


def _handler(backend: tuple[str, int], explorer: Path | None):
    """The proxy's request handler: pass reads to the engine, refuse writes, serve the explorer."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "kg-serve"
        local = threading.local()

        def log_message(self, fmt, *args):  # quiet: one line per request is noise for a CLI
            pass

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
            if conn is None:
                conn = self.local.conn = http.client.HTTPConnection(*backend, timeout=600)
            return conn

        def _forward(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS | {"host"}}
            for attempt in (1, 2):
                conn = self._connection()
                try:
                    conn.request(self.command, self.path, body=body, headers=headers)
                    response = conn.getresponse()
                    data = response.read()
                    break
                except (http.client.HTTPException, OSError):
                    conn.close()
                    self.local.conn = None
                    if attempt == 2:
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
            path = self.path.split("?", 1)[0].rstrip("/") or "/"
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
            self._forward()

        do_GET = do_HEAD = do_POST = _route
        do_PUT = do_DELETE = do_PATCH = _route

    return Handler


class Endpoint:
    """A running read-only endpoint: the engine on a snapshot and the proxy in front of it."""

    def __init__(self, store: Store, *, host: str = "127.0.0.1", port: int = 7878, explorer: Path | None = None,
                 workdir: Path | None = None):
        self.host, self.port = host, port
        self.explorer = Path(explorer) if explorer else None
        self._tmp = tempfile.TemporaryDirectory(prefix="kg-serve-", dir=workdir)
        self.snapshot = snapshot(store, Path(self._tmp.name) / "snapshot")
        self.engine = OxigraphServer(self.snapshot, read_only=True, union=True,
                                     log=Path(self._tmp.name) / "oxigraph.log")
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
            self.httpd = server_class((self.host, self.port), _handler((self.engine.host, self.engine.port), self.explorer))
        except OSError as err:
            self.engine.stop()
            raise StoreError(f"cannot listen on {self.host}:{self.port}: {err.strerror or err}") from None
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        return self

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
          announce: Callable[[str], None] = print, until: threading.Event | None = None) -> None:
    """Serve ``store`` read-only until interrupted (or until ``until`` is set).

    ``explorer``: a page to serve at /explorer, True to build one from the store, False for none.
    """
    pages = tempfile.TemporaryDirectory(prefix="kg-serve-explorer-")
    if explorer is True:
        announce("building the explorer page (skip with --no-explorer) ...")
        explorer = explorer_page(store, Path(pages.name) / "explorer.html")
    endpoint = Endpoint(store, host=host, port=port, explorer=explorer or None)
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
