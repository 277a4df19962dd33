"""Scoring the extractor against the curated facts of a corpus (``kg eval``).

How things are counted (precision, recall and F1 each time):

- **relations**: distinct (subject, relation, object) triples per document, extracted against
  curated; a symmetric relation (alliedWith, cooperatesWith ...) matches in either direction.
  Both sides are first closed under the ontology's ``rdfs:subPropertyOf`` (an extracted
  mutualDefenceWith also counts as the alliedWith it entails, on both sides alike); no other
  credit is given for a near relation. Denied facts count like the others: the triple is what the
  text talks about, the certainty says how.
- **certainty** and **dates**: over the triples both sides have, whether the certainty agrees, and
  whether the time qualifiers (point in time, start, end, with their precision) agree.
- **entities**: distinct linked entities per document, in the sentences the curators annotated
  (a curated fact's quote): the gold entities are the subjects, objects and sources of the curated
  facts; the extracted ones are every entity linked there. Counting only annotated sentences keeps
  an entity named elsewhere, that no fact needs, from counting as an error.
- **mentions**: the same per annotated sentence (a sentence-entity pair), so a missed entity in
  one sentence is not hidden by the same entity found in another.
- **linking**: where a gold entity's own name (label, alias or hidden name) appears in its
  sentence, whether the extractor linked that name to it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS

from .corpus import load_corpus
from .extract import Extractor
from .namespaces import ONT, SYMMETRIC_RELATIONS
from .registry import normalise_name
from .resources import ontology_dir

__all__ = ["Score", "EvalReport", "evaluate", "subproperty_closure", "format_report"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: set, predicted: set) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class EvalReport:
    """Scores overall and per relation type, and the errors behind them."""

    data_dir: str
    producer: str
    documents: int
    gold_facts: int
    extracted: int
    scores: dict[str, Score] = field(default_factory=dict)
    per_relation: dict[str, Score] = field(default_factory=dict)
    missed: list[tuple] = field(default_factory=list)
    spurious: list[tuple] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "data": self.data_dir, "producer": self.producer, "documents": self.documents,
            "gold_facts": self.gold_facts, "extracted_statements": self.extracted,
            "overall": {k: v.as_dict() for k, v in self.scores.items()},
            "per_relation": {k: v.as_dict() for k, v in sorted(self.per_relation.items())},
            "missed": [list(t) for t in self.missed], "spurious": [list(t) for t in self.spurious],
        }


_SUPER: dict[str, set[str]] | None = None


def subproperty_closure() -> dict[str, set[str]]:
    """Each relation's super-relations in the ontology (rdfs:subPropertyOf, transitively)."""
    global _SUPER
    if _SUPER is None:
        g = Graph()
        g.parse(ontology_dir() / "geokg.ttl", format="turtle")
        ns = str(ONT._NS)
        direct: dict[str, set[str]] = defaultdict(set)
        for s, o in g.subject_objects(RDFS.subPropertyOf):
            if str(s).startswith(ns) and str(o).startswith(ns):
                direct[str(s)[len(ns):]].add(str(o)[len(ns):])
        closure: dict[str, set[str]] = {}
        for rel in list(direct):
            seen, todo = set(), list(direct[rel])
            while todo:
                r = todo.pop()
                if r not in seen:
                    seen.add(r)
                    todo.extend(direct.get(r, ()))
            closure[rel] = seen
        _SUPER = closure
    return _SUPER


def _key(subject: str, relation: str, obj: str) -> tuple[str, str, str]:
    if relation in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    return subject, relation, obj


def _keys(a) -> set[tuple[str, str, str]]:
    keys = {_key(a.subject, a.relation, a.object)}
    for sup in subproperty_closure().get(a.relation, ()):
        keys.add(_key(a.subject, sup, a.object))
    return keys


def _times(a) -> tuple:
    return tuple((name, str(v)) for name, v in (("time", a.point_in_time), ("start", a.start_time), ("end", a.end_time)) if v)


