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

**Where it is computed, and why.** The grades are materialised by every write, in the same
transaction (``kg build``, ``kg ingest``, ``kg import`` all go through
:func:`graph.tallies.recount`), so they are never stale and never half-written, and reading them
costs one lookup per fact. Computing them at query time would mean, in every query that shows a
grade (the explorer's edge list, the corroboration and dispute queries), grouping every statement
of the store by fact and publisher with a transitive notion of "same source" that SPARQL cannot
express without a fixpoint.

A full assessment is one pass over every statement (a few queries, then linear work in Python):
what ``kg build`` and ``kg import`` run, and any write that touches the ontology (which relations
conflict) or the publishers' grades, and every write to a remote endpoint (which stages the
written graphs under other names until they commit). A smaller write (``kg ingest``) reassesses
only the facts it touches: those of the statements in the graphs it writes (and the facts they
were about before), of the statements it removed (links to facts whose statement is gone), of
the statements taken from the documents whose graphs it writes or removes, and the facts these
conflict with. The graphs are laid out so that such a write rewrites only the few it changes:

- ``Instances.graph_credibility()``: each document's ``ont:publishedBy`` publisher (a publisher
  named by a document but not graded in publishers.yaml is added with grade F), rewritten whole;
- ``Instances.graph_credibility_part(bucket)``, 256 of them by the first two hex digits of the
  fact's hash: each statement's ``ont:aboutFact`` link to its fact (named
  ``fact/<relation>/<hash>``), and each fact's ``ont:credibility``, ``ont:independentSources``
  (S; absent when documents only deny the fact, so listing the facts some document states reads
  one property), ``ont:contradictingSources`` (C; absent when 0), the facts it
  ``ont:conflictsWith`` and the statements it is ``ont:contradictedBy`` (where the
  disputed-claims query starts). Nothing else (a fact's subject, relation and object are those
  of its statements): about two triples per statement.

Measured on the synthetic corpus of ``benchmarks/`` (2 shared cores): a full pass adds about 13 s
to the 12-14 s of store work of a 10^5-statement build (it roughly doubles it; the statements
query and writing the graphs dominate); ``kg ingest`` of one document into a store of 5x10^4
statements (10^6 triples) takes 0.3-0.5 s instead of 0.15-0.2 s.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from rdflib import Literal, URIRef

from .namespaces import ONT, RDF, RDFS, SYMMETRIC_RELATIONS, Instances
from .publishers import UNGRADED, publisher_key
from .query import BIND_MARK, prefixes_for
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
_DENIED, _SPECULATIVE, _CONFIRMED = str(ONT.Denied), str(ONT.Speculative), str(ONT.Confirmed)
_SYMMETRIC = {str(ONT[name]) for name in SYMMETRIC_RELATIONS}
# the terms written for every fact, looked up once (a DefinedNamespace lookup is a method call)
_CREDIBILITY, _SOURCES, _CONTRADICTIONS = ONT.credibility, ONT.independentSources, ONT.contradictingSources
_ABOUT, _CONFLICTS, _CONTRADICTED_BY = ONT.aboutFact, ONT.conflictsWith, ONT.contradictedBy
_PUBLISHED_BY, _RELIABILITY = ONT.publishedBy, ONT.reliability


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
    if len(own) == 1 and not conflicting:  # most facts: one statement, nothing to count
        st = own[0]
        firm = st.certainty in _AFFIRMING
        sources, contradictions = int(firm), int(st.certainty == _DENIED)
        strong = st.certainty == _CONFIRMED and st.grade in STRONG_GRADES
        return Assessment(grade(sources, contradictions, strong, st.certainty == _SPECULATIVE), sources, contradictions)
    affirming = [s for s in own if s.certainty in _AFFIRMING]
    against = [s for s in own if s.certainty == _DENIED] + [s for s in conflicting if s.certainty in _AFFIRMING]
    sources = _count_sources(affirming) if affirming else 0
    contradictions = _count_sources(against) if against else 0
    strong = any(s.certainty == _CONFIRMED and s.grade in STRONG_GRADES for s in affirming)
    speculative = any(s.certainty == _SPECULATIVE for s in own)
    return Assessment(grade(sources, contradictions, strong, speculative), sources, contradictions)


def _text(name: str) -> str:
    text = (queries_dir() / "internal" / f"{name}.rq").read_text(encoding="utf-8")
    return prefixes_for(text) + text


def _rows(query: Callable[[str], QueryResult], name: str, bindings: dict | None = None, *,
          graph: URIRef | None = None) -> list[tuple]:
    """The rows of an internal query, its variables bound (``{var: [terms]}``, a VALUES block at
    ``#@bind``) or its ``GRAPH ?g {`` made one graph (Oxigraph joins a VALUES-bound graph variable
    with every graph, but looks a named one up: 4 s against 4 ms at 10^5 statements)."""
    text = _text(name)
    if graph is not None:
        if re.search(r"[<>\"{}|^`\\\s]", str(graph)):
            raise ValueError(f"bad graph IRI {str(graph)!r}")
        text = text.replace("GRAPH ?g {", f"GRAPH {URIRef(graph).n3()} {{", 1)
    if bindings:
        values = " ".join(f"VALUES ?{var} {{ {' '.join(t.n3() for t in terms)} }}" for var, terms in bindings.items())
        text = BIND_MARK.sub(lambda _m: values, text)
    return query(text).rows


