"""Source grading and credibility on tests/fixtures/corroboration, on real stores.

The fixture has five short documents from five publishers (publishers.yaml grades four of them;
Seoul Times is not listed, so F). The expected rows below were written by reading the fixture's
curated facts and applying the rule of graph/credibility.py by hand, not by running the code:

- North Korea suppliesArmsTo Russia: Reuters (B) and AP (A) say it in their own words, the
  Regional Herald (C) prints Reuters' sentence word for word: 2 independent sources -> 1.
- China votedFor Resolution 9001: Reuters and AP (the same five words, too short to be a copy):
  2 sources; Seoul Times says China voted against: 1 contradiction, fewer -> 6.
- China votedAgainst Resolution 9001: Seoul Times only, contradicted by 2 -> 5.
- North Korea deploysTroopsTo Ukraine: the Daily Rumour (E) says so, AP denies it: 1 against 1 -> 5.
- North Korea sendsWorkersTo Russia: the Daily Rumour and Seoul Times both report it after RUSI:
  one original source, reported -> 3.
- Russia vetoed the sanctions panel draft: AP (A) alone, confirmed -> 2.
- Russia providesEconomicAidTo North Korea: the Regional Herald (C) alone, confirmed -> 3.
- Russia transfersMilitaryTechnologyTo North Korea: only "may" (Daily Rumour) -> 4.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from graph.build import build
from graph.credibility import grade
from graph.errors import InputError
from graph.publishers import load_publishers, parse_publishers
from graph.query import run_named, run_query
from graph.results import display
from graph.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "corroboration"


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def store(request, tmp_path_factory):
    home = tmp_path_factory.mktemp("kg-cred") if request.param == "oxigraph" else None
    s = open_store(request.param, home)
    build(s, FIXTURE)
    return s


def rows(store, name, **params):
    result = run_named(store, name, params, limit=0)
    return [dict(zip(result.vars, (display(t) for t in row))) for row in result.rows]


def sorted_list(text: str) -> str:
    return "; ".join(sorted(text.split("; "))) if text else ""


CORROBORATION = [
    # subject, relation, object, credibility, sources, contradictions, documents, publishers (sorted)
    ("North Korea", "suppliesArmsTo", "Russia", 1, 2, 0, 3, "Associated Press (A); Regional Herald (C); Reuters (B)"),
    ("China", "votedFor", "Resolution 9001", 6, 2, 1, 2, "Associated Press (A); Reuters (B)"),
    ("Russia", "vetoed", "Sanctions panel draft", 2, 1, 0, 1, "Associated Press (A)"),
    ("North Korea", "sendsWorkersTo", "Russia", 3, 1, 0, 2, "Daily Rumour (E); Seoul Times (F)"),
    ("Russia", "providesEconomicAidTo", "North Korea", 3, 1, 0, 1, "Regional Herald (C)"),
    ("China", "votedAgainst", "Resolution 9001", 5, 1, 2, 1, "Seoul Times (F)"),
    ("North Korea", "deploysTroopsTo", "Ukraine", 5, 1, 1, 1, "Daily Rumour (E)"),
    ("Russia", "transfersMilitaryTechnologyTo", "North Korea", 4, 0, 0, 1, "Daily Rumour (E)"),
]

DISPUTED = [
    # the conflicting votes, listed once (votedAgainst < votedFor), one row per document for
    ("China", "votedAgainst", "Resolution 9001", 5, "confirmed", "China voted against Resolution 9001",
     "seoul-times-workers", "2024-03-08", "F",
     "votedFor", "confirmed", "China voted for Resolution 9001", "ap-shells", "2024-03-05", "A"),
    ("China", "votedAgainst", "Resolution 9001", 5, "confirmed", "China voted against Resolution 9001",
     "seoul-times-workers", "2024-03-08", "F",
     "votedFor", "confirmed", "China voted for Resolution 9001", "reuters-shells", "2024-03-04", "B"),
    # the denial
    ("North Korea", "deploysTroopsTo", "Ukraine", 5, "confirmed", "North Korean troops have been deployed to Ukraine",
     "rumour-workers", "2024-03-07", "E",
     "deploysTroopsTo", "denied", "North Korea has not deployed troops to Ukraine", "ap-shells", "2024-03-05", "A"),
]

CORROBORATION_FIELDS = ("subject", "relation", "object", "credibility", "sources", "contradictions", "documents", "publishers")
DISPUTED_FIELDS = ("subject", "relation", "object", "credibility", "certainty", "quote", "document", "date", "grade",
                   "disputedAs", "disputeCertainty", "disputeQuote", "disputeDocument", "disputeDate", "disputeGrade")


def test_corroboration_rows_most_corroborated_first(store):
    got = [tuple(sorted_list(r[f]) if f == "publishers" else r[f] for f in CORROBORATION_FIELDS)
           for r in rows(store, "corroboration")]
    assert got == [tuple(map(str, row)) for row in CORROBORATION]


def test_corroboration_by_relation_and_minimum_sources(store):
    assert [(r["subject"], r["object"]) for r in rows(store, "corroboration", relation="votedAgainst")] == \
        [("China", "Resolution 9001")]
    assert [(r["relation"], r["credibility"]) for r in rows(store, "corroboration", minSources="2")] == \
        [("suppliesArmsTo", "1"), ("votedFor", "6")]


def test_disputed_claims_side_by_side(store):
    got = [tuple(r[f] for f in DISPUTED_FIELDS) for r in rows(store, "disputed-claims")]
    assert got == [tuple(map(str, row)) for row in DISPUTED]
    only_denials = rows(store, "disputed-claims", relation="deploysTroopsTo")
    assert [r["disputeCertainty"] for r in only_denials] == ["denied"]


@pytest.mark.parametrize("case, relation, expected", [
    ("two independent publishers and a syndicated copy", "suppliesArmsTo", 1),
    ("one source graded A, confirmed", "vetoed", 2),
    ("the same original source (accordingTo) twice, reported", "sendsWorkersTo", 3),
    ("one source graded C, confirmed", "providesEconomicAidTo", 3),
    ("only speculative", "transfersMilitaryTechnologyTo", 4),
    ("confirmed by one, denied by one", "deploysTroopsTo", 5),
    ("one vote against two contradicting votes for", "votedAgainst", 5),
    ("two votes for, one contradicting vote against", "votedFor", 6),
])
def test_credibility_rule_per_case(store, case, relation, expected):
    from graph.namespaces import ONT

    result = run_query(store, "SELECT DISTINCT ?f ?c WHERE { ?st rdf:predicate ?r ; ont:aboutFact ?f . ?f ont:credibility ?c }",
                       {"r": ONT[relation]})
    result.rows = [row[1:] for row in result.rows]
    assert [int(row[0]) for row in result.rows] == [expected], case


def test_grade_rule_boundaries():
    assert grade(3, 0, False, True) == 1          # speculative statements beside firm ones change nothing
    assert grade(1, 0, True, False) == 2
    assert grade(0, 1, False, True) == 5          # only hedged, and denied
    assert grade(0, 1, False, False) == 5         # only denied
    assert grade(3, 2, True, False) == 6          # disputed, the majority for it
    assert grade(2, 2, True, False) == 5          # disputed as much as stated


def test_publishers_and_grades_in_the_store(store):
    got = run_query(store, "SELECT ?id ?name ?g WHERE { ?d dcterms:identifier ?id ; ont:publishedBy ?p . "
                           "?p rdfs:label ?name ; ont:reliability ?g } ORDER BY ?id").rows
    assert [tuple(map(str, r)) for r in got] == [
        ("ap-shells", "Associated Press", "A"),            # the header says "AP": an alias
        ("herald-shells", "Regional Herald", "C"),
        ("reuters-shells", "Reuters", "B"),                 # "Reuters News": an alias
        ("rumour-workers", "Daily Rumour", "E"),
        ("seoul-times-workers", "Seoul Times", "F"),        # not in publishers.yaml
    ]


def test_every_edge_carries_its_credibility_and_source_reliability(store):
    from graph.network import to_networkx

    edges = {(d["relation"], d["document"]): (d["credibility"], d["reliability"])
             for _, _, d in to_networkx(store).edges(data=True)}
    assert edges[("suppliesArmsTo", "herald-shells")] == ("1", "C")
    assert edges[("votedAgainst", "seoul-times-workers")] == ("5", "F")
    assert edges[("deploysTroopsTo", "ap-shells")] == ("5", "A")  # the denial: the fact's grade


def test_the_grades_are_valid_shacl(store):
    from graph.validate import validate

    assert validate(store).conforms


def test_a_bad_grade_in_the_store_is_a_shacl_violation():
    from rdflib import Literal, URIRef

    from graph.namespaces import ONT, RDF, RDFS
    from graph.validate import validate

    s = open_store("memory")
    p = URIRef("https://w3id.org/geokg/id/publisher/x")
    s.replace_graphs({URIRef("http://ex.org/g"): [(p, RDF.type, ONT.Publisher), (p, RDFS.label, Literal("X")),
                                                  (p, ONT.reliability, Literal("G"))]})
    result = validate(s)
    assert not result.conforms
    assert any("Admiralty grades" in v["message"] for v in result.violations)


# --- the grades file --------------------------------------------------------------------------

@pytest.mark.parametrize("text, message", [
    ("- name: Reuters\n  grade: B\n- name: Pravda\n  grade: G\n", "publishers.yaml:3: bad grade 'G' for 'Pravda' (one of A, B, C, D, E, F)"),
    ("- name: Reuters\n  grade: [B\n", "publishers.yaml:3: YAML syntax error"),
    ("- name: Reuters\n  grade: B\n  score: 3\n", "publishers.yaml:1: unknown key(s) in publisher: score"),
    ("- name: Reuters\n", "publishers.yaml:1: publisher has no 'grade'"),
    ("- name: Reuters\n  grade: B\n- name: Reuters Ltd\n  aliases: [reuters]\n  grade: C\n",
     "publishers.yaml:3: publisher name 'reuters' is also a name of 'Reuters'"),
    ("name: Reuters\ngrade: B\n", "publishers.yaml:1: a publishers file is a list"),
])
def test_bad_grades_files_name_file_and_line(text, message):
    with pytest.raises(InputError) as err:
        parse_publishers(text, "publishers.yaml")
    assert str(err.value).startswith(message)


def test_no_grades_file_means_no_graded_publishers(tmp_path):
    assert load_publishers(tmp_path) == []
    assert [p.grade for p in load_publishers(FIXTURE)] == ["B", "A", "C", "E"]


def test_a_bad_grade_stops_kg_build_with_one_line_and_leaves_the_store(kg, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    assert kg("build", "--data", str(corpus)).exit_code == 0
    before = kg("query", "corroboration", "--format", "csv").stdout
    (corpus / "publishers.yaml").write_text("- name: Reuters\n  grade: b+\n", encoding="utf-8")
    failed = kg("build", "--data", str(corpus))
    assert failed.exit_code != 0
    assert failed.stderr.strip().splitlines()[-1].endswith(
        "publishers.yaml:1: bad grade 'b+' for 'Reuters' (one of A, B, C, D, E, F)")
    assert "Traceback" not in failed.stderr
    assert kg("query", "corroboration", "--format", "csv").stdout == before


def test_ingest_grades_new_documents_and_reassesses(kg, tmp_path):
    assert kg("build", "--data", str(FIXTURE)).exit_code == 0
    doc = tmp_path / "reuters-veto.txt"
    doc.write_text("---\nid: reuters-veto\ntitle: Veto\npublisher: reuters\ndate: 2024-03-09\n---\n"
                   "Russia vetoed the draft on the sanctions panel, diplomats said.\n", encoding="utf-8")
    assert kg("ingest", str(doc)).exit_code == 0
    out = json.loads(kg("query", "-", "--format", "records", input=(
        "SELECT ?name ?g WHERE { ?d dcterms:identifier 'reuters-veto' ; ont:publishedBy ?p . "
        "?p rdfs:label ?name ; ont:reliability ?g }")).stdout)
    assert out == [{"name": "Reuters", "g": "B"}]
    every = json.loads(kg("query", "statements", "--limit", "0", "--format", "records").stdout)
    assert {(r["document"], r["credibility"], r["reliability"]) for r in every if r["document"] == "reuters-veto"} \
        == {("reuters-veto", 2, "B")}


# --- views: kg viz / kg analyze --min-credibility -----------------------------------------------

@pytest.mark.parametrize("best, nodes, edges", [
    (None, 6, 12),  # every fact but the denial
    ("1", 2, 3),    # North Korea -> Russia: the three shell statements
    ("2", 3, 4),    # and the veto of the draft
    ("3", 3, 7),    # and the workers (2) and the oil
    ("4", 3, 8),    # and the speculative technology transfer
    ("5", 6, 10),   # and the vote against, the troops to Ukraine
    ("6", 6, 12),   # and the two votes for
])
def test_kg_viz_min_credibility_keeps_facts_of_that_grade_or_better(kg, tmp_path, best, nodes, edges):
    assert kg("build", "--data", str(FIXTURE)).exit_code == 0
    out = tmp_path / "x.html"
    args = ["viz", "-o", str(out)] + (["--min-credibility", best] if best else [])
    result = kg(*args)
    assert result.exit_code == 0, result.output
    assert f": {nodes} nodes, {edges} facts" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert '"credibilityScale"' in page and page.count('"credibility": "') == edges


def test_kg_analyze_takes_the_same_option(kg):
    assert kg("build", "--data", str(FIXTURE)).exit_code == 0
    rows = json.loads(kg("analyze", "centrality", "--min-credibility", "1", "-f", "json").stdout)
    assert sorted(r["id"] for r in rows) == ["north-korea", "russia"]
    bad = kg("analyze", "centrality", "--min-credibility", "7")
    assert bad.exit_code == 2 and "7 is not in the range 1<=x<=6" in bad.output


def test_a_symmetric_fact_is_one_fact_whichever_way_round(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    for doc, publisher, text, subject, obj in (
        ("x-allies", "Reuters", "Russia and North Korea are allies.", "russia", "north-korea"),
        ("y-allies", "AP", "North Korea is an ally of Russia.", "north-korea", "russia"),
    ):
        (corpus / "documents" / f"{doc}.txt").write_text(
            f"---\nid: {doc}\ntitle: Allies\npublisher: {publisher}\n---\n{text}\n", encoding="utf-8")
        (corpus / "curated" / f"{doc}.yaml").write_text(
            f"document: {doc}\nfacts:\n  - {{subject: {subject}, relation: alliedWith, object: {obj}, quote: \"{text[:-1]}\"}}\n",
            encoding="utf-8")
    s = open_store("memory")
    build(s, corpus)
    got = [(r["relation"], r["credibility"], r["sources"], r["documents"]) for r in rows(s, "corroboration", relation="alliedWith")]
    assert got == [("alliedWith", "1", "2", "2")]


# --- a small write reassesses only what it touches, and gets what a full assessment gets ---------

@pytest.fixture
def _oxigraph_server(tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    from server_support import running_server

    with running_server(tmp_path / "oxigraph-server", union=False) as server:
        yield server


def _credibility_content(store) -> set:
    from graph.namespaces import Instances

    prefix = str(Instances().graph_credibility())
    rows = run_query(store, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    return {tuple(map(str, r)) for r in rows if str(r[0]).startswith(prefix)}


def _full_assessment(store) -> set:
    from graph.credibility import credibility_graphs

    return {(str(g), str(s), str(p), str(o)) for g, triples in credibility_graphs(store.query).items() for s, p, o in triples}


@pytest.mark.parametrize("backend", ["oxigraph", "memory", "remote"])
def test_ingest_like_writes_reassess_incrementally_as_a_full_pass_would(backend, tmp_path, request):
    """(A remote store stages written graphs under other names, so it always takes a full pass.)"""
    from graph.curated import load_curated_file
    from graph.documents import read_document
    from graph.namespaces import Instances
    from graph.rdf import assertions_triples, document_triples
    from graph.registry import load_registry
    from graph.tallies import write_graphs

    inst = Instances()
    if backend == "remote":
        server = request.getfixturevalue("_oxigraph_server")
        s = open_store(server.query_url)
    else:
        s = open_store(backend, tmp_path / "home" if backend == "oxigraph" else None)
    build(s, FIXTURE)
    assert _credibility_content(s) == _full_assessment(s)
    registry = load_registry(FIXTURE / "entities.yaml")
    corpus = tmp_path / "more"
    (corpus / "documents").mkdir(parents=True)
    (corpus / "documents" / "later-vote.txt").write_text(
        "---\nid: later-vote\ntitle: Abstention\npublisher: Reuters\n---\n"
        "China abstained on Resolution 9001. North Korea sent shells to Russia.\n", encoding="utf-8")
    (corpus / "later-vote.yaml").write_text(
        "document: later-vote\nfacts:\n"
        "  - {subject: china, relation: abstainedOn, object: resolution-9001, quote: China abstained on Resolution 9001}\n"
        "  - {subject: north-korea, relation: suppliesArmsTo, object: russia, quote: North Korea sent shells to Russia}\n",
        encoding="utf-8")
    doc = read_document(corpus / "documents" / "later-vote.txt")
    facts = load_curated_file(corpus / "later-vote.yaml", {doc.id: doc}, registry)
    write_graphs(s, {inst.graph_document(doc.id): document_triples(doc, inst) + assertions_triples(facts, inst)})
    assert _credibility_content(s) == _full_assessment(s)
    votes = {r["relation"]: (r["credibility"], r["contradictions"]) for r in rows(s, "corroboration")
             if r["object"] == "Resolution 9001"}
    # Reuters now says both that China voted for and that it abstained: one source on each side
    assert votes == {"votedFor": ("5", "2"), "votedAgainst": ("5", "2"), "abstainedOn": ("5", "3")}
    # AP's document goes: its statements' links dangle and their facts are reassessed
    ap = read_document(FIXTURE / "documents" / "ap-shells.txt")
    ap_graph = inst.graph_document("ap-shells")
    write_graphs(s, {}, remove=[ap_graph])
    assert _credibility_content(s) == _full_assessment(s)
    assert [(r["relation"], r["disputedAs"], r["disputeDocument"]) for r in rows(s, "disputed-claims")] == [
        ("abstainedOn", "votedFor", "reuters-shells"), ("abstainedOn", "votedAgainst", "seoul-times-workers"),
        ("votedAgainst", "votedFor", "reuters-shells")]
    ap_facts = load_curated_file(FIXTURE / "curated" / "ap-shells.yaml", {ap.id: ap}, registry)
    write_graphs(s, {ap_graph: document_triples(ap, inst) + assertions_triples(ap_facts, inst)})
    assert _credibility_content(s) == _full_assessment(s)
    # a statement rewritten in place (same IRI, another subject: how the review workbench merges)
    from graph.namespaces import RDF

    china, russia = inst.entity("china"), inst.entity("russia")
    moved = [(st, p, china if (p == RDF.subject and o == russia) else o) for st, p, o in assertions_triples(ap_facts, inst)]
    write_graphs(s, {ap_graph: document_triples(ap, inst) + moved})
    assert _credibility_content(s) == _full_assessment(s)
    assert ("China", "vetoed") in {(r["subject"], r["relation"]) for r in rows(s, "corroboration")}
    assert ("Russia", "vetoed") not in {(r["subject"], r["relation"]) for r in rows(s, "corroboration")}
