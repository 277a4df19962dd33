"""``kg ingest``: new documents (plain text, Markdown, HTML) through the extractor into the store.

Each document becomes one named graph (its metadata, the extracted statements, the entities the
extractor proposed), so re-ingesting a changed document replaces exactly that graph, and an
unchanged one (same text hash, same extractor version) changes nothing. Every file is read and
checked before the store is touched, and all graphs are written in one transaction: a bad file
leaves the store exactly as it was. Files larger than :data:`MAX_BYTES` are refused (the
extractor is linear, but a document that large is almost always a dump, not an article; split it).

>>> html_to_text("<html><head><title>T</title><script>x()</script></head><body><p>A &amp; B</p><p>C</p></body></html>")
('A & B\\n\\nC', 'T')
"""

from __future__ import annotations


import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable

import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from . import progress as work
from .documents import DOC_ID_RE, parse_document
from .decisions import load_document_decisions, without_rejected
from .errors import InputError
from .extract import PRODUCER, Extraction, Extractor
from .model import Document
from .namespaces import ONT, Instances
from .query import bind_values
from .rdf import Triple, agent_graphs, agent_iri, assertions_triples, document_triples, entity_triples
from .registry import Registry, load_registry
from .resources import default_data_dir
from .store import Store
from .tallies import write_graphs
from .yamlfile import read_bytes, read_text

__all__ = ["MAX_BYTES", "MAX_PDF_BYTES", "SUFFIXES", "pdf_to_text", "IngestItem", "IngestReport", "html_to_text", "markdown_to_text",
           "read_source", "collect_files", "ingest", "document_graph"]

#: The largest file ``kg ingest`` accepts (5 MB, about 2,500 pages of news text; PDFs, mostly
#: layout and images, up to :data:`MAX_PDF_BYTES`).
MAX_BYTES = 5 * 1024 * 1024
MAX_PDF_BYTES = 50 * 1024 * 1024
SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".pdf": "pdf"}


def pdf_to_text(data: bytes, source: str) -> tuple[str, str | None, str | None, list[tuple[int, int]]]:
    """The text of a PDF, page by page, with its title and creation date when it has them, and
    where each page starts in the text (offset, page number) (pypdf, the ``pdf`` extra); a
    scanned PDF without a text layer is refused, not read as empty."""
    try:
        import pypdf
    except ImportError:
        raise InputError("reading PDF needs pypdf, which is not installed: pip install 'geokg[pdf]'", source=source) from None
    import io
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are not ours to print
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError("the PDF is encrypted", source=source)
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        info = reader.metadata or {}
        title = str(info.get("/Title") or "").strip() or None
        created = str(info.get("/CreationDate") or "")
    except InputError:
        raise
    except Exception as err:  # pypdf raises many kinds on a damaged file: one line, whatever the kind
        raise InputError(f"not a readable PDF ({type(err).__name__}: {str(err)[:120]})", source=source) from None
    text = "\n\n".join(p for p in pages if p)
    if not text.strip():
        raise InputError("the PDF has no text layer (a scan?): nothing to read", source=source)
    # where each page starts in the text, for the page of each evidence quote (ont:page)
    starts, at = [], 0
    for number, page in enumerate(pages, 1):
        if page:
            starts.append((at, number))
            at += len(page) + 2
    date = None
    stamp = re.match(r"D:(\d{4})(\d{2})(\d{2})", created)
    if stamp:
        date = "-".join(stamp.groups())
    return text, title, date, starts

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
          "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "figcaption", "main", "aside", "nav"}
_DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or "").lower()
            if key and a.get("content"):
                self.meta[key] = a["content"]
        if tag in _DROP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr") else "\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _DROP and self.skip:
            self.skip -= 1
        elif tag in _BLOCK:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr") else "\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The text of an HTML page and its ``<title>``: the main text found by trafilatura when it is
    installed (the ``html`` extra: menus, footers, cookie notices and "related" links left out),
    else every visible text (scripts, styles and the head dropped)."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    title = _tidy("".join(parser.title)) or None
    main = _main_text(markup)
    return (main if main else _tidy("".join(parser.parts))), title


