"""A synthetic geopolitical corpus at any size, built through the real model (graph.model, graph.rdf).

Actors (states, leaders, analysts, think tanks, international and media organisations), treaties
and UN draft resolutions; documents ("years of news"), each with a few dozen facts whose evidence
quote is a sentence of the document's text (offsets exact), a certainty, a time, sometimes a
quantity, materiel and the source of a reported claim. Every fact goes through
:func:`graph.rdf.assertion_triples`, so the triples are those of the product's statement model:
one named graph for the registry and one per document (metadata and its facts).

The size is counted in statements (facts with their full provenance: about 20 triples each), as
the issue's sizes are. The corpus is deterministic for a given size and seed, and its graphs are
produced lazily, one graph at a time, so a million statements never sit in one list.

>>> corpus = SyntheticCorpus(200)
>>> corpus.n_documents, corpus.statement_count()
(5, 200)
>>> sum(1 for _ in corpus.quads()) > 20 * 200
True
>>> corpus.hubs[0]
'state-0000'
"""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from graph.model import Assertion, Document, Entity, Evidence, PartialDate, Quantity
from graph.namespaces import Instances
from graph.rdf import agent_graphs, assertion_triples, document_triples, entity_triples

__all__ = ["SyntheticCorpus", "SIZES", "write_nquads"]

#: The sizes of the benchmark, in statements (facts).
SIZES = (10**3, 10**4, 10**5, 10**6)

PRODUCER = "synthetic-extractor/1"
FACTS_PER_DOCUMENT = 40
ENTITIES_PER_STATEMENT = 1 / 50
_WORDS = ("says", "reports", "confirms", "claims", "notes", "warns", "states")


@dataclass(frozen=True)
class _Kind:
    cls: str
    prefix: str
    share: float


_KINDS = (
    _Kind("State", "state", 0.30),
    _Kind("PoliticalLeader", "leader", 0.10),
    _Kind("Analyst", "analyst", 0.15),
    _Kind("ThinkTank", "thinktank", 0.05),
    _Kind("InternationalOrganization", "org", 0.05),
    _Kind("MediaOrganization", "media", 0.05),
    _Kind("Treaty", "treaty", 0.15),
    _Kind("DraftResolution", "draft", 0.15),
)

# (relation, subject kind, object kind, weight)
_RELATIONS = (
    ("alliedWith", "state", "state", 6), ("sanctions", "state", "state", 6),
    ("condemned", "state", "state", 4), ("suppliesArmsTo", "state", "state", 6),
    ("providesEconomicAidTo", "state", "state", 3), ("deploysTroopsTo", "state", "state", 2),
    ("transfersMilitaryTechnologyTo", "state", "state", 2), ("recognises", "state", "state", 1),
    ("memberOf", "state", "org", 3), ("partyTo", "state", "treaty", 5), ("signatoryOf", "leader", "treaty", 3),
    ("vetoed", "state", "draft", 2), ("votedFor", "state", "draft", 4), ("abstainedOn", "state", "draft", 2),
    ("targets", "draft", "state", 2), ("leaderOf", "leader", "state", 2), ("replaces", "treaty", "treaty", 1),
    ("affiliatedWith", "analyst", "thinktank", 3), ("fellowOf", "analyst", "thinktank", 2),
    ("directorOf", "analyst", "thinktank", 1), ("warns", "analyst", "state", 2), ("cooperatesWith", "state", "state", 2),
)
_CERTAINTY = (("confirmed", 70), ("reported", 20), ("speculative", 8), ("denied", 2))


