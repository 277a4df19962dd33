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
