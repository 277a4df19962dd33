"""From the model to RDF: entities, documents and assertions as triples (the statement model).

Each assertion becomes a direct triple (``:russia ont:vetoed :draft``, left out when the text
denies the fact) and an ``rdf:Statement`` node carrying certainty, time, quantity, source
document, evidence (a W3C Web Annotation selector with the exact quote and offsets) and who
produced it. All IRIs are deterministic, so loading the same input twice changes nothing.

>>> from graph.model import Evidence
>>> a = Assertion("russia", "vetoed", "draft", Evidence("d1", "Russia vetoed", 0, 13))
>>> triples = assertion_triples(a, Instances("http://ex.org/"))
>>> (URIRef("http://ex.org/entity/russia"), ONT.vetoed, URIRef("http://ex.org/entity/draft")) in triples
True
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Iterable

from rdflib import Literal, URIRef

from .model import Assertion, Document, Entity, PartialDate
from .namespaces import CERTAINTY_IRIS, DCTERMS, OA, ONT, OWL, PROV, RDF, RDFS, SKOS, WD, XSD, Instances

__all__ = [
    "Triple",
    "date_literal",
    "entity_triples",
    "document_triples",
    "assertion_triples",
    "agent_triples",
    "agent_graphs",
    "statement_iri",
]

Triple = tuple[URIRef, URIRef, object]

_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}


def date_literal(date: PartialDate) -> Literal:
    """A date typed as precisely as it is known: xsd:date, xsd:gYearMonth or xsd:gYear."""
    return Literal(date.value, datatype=_DATE_TYPES[date.precision])


def _en(text: str) -> Literal:
    return Literal(text, lang="en")


def agent_iri(producer: str, inst: Instances) -> URIRef:
    return inst.agent(producer)


def agent_triples(producer: str, inst: Instances) -> list[Triple]:
    """Who produced a fact: the curation team or a named, versioned extractor."""
    iri = agent_iri(producer, inst)
    if producer == "curated":
        return [(iri, RDF.type, PROV.Agent), (iri, RDFS.label, _en("hand-curated facts"))]
    return [(iri, RDF.type, PROV.SoftwareAgent), (iri, RDFS.label, Literal(producer))]


def agent_graphs(producers: Iterable[str], inst: Instances) -> dict[URIRef, list[Triple]]:
    """Each producer's description in its own named graph (see :meth:`Instances.graph_agent`)."""
    return {inst.graph_agent(p): agent_triples(p, inst) for p in sorted(set(producers))}


def entity_triples(entity: Entity, inst: Instances) -> list[Triple]:
    """Class, labels, aliases, Wikidata link and description of one entity."""
    iri = inst.entity(entity.id)
    triples: list[Triple] = [
        (iri, RDF.type, ONT[entity.cls]),
        (iri, RDFS.label, _en(entity.label)),
        (iri, SKOS.prefLabel, _en(entity.label)),
        (iri, ONT.producedBy, agent_iri(entity.producer, inst)),
    ]
    triples += [(iri, SKOS.altLabel, _en(alias)) for alias in entity.aliases]
    triples += [(iri, SKOS.hiddenLabel, _en(name)) for name in entity.hidden]
    if entity.wikidata:
        triples.append((iri, OWL.sameAs, WD[entity.wikidata]))
    if entity.description:
        triples.append((iri, RDFS.comment, _en(entity.description)))
    return triples


