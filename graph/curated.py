"""Hand-checked facts (data/curated/*.yaml): the gold set, each with a verbatim quote.

Every fact is checked against the registry, the ontology's relations and its document: the quote
must occur in the document body, and its offsets are computed from where it occurs.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from .errors import InputError, did_you_mean
from .model import CERTAINTIES, Assertion, Document, Evidence, PartialDate, Quantity
from .namespaces import RELATIONS
from .registry import Registry
from .yamlfile import check_entry, load_yaml_file

__all__ = ["load_curated", "load_curated_file", "locate_quote"]

_FACT_KEYS = {
    "subject", "relation", "object", "certainty", "time", "start", "end", "quote", "occurrence",
    "quantity", "materiel", "according_to", "note", "__line__",
}


def locate_quote(text: str, quote: str, occurrence: int = 1) -> int | None:
    """The offset of the n-th occurrence of ``quote`` in ``text``, or None."""
    position = -1
    for _ in range(occurrence):
        position = text.find(quote, position + 1)
        if position < 0:
            return None
    return position


def _date(value: object, field: str, source: str, line: int) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as err:
        raise InputError(f"{field}: {err}", source=source, line=line) from None


def _quantity(value: object, source: str, line: int) -> Quantity | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not value.get("text"):
        raise InputError("quantity must be a mapping with at least 'text'", source=source, line=line)
    amount = value.get("amount")
    try:
        amount = Decimal(str(amount)) if amount is not None else None
    except InvalidOperation:
        raise InputError(f"quantity amount {amount!r} is not a number", source=source, line=line) from None
    unit = value.get("unit")
    return Quantity(text=str(value["text"]), amount=amount, unit=str(unit) if unit else None)


def _fact(item: object, doc: Document, registry: Registry, source: str) -> Assertion:
    line = check_entry(item, source, "fact", _FACT_KEYS, ("subject", "relation", "object", "quote"))
    for key in ("subject", "object", "according_to"):
        if item.get(key) is not None and str(item[key]) not in registry:
            raise InputError(f"unknown entity id {item[key]!r} in '{key}'", source=source, line=line)
    relation = str(item["relation"])
    if relation not in RELATIONS:
        raise InputError(f"unknown relation {relation!r}{did_you_mean(str(relation), RELATIONS)} (see ontology/geokg.ttl)",
                         source=source, line=line)
    certainty = str(item.get("certainty", "confirmed"))
    if certainty not in CERTAINTIES:
        raise InputError(f"unknown certainty {certainty!r} (one of {', '.join(CERTAINTIES)})", source=source, line=line)
    quote = str(item["quote"])
    occurrence = int(item.get("occurrence", 1))
    start = locate_quote(doc.text, quote, occurrence)
    if start is None:
        raise InputError(f"quote not found in document {doc.id!r}: {quote[:60]!r}", source=source, line=line)
    return Assertion(
        subject=str(item["subject"]),
        relation=relation,
        object=str(item["object"]),
        evidence=Evidence(doc.id, quote, start, start + len(quote)),
        certainty=certainty,
        point_in_time=_date(item.get("time"), "time", source, line),
        start_time=_date(item.get("start"), "start", source, line),
        end_time=_date(item.get("end"), "end", source, line),
        quantity=_quantity(item.get("quantity"), source, line),
        materiel=str(item["materiel"]) if item.get("materiel") else None,
        according_to=str(item["according_to"]) if item.get("according_to") else None,
        producer="curated",
        confidence=1.0,
        note=str(item["note"]) if item.get("note") else None,
    )


def load_curated_file(path: Path, documents: dict[str, Document], registry: Registry) -> list[Assertion]:
    """Load one curated file; every problem raises InputError naming the file and line."""
    source = str(path)
    data = load_yaml_file(Path(path))
    if not isinstance(data, dict) or "facts" not in data or "document" not in data:
        raise InputError("a curated file needs 'document: <id>' and 'facts: [...]'", source=source)
    doc_id = str(data["document"])
    if doc_id not in documents:
        raise InputError(f"unknown document {doc_id!r} (no such file in documents/)", source=source, line=data.get("__line__"))
    if not isinstance(data["facts"], list):
        raise InputError("'facts' must be a list", source=source)
    return [_fact(item, documents[doc_id], registry, source) for item in data["facts"]]


def load_curated(folder: Path, documents: dict[str, Document], registry: Registry) -> list[Assertion]:
    """Load every ``*.yaml`` file of the curated folder, in name order."""
    assertions: list[Assertion] = []
    for path in sorted(Path(folder).glob("*.yaml")):
        assertions.extend(load_curated_file(path, documents, registry))
    return assertions
