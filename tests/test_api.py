"""graph.open(): the one object for scripts, over a real store."""

from __future__ import annotations

import importlib.util
import json

import pytest

import graph
from graph.errors import InputError

ARTICLE = "Gabon vetoed the draft resolution on Monday. Russia reportedly sent troops to Ukraine in March 2024.\n"


@pytest.fixture
def kg(tmp_path):
    with graph.open(tmp_path / "home") as opened:
        opened.build()
        yield opened


def test_import_graph_gives_the_entry_object_and_stays_light():
    import subprocess
    import sys

    code = "import sys, graph; assert 'rdflib' not in sys.modules and 'pyvis' not in sys.modules; print(graph.open)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0 and "function open" in out.stdout, out.stderr


def test_named_and_adhoc_queries_give_plain_python_values(kg):
    vetoes = kg.query("unsc-votes")
    assert {"voter": "Russia", "relation": "vetoed", "when": "2024-03"}.items() <= vetoes[3].items()
    supplies = kg.query("supplies", supplier="DPRK")
    assert supplies and all(isinstance(v, (str, int, float)) for row in supplies for v in row.values())
    count = kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ont:vetoed ?o }")[0]["n"]
    assert isinstance(count, int) and count >= 1
    labelled = kg.query("SELECT ?e WHERE { ?e rdfs:label ?name }", name="Soviet Union")  # a plain literal: no match
    assert labelled == []
    assert kg.query("ASK { ?s ont:vetoed ?o }") is True


def test_ingest_stats_validate_draw_and_export(kg, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(ARTICLE, encoding="utf-8")
    report = kg.ingest(note)
    assert report.statements >= 2
    stats = kg.stats()
    assert stats["statements_by_relation"]["vetoed"] >= 2
    assert kg.validate().conforms
    page = kg.draw(tmp_path / "out" / "g.html", certainty="confirmed,reported")
    assert "vis-network" in page.read_text(encoding="utf-8").lower()
    exported = kg.export(tmp_path / "out" / "g.jsonld")
    assert json.loads(exported.read_text(encoding="utf-8"))


def test_a_dataframe_or_one_clear_line_without_pandas(kg):
    if importlib.util.find_spec("pandas") is None:
        with pytest.raises(InputError, match="pip install pandas"):
            kg.dataframe("unsc-votes")
    else:
        frame = kg.dataframe("unsc-votes")
        assert list(frame.columns)[:2] and len(frame) >= 4
