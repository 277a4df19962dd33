"""kg build: everything checked before the store is touched, idempotent, and transactional."""

import io
import shutil

import pytest

from graph.build import build
from graph.errors import InputError
from graph.store import open_store


def dump(store) -> list[bytes]:
    out = io.BytesIO()
    store.dump(out)
    return sorted(out.getvalue().splitlines())


def test_build_reports_what_it_loaded(tmp_path, fixture_corpus):
    report = build(open_store("oxigraph", tmp_path), fixture_corpus)
    assert (report.documents, report.entities, report.assertions) == (1, 5, 5)
    assert report.graphs == 6  # ontology, entities, curated, publishers, one document, the curators (agent)


def test_building_twice_gives_the_same_graph(tmp_path, data_dir):
    store = open_store("oxigraph", tmp_path)
    build(store, data_dir)
    first = dump(store)
    build(store, data_dir)
    assert dump(store) == first


def test_a_bad_corpus_leaves_the_previous_graph_intact(tmp_path, fixture_corpus):
    store = open_store("oxigraph", tmp_path)
    build(store, fixture_corpus)
    before = dump(store)
    (fixture_corpus / "documents" / "veto-brief.txt").write_bytes(b"---\nid: veto-brief\ntitle: T\n---\n\xff\xfe")
    with pytest.raises(InputError, match="not UTF-8"):
        build(store, fixture_corpus)
    assert dump(store) == before


def test_removed_documents_disappear_on_rebuild(tmp_path, fixture_corpus):
    store = open_store("memory", tmp_path)
    shutil.copy(fixture_corpus / "documents" / "veto-brief.txt", fixture_corpus / "documents" / "second.txt")
    text = (fixture_corpus / "documents" / "second.txt").read_text().replace("id: veto-brief", "id: second")
    (fixture_corpus / "documents" / "second.txt").write_text(text)
    build(store, fixture_corpus)
    assert any(str(g).endswith("/document/second") for g in store.graph_names())
    (fixture_corpus / "documents" / "second.txt").unlink()
    build(store, fixture_corpus)
    assert not any(str(g).endswith("/document/second") for g in store.graph_names())


def test_rebuild_keeps_documents_added_by_ingest(tmp_path, fixture_corpus):
    from graph.documents import parse_document
    from graph.namespaces import Instances
    from graph.rdf import document_triples

    store = open_store("oxigraph", tmp_path)
    build(store, fixture_corpus)
    inst = Instances()
    extra = parse_document("---\nid: later\ntitle: Later news\n---\nRussia vetoed it.\n", "later.txt")
    store.replace_graphs({inst.graph_document("later"): document_triples(extra, inst, producer="geokg-rules/0.1")})
    build(store, fixture_corpus)
    assert inst.graph_document("later") in store.graph_names()


def test_rebuild_keeps_the_producers_of_ingested_documents(tmp_path, fixture_corpus):
    from graph.extract import PRODUCER
    from graph.ingest import ingest
    from graph.namespaces import Instances
    from graph.registry import load_registry

    store = open_store("oxigraph", tmp_path / "home")
    build(store, fixture_corpus)
    later = tmp_path / "later.txt"
    later.write_text("---\nid: later\ntitle: Later news\ndate: 2024-06-20\n---\nRussia vetoed the draft.\n")
    ingest(store, [later], registry=load_registry(fixture_corpus / "entities.yaml"))
    build(store, fixture_corpus)
    inst = Instances()
    assert {inst.graph_document("later"), inst.graph_agent(PRODUCER)} <= set(store.graph_names())


def test_rebuild_keeps_imported_graphs(tmp_path, fixture_corpus):
    from graph.imports import import_files

    store = open_store("oxigraph", tmp_path / "home")
    build(store, fixture_corpus)
    notes = tmp_path / "notes.nq"
    notes.write_text('<http://ex.org/a> <http://ex.org/p> "kept" <http://ex.org/notes> .\n')
    import_files(store, [notes])
    build(store, fixture_corpus)
    assert store.query('ASK { GRAPH <http://ex.org/notes> { ?s ?p "kept" } }').boolean
