"""Network analysis on the bundled graph: brokers, paths with evidence, blocs, timelines."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.analysis import centrality, communities, path, plot_timeline, timeline
from graph.errors import InputError
from graph.network import to_networkx
from graph.query import store_registry
from graph.resources import default_data_dir
from graph.views import select


@pytest.fixture(scope="module")
def network(bundled_memory):
    return select(to_networkx(bundled_memory))


@pytest.fixture(scope="module")
def registry(bundled_memory):
    return store_registry(bundled_memory)


def document_text(doc_id: str) -> str:
    return (default_data_dir() / "documents" / f"{doc_id}.txt").read_text(encoding="utf-8")


def test_north_korea_and_russia_broker_the_bundled_network(network):
    rows = centrality(network, top=3)
    assert [r["id"] for r in rows[:2]] == ["north-korea", "russia"]
    assert rows[0]["betweenness"] > rows[1]["betweenness"] > rows[2]["betweenness"] > 0
    assert all(0 <= r["betweenness"] <= 1 for r in centrality(network))


def test_centrality_honours_as_of(network):
    in_1960 = {r["id"] for r in centrality(select(network, as_of_date="1960"))}
    assert "treaty-2024-comprehensive-strategic-partnership" not in in_1960 and "russia" in in_1960


def test_path_gives_each_hop_with_its_evidence_from_the_document(network, registry):
    hops = path(network, "Kim Jong Un", "Ukraine", registry)
    ends = [hops[0]["from"] if hops[0]["from"] == "kim-jong-un" else hops[0]["to"]]
    assert ends == ["kim-jong-un"]
    assert "ukraine" in (hops[-1]["from"], hops[-1]["to"])
    for one, two in zip(hops, hops[1:]):
        assert {one["from"], one["to"]} & {two["from"], two["to"]}  # hops chain up
    for hop in hops:
        assert hop["quote"] and hop["quote"] in document_text(hop["document"])
        assert hop["certainty"] == "confirmed"


def test_path_prefers_confirmed_ties_to_a_shorter_speculative_one():
    g = nx.MultiDiGraph()
    for n in "abc":
        g.add_node(n, label=n.upper(), cls="State")
    g.add_edge("a", "c", key="direct", relation="alliedWith", certainty="speculative", quote="maybe")
    g.add_edge("a", "b", key="ab", relation="alliedWith", certainty="confirmed", quote="yes")
    g.add_edge("b", "c", key="bc", relation="alliedWith", certainty="confirmed", quote="yes")
    assert [h["statement"] for h in path(g, "a", "c")] == ["ab", "bc"]
    g.add_edge("c", "a", key="direct2", relation="cooperatesWith", certainty="confirmed", quote="sure")
    (hop,) = path(g, "a", "c")
    assert hop["statement"] == "direct2" and hop["alternatives"] == 1


def test_path_between_unconnected_actors_is_an_input_error(network, registry):
    with pytest.raises(InputError, match="no path between 'sun-yun' and 'russia'"):
        path(network, "Sun Yun", "Russia", registry)
    with pytest.raises(InputError, match="unknown entity"):
        path(network, "Atlantis", "Russia", registry)


def test_communities_split_the_graph_into_repeatable_blocs(network):
    blocs = communities(network)
    members = [m["id"] for bloc in blocs for m in bloc]
    assert sorted(members) == sorted(network)  # every node in exactly one bloc
    assert communities(network) == blocs
    ids = [{m["id"] for m in bloc} for bloc in blocs]
    assert {"sun-yun", "stimson-china-program", "stimson-center"} in ids  # a component of its own
    assert any({"north-korea"} <= b and "sun-yun" not in b for b in ids)


def test_timeline_shows_russia_voting_for_sanctions_before_2022_and_vetoing_after(network, registry):
    rows = timeline(network, "Russia", "DPRK", registry)
    dated = [r for r in rows if r["date"]]
    assert [r["date"] for r in dated] == sorted(r["date"] for r in dated)
    assert all(r["date"] is None for r in rows[len(dated):])  # undated last
    stance = [(r["when"], r["relation"], r["object"]) for r in dated if r["via"]]
    assert ("2006", "votedFor", "unsc-resolution-1695") in stance
    assert ("2009", "votedFor", "unsc-sanctions-2009") in stance
    assert ("2024-03", "vetoed", "unsc-draft-2024-03") in stance
    before = {r["relation"] for r in dated if r["via"] and r["date"].year < 2022 and r["object"].startswith("unsc")}
    after = {r["relation"] for r in dated if r["via"] and r["date"].year >= 2022 and r["object"].startswith("unsc")}
    assert before == {"votedFor"} and after == {"vetoed"}
    veto = next(r for r in rows if r["relation"] == "vetoed")
    assert "targets North Korea" in veto["viaText"]
    assert ("russia", "mutualDefenceWith", "north-korea") in {(r["subject"], r["relation"], r["object"]) for r in rows if not r["via"]}


def test_timeline_honours_as_of(network, registry):
    rows = timeline(select(network, as_of_date="2023"), "Russia", "DPRK", registry)
    assert "vetoed" not in {r["relation"] for r in rows}
    assert not [r for r in rows if r["relation"] == "alliedWith" and r["date"]]


def test_plot_timeline_writes_a_png(network, registry, tmp_path):
    out = plot_timeline(timeline(network, "russia", "north-korea", registry), tmp_path / "t.png", "Russia and North Korea")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


def test_kg_analyze_commands(kg, tmp_path):
    assert kg("build").exit_code == 0
    result = kg("analyze", "centrality", "--top", "2")
    assert result.exit_code == 0 and "North Korea" in result.output.splitlines()[1]
    result = kg("analyze", "path", "Sun Yun", "Stimson Center", "--format", "json")
    hops = json.loads(result.output)
    assert [h["relation"] for h in hops] == ["directorOf", "partOf"]
    result = kg("analyze", "communities", "--certainty", "confirmed")
    assert result.exit_code == 0 and result.output.startswith("bloc 1 (")
    png = tmp_path / "tl.png"
    result = kg("analyze", "timeline", "Russia", "North Korea", "--plot", str(png))
    assert result.exit_code == 0 and "vetoed" in result.output and png.exists()


@pytest.mark.parametrize("args, message", [
    (["path", "Russia", "Atlantis"], "unknown entity 'Atlantis'"),
    (["centrality", "--as-of", "20x4"], "bad date"),
    (["timeline", "Russia", "DPRK", "--certainty", "rumoured"], "unknown certainty 'rumoured'"),
])
def test_kg_analyze_bad_input_is_one_line_and_a_non_zero_exit(kg, args, message):
    assert kg("build").exit_code == 0
    result = kg("analyze", *args)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and message in result.output


def test_a_plot_without_matplotlib_is_one_line_naming_the_extra(tmp_path, data_dir):
    """On a `make demo` install (no test extras) the plot once ended in a ModuleNotFoundError traceback."""
    import subprocess
    import sys

    home = tmp_path / "home"
    script = ("import sys; sys.modules['matplotlib'] = None; from graph.cli import main; "
              "main(['--home', sys.argv[1], *sys.argv[2:]])")
    run = lambda *args: subprocess.run([sys.executable, "-c", script, str(home), *args],  # noqa: E731
                                       capture_output=True, text=True, cwd=tmp_path)
    assert run("build", "--data", str(data_dir)).returncode == 0
    result = run("analyze", "timeline", "russia", "north-korea", "--plot", "t.png")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "pip install 'geokg[plot]'" in result.stderr