def document_triples(doc: Document, inst: Instances, producer: str = "curated") -> list[Triple]:
    """The metadata of a source document (its text stays in the file; its hash is kept).

    ``producer`` says who added it: ``curated`` for the corpus of ``kg build``, the extractor for
    ``kg ingest``; a rebuild drops corpus documents whose files are gone and keeps ingested ones.
    """
    iri = inst.document(doc.id)
    triples: list[Triple] = [
        (iri, RDF.type, ONT.Document),
        (iri, ONT.producedBy, agent_iri(producer, inst)),
        (iri, DCTERMS.title, Literal(doc.title)),
        (iri, DCTERMS.identifier, Literal(doc.id)),
        (iri, ONT.documentKind, Literal(doc.kind)),
        (iri, ONT.characterCount, Literal(len(doc.text))),
        (iri, ONT.sha256, Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest())),
    ]
    if doc.publisher:
        triples.append((iri, DCTERMS.publisher, Literal(doc.publisher)))
    if doc.date:
        triples.append((iri, DCTERMS.date, date_literal(doc.date)))
    if doc.date_end:
        triples.append((iri, ONT.endTime, date_literal(doc.date_end)))
    if doc.url:
        triples.append((iri, DCTERMS.source, URIRef(doc.url)))
    return triples


def statement_iri(a: Assertion, inst: Instances) -> URIRef:
    return inst.statement(a.subject, a.relation, a.object, a.evidence.document, a.evidence.start, a.producer)


def assertion_triples(a: Assertion, inst: Instances) -> list[Triple]:
    """The direct triple (unless denied) and the qualified statement node of one assertion."""
    subject, obj, predicate = inst.entity(a.subject), inst.entity(a.object), ONT[a.relation]
    st = statement_iri(a, inst)
    doc = inst.document(a.evidence.document)
    ev = inst.evidence(a.evidence.document, a.evidence.start, a.evidence.end)
    sel = inst.selector(a.evidence.document, a.evidence.start, a.evidence.end)
    triples: list[Triple] = []
    if a.certainty != "denied":
        triples.append((subject, predicate, obj))
    triples += [
        (st, RDF.type, RDF.Statement),
        (st, RDF.subject, subject),
        (st, RDF.predicate, predicate),
        (st, RDF.object, obj),
        (st, ONT.certainty, CERTAINTY_IRIS[a.certainty]),
        (st, PROV.wasDerivedFrom, doc),
        (st, ONT.evidence, ev),
        (st, ONT.producedBy, agent_iri(a.producer, inst)),
        (st, ONT.confidence, Literal(Decimal(str(round(a.confidence, 3))), datatype=XSD.decimal)),
        (ev, RDF.type, OA.SpecificResource),
        (ev, OA.hasSource, doc),
        (ev, OA.hasSelector, sel),
        (sel, RDF.type, OA.TextQuoteSelector),
        (sel, RDF.type, OA.TextPositionSelector),
        (sel, OA.exact, Literal(a.evidence.quote)),
        (sel, OA.start, Literal(a.evidence.start)),
        (sel, OA.end, Literal(a.evidence.end)),
    ]
    for prop, value in ((ONT.pointInTime, a.point_in_time), (ONT.startTime, a.start_time), (ONT.endTime, a.end_time)):
        if value is not None:
            triples.append((st, prop, date_literal(value)))
    if a.quantity is not None:
        triples.append((st, ONT.quantityText, Literal(a.quantity.text)))
        if a.quantity.amount is not None:
            triples.append((st, ONT.quantity, Literal(a.quantity.amount, datatype=XSD.decimal)))
        if a.quantity.unit:
            triples.append((st, ONT.unit, Literal(a.quantity.unit)))
    if a.materiel:
        triples.append((st, ONT.materiel, Literal(a.materiel)))
    if a.according_to:
        triples.append((st, ONT.accordingTo, inst.entity(a.according_to)))
    if a.note:
        triples.append((st, RDFS.comment, Literal(a.note)))
    return triples


def assertions_triples(assertions: Iterable[Assertion], inst: Instances) -> list[Triple]:
    """Triples of many assertions, without duplicates (their producers go in :func:`agent_graphs`)."""
    seen: set = set()
    out: list[Triple] = []
    for a in assertions:
        for t in assertion_triples(a, inst):
            if t not in seen:
                seen.add(t)
                out.append(t)
    return out
