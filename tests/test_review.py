"""The review workbench: decisions written to the corpus and the store together, kept across
re-ingest and rebuild, conflicts between tabs, and the page's guards; then the page itself in
Debian's Chromium, driven with the keyboard and a real text selection."""

from __future__ import annotations

import io
import json
import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from rdflib import URIRef

from graph.build import build
from graph.errors import InputError
from graph.ingest import ingest
from graph.namespaces import Instances
from graph.query import run_query
from graph.registry import load_registry
from graph.review import Conflict, Workbench, serve_review
from graph.store import open_store

NEWS = Path(__file__).parent / "fixtures" / "news" / "documents"
ARTICLE = NEWS / "council-veto-2025.txt"  # not in the bundled corpus: it arrives by kg ingest
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def bench(tmp_path, data_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(data_dir, corpus)
    home = tmp_path / "home"
    store = open_store("oxigraph", home)
    build(store, corpus)
    ingest(store, [ARTICLE], registry=load_registry(corpus / "entities.yaml"), decisions_dir=corpus,
           keep_dir=home / "documents")
    yield Workbench(store, corpus, home, "ana")
    store.close()


def dump(store) -> bytes:
    out = io.BytesIO()
    store.dump(out)
    return b"\n".join(sorted(out.getvalue().splitlines()))


def decisions_file(bench) -> Path:
    return bench.data_dir / "decisions" / "documents" / "council-veto-2025.yaml"


def graph_statements(bench) -> set[str]:
    rows = run_query(bench.store, "SELECT ?st WHERE { GRAPH ?g { ?st a rdf:Statement } }",
                     {"g": Instances().graph_document("council-veto-2025")}).rows
    return {str(r[0]) for r in rows}


def status_of(bench, statement: str) -> str | None:
    rows = run_query(bench.store, "SELECT ?v WHERE { GRAPH ?g { ?st ont:reviewStatus ?v } }",
                     {"g": Instances().graph_review(), "st": URIRef(statement)}).rows
    return str(rows[0][0]).rsplit("#", 1)[-1] if rows else None


def first(bench, **where):
    return next(r for r in bench.queue() if all(r[k] == v for k, v in where.items()))


# --- the workbench ------------------------------------------------------------------------------

def test_the_queue_holds_machine_statements_lowest_confidence_first_with_their_evidence(bench):
    queue = bench.queue()
    assert queue and all(r["producer"].startswith("geokg-rules") for r in queue)
    assert [r["confidence"] for r in queue] == sorted(r["confidence"] for r in queue)
    text = bench.text("council-veto-2025")
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in queue)
    assert {r["relation"] for r in bench.queue(relation="vetoed")} == {"vetoed"}


def test_a_rejected_statement_leaves_the_graph_and_stays_out_after_reingest_and_rebuild(bench, tmp_path):
    item = first(bench, relation="abstainedOn")
    answer = bench.decide({"action": "reject", "statement": item["statement"], "document": item["document"],
                           "version": 0, "reason": "not what the text says"})
    assert answer == {"document": "council-veto-2025", "version": 1, "decided": ["rejected"]}
    assert item["statement"] not in graph_statements(bench)
    assert status_of(bench, item["statement"]) == "Rejected"
    saved = yaml.safe_load(decisions_file(bench).read_text())
    assert saved["rejected"][0] | {"at": None} == {
        "statement": item["statement"], "subject": "china", "relation": "abstainedOn", "object": item["object"],
        "quote": "China abstained.", "start": item["start"], "reason": "not what the text says", "reviewer": "ana", "at": None}
    # the document changes a little and is read again: the rejected fact stays out
    changed = tmp_path / "council-veto-2025.txt"
    changed.write_text(ARTICLE.read_text(encoding="utf-8") + "\nThe session then closed.\n", encoding="utf-8")
    report = ingest(bench.store, [changed], registry=load_registry(bench.data_dir / "entities.yaml"),
                    decisions_dir=bench.data_dir)
    assert report.items[0].status == "replaced"
    assert all(a.relation != "abstainedOn" for a in report.items[0].extraction.assertions)
    build(bench.store, bench.data_dir)
    assert status_of(bench, item["statement"]) == "Rejected"
    assert item["statement"] not in graph_statements(bench)
    assert not [r for r in bench.queue() if r["relation"] == "abstainedOn"]


