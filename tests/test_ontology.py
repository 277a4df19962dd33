"""The ontology declares exactly the terms the code uses, each defined, typed and mapped."""

import shutil
import subprocess

import pytest
from rdflib import Graph, URIRef

from graph.namespaces import ENTITY_CLASSES, ONT, OWL, RDF, RDFS, RELATIONS, SKOS, SYMMETRIC_RELATIONS
from graph.resources import ontology_dir

FILES = ("geokg.ttl", "mappings.ttl", "shapes.ttl")


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ontology_dir() / "geokg.ttl", format="turtle")


@pytest.fixture(scope="module")
def mappings():
    return Graph().parse(ontology_dir() / "mappings.ttl", format="turtle")


def test_every_term_of_the_code_is_declared_with_label_and_definition(ontology):
    for name in ONT.__annotations__:
        term = ONT[name]
        assert (term, RDF.type, None) in ontology, name
        assert ontology.value(term, RDFS.label), name
        assert ontology.value(term, RDFS.comment), name


def test_the_ontology_uses_no_term_the_code_lacks(ontology, mappings):
    used = {t for g in (ontology, mappings) for triple in g for t in triple
            if isinstance(t, URIRef) and str(t).startswith(str(ONT._NS))}
    assert {str(t)[len(str(ONT._NS)):] for t in used} <= set(ONT.__annotations__)


def test_relations_have_domain_and_range_and_symmetry_where_true(ontology):
    for name in RELATIONS:
        assert (ONT[name], RDF.type, OWL.ObjectProperty) in ontology, name
        assert ontology.value(ONT[name], RDFS.domain) and ontology.value(ONT[name], RDFS.range), name
    symmetric = {str(s)[len(str(ONT._NS)):] for s in ontology.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == set(SYMMETRIC_RELATIONS)
    assert (ONT.mutualDefenceWith, RDFS.subPropertyOf, ONT.alliedWith) in ontology
    assert (ONT.permanentMemberOf, RDFS.subPropertyOf, ONT.memberOf) in ontology


def test_entity_classes_sit_in_the_hierarchy(ontology):
    tops = {ONT.Actor, ONT.Agreement, ONT.Event, ONT.Place}
    for name in ENTITY_CLASSES:
        cls, seen = ONT[name], set()
        while cls not in tops and cls not in seen:
            seen.add(cls)
            cls = ontology.value(cls, RDFS.subClassOf)
            assert cls is not None, name
        assert cls in tops, name


def test_key_relations_map_to_wikidata_and_event_codes(mappings):
    def targets(name):
        return {str(o) for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.relatedMatch)
                for o in mappings.objects(ONT[name], p)}

    assert "http://www.wikidata.org/entity/P463" in targets("memberOf")
    assert "http://www.wikidata.org/entity/P585" in targets("pointInTime")
    assert any("plover/SANCTION" in t for t in targets("sanctions"))
    assert any("cameo/" in t for t in targets("suppliesArmsTo"))


@pytest.mark.skipif(not shutil.which("rapper"), reason="raptor2-utils (rapper) is not installed")
@pytest.mark.parametrize("name", FILES)
def test_ontology_files_parse_in_an_independent_parser(name):
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(ontology_dir() / name)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
