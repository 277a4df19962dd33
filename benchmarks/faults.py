"""Fault injection: kill points, races, hostile files, hostile requests and misbehaving servers.

``python -m benchmarks.faults`` runs every case against the real components (the ``kg`` command
in subprocesses, the embedded store, the memory store, an Oxigraph server as a remote store,
``kg serve``) and writes a table to benchmarks/results/faults.md: each case, what was expected,
what happened, and the number of data-loss cases (graphs that were committed and then missing,
or a graph half-written), which must be 0. ``--quick`` tries fewer kill points.

A kill point is a SIGKILL sent to ``kg ingest`` after a delay spread over the run: afterwards the
store must hold exactly the graphs it held before, or exactly those plus the new ones.
"""

from __future__ import annotations

import argparse
import http.server
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.ingest import generate

RESULTS = Path(__file__).parent / "results" / "faults.md"
KG = Path(sys.executable).with_name("kg")


@dataclass
class Case:
    area: str
    case: str
    expected: str
    passed: bool
    detail: str = ""
    data_loss: bool = False


def kg(home: Path, store: str, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, KG_HOME=str(home), KG_STORE=store, KG_LOCK_TIMEOUT="600")
    return subprocess.run([str(KG), *args], capture_output=True, text=True, env=env, timeout=timeout)


