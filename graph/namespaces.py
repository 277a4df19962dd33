"""Every IRI the package uses, in one place.

Ontology terms live in :class:`ONT`, a closed ``DefinedNamespace``: a misspelt term such as
``ONT.vetoes`` raises ``AttributeError`` instead of silently minting a new IRI. Instance IRIs
(entities, documents, statements, named graphs) live under a configurable base, see
:class:`Instances`.

>>> ONT.vetoed
rdflib.term.URIRef('https://w3id.org/geokg/ontology#vetoed')
>>> Instances("http://example.org/kg/").entity("russia")
rdflib.term.URIRef('http://example.org/kg/entity/russia')
"""

from __future__ import annotations

import hashlib
import os
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

__all__ = [
    "ONT",
    "OA",
    "WD",
    "WDT",
    "PLOVER",
    "CAMEO",
    "Instances",
    "ENTITY_CLASSES",
    "RELATIONS",
    "SYMMETRIC_RELATIONS",
    "CERTAINTY_IRIS",
    "DEFAULT_BASE",
    "PREFIXES",
    "DCTERMS",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SH",
    "SKOS",
    "XSD",
]

ONTOLOGY_IRI = "https://w3id.org/geokg/ontology"
DEFAULT_BASE = "https://w3id.org/geokg/id/"


