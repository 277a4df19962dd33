"""The remote SPARQL backend against a real Oxigraph server: build, query, export, whole-graph
replacement, and one clear line when the server is down or refuses."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

sys.path.insert(0, str(Path(__file__).parent))
from server_support import dead_endpoint, module_virtuoso_server, oxigraph_server, running_server, sparql_server  # noqa: E402,F401

from graph.errors import QueryError, StoreError  # noqa: E402
from graph.query import run_named  # noqa: E402
from graph.store import open_store  # noqa: E402
from graph.store.remote import STAGING_PREFIX, RemoteStore  # noqa: E402

EX = "http://ex.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")


def _t(s, o):
    return (URIRef(EX + s), URIRef(EX + "p"), Literal(o))


def _objects(store) -> set[str]:
    return {str(row[0]) for row in store.query("SELECT ?o WHERE { ?s ?p ?o }").rows}


def test_url_and_environment_configure_the_three_endpoints(monkeypatch):
    assert RemoteStore("http://h:1/ds").urls == ("http://h:1/ds/query", "http://h:1/ds/update", "http://h:1/ds/store")
    monkeypatch.setenv("KG_REMOTE_QUERY", "http://h:2/sparql")
    monkeypatch.setenv("KG_REMOTE_GSP", "http://h:2/data")
    store = open_store("remote")
    assert store.urls == ("http://h:2/sparql", "http://h:2/update", "http://h:2/data")


def test_credentials_in_the_url_are_refused():
    with pytest.raises(StoreError, match="KG_REMOTE_USER"):
        open_store("http://alice:secret@127.0.0.1:7878/query")


def test_kg_build_query_export_against_a_real_server(kg_process, sparql_server):
    url = sparql_server.query_url
    built = kg_process("--store", url, "build")
    assert built.returncode == 0, built.stderr
    assert "remote SPARQL endpoint" in built.stdout
    votes = kg_process("--store", url, "query", "unsc-votes", "--format", "csv")
    assert votes.returncode == 0, votes.stderr
    assert "Russia" in votes.stdout and "vetoed" in votes.stdout
    exported = kg_process("--store", url, "export", "--format", "trig")
    assert exported.returncode == 0, exported.stderr
    assert "graph/document/" in exported.stdout and "oa:exact" in exported.stdout


def test_queries_see_the_union_of_named_graphs_in_every_union_mode(oxigraph_server):
    store = open_store(oxigraph_server.query_url)
    store.replace_graphs({G1: [_t("a", "one")], G2: [_t("b", "two")]})
    for mode in ("auto", "oxigraph", "graphs"):
        assert _objects(RemoteStore(oxigraph_server.query_url, union=mode)) == {"one", "two"}, mode
    # the server's own default graph is empty: "server" mode is for servers that do the union
    assert _objects(RemoteStore(oxigraph_server.query_url, union="server")) == set()
    assert store.graph_names() == [G1, G2]


def test_replacing_a_graph_is_whole_and_remove_drops_graphs(sparql_server):
    store = open_store(sparql_server.query_url)
    store.replace_graphs({G1: [_t("a", "old"), _t("b", "old too")], G2: [_t("c", "kept")]})
    store.replace_graphs({G1: [_t("a", "new")]})
    assert _objects(store) == {"new", "kept"}
    store.remove_graphs([G2])
    assert store.graph_names() == [G1]
    store.replace_graphs({G2: [_t("d", "only")]}, clear=True)
    assert _objects(store) == {"only"}


def test_a_write_failing_midway_leaves_the_earlier_graphs_and_no_staging(sparql_server):
    store = open_store(sparql_server.query_url)
    store.replace_graphs({G1: [_t("a", "earlier")], G2: [_t("b", "earlier too")]})

    def broken():
        yield _t("a", "half")
        raise RuntimeError("the extractor crashed")

    g3 = URIRef(EX + "g3")  # a graph that does not exist yet is staged like the others: dropped again
    with pytest.raises(RuntimeError, match="crashed"):
        store.replace_graphs({g3: [_t("n", "new graph")], G1: [_t("a", "new")], G2: broken()})
    assert _objects(store) == {"earlier", "earlier too"}
    assert store.graph_names() == [G1, G2]
    everything = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert not [g for (g,) in everything if str(g).startswith(STAGING_PREFIX)]


def test_export_dump_round_trips_quads(sparql_server):
    store = open_store(sparql_server.query_url)
    store.replace_graphs({G1: [_t("a", 'a "quoted"\nline')], G2: [(URIRef(EX + "b"), URIRef(EX + "p"), Literal("x", lang="fr"))]})
    out = io.BytesIO()
    store.dump(out)
    lines = sorted(out.getvalue().decode("utf-8").splitlines())
    assert lines == sorted([
        f'<{EX}a> <{EX}p> "a \\"quoted\\"\\nline" <{G1}> .',
        f'<{EX}b> <{EX}p> "x"@fr <{G2}> .',
    ])


def test_malformed_query_is_a_query_error_with_the_parser_message(sparql_server):
    # each server's own parser message: "error at 1:..." (Oxigraph), "... syntax error at ..." (Virtuoso)
    with pytest.raises(QueryError, match=r"rejected the query: .*error at"):
        open_store(sparql_server.query_url).query("SELECT * WHERE { ?s ?p ")


def test_server_down_gives_one_clear_line_and_a_nonzero_exit(kg_process):
    result = kg_process("--store", dead_endpoint(), "stats")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert "cannot reach the SPARQL endpoint" in result.stderr and "Traceback" not in result.stderr


def test_server_refusing_writes_gives_one_clear_line(kg_process, tmp_path):
    import pyoxigraph

    pyoxigraph.Store(str(tmp_path / "ro")).flush()  # serve-read-only needs an existing database
    with running_server(tmp_path / "ro", read_only=True) as server:
        result = kg_process("--store", server.query_url, "build")
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and errors[0] == result.stderr.strip().splitlines()[-1], result.stderr
    assert "/store refused the upload: HTTP 403" in errors[0] and "Traceback" not in result.stderr


def test_named_query_parameters_are_bound_safely_on_the_remote(sparql_server, data_dir):
    from graph.build import build

    store = open_store(sparql_server.query_url)
    build(store, data_dir)
    rows = run_named(store, "actor-relations", {"actor": "DPRK"}).rows
    assert rows and all("North Korea" in (str(r[0]), str(r[2])) for r in rows)
    hostile = run_named(store, "entities", {"type": 'State" } } DROP ALL { #'}).rows
    assert hostile == [] and store.graph_names()


def _news_copies(folder: Path, count: int) -> Path:
    """``count`` documents (the news fixtures under fresh ids) to ingest."""
    source = sorted((Path(__file__).parent / "fixtures" / "news" / "documents").glob("*.txt"))
    folder.mkdir(parents=True)
    for i in range(count):
        text = source[i % len(source)].read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1]
        doc_id = f"{folder.name}-{i:03d}"
        (folder / f"{doc_id}.txt").write_text(f"---\nid: {doc_id}\ntitle: Copy {i}\ndate: 2024-11\n---\n{body}",
                                              encoding="utf-8")
    return folder


def _server_graphs(url: str) -> set[str]:
    """Every named graph the server holds, staging graphs included (a plain protocol request)."""
    import json
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode({"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}).encode()
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=180) as response:  # (Virtuoso may be checkpointing after a big write)
        return {b["g"]["value"] for b in json.load(response)["results"]["bindings"]}


def _statement_counts(store) -> tuple[int, int]:
    """Statements the tallies claim, and statements really in the union graph."""
    claimed = sum(int(n) for _, n in run_named(store, "count-statements-by-certainty", limit=0).rows)
    really = store.query("PREFIX ont: <https://w3id.org/geokg/ontology#> "
                         "SELECT (COUNT(?s) AS ?n) WHERE { ?s ont:certainty ?c }").rows[0][0]
    return claimed, int(really)


def test_kill_9_in_the_middle_of_an_ingest_leaves_the_graph_as_it_was(sparql_server, tmp_path):
    """The kill lands while document graphs are being uploaded: nothing of that write may show."""
    import os
    import signal
    import subprocess
    import time

    url = sparql_server.query_url
    kg = Path(sys.executable).with_name("kg")
    env = dict(os.environ, KG_STORE=url, KG_HOME=str(tmp_path / "home"))
    first = subprocess.run([str(kg), "ingest", str(_news_copies(tmp_path / "a", 5))], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    store = open_store(url)
    before = store.graph_names()
    docs = _news_copies(tmp_path / "b", 200)
    proc = subprocess.Popen([str(kg), "ingest", str(docs)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed_mid_write = False
    while proc.poll() is None:
        names = _server_graphs(url)
        if len(names - {str(n) for n in before}) >= 20:  # 20 graphs of this write are on the server
            os.kill(proc.pid, signal.SIGKILL)
            killed_mid_write = True
            break
        time.sleep(0.005)
    proc.wait()
    assert killed_mid_write, "the ingest ended before the kill point; make the write longer"
    reader = open_store(url)
    assert reader.graph_names() == before
    assert _statement_counts(reader)[0] == _statement_counts(reader)[1]
    # a query over named graphs sees the same: the staged graphs do not show through GRAPH ?g
    seen = {str(g) for (g,) in reader.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows}
    assert seen == {str(g) for g in before}
    # the next write drops what the killed one left, and then everything is there
    rerun = subprocess.run([str(kg), "ingest", str(docs)], env=dict(env, KG_REMOTE_STALE="0"), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    after = open_store(url)
    documents = lambda names: [n for n in names if "/graph/credibility/" not in str(n)]  # noqa: E731 (buckets vary)
    assert len(documents(after.graph_names())) == len(documents(before)) + 200
    claimed, really = _statement_counts(after)
    assert claimed == really > 0
    assert not [n for n in _server_graphs(url) if n.startswith(STAGING_PREFIX)]


# --- misbehaving servers ------------------------------------------------------------------------

def _serve(handler_cls):
    """A small HTTP server on loopback in a thread: (url, server, requests seen)."""
    import http.server
    import threading

    seen: list[dict] = []
    handler_cls.seen = seen
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_cls)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server, seen


def test_a_server_that_trickles_its_answer_is_cut_off_at_the_overall_deadline(monkeypatch):
    """One byte every half second: a socket timeout never fires, the overall deadline does."""
    import http.server
    import time

    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    url, server, _ = _serve(Trickle)
    try:
        monkeypatch.setenv("KG_REMOTE_TIMEOUT", "2")
        monkeypatch.setenv("KG_REMOTE_UNION", "server")
        store = RemoteStore(f"{url}/query")
        start = time.monotonic()
        with pytest.raises(StoreError, match="within 2 s"):
            store.query("SELECT * WHERE { ?s ?p ?o }")
        assert time.monotonic() - start < 10
    finally:
        server.shutdown()


def test_a_redirect_to_another_origin_is_refused_and_gets_no_credentials(monkeypatch):
    import http.server

    class Elsewhere(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.seen.append(dict(self.headers))
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    other, other_server, other_seen = _serve(Elsewhere)

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(302)
            self.send_header("Location", f"{other}/query")
            self.end_headers()

        def log_message(self, *args):
            pass

    url, server, _ = _serve(Redirect)
    try:
        monkeypatch.setenv("KG_REMOTE_USER", "analyst")
        monkeypatch.setenv("KG_REMOTE_PASSWORD", "secret")
        monkeypatch.setenv("KG_REMOTE_UNION", "server")
        with pytest.raises(StoreError, match="redirected the POST"):
            RemoteStore(f"{url}/query").query("SELECT * WHERE { ?s ?p ?o }")
        assert other_seen == []
    finally:
        server.shutdown()
        other_server.shutdown()


def test_kg_on_virtuoso_builds_ingests_validates_and_exports(module_virtuoso_server, tmp_path):
    """Virtuoso 7.2 answered a chunked Graph Store PUT "201 Created" and stored nothing, and reset
    the connection from Python: uploads now carry a Content-Length, and the update and Graph Store
    URLs follow the server's Server header."""
    import os
    import subprocess

    kg = Path(sys.executable).with_name("kg")
    env = dict(os.environ, KG_STORE=module_virtuoso_server.query_url, KG_HOME=str(tmp_path / "home"))

    def run(*args):
        return subprocess.run([str(kg), *args], capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent)

    assert run("build").returncode == 0
    first = run("ingest", "examples/articles/")
    assert first.returncode == 0 and "2 of 2 documents written" in first.stdout, first.stderr
    assert "0 of 2 documents written" in run("ingest", "examples/articles/").stdout
    assert run("validate").returncode == 0
    out = tmp_path / "all.nq"
    assert run("export", "-f", "nquads", "-o", str(out)).returncode == 0
    graphs = {line.rsplit(" ", 2)[-2] for line in out.read_text(encoding="utf-8").splitlines() if line}
    assert any("example-analyst-note-un-veto" in g for g in graphs)
    assert not any("openlinksw" in g or "localhost:8890" in g for g in graphs)  # Virtuoso's own graphs stay out
