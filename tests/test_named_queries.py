"""Each named query answers its question on the bundled graph, on every embedded backend.

The expected rows are what a reader of the two documents finds in them (see data/curated for the
quotes); they are written out here by hand, not computed from the graph.
"""

import pytest

from graph.query import named_queries, run_named
from graph.results import display


def rows(store, name, **params):
    result = run_named(store, name, params)
    return [dict(zip(result.vars, (display(t) for t in row))) for row in result.rows]


def pick(records, *fields):
    return [tuple(r.get(f, "") for f in fields) for r in records]


def test_every_named_query_has_a_title_and_runs(bundled):
    library = named_queries()
    assert len(library) >= 10
    for query in library.values():
        assert query.title and query.title != query.name
        required = [p for p in query.params if not p.optional]
        if not required:
            run_named(bundled, query.name)


def test_unsc_votes_and_vetoes_in_time_order(bundled):
    got = pick(rows(bundled, "unsc-votes"), "when", "voter", "relation", "resolution")
    assert got[:4] == [
        ("2006", "Russia", "votedFor", "UN Security Council Resolution 1695"),
        ("2009", "China", "votedFor", "2009 UN Security Council sanctions against North Korea"),
        ("2009", "Russia", "votedFor", "2009 UN Security Council sanctions against North Korea"),
        ("2024-03", "Russia", "vetoed", "UNSC draft resolution of March 2024 on monitoring North Korea sanctions"),
    ]
    # "they had supported 10 different UN sanction resolutions": undated, so last
    assert got[4][1:3] == ("Russia", "votedFor") and got[4][0] == ""
    assert len(got) == 5


def test_unsc_votes_filtered_by_actor_alias(bundled):
    got = pick(rows(bundled, "unsc-votes", actor="PRC"), "voter", "relation")
    assert got == [("China", "votedFor")]


def test_treaties_with_parties_signatories_and_succession(bundled):
    split = lambda text: "; ".join(sorted(text.split("; "))) if text else ""  # noqa: E731
    got = [(r.get("date", ""), split(r.get("parties", "")), split(r.get("signatories", "")), r.get("replaces", ""),
            r.get("endedBy", "")) for r in rows(bundled, "treaties")]
    assert got == [
        ("1961", "North Korea; Soviet Union", "", "", "dissolution of the Soviet Union"),
        ("2000", "North Korea; Russia", "", rows(bundled, "treaties")[0]["agreement"], ""),
        ("2024-06-19", "North Korea; Russia", "Kim Jong-un; Vladimir Putin", "", ""),
    ]


def test_who_supplies_what_to_whom_from_north_korea(bundled):
    got = rows(bundled, "supplies", supplier="DPRK")
    shells = [r for r in got if r["relation"] == "suppliesArmsTo" and r["to"] == "Russia" and r["certainty"] == "reported"]
    assert len(shells) == 1
    assert shells[0]["materiel"] == "artillery shells, missiles" and shells[0]["when"] == "2023/.."
    assert {r["from"] for r in got} == {"North Korea"}
    assert ("deploysTroopsTo", "North Vietnam", "1967") in pick(got, "relation", "to", "when")


def test_who_supplies_ukraine(bundled):
    got = pick(rows(bundled, "supplies", recipient="Ukraine"), "from", "relation", "quantity", "certainty")
    assert ("South Korea", "suppliesArmsTo", "300,000", "reported") in got
    assert {r[0] for r in got} == {"South Korea", "North Korea"}  # NK: the speculative deployments


def test_unconfirmed_claims_name_their_sources(bundled):
    got = rows(bundled, "unconfirmed-claims")
    assert {r["certainty"] for r in got} == {"reported", "speculative", "denied"}
    sourced = {(r["subject"], r["relation"], r["object"], r["accordingTo"]) for r in got if r.get("accordingTo")}
    assert ("North Korea", "deploysTroopsTo", "Ukraine", "TV Chosun") in sourced
    assert ("North Korea", "suppliesArmsTo", "Russia", "RUSI") in sourced
    assert all(r["certainty"] != "confirmed" for r in got)
    only_denied = rows(bundled, "unconfirmed-claims", certainty="denied")
    assert pick(only_denied, "subject", "relation", "object") == [
        ("China", "alliedWith", "North Korea"), ("China", "alliedWith", "Russia")]


