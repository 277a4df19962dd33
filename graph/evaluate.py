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

Two ways to run it. ``kg eval --data DIR`` gives the extractor the corpus's own registry (every
gold entity is known by name: this scores relation reading). ``kg eval --corpus DIR`` scores
unseen text as a user meets it: the extractor links to the bundled registry and the built-in
gazetteer only, and each entity it links or proposes is matched to a gold entity by id, Wikidata
QID or name. Each missed fact is then given one main cause (:data:`CAUSES`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS

from . import progress as work
from .corpus import Corpus, load_corpus
from .extract import Extractor
from .namespaces import ONT, SYMMETRIC_RELATIONS
from .model import Document, Entity
from .registry import Registry, normalise_name
from .resources import ontology_dir

__all__ = ["reviewed_corpus", "Score", "EvalReport", "evaluate", "subproperty_closure", "format_report", "CAUSES"]

#: Why a gold fact was missed, checked in this order (the first that applies is its cause).
CAUSES = {
    "entity": "an argument of the fact was not recognised in its sentence",
    "no-rule": "the extractor has no rule for the relation",
    "partner": "the relation was found with one argument but not the other (lists, coreference)",
    "other-relation": "both arguments were related, but by another relation",
    "no-trigger": "both arguments were recognised and nothing joined them (noun phrase, verb chain)",
}


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
    causes: dict[str, int] = field(default_factory=dict)
    aligned: bool = False
    dropped: dict[str, int] = field(default_factory=dict)  # a language model's facts that verification dropped, by reason
    #: every extracted fact with the extractor's own ids, and whether the gold holds it
    judged: list[tuple[str, str, str, str, bool]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "data": self.data_dir, "producer": self.producer, "documents": self.documents,
            "gold_facts": self.gold_facts, "extracted_statements": self.extracted,
            "overall": {k: v.as_dict() for k, v in self.scores.items()},
            "per_relation": {k: v.as_dict() for k, v in sorted(self.per_relation.items())},
            "missed": [list(t) for t in self.missed], "spurious": [list(t) for t in self.spurious],
            "miss_causes": dict(self.causes), "dropped_by_verification": dict(self.dropped), "registry": "bundled+gazetteer (aligned by name)" if self.aligned else "corpus",
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


_GENERIC_EVENTS = {"Summit", "Talks", "Event"}


class _Aligner:
    """Maps the extractor's entity ids to gold entity ids: same id, same QID, or a shared name.

    An entity the extractor proposed without a usable name (an unnamed draft resolution, "the
    summit") is matched by class instead (:meth:`by_class`), when the document's gold facts have
    exactly one entity of that class that no name matched and the extractor proposed exactly one;
    a person named by one word ("Hayashi") matches the one gold person of the document whose name
    has that word.
    """

    def __init__(self, gold: Registry):
        self.gold = gold
        self.by_qid = {e.wikidata: e.id for e in gold if e.wikidata}

    def __call__(self, entity_id: str, known: dict[str, Entity]) -> str:
        entity = known.get(entity_id)
        if entity_id in self.gold and (entity is None or entity.cls == self.gold[entity_id].cls
                                       or normalise_name(entity.label) in {normalise_name(n) for n in self.gold[entity_id].names()}):
            return entity_id
        if entity is None:
            return entity_id
        if entity.wikidata and entity.wikidata in self.by_qid:
            return self.by_qid[entity.wikidata]
        for name in entity.names():
            found = {e.id for e in self.gold.candidates(name)}
            if len(found) == 1:
                return found.pop()
        return entity_id

    def by_class(self, ids: dict[str, str], proposed: list[Entity], gold_ids: set[str],
                 gold_facts: set | None = None, predicted: list | None = None) -> dict[str, str]:
        """``ids`` (extracted id -> aligned id) with unmatched proposals matched by class, see above.

        With several of a class on both sides (two unnamed drafts in one report), the pairing that
        shares the most facts with the gold is taken, as coreference scorers align entities."""
        matched = set(ids.values())
        out = dict(ids)
        people = {"Person", "PoliticalLeader", "Analyst"}
        for e in proposed:  # "Hayashi" alone: the one gold person of the document with that name
            if e.cls in people and len(e.label.split()) == 1 and ids.get(e.id, e.id) not in self.gold:
                theirs = [g for g in sorted(gold_ids) if g in self.gold and self.gold[g].cls in people
                          and e.label.lower() in self.gold[g].label.lower().split()]
                if len(theirs) == 1:
                    out[e.id] = theirs[0]
        for cls in sorted({e.cls for e in proposed}):  # (sorted: the same score on every run)
            # (an event named generically, "the EU-China summit", may share its name with another document's summit of
            # another year: unless it matched one of this document's, it is still unmatched here)
            mine = [e.id for e in proposed if e.cls == cls and (ids.get(e.id, e.id) not in self.gold or
                                                                cls in _GENERIC_EVENTS and ids.get(e.id, e.id) not in gold_ids)]
            theirs = [g for g in sorted(gold_ids) if g in self.gold and self.gold[g].cls == cls and g not in matched]
            if len(mine) == 1 and len(theirs) == 1:
                out[mine[0]] = theirs[0]
            elif mine and theirs and gold_facts is not None and predicted and len(mine) <= 4 and len(theirs) <= 4:
                out.update(self._best_pairing(mine, theirs, out, gold_facts, predicted))
        return out

    @staticmethod
    def _best_pairing(mine, theirs, ids, gold_facts, predicted) -> dict[str, str]:
        from itertools import permutations

        def shared(pairing: dict) -> int:
            mapped = {(pairing.get(a.subject, ids.get(a.subject, a.subject)), a.relation,
                       pairing.get(a.object, ids.get(a.object, a.object))) for a in predicted}
            return len(mapped & gold_facts)

        short, long_ = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
        best, best_score = {}, 0
        for chosen in permutations(long_, len(short)):
            pairing = dict(zip(short, chosen)) if short is mine else dict(zip(chosen, short))
            score = shared(pairing)
            if score > best_score:
                best, best_score = pairing, score
        return best


def reviewed_corpus(data_dir: Path, texts: Path) -> Corpus:
    """The documents reviewers judged with ``kg review`` as a corpus whose gold facts are the ones
    they accepted, corrected or added (the text of each document from ``texts``, where ``kg
    ingest`` keeps it, or from the corpus's own documents)."""
    from .decisions import load_decisions, load_entity_decisions, with_entity_decisions

    corpus = load_corpus(Path(data_dir))
    documents, gold = {}, []
    for doc_id, judged in load_decisions(data_dir).items():
        facts = [d.assertion() for d in judged.decisions if d.kind != "rejected"]
        kept = Path(texts) / f"{doc_id}.txt"
        doc = corpus.documents.get(doc_id)
        if not facts or not (kept.is_file() or doc):
            continue
        text = kept.read_text(encoding="utf-8") if kept.is_file() else doc.text
        documents[doc_id] = Document(doc_id, doc.title if doc else doc_id, text)
        gold += facts
    registry = with_entity_decisions(corpus.registry, load_entity_decisions(data_dir))
    return Corpus(documents, registry, gold)


def evaluate(data_dir: Path, *, extractor: Extractor | None = None, registry: Registry | None = None,
             corpus: Corpus | None = None) -> EvalReport:
    """Run the extractor over every document of a corpus folder and score it against its curated facts.

    With ``registry`` the extractor links to that registry (not the corpus's) and its entities are
    aligned to the gold ones by id, QID or name (see the module docstring). ``corpus`` replaces
    the folder's own (see :func:`reviewed_corpus`).
    """
    corpus = corpus or load_corpus(Path(data_dir))
    aligned = registry is not None
    extractor = extractor or Extractor(registry if aligned else corpus.registry, use_ner=False)
    align = _Aligner(corpus.registry) if aligned else None
    rule_relations = extractor_relations()
    gold_by_doc = defaultdict(list)
    for a in corpus.assertions:
        gold_by_doc[a.evidence.document].append(a)
    names = {e.id: {normalise_name(n) for n in (*e.names(), e.id)} for e in corpus.registry}
    scores = {k: Score() for k in ("entities", "mentions", "linking", "relations", "certainty", "dates")}
    per_relation: dict[str, Score] = defaultdict(Score)
    report = EvalReport(str(data_dir), extractor.producer, len(corpus.documents), len(corpus.assertions), 0,
                        causes={c: 0 for c in CAUSES}, aligned=aligned)
    if hasattr(extractor, "prepare"):  # a language model: every request first, concurrently
        extractor.prepare([doc for _, doc in sorted(corpus.documents.items())])
    work.begin("scoring", len(corpus.documents), "documents")
    for doc_id, doc in sorted(corpus.documents.items()):
        work.advance(1)
        gold = gold_by_doc.get(doc_id, [])
        result = extractor.extract(doc)
        for reason, _ in getattr(result, "dropped", ()):
            report.dropped[reason] = report.dropped.get(reason, 0) + 1
        predicted = result.assertions
        mentions = result.mentions
        if align is not None:
            known = {e.id: e for e in extractor.registry} | {e.id: e for e in result.new_entities}
            used = {i for a in predicted for i in (a.subject, a.object)} | {m.entity for m in mentions}
            proposed = [e for e in result.new_entities if e.id not in extractor.registry]
            ids = align.by_class({i: align(i, known) for i in used}, proposed, {i for a in gold for i in (a.subject, a.object)},
                                 {(a.subject, a.relation, a.object) for a in gold}, predicted)
            predicted = [replace(a, subject=ids[a.subject], object=ids[a.object]) for a in predicted]
            mentions = [replace(m, entity=ids[m.entity]) for m in mentions]
        report.extracted += len(predicted)
        # relations
        g_keys = set().union(*(_keys(a) for a in gold)) if gold else set()
        report.judged += [(doc_id, mine.subject, mine.relation, mine.object, bool(_keys(a) & g_keys))
                          for mine, a in zip(result.assertions, predicted)]
        p_keys = set().union(*(_keys(a) for a in predicted)) if predicted else set()
        scores["relations"].add(g_keys, p_keys)
        for rel in {k[1] for k in g_keys | p_keys}:
            per_relation[rel].add({k for k in g_keys if k[1] == rel}, {k for k in p_keys if k[1] == rel})
        report.missed += [(doc_id, *k) for k in sorted(g_keys - p_keys)]
        report.spurious += [(doc_id, *k) for k in sorted(p_keys - g_keys)]
        for a in gold:
            if not _keys(a) & p_keys:
                report.causes[_cause(a, predicted, mentions, rule_relations)] += 1
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
            inside = [m for m in mentions if (aligned or m.kind != "new") and m.start < end and start < m.end]
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


def extractor_relations() -> set[str]:
    """Every relation some rule of the rule-based extractor can produce."""
    from .extract.relations import PRODUCIBLE

    closure = subproperty_closure()
    return set(PRODUCIBLE) | {sup for rel in PRODUCIBLE for sup in closure.get(rel, ())}


def _cause(gold, predicted, mentions, rule_relations: set[str]) -> str:
    """The main reason one gold fact was missed (see :data:`CAUSES`)."""
    start, end = gold.evidence.start, gold.evidence.end
    linked = {m.entity for m in mentions if m.start < end and start < m.end}
    if gold.subject not in linked or gold.object not in linked:
        return "entity"
    if gold.relation not in rule_relations:
        return "no-rule"
    here = [a for a in predicted if a.evidence.start < end and start < a.evidence.end]
    related = {gold.relation} | subproperty_closure().get(gold.relation, set())
    if any(a.relation in related and (a.subject in (gold.subject, gold.object) or a.object in (gold.subject, gold.object))
           for a in here):
        return "partner"
    if any({a.subject, a.object} == {gold.subject, gold.object} for a in here):
        return "other-relation"
    return "no-trigger"


def format_report(report: EvalReport) -> str:
    """The scores as two plain-text tables: overall, then per relation type."""
    registry = "the bundled registry and gazetteer (entities matched by name)" if report.aligned else "the corpus's registry"
    lines = [f"{report.producer} on {report.data_dir}: {report.documents} documents, {report.gold_facts} curated facts, "
             f"{report.extracted} extracted statements; linking to {registry}", "",
             f"{'measure':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name, s in report.scores.items():
        lines.append(f"{name:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    lines += ["", f"{'relation':<30}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for name, s in sorted(report.per_relation.items()):
        lines.append(f"{name:<30}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    missed = sum(report.causes.values())
    if missed:
        lines += ["", f"{'why gold facts were missed':<30}{'facts':>7}  ", *(
            f"{name:<30}{n:>7}  {CAUSES[name]}" for name, n in report.causes.items())]
    if report.dropped:
        lines += ["", f"{'facts dropped by verification':<38}{'facts':>7}",
                  *(f"{name:<38}{n:>7}" for name, n in sorted(report.dropped.items(), key=lambda kv: -kv[1]))]
    return "\n".join(lines)