def test_an_accepted_statement_is_marked_reviewed_and_its_fact_is_gold(bench):
    item = first(bench, relation="vetoed")
    bench.decide({"action": "accept", "statement": item["statement"], "document": item["document"], "version": 0})
    assert status_of(bench, item["statement"]) == "Accepted"
    assert item["statement"] in graph_statements(bench)  # the machine statement stays, reviewed
    fact = yaml.safe_load(decisions_file(bench).read_text())["facts"][0]
    assert (fact["subject"], fact["relation"], fact["decision"], fact["reviewer"]) == ("russia", "vetoed", "accepted", "ana")
    assert item["statement"] not in {r["statement"] for r in bench.queue()}


def test_a_correction_replaces_the_statement_with_the_reviewers_fact(bench):
    item = first(bench, relation="abstainedOn")
    bench.decide({"action": "correct", "statement": item["statement"], "document": item["document"], "version": 0,
                  "relation": "votedAgainst", "certainty": "reported", "time": "2025-03", "reason": "it voted against"})
    saved = yaml.safe_load(decisions_file(bench).read_text())
    assert [(f["relation"], f["certainty"], f["time"], f["decision"]) for f in saved["facts"]] == [
        ("votedAgainst", "reported", "2025-03", "corrected")]
    assert saved["rejected"][0]["reason"] == "corrected"
    assert status_of(bench, item["statement"]) == "Corrected"
    rows = run_query(bench.store, "SELECT ?new WHERE { ?st ont:correctedAs ?new . ?new rdf:predicate ont:votedAgainst }",
                     {"st": URIRef(item["statement"])}).rows
    assert len(rows) == 1 and item["statement"] not in graph_statements(bench)


def test_a_fact_added_from_a_selection_keeps_the_exact_offsets(bench):
    text = bench.text("council-veto-2025")
    start = text.index("The United Kingdom")
    end = start + len("The United Kingdom and France voted for the measure")
    draft = first(bench, relation="vetoed")["object"]  # the draft the extractor minted for this document
    bench.decide({"action": "add", "document": "council-veto-2025", "version": 0, "start": start, "end": end,
                  "quote": text[start:end], "subject": "france", "relation": "votedFor", "object": draft})
    rows = run_query(bench.store, "SELECT ?q ?s ?e WHERE { GRAPH ?g { ?st ont:evidence/oa:hasSelector ?sel . "
                     "?sel oa:exact ?q ; oa:start ?s ; oa:end ?e } }", {"g": Instances().graph_review()}).rows
    assert [(str(q), int(s), int(e)) for q, s, e in rows] == [(text[start:end], start, end)]


@pytest.mark.parametrize("action, message", [
    ({"action": "accept", "statement": "https://w3id.org/geokg/id/statement/nope"}, "no statement"),
    ({"action": "add", "start": 5, "end": 99999, "subject": "france", "relation": "votedFor", "object": "russia"}, "outside the document"),
    ({"action": "add", "start": 0, "end": 10, "quote": "something else", "subject": "france", "relation": "votedFor",
      "object": "russia"}, "not at those offsets"),
    ({"action": "add", "start": 0, "end": 10, "subject": "atlantis", "relation": "votedFor", "object": "russia"}, "unknown entity 'atlantis'"),
    ({"action": "add", "start": 0, "end": 10, "subject": "france", "relation": "likes", "object": "russia"}, "unknown relation"),
    ({"action": "add", "start": 0, "end": 10, "subject": "france", "relation": "votedFor", "object": "russia",
      "time": "2025-13"}, "month 13 out of range"),
    ({"action": "delete"}, "unknown action"),
])
def test_a_bad_decision_is_one_clear_error_and_changes_nothing(bench, action, message):
    before, files = dump(bench.store), sorted((bench.data_dir).rglob("*.yaml"))
    with pytest.raises(InputError, match=message):
        bench.decide({"document": "council-veto-2025", "version": 0, **action})
    assert dump(bench.store) == before and sorted(bench.data_dir.rglob("*.yaml")) == files


def test_a_decision_based_on_an_old_version_is_a_conflict_not_an_overwrite(bench):
    one, two = bench.queue()[:2]
    bench.decide({"action": "accept", "statement": one["statement"], "document": one["document"], "version": 0})
    saved, before = decisions_file(bench).read_bytes(), dump(bench.store)
    with pytest.raises(Conflict, match="changed since this page read them"):
        bench.decide({"action": "reject", "statement": two["statement"], "document": two["document"], "version": 0})
    assert decisions_file(bench).read_bytes() == saved and dump(bench.store) == before