def _quote_token(quote: object) -> tuple | None:
    words = str(quote).split() if quote is not None else []
    return ("quote", " ".join(words)) if len(words) >= COPY_MIN_WORDS else None


class _IntLiterals(dict):
    """xsd:integer literals made once each (rdflib's Literal() is slow, and counts repeat)."""

    def __missing__(self, value: int) -> Literal:
        self[value] = Literal(value)
        return self[value]


def _bucket(fact: URIRef) -> str:
    return str(fact).rsplit("/", 1)[-1][:2]


class _Assessor:
    """What a full or partial assessment shares: publishers, documents and conflicting relations."""

    def __init__(self, query: Callable[[str], QueryResult], inst: Instances):
        self.query, self.inst = query, inst
        self.number = _IntLiterals()
        listed: dict[str, tuple[str, str]] = {}
        for publisher, name, level in _rows(query, "credibility-publishers"):
            listed[publisher_key(str(name))] = (str(publisher), str(level))
        # each document's source tokens and grade, and the document graph's triples
        self.document_triples: list[Triple] = []
        unknown: dict[str, str] = {}  # key -> the first spelling met (in sorted order, for stable labels)
        self.documents: dict[str, tuple[tuple, str]] = {}
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
                self.document_triples.append((URIRef(doc), _PUBLISHED_BY, URIRef(publisher)))
            else:
                tokens.append(("document", doc))
            if sha is not None:
                tokens.append(("text", str(sha)))
            self.documents[doc] = (tuple(tokens), level)
        for key, name in unknown.items():
            iri = inst.publisher(key)
            self.document_triples += [(iri, RDF.type, ONT.Publisher), (iri, RDFS.label, Literal(name)),
                                      (iri, _RELIABILITY, Literal(UNGRADED))]
        self.disjoint: dict[str, set[str]] = defaultdict(set)
        for p, q in _rows(query, "credibility-conflicts"):
            self.disjoint[str(p)].add(str(q))

    def facts(self, rows) -> dict[tuple, dict[str, _Statement]]:
        """Rows of credibility-statements.rq grouped by fact key (subject, relation, object)."""
        facts: dict[tuple, dict[str, _Statement]] = defaultdict(dict)
        documents = self.documents
        for st, s, p, o, certainty, document, origin, quote in rows:
            s, p, o, document = str(s), str(p), str(o), str(document)
            if p in _SYMMETRIC and o < s:
                s, o = o, s
            tokens, level = documents.get(document) or ((("document", document),), UNGRADED)
            copy = _quote_token(quote)
            if copy:
                tokens += (copy,)
            if origin is not None:
                tokens += (("origin", str(origin)),)
            facts[(s, p, o)].setdefault(str(st), _Statement(str(st), str(certainty), level, tokens))
        return facts

    def conflicting(self, key: tuple) -> list[tuple]:
        """The keys of the facts that conflict with the fact ``key`` (whether or not stated)."""
        s, p, o = key
        return [(s, q, o) for q in sorted(self.disjoint.get(p, ()))]

    def grade(self, facts: dict, keys, grades: dict) -> dict[str, list[Triple]]:
        """Assess the facts ``keys`` (their statements and their conflicting facts' in ``facts``);
        their triples by bucket."""
        inst, number = self.inst, self.number
        out: dict[str, list[Triple]] = defaultdict(list)
        for key in keys:
            own = list(facts[key].values())
            if not own:
                continue
            s, p, o = key
            fact = inst.fact(s, p, o)
            others = [k for k in self.conflicting(key) if facts.get(k)] if p in self.disjoint else []
            result = _assess(own, [st for k in others for st in facts[k].values()])
            grades[fact] = result
            triples = out[_bucket(fact)]
            # as few triples as will do (rewritten by every write): the fact's class follows from
            # ont:credibility's domain, its subject, relation and object from its statements
            triples.append((fact, _CREDIBILITY, number[result.credibility]))
            if any(st.certainty != _DENIED for st in own):  # stated somewhere, not only denied
                triples.append((fact, _SOURCES, number[result.sources]))
            if result.contradictions:
                triples.append((fact, _CONTRADICTIONS, number[result.contradictions]))
            for st in own:
                triples.append((URIRef(st.iri), _ABOUT, fact))
                if st.certainty == _DENIED:
                    triples.append((fact, _CONTRADICTED_BY, URIRef(st.iri)))
            for k in others:
                triples.append((fact, _CONFLICTS, inst.fact(*k)))
                triples += [(fact, _CONTRADICTED_BY, URIRef(st.iri)) for st in facts[k].values() if st.certainty in _AFFIRMING]
        return out


