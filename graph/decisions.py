"""Review decisions as data: what an analyst accepted, rejected, corrected or added.

Decisions are written to the corpus folder, one file per document, in the curated format with
review fields, so they are versioned with the corpus and survive ``kg build`` and ``kg ingest``::

    decisions/documents/<doc-id>.yaml

    document: shells-2024
    version: 3                      # bumped by every write: a tab that saw version 2 gets a conflict
    facts:                          # accepted, corrected and added facts: gold for kg eval
      - subject: north-korea
        relation: suppliesArmsTo
        object: russia
        certainty: reported
        time: 2023
        quote: North Korea shipped artillery shells to Russia in 2023, Seoul said.
        start: 120                  # where the quote starts in the document body
        decision: accepted          # accepted | corrected | added
        statement: https://w3id.org/geokg/id/statement/...   # the machine statement judged
        reviewer: ana
        at: 2026-11-30T03:10:00+00:00
    rejected:                       # statements that stay out when the document is read again
      - statement: https://w3id.org/geokg/id/statement/...
        subject: north-korea
        relation: invaded
        object: ukraine
        quote: ...
        reason: the arms were for use in attacking Ukraine; no invasion is stated
        reviewer: ana
        at: 2026-11-30T03:11:00+00:00

A correction is written as two entries: the original fact under ``rejected`` (reason
"corrected"), and the corrected one under ``facts``. A rejection is matched by statement identity (document, subject, relation, object and evidence
quote), so it holds whichever extractor proposes the fact again. In the store the decisions live
in one named graph (:meth:`Instances.graph_review`), rebuilt from these files by every build.

>>> d = Decision("rejected", "shells", "north-korea", "invaded", "ukraine", "N attacked U.", 0, reason="no")
>>> d.key()
('shells', 'north-korea', 'invaded', 'ukraine', 'N attacked U.')
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from .errors import InputError
from .model import CERTAINTIES, Assertion, Evidence, PartialDate
from .namespaces import ONT, RELATIONS, Instances
from .rdf import Triple, assertion_triples, statement_iri
from .yamlfile import check_entry, load_yaml_file

__all__ = ["KINDS", "Decision", "DocumentDecisions", "load_decisions", "load_document_decisions",
           "save_document_decisions", "without_rejected", "review_triples", "now", "EntityDecisions",
           "load_entity_decisions", "save_entity_decisions", "with_entity_decisions", "merge_triples", "entity_graph"]

KINDS = ("accepted", "rejected", "corrected", "added")
_FACT_KEYS = {"subject", "relation", "object", "certainty", "time", "start_time", "end_time", "quote", "start",
              "decision", "statement", "reviewer", "at", "note", "according_to"}
_REJECTED_KEYS = {"statement", "subject", "relation", "object", "quote", "start", "reason", "reviewer", "at"}
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def now() -> str:
    """The time of a decision: UTC, to the second, ISO 8601."""
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Decision:
    """One reviewer's decision on one fact of one document."""

    kind: str  # accepted | rejected | corrected | added
    document: str
    subject: str
    relation: str
    object: str
    quote: str
    start: int
    certainty: str = "confirmed"
    time: PartialDate | None = None
    start_time: PartialDate | None = None
    end_time: PartialDate | None = None
    according_to: str | None = None
    statement: str | None = None  # the IRI of the machine statement judged (not for added facts)
    reason: str | None = None
    reviewer: str = "anonymous"
    at: str = ""

    def key(self) -> tuple[str, str, str, str, str]:
        """Statement identity: the same fact read from the same words, whoever proposed it."""
        return (self.document, self.subject, self.relation, self.object, " ".join(self.quote.split()))

    def assertion(self) -> Assertion:
        """The fact a reviewer stands behind, as a hand-curated statement."""
        return Assertion(self.subject, self.relation, self.object,
                         Evidence(self.document, self.quote, self.start, self.start + len(self.quote)),
                         self.certainty, self.time, self.start_time, self.end_time, according_to=self.according_to,
                         producer="curated", confidence=1.0, note=f"{self.kind} by {self.reviewer} at {self.at}")

    def as_yaml(self) -> dict:
        out = {"subject": self.subject, "relation": self.relation, "object": self.object}
        if self.kind != "rejected":
            out["certainty"] = self.certainty
            for name, value in (("time", self.time), ("start_time", self.start_time), ("end_time", self.end_time)):
                if value is not None:
                    out[name] = str(value)
            if self.according_to:
                out["according_to"] = self.according_to
        out["quote"] = self.quote
        out["start"] = self.start
        if self.kind != "rejected":
            out["decision"] = self.kind
        if self.statement:
            out = {"statement": self.statement, **out} if self.kind == "rejected" else {**out, "statement": self.statement}
        if self.reason:
            out["reason" if self.kind == "rejected" else "note"] = self.reason
        out["reviewer"] = self.reviewer
        out["at"] = self.at
        return out