class ONT(DefinedNamespace):
    """The geokg ontology: classes, relations and statement qualifiers (see ontology/geokg.ttl)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # --- classes -------------------------------------------------------------------------
    Actor: URIRef
    State: URIRef
    Person: URIRef
    PoliticalLeader: URIRef
    Analyst: URIRef
    Organization: URIRef
    InternationalOrganization: URIRef
    GovernmentBody: URIRef
    ThinkTank: URIRef
    MediaOrganization: URIRef
    ArmedForces: URIRef
    ResearchProgramme: URIRef
    Agreement: URIRef
    Treaty: URIRef
    Resolution: URIRef
    DraftResolution: URIRef
    Event: URIRef
    Conflict: URIRef
    Summit: URIRef
    Talks: URIRef
    Deployment: URIRef
    Transfer: URIRef
    Vote: URIRef
    Place: URIRef
    Document: URIRef
    Certainty: URIRef

    # --- certainty values (instances of Certainty) ---------------------------------------
    Confirmed: URIRef
    Reported: URIRef
    Speculative: URIRef
    Denied: URIRef

    # --- relations between entities (each also a statement predicate) -------------------
    leaderOf: URIRef
    memberOf: URIRef
    permanentMemberOf: URIRef
    partyTo: URIRef
    signatoryOf: URIRef
    alliedWith: URIRef
    mutualDefenceWith: URIRef
    cooperatesWith: URIRef
    vetoed: URIRef
    votedFor: URIRef
    votedAgainst: URIRef
    abstainedOn: URIRef
    supports: URIRef
    condemned: URIRef
    sanctions: URIRef
    targets: URIRef
    adoptedBy: URIRef
    suppliesArmsTo: URIRef
    transfersMilitaryTechnologyTo: URIRef
    providesMilitaryAidTo: URIRef
    deploysTroopsTo: URIRef
    trains: URIRef
    providesEconomicAidTo: URIRef
    sendsWorkersTo: URIRef
    recognises: URIRef
    invaded: URIRef
    occupies: URIRef
    replaces: URIRef
    endedBy: URIRef
    successorOf: URIRef
    affiliatedWith: URIRef
    fellowOf: URIRef
    directorOf: URIRef
    sponsors: URIRef
    hosts: URIRef
    warns: URIRef
    negotiatesWith: URIRef
    participatedIn: URIRef
    officialOf: URIRef
    ratified: URIRef
    visited: URIRef
    metWith: URIRef
    violates: URIRef
    establishedBy: URIRef
    undermines: URIRef
    accuses: URIRef
    locatedIn: URIRef
    partOf: URIRef

    # --- statement qualifiers and references ---------------------------------------------
    certainty: URIRef
    pointInTime: URIRef
    startTime: URIRef
    endTime: URIRef
    quantity: URIRef
    quantityText: URIRef
    unit: URIRef
    materiel: URIRef
    accordingTo: URIRef
    evidence: URIRef
    confidence: URIRef
    producedBy: URIRef

    # --- statement tallies (what the count queries read) ----------------------------------
    StatementTally: URIRef
    tallyCertainty: URIRef
    tallyRelation: URIRef
    tallyCount: URIRef

    # --- review decisions (kg review) ------------------------------------------------------
    ReviewStatus: URIRef
    Accepted: URIRef
    Rejected: URIRef
    Corrected: URIRef
    reviewStatus: URIRef
    reviewedBy: URIRef
    reviewedAt: URIRef
    reviewNote: URIRef
    correctedAs: URIRef

    # --- source grading and credibility (graph/credibility.py) ---------------------------
    Publisher: URIRef
    reliability: URIRef
    publishedBy: URIRef
    Fact: URIRef
    aboutFact: URIRef
    credibility: URIRef
    independentSources: URIRef
    contradictingSources: URIRef
    conflictsWith: URIRef
    contradictedBy: URIRef

    # --- document metadata ---------------------------------------------------------------
    documentKind: URIRef
    characterCount: URIRef
    page: URIRef
    sha256: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation terms used for evidence (https://www.w3.org/TR/annotation-vocab/)."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef
    start: URIRef
    end: URIRef


WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
PLOVER = Namespace("https://w3id.org/geokg/plover/")
CAMEO = Namespace("https://w3id.org/geokg/cameo/")

PREFIXES = {
    "ont": ONT._NS,
    "oa": OA._NS,
    "wd": WD,
    "wdt": WDT,
    "plover": PLOVER,
    "cameo": CAMEO,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "owl": OWL._NS,
    "xsd": XSD._NS,
    "skos": SKOS._NS,
    "prov": PROV._NS,
    "dcterms": DCTERMS._NS,
    "sh": SH._NS,
}


def _digest(*parts: object) -> str:
    """A short, stable hash of the parts: the basis of deterministic IRIs."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class Instances:
    """Mints instance IRIs under one base, so a deployment can choose its own domain.

    The base comes from the argument, else the ``KG_BASE`` environment variable, else
    :data:`DEFAULT_BASE`. Every IRI is deterministic: the same input gives the same IRI.
    """

    def __init__(self, base: str | None = None):
        base = base or os.environ.get("KG_BASE") or DEFAULT_BASE
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base
        self.ns = Namespace(base)

    def entity(self, entity_id: str) -> URIRef:
        return self.ns["entity/" + entity_id]

    def document(self, doc_id: str) -> URIRef:
        return self.ns["document/" + doc_id]

    def statement(self, subject: str, relation: str, obj: str, doc_id: str, start: int, producer: str = "curated") -> URIRef:
        """One IRI per fact, evidence position and producer: the curated and the extracted
        version of a fact stay two statements, so either can be replaced on its own."""
        return self.ns["statement/" + _digest(subject, relation, obj, doc_id, start, producer)]

    def evidence(self, doc_id: str, start: int, end: int) -> URIRef:
        return self.ns["evidence/" + _digest(doc_id, start, end)]

    def selector(self, doc_id: str, start: int, end: int) -> URIRef:
        return self.ns["evidence/" + _digest(doc_id, start, end) + "/selector"]

    def agent(self, name: str) -> URIRef:
        return self.ns["agent/" + name]

    # named graphs
    def graph_ontology(self) -> URIRef:
        return self.ns["graph/ontology"]

    def graph_entities(self) -> URIRef:
        return self.ns["graph/entities"]

    def graph_curated(self) -> URIRef:
        return self.ns["graph/curated"]

    def graph_tallies(self) -> URIRef:
        """The statement counts kept up to date by every write (see graph/tallies.py)."""
        return self.ns["graph/tallies"]

    def tally(self, kind: str, term: URIRef) -> URIRef:
        """The tally of the statements of one certainty or relation (``kind``) in the tallies graph."""
        return self.ns[f"tally/{kind}/" + _digest(term)]

    def publisher(self, name: str) -> URIRef:
        """A publisher, by its name as :func:`graph.publishers.publisher_key` normalises it."""
        return self.ns["publisher/" + quote(name, safe="-._~")]

    def fact(self, subject: URIRef, relation: URIRef, obj: URIRef) -> URIRef:
        """One IRI per claim (subject, relation, object) across every document that makes it,
        named after its relation (``fact/votedFor/<hash>``): a query can keep one relation's facts
        with a string test on the IRI instead of a join (see queries/corroboration.rq)."""
        name = str(relation).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        return self.ns[f"fact/{quote(name, safe='')}/" + _digest(subject, relation, obj)]

    def graph_publishers(self) -> URIRef:
        """The publishers and their reliability grades, from the corpus's publishers.yaml."""
        return self.ns["graph/publishers"]

    def graph_credibility(self) -> URIRef:
        """Documents' publishers, recomputed by every write (graph/credibility.py)."""
        return self.ns["graph/credibility"]

    def graph_credibility_part(self, bucket: str) -> URIRef:
        """One of the 256 graphs of facts' credibility, by the first two hex digits of their hash:
        a small write rewrites only the buckets of the facts it touches (graph/credibility.py)."""
        return self.ns["graph/credibility/" + bucket]

    def graph_agent(self, name: str) -> URIRef:
        """One graph per producer (the curators, each extractor version), written by every command
        that stores its facts: in a single place, so the union graph holds its label once."""
        return self.ns["graph/agent/" + name]

    def graph_review(self) -> URIRef:
        """The reviewers' decisions and the facts they stand behind (see graph/decisions.py)."""
        return self.ns["graph/review"]

    def graph_import(self, name: str) -> URIRef:
        """Where ``kg import`` puts the triples of a file that are in no named graph."""
        return self.ns["graph/import/" + quote(name, safe="-._~")]

    def is_document_graph(self, graph: URIRef) -> bool:
        return str(graph).startswith(str(self.ns["graph/document/"]))

    def graph_document(self, doc_id: str) -> URIRef:
        return self.ns["graph/document/" + doc_id]

    def entity_id(self, iri: str) -> str | None:
        """The registry id of an entity IRI, or None if the IRI is not an entity of this base."""
        prefix = self.base + "entity/"
        return iri[len(prefix):] if str(iri).startswith(prefix) else None


