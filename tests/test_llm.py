"""The language-model extractor: what it asks (built from the ontology and the document), and that
nothing it says reaches the store unless the document supports it.

A small OpenAI-compatible server of our own, on loopback, plays the model. Its behaviour is chosen
by the model name: ``mixed`` answers one true fact beside invented quotes, relations outside the
ontology, names not in the evidence and a relation whose classes do not fit; the others answer
malformed JSON, HTTP 500, a stalled connection, a page that is no chat completion, or 401. The real
model (llama.cpp) is driven in tests/test_llm_server.py.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graph.errors import InputError, ModelError
from graph.llm import DROP_REASONS, Endpoint, chunks, fact_schema, find_quote, make_extractor, ontology_brief
from graph.model import Document
from graph.namespaces import RELATIONS
from graph.registry import load_registry

NEWS = Path(__file__).parent / "fixtures" / "news"
REGISTRY = load_registry(NEWS / "entities.yaml")
ARTICLE = """---
id: shells-llm
title: Shells and a veto
date: 2024-04-02
---
Russia vetoed the draft resolution on 28 March 2024.

North Korea shipped artillery shells to Russia in 2023, South Korea said.
"""
TRUE_QUOTE = "North Korea shipped artillery shells to Russia in 2023"


def fact(subject, relation, obj, quote, **extra):
    return {"subject": subject, "subject_class": "State", "relation": relation, "object": obj, "object_class": "State",
            "certainty": "confirmed", "claimed_by": "", "date": "", "quote": quote, **extra}


#: What the ``mixed`` model says: one true fact, and one of each kind of invention.
MIXED = [
    fact("North Korea", "suppliesArmsTo", "Russia", TRUE_QUOTE, claimed_by="South Korea", date="2023"),
    fact("North Korea", "deploysTroopsTo", "Ukraine", "North Korea sent 10,000 troops to Ukraine"),  # invented quote
    fact("North Korea", "isFriendOf", "Russia", TRUE_QUOTE),  # relation outside the ontology
    fact("China", "supports", "Russia", TRUE_QUOTE),  # China is not in the quote's sentence
    fact("Russia", "leaderOf", "North Korea", TRUE_QUOTE),  # a state cannot be a leader (domain Person)
    fact("North Korea", "suppliesArmsTo", "Russia", "shells", date="yesterday"),  # too short to be a quote
    "not a fact",
]


class _Model(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.seen.append({"body": body, "authorization": self.headers.get("Authorization")})
        mode = body["model"]
        if mode == "stall":
            time.sleep(30)
            return
        if mode == "http-500":
            return self._send(500, b'{"error": "the GPU caught fire"}')
        if mode == "unauthorised":
            return self._send(401, b'{"error": "no key"}')
        if mode == "not-a-completion":
            return self._send(200, b"<html><body>Welcome to nginx!</body></html>", "text/html")
        if mode == "no-json-schema" and body.get("response_format", {}).get("type") == "json_schema":
            return self._send(500, b'{"error": "response_format: Input should be text or json_object"}')
        content = {"malformed": '{"facts": [{"subject": "North Korea", "relation": '}.get(mode)
        if content is None:
            content = json.dumps({"facts": MIXED if mode in ("mixed", "no-json-schema") else [MIXED[0]]})
        self._send(200, json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}).encode())

    def _send(self, code, payload, kind="application/json"):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture(scope="module")
def model_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Model)
    server.daemon_threads = True
    server.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@pytest.fixture
def use_model(model_server, monkeypatch):
    """Point KG_LLM_URL at the hostile server and pick its behaviour by model name."""
    def use(mode, **env):
        model_server.seen.clear()
        monkeypatch.setenv("KG_LLM_URL", f"http://127.0.0.1:{model_server.server_port}/v1")
        monkeypatch.setenv("KG_LLM_MODEL", mode)
        for key, value in {"KG_LLM_TIMEOUT": "2", "KG_LLM_RETRIES": "1", **env}.items():
            monkeypatch.setenv(key, value)
        return model_server
    return use


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "shells.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def stored(kg):
    """Every statement in the store: (subject, relation, object, certainty, producer, quote, start, end)."""
    result = kg("query", "-f", "json", "-", input="""
        SELECT ?s ?p ?o ?c ?producer ?quote ?start ?end WHERE {
          ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ont:certainty ?c ; ont:producedBy/rdfs:label ?producer ;
              ont:evidence/oa:hasSelector ?sel . ?sel oa:exact ?quote ; oa:start ?start ; oa:end ?end }""")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["results"]["bindings"]
    short = lambda v: re.split(r"[/#]", v["value"])[-1]  # noqa: E731
    return [(short(r["s"]), short(r["p"]), short(r["o"]), short(r["c"]).lower(), r["producer"]["value"], r["quote"]["value"],
             int(r["start"]["value"]), int(r["end"]["value"])) for r in rows]


# --- what is asked -------------------------------------------------------------------------------

def test_the_answer_schema_allows_only_the_ontologys_relations_classes_and_certainties():
    item = fact_schema()["properties"]["facts"]["items"]
    assert item["properties"]["relation"]["enum"] == list(RELATIONS)
    assert item["properties"]["certainty"]["enum"] == ["confirmed", "reported", "speculative", "denied"]
    assert "State" in item["properties"]["subject_class"]["enum"] and set(item["required"]) >= {"quote", "relation"}


def test_the_brief_gives_each_relation_its_classes_and_definition():
    brief = ontology_brief()
    assert "- vetoed (State -> Resolution): The subject state" in brief
    assert "- condemned (Actor|Agreement -> Actor|Agreement|Event):" in brief  # unions spelled out, not as IRIs
    assert "genid" not in brief and all(f"- {r} (" in brief for r in RELATIONS)


def test_quotes_are_found_whatever_their_spaces_and_quote_marks_and_never_when_invented():
    text = "Moscow  called the \u201cdraft\u201d\nunacceptable. Moscow called it biased."
    assert find_quote(text, 'called the "draft" unacceptable') == (8, 39)
    assert find_quote(text, "Moscow called it biased", near=40) == (41, 64)
    assert find_quote(text, "Moscow called the draft biased") is None
    assert find_quote(text, "Moscow") is None  # a name alone supports no fact


def test_quoted_speech_is_offered_with_single_quote_marks_and_still_verified(use_model):
    use_model("mixed")
    extractor = make_extractor("llm", REGISTRY)
    doc = Document("d", "T", 'Russia said it would help "without delay".\nA path C:\\temp\\x is here.\n')
    (_, _, schema, _), = extractor._requests(doc)
    assert schema["properties"]["facts"]["items"]["properties"]["quote"]["enum"] == [
        "Russia said it would help 'without delay'."]  # and the sentence with a backslash is not offered
    assert find_quote(doc.text, "Russia said it would help 'without delay'.") == (0, 42)


def test_long_documents_are_cut_between_paragraphs_into_overlapping_chunks():
    text = "\n\n".join(f"Paragraph {i} " + "x" * 900 + "." for i in range(6))
    spans = chunks(text, size=2000)
    assert len(spans) > 2 and spans[0][0] == 0 and spans[-1][1] == len(text)
    for (a_start, a_end), (b_start, b_end) in zip(spans, spans[1:]):
        assert b_start < a_end  # each chunk repeats the last paragraph of the one before
        assert text[b_start:].startswith("Paragraph")
    assert all(end - start <= 2000 for start, end in spans)


@pytest.mark.parametrize("env, message", [
    ({}, "set KG_LLM_URL"),
    ({"KG_LLM_URL": "localhost:8080"}, r"is not an http\(s\) URL"),
    ({"KG_LLM_URL": "http://127.0.0.1:8080/v1"}, "set KG_LLM_MODEL"),
    ({"KG_LLM_URL": "http://127.0.0.1:8080/v1", "KG_LLM_MODEL": "m", "KG_LLM_TIMEOUT": "soon"}, "KG_LLM_TIMEOUT must be a number"),
])
def test_a_missing_or_bad_endpoint_setting_is_one_clear_error(env, message):
    with pytest.raises(InputError, match=message):
        Endpoint.from_env(env)


def test_the_producer_names_the_prompt_version_the_model_and_the_host():
    endpoint = Endpoint.from_env({"KG_LLM_URL": "http://user@gpu-box:11434", "KG_LLM_MODEL": "llama3.1:8b"})
    assert endpoint.producer == "geokg-llm/p1/llama3.1:8b@gpu-box:11434"
    assert endpoint.chat_url == "http://user@gpu-box:11434/v1/chat/completions"


def test_the_request_carries_the_ontology_the_entities_the_text_and_the_schema(use_model, article, kg):
    server = use_model("mixed", KG_LLM_API_KEY="s3cret")
    assert kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm").exit_code == 0
    (request,) = server.seen
    body = request["body"]
    user = body["messages"][-1]["content"]
    assert "RELATIONS" in user and "- Russia (State)" in user and "- North Korea (State)" in user
    assert "North Korea shipped artillery shells to Russia in 2023, South Korea said." in user
    schema = body["response_format"]["json_schema"]["schema"]
    assert body["response_format"]["type"] == "json_schema"
    assert schema["properties"]["facts"]["items"]["properties"]["quote"]["enum"] == [  # a quote can only be a sentence
        "Russia vetoed the draft resolution on 28 March 2024.",
        "North Korea shipped artillery shells to Russia in 2023, South Korea said."]
    assert schema == fact_schema(["Russia vetoed the draft resolution on 28 March 2024.",
                                  "North Korea shipped artillery shells to Russia in 2023, South Korea said."])
    assert body["temperature"] == 0 and request["authorization"] == "Bearer s3cret"


# --- verification --------------------------------------------------------------------------------

def test_only_the_fact_the_text_supports_reaches_the_store_and_every_drop_is_counted(use_model, article, kg):
    server = use_model("mixed")
    result = kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm", "--explain")
    assert result.exit_code == 0, result.output
    rows = stored(kg)
    assert [r[:4] for r in rows] == [("north-korea", "suppliesArmsTo", "russia", "reported")]  # claimed by South Korea
    producer, quote, start, end = rows[0][4:]
    assert producer == f"geokg-llm/p1/mixed@127.0.0.1:{server.server_port}"
    text = article.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert text[start:end] == quote == "North Korea shipped artillery shells to Russia in 2023, South Korea said."
    for reason in ("quote not in the document", "relation not in the ontology", "subject not in the evidence",
                   "outside the relation's domain or range", "not a fact object"):
        assert f"dropped, {reason}:" in result.output
    assert "7 facts proposed, 6 dropped by verification" in result.output
    assert "isFriendOf" not in json.dumps(rows) and "deploysTroopsTo" not in json.dumps(rows)


def test_every_drop_reason_is_one_the_library_declares(use_model):
    use_model("mixed")
    extractor = make_extractor("llm", REGISTRY)
    doc = Document("d", "T", ARTICLE.split("---\n", 2)[2])
    result = extractor.extract(doc)
    assert {reason for reason, _ in result.dropped} <= set(DROP_REASONS)
    assert result.proposed == len(MIXED) and len(result.assertions) + len(result.dropped) == len(MIXED)


def test_a_date_is_kept_only_when_the_evidence_gives_it(use_model):
    use_model("mixed")
    result = make_extractor("llm", REGISTRY).extract(Document("d", "T", ARTICLE.split("---\n", 2)[2]))
    (kept,) = result.assertions
    assert str(kept.point_in_time) == "2023"


def test_both_extractors_side_by_side_and_agreement_raises_confidence(use_model, article, kg):
    use_model("mixed")
    assert kg("ingest", "--data", str(NEWS), str(article), "--extractor", "both").exit_code == 0
    rows = stored(kg)
    producers = {r[4].split("/")[0] for r in rows}
    assert producers == {"geokg-rules", "geokg-llm"}
    confidence = kg("query", "-f", "json", "-", input="""
        SELECT ?c WHERE { ?st rdf:predicate ont:suppliesArmsTo ; ont:confidence ?c }""")
    values = [float(b["c"]["value"]) for b in json.loads(confidence.output)["results"]["bindings"]]
    assert len(values) == 2 and min(values) > 0.5  # the model alone gives 0.5; agreeing, both rise


def test_answers_are_cached_so_an_unchanged_document_makes_no_request(use_model, article, kg):
    server = use_model("mixed")
    assert kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm").exit_code == 0
    assert len(server.seen) == 1
    assert kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm").output.startswith("unchanged")
    (kg.home / "oxigraph").rename(kg.home / "old-store")  # a new store: the document is read again, from the cache
    assert kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm").output.startswith("added")
    assert len(server.seen) == 1 and len(stored(kg)) == 1


def test_a_server_without_json_schema_gets_json_mode_with_the_schema(use_model, article, kg):
    server = use_model("no-json-schema")
    assert kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm").exit_code == 0
    formats = [s["body"]["response_format"]["type"] for s in server.seen]
    assert formats == ["json_schema", "json_object"]
    assert server.seen[1]["body"]["response_format"]["schema"] == server.seen[0]["body"]["response_format"]["json_schema"]["schema"]
    assert len(stored(kg)) == 1


# --- a hostile or broken endpoint: one line, non-zero exit, store unchanged ---------------------------

@pytest.mark.parametrize("mode, message", [
    ("malformed", "answered no readable JSON for shells-llm"),
    ("http-500", "answered HTTP 500"),
    ("stall", "did not answer within 2 s (KG_LLM_TIMEOUT)"),
    ("not-a-completion", "answered something that is not a chat completion"),
    ("unauthorised", "refused the request: HTTP 401 (set KG_LLM_API_KEY)"),
])
def test_a_broken_endpoint_is_one_line_and_the_store_is_unchanged(use_model, article, kg, mode, message):
    assert kg("ingest", "--data", str(NEWS), str(article)).exit_code == 0  # the rules' graph, to keep as it is
    before = stored(kg)
    use_model(mode)
    result = kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm")
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert stored(kg) == before


def test_retries_are_bounded_with_backoff(use_model, article, kg):
    server = use_model("http-500", KG_LLM_RETRIES="2")
    started = time.monotonic()
    result = kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm")
    assert result.exit_code == 1 and "(3 attempts)" in result.output
    assert len(server.seen) == 3 and time.monotonic() - started >= 1.5  # waits 0.5 s, then 1 s


def test_an_endpoint_that_is_down_is_one_line(monkeypatch, article, kg):
    monkeypatch.setenv("KG_LLM_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("KG_LLM_MODEL", "any")
    monkeypatch.setenv("KG_LLM_RETRIES", "0")
    result = kg("ingest", "--data", str(NEWS), str(article), "--extractor", "llm")
    assert result.exit_code == 1 and "cannot be reached" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_the_rules_extractor_needs_no_endpoint(monkeypatch, article, kg):
    monkeypatch.delenv("KG_LLM_URL", raising=False)
    assert kg("ingest", "--data", str(NEWS), str(article)).exit_code == 0


def test_the_model_extractor_never_raises_a_python_error_on_odd_answers(use_model):
    use_model("mixed")
    extractor = make_extractor("llm", REGISTRY)
    doc = Document("d", "T", ARTICLE.split("---\n", 2)[2])
    odd = [None, 3, [], {"subject": 1}, {"subject": "A", "relation": "vetoed", "object": "B", "quote": 7},
           fact("", "vetoed", "", TRUE_QUOTE), fact("North Korea", "suppliesArmsTo", "North Korea", TRUE_QUOTE),
           fact("x" * 500, "vetoed", "Russia", TRUE_QUOTE, certainty=None, date=None, claimed_by=5)]
    for item in odd:
        assert isinstance(extractor.verify(doc, item, (0, len(doc.text)), [], {}), str)
    with pytest.raises(ModelError):
        use_model("malformed")
        make_extractor("llm", REGISTRY).extract(doc)


def test_the_named_queries_filter_by_producer(use_model, article, kg):
    use_model("mixed")
    assert kg("build", "--data", str(NEWS)).exit_code == 0  # the registry's entities, for the actor parameter
    assert kg("ingest", "--data", str(NEWS), str(article), "--extractor", "both").exit_code == 0

    def rows(*params):
        result = kg("query", *params, "-f", "records", "--limit", "0")
        assert result.exit_code == 0, result.output
        return [(r["relation"].rsplit("#", 1)[-1], r["quote"]) for r in json.loads(result.output)]

    actor = ("-p", "actor=north-korea")
    everything = rows("actor-relations", *actor)
    model, rules = rows("producer-facts", "-p", "producer=llm", *actor), rows("producer-facts", "-p", "producer=rules", *actor)
    assert model == [("suppliesArmsTo", "North Korea shipped artillery shells to Russia in 2023, South Korea said.")]
    curated = rows("producer-facts", "-p", "producer=curated", *actor)
    assert rules and curated and set(model + rules + curated) == set(everything)