@dataclass
class DocumentDecisions:
    """Every decision on one document, and the version of its file (0: no file yet)."""

    document: str
    decisions: list[Decision] = field(default_factory=list)
    version: int = 0

    def rejected(self) -> set[tuple]:
        """Keys of the facts that must stay out: rejected ones, and the originals of corrections."""
        return {d.key() for d in self.decisions if d.kind == "rejected"}

    def judged(self) -> set[str]:
        """Statement IRIs a reviewer has decided on."""
        return {d.statement for d in self.decisions if d.statement}


def _path(data_dir: Path, doc_id: str) -> Path:
    return Path(data_dir) / "decisions" / "documents" / f"{doc_id}.yaml"


def _date(value, name: str, source: str, line) -> PartialDate | None:
    if value in (None, ""):
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as err:
        raise InputError(f"{name}: {err}", source=source, line=line) from None


def _decision(item: object, doc_id: str, rejected: bool, source: str) -> Decision:
    keys = _REJECTED_KEYS if rejected else _FACT_KEYS
    line = check_entry(item, source, "rejected fact" if rejected else "reviewed fact", keys,
                       ("subject", "relation", "object", "quote"))
    for key in ("subject", "object", "according_to"):
        if item.get(key) is not None and not _ID.fullmatch(str(item[key])):
            raise InputError(f"bad entity id {item[key]!r} in '{key}'", source=source, line=line)
    if str(item["relation"]) not in RELATIONS:
        raise InputError(f"unknown relation {item['relation']!r}", source=source, line=line)
    kind = "rejected" if rejected else str(item.get("decision", "accepted"))
    if kind not in KINDS or (kind == "rejected") != rejected:
        raise InputError(f"unknown decision {kind!r} (accepted, corrected or added)", source=source, line=line)
    certainty = str(item.get("certainty", "confirmed"))
    if certainty not in CERTAINTIES:
        raise InputError(f"unknown certainty {certainty!r} (one of {', '.join(CERTAINTIES)})", source=source, line=line)
    try:
        start = int(item.get("start", 0))
    except (TypeError, ValueError):
        raise InputError(f"'start' must be a character offset, not {item.get('start')!r}", source=source, line=line) from None
    return Decision(kind, doc_id, str(item["subject"]), str(item["relation"]), str(item["object"]), str(item["quote"]),
                    start, certainty, _date(item.get("time"), "time", source, line),
                    _date(item.get("start_time"), "start_time", source, line),
                    _date(item.get("end_time"), "end_time", source, line),
                    str(item["according_to"]) if item.get("according_to") else None,
                    str(item["statement"]) if item.get("statement") else None,
                    str(item.get("reason") or item.get("note") or "") or None,
                    str(item.get("reviewer") or "anonymous"), str(item.get("at") or ""))


def load_document_decisions(data_dir: Path, doc_id: str) -> DocumentDecisions:
    """The decisions on one document (none if it has no file); bad files raise InputError."""
    path = _path(data_dir, doc_id)
    if not path.exists():
        return DocumentDecisions(doc_id)
    source = str(path)
    data = load_yaml_file(path)
    if not isinstance(data, dict) or str(data.get("document")) != doc_id:
        raise InputError(f"a decisions file needs 'document: {doc_id}'", source=source)
    out = DocumentDecisions(doc_id, version=int(data.get("version") or 1))
    for name, rejected in (("facts", False), ("rejected", True)):
        items = data.get(name) or []
        if not isinstance(items, list):
            raise InputError(f"'{name}' must be a list", source=source)
        out.decisions += [_decision(item, doc_id, rejected, source) for item in items]
    return out


def load_decisions(data_dir: Path) -> dict[str, DocumentDecisions]:
    """Every document's decisions in a corpus folder, by document id."""
    folder = Path(data_dir) / "decisions" / "documents"
    if not folder.is_dir():
        return {}
    return {p.stem: load_document_decisions(data_dir, p.stem) for p in sorted(folder.glob("*.yaml"))}