def test_a_failed_store_write_leaves_the_yaml_as_it_was(bench, monkeypatch):
    item = bench.queue()[0]
    before = dump(bench.store)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("graph.review.write_graphs", broken)
    with pytest.raises(OSError):
        bench.decide({"action": "reject", "statement": item["statement"], "document": item["document"], "version": 0})
    assert not decisions_file(bench).exists() and not list((bench.data_dir / "decisions").rglob(".*"))
    assert dump(bench.store) == before


# --- the page's guards --------------------------------------------------------------------------

@pytest.fixture
def page_server(bench):
    server, url, token = serve_review(bench)
    yield bench, url, token
    server.shutdown()


def call(url, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url.rstrip("/") + path, data=data, method="POST" if data is not None else "GET",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"null")


def test_a_write_without_the_token_or_from_another_site_is_refused(page_server):
    bench, url, token = page_server
    item = bench.queue()[0]
    decision = {"action": "reject", "statement": item["statement"], "document": item["document"], "version": 0}
    before = dump(bench.store)
    assert call(url, "/api/decide", decision)[0] == 403
    assert call(url, "/api/decide", decision, {"X-KG-Token": "guess"})[0] == 403
    assert call(url, "/api/decide", decision, {"X-KG-Token": token, "Origin": "https://evil.example"})[0] == 403
    assert call(url, "/api/decide", decision, {"X-KG-Token": token, "Host": "evil.example"})[0] == 421
    assert call(url, "/api/queue", None, {"Host": "rebound.example:80"})[0] == 421
    assert dump(bench.store) == before and not decisions_file(bench).exists()
    status, answer = call(url, "/api/decide", decision, {"X-KG-Token": token})
    assert status == 200 and answer["version"] == 1


def test_bad_bodies_get_clear_errors(page_server):
    _, url, token = page_server
    request = urllib.request.Request(url + "api/decide", data=b"{not json", method="POST", headers={"X-KG-Token": token})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=30)
    assert err.value.code == 400
    big = urllib.request.Request(url + "api/decide", data=b"x" * 70_000, method="POST", headers={"X-KG-Token": token})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(big, timeout=30)
    assert err.value.code == 413


# --- the page in a real browser -----------------------------------------------------------------

@pytest.fixture(scope="module")
def chromium():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("KG_REQUIRE_BROWSER"):
            pytest.fail(f"KG_REQUIRE_BROWSER is set but Chromium is not installed at {CHROMIUM}")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                          "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


def open_page(chromium, url):
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function("() => window.review && window.review.state.queue.length > 0 && "
                           "document.querySelector('#text mark') !== null", timeout=30_000)
    page.errors = errors
    return page


def test_keyboard_accept_and_reject_in_the_page(page_server, chromium, tmp_path):
    bench, url, _ = page_server
    page = open_page(chromium, url)
    first_item = page.evaluate("review.state.queue[0]")
    mark = page.locator("#text mark").text_content()
    assert mark == first_item["quote"]
    page.keyboard.press("a")
    page.wait_for_function("(s) => !review.state.queue.some(r => r.statement === s)", arg=first_item["statement"])
    assert status_of(bench, first_item["statement"]) == "Accepted"
    second = page.evaluate("review.state.queue[review.state.index]")
    page.fill("#reason", "the text says the opposite")
    page.click("#text")  # focus leaves the input, so the key is a shortcut
    page.keyboard.press("r")
    page.wait_for_function("(s) => !review.state.queue.some(r => r.statement === s)", arg=second["statement"])
    saved = yaml.safe_load(decisions_file(bench).read_text())
    assert saved["rejected"][0]["reason"] == "the text says the opposite" and saved["version"] == 2
    assert page.errors == []
    # the rejected fact stays gone after the document is read again and the corpus rebuilt
    changed = tmp_path / "council-veto-2025.txt"
    changed.write_text(ARTICLE.read_text(encoding="utf-8") + "\nThe meeting ended at noon.\n", encoding="utf-8")
    ingest(bench.store, [changed], registry=load_registry(bench.data_dir / "entities.yaml"), decisions_dir=bench.data_dir)
    build(bench.store, bench.data_dir)
    gone = (second["subject"], second["relation"], second["object"])
    assert gone not in {(r["subject"], r["relation"], r["object"]) for r in bench.statements()}
    assert status_of(bench, first_item["statement"]) == "Accepted"


