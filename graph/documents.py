"""Source documents: a YAML metadata header between ``---`` lines, then the text verbatim.

Evidence offsets count in the body (the text after the header), so the body is never altered
beyond decoding UTF-8 and normalising line ends to ``\\n``.

>>> doc = parse_document("---\\nid: d1\\ntitle: T\\ndate: 2024-06\\n---\\nRussia vetoed it.\\n", "d1.txt")
>>> doc.id, str(doc.date), doc.text
('d1', '2024-06', 'Russia vetoed it.\\n')
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .model import Document, PartialDate
from .yamlfile import load_yaml_text, read_text

__all__ = ["parse_document", "read_document", "read_documents", "DOC_ID_RE"]

DOC_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_HEADER_RE = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def _parse_date_range(value: object, source: str, line: int | None) -> tuple[PartialDate, PartialDate | None]:
    text = str(value).strip()
    first, _, last = text.partition("/")
    try:
        return PartialDate.parse(first), PartialDate.parse(last) if last else None
    except ValueError as err:
        raise InputError(str(err), source=source, line=line) from None


def _header_line(text: str, key: str) -> int | None:
    """The line of ``key:`` in the header, for error messages."""
    for number, line in enumerate(text.split("\n", 60)[:60], 1):
        if line.startswith(key + ":"):
            return number
    return None


def parse_document(text: str, source: str, **overrides: object) -> Document:
    """Split header and body and check the header; ``overrides`` (title, date ...) win over it.

    A file without a header is accepted when ``overrides`` give at least a title; its id is then
    the file name without extension.
    """
    match = _HEADER_RE.match(text)
    header: dict = {}
    body = text
    if match:
        header = load_yaml_text(match.group(1), source, first_line=2) or {}
        if not isinstance(header, dict):
            raise InputError("the header must be a YAML mapping (key: value lines)", source=source, line=2)
        body = text[match.end():]
    elif text.startswith("---\n"):
        raise InputError("the metadata header opened with '---' is never closed", source=source, line=1)
    header.update({k: v for k, v in overrides.items() if v is not None})
    header.pop("__line__", None)

    doc_id = str(header.get("id") or Path(source).stem)
    if not DOC_ID_RE.match(doc_id):
        raise InputError(f"bad document id {doc_id!r} (letters, digits, '.', '_', '-')", source=source, line=2)
    if not header.get("title"):
        raise InputError("the metadata header has no 'title'", source=source, line=1)
    if not body.strip():
        raise InputError("the document has a header but no text", source=source)
    date = date_end = None
    if header.get("date") is not None:
        date, date_end = _parse_date_range(header["date"], source, _header_line(text, "date"))
    return Document(
        id=doc_id,
        title=str(header["title"]),
        text=body,
        kind=str(header.get("kind") or "article"),
        publisher=str(header["publisher"]) if header.get("publisher") else None,
        date=date,
        date_end=date_end,
        url=str(header["url"]) if header.get("url") else None,
        path=source,
        metadata=header,
    )


def read_document(path: Path, **overrides: object) -> Document:
    """Read one document file (see :func:`parse_document`); bad files raise InputError."""
    return parse_document(read_text(Path(path)), str(path), **overrides)


def read_documents(folder: Path) -> list[Document]:
    """Read every ``*.txt`` document of a folder, in name order; ids must be unique."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("documents folder not found", source=str(folder))
    documents = [read_document(p) for p in sorted(folder.glob("*.txt"))]
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.id in seen:
            raise InputError(f"document id {doc.id!r} is also used by {seen[doc.id]}", source=doc.path)
        seen[doc.id] = doc.path
    return documents
