"""kg import: RDF files into every backend, whole graphs replaced, bad files leave the store as it was."""

import io
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.errors import InputError
from graph.imports import import_files
from graph.namespaces import Instances
from graph.query import run_named
from graph.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
from server_support import oxigraph_server  # noqa: E402,F401  (a pytest fixture)

EX = "http://ex.org/"


def nq(s, o, g):
    return f"<{EX}{s}> <{EX}p> \"{o}\" <{EX}{g}> .\n"


def dump(store) -> list[bytes]:
    out = io.BytesIO()
    store.dump(out)
    return sorted(line for line in out.getvalue().splitlines() if line.strip())


def objects(store, graph) -> list[str]:
    rows = store.query("SELECT ?o WHERE { GRAPH <%s> { ?s ?p ?o } } ORDER BY ?o" % graph).rows
    return [str(r[0]) for r in rows]


@pytest.fixture(params=["oxigraph", "memory", "remote"])
def store(request, tmp_path):
    if request.param == "remote":
        return open_store(request.getfixturevalue("oxigraph_server").query_url)
    return open_store(request.param, tmp_path / "home")


def test_graphs_in_the_file_replace_the_stores_whole_and_the_others_stay(store, tmp_path):
    first = tmp_path / "first.nq"
    first.write_text(nq("a", "old", "g1") + nq("b", "old too", "g1") + nq("c", "kept", "g2"))
    import_files(store, [first])
    second = tmp_path / "second.nq"
    second.write_text(nq("a", "new", "g1"))
    import_files(store, [second])
    assert objects(store, EX + "g1") == ["new"] and objects(store, EX + "g2") == ["kept"]


def test_turtle_goes_to_the_graph_asked_for_or_one_named_after_the_file(store, tmp_path):
    ttl = tmp_path / "notes.ttl"
    ttl.write_text(f"<{EX}a> <{EX}p> \"from turtle\" .\n")
    report = import_files(store, [ttl])
    assert report.default_graph == Instances().graph_import("notes")
    assert objects(store, report.default_graph) == ["from turtle"]
    import_files(store, [ttl], graph=URIRef(EX + "mine"))
    assert objects(store, EX + "mine") == ["from turtle"]


def test_an_export_imported_elsewhere_gives_the_same_store_and_counts(bundled_oxigraph, store, tmp_path):
    from graph.export import export

    path = tmp_path / "all.nq"
    with open(path, "wb") as out:
        export(bundled_oxigraph, "nquads", out)
    import_files(store, [path])
    assert dump(store) == dump(bundled_oxigraph)
    assert run_named(store, "count-statements-by-relation", limit=0).rows == \
        run_named(bundled_oxigraph, "count-statements-by-relation", limit=0).rows


def test_a_large_line_file_loaded_in_parallel_slices_is_loaded_whole(tmp_path):
    path = tmp_path / "many.nq"
    path.write_text("".join(nq(f"s{i}", f"value {i}", f"g{i % 7}") for i in range(20_000)))
    store = open_store("oxigraph", tmp_path / "home")
    import_files(store, [path])
    assert len(dump(store)) == 20_000  # every quad, none twice, none lost at a slice boundary
    assert set(objects(store, EX + "g3")) == {f"value {i}" for i in range(20_000) if i % 7 == 3}


def test_a_blank_node_is_one_node_in_its_file_and_another_in_the_next(store, tmp_path):
    # first and last line of a file big enough to be cut into slices on the default store
    lines = [f"_:n <{EX}first> \"1\" <{EX}g> .\n"] + [nq(f"s{i}", i, "g") for i in range(5_000)]
    (tmp_path / "a.nq").write_text("".join(lines) + f"_:n <{EX}last> \"2\" <{EX}g> .\n")
    (tmp_path / "b.nq").write_text(f"_:n <{EX}other> \"3\" <{EX}h> .\n")
    import_files(store, [tmp_path / "a.nq", tmp_path / "b.nq"])
    rows = store.query(f"SELECT ?n WHERE {{ ?n <{EX}first> ?a ; <{EX}last> ?b }}").rows
    assert len(rows) == 1
    assert not store.query(f"ASK {{ ?n <{EX}first> ?a ; <{EX}other> ?c }}").boolean


@pytest.mark.parametrize("content, message", [
    (None, "file not found"),
    (b"", "empty file"),
    (b"<http://ex.org/a> <http://ex.org/p> \"unterminated .\n", "bad N-Quads"),
    (b"<http://ex.org/a> <http://ex.org/p> \"\xff\xfe\" <http://ex.org/g> .\n", "bad N-Quads"),
])
def test_a_bad_file_is_one_clear_error_and_the_store_is_left_as_it_was(store, tmp_path, content, message):
    good = tmp_path / "good.nq"
    good.write_text(nq("a", "before", "g1"))
    import_files(store, [good])
    before = dump(store)
    bad = tmp_path / "bad.nq"
    if content is not None:  # an error after good lines: the first slice may load before it is found
        bad.write_bytes(nq("x", "fine line", "g9").encode() * 50 + content if content else b"")
    with pytest.raises(InputError, match=message) as info:
        import_files(store, [good, bad])
    assert "bad.nq" in str(info.value) and "\n" not in str(info.value)
    assert dump(store) == before


def test_an_unknown_format_or_graph_iri_is_refused(tmp_path):
    store = open_store("memory")
    odd = tmp_path / "data.xyz"
    odd.write_text("whatever")
    with pytest.raises(InputError, match="unknown RDF format"):
        import_files(store, [odd])
    ttl = tmp_path / "a.ttl"
    ttl.write_text(f"<{EX}a> <{EX}p> \"x\" .\n")
    with pytest.raises(InputError, match="bad graph IRI"):
        import_files(store, [ttl], graph=URIRef("not an iri"))


def test_kg_import_from_the_command_line(kg, tmp_path):
    path = tmp_path / "one.nq"
    path.write_text(nq("a", "hello", "g1"))
    result = kg("import", str(path))
    assert result.exit_code == 0 and "imported 1 file(s)" in result.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    result = kg("import", str(bad))
    assert result.exit_code == 1 and "bad.ttl" in result.output and "Traceback" not in result.output
    assert kg("query", "-", input="SELECT ?o WHERE { ?s ?p ?o }").output.count("hello") == 1