def test_analysts_and_their_institutions(bundled):
    got = pick(rows(bundled, "analysts"), "person", "relation", "institution")
    assert got == [
        ("Ha Chae Kyoun", "affiliatedWith", "Korea Programme"),
        ("Ha Chae Kyoun", "fellowOf", "RUSI"),
        ("Philip Shetler-Jones", "fellowOf", "RUSI"),
        ("Sun Yun", "directorOf", "Stimson Center China Program"),
    ]


def test_actor_relations_carry_evidence_and_source(bundled):
    got = rows(bundled, "actor-relations", actor="Kim Jong Un")
    assert pick(got, "subject", "relation", "object", "when") == [
        ("Kim Jong-un", "signatoryOf", "Treaty on Comprehensive Strategic Partnership between Russia and North Korea", "2024-06-19"),
        ("Kim Jong-un", "leaderOf", "North Korea", ""),
    ]
    assert all(r["quote"].startswith("On June 19th, Russian President Vladimir Putin and North Korean leader Kim Jong-un")
               for r in got)
    assert {r["document"] for r in got} == {"scribe-russia-dprk-alliance-2024"}


def test_relationship_timeline_runs_from_the_korean_war_to_the_treaty(bundled):
    got = rows(bundled, "relationship-timeline", a="russia", b="north-korea")
    dated = [r["when"] for r in got if r["when"]]
    assert dated == sorted(dated, key=lambda w: w.replace("..", ""))
    relations = [r["relation"] for r in got]
    assert "mutualDefenceWith" in relations and "providesEconomicAidTo" in relations
    soviet = rows(bundled, "relationship-timeline", a="USSR", b="DPRK")
    assert soviet[0]["when"] == "1950/1953"
    assert ("1961/1991", "mutualDefenceWith") in pick(soviet, "when", "relation")


def test_statements_query_lists_every_fact_once(bundled, data_dir):
    from graph.corpus import load_corpus

    result = run_named(bundled, "statements", limit=0)
    statements = [row[0] for row in result.rows]
    assert len(statements) == len(set(statements)) == len(load_corpus(data_dir).assertions)


def test_statement_counts_agree_with_the_corpus(bundled, data_dir):
    from collections import Counter

    from graph.corpus import load_corpus

    assertions = load_corpus(data_dir).assertions
    by_certainty = {str(r[0]): int(r[1]) for r in run_named(bundled, "count-statements-by-certainty").rows}
    assert by_certainty == dict(Counter(a.certainty for a in assertions))
    by_relation = {str(r[0]): int(r[1]) for r in run_named(bundled, "count-statements-by-relation", limit=0).rows}
    assert by_relation == dict(Counter(a.relation for a in assertions))


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_statement_counts_hold_on_a_store_another_tool_filled(backend, bundled_oxigraph, tmp_path):
    """Without the tallies graph (the data loaded by other means), the count queries count."""
    import io

    from graph.namespaces import Instances
    from graph.store import open_store
    from rdflib import Dataset

    dump = io.BytesIO()
    bundled_oxigraph.dump(dump)
    dataset = Dataset()
    dataset.parse(data=dump.getvalue(), format="nquads")
    tallies = Instances().graph_tallies()
    graphs = {g.identifier: list(g) for g in dataset.graphs() if g.identifier != tallies and len(g)}
    foreign = open_store(backend, tmp_path)
    foreign.replace_graphs(graphs)  # a plain write: no tallies
    assert tallies not in foreign.graph_names()
    for name in ("count-statements-by-certainty", "count-statements-by-relation"):
        assert run_named(foreign, name, limit=0).rows == run_named(bundled_oxigraph, name, limit=0).rows
