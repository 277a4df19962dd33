"""Helpers for tests against a real Oxigraph server (PyPI package ``oxigraph``), no conftest needed.

Test modules import the fixtures they use; tests run with ``--import-mode=importlib``, so a module
first puts this folder on ``sys.path``::

    sys.path.insert(0, str(Path(__file__).parent))
    from server_support import oxigraph_server  # noqa: E402,F401  (a pytest fixture)

Each server runs on 127.0.0.1 with a free port and a temporary data folder, is awaited until it
answers a query, and is stopped by its process id when the test (or module) ends.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.serve import OxigraphServer, free_port

__all__ = ["oxigraph_server", "module_oxigraph_server", "running_server", "dead_endpoint", "process_alive",
           "VirtuosoServer", "module_virtuoso_server", "virtuoso_available", "sparql_server"]


@contextmanager
def running_server(folder: Path, **options):
    """An ``oxigraph serve`` on ``folder`` for the length of a ``with`` block."""
    server = OxigraphServer(folder, **options).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def oxigraph_server(tmp_path):
    """A fresh, empty read-write Oxigraph server (plain default graph: no union option), per test."""
    with running_server(tmp_path / "oxigraph-server", union=False) as server:
        yield server


@pytest.fixture(scope="module")
def module_oxigraph_server(tmp_path_factory):
    """One read-write Oxigraph server shared by a test module."""
    with running_server(tmp_path_factory.mktemp("oxigraph-server") / "db", union=False) as server:
        yield server


def dead_endpoint() -> str:
    """A query URL on a free loopback port where nothing listens."""
    return f"http://127.0.0.1:{free_port()}/query"


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# --- Virtuoso (Debian's virtuoso-opensource) ------------------------------------------------------

VIRTUOSO = "/usr/bin/virtuoso-t"


class VirtuosoServer:
    """A private Virtuoso 7.2 on loopback: its own ini and database folder, free ports, anonymous
    SPARQL Update granted; ``query_url`` is its /sparql endpoint."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.http_port, self.sql_port = free_port(), free_port()
        self.process = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def start(self, timeout: float = 60) -> "VirtuosoServer":
        import re
        import subprocess
        import time

        self.folder.mkdir(parents=True, exist_ok=True)
        ini = Path("/etc/virtuoso-opensource-7/virtuoso.ini").read_text(encoding="utf-8")
        ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{self.folder}/")
        ini = re.sub(r"(?m)^(ServerPort\s*=\s*)1111\s*$", rf"\g<1>127.0.0.1:{self.sql_port}", ini)
        ini = re.sub(r"(?m)^(ServerPort\s*=\s*)8890\s*$", rf"\g<1>127.0.0.1:{self.http_port}", ini)
        ini = re.sub(r"(?m)^(DirsAllowed\s*=\s*)(.*)$", rf"\g<1>\g<2>, {self.folder}", ini)
        (self.folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
        log = open(self.folder / "stdout.log", "wb")
        self.process = subprocess.Popen([VIRTUOSO, "-f", "-c", str(self.folder / "virtuoso.ini")], cwd=self.folder,
                                        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso exited: {(self.folder / 'stdout.log').read_text(errors='replace')[-500:]}")
            if "Server online" in (self.folder / "stdout.log").read_text(errors="replace"):
                break
            time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError("virtuoso did not come online")
        subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=60)
        return self

    def stop(self) -> None:
        import subprocess

        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def virtuoso_available() -> bool:
    return Path(VIRTUOSO).exists()


@pytest.fixture(scope="module")
def module_virtuoso_server(tmp_path_factory):
    """One private Virtuoso shared by a test module (skipped where Debian's package is missing,
    unless KG_REQUIRE_VIRTUOSO is set, as .ci/run does)."""
    if not virtuoso_available():
        if os.environ.get("KG_REQUIRE_VIRTUOSO"):
            pytest.fail("KG_REQUIRE_VIRTUOSO is set but virtuoso-opensource is not installed")
        pytest.skip("virtuoso-opensource is not installed (apt-get install virtuoso-opensource)")
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["oxigraph", "virtuoso"])
def sparql_server(request, tmp_path):
    """A fresh, empty read-write SPARQL server, per test: an Oxigraph server, then a private
    Virtuoso (so each remote test runs on both; Virtuoso as in :func:`module_virtuoso_server`)."""
    if request.param == "oxigraph":
        with running_server(tmp_path / "oxigraph-server", union=False) as server:
            yield server
        return
    if not virtuoso_available():
        if os.environ.get("KG_REQUIRE_VIRTUOSO"):
            pytest.fail("KG_REQUIRE_VIRTUOSO is set but virtuoso-opensource is not installed")
        pytest.skip("virtuoso-opensource is not installed (apt-get install virtuoso-opensource)")
    server = VirtuosoServer(tmp_path / "virtuoso").start()
    try:
        yield server
    finally:
        server.stop()
