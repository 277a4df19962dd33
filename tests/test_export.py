"""Exports: Turtle that an independent parser accepts and that round-trips, and the other formats."""

import json
import csv
import io
import shutil
import subprocess

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.export import EXPORT_FORMATS, export
from graph.namespaces import Instances


def exported(store, fmt) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out)
    return out.getvalue()


def merged(store) -> Graph:
    graph = Graph()
    for quad in Dataset().parse(data=exported(store, "nquads"), format="nquads").quads((None, None, None, None)):
        graph.add(quad[:3])
    return graph


@pytest.mark.skipif(not shutil.which("rapper"), reason="raptor2-utils (rapper) is not installed")
def test_turtle_parses_in_an_independent_parser(bundled_oxigraph, tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_bytes(exported(bundled_oxigraph, "turtle"))
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert f"returned {len(merged(bundled_oxigraph))} triples" in run.stderr


def test_turtle_round_trips_to_an_isomorphic_graph(bundled):
    text = exported(bundled, "turtle")
    assert text.startswith(b"@prefix ")
    assert isomorphic(Graph().parse(data=text, format="turtle"), merged(bundled))


def test_trig_keeps_one_named_graph_per_document(bundled_oxigraph):
    dataset = Dataset().parse(data=exported(bundled_oxigraph, "trig"), format="trig")
    inst = Instances()
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    for doc in ("rusi-dprk-security-actor-2024", "scribe-russia-dprk-alliance-2024"):
        assert str(inst.graph_document(doc)) in names
    assert {str(inst.graph_ontology()), str(inst.graph_entities()), str(inst.graph_curated())} <= names


@pytest.mark.parametrize("fmt,parse_as", [("nt", "nt"), ("jsonld", "json-ld")])
def test_other_rdf_formats_hold_the_same_graph(bundled_oxigraph, fmt, parse_as):
    graph = Graph().parse(data=exported(bundled_oxigraph, fmt), format=parse_as)
    assert isomorphic(graph, merged(bundled_oxigraph))


def test_csv_edge_list_has_one_row_per_statement_with_evidence(bundled_oxigraph, data_dir):
    from graph.corpus import load_corpus

    rows = list(csv.DictReader(io.StringIO(exported(bundled_oxigraph, "csv").decode("utf-8"))))
    assert len(rows) == len(load_corpus(data_dir).assertions)
    veto = [r for r in rows if r["relation"] == "vetoed"]
    assert veto[0]["subject"] == "Russia" and veto[0]["time"] == "2024-03" and veto[0]["quote"].startswith("In March 2024")


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_load_in_networkx(bundled_oxigraph, tmp_path, fmt, reader):
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(exported(bundled_oxigraph, fmt))
    graph = reader(path)
    assert graph.has_node("north-korea") and graph.has_node("russia")
    relations = {d.get("relation") for _, _, d in graph.edges(data=True)}
    assert {"vetoed", "suppliesArmsTo", "mutualDefenceWith"} <= relations


def test_every_format_is_listed_in_the_cli():
    from graph.cli.core import export as command

    choices = next(p for p in command.params if p.name == "fmt").type.choices
    assert tuple(choices) == EXPORT_FORMATS


def test_jsonld_is_compacted_with_a_context_and_keeps_every_triple(bundled_oxigraph):
    from rdflib import Graph

    data = exported(bundled_oxigraph, "jsonld")
    document = json.loads(data)
    assert document["@context"]["ont"] == "https://w3id.org/geokg/ontology#"
    assert any("ont:vetoed" in node for node in document["@graph"])
    parsed, plain = Graph(), Graph()
    parsed.parse(data=data, format="json-ld")
    plain.parse(data=exported(bundled_oxigraph, "nt"), format="nt")
    assert len(parsed) == len(plain) and set(parsed) == set(plain)


def test_gephi_formats_type_numbers_and_gexf_has_a_timeline_of_full_dates(bundled_oxigraph, tmp_path):
    import re

    graphml = exported(bundled_oxigraph, "graphml").decode("utf-8")
    assert re.search(r'attr.name="confidence" attr.type="double"', graphml)
    assert re.search(r'attr.name="quoteStart" attr.type="(?:long|int)"', graphml)
    gexf = exported(bundled_oxigraph, "gexf").decode("utf-8")
    assert 'mode="dynamic"' in gexf and 'timeformat="date"' in gexf
    spells = re.findall(r'\b(?:start|end)="([^"]*)"', gexf)
    assert spells and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) for s in spells)
    path = tmp_path / "g.gexf"
    path.write_text(gexf, encoding="utf-8")
    read = nx.read_gexf(path)  # as Gephi or networkx reads it: typed values, one date precision
    edges = [d for _, _, d in read.edges(data=True)]
    assert all(isinstance(d["confidence"], float) and isinstance(d["quoteStart"], int) for d in edges)
    assert {len(d["start"]) for d in edges if "start" in d} == {10}
