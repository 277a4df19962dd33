"""``kg serve``: a read-only SPARQL 1.1 endpoint run by the real Oxigraph server, tested with real
clients (SPARQLWrapper, rdflib's SPARQLStore, plain HTTP with standard Accept headers)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server_support import process_alive  # noqa: E402

from graph.build import build  # noqa: E402
from graph.serve import Endpoint, free_port  # noqa: E402
from graph.store import open_store  # noqa: E402

VETOES = """PREFIX ont: <https://w3id.org/geokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?voter ?draft WHERE { ?v ont:vetoed ?d . ?v rdfs:label ?voter . ?d rdfs:label ?draft } ORDER BY ?voter ?draft"""


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, data_dir):
    """The bundled graph served by `Endpoint` (what `kg serve` runs), with an explorer page."""
    home = tmp_path_factory.mktemp("serve-home")
    store = open_store("oxigraph", home)
    build(store, data_dir)
    page = home / "graph.html"
    page.write_text("<!doctype html><title>explorer</title><p>graph explorer</p>", encoding="utf-8")
    with Endpoint(store, port=0, explorer=page) as running:
        yield running


def _get(url: str, accept: str | None = None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_content_type(), err.read()


def _query_url(endpoint, query: str) -> str:
    return f"{endpoint.url}/query?{urllib.parse.urlencode({'query': query})}"


def test_binds_loopback_by_default(endpoint):
    assert endpoint.host == "127.0.0.1" and endpoint.httpd.server_address[0] == "127.0.0.1"
    assert endpoint.engine.host == "127.0.0.1"


def test_select_as_json_xml_csv_tsv_with_standard_accept_headers(endpoint):
    status, ctype, body = _get(_query_url(endpoint, VETOES), "application/sparql-results+json")
    assert (status, ctype) == (200, "application/sparql-results+json")
    rows = [(b["voter"]["value"], b["draft"]["value"]) for b in json.loads(body)["results"]["bindings"]]
    assert rows and ("Russia", rows[0][1]) in rows

    status, ctype, body = _get(_query_url(endpoint, VETOES), "application/sparql-results+xml")
    assert (status, ctype) == (200, "application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    xml_rows = [tuple(b.find("r:literal", ns).text for b in result.findall("r:binding", ns))
                for result in ET.fromstring(body).iter("{http://www.w3.org/2005/sparql-results#}result")]
    assert xml_rows == rows

    status, ctype, body = _get(_query_url(endpoint, VETOES), "text/csv")
    assert (status, ctype) == (200, "text/csv")
    assert [tuple(r) for r in csv.reader(io.StringIO(body.decode()))] == [("voter", "draft"), *rows]

    status, ctype, body = _get(_query_url(endpoint, VETOES), "text/tab-separated-values")
    assert (status, ctype) == (200, "text/tab-separated-values")
    lines = body.decode().strip().split("\n")
    assert lines[0] == "?voter\t?draft" and len(lines) == len(rows) + 1


def test_construct_as_turtle(endpoint):
    from rdflib import Graph, URIRef

    query = "CONSTRUCT { ?s <https://w3id.org/geokg/ontology#vetoed> ?o } WHERE { ?s <https://w3id.org/geokg/ontology#vetoed> ?o }"
    status, ctype, body = _get(_query_url(endpoint, query), "text/turtle")
    assert (status, ctype) == (200, "text/turtle")
    graph = Graph().parse(data=body, format="turtle")
    assert (URIRef("https://w3id.org/geokg/id/entity/russia"), None, None) in graph


def test_sparqlwrapper_client(endpoint):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(endpoint.url + "/query")
    client.setQuery(VETOES)
    client.setReturnFormat(JSON)
    assert [b["voter"]["value"] for b in client.query().convert()["results"]["bindings"]][0]
    client.setMethod(POST)
    count = client.query().convert()["results"]["bindings"]
    assert count and {"voter", "draft"} <= set(count[0])


def test_rdflib_sparqlstore_client(endpoint):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(endpoint.url + "/query"))
    rows = [(str(v), str(d)) for v, d in graph.query(VETOES)]
    assert ("Russia" in {v for v, _ in rows}) and len(rows) == len(set(rows))