def assess(query: Callable[[str], QueryResult], inst: Instances | None = None) -> tuple[dict, dict[URIRef, list[Triple]]]:
    """Grade every fact of the store that ``query`` (SPARQL over the union graph) reads.

    Returns ``{fact IRI: Assessment}`` and the credibility graphs (the documents' graph and one
    graph per bucket of facts). Written for speed: this runs over every statement of the store.
    """
    inst = inst or Instances()
    assessor = _Assessor(query, inst)
    facts = assessor.facts(_rows(query, "credibility-statements"))
    grades: dict = {}
    buckets = assessor.grade(facts, list(facts), grades)
    graphs = {inst.graph_credibility(): assessor.document_triples}
    graphs.update({inst.graph_credibility_part(b): triples for b, triples in sorted(buckets.items())})
    return grades, graphs


def _members(query: Callable[[str], QueryResult], assessor: "_Assessor", facts: set[URIRef]) -> dict:
    """The statements linked to ``facts``, grouped by fact key."""
    if not facts:
        return defaultdict(dict)
    linked = [URIRef(st) for (st,) in _rows(query, "credibility-members", {"fact": sorted(facts)})]
    return assessor.facts(_rows(query, "credibility-statements", {"statement": linked}) if linked else [])


def _reassess(query: Callable[[str], QueryResult], inst: Instances, touched: list[URIRef]) -> dict[URIRef, list[Triple]]:
    """Reassess only the facts a write of the graphs ``touched`` can have changed (see above)."""
    assessor = _Assessor(query, inst)
    # the statements now in the touched graphs, and links left by statements that are gone
    written = assessor.facts([row for g in touched for row in _rows(query, "credibility-statements", graph=g)])
    gone = _rows(query, "credibility-dangling")
    affected: set[URIRef] = {inst.fact(*key) for key in written} | {URIRef(f) for _, f in gone}
    statements = sorted({URIRef(st) for group in written.values() for st in group})
    if statements:  # what they were about before the write (a statement rewritten in place)
        affected |= {URIRef(f) for (f,) in _rows(query, "credibility-links", {"statement": statements})}
    # a document record written or removed changes the grade of every statement taken from it,
    # in whatever graph (curated facts live apart from their document's graph)
    prefix = str(inst.graph_document(""))
    documents = [inst.document(str(g)[len(prefix):]) for g in touched if str(g).startswith(prefix)]
    if documents:
        affected |= {URIRef(f) for (f,) in _rows(query, "credibility-document-facts", {"document": documents})}
    for key in list(written):
        affected |= {inst.fact(*k) for k in assessor.conflicting(key)}
    if affected:  # facts that conflicted with a fact that lost statements
        affected |= {URIRef(g) for (g,) in _rows(query, "credibility-conflicting", {"fact": sorted(affected)})}
    if not affected:
        return {inst.graph_credibility(): assessor.document_triples}
    # every statement of the affected facts (the ones linked to them and the ones just written),
    # then of the facts that conflict with them, whose firm statements count against them
    facts = _members(query, assessor, affected)
    for key, statements in written.items():
        facts[key].update(statements)
    keys = [key for key in facts if inst.fact(*key) in affected]
    more = {inst.fact(*k) for key in keys for k in assessor.conflicting(key)} - affected
    for key, statements in _members(query, assessor, more).items():
        facts[key].update(statements)
    grades: dict = {}
    fresh = assessor.grade(facts, keys, grades)
    # the buckets the affected facts live in: their other facts as they were, these anew
    buckets = sorted({_bucket(f) for f in affected})
    names = [inst.graph_credibility_part(b) for b in buckets]
    dropped = {str(st) for st, _ in gone}
    graphs: dict[URIRef, list[Triple]] = {name: [] for name in names}
    for g, s, p, o in _rows(query, "credibility-bucket", {"g": names}):
        if s in affected or (p == _ABOUT and o in affected) or str(s) in dropped:
            continue
        graphs[URIRef(g)].append((s, p, o))
    for b, triples in fresh.items():
        graphs[inst.graph_credibility_part(b)].extend(triples)
    graphs[inst.graph_credibility()] = assessor.document_triples
    return graphs


def credibility_graphs(
    query: Callable[[str], QueryResult], inst: Instances | None = None, touched: list[URIRef] | None = None
) -> dict[URIRef, list[Triple]]:
    """The credibility graphs after a write, computed with ``query`` (see graph.tallies): all of
    them, or with ``touched`` (the graphs a write replaced or removed) only those the write can
    have changed, unless it touched the ontology or the publishers, or the store has no grades yet.
    """
    inst = inst or Instances()
    if touched is not None:
        special = {inst.graph_ontology(), inst.graph_publishers()}
        graded = query(prefixes_for("ASK { ?s ont:aboutFact ?f }") + "ASK { ?s ont:aboutFact ?f }").boolean
        if graded and not special & set(touched):
            return _reassess(query, inst, sorted(set(touched)))
    old = {URIRef(g) for (g,) in _rows(query, "credibility-buckets")}
    graphs = assess(query, inst)[1]
    graphs.update({g: [] for g in old if g not in graphs})  # buckets left empty
    return graphs
