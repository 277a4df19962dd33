"""Query results as a text table, CSV or JSON, with IRIs shortened for reading.

Entity IRIs show as their registry id, ontology terms as their local name (certainty in lower
case), other IRIs with a known prefix; literals show their text.

>>> from rdflib import Literal
>>> from graph.namespaces import ONT
>>> display(ONT.Reported), display(ONT.vetoed), display(Literal("2024-03"))
('reported', 'vetoed', '2024-03')
"""

from __future__ import annotations

import csv
import io
import json
import re

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from .namespaces import CERTAINTY_IRIS, ONT, PREFIXES, Instances
from .store import QueryResult

__all__ = ["display", "format_result", "printable", "FORMATS"]

FORMATS = ("table", "csv", "tsv", "json")
_CERTAINTY_NAMES = {iri: name for name, iri in CERTAINTY_IRIS.items()}
_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.nonNegativeInteger}


def display(term, inst: Instances | None = None) -> str:
    """A short, readable form of an RDF term ('' for an unbound value)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        if term in _CERTAINTY_NAMES:
            return _CERTAINTY_NAMES[term]
        text = str(term)
        if text.startswith(str(ONT._NS)):
            return text[len(str(ONT._NS)):]
        entity_id = (inst or Instances()).entity_id(text)
        if entity_id is not None:
            return entity_id
        for prefix, namespace in PREFIXES.items():
            if prefix != "ont" and text.startswith(str(namespace)):
                local = text[len(str(namespace)):]
                if local and all(c.isalnum() or c in "_-" for c in local):
                    return f"{prefix}:{local}"
        return text
    return str(term)


#: Characters a terminal would act on rather than show: C0 and C1 controls (ESC starts colour,
#: cursor and title sequences) and the bidirectional overrides that reorder what is shown.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe for a terminal: control characters shown as U+FFFD, newlines and tabs kept.

    >>> printable("T\x1b]0;pwned\x07itle")
    'T�]0;pwned�itle'
    """
    return _CONTROL_RE.sub("\ufffd", text)


def _json_value(term, inst: Instances):
    if isinstance(term, Literal) and term.datatype in _NUMERIC:
        value = term.toPython()
        return value if isinstance(value, (int, float)) else float(value)
    return display(term, inst) if term is not None else None


def _table(headers: list[str], rows: list[list[str]], width: int) -> str:
    def clip(text: str) -> str:
        text = " ".join(printable(text).split())
        return text if width <= 0 or len(text) <= width else text[: width - 1] + "…"

    cells = [[clip(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def format_result(result: QueryResult, fmt: str = "table", *, width: int = 60) -> str:
    """Render a SELECT or ASK result; ``width`` clips table cells (0: no clipping)."""
    inst = Instances()
    if result.kind == "ask":
        return json.dumps({"boolean": result.boolean}) + "\n" if fmt == "json" else f"{str(result.boolean).lower()}\n"
    if result.kind == "graph":
        raise ValueError("format_result handles SELECT and ASK results; serialise graphs instead")
    if fmt == "json":
        records = [{v: _json_value(t, inst) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    rows = [[display(t, inst) for t in row] for row in result.rows]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.vars)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "table":
        return _table(result.vars, rows, width)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
