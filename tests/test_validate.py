"""SHACL validation: the bundled graph conforms; a statement without evidence does not."""

from rdflib import Literal, URIRef

from graph.build import build
from graph.namespaces import ONT, RDF, Instances
from graph.store import open_store
from graph.validate import validate


def test_bundled_graph_conforms_to_the_shapes(bundled):
    result = validate(bundled)
    assert result.conforms, result.violations[:5]


def test_a_statement_without_evidence_or_certainty_is_reported(tmp_path, fixture_corpus):
    store = open_store("memory")
    build(store, fixture_corpus)
    st = URIRef(Instances().base + "statement/handmade")
    russia, china = Instances().entity("russia"), Instances().entity("china")
    store.replace_graphs({URIRef("http://ex.org/bad"): [
        (st, RDF.type, RDF.Statement), (st, RDF.subject, russia), (st, RDF.predicate, ONT.sanctions),
        (st, RDF.object, china), (st, ONT.pointInTime, Literal("sometime in 2024")),
    ]})
    result = validate(store)
    assert not result.conforms
    bad = [v for v in result.violations if v["focus"] == str(st)]
    paths = {v["path"].rsplit("#", 1)[-1].rsplit("/", 1)[-1] for v in bad}
    assert {"evidence", "certainty", "wasDerivedFrom", "pointInTime"} <= paths
    assert all(v["message"] for v in bad)
