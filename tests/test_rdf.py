"""The statement model: direct triple plus a qualified, evidenced statement node with stable IRIs."""

from rdflib import Literal

from graph.model import Assertion, Evidence, PartialDate, Quantity
from graph.namespaces import OA, ONT, PROV, RDF, XSD, Instances
from graph.rdf import assertion_triples, date_literal, statement_iri

INST = Instances("http://ex.org/")


def _fact(**kw):
    base = dict(subject="north-korea", relation="suppliesArmsTo", object="russia",
                evidence=Evidence("doc", "shells were shipped", 10, 29))
    base.update(kw)
    return Assertion(**base)


def test_statement_iri_is_deterministic_and_depends_on_evidence_position():
    assert statement_iri(_fact(), INST) == statement_iri(_fact(), INST)
    moved = _fact(evidence=Evidence("doc", "shells were shipped", 99, 118))
    assert statement_iri(moved, INST) != statement_iri(_fact(), INST)
    assert statement_iri(_fact(producer="geokg-rules/0.1"), INST) != statement_iri(_fact(), INST)


def test_statement_node_carries_qualifiers_and_evidence():
    a = _fact(certainty="reported", start_time=PartialDate.parse("2023"), according_to="rusi",
              quantity=Quantity("millions", None, "artillery shells"), materiel="artillery shells")
    triples = set(assertion_triples(a, INST))
    st = statement_iri(a, INST)
    assert (st, RDF.type, RDF.Statement) in triples
    assert (st, ONT.certainty, ONT.Reported) in triples
    assert (st, ONT.startTime, Literal("2023", datatype=XSD.gYear)) in triples
    assert (st, ONT.accordingTo, INST.entity("rusi")) in triples
    assert (st, PROV.wasDerivedFrom, INST.document("doc")) in triples
    sel = INST.selector("doc", 10, 29)
    assert {(sel, OA.exact, Literal("shells were shipped")), (sel, OA.start, Literal(10)), (sel, OA.end, Literal(29))} <= triples
    assert (INST.entity("north-korea"), ONT.suppliesArmsTo, INST.entity("russia")) in triples


def test_denied_facts_get_no_direct_triple():
    triples = set(assertion_triples(_fact(certainty="denied"), INST))
    assert (INST.entity("north-korea"), ONT.suppliesArmsTo, INST.entity("russia")) not in triples
    assert any(p == ONT.certainty and o == ONT.Denied for _, p, o in triples)


def test_dates_are_typed_as_precisely_as_known():
    assert date_literal(PartialDate.parse("2024-06-19")).datatype == XSD.date
    assert date_literal(PartialDate.parse("2024-06")).datatype == XSD.gYearMonth
    assert date_literal(PartialDate.parse("2024")).datatype == XSD.gYear


def test_no_blank_nodes_anywhere(bundled_memory):
    from rdflib import BNode

    dataset = bundled_memory.dataset
    assert not any(isinstance(t, BNode) for q in dataset.quads((None, None, None, None)) for t in q[:3])
