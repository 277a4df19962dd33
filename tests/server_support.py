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

__all__ = ["oxigraph_server", "module_oxigraph_server", "running_server", "dead_endpoint", "process_alive"]


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