def save_document_decisions(data_dir: Path, decisions: DocumentDecisions) -> Path:
    """Write one document's decisions to a temporary file beside the real one and return it; the
    caller renames it into place (``os.replace``) once the store has taken the same change, or
    removes it, so file and store change together or not at all."""
    path = _path(data_dir, decisions.document)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"document": decisions.document, "version": decisions.version,
            "facts": [d.as_yaml() for d in decisions.decisions if d.kind != "rejected"],
            "rejected": [d.as_yaml() for d in decisions.decisions if d.kind == "rejected"]}
    text = (f"# Review decisions on {decisions.document} (kg review). Facts here are gold for kg eval;\n"
            "# rejected ones stay out of the graph when the document is read again.\n")
    text += yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=110)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    return tmp


def without_rejected(assertions: Iterable[Assertion], decisions: DocumentDecisions) -> list[Assertion]:
    """The assertions a reviewer has not rejected (or replaced by a correction)."""
    gone = decisions.rejected()
    return [a for a in assertions
            if (a.evidence.document, a.subject, a.relation, a.object, " ".join(a.evidence.quote.split())) not in gone]


def review_triples(all_decisions: Iterable[DocumentDecisions], inst: Instances) -> list[Triple]:
    """The review graph: the status of every judged statement (who, when, why), and the facts
    reviewers wrote themselves (corrected and added), as hand-curated statements."""
    out: list[Triple] = []
    seen: set = set()

    def add(triples):
        for t in triples:
            if t not in seen:
                seen.add(t)
                out.append(t)

    for doc in all_decisions:
        corrected = {d.statement for d in doc.decisions if d.kind == "corrected"}
        for d in doc.decisions:
            judged = URIRef(d.statement) if d.statement else None
            made = statement_iri(d.assertion(), inst) if d.kind in ("corrected", "added") else None
            if made is not None:
                add(assertion_triples(d.assertion(), inst))
            if d.kind == "rejected" and d.statement in corrected:
                continue  # the original of a correction: its status is "corrected"
            status = {"accepted": ONT.Accepted, "rejected": ONT.Rejected, "corrected": ONT.Corrected}.get(d.kind)
            for node, value in ((judged, status), (made, ONT.Accepted)):
                if node is None or value is None:
                    continue
                add([(node, ONT.reviewStatus, value), (node, ONT.reviewedBy, Literal(d.reviewer)),
                     (node, ONT.reviewedAt, Literal(d.at, datatype=XSD.dateTime))] +
                    ([(node, ONT.reviewNote, Literal(d.reason))] if d.reason and node is judged else []))
            if d.kind == "corrected" and judged is not None:
                add([(judged, ONT.correctedAs, made)])
    return out


# --- decisions on entities: accepted proposals and merges ---------------------------------------
#
#     decisions/entities.yaml
#
#     version: 2
#     accepted:                       # proposed entities a reviewer took into the registry
#       - {id: kn-23, class: Organization, label: KN-23, aliases: [Hwasong-11], wikidata: Q1, reviewer: ana, at: ...}
#     merges:                         # one IRI survives; the other becomes its alias, owl:sameAs
#       - merged: dprk-foreign-ministry
#         into: north-korean-government
#         reason: the same body under two names
#         reviewer: ana
#         at: ...
#         moved: 14                    # statement positions rewritten in the store
#         undone: {reviewer: ana, at: ...}   # when the merge was undone (the entry stays, as history)

_MERGE_POSITIONS = (RDF.subject, RDF.object, ONT.accordingTo)


@dataclass
class EntityDecisions:
    """The corpus's decisions on entities and the version of their file (0: no file yet)."""

    accepted: list[dict] = field(default_factory=list)
    merges: list[dict] = field(default_factory=list)
    version: int = 0

    def active_merges(self) -> dict[str, str]:
        """merged id -> surviving id, for merges not undone (chains followed to their end)."""
        direct = {m["merged"]: m["into"] for m in self.merges if not m.get("undone")}
        out = {}
        for merged in direct:
            target, seen = direct[merged], {merged}
            while target in direct and target not in seen:
                seen.add(target)
                target = direct[target]
            out[merged] = target
        return out