def test_update_is_refused_and_changes_nothing(endpoint):
    before = _get(_query_url(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "text/csv")[2]
    body = urllib.parse.urlencode({"update": "DROP ALL"}).encode()
    for path in ("/update", "/query"):
        request = urllib.request.Request(endpoint.url + path, data=body,
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(request, timeout=30)
        assert err.value.code in (400, 403)
    request = urllib.request.Request(endpoint.url + "/store?default", data=b"<a:b> <a:c> <a:d> .", method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=30)
    assert err.value.code == 403
    assert _get(_query_url(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "text/csv")[2] == before


def test_malformed_query_gets_400_with_the_parser_message(endpoint):
    status, _, body = _get(_query_url(endpoint, "SELECT * WHERE { ?s ?p "), "application/sparql-results+json")
    assert status == 400
    assert body.decode().startswith("error at 1:") and "expected" in body.decode()


def test_query_page_and_explorer_are_served_locally(endpoint):
    status, ctype, body = _get(endpoint.url + "/")
    assert status == 200 and ctype == "text/html" and b"yasgui" in body.lower()
    assert b"cdn" not in body.lower() and b"https://" not in body.split(b"<body")[0].lower()
    status, ctype, body = _get(endpoint.url + "/explorer")
    assert (status, ctype) == (200, "text/html") and b"graph explorer" in body


def test_serves_a_snapshot_so_a_rebuild_does_not_disturb_it(tmp_path, data_dir):
    store = open_store("oxigraph", tmp_path / "home")
    build(store, data_dir)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with Endpoint(store, port=0) as running:
        before = _get(_query_url(running, count), "text/csv")[2]
        store.replace_graphs({}, clear=True)  # the live store is emptied while serving
        assert store.is_empty()
        assert _get(_query_url(running, count), "text/csv")[2] == before


def test_kg_serve_announces_loopback_and_stops_its_engine(tmp_path, data_dir):
    home = tmp_path / "home"
    build(open_store("oxigraph", home), data_dir)
    port = free_port()
    env = dict(os.environ, KG_HOME=str(home), KG_STORE="oxigraph")
    kg = Path(sys.executable).with_name("kg")
    process = subprocess.Popen([str(kg), "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert process.stdout.readline().startswith("building the explorer page")
        banner = process.stdout.readline()
        assert f"http://127.0.0.1:{port}" in banner and "bound to 127.0.0.1" in banner and "read-only" in banner
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _, body = _get(f"http://127.0.0.1:{port}/query?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D",
                                       "application/sparql-results+json")
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert status == 200 and json.loads(body)["boolean"] is True
        status, ctype, page = _get(f"http://127.0.0.1:{port}/explorer")
        assert (status, ctype) == (200, "text/html") and b"vis-network" in page.lower() and b"North Korea" in page
        engine = [int(p) for p in subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                                 text=True).stdout.split()]
        assert engine
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert not any(process_alive(pid) for pid in engine)


def test_kg_serve_on_a_busy_port_is_one_line(tmp_path, kg_process, data_dir):
    import socket

    build(open_store("oxigraph", kg_process.home), data_dir)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = kg_process("serve", "--no-explorer", "--port", str(busy.getsockname()[1]))
    assert result.returncode != 0
    assert result.stderr.strip().startswith("Error: cannot listen on 127.0.0.1:") and "\n" not in result.stderr.strip()


def test_eight_concurrent_clients_get_every_answer(endpoint):
    from concurrent.futures import ThreadPoolExecutor

    queries = [VETOES, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "ASK { ?s ?p ?o }"]

    def ask(i: int) -> int:
        status, _, body = _get(_query_url(endpoint, queries[i % 3]), "application/sparql-results+json")
        json.loads(body)
        return status

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(ask, range(200)))
    assert statuses == [200] * 200


# --- hostile requests: the filter in front of the engine ---------------------------------------

def _raw(endpoint, request: bytes, wait: float = 10) -> bytes:
    """Send raw bytes to the proxy and return what it answers before closing or going quiet."""
    import socket

    with socket.create_connection((endpoint.host, endpoint.port), timeout=wait) as sock:
        sock.sendall(request)
        chunks = []
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                chunks.append(data)
                if b"\r\n\r\n" in b"".join(chunks) and b"Content-Length: " in b"".join(chunks):
                    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
                    length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
                    if len(body) >= length:
                        break
        except TimeoutError:
            pass
    return b"".join(chunks)


def _still_answers(endpoint, within: float = 20) -> bool:
    """The endpoint answers a query, now or once a restarted engine is up (within ``within`` s)."""
    deadline = time.monotonic() + within
    while True:
        status, _, body = _get(_query_url(endpoint, "ASK { ?s ?p ?o }"), "application/sparql-results+json")
        if status == 200 and json.loads(body)["boolean"] is True:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)


def test_a_request_target_without_a_slash_is_refused_and_the_engine_lives_on(endpoint):
    answer = _raw(endpoint, b"GET explorer HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400")
    assert _still_answers(endpoint)


def test_a_query_nested_3000_levels_deep_gets_400_and_the_engine_lives_on(endpoint):
    status, _, body = _get(_query_url(endpoint, "SELECT * WHERE " + "{ " * 3000 + "}" * 3000))
    assert status == 400 and b"nests 3000 levels" in body
    assert _still_answers(endpoint)


def test_service_cannot_reach_into_the_users_network(endpoint):
    import http.server
    import threading

    hits = []

    class Admin(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    admin = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Admin)
    threading.Thread(target=admin.serve_forever, daemon=True).start()
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{admin.server_address[1]}/admin> {{ ?s ?p ?o }} }}"
        status, _, body = _get(_query_url(endpoint, query))
        assert status == 403 and b"SERVICE" in body
        assert hits == []
    finally:
        admin.shutdown()


