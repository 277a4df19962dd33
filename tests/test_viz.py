"""The explorer page as written by ``kg viz``: self-contained, escaped, styled by class, relation
and certainty; large graphs laid out in Python. (What the browser does with it: test_browser.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graph.build import build
from graph.network import to_networkx
from graph.store import open_store
from graph.views import select
from graph.viz import (
    CERTAINTY_STYLES,
    LAYOUT_THRESHOLD,
    RELATION_COLOURS,
    compute_layout,
    explorer_html,
    store_details,
    vis_network,
)

FIXTURES = Path(__file__).parent / "fixtures"


def page_data(page: str) -> dict:
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


@pytest.fixture(scope="module")
def network(bundled_memory):
    return select(to_networkx(bundled_memory), certainty="all")


@pytest.fixture(scope="module")
def page(network, bundled_memory):
    return explorer_html(network, store_details(bundled_memory))


def test_page_is_self_contained(page):
    assert not re.search(r"<(link|iframe|img)\b", page)
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page
    assert page.count("</script>") == 3  # data, vis-network, explorer: nothing inlined can close a block
    assert "vis-network" in page and "@version 9.1.2" in page  # the library shipped inside pyvis, inlined
    assert "default-src 'none'" in page  # and a Content-Security-Policy that forbids any fetch


def test_page_holds_every_node_and_parallel_edge(page, network):
    data = page_data(page)
    assert len(data["nodes"]) == network.number_of_nodes()
    assert sorted(e["id"] for e in data["edges"]) == sorted(k for _, _, k in network.edges(keys=True))
    pairs = [(e["from"], e["to"]) for e in data["edges"] if e["relation"] == "providesEconomicAidTo"]
    assert pairs.count(("russia", "north-korea")) == 3  # three statements, three edges
    assert all(e["arrows"] == "to" for e in data["edges"])


def test_edges_are_styled_by_relation_and_certainty(page):
    edges = page_data(page)["edges"]
    by_certainty = {e["certainty"]: e for e in edges}
    assert by_certainty["confirmed"]["dashes"] is False
    assert by_certainty["reported"]["dashes"] == CERTAINTY_STYLES["reported"]["dashes"]
    assert by_certainty["speculative"]["color"]["opacity"] < by_certainty["reported"]["color"]["opacity"] < 1
    assert by_certainty["denied"]["label"].startswith("denied: ")
    veto = next(e for e in edges if e["relation"] == "vetoed")
    assert veto["color"]["color"] == RELATION_COLOURS["vetoed"] and veto["label"] == "vetoed"


def test_nodes_are_styled_by_class_and_carry_their_names(page):
    nodes = {n["id"]: n for n in page_data(page)["nodes"]}
    assert nodes["russia"]["shape"] == "dot" and nodes["vladimir-putin"]["shape"] == "triangle"
    assert nodes["treaty-2024-comprehensive-strategic-partnership"]["shape"] == "diamond"
    assert nodes["russia"]["color"] != nodes["vladimir-putin"]["color"]
    assert "DPRK" in nodes["north-korea"]["aliases"]
    assert nodes["russia"]["wikidata"] == "Q159"


def test_edges_carry_their_evidence_source_and_time(page, network):
    edges = {e["id"]: e for e in page_data(page)["edges"]}
    for u, v, key, data in network.edges(keys=True, data=True):
        assert edges[key]["quote"] == data["quote"]
        assert edges[key]["document"] == data["document"]
    veto = next(e for e in edges.values() if e["relation"] == "vetoed")
    assert veto["when"] == "2024-03" and veto["begin"] == "2024-03-01"
    assert veto["source"]["title"] == "Russia-North Korea Alliance: Implications for Global Security"


def test_hostile_text_cannot_leave_the_data_block():
    store = open_store("memory")
    build(store, FIXTURES / "xss")
    graph = select(to_networkx(store))
    page = explorer_html(graph, store_details(store), title='<script>alert("t")</script>')
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert any("</script><script>window.__xss='quote'</script>" in e["quote"] for e in data["edges"])
    assert "<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</title>" in page
    assert "innerHTML" not in page.split("/*KG:VIS_JS*/")[0].split('<script id="kg-data"')[0]
    ours = page.rsplit("<script>", 1)[1]
    assert "innerHTML" not in ours.replace("never innerHTML", "")


def test_small_graphs_use_live_physics_and_large_ones_a_precomputed_layout():
    small = nx.MultiDiGraph()
    small.add_node("a", label="A", cls="State")
    small.add_edge("a", "a", key="s", relation="recognises", certainty="confirmed")
    assert vis_network(small).options.physics.enabled is True
    big = nx.MultiDiGraph()
    n = LAYOUT_THRESHOLD + 50
    for i in range(n):
        big.add_node(f"n{i}", label=f"N{i}", cls="State")
    for i in range(1, n):
        big.add_edge(f"n{i}", f"n{i // 3}", key=f"s{i}", relation="cooperatesWith", certainty="confirmed")
    net = vis_network(big)
    assert net.options.physics.enabled is False
    assert all("x" in node and "y" in node for node in net.nodes)
    assert len({(node["x"], node["y"]) for node in net.nodes}) == n  # no two nodes on one spot


def test_layout_is_repeatable_and_places_every_node():
    graph = nx.MultiDiGraph(nx.barabasi_albert_graph(1200, 2, seed=3))
    first, second = compute_layout(graph, seed=1), compute_layout(graph, seed=1)
    assert first == second and set(first) == set(graph)


def test_kg_viz_writes_the_page_and_reports_counts(kg, tmp_path):
    assert kg("build").exit_code == 0
    out = tmp_path / "out" / "graph.html"
    result = kg("viz", "-o", str(out), "--focus", "DPRK", "--depth", "1", "--as-of", "2024-06-19")
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert "north-korea" in {n["id"] for n in data["nodes"]}
    assert f"{len(data['nodes'])} nodes, {len(data['edges'])} facts" in result.output
    assert "around DPRK (depth 1)" in data["meta"]["view"]


@pytest.mark.parametrize("args, message", [
    (["--focus", "Atlantis"], "unknown entity 'Atlantis'"),
    (["--as-of", "2024-02-30"], "bad date '2024-02-30'"),
    (["--relation", "loves"], "unknown relation 'loves'"),
    (["--certainty", "confirmed,maybe"], "unknown certainty 'maybe'"),
])
def test_kg_viz_bad_input_is_one_line_and_a_non_zero_exit(kg_process, tmp_path, args, message):
    assert kg_process("build").returncode == 0
    result = kg_process("viz", "-o", str(tmp_path / "x.html"), *args)
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and message in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.html").exists()


def test_every_relation_and_class_has_a_colour():
    from graph.namespaces import RELATIONS
    from graph.viz import CLASS_COLOURS, CLASS_FAMILY

    assert set(RELATION_COLOURS) == set(RELATIONS)
    assert set(CLASS_COLOURS) == set(CLASS_FAMILY)
