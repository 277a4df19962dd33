"""Credibility 1-6 of every fact, from who states it, how, and who contradicts it (Admiralty grading).

A *fact* is a claim (subject, relation, object) across every document that states, hedges or
denies it; for a symmetric relation (``alliedWith`` ...) either direction is the same fact. Its
credibility follows the Admiralty (NATO) scale: 1 confirmed by other independent sources, 2
probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 truth cannot be judged.

**Independent sources.** Two statements come from the same source when their documents have the
same publisher (by name or alias from ``publishers.yaml``; a document with no publisher is a
source of its own), or they quote the same words (a syndicated copy: the same evidence quote of
at least :data:`COPY_MIN_WORDS` words, spacing aside), or their documents have the same text
(SHA-256), or the text attributes both to the same original source (``ont:accordingTo``).
"Same source" is transitive; the number of independent sources of a set of statements is the
number of groups it falls into.

**The counts.** For a fact, *S* is the number of independent sources among its statements whose
certainty is confirmed or reported; *C* the number among its contradictions: its own statements
with certainty denied, and the confirmed or reported statements of a *conflicting* fact (same
subject and object, a relation the ontology declares ``owl:propertyDisjointWith`` this one:
``votedFor`` / ``votedAgainst`` / ``abstainedOn`` / ``vetoed``).

**The rule**, first match wins:

====  =====================================================================================
 5    contradicted (C >= 1) by at least as many independent sources as state it (C >= S)
 6    contradicted, by fewer sources than state it: the sources disagree (cannot be judged)
 1    S >= 2: two or more independent sources state it, nothing contradicts it
 2    S = 1 and that source states it as confirmed in a document of a publisher graded A or B
 3    S = 1 otherwise (reported, or confirmed by a publisher graded C-F or without grade)
 4    only speculative statements ("may", "could", "likely")
====  =====================================================================================

>>> grade(sources=2, contradictions=0, strong=False, speculative=False)
1
>>> grade(sources=1, contradictions=0, strong=True, speculative=False), grade(1, 0, False, False)
(2, 3)
>>> grade(0, 0, False, True), grade(1, 1, True, False), grade(2, 1, True, False)
(4, 5, 6)

**Where it is computed, and why.** The grades are materialised into the named graph
``Instances.graph_credibility()`` by every write, in the same transaction (``kg build``,
``kg ingest``, ``kg import`` all go through :func:`graph.tallies.recount`), so they are never
stale and never half-written, and reading them costs one lookup per fact. Computing them at query
time would mean, in every query that shows a grade (the explorer's edge list, the corroboration
and dispute queries), grouping every statement of the store by fact and publisher with a
transitive notion of "same source" that SPARQL cannot express without a fixpoint. The
recomputation is one pass over the statements (four queries, then linear work in Python).

The graph holds: each document's ``ont:publishedBy`` publisher (a publisher named by a document
but not graded in publishers.yaml is added with grade F), and each fact (``ont:Fact``) with its
``ont:factSubject`` / ``ont:factRelation`` / ``ont:factObject``, ``ont:credibility``,
``ont:independentSources`` (S), ``ont:contradictingSources`` (C), the facts it
``ont:conflictsWith``, and every statement's ``ont:aboutFact`` link to its fact.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from rdflib import Literal, URIRef

from .namespaces import ONT, RDF, RDFS, SYMMETRIC_RELATIONS, Instances
from .publishers import UNGRADED, publisher_key
from .query import prefixes_for
from .resources import queries_dir
from .store import QueryResult, Triple

__all__ = [
    "CREDIBILITY_GRADES",
    "COPY_MIN_WORDS",
    "STRONG_GRADES",
    "grade",
    "Assessment",
    "assess",
    "credibility_graphs",
]

#: The Admiralty (NATO) scale of information credibility (a fixed standard, like the certainties).
CREDIBILITY_GRADES = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
#: A shared quote shorter than this many words is not taken for a copy ("Russia vetoed it").
COPY_MIN_WORDS = 6
#: Publisher grades whose confirmed statement alone makes a fact probably true (2).
STRONG_GRADES = ("A", "B")

_AFFIRMING = (str(ONT.Confirmed), str(ONT.Reported))
_SYMMETRIC = {str(ONT[name]) for name in SYMMETRIC_RELATIONS}


def grade(sources: int, contradictions: int, strong: bool, speculative: bool) -> int:
    """The credibility rule of the module docstring, on the counts of one fact: ``sources`` (S)
    and ``contradictions`` (C) independent sources, ``strong`` when a single source states it as
    confirmed with a publisher graded A or B, ``speculative`` when some statement hedges it."""
    if contradictions and contradictions >= sources:
        return 5
    if contradictions:
        return 6
    if sources >= 2:
        return 1
    if sources == 1:
        return 2 if strong else 3
    return 4 if speculative else 6


@dataclass(frozen=True)
class _Statement:
    iri: str
    certainty: str
    grade: str
    tokens: tuple  # what makes two statements one source (see the module docstring)


@dataclass(frozen=True)
class Assessment:
    """The grade of one fact and the counts behind it."""

    credibility: int
    sources: int
    contradictions: int


def _count_sources(statements: list[_Statement]) -> int:
    """The number of groups the statements fall into when any shared token joins two."""
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for st in statements:
        first = find(st.tokens[0])
        for token in st.tokens[1:]:
            root = find(token)
            if root != first:
                parent[root] = first
    return len({find(st.tokens[0]) for st in statements})


def _assess(own: list[_Statement], conflicting: list[_Statement]) -> Assessment:
    affirming = [s for s in own if s.certainty in _AFFIRMING]
    against = [s for s in own if s.certainty == str(ONT.Denied)] + [s for s in conflicting if s.certainty in _AFFIRMING]
    sources = _count_sources(affirming) if affirming else 0
    contradictions = _count_sources(against) if against else 0
    strong = any(s.certainty == str(ONT.Confirmed) and s.grade in STRONG_GRADES for s in affirming)
    speculative = any(s.certainty == str(ONT.Speculative) for s in own)
    return Assessment(grade(sources, contradictions, strong, speculative), sources, contradictions)


def _rows(query: Callable[[str], QueryResult], name: str) -> list[tuple]:
    text = (queries_dir() / "internal" / f"{name}.rq").read_text(encoding="utf-8")
    return query(prefixes_for(text) + text).rows


def _quote_token(quote: object) -> tuple | None:
    words = str(quote).split() if quote is not None else []
    return ("quote", " ".join(words)) if len(words) >= COPY_MIN_WORDS else None


def assess(query: Callable[[str], QueryResult], inst: Instances | None = None) -> tuple[dict, list[Triple]]:
    """Grade every fact of the store that ``query`` (SPARQL over the union graph) reads.

    Returns ``{fact IRI: Assessment}`` and the triples of the credibility graph.
    """
    inst = inst or Instances()
    # publishers of publishers.yaml, by every name they go by
    listed: dict[str, tuple[str, str]] = {}
    for publisher, name, level in _rows(query, "credibility-publishers"):
        listed[publisher_key(str(name))] = (str(publisher), str(level))
    triples: list[Triple] = []
    # each document's source token(s) and grade
    unknown: dict[str, str] = {}  # key -> the first spelling met (in sorted order, for stable labels)
    documents: dict[str, tuple[tuple, str]] = {}
    for document, name, sha in sorted(_rows(query, "credibility-documents"), key=lambda r: tuple(str(t) for t in r)):
        doc = str(document)
        tokens: list = []
        level = UNGRADED
        if name is not None and str(name).strip():
            key = publisher_key(str(name))
            if key in listed:
                publisher, level = listed[key]
            else:
                publisher = str(inst.publisher(key))
                unknown.setdefault(key, str(name))
            tokens.append(("publisher", publisher))
            triples.append((URIRef(doc), ONT.publishedBy, URIRef(publisher)))
        else:
            tokens.append(("document", doc))
        if sha is not None:
            tokens.append(("text", str(sha)))
        documents[doc] = (tuple(tokens), level)
    for key, name in unknown.items():
        iri = inst.publisher(key)
        triples += [(iri, RDF.type, ONT.Publisher), (iri, RDFS.label, Literal(name)), (iri, ONT.reliability, Literal(UNGRADED))]
    # statements grouped by fact
    facts: dict[tuple, dict[str, _Statement]] = defaultdict(dict)
    for st, s, p, o, certainty, document, origin, quote in _rows(query, "credibility-statements"):
        s, p, o, st = str(s), str(p), str(o), str(st)
        if p in _SYMMETRIC and o < s:
            s, o = o, s
        doc_tokens, level = documents.get(str(document), ((("document", str(document)),), UNGRADED))
        tokens = list(doc_tokens)
        copy = _quote_token(quote)
        if copy:
            tokens.append(copy)
        if origin is not None:
            tokens.append(("origin", str(origin)))
        facts[(s, p, o)].setdefault(st, _Statement(st, str(certainty), level, tuple(tokens)))
    # conflicting facts: same subject and object, relations declared disjoint
    disjoint: dict[str, set[str]] = defaultdict(set)
    for p, q in _rows(query, "credibility-conflicts"):
        disjoint[str(p)].add(str(q))
    by_pair: dict[tuple, list[str]] = defaultdict(list)
    for s, p, o in facts:
        if p in disjoint:
            by_pair[(s, o)].append(p)
    grades: dict[URIRef, Assessment] = {}
    for (s, p, o), statements in facts.items():
        fact = inst.fact(URIRef(s), URIRef(p), URIRef(o))
        others = [q for q in by_pair.get((s, o), ()) if q in disjoint.get(p, ())]
        conflicting = [st for q in others for st in facts[(s, q, o)].values()]
        result = _assess(list(statements.values()), conflicting)
        grades[fact] = result
        triples += [
            (fact, RDF.type, ONT.Fact),
            (fact, ONT.factSubject, URIRef(s)),
            (fact, ONT.factRelation, URIRef(p)),
            (fact, ONT.factObject, URIRef(o)),
            (fact, ONT.credibility, Literal(result.credibility)),
            (fact, ONT.independentSources, Literal(result.sources)),
            (fact, ONT.contradictingSources, Literal(result.contradictions)),
        ]
        triples += [(fact, ONT.conflictsWith, inst.fact(URIRef(s), URIRef(q), URIRef(o))) for q in sorted(others)]
        triples += [(URIRef(st), ONT.aboutFact, fact) for st in statements]
    return grades, triples


def credibility_graphs(query: Callable[[str], QueryResult], inst: Instances | None = None) -> dict[URIRef, list[Triple]]:
    """The credibility graph, computed with ``query`` (what a write runs, see graph.tallies)."""
    inst = inst or Instances()
    return {inst.graph_credibility(): assess(query, inst)[1]}