#: Ontology classes an entity of the registry may have (everything but Document and Certainty).
ENTITY_CLASSES = (
    "Actor State Person PoliticalLeader Analyst Organization InternationalOrganization "
    "GovernmentBody ThinkTank MediaOrganization ArmedForces ResearchProgramme Agreement Treaty "
    "Resolution DraftResolution Event Conflict Summit Talks Deployment Transfer Vote Place"
).split()

#: Relations between entities: each is a direct triple and the predicate of a statement node.
RELATIONS = (
    "leaderOf memberOf permanentMemberOf partyTo signatoryOf alliedWith mutualDefenceWith "
    "cooperatesWith vetoed votedFor votedAgainst abstainedOn supports condemned sanctions targets "
    "adoptedBy suppliesArmsTo transfersMilitaryTechnologyTo providesMilitaryAidTo deploysTroopsTo "
    "trains providesEconomicAidTo sendsWorkersTo recognises invaded occupies replaces endedBy "
    "successorOf affiliatedWith fellowOf directorOf sponsors hosts warns negotiatesWith "
    "participatedIn locatedIn partOf officialOf ratified visited metWith violates establishedBy "
    "undermines accuses"
).split()

#: Relations that hold both ways (owl:SymmetricProperty in the ontology).
SYMMETRIC_RELATIONS = ("alliedWith", "mutualDefenceWith", "cooperatesWith", "negotiatesWith", "metWith")

#: Certainty names of the model and their ontology individuals.
CERTAINTY_IRIS = {
    "confirmed": ONT.Confirmed,
    "reported": ONT.Reported,
    "speculative": ONT.Speculative,
    "denied": ONT.Denied,
}