def graphs(home: Path, store: str) -> set[str]:
    """The named graphs in a store, listed by ``kg query``."""
    env = dict(os.environ, KG_HOME=str(home), KG_STORE=store)
    done = subprocess.run([str(KG), "query", "-f", "csv", "-"], input="SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                          capture_output=True, text=True, env=env, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip())
    return set(done.stdout.splitlines()[1:])


def one_line_error(result: subprocess.CompletedProcess) -> bool:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return result.returncode != 0 and len(lines) == 1 and "Traceback" not in result.stderr


# --- kill points ----------------------------------------------------------------------------------

def kill_points(work: Path, label: str, points: int) -> list[Case]:
    """SIGKILL ``kg ingest`` of a batch at ``points`` moments spread over its run; the store must
    then hold the graphs of before, or those of a finished run, nothing in between. Each run
    starts on a new store (a new home, or a new Oxigraph server for the remote store)."""
    from graph.serve import OxigraphServer

    docs = work / f"docs-{label}"
    docs.mkdir()
    generate(docs, 0.15, seed=11)
    files = sorted(docs.glob("*.txt"))
    first, rest = files[:5], files[5:]
    servers: list[OxigraphServer] = []

    def fresh(n: int) -> tuple[Path, str]:
        home = work / f"home-{label}-{n}"
        store = label
        if label == "remote":
            servers.append(OxigraphServer(work / f"remote-db-{n}").start())
            store = servers[-1].query_url
        kg(home, store, "ingest", *map(str, first))
        return home, store

    try:
        home, store = fresh(0)
        before = graphs(home, store)
        start = time.monotonic()
        full = kg(home, store, "ingest", *map(str, rest))
        duration = time.monotonic() - start
        finished = graphs(home, store)
        if full.returncode != 0:
            return [Case("kill points", f"{label}: timing run", "ingest succeeds", False, full.stderr.strip()[:120])]
        between = 0
        for i in range(points):
            for server in servers:
                server.stop()
            servers.clear()
            home, store = fresh(i + 1)
            env = dict(os.environ, KG_HOME=str(home), KG_STORE=store)
            process = subprocess.Popen([str(KG), "ingest", *map(str, rest)], env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(duration * (i + 0.5) / points)
            process.send_signal(signal.SIGKILL)
            process.wait()
            if graphs(home, store) not in (before, finished):
                between += 1
    finally:
        for server in servers:
            server.stop()
    return [Case("kill points", f"{label}: kg ingest of {len(rest)} documents killed at {points} moments",
                 "the store as before or as after, never between", between == 0,
                 f"{points - between}/{points} before-or-after", data_loss=between > 0)]


# --- races ----------------------------------------------------------------------------------------

def races(work: Path) -> list[Case]:
    cases = []
    docs = work / "race-docs"
    docs.mkdir()
    generate(docs, 0.05, seed=13)
    files = sorted(docs.glob("*.txt"))
    half = len(files) // 2
    for store in ("oxigraph", "memory"):
        home = work / f"race-{store}"
        env = dict(os.environ, KG_HOME=str(home), KG_STORE=store)
        a = subprocess.Popen([str(KG), "ingest", *map(str, files[:half])], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        b = subprocess.Popen([str(KG), "ingest", *map(str, files[half:])], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        a.wait()
        b.wait()
        count = len([g for g in graphs(home, store) if "/document/" in g])
        ok = a.returncode == 0 and b.returncode == 0 and count == len(files)
        cases.append(Case("races", f"{store}: two kg ingest at once ({half} + {len(files) - half} documents)",
                          "both wait their turn, nothing lost", ok, f"{count} of {len(files)} documents",
                          data_loss=count != len(files)))
    # readers during writes
    from rdflib import Literal, URIRef

    from graph.store.oxigraph import OxigraphStore

    home = work / "readers"
    OxigraphStore(home).replace_graphs({URIRef("urn:g0"): [(URIRef("urn:s"), URIRef("urn:p"), Literal(0))]})
    stop, errors, reads = threading.Event(), [], [0]

    def reader():
        while not stop.is_set():
            try:
                OxigraphStore(home).graph_names()
                reads[0] += 1
            except Exception as err:  # noqa: BLE001 - every failure counts
                errors.append(repr(err))

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for i in range(40):
        OxigraphStore(home).replace_graphs({URIRef(f"urn:g{i % 3}"): [(URIRef("urn:s"), URIRef("urn:p"), Literal(i))]})
    stop.set()
    for t in threads:
        t.join()
    cases.append(Case("races", "readers during 40 commits", "no reader fails", not errors,
                      f"{reads[0]} reads, {len(errors)} failed"))
    return cases


# --- hostile files ----------------------------------------------------------------------------------

def bad_inputs(work: Path) -> list[Case]:
    home = work / "bad-inputs"
    good = work / "good.txt"
    good.write_text("Russia vetoed the draft resolution on Monday.\n")
    kg(home, "oxigraph", "ingest", str(good))
    before = graphs(home, "oxigraph")
    files: dict[str, Path] = {}
    folder = work / "bad"
    folder.mkdir(exist_ok=True)
    for name, content in [("empty.txt", b""), ("latin1.txt", b"caf\xe9"), ("nul.txt", b"a\x00b"),
                          ("header.txt", b"---\nid: [unclosed\n---\ntext\n")]:
        (folder / name).write_bytes(content)
        files[name] = folder / name
    (folder / "zero.txt").symlink_to("/dev/zero")
    files["symlink to /dev/zero"] = folder / "zero.txt"
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.txt")
        files["FIFO"] = folder / "fifo.txt"
    with open(folder / "big.txt", "wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    files["6 MB file"] = folder / "big.txt"
    cases = []
    for name, path in files.items():
        result = kg(home, "oxigraph", "ingest", str(path), timeout=60)
        unchanged = graphs(home, "oxigraph") == before
        cases.append(Case("bad input", f"kg ingest {name}", "one line, exit 1, store unchanged",
                          one_line_error(result) and unchanged, result.stderr.strip()[:100], data_loss=not unchanged))
    token = folder / "token.txt"
    token.write_text("a" * 1_000_000 + " End.\n")
    start = time.monotonic()
    result = kg(home, "oxigraph", "ingest", "--dry-run", str(token), timeout=600)
    seconds = time.monotonic() - start
    cases.append(Case("bad input", "one 1 MB token", "linear time", result.returncode == 0 and seconds < 60,
                      f"{seconds:.1f} s"))
    deep = folder / "deep.rq"
    deep.write_text("SELECT * WHERE " + "{ " * 3000 + "}" * 3000)
    result = kg(home, "oxigraph", "query", str(deep))
    cases.append(Case("bad input", "kg query nested 3,000 levels", "one line, exit 1", one_line_error(result),
                      result.stderr.strip()[:100]))
    return cases


# --- hostile requests --------------------------------------------------------------------------------

def _raw(host: str, port: int, data: bytes) -> bytes:
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(data)
        try:
            return sock.recv(4096)
        except TimeoutError:
            return b""


def hostile_requests(work: Path) -> list[Case]:
    from graph.build import build
    from graph.resources import default_data_dir
    from graph.serve import Endpoint
    from graph.store import open_store

    store = open_store("oxigraph", work / "serve-home")
    build(store, default_data_dir())
    cases = []
    with Endpoint(store, port=0, explorer=None, timeout=3) as endpoint:
        h, p = endpoint.host, endpoint.port

        def alive() -> bool:
            url = f"{endpoint.url}/query?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    return response.status == 200
            except OSError:
                return False

        def query(q: str) -> int:
            try:
                with urllib.request.urlopen(f"{endpoint.url}/query?{urllib.parse.urlencode({'query': q})}", timeout=30) as r:
                    return r.status
            except urllib.error.HTTPError as err:
                return err.code

        checks = [
            ("request target without a slash", lambda: _raw(h, p, b"GET explorer HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")[:12],
             b"HTTP/1.1 400"),
            ("query nested 3,000 levels", lambda: query("SELECT * WHERE " + "{ " * 3000 + "}" * 3000), 400),
            ("SERVICE to a loopback URL", lambda: query("SELECT * WHERE { SERVICE <http://127.0.0.1:1/admin> { ?s ?p ?o } }"),
             403),
            ("Host of another site (DNS rebinding)",
             lambda: _raw(h, p, b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: evil.example\r\n\r\n")[:12], b"HTTP/1.1 421"),
            ("cross-site POST", lambda: _raw(h, p, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n"
                                                b"Content-Length: 0\r\n\r\n")[:12], b"HTTP/1.1 403"),
            ("Content-Length: 99999999999", lambda: _raw(h, p, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                            b"Content-Length: 99999999999\r\n\r\n")[:12], b"HTTP/1.1 413"),
            ("Content-Length: -1", lambda: _raw(h, p, b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                   b"Content-Length: -1\r\n\r\n")[:12], b"HTTP/1.1 400"),
            ("cartesian product (timeout 3 s)",
             lambda: query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }") in (500, 503), True),
        ]
        for name, run, expected in checks:
            start = time.monotonic()
            got = run()
            ok = got == expected and alive()
            cases.append(Case("hostile request", name, "refused, engine still answers", ok,
                              f"{got!r} in {time.monotonic() - start:.1f} s"))
        with socket.create_connection((h, p), timeout=60) as sock:
            sock.sendall(b"GET /query HTTP/1.1\r\n")
            start = time.monotonic()
            closed = sock.recv(10) == b""
        cases.append(Case("hostile request", "half-sent request", "closed after 30 s", closed,
                          f"closed after {time.monotonic() - start:.0f} s"))
        endpoint.engine.process.kill()
        endpoint.engine.process.wait()
        cases.append(Case("hostile request", "engine killed", "restarted, queries answered", alive(),
                          f"{endpoint.restarts} restart"))
    return cases


# --- misbehaving remote servers ---------------------------------------------------------------------

def remote_servers(work: Path) -> list[Case]:
    from graph.errors import StoreError
    from graph.store.remote import RemoteStore

    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.2:9/query")
            self.end_headers()

        def log_message(self, *args):
            pass

    cases = []
    for name, handler, expected in (("a byte every second", Trickle, "cut off at KG_REMOTE_TIMEOUT"),
                                    ("302 to another origin", Redirect, "refused, no credentials sent")):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        os.environ.update(KG_REMOTE_TIMEOUT="3", KG_REMOTE_UNION="server")
        start = time.monotonic()
        try:
            RemoteStore(f"http://127.0.0.1:{server.server_address[1]}/query").query("ASK {}")
            ok, detail = False, "answered"
        except StoreError as err:
            ok, detail = time.monotonic() - start < 15, str(err)[:100]
        finally:
            server.shutdown()
            for key in ("KG_REMOTE_TIMEOUT", "KG_REMOTE_UNION"):
                os.environ.pop(key, None)
        cases.append(Case("remote server", name, expected, ok, detail))
    return cases


def write_results(cases: list[Case], seconds: float) -> str:
    lost = sum(c.data_loss for c in cases)
    passed = sum(c.passed for c in cases)
    lines = ["# Fault injection", "",
             f"`python -m benchmarks.faults` on {platform.machine()}, {os.cpu_count()} cores, Python "
             f"{platform.python_version()}: {len(cases)} cases, {passed} passed, **{lost} with data loss**, "
             f"{seconds:.0f} s.", "",
             "| area | case | expected | result | detail |", "|---|---|---|---|---|"]
    for c in cases:
        detail = c.detail.replace("|", "/").replace("\n", " ")
        lines.append(f"| {c.area} | {c.case} | {c.expected} | {'pass' if c.passed else '**FAIL**'} | {detail} |")
    text = "\n".join(lines) + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer kill points")
    args = parser.parse_args()
    points = 4 if args.quick else 10
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kg-faults-") as tmp:
        work = Path(tmp)
        cases = []
        for section in (lambda: kill_points(work, "oxigraph", points), lambda: kill_points(work, "memory", points),
                        lambda: kill_points(work, "remote", points), lambda: races(work), lambda: bad_inputs(work),
                        lambda: hostile_requests(work), lambda: remote_servers(work)):
            cases += section()
            print(f"{len(cases)} cases so far ({time.monotonic() - start:.0f} s)", file=sys.stderr)
    print(write_results(cases, time.monotonic() - start))
    if any(c.data_loss for c in cases):
        sys.exit(1)


if __name__ == "__main__":
    main()