def load_entity_decisions(data_dir: Path) -> EntityDecisions:
    """The decisions on entities of a corpus folder (none if it has no file)."""
    path = Path(data_dir) / "decisions" / "entities.yaml"
    if not path.exists():
        return EntityDecisions()
    source = str(path)
    data = load_yaml_file(path)
    if not isinstance(data, dict):
        raise InputError("the entity decisions file must be a mapping with 'accepted' and 'merges'", source=source)
    accepted, merges = data.get("accepted") or [], data.get("merges") or []
    if not isinstance(accepted, list) or not isinstance(merges, list):
        raise InputError("'accepted' and 'merges' must be lists", source=source)
    from .registry import entity_from_mapping

    for item in accepted:
        entity_from_mapping({k: v for k, v in item.items() if k not in ("reviewer", "at")}, source)
    for item in merges:
        line = check_entry(item, source, "merge", {"merged", "into", "reason", "reviewer", "at", "moved", "undone"},
                           ("merged", "into"))
        if not (_ID.fullmatch(str(item["merged"])) and _ID.fullmatch(str(item["into"]))):
            raise InputError("a merge names two entity ids", source=source, line=line)
    return EntityDecisions([_plain(a) for a in accepted], [_plain(m) for m in merges], int(data.get("version") or 1))


def _plain(value):
    """A value read from YAML without the line numbers the loader adds to every mapping."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def save_entity_decisions(data_dir: Path, decisions: EntityDecisions) -> Path:
    """Write the entity decisions to a temporary file beside the real one (see
    :func:`save_document_decisions` for why the caller renames it)."""
    path = Path(data_dir) / "decisions" / "entities.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = ("# Decisions on entities (kg review): proposals taken into the registry, and merges (one IRI\n"
            "# survives, the other becomes its alias; an undone merge stays here as history).\n")
    text += yaml.safe_dump({"version": decisions.version, "accepted": decisions.accepted, "merges": decisions.merges},
                           sort_keys=False, allow_unicode=True, width=110)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    return tmp


def with_entity_decisions(registry, decisions: EntityDecisions, *, keep_merged: bool = True):
    """The registry with accepted entities added and merges applied: a survivor takes the merged
    entity's names as aliases; the merged entity stays for the facts that name it (``keep_merged``)
    or leaves, so that text is linked to the survivor only."""
    from .registry import Registry, entity_from_mapping

    entities = {e.id: e for e in registry}
    for item in decisions.accepted:
        entity = entity_from_mapping({k: v for k, v in item.items() if k not in ("reviewer", "at")}, "decisions")
        entities.setdefault(entity.id, entity)
    for merged, survivor in decisions.active_merges().items():
        if merged in entities and survivor in entities:
            old, new = entities[merged], entities[survivor]
            names = tuple(n for n in (old.label, *old.aliases) if n not in new.names())
            entities[survivor] = replace(new, aliases=new.aliases + names, hidden=new.hidden + old.hidden)
            if not keep_merged:
                del entities[merged]
    return Registry(entities.values())


def merge_triples(triples: Iterable[Triple], mapping: dict[str, str], inst: Instances) -> list[Triple]:
    """``triples`` with every merged entity replaced by its survivor where a statement names it
    (subject, object, source of the claim, and the direct relation triples); entity descriptions
    stay, so the merged IRI keeps its names and points to the survivor with owl:sameAs."""
    if not mapping:
        return list(triples)
    iri = {inst.entity(a): inst.entity(b) for a, b in mapping.items()}
    relations = {ONT[r] for r in RELATIONS}
    out, seen = [], set()
    for s, p, o in triples:
        if p in _MERGE_POSITIONS or p in relations:
            o = iri.get(o, o)
        if p in relations:
            s = iri.get(s, s)
        if (s, p, o) not in seen:
            seen.add((s, p, o))
            out.append((s, p, o))
    return out


def entity_graph(registry, decisions: EntityDecisions, inst: Instances) -> list[Triple]:
    """The registry's graph with the entity decisions applied: accepted entities, survivors with
    their new aliases, and each merged entity ``owl:sameAs`` its survivor."""
    from rdflib.namespace import OWL

    from .rdf import entity_triples

    triples: list[Triple] = []
    for entity in with_entity_decisions(registry, decisions):
        triples += entity_triples(entity, inst)
    triples += [(inst.entity(a), OWL.sameAs, inst.entity(b)) for a, b in decisions.active_merges().items()]
    return triples
