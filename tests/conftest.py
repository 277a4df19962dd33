"""Shared fixtures: the bundled corpus built into real stores, a small fixture corpus, and a
runner for the `kg` command. Fixtures of one area (server, browser) live in that area's tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.build import build
from graph.resources import default_data_dir
from graph.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The bundled sample corpus."""
    return default_data_dir()


@pytest.fixture(scope="session")
def bundled_memory(data_dir):
    """The bundled corpus built into rdflib's memory store (read-only use, shared)."""
    store = open_store("memory")
    build(store, data_dir)
    return store


@pytest.fixture(scope="session")
def bundled_oxigraph(tmp_path_factory, data_dir):
    """The bundled corpus built into the default on-disk Oxigraph store (read-only use, shared)."""
    store = open_store("oxigraph", tmp_path_factory.mktemp("kg-home"))
    build(store, data_dir)
    return store


@pytest.fixture(params=["oxigraph", "memory"])
def bundled(request):
    """The bundled graph on each embedded backend, for tests that must hold on all of them."""
    return request.getfixturevalue(f"bundled_{request.param}")


@pytest.fixture
def fixture_corpus(tmp_path) -> Path:
    """A writable copy of tests/fixtures/corpus (one short document, five facts)."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", target)
    return target


@pytest.fixture
def kg(tmp_path):
    """Run `kg` in-process with its own home folder: kg("build", "--data", d) -> click Result."""
    home = tmp_path / "home"

    def run(*args: str, input: str | None = None, store: str = "oxigraph"):
        runner = CliRunner()
        return runner.invoke(
            __import__("graph.cli", fromlist=["main"]).main,
            ["--home", str(home), "--store", store, *args],
            input=input,
            catch_exceptions=False,
        )

    run.home = home
    return run


@pytest.fixture
def kg_process(tmp_path):
    """Run the real `kg` console script in a subprocess (to see exactly what a user sees)."""
    home = tmp_path / "home"
    exe = Path(sys.executable).with_name("kg")

    def run(*args: str, input: str | None = None, store: str = "oxigraph", cwd: Path | None = None):
        env = dict(os.environ, KG_HOME=str(home), KG_STORE=store)
        return subprocess.run(
            [str(exe), *args], input=input, capture_output=True, text=True, env=env, cwd=cwd or tmp_path, timeout=300
        )

    run.home = home
    return run