def test_correcting_in_the_page(page_server, chromium):
    bench, url, _ = page_server
    page = open_page(chromium, url)
    page.evaluate("review.select(review.state.queue.findIndex(r => r.relation === 'abstainedOn'))")
    item = page.evaluate("review.state.queue[review.state.index]")
    page.keyboard.press("c")
    page.select_option("#form-relation", "votedAgainst")
    page.fill("#form-time", "2025-03-26")
    page.click("#form-save")
    page.wait_for_function("(s) => !review.state.queue.some(r => r.statement === s)", arg=item["statement"])
    assert status_of(bench, item["statement"]) == "Corrected"
    fact = yaml.safe_load(decisions_file(bench).read_text())["facts"][0]
    assert (fact["subject"], fact["relation"], str(fact["time"])) == ("china", "votedAgainst", "2025-03-26")


def test_a_fact_added_from_a_real_text_selection_carries_its_exact_offsets(page_server, chromium):
    bench, url, _ = page_server
    page = open_page(chromium, url)
    text = bench.text("council-veto-2025")
    words = "The United Kingdom and France voted for the measure"
    start = text.index(words)
    # select the words with the mouse: drag from the first character to the last
    page.evaluate("""(words) => {
        const box = document.getElementById('text');
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        let node, at = 0, range = document.createRange(), from = box.textContent.indexOf(words), to = from + words.length;
        while ((node = walker.nextNode())) {
          const n = node.textContent.length;
          if (from >= at && from <= at + n) range.setStart(node, from - at);
          if (to >= at && to <= at + n) { range.setEnd(node, to - at); break; }
          at += n;
        }
        const s = window.getSelection(); s.removeAllRanges(); s.addRange(range);
    }""", words)
    page.keyboard.press("s")
    assert page.locator("#form-quote").text_content() == words
    page.fill("#form-subject", "united-kingdom")
    page.select_option("#form-relation", "votedFor")
    page.fill("#form-object", first(bench, relation="vetoed")["object"])
    page.click("#form-save")
    page.wait_for_function("() => document.getElementById('form').hidden")
    fact = yaml.safe_load(decisions_file(bench).read_text())["facts"][0]
    assert (fact["decision"], fact["quote"], fact["start"]) == ("added", words, start)
    assert text[fact["start"]:fact["start"] + len(fact["quote"])] == words


def test_two_tabs_writing_at_once_see_a_conflict_not_a_silent_overwrite(page_server, chromium):
    bench, url, _ = page_server
    one, two = open_page(chromium, url), open_page(chromium, url)
    first_item = one.evaluate("review.state.queue[0]")
    second_item = two.evaluate("review.state.queue[1]")
    one.keyboard.press("a")
    one.wait_for_function("(s) => !review.state.queue.some(r => r.statement === s)", arg=first_item["statement"])
    two.evaluate("review.select(1)")
    two.keyboard.press("r")
    two.wait_for_function("() => document.getElementById('status').textContent.startsWith('Conflict')")
    saved = yaml.safe_load(decisions_file(bench).read_text())
    assert saved["version"] == 1 and saved["rejected"] == [] and len(saved["facts"]) == 1
    assert status_of(bench, second_item["statement"]) is None
    # after the conflict the tab has the new version: the same key now goes through
    two.wait_for_function("() => review.state.docs['council-veto-2025'].version === 1 && !review.state.loading")
    two.evaluate("(s) => review.select(review.state.queue.findIndex(r => r.statement === s))", second_item["statement"])
    two.keyboard.press("r")
    two.wait_for_function("(s) => !review.state.queue.some(r => r.statement === s)", arg=second_item["statement"])
    assert yaml.safe_load(decisions_file(bench).read_text())["version"] == 2


def test_document_text_is_shown_as_text(bench, tmp_path, chromium):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("---\nid: hostile\ntitle: t\ndate: 2024-01-01\n---\nRussia <img src=x onerror=\"window.__xss=1\"> "
                       "supplied arms to North Korea in 2024.\n", encoding="utf-8")
    ingest(bench.store, [hostile], registry=load_registry(bench.data_dir / "entities.yaml"), keep_dir=bench.home / "documents")
    server, url, _ = serve_review(bench)
    try:
        page = chromium.new_page()
        page.goto(url)
        page.wait_for_function("() => [...document.querySelectorAll('#f-document option')].some(o => o.value === 'hostile')")
        page.select_option("#f-document", "hostile")
        page.wait_for_function("() => document.querySelector('#text mark') !== null && "
                               "document.getElementById('text').textContent.includes('onerror')")
        assert page.evaluate("window.__xss") is None
        assert "<img" in page.locator("#text").text_content()
        assert page.locator("#text img").count() == 0
    finally:
        server.shutdown()