def test_another_host_name_and_a_cross_site_post_are_refused(endpoint):
    rebinding = _raw(endpoint, b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: attacker.example:7878\r\n\r\n")
    assert rebinding.startswith(b"HTTP/1.1 421")
    body = b"query=ASK%7B%7D"
    cross = _raw(endpoint, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://attacker.example\r\n"
                 b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    assert cross.startswith(b"HTTP/1.1 403")
    assert _still_answers(endpoint)


@pytest.mark.parametrize("length, status", [(b"99999999999", b"413"), (b"-1", b"400"), (b"abc", b"400")])
def test_bad_or_huge_content_lengths_are_refused_at_once(endpoint, length, status):
    start = time.monotonic()
    answer = _raw(endpoint, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: " + length + b"\r\n\r\nASK {}")
    assert answer.startswith(b"HTTP/1.1 " + status) and time.monotonic() - start < 5


def test_half_sent_requests_are_closed_and_a_long_query_is_stopped(tmp_path, data_dir, monkeypatch):
    import socket

    import graph.serve

    monkeypatch.setattr(graph.serve, "IDLE_TIMEOUT", 1)
    home = tmp_path / "home"
    store = open_store("oxigraph", home)
    build(store, data_dir)
    with Endpoint(store, port=0, explorer=None, timeout=2) as running:
        with socket.create_connection((running.host, running.port), timeout=10) as sock:
            sock.sendall(b"GET /query?query=ASK HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            start = time.monotonic()
            assert sock.recv(1024) == b"" and time.monotonic() - start < 5
        start = time.monotonic()
        status, _, _ = _get(_query_url(running, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"))
        assert status in (500, 503) and time.monotonic() - start < 15
        assert _still_answers(running)


def test_a_dead_engine_is_restarted(tmp_path, data_dir):
    home = tmp_path / "home"
    store = open_store("oxigraph", home)
    build(store, data_dir)
    with Endpoint(store, port=0, explorer=None) as running:
        running.engine.process.kill()
        running.engine.process.wait()
        assert _still_answers(running)
        assert running.restarts == 1


@pytest.mark.skipif(sys.platform != "linux", reason="the engine's parent-death signal is Linux's")
def test_killing_kg_serve_with_sigkill_leaves_no_engine_behind(tmp_path, data_dir):
    home = tmp_path / "home"
    build(open_store("oxigraph", home), data_dir)
    port = free_port()
    env = dict(os.environ, KG_HOME=str(home), KG_STORE="oxigraph")
    kg = Path(sys.executable).with_name("kg")
    process = subprocess.Popen([str(kg), "serve", "--no-explorer", "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert "read-only" in process.stdout.readline()
        engine = [int(p) for p in subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                                 text=True).stdout.split()]
        assert engine and all(process_alive(pid) for pid in engine)
    finally:
        process.kill()
        process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(process_alive(pid) for pid in engine) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(process_alive(pid) for pid in engine)


def test_a_query_abandoned_by_its_client_stops_burning_the_engine(tmp_path, data_dir):
    """The engine's own timeout does not stop a running aggregate; the proxy stops it by restarting
    the engine when the client hangs up (44 abandoned queries once cut throughput twentyfold)."""
    home = tmp_path / "home"
    store = open_store("oxigraph", home)
    build(store, data_dir)
    with Endpoint(store, port=0, explorer=None, timeout=60) as running:
        first = running.engine.process.pid
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        with pytest.raises(OSError):
            urllib.request.urlopen(_query_url(running, query), timeout=3)  # the client gives up after 3 s
        deadline = time.monotonic() + 60  # a restart under a loaded machine (CI) can take a while
        while (process_alive(first) or running.restarts < 1) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not process_alive(first) and running.restarts == 1
        assert _still_answers(running)
