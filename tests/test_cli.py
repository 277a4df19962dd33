"""The kg command: help everywhere, and for every kind of bad input one line, a non-zero exit,
no traceback, and the store exactly as it was."""

import json
import os
import subprocess
import sys
from pathlib import Path
import click
import pytest

from graph.cli import main


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


def test_every_command_has_help_text():
    commands = list(all_commands(main))
    assert {"build", "query", "export", "validate", "stats"} <= {path[0] for path, _ in commands}
    for path, command in commands:
        assert command.help and len(command.help.strip()) > 20, path


def test_build_query_export_stats_validate_end_to_end(kg, tmp_path):
    built = kg("build")
    assert built.exit_code == 0, built.output
    assert "statements" in built.output
    listed = kg("query", "--list")
    assert "actor-relations" in listed.output and "--param actor=<entity>" in listed.output
    vetoes = kg("query", "unsc-votes", "--format", "records")
    records = json.loads(vetoes.output)
    assert {"when": "2024-03", "voter": "Russia", "relation": "vetoed"}.items() <= records[3].items()
    assert kg("export", "-f", "turtle", "-o", str(tmp_path / "g.ttl")).exit_code == 0
    assert (tmp_path / "g.ttl").read_text().startswith("@prefix")
    stats = kg("stats")
    assert "entities by class" in stats.output and "statements by certainty" in stats.output
    assert kg("validate").exit_code == 0


def test_query_shows_a_page_and_says_so_on_stderr(kg):
    kg("build")
    page = kg("query", "statements", "--limit", "3", "--format", "csv")
    assert page.exit_code == 0 and len(page.stdout.splitlines()) == 4
    assert "showing the first 3 rows" in page.stderr and "--limit 0" in page.stderr
    every = kg("query", "statements", "--limit", "0", "--format", "csv")
    assert len(every.stdout.splitlines()) > 100 and every.stderr == ""


def test_adhoc_sparql_from_stdin_and_file(kg, tmp_path):
    kg("build")
    out = kg("query", "-", "--format", "csv", input="SELECT ?o WHERE { ?s ont:vetoed ?o }")
    lines = out.output.splitlines()  # W3C SPARQL CSV: full IRIs
    assert out.exit_code == 0 and lines[0] == "o" and len(lines) == 2 and lines[1].endswith("/entity/unsc-draft-2024-03")
    readable = kg("query", "-", "--format", "records", input="SELECT ?o WHERE { ?s ont:vetoed ?o }")
    assert json.loads(readable.output) == [{"o": "unsc-draft-2024-03"}]
    path = tmp_path / "q.rq"
    path.write_text("SELECT ?s WHERE { ?s rdfs:label ?name }")
    bound = kg("query", str(path), "--param", "name=Kim Jong-un", "--format", "csv")
    assert bound.output.splitlines() == ["s"]  # the label is tagged @en: a plain literal does not match


def test_validate_exits_2_when_it_cannot_run(kg):
    result = kg("validate")  # empty store
    assert result.exit_code == 2 and "run `kg build` first" in result.stderr


BAD_INPUTS = {
    "missing document": (lambda c: (c / "documents" / "veto-brief.txt").unlink(), None),
    "empty document": (lambda c: (c / "documents" / "veto-brief.txt").write_bytes(b""), "file is empty"),
    "non-UTF-8 document": (lambda c: (c / "documents" / "veto-brief.txt").write_bytes(
        b"---\nid: veto-brief\ntitle: T\n---\nKim Jong\xadun\xff\n"), "not UTF-8"),
    "YAML syntax error": (lambda c: (c / "entities.yaml").write_text("- id: russia\n  class: [State\n"),
                          "entities.yaml:3: YAML syntax error"),
    "unknown entity id": (lambda c: _edit(c, "subject: china", "subject: atlantis"), "unknown entity id 'atlantis'"),
    "unknown relation": (lambda c: _edit(c, "relation: abstainedOn", "relation: abstained"), "unknown relation 'abstained'"),
    "quote not in document": (lambda c: _edit(c, "quote: China abstained on the draft.", "quote: China wept."),
                              "quote not found"),
    "bad date": (lambda c: _edit(c, "time: 2024-03", "time: 2024-03-45"), "bad date"),
}


def assert_one_error_line(stderr: str, message: str) -> None:
    """The error is the last line of stderr (progress lines may come before it), and alone."""
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert [line for line in lines if line.startswith("Error: ")] == lines[-1:], stderr
    assert message in lines[-1]


def _edit(corpus, old, new):
    path = corpus / "curated" / "veto-brief.yaml"
    path.write_text(path.read_text().replace(old, new, 1))


def _store_dump(kg_process):
    return kg_process("export", "-f", "nquads").stdout


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_corpus_input_gives_one_line_and_leaves_the_store(kg_process, fixture_corpus, case):
    assert kg_process("build", "--data", str(fixture_corpus)).returncode == 0
    before = _store_dump(kg_process)
    damage, message = BAD_INPUTS[case]
    damage(fixture_corpus)
    if case == "missing document":  # the folder is empty: build must still refuse a corpus without facts' documents
        message = "unknown document 'veto-brief'"
    run = kg_process("build", "--data", str(fixture_corpus))
    assert run.returncode != 0
    assert_one_error_line(run.stderr, message)
    assert _store_dump(kg_process) == before