def _main_text(markup: str) -> str | None:
    try:
        import trafilatura
    except ImportError:
        return None
    import logging

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its notes on odd pages are not ours to print
    markup = re.sub(r"(?is)<noscript\b.*?</noscript>", "", markup)  # never shown to a reader with scripts on
    try:
        text = trafilatura.extract(markup, include_comments=False, include_tables=True, output_format="txt")
    except Exception:  # a page trafilatura cannot handle falls back to the plain reading
        return None
    if not text or not text.strip():
        return None
    return _tidy(re.sub(r"\n+", "\n\n", text))  # one block per paragraph, as the plain reading gives


def markdown_to_text(text: str) -> str:
    """Markdown as plain text: markers of headings, emphasis, links, images and code removed.

    >>> markdown_to_text("# Title\\n\\nRussia **vetoed** the [draft](http://x).")
    'Title\\n\\nRussia vetoed the draft.'
    """
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"^\s*[-*_]{3,}\s*$", "", text, flags=re.M)
    return _tidy(text)


def _slug_id(stem: str) -> str:
    doc_id = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "document"
    return doc_id if DOC_ID_RE.match(doc_id) else "doc-" + doc_id


def read_source(path: Path, *, title: str | None = None, date: str | None = None, source: str | None = None,
                doc_id: str | None = None) -> Document:
    """One input file as a :class:`Document`: size-checked, decoded, converted to plain text, with
    the corpus metadata header or the given title/date/source (which win over the header)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("file not found", source=str(path)) from None
    kind = SUFFIXES.get(path.suffix.lower())
    limit = MAX_PDF_BYTES if kind == "pdf" else MAX_BYTES
    if size > limit:
        raise InputError(f"file is {size / 1048576:.1f} MB, above the ingest limit of {limit // 1048576} MB "
                         f"(split it into documents)", source=str(path))
    if kind is None:
        raise InputError(f"unsupported file type {path.suffix or '(none)'} (use .txt, .md, .html or .pdf)", source=str(path))
    if kind == "pdf":  # read like the others: regular files only, never past the limit
        raw, pdf_title, pdf_date, pdf_pages = pdf_to_text(read_bytes(path, limit), str(path))
    else:
        raw = read_text(path, MAX_BYTES)  # also refuses devices and pipes, and never reads past the limit
    header = ""
    match = re.match(r"\A---\n.*?\n---\n", raw, re.S)
    if match:
        header, raw = match.group(0), raw[match.end():]
    derived_title = None
    meta_date = None
    if kind == "html":
        body, derived_title = html_to_text(raw)
        parser = _TextParser()
        parser.feed(raw)
        meta_date = parser.meta.get("article:published_time") or parser.meta.get("date")
    elif kind == "markdown":
        body = markdown_to_text(raw)
    elif kind == "pdf":
        body, derived_title, meta_date = raw, pdf_title, pdf_date
    else:
        body = raw
    if not body.strip():
        raise InputError("no text left after removing markup (empty document)", source=str(path))
    first_line = next((line.strip() for line in body.split("\n") if line.strip()), "")
    overrides = {"title": title, "date": date, "url": source, "id": doc_id}
    if not header:
        overrides["id"] = overrides["id"] or _slug_id(path.stem)
        overrides["title"] = overrides["title"] or derived_title or first_line[:200]
        if not overrides["date"] and meta_date and re.match(r"\d{4}-\d{2}-\d{2}", meta_date):
            overrides["date"] = meta_date[:10]
    elif "title:" not in header:
        overrides["title"] = overrides["title"] or derived_title or first_line[:200]
    if not body.endswith("\n"):
        body += "\n"
    doc = parse_document(header + body, str(path), **overrides)
    if kind == "pdf":
        doc.metadata["pages"] = pdf_pages
    if doc.url and not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+", doc.url):
        raise InputError(f"the source {doc.url!r} is not a URL (for example https://example.org/article)", source=str(path))
    return doc


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and the text, Markdown and HTML files inside the folders named (sorted)."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError("no .txt, .md or .html files in this folder", source=str(p))
            files += found
        elif p.exists():
            files.append(p)
        else:
            raise InputError("file not found", source=str(p))
    return files


@dataclass
class IngestItem:
    """What happened to one document."""

    document: Document
    status: str  # added | replaced | unchanged | would add | would replace
    extraction: Extraction | None = None
    triples: int = 0


@dataclass
class IngestReport:
    items: list[IngestItem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def statements(self) -> int:
        return sum(len(i.extraction.assertions) for i in self.items if i.extraction and "unchanged" not in i.status)

    @property
    def sentences(self) -> int:
        return sum(len(i.extraction.sentences) for i in self.items if i.extraction)


def document_graph(extraction: Extraction, inst: Instances, producers: Iterable[str] = (PRODUCER,)) -> list[Triple]:
    """The named graph of an ingested document: metadata, who processed it, statements, new entities."""
    doc = extraction.document
    triples = document_triples(doc, inst)
    triples += [(inst.document(doc.id), ONT.producedBy, agent_iri(p, inst)) for p in producers]
    triples += assertions_triples(extraction.assertions, inst)
    pages = doc.metadata.get("pages") or []
    for a in extraction.assertions:  # a PDF's page of each evidence quote
        number = next((n for start, n in reversed(pages) if start <= a.evidence.start), None)
        if number is not None:
            triples.append((inst.evidence(doc.id, a.evidence.start, a.evidence.end), ONT.page,
                            Literal(number, datatype=XSD.integer)))
    for entity in extraction.new_entities:
        triples += entity_triples(entity, inst)
    return triples


_STORED = "SELECT ?g ?doc ?sha ?agent WHERE { GRAPH ?g { ?doc <%s> ?sha . OPTIONAL { ?doc <%s> ?agent } } }" % (
    ONT.sha256, ONT.producedBy)


def _stored_states(store: Store, documents: list[Document], inst: Instances) -> dict[str, tuple[str, set[str]]]:
    """The stored text hash and producers of each document already in the store, by document id.

    One query for a few documents (bound with VALUES), one scan of all document hashes for many.
    """
    if len(documents) <= 20:
        rows = []
        for doc in documents:
            rows += store.query(bind_values(_STORED, {"g": inst.graph_document(doc.id), "doc": inst.document(doc.id)})).rows
    else:
        rows = store.query(_STORED).rows
    wanted = {(str(inst.graph_document(d.id)), str(inst.document(d.id))): d.id for d in documents}
    states: dict[str, tuple[str, set[str]]] = {}
    for g, doc, sha, agent in rows:
        doc_id = wanted.get((str(g), str(doc)))
        if doc_id is None:
            continue
        entry = states.setdefault(doc_id, (str(sha), set()))
        if agent is not None:
            entry[1].add(str(agent))
    return states


def _write_review(folder: Path, extraction: Extraction, producers: Iterable[str] = (PRODUCER,)) -> None:
    if not extraction.proposals:
        return
    folder.mkdir(parents=True, exist_ok=True)
    doc = extraction.document
    entries = []
    for p in extraction.proposals:
        sentence = next((s.text for s in extraction.sentences if s.start <= p.start < s.end), "")
        entries.append({"id": p.id, "class": p.cls, "label": p.label, "cue": p.cue,
                        "in_graph": any(e.id == p.id for e in extraction.new_entities), "sentence": sentence})
    text = (f"# Entities proposed by {' and '.join(producers)} from {doc.id} ({doc.path}).\n"
            "# Review them: move the good ones into entities.yaml (add aliases, Wikidata ids), then re-ingest.\n")
    text += yaml.safe_dump({"document": doc.id, "proposed": entries}, sort_keys=False, allow_unicode=True, width=120)
    (folder / f"{doc.id}.yaml").write_text(text, encoding="utf-8")


def ingest(
    store: Store,
    paths: Iterable[Path],
    *,
    registry: Registry | None = None,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
    dry_run: bool = False,
    review_dir: Path | None = None,
    on_document: Callable[[Document], None] = lambda doc: None,
    extractor=None,
    decisions_dir: Path | None = None,
    keep_dir: Path | None = None,
) -> IngestReport:
    """Extract and store documents; see the module docstring for the guarantees.

    ``extractor`` is the rule-based :class:`~graph.extract.Extractor` over ``registry`` unless
    another producer is given (see :func:`graph.llm.make_extractor`); a document is unchanged
    only if its text and the producers that read it are the same. Facts a reviewer rejected in
    ``decisions_dir`` (a corpus folder, see :mod:`graph.decisions`) stay out; the text of every
    document written is kept in ``keep_dir`` for the review page."""
    files = collect_files(paths)
    if title and len(files) > 1:
        raise InputError(f"--title names one document, but {len(files)} files were given")
    documents = [read_source(f, title=title, date=date, source=source) for f in files]
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.id in seen:
            raise InputError(f"document id {doc.id!r} is also used by {seen[doc.id]}", source=doc.path)
        seen[doc.id] = str(doc.path)
    if extractor is None:
        registry = registry if registry is not None else load_registry(default_data_dir() / "entities.yaml")
        extractor = Extractor(registry)
    producers = tuple(getattr(extractor, "producers", (extractor.producer,)))
    inst = Instances()
    wanted = {str(agent_iri(p, inst)) for p in producers}
    curated = str(agent_iri("curated", inst))  # the document's own metadata carries the curators too
    report = IngestReport(dry_run=dry_run)
    graphs: dict[URIRef, list[Triple]] = {}
    states = _stored_states(store, documents, inst)
    unchanged = set()
    for doc in documents:
        stored, agents = states.get(doc.id, (None, set()))
        if stored == hashlib.sha256(doc.text.encode("utf-8")).hexdigest() and agents - {curated} == wanted:
            unchanged.add(doc.id)
    if hasattr(extractor, "prepare"):  # a language model: every request first, concurrently
        extractor.prepare([doc for doc in documents if doc.id not in unchanged])
    work.begin("extracting", len(documents), "documents")
    for doc in documents:
        work.advance(1)
        stored, agents = states.get(doc.id, (None, set()))
        if doc.id in unchanged:
            report.items.append(IngestItem(doc, "unchanged"))
            on_document(doc)
            continue
        extraction = extractor.extract(doc)
        if decisions_dir is not None:
            judged = load_document_decisions(decisions_dir, doc.id)
            extraction.assertions = without_rejected(extraction.assertions, judged)
        triples = document_graph(extraction, inst, producers)
        status = "replaced" if stored is not None else "added"
        report.items.append(IngestItem(doc, {"added": "would add", "replaced": "would replace"}[status] if dry_run else status,
                                       extraction, len(triples)))
        graphs[inst.graph_document(doc.id)] = triples
        on_document(doc)
    if not dry_run:
        if graphs:
            agents = set(producers) | {a.producer for i in report.items if i.extraction for a in i.extraction.assertions}
            work.begin("writing", sum(len(t) for t in graphs.values()), "triples")
            write_graphs(store, {**graphs, **agent_graphs(agents, inst)}, inst=inst)
        if review_dir is not None:
            for item in report.items:
                if item.extraction is not None:
                    _write_review(Path(review_dir), item.extraction, producers)
        if keep_dir is not None:
            Path(keep_dir).mkdir(parents=True, exist_ok=True)
            for item in report.items:
                if item.extraction is not None:  # the body exactly: evidence offsets count in it
                    (Path(keep_dir) / f"{item.document.id}.txt").write_text(item.document.text, encoding="utf-8")
    return report