def evaluate(data_dir: Path, *, extractor: Extractor | None = None) -> EvalReport:
    """Run the extractor over every document of a corpus folder and score it against its curated facts."""
    corpus = load_corpus(Path(data_dir))
    extractor = extractor or Extractor(corpus.registry, use_ner=False)
    gold_by_doc = defaultdict(list)
    for a in corpus.assertions:
        gold_by_doc[a.evidence.document].append(a)
    names = {e.id: {normalise_name(n) for n in (*e.names(), e.id)} for e in corpus.registry}
    scores = {k: Score() for k in ("entities", "mentions", "linking", "relations", "certainty", "dates")}
    per_relation: dict[str, Score] = defaultdict(Score)
    report = EvalReport(str(data_dir), extractor.producer, len(corpus.documents), len(corpus.assertions), 0)
    for doc_id, doc in sorted(corpus.documents.items()):
        gold = gold_by_doc.get(doc_id, [])
        result = extractor.extract(doc)
        predicted = result.assertions
        report.extracted += len(predicted)
        # relations
        g_keys = set().union(*(_keys(a) for a in gold)) if gold else set()
        p_keys = set().union(*(_keys(a) for a in predicted)) if predicted else set()
        scores["relations"].add(g_keys, p_keys)
        for rel in {k[1] for k in g_keys | p_keys}:
            per_relation[rel].add({k for k in g_keys if k[1] == rel}, {k for k in p_keys if k[1] == rel})
        report.missed += [(doc_id, *k) for k in sorted(g_keys - p_keys)]
        report.spurious += [(doc_id, *k) for k in sorted(p_keys - g_keys)]
        matched = g_keys & p_keys
        # certainty and dates, on the triples both sides have
        g_cert = {(k, a.certainty) for a in gold for k in _keys(a) if k in matched}
        p_cert = {(k, a.certainty) for a in predicted for k in _keys(a) if k in matched}
        scores["certainty"].add(g_cert, p_cert)
        g_time = {(k, t) for a in gold for k in _keys(a) if k in matched for t in _times(a)}
        p_time = {(k, t) for a in predicted for k in _keys(a) if k in matched for t in _times(a)}
        scores["dates"].add(g_time, p_time)
        # entities, mentions and linking in the annotated sentences
        spans: dict[tuple[int, int], set[str]] = defaultdict(set)
        for a in gold:
            span = (a.evidence.start, a.evidence.end)
            spans[span] |= {a.subject, a.object} | ({a.according_to} if a.according_to else set())
        found: dict[tuple[int, int], set[str]] = defaultdict(set)
        link_p = Score()
        for (start, end), entities in spans.items():
            inside = [m for m in result.mentions if m.kind != "new" and m.start < end and start < m.end]
            found[(start, end)] = {m.entity for m in inside}
            text = " " + normalise_name(doc.text[start:end]) + " "
            literal = {e for e in entities if any(n and f" {n} " in text for n in names.get(e, ()))}
            linked = {m.entity for m in inside}
            scores["linking"].tp += len(literal & linked)
            scores["linking"].fn += len(literal - linked)
            for m in inside:
                surface = normalise_name(m.text)
                owners = {e for e in entities if surface in names.get(e, ())}
                if owners and m.entity not in owners:
                    link_p.fp += 1
            scores["linking"].fp += link_p.fp
            link_p = Score()
        scores["mentions"].add({(s, e) for s, es in spans.items() for e in es}, {(s, e) for s, es in found.items() for e in es})
        scores["entities"].add(set().union(*spans.values()) if spans else set(),
                               set().union(*found.values()) if found else set())
    report.scores = scores
    report.per_relation = dict(per_relation)
    return report


def format_report(report: EvalReport) -> str:
    """The scores as two plain-text tables: overall, then per relation type."""
    lines = [f"{report.producer} on {report.data_dir}: {report.documents} documents, {report.gold_facts} curated facts, "
             f"{report.extracted} extracted statements", "",
             f"{'measure':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name, s in report.scores.items():
        lines.append(f"{name:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    lines += ["", f"{'relation':<30}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name, s in sorted(report.per_relation.items()):
        lines.append(f"{name:<30}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    return "\n".join(lines)