@pytest.mark.parametrize("args,message", [
    (["query", "-"], "SPARQL syntax error"),
    (["query", "no-such-query"], "unknown named query 'no-such-query'"),
    (["query", "unsc-votes", "--param", "colour=red"], "unknown parameter 'colour'"),
    (["query", "actor-relations", "--param", "actor=Atlantis"], "unknown entity 'Atlantis'"),
    (["query", "unconfirmed-claims", "--param", "certainty=rumoured"], "unknown certainty 'rumoured'"),
    (["build", "--data", "/nonexistent/corpus"], "data folder not found"),
])
def test_bad_queries_and_arguments_give_one_line(kg_process, fixture_corpus, args, message):
    kg_process("build", "--data", str(fixture_corpus))
    before = _store_dump(kg_process)
    run = kg_process(*args, input="SELECT ?x WHERE { ?x ")
    assert run.returncode != 0
    assert_one_error_line(run.stderr, message)
    assert _store_dump(kg_process) == before


def test_installed_command_works_from_any_folder(kg_process, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = kg_process("build", cwd=elsewhere)
    assert run.returncode == 0, run.stderr
    assert "2 documents" in run.stdout and " statements" in run.stdout


def test_control_characters_in_documents_never_reach_the_terminal(kg_process, tmp_path):
    """An escape sequence in a title (it would retitle the terminal window) is shown as U+FFFD."""
    doc = tmp_path / "e.txt"
    doc.write_bytes(b'---\nid: esc1\ntitle: "Evil \\x1b]0;pwned\\x07 title \\u202e"\ndate: 2024-01-01\n---\n'
                    b"Russia vetoed it. \x1b[31mRed\x1b[0m text.\n")
    assert kg_process("ingest", str(doc)).returncode == 0
    result = kg_process("query", "-", input="SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }")
    assert result.returncode == 0 and "Evil" in result.stdout
    assert not any(c in result.stdout + result.stderr for c in ("\x1b", "\x07", "\u202e"))
    bad = tmp_path / "\x1b[2Jname.txt"
    bad.write_bytes(b"")
    refused = kg_process("ingest", str(bad))
    assert refused.returncode == 1 and "\x1b" not in refused.stderr


def test_a_query_nested_three_thousand_levels_deep_is_refused_in_one_line(kg_process, tmp_path):
    """It once overflowed the engine's parser and killed the process with a segmentation fault."""
    query = tmp_path / "deep.rq"
    query.write_text("SELECT * WHERE " + "{ " * 3000 + "}" * 3000)
    result = kg_process("query", str(query))
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: the query nests 3000 levels deep (at most 200)"


def test_ctrl_c_stops_a_query_that_would_run_for_hours(kg_process, tmp_path, data_dir):
    import signal
    import time

    assert kg_process("build", "--data", str(data_dir)).returncode == 0
    env = dict(os.environ, KG_HOME=str(kg_process.home), KG_STORE="oxigraph")
    exe = Path(sys.executable).with_name("kg")
    proc = subprocess.Popen([str(exe), "query", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    proc.stdin.write("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    proc.stdin.close()
    time.sleep(3)  # well into the cartesian product
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "kg: query interrupted" in proc.stderr.read()


def test_misspelt_names_get_a_did_you_mean(kg_process, data_dir):
    assert kg_process("build", "--data", str(data_dir)).returncode == 0
    cases = [
        (("query", "treatys"), "did you mean treaties?"),
        (("query", "actor-relations", "-p", "actr=north-korea"), "did you mean actor?"),
        (("query", "actor-relations", "-p", "actor=North Kore"), "did you mean North Korea"),
        (("viz", "--relation", "suppliesArms", "-o", "x.html"), "did you mean suppliesArmsTo"),
    ]
    for args, hint in cases:
        result = kg_process(*args)
        assert result.returncode == 1 and hint in result.stderr, (args, result.stderr)


def test_stats_as_json_has_snake_case_keys_and_honours_top(kg_process, data_dir):
    assert kg_process("build", "--data", str(data_dir)).returncode == 0
    stats = json.loads(kg_process("stats", "-f", "json", "--top", "2").stdout)
    assert set(stats) == {"entities_by_class", "statements_by_relation", "statements_by_certainty", "statements_by_document"}
    assert all(len(section) <= 2 for section in stats.values())


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_query_results_in_the_w3c_formats_parse_with_a_sparql_client_library(kg, fmt):
    """rdflib's own SPARQL results parsers read what `kg query -f json|xml|csv|tsv` writes."""
    import io as _io

    from rdflib.query import Result

    kg("build")
    sparql = ('PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?e ?label ?missing WHERE { '
              '?e rdfs:label ?label FILTER(?label = "North Korea"@en) } LIMIT 1')
    out = kg("query", "-", "-f", fmt, input=sparql)
    assert out.exit_code == 0, out.output
    parsed = Result.parse(_io.StringIO(out.output) if fmt != "xml" else _io.BytesIO(out.output.encode()), format=fmt)
    rows = list(parsed)
    assert len(rows) == 1 and str(rows[0][0]).endswith("/entity/north-korea") and str(rows[0][1]) == "North Korea"
    if fmt in ("json", "xml", "tsv"):
        assert rows[0][1].language == "en" and rows[0][2] is None  # tagged literal, unbound left unbound


def test_construct_output_uses_the_project_prefixes(kg):
    kg("build")
    out = kg("query", "-", input="CONSTRUCT { ?s ont:vetoed ?o } WHERE { ?s ont:vetoed ?o }")
    assert "@prefix ont: <https://w3id.org/geokg/ontology#>" in out.output and "ns1:" not in out.output


def test_kg_query_refuses_service_in_one_line(kg_process, data_dir):
    """A SERVICE clause would make the embedded engine fetch any URL, the user's network included."""
    assert kg_process("build", "--data", str(data_dir)).returncode == 0
    result = kg_process("query", "-", input="SELECT * WHERE { SERVICE <http://127.0.0.1:9/admin> { ?s ?p ?o } }")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("Error: SERVICE <http://127.0.0.1:9/admin> is refused")