class SyntheticCorpus:
    """``size`` statements (facts) in documents of 40, with their entities (deterministic for ``seed``)."""

    def __init__(self, size: int, seed: int = 20240619, inst: Instances | None = None):
        self.size = size
        self.seed = seed
        self.inst = inst or Instances()
        n_entities = max(40, round(size * ENTITIES_PER_STATEMENT))
        self.entities: dict[str, list[Entity]] = {}
        for kind in _KINDS:
            count = max(4, round(n_entities * kind.share))
            self.entities[kind.prefix] = [
                Entity(f"{kind.prefix}-{i:04d}", kind.cls, f"{kind.cls} {i}", (f"{kind.prefix.upper()}{i}",))
                for i in range(count)
            ]
        self.n_documents = max(1, -(-size // FACTS_PER_DOCUMENT))
        #: The ten "great powers": a fifth of the state facts involve one of them.
        self.hubs = [e.id for e in self.entities["state"][:10]]

    # --- the pieces ------------------------------------------------------------------------
    def _pick(self, rng: random.Random, prefix: str) -> str:
        group = self.entities[prefix]
        if prefix == "state" and rng.random() < 0.2:
            return group[rng.randrange(min(10, len(group)))].id
        return group[rng.randrange(len(group))].id

    def _date(self, rng: random.Random) -> PartialDate:
        day = _dt.date(1990, 1, 1) + _dt.timedelta(days=rng.randrange(35 * 365))
        precision = rng.random()
        if precision < 0.6:
            return PartialDate(day.isoformat())
        if precision < 0.9:
            return PartialDate(day.isoformat()[:7])
        return PartialDate(day.isoformat()[:4])

    def document(self, index: int) -> tuple[Document, list[Assertion]]:
        """Document ``index`` with its facts (each quote is a sentence of its text)."""
        rng = random.Random(self.seed * 1_000_003 + index)
        doc_id = f"news-{index:06d}"
        relations = [r for r in _RELATIONS]
        weights = [r[3] for r in _RELATIONS]
        certainties, cweights = zip(*_CERTAINTY)
        pieces: list[str] = []
        facts: list[tuple] = []
        offset = 0
        for n in range(min(FACTS_PER_DOCUMENT, self.size - index * FACTS_PER_DOCUMENT)):
            relation, sk, ok, _ = rng.choices(relations, weights)[0]
            s, o = self._pick(rng, sk), self._pick(rng, ok)
            while o == s:
                o = self._pick(rng, ok)
            sentence = f"{s} {rng.choice(_WORDS)} {relation} {o} (item {index}.{n}). "
            facts.append((s, relation, o, offset, offset + len(sentence) - 1, sentence[:-1]))
            pieces.append(sentence)
            offset += len(sentence)
        text = "".join(pieces)
        date = self._date(rng)
        doc = Document(doc_id, f"Synthetic news report {index}", text, kind="article",
                       publisher=f"Media {index % 7}", date=date, url=f"https://news.example.org/{doc_id}")
        media = self.entities["media"]
        assertions = []
        for s, relation, o, start, end, quote in facts:
            certainty = rng.choices(certainties, cweights)[0]
            when = rng.random()
            times = {}
            if when < 0.6:
                times["point_in_time"] = self._date(rng)
            elif when < 0.8:
                first, second = sorted((self._date(rng), self._date(rng)), key=lambda d: d.earliest())
                times["start_time"] = first
                if rng.random() < 0.5:
                    times["end_time"] = second
            quantity = materiel = None
            if relation in ("suppliesArmsTo", "providesEconomicAidTo", "deploysTroopsTo"):
                amount = rng.randrange(1, 10_000)
                unit = {"suppliesArmsTo": "shells", "providesEconomicAidTo": "USD", "deploysTroopsTo": "troops"}[relation]
                quantity = Quantity(f"about {amount}", amount, unit)
                materiel = rng.choice(("artillery shells", "ballistic missiles", "drones", None))
            according_to = media[rng.randrange(len(media))].id if certainty == "reported" else None
            assertions.append(Assertion(
                s, relation, o, Evidence(doc_id, quote, start, end), certainty=certainty, quantity=quantity,
                materiel=materiel, according_to=according_to, producer=PRODUCER,
                confidence=round(rng.uniform(0.5, 1.0), 2), **times,
            ))
        return doc, assertions

    # --- as triples ------------------------------------------------------------------------
    def registry_triples(self) -> Iterator[tuple]:
        for group in self.entities.values():
            for entity in group:
                yield from entity_triples(entity, self.inst)

    def document_graph(self, index: int) -> Iterator[tuple]:
        """The triples of one document's named graph: its metadata and its facts."""
        doc, assertions = self.document(index)
        yield from document_triples(doc, self.inst)
        seen = set()
        for a in assertions:
            for triple in assertion_triples(a, self.inst):
                if triple not in seen:
                    seen.add(triple)
                    yield triple

    def graphs(self) -> Iterator[tuple]:
        """(graph IRI, lazy iterator of its triples), one named graph at a time."""
        yield from agent_graphs([PRODUCER, "curated"], self.inst).items()
        yield self.inst.graph_entities(), self.registry_triples()
        for index in range(self.n_documents):
            yield self.inst.graph_document(f"news-{index:06d}"), self.document_graph(index)

    def graph_dict(self) -> dict:
        """The graphs as a mapping of lazy iterators (what :meth:`Store.replace_graphs` takes)."""
        return dict(self.graphs())

    def quads(self) -> Iterator[tuple]:
        for name, triples in self.graphs():
            for s, p, o in triples:
                yield s, p, o, name

    def statement_count(self) -> int:
        """The number of facts (the corpus's size)."""
        return sum(min(FACTS_PER_DOCUMENT, self.size - i * FACTS_PER_DOCUMENT) for i in range(self.n_documents))

    @cached_property
    def _count(self) -> int:
        return sum(1 for _ in self.quads())

    def triple_count(self) -> int:
        """The exact number of quads (counted once by generating them)."""
        return self._count


def write_nquads(corpus: SyntheticCorpus, path) -> int:
    """Write the corpus as N-Quads (rdflib's own term serialisation); return the quad count."""
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for s, p, o, g in corpus.quads():
            out.write(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} .\n")
            n += 1
    return n