# --- entities: accept a proposal, merge two, undo -------------------------------------------------

def statements_naming(bench, entity_id: str) -> set[str]:
    rows = run_query(bench.store, "SELECT DISTINCT ?st WHERE { ?st rdf:subject|rdf:object ?e }",
                     {"e": Instances().entity(entity_id)}).rows
    return {str(r[0]) for r in rows}


def test_a_proposed_entity_accepted_joins_the_registry_and_is_not_proposed_again(bench, tmp_path):
    proposals = bench.proposals()
    draft = next(p for p in proposals["proposals"] if p["class"] == "DraftResolution")
    bench.decide_entity({"action": "accept-entity", "version": 0, "id": draft["id"], "class": "DraftResolution",
                         "label": "Draft resolution on the DPRK sanctions panel (March 2025)", "aliases": "the draft, S/2025/1",
                         "wikidata": ""})
    saved = yaml.safe_load((bench.data_dir / "decisions" / "entities.yaml").read_text())
    assert saved["version"] == 1 and saved["accepted"][0]["aliases"] == ["the draft", "S/2025/1"]
    assert draft["id"] not in {p["id"] for p in bench.proposals()["proposals"]}
    labels = run_query(bench.store, "SELECT ?l WHERE { ?e rdfs:label ?l }", {"e": Instances().entity(draft["id"])}).rows
    assert [str(r[0]) for r in labels] == ["Draft resolution on the DPRK sanctions panel (March 2025)"]
    build(bench.store, bench.data_dir)  # the decision is data: it survives a rebuild
    assert draft["id"] not in {p["id"] for p in bench.proposals()["proposals"]}
    with pytest.raises(InputError, match="unknown class"):
        bench.decide_entity({"action": "accept-entity", "version": 1, "id": "x-y", "class": "Country", "label": "X"})


def test_a_merge_moves_every_statement_survives_a_rebuild_and_can_be_undone(bench):
    before = dump(bench.store)
    naming = statements_naming(bench, "soviet-union")
    assert len(naming) >= 5
    survivor = statements_naming(bench, "russia")
    bench.decide_entity({"action": "merge", "version": 0, "merged": "soviet-union", "into": "russia",
                         "reason": "one actor for this brief"})
    assert statements_naming(bench, "soviet-union") == set()
    assert statements_naming(bench, "russia") == survivor | naming  # every statement followed
    same = run_query(bench.store, "ASK { ?a owl:sameAs ?b }", {"a": Instances().entity("soviet-union"),
                                                              "b": Instances().entity("russia")}).boolean
    assert same
    log = yaml.safe_load((bench.data_dir / "decisions" / "entities.yaml").read_text())["merges"][0]
    assert (log["merged"], log["into"], log["reviewer"], log["reason"]) == ("soviet-union", "russia", "ana",
                                                                            "one actor for this brief")
    assert log["moved"]  # what moved, graph by graph, for the undo
    build(bench.store, bench.data_dir)
    assert statements_naming(bench, "soviet-union") == set()  # the rebuilt graph applies the merge too
    assert bench.registry(keep_merged=False).candidates("USSR")[0].id == "russia"
    bench.decide_entity({"action": "undo-merge", "version": 1, "index": 0})
    assert dump(bench.store) == before
    saved = yaml.safe_load((bench.data_dir / "decisions" / "entities.yaml").read_text())
    assert saved["merges"][0]["undone"]["reviewer"] == "ana"  # the log keeps the history


@pytest.mark.parametrize("action, message", [
    ({"merged": "north-korea", "into": "north-korea"}, "into itself"),
    ({"merged": "atlantis", "into": "north-korea"}, "unknown entity 'atlantis'"),
])
def test_a_bad_merge_is_one_line_and_changes_nothing(bench, action, message):
    before = dump(bench.store)
    with pytest.raises(InputError, match=message):
        bench.decide_entity({"action": "merge", "version": 0, **action})
    assert dump(bench.store) == before and not (bench.data_dir / "decisions").exists()


