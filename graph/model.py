"""Plain data classes for what the graph holds: entities, documents, evidence and assertions.

Nothing here knows about RDF or files; :mod:`graph.rdf` turns these into triples and
:mod:`graph.registry` / :mod:`graph.curated` / :mod:`graph.extract` produce them.

>>> PartialDate.parse("2024-06").precision
'month'
>>> PartialDate.parse("2024-06").latest()
datetime.date(2024, 6, 30)
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "CERTAINTIES",
    "PartialDate",
    "Quantity",
    "Entity",
    "Document",
    "Evidence",
    "Assertion",
]

#: The certainty scale, from strongest to weakest claim; "denied" means the text rejects it.
CERTAINTIES = ("confirmed", "reported", "speculative", "denied")

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date as precise as the text allows: a year, a month or a day (ISO 8601 text)."""

    value: str

    @classmethod
    def parse(cls, text: object) -> "PartialDate":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError on anything else."""
        if isinstance(text, _dt.date):
            return cls(text.isoformat())
        raw = str(text).strip()
        match = _DATE_RE.match(raw)
        if not match:
            raise ValueError(f"bad date {raw!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        year, month, day = match.groups()
        if month and not 1 <= int(month) <= 12:
            raise ValueError(f"bad date {raw!r} (month {month} out of range)")
        if day:
            try:
                _dt.date(int(year), int(month), int(day))
            except ValueError as err:
                raise ValueError(f"bad date {raw!r} ({err})") from None
        return cls(raw)

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.value)]

    def earliest(self) -> _dt.date:
        """The first day this date can mean."""
        parts = [int(p) for p in self.value.split("-")]
        year, month, day = parts + [1] * (3 - len(parts))
        return _dt.date(year, month, day)

    def latest(self) -> _dt.date:
        """The last day this date can mean."""
        parts = [int(p) for p in self.value.split("-")]
        if len(parts) == 3:
            return _dt.date(*parts)
        year = parts[0]
        month = parts[1] if len(parts) == 2 else 12
        return _dt.date(year, month, calendar.monthrange(year, month)[1])

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Quantity:
    """An amount as the text gives it: ``text`` verbatim ("millions", "up to $15 million per
    year"), ``amount`` as a number where the text gives one, ``unit`` (USD, troops, shells ...)."""

    text: str
    amount: Decimal | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Entity:
    """A registry entry: an actor, agreement, event or place with its names and Wikidata id."""

    id: str
    cls: str  # local name of an ontology class, e.g. "State"
    label: str
    aliases: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()  # names used only for matching text, e.g. capitals as metonyms
    wikidata: str | None = None
    description: str | None = None
    producer: str = "curated"  # or "<extractor-name>/<version>" for proposed entities

    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases, *self.hidden)


@dataclass(frozen=True)
class Document:
    """A source document: its metadata header and its body text (offsets count in ``text``)."""

    id: str
    title: str
    text: str
    kind: str = "article"
    publisher: str | None = None
    date: PartialDate | None = None
    date_end: PartialDate | None = None  # set when the header gives a date range
    url: str | None = None
    path: str | None = None
    metadata: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Evidence:
    """The exact words behind a fact: ``document.text[start:end] == quote``."""

    document: str  # document id
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Assertion:
    """One fact: subject, relation and object (registry ids and an ontology property name),
    its evidence, certainty, time and optional quantity, and who produced it."""

    subject: str
    relation: str
    object: str
    evidence: Evidence
    certainty: str = "confirmed"
    point_in_time: PartialDate | None = None
    start_time: PartialDate | None = None
    end_time: PartialDate | None = None
    quantity: Quantity | None = None
    materiel: str | None = None
    according_to: str | None = None  # entity id of the source of a reported claim
    producer: str = "curated"  # "curated" or "<extractor-name>/<version>"
    confidence: float = 1.0
    note: str | None = None

    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.relation, self.object)
