"""Query results for people and for programs.

For reading, ``table`` (the default) and ``records`` (JSON objects of readable values) show entity
IRIs as their registry id, ontology terms as their local name (certainty in lower case), other
IRIs with a known prefix, literals as their text. For other software, ``json``, ``xml``, ``csv``
and ``tsv`` are the W3C SPARQL 1.1 Query Results formats, exactly as any SPARQL client reads them
(full IRIs, typed and tagged literals, unbound values absent or empty as each format says).

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
from xml.sax.saxutils import escape

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from .namespaces import CERTAINTY_IRIS, ONT, PREFIXES, Instances
from .store import QueryResult
from .store.oxigraph import term_nt

__all__ = ["display", "format_result", "printable", "FORMATS"]

FORMATS = ("table", "records", "json", "xml", "csv", "tsv", "sparql-json", "sparql-xml", "sparql-csv", "sparql-tsv")
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


def _sparql_json_term(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def _sparql_xml(result: QueryResult) -> str:
    lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "  <head>"]
    lines += [f'    <variable name="{escape(v)}"/>' for v in result.vars]
    lines.append("  </head>")
    if result.kind == "ask":
        lines.append(f"  <boolean>{str(result.boolean).lower()}</boolean>")
    else:
        lines.append("  <results>")
        for row in result.rows:
            lines.append("    <result>")
            for var, term in zip(result.vars, row):
                if term is None:
                    continue
                if isinstance(term, URIRef):
                    value = f"<uri>{escape(str(term))}</uri>"
                elif isinstance(term, BNode):
                    value = f"<bnode>{escape(str(term))}</bnode>"
                elif term.language:
                    value = f'<literal xml:lang="{escape(term.language)}">{escape(str(term))}</literal>'
                elif term.datatype:
                    value = f'<literal datatype="{escape(str(term.datatype))}">{escape(str(term))}</literal>'
                else:
                    value = f"<literal>{escape(str(term))}</literal>"
                lines.append(f'      <binding name="{escape(var)}">{value}</binding>')
            lines.append("    </result>")
        lines.append("  </results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str = "table", *, width: int = 60) -> str:
    """Render a SELECT or ASK result (see the module docstring for the formats); ``width`` clips
    table cells (0: no clipping)."""
    inst = Instances()
    if result.kind == "graph":
        raise ValueError("format_result handles SELECT and ASK results; serialise graphs instead")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    fmt = fmt.removeprefix("sparql-")  # sparql-json ... name the W3C formats outright
    if fmt == "xml":
        return _sparql_xml(result)
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n" if fmt == "json" else f"{str(result.boolean).lower()}\n"
    if fmt == "json":
        bindings = [{v: _sparql_json_term(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]
        return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":  # W3C SPARQL 1.1 CSV: plain values, CRLF line ends
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.vars)
        writer.writerows([["" if t is None else str(t) for t in row] for row in result.rows])
        return buffer.getvalue()
    if fmt == "tsv":  # W3C SPARQL 1.1 TSV: ?vars, then RDF terms in Turtle syntax
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join("" if t is None else term_nt(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    if fmt == "records":
        records = [{v: _json_value(t, inst) for v, t in zip(result.vars, row) if t is not None} for row in result.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    return _table(result.vars, [[display(t, inst) for t in row] for row in result.rows], width)