def test_accepting_and_merging_in_the_page(page_server, chromium):
    bench, url, _ = page_server
    page = open_page(chromium, url)
    page.click("#tab-entities")
    page.wait_for_function("() => document.querySelectorAll('#proposals tr').length > 0")
    draft = page.evaluate("review.state.proposals.find(p => p.class === 'DraftResolution').id")
    row = page.locator(f'#proposals tr[data-id="{draft}"]')
    row.locator('input[name="label"]').fill("Draft on the sanctions panel, March 2025")
    row.locator('button[name="accept"]').click()
    page.wait_for_function("(id) => !review.state.proposals.some(p => p.id === id)", arg=draft)
    assert yaml.safe_load((bench.data_dir / "decisions" / "entities.yaml").read_text())["accepted"][0]["id"] == draft
    page.fill("#merge-from", "soviet-union")
    page.fill("#merge-into", "russia")
    page.fill("#merge-reason", "one actor")
    page.click("#merge-save")
    page.wait_for_function("() => document.querySelectorAll('#merges li').length === 1")
    assert statements_naming(bench, "soviet-union") == set()
    page.locator("#merges li button").click()
    page.wait_for_function("() => document.querySelector('#merges li').textContent.includes('undone')")
    assert statements_naming(bench, "soviet-union")
    assert page.errors == []


def test_the_explorer_shows_which_facts_were_reviewed_and_filters_by_it(bench, chromium, tmp_path):
    from graph.network import to_networkx
    from graph.views import select
    from graph.viz import store_details, write_explorer

    item = first(bench, relation="vetoed")
    bench.decide({"action": "accept", "statement": item["statement"], "document": item["document"], "version": 0})
    graph = select(to_networkx(bench.store))
    page = chromium.new_page()
    page.goto(write_explorer(graph, tmp_path / "explorer.html", store_details(bench.store)).resolve().as_uri())
    page.wait_for_function("() => window.kg && window.kg.isReady", timeout=60_000)
    assert page.evaluate("(s) => kg.edges.get(s).review", item["statement"]).startswith("accepted by ana at ")
    page.locator('input[data-kind="reviewed"][data-value="not"]').uncheck()
    assert page.evaluate("kg.visibleEdgeIds()") == [item["statement"]]


def test_decisions_are_gold_for_kg_eval(bench, kg):
    vetoed, abstained = first(bench, relation="vetoed"), first(bench, relation="abstainedOn")
    bench.decide({"action": "accept", "statement": vetoed["statement"], "document": vetoed["document"], "version": 0})
    bench.decide({"action": "reject", "statement": abstained["statement"], "document": abstained["document"], "version": 1})
    result = kg("eval", "--reviewed", "--data", str(bench.data_dir), "-f", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] == 1 and report["gold_facts"] == 1
    assert ["council-veto-2025", "russia", "vetoed", vetoed["object"]] not in report["missed"]  # found again: a TP
    assert ["council-veto-2025", "china", "abstainedOn", abstained["object"]] in report["spurious"]  # the rules still say it
    empty = kg("eval", "--reviewed", "--data", str(bench.data_dir.parent / "nothing"))
    assert empty.exit_code != 0


def test_kg_review_starts_the_page_and_says_where(kg_process, tmp_path, data_dir):
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    shutil.copytree(data_dir, corpus)
    assert kg_process("build", "--data", str(corpus)).returncode == 0
    exe = Path(sys.executable).with_name("kg")
    env = dict(os.environ, KG_HOME=str(kg_process.home))
    process = subprocess.Popen([str(exe), "review", "--data", str(corpus), "--port", "0", "--no-open", "--reviewer", "ana"],
                               stdout=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stdout.readline()
        assert line.startswith("review page at http://127.0.0.1:") and "statements to review" in line
        url = line.split()[3]
        with urllib.request.urlopen(url, timeout=30) as page:
            assert b"kg review" in page.read()
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_write_from_the_page_without_its_token_is_refused(page_server, chromium):
    bench, url, _ = page_server
    page = open_page(chromium, url)
    item = page.evaluate("review.state.queue[0]")
    before = dump(bench.store)
    status = page.evaluate("""(item) => fetch('/api/decide', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({action: 'reject', statement: item.statement, document: item.document, version: 0})})
        .then(r => r.status)""", item)
    assert status == 403
    assert dump(bench.store) == before and not decisions_file(bench).exists()
