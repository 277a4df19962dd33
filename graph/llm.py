"""A second producer: facts proposed by a language model, kept only where the document supports them.

The model is any OpenAI-compatible chat endpoint (a local llama.cpp, Ollama or vLLM server, or a
hosted one), configured from the environment: ``KG_LLM_URL`` (for example
``http://127.0.0.1:8080/v1``), ``KG_LLM_MODEL``, and a key only from ``KG_LLM_API_KEY``. The
request is built from the ontology (classes and relations with their comments, domain and range,
the certainty scale) and the document (the registry entities it names, its text in paragraphs, a
long document in overlapping chunks); the answer is constrained by a JSON schema generated from the
ontology where the server takes one (``json_schema``, then llama.cpp's ``json_object`` with a
schema, then plain JSON mode).

Nothing the model says is trusted. :meth:`ModelExtractor.verify` keeps a fact only if

- its relation is a relation of the ontology;
- its quote occurs in the document (after whitespace and quote-mark normalisation), and the
  offsets, and so the evidence sentence, are computed here, never taken from the model;
- its subject and object link to the registry (or become proposed entities, reviewed like the
  rule-based ones) and are named in that evidence;
- their classes fit the relation's domain and range, and the statement passes the SHACL shapes.

Dates and certainty go through the rule-based stages: a date is kept only if the evidence gives
it, and a negation or hedge in the evidence outranks the model's certainty. Every dropped fact is
counted by reason. Answers are cached on disk by a hash of the model and the whole request (which
holds the prompt version and the chunk), so re-reading an unchanged document makes no request.

>>> find_quote("Russia  vetoed the \u201cdraft\u201d.", 'vetoed the "draft"')
(8, 26)
>>> [(a, b) for a, b in chunks("one\\n\\ntwo\\n\\nthree", size=10)]
[(0, 8), (5, 15)]
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from rdflib import RDFS, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL

from . import progress as work
from .errors import InputError, ModelError
from .extract import Extraction, Extractor
from .extract.certainty import assess
from .extract.dates import find_dates
from .extract.mentions import Linker
from .extract.newentities import Proposal, slug
from .extract.segment import split_sentences
from .gazetteer import with_gazetteer
from .httpclient import open_with_deadline, same_origin_opener
from .model import CERTAINTIES, Assertion, Document, Entity, Evidence
from .namespaces import ENTITY_CLASSES, ONT, RELATIONS
from .registry import Registry
from .resources import ontology_dir

__all__ = ["PROMPT_VERSION", "EXTRACTOR_KINDS", "DROP_REASONS", "Endpoint", "ModelExtraction", "ModelExtractor",
           "BothExtractor", "make_extractor", "fact_schema", "find_quote", "chunks"]

EXTRACTOR = "geokg-llm"
#: Bumped whenever the request changes in a way that changes answers (it is part of the producer).
PROMPT_VERSION = "p1"
EXTRACTOR_KINDS = ("rules", "llm", "both")
#: Characters of document text per request; chunks overlap by one paragraph.
CHUNK_CHARS = 2400
#: Why a fact of the model's answer did not reach the graph, in the order they are checked.
DROP_REASONS = (
    "not a fact object", "relation not in the ontology", "quote not in the document",
    "subject not linked", "object not linked", "subject not in the evidence", "object not in the evidence",
    "subject is the object", "outside the relation's domain or range", "fails the SHACL shapes", "duplicate",
)
_BASE_CONFIDENCE = 0.5
#: Facts asked for per chunk at most (the schema's maxItems: a looping model stops there).
MAX_FACTS = 16
_MAX_ANSWER_BYTES = 4 * 1024 * 1024
_FORMATS = ("json_schema", "json_object", "none")


# --- the endpoint ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Endpoint:
    """An OpenAI-compatible chat endpoint and how patiently to use it."""

    url: str
    model: str
    api_key: str | None = None
    timeout: float = 120.0
    retries: int = 2
    concurrency: int = 2
    max_tokens: int = 1024

    @classmethod
    def from_env(cls, environ=None) -> "Endpoint":
        """The endpoint of ``KG_LLM_URL`` / ``KG_LLM_MODEL`` / ``KG_LLM_API_KEY`` (and
        ``KG_LLM_TIMEOUT``, ``KG_LLM_RETRIES``, ``KG_LLM_CONCURRENCY``, ``KG_LLM_MAX_TOKENS``)."""
        env = os.environ if environ is None else environ
        url, model = env.get("KG_LLM_URL", "").strip(), env.get("KG_LLM_MODEL", "").strip()
        if not url:
            raise InputError("the llm extractor needs an OpenAI-compatible endpoint: set KG_LLM_URL "
                             "(for example http://127.0.0.1:8080/v1) and KG_LLM_MODEL")
        if not re.match(r"https?://[^/\s]+", url):
            raise InputError(f"KG_LLM_URL {url!r} is not an http(s) URL (for example http://127.0.0.1:8080/v1)")
        if not model:
            raise InputError("set KG_LLM_MODEL to the model the endpoint should run (for example llama3.1:8b)")

        def number(name, default, kind=float, low=0):
            raw = env.get(name)
            try:
                value = kind(raw) if raw not in (None, "") else default
            except ValueError:
                raise InputError(f"{name} must be a number, not {raw!r}") from None
            if value < low:
                raise InputError(f"{name} must be at least {low}, not {raw}")
            return value

        return cls(url, model, env.get("KG_LLM_API_KEY") or None, number("KG_LLM_TIMEOUT", 120.0, low=0.1),
                   number("KG_LLM_RETRIES", 2, int), number("KG_LLM_CONCURRENCY", 2, int, 1),
                   number("KG_LLM_MAX_TOKENS", 1024, int, 16))

    @property
    def chat_url(self) -> str:
        parts = urllib.parse.urlsplit(self.url)
        path = parts.path.rstrip("/")
        if not path.endswith("/chat/completions"):
            path = (path or "/v1") + "/chat/completions"
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.url).netloc.rsplit("@", 1)[-1]

    @property
    def producer(self) -> str:
        """``geokg-llm/<prompt version>/<model>@<host>``: what made the fact, and where it ran."""
        safe = lambda s: re.sub(r"[^A-Za-z0-9._~:+-]+", "-", s)  # noqa: E731
        return f"{EXTRACTOR}/{PROMPT_VERSION}/{safe(self.model)}@{safe(self.host)}"


_OPENER = same_origin_opener(ModelError)


class _Client:
    """Requests to one endpoint: retries with backoff, a fallback through the response formats the
    server takes, and every failure as one :class:`ModelError` line."""

    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self.format = _FORMATS[0]
        self._lock = threading.Lock()
        self.requests = 0

    def ask(self, messages: list[dict], schema: dict) -> str:
        """The content of the model's answer to ``messages``."""
        e = self.endpoint
        attempt = 0
        while True:
            fmt = self.format
            try:
                return self._post(messages, schema, fmt)
            except _Refused as err:  # the server does not take this response format: try the next
                with self._lock:
                    if self.format == fmt and fmt != _FORMATS[-1]:
                        self.format = _FORMATS[_FORMATS.index(fmt) + 1]
                        continue
                    if self.format != fmt:
                        continue
                raise ModelError(f"the language-model endpoint {e.chat_url} refused the request: {err}") from None
            except _Transient as err:
                attempt += 1
                if attempt > e.retries:
                    raise ModelError(f"the language-model endpoint {e.chat_url} {err} "
                                     f"({attempt} attempt{'s' if attempt > 1 else ''}); nothing was written") from None
                time.sleep(min(8.0, 0.5 * 2 ** (attempt - 1)))

    def _post(self, messages: list[dict], schema: dict, fmt: str) -> str:
        e = self.endpoint
        body = {"model": e.model, "messages": messages, "temperature": 0, "max_tokens": e.max_tokens, "stream": False}
        if fmt == "json_schema":
            body["response_format"] = {"type": "json_schema", "json_schema": {"name": "facts", "schema": schema, "strict": True}}
        elif fmt == "json_object":
            body["response_format"] = {"type": "json_object", "schema": schema}
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if e.api_key:
            headers["Authorization"] = f"Bearer {e.api_key}"
        request = urllib.request.Request(e.chat_url, data=json.dumps(body).encode("utf-8"), method="POST", headers=headers)
        with self._lock:
            self.requests += 1
        try:
            response, deadline = open_with_deadline(_OPENER, request, e.timeout)
        except urllib.error.HTTPError as err:
            text = err.read(2000).decode("utf-8", "replace")
            err.close()
            detail = " ".join(text.split())[:200]
            if fmt != "none" and err.code in (400, 422, 500) and re.search(r"response_format|json_schema|json_object", text):
                raise _Refused(f"HTTP {err.code}: {detail}") from None
            if err.code in (401, 403):
                hint = "" if e.api_key else " (set KG_LLM_API_KEY)"
                raise ModelError(f"the language-model endpoint {e.chat_url} refused the request: HTTP {err.code}{hint}") from None
            if err.code == 429 or err.code >= 500:
                raise _Transient(f"answered HTTP {err.code}" + (f": {detail}" if detail else "")) from None
            raise ModelError(f"the language-model endpoint {e.chat_url} refused the request: HTTP {err.code}"
                             + (f": {detail}" if detail else "")) from None
        except ModelError:
            raise
        except (urllib.error.URLError, OSError, ValueError) as err:
            if getattr(err, "kg_deadline", None) is not None and err.kg_deadline.expired:
                raise _Transient(f"did not answer within {e.timeout:g} s (KG_LLM_TIMEOUT)") from None
            reason = getattr(err, "reason", err)
            raise _Transient(f"cannot be reached: {reason}") from None
        try:
            raw = response.read(_MAX_ANSWER_BYTES + 1)
        except OSError:
            raw = None
        finally:
            deadline.cancel()
            response.close()
        if raw is None:
            if deadline.expired:
                raise _Transient(f"did not answer within {e.timeout:g} s (KG_LLM_TIMEOUT)")
            raise _Transient("closed the connection in the middle of its answer")
        if len(raw) > _MAX_ANSWER_BYTES:
            raise ModelError(f"the language-model endpoint {e.chat_url} answered more than 4 MB; refused")
        try:
            content = json.loads(raw)["choices"][0]["message"]["content"]
            if not isinstance(content, str):
                raise TypeError
        except (ValueError, KeyError, IndexError, TypeError):
            shown = " ".join(raw[:120].decode("utf-8", "replace").split())
            raise ModelError(f"the language-model endpoint {e.chat_url} answered something that is not a chat "
                             f"completion: {shown!r}") from None
        return content


class _Refused(Exception):
    pass


class _Transient(Exception):
    pass


# --- what is asked -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ontology_dir() / "geokg.ttl", format="turtle")


def _classes_of(node) -> set:
    """The named classes a domain or range names (one class, or an owl:unionOf of them)."""
    g = _ontology()
    members = g.value(node, OWL.unionOf)
    if members is not None:
        return set(Collection(g, members))
    return {node} if isinstance(node, URIRef) else set()


@lru_cache(maxsize=None)
def _superclasses(cls: str) -> frozenset:
    g = _ontology()
    return frozenset(str(c) for c in g.transitive_objects(ONT[cls], RDFS.subClassOf))


@lru_cache(maxsize=None)
def _signature(relation: str) -> tuple[frozenset, frozenset]:
    """The classes a relation's subject and object must belong to (empty: any)."""
    g = _ontology()
    domain = set().union(*(_classes_of(d) for d in g.objects(ONT[relation], RDFS.domain)))
    range_ = set().union(*(_classes_of(r) for r in g.objects(ONT[relation], RDFS.range)))
    return frozenset(str(c) for c in domain), frozenset(str(c) for c in range_)


def _fits(cls: str, allowed: frozenset) -> bool:
    return not allowed or bool(_superclasses(cls) & allowed)


def _short(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


@lru_cache(maxsize=1)
def ontology_brief() -> str:
    """The ontology as the model reads it: classes, relations (domain -> range) and the certainty
    scale, each with the first clause of the comment the ontology gives it (its definition)."""
    g = _ontology()

    def comment(term: str) -> str:  # the definition: the comment's first clause
        text = " ".join(str(g.value(ONT[term], RDFS.comment) or "").split())
        return re.split(r"(?<=[a-z)])[.;] ", text, maxsplit=1)[0].rstrip(".") + "."

    lines = ["CLASSES (subject_class and object_class take one of these):"]
    lines += [f"- {c}: {comment(c)}" for c in ENTITY_CLASSES]
    lines.append("RELATIONS (subject relation object; the subject and object classes each allows):")
    for r in RELATIONS:
        domain, range_ = _signature(r)
        shown = lambda s: "|".join(sorted(_short(c) for c in s)) or "any"  # noqa: E731
        lines.append(f"- {r} ({shown(domain)} -> {shown(range_)}): {comment(r)}")
    lines.append("CERTAINTY (how the document presents the fact):")
    lines += [f"- {c}: {comment(c.capitalize())}" for c in CERTAINTIES]
    return "\n".join(lines)


def fact_schema(sentences: list[str] | None = None) -> dict:
    """The JSON schema of an answer, generated from the ontology: a list of facts whose relation,
    classes and certainty can only be the ontology's own, and, given the ``sentences`` of the
    text, whose quote can only be one of them (a server that constrains its output to the schema
    then cannot invent a quote; one that does not is caught by verification)."""
    name = {"type": "string", "maxLength": 120}
    text = {"enum": list(dict.fromkeys(sentences))} if sentences else {"type": "string", "maxLength": 400}
    fact = {"type": "object", "additionalProperties": False, "properties": {
        "subject": name, "subject_class": {"enum": list(ENTITY_CLASSES)},
        "relation": {"enum": list(RELATIONS)},
        "object": name, "object_class": {"enum": list(ENTITY_CLASSES)},
        "certainty": {"enum": list(CERTAINTIES)},
        "claimed_by": name, "date": {"type": "string", "maxLength": 60}, "quote": text}}
    fact["required"] = list(fact["properties"])
    return {"type": "object", "additionalProperties": False, "required": ["facts"],
            "properties": {"facts": {"type": "array", "items": fact, "maxItems": MAX_FACTS}}}


_SYSTEM = (
    "You read documents on international security and extract facts for a knowledge graph. "
    "Answer with JSON only: {\"facts\": [...]}. For each fact the text itself states about two named "
    "entities, give: subject and object (names as the text writes them; use the listed entity names "
    "where they fit), subject_class and object_class (from CLASSES), relation (from RELATIONS, "
    "respecting its classes), certainty (from CERTAINTY), claimed_by (who the text says makes the claim, "
    "or \"\" if the text states it), date (the date of the fact as the text writes it, or \"\"), and quote "
    "(the exact words of the document that state the fact, copied character for character, one "
    "sentence at most). Never add facts from your own knowledge. Give no fact if the text states none."
)


def _offered(sentence: str) -> str:
    """A sentence as the schema offers it for a quote: one line, double quote marks made single
    (llama.cpp's grammar builder mishandles escaped ones, and verification reads them alike);
    "" for one with a backslash or a control character, which no grammar should have to carry."""
    line = " ".join(sentence.split()).replace('"', "'")
    return "" if re.search(r"[\\\x00-\x1f\x7f]", line) else line


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Spans of ``text`` of about ``size`` characters, cut between paragraphs (inside one only when
    a paragraph is longer), each starting with the last paragraph of the one before."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)??(?=\s*\n\s*\n|\s*\Z)", text, re.S)]
    pieces: list[tuple[int, int]] = []
    for start, end in paragraphs:  # paragraphs longer than a chunk: cut at sentence ends
        while end - start > size:
            cut = max((m.end() for m in re.finditer(r"[.!?]\s", text[start:start + size])), default=size)
            pieces.append((start, start + cut))
            start += cut
            while start < end and text[start].isspace():
                start += 1
        pieces.append((start, end))
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        j = i
        while j + 1 < len(pieces) and pieces[j + 1][1] - pieces[i][0] <= size:
            j += 1
        out.append((pieces[i][0], pieces[j][1]))
        if j + 1 >= len(pieces):
            break
        overlap = j > i and pieces[j + 1][1] - pieces[j][0] <= size
        i = j if overlap else j + 1
    return out


# --- verification ------------------------------------------------------------------------------

#: Every quote mark, single or double, straight or curly, reads as one: a model may write either.
_QUOTES = str.maketrans({c: "'" for c in "\"\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})


def _normalised(text: str) -> tuple[str, list[int]]:
    """``text`` with every quote mark made ``'`` and whitespace runs made one space, and for each
    character of the result the offset of its source character."""
    out, where = [], []
    space = False
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        out.append(ch)
        where.append(i)
    return "".join(out), where


def find_quote(text: str, quote: str, near: int = 0) -> tuple[int, int] | None:
    """Where ``quote`` occurs in ``text`` (the occurrence nearest ``near``), after whitespace and
    quote-mark normalisation of both; offsets are in ``text``. None if it does not occur."""
    wanted, _ = _normalised(quote.strip())
    if len(wanted) > 2 and wanted[0] == wanted[-1] == "'":  # the model quoted its quote
        wanted = wanted[1:-1].strip()
    wanted = re.sub(r"\s*(?:\.\.\.|\u2026)$", "", wanted).strip()
    if len(wanted) < 8:
        return None
    haystack, where = _normalised(text)
    hits = [m.start() for m in re.finditer(re.escape(wanted), haystack)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(where[h] - near))
    return where[best], where[best + len(wanted) - 1] + 1


@dataclass
class ModelExtraction(Extraction):
    """An :class:`Extraction` of the model's, with the facts verification dropped: (reason, fact)."""

    dropped: list[tuple[str, str]] = field(default_factory=list)
    proposed: int = 0  # facts in the model's answers, kept or dropped


class ModelExtractor:
    """Facts from a language model over one registry, verified against each document."""

    def __init__(self, registry: Registry, endpoint: Endpoint, *, cache_dir: Path | None = None, gazetteer: bool = True):
        self.registry = with_gazetteer(registry) if gazetteer else registry
        self.linker = Linker(self.registry)
        self.endpoint = endpoint
        self.producer = endpoint.producer
        self.producers = (self.producer,)
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.client = _Client(endpoint)
        self._answers: dict[str, str | None] = {}

    # requests
    def _entity_list(self, doc: Document) -> str:
        """The registry entities the document names, one line each, as the request lists them."""
        names = {}
        for m in self.linker.find(doc.text, 0):
            if not m.nested and m.entity in self.registry:
                entity = self.registry[m.entity]
                names.setdefault(entity.id, f"- {entity.label} ({entity.cls})")
        return "\n".join(names.values()) or "(none known)"

    def _messages(self, doc: Document, named: str, span: tuple[int, int], part: int, parts: int) -> list[dict]:
        heading = f"DOCUMENT {doc.title!r}" + (f", dated {doc.date}" if doc.date else "")
        if parts > 1:
            heading += f", part {part} of {parts}"
        user = "\n\n".join([ontology_brief(), "ENTITIES named in this document:\n" + named,
                            heading + ":\n" + doc.text[span[0]:span[1]]])
        return [{"role": "system", "content": _SYSTEM}, {"role": "user", "content": user}]

    def _key(self, messages: list[dict], schema: dict) -> str:
        request = json.dumps({"model": self.endpoint.model, "prompt": PROMPT_VERSION, "schema": schema,
                              "messages": messages}, sort_keys=True)
        return hashlib.sha256(request.encode("utf-8")).hexdigest()

    def _cached(self, key: str) -> str | None:
        if self.cache_dir is None:
            return None
        try:
            return json.loads((self.cache_dir / f"{key}.json").read_text(encoding="utf-8"))["content"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _store(self, key: str, content: str) -> None:
        if self.cache_dir is None or _facts(content) is None:  # an unreadable answer is asked again next time
            return
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.cache_dir / f".{key}.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_text(json.dumps({"model": self.endpoint.model, "prompt": PROMPT_VERSION, "content": content}),
                       encoding="utf-8")
        os.replace(tmp, self.cache_dir / f"{key}.json")

    def _requests(self, doc: Document) -> list[tuple[tuple[int, int], list[dict], dict, str]]:
        """Per chunk: its span, the messages, the answer schema and the cache key."""
        spans = chunks(doc.text)
        named = self._entity_list(doc)
        out = []
        for i, span in enumerate(spans, 1):
            messages = self._messages(doc, named, span, i, len(spans))
            schema = fact_schema([_offered(s.text) for s in split_sentences(doc.text[span[0]:span[1]])
                                  if _offered(s.text)])
            out.append((span, messages, schema, self._key(messages, schema)))
        return out

    def prepare(self, documents: list[Document]) -> None:
        """Ask the model about every chunk of ``documents`` not in the cache, ``concurrency`` at a
        time, with a progress bar; the first failure stops everything (nothing has been written)."""
        todo = {}
        for doc in documents:
            for _, messages, schema, key in self._requests(doc):
                if key in self._answers:
                    continue
                cached = self._cached(key)
                if cached is not None:
                    self._answers[key] = cached
                else:
                    todo[key] = (messages, schema)
        if not todo:
            return
        work.begin("asking the model", len(todo), "chunks")

        def one(item):
            key, (messages, schema) = item
            content = self.client.ask(messages, schema)
            self._store(key, content)
            work.advance(1)
            return key, content

        with ThreadPoolExecutor(max_workers=self.endpoint.concurrency) as pool:
            futures = [pool.submit(one, item) for item in todo.items()]
            try:
                for future in futures:
                    key, content = future.result()
                    self._answers[key] = content
            except BaseException:
                for future in futures:
                    future.cancel()
                raise

    def extract(self, doc: Document) -> ModelExtraction:
        """The verified facts of one document (asking the model first if :meth:`prepare` was not run)."""
        requests = self._requests(doc)
        self.prepare([doc])
        sentences = split_sentences(doc.text)
        result = ModelExtraction(doc, sentences, [], [])
        unreadable = 0
        seen: set = set()
        proposals: dict[str, Proposal] = {}
        for span, _, _, key in requests:
            facts = _facts(self._answers.get(key) or "")
            if facts is None:
                unreadable += 1
                continue
            result.proposed += len(facts)
            for fact in facts:
                outcome = self.verify(doc, fact, span, sentences, proposals)
                if isinstance(outcome, str):
                    result.dropped.append((outcome, _summary(fact)))
                    continue
                if outcome.key() + (outcome.evidence.start,) in seen:
                    result.dropped.append(("duplicate", _summary(fact)))
                    continue
                seen.add(outcome.key() + (outcome.evidence.start,))
                result.assertions.append(outcome)
        if requests and unreadable == len(requests):
            raise ModelError(f"the language-model endpoint {self.endpoint.chat_url} answered no readable JSON for "
                             f"{doc.id} ({unreadable} chunk{'s' if unreadable > 1 else ''}); nothing was written")
        if unreadable:
            result.dropped += [("answer not JSON", f"chunk of {doc.id}")] * unreadable
        result.assertions = self._shapes(doc, result.assertions, proposals, result.dropped)
        result.proposals = list(proposals.values())
        used = {i for a in result.assertions for i in (a.subject, a.object, a.according_to) if i}
        result.new_entities = [Entity(p.id, p.cls, p.label, producer=self.producer,
                                      description=f"proposed by {self.producer} ({p.cue})")
                               for p in proposals.values() if p.id in used and p.id not in self.registry]
        result.new_entities += [replace(e, producer=self.producer) for e in self.registry
                                if e.producer == "gazetteer" and e.id in used]
        return result

    def verify(self, doc: Document, fact: object, span: tuple[int, int], sentences, proposals: dict) -> Assertion | str:
        """The fact as an :class:`Assertion` if the document supports it, else why not (a reason of
        :data:`DROP_REASONS`)."""
        if not isinstance(fact, dict) or not all(isinstance(fact.get(k), str) for k in ("subject", "relation", "object", "quote")):
            return "not a fact object"
        relation = fact["relation"].strip()
        if relation not in RELATIONS:
            return "relation not in the ontology"
        where = find_quote(doc.text, fact["quote"], near=span[0])
        if where is None:
            return "quote not in the document"
        inside = [s for s in sentences if s.start < where[1] and where[0] < s.end]
        start, end = (inside[0].start, inside[-1].end) if inside else where
        evidence = Evidence(doc.id, doc.text[start:end], start, end)
        linked = []
        for role in ("subject", "object"):
            entity = self._link(fact[role], fact.get(f"{role}_class"), evidence, proposals)
            if entity is None:
                return f"{role} not linked"
            if not self._named(entity, fact[role], evidence):
                return f"{role} not in the evidence"
            linked.append(entity)
        subject, obj = linked
        if subject.id == obj.id:
            return "subject is the object"
        domain, range_ = _signature(relation)
        if not (_fits(subject.cls, domain) and _fits(obj.cls, range_)):
            return "outside the relation's domain or range"
        according = self._claimant(fact.get("claimed_by"), evidence, subject.id)
        certainty = self._certainty(fact.get("certainty"), evidence, where, according)
        times = self._times(doc, fact.get("date"), evidence)
        return Assertion(subject.id, relation, obj.id, evidence, certainty, *times, according_to=according,
                         producer=self.producer, confidence=_BASE_CONFIDENCE,
                         note=f"language model ({self.endpoint.model}); quote: {doc.text[where[0]:where[1]][:200]}")

    def _link(self, name: str, cls: object, evidence: Evidence, proposals: dict) -> Entity | None:
        """The registry entity ``name`` names, or a proposed entity of the model's class."""
        name = " ".join(str(name).split())
        if not name or len(name) > 150:
            return None
        found = [m for m in self.linker.find(name, 0) if not m.nested]
        best = max(found, key=lambda m: m.end - m.start, default=None)
        if best is not None and (best.end - best.start) >= 0.6 * len(name) and best.entity in self.registry:
            return self.registry[best.entity]
        label = re.sub(r"^the\s+", "", name)
        if cls not in ENTITY_CLASSES or not _NAME_SHAPE.fullmatch(label):
            return None
        entity_id = slug(label)
        if entity_id in self.registry:
            return self.registry[entity_id]
        at = evidence.quote.casefold().find(label.casefold())
        start = evidence.start + max(at, 0)
        proposal = proposals.setdefault(entity_id, Proposal(entity_id, cls, label, start, start + len(label),
                                                            "named by the language model"))
        return Entity(proposal.id, proposal.cls, proposal.label)

    def _named(self, entity: Entity, name: str, evidence: Evidence) -> bool:
        """Whether the evidence names the entity: the model's name or a name the linker finds there."""
        if " ".join(name.split()).casefold().removeprefix("the ") in " ".join(evidence.quote.split()).casefold():
            return True
        return any(m.entity == entity.id for m in self.linker.find(evidence.quote, 0))

    def _claimant(self, name: object, evidence: Evidence, subject: str) -> str | None:
        if not isinstance(name, str) or not name.strip():
            return None
        found = [m for m in self.linker.find(" ".join(name.split()), 0) if not m.nested and m.entity in self.registry]
        for m in found:
            if m.entity != subject and self.registry[m.entity].cls in _ACTORS and self._named(
                    self.registry[m.entity], name, evidence):
                return m.entity
        return None

    def _certainty(self, said: object, evidence: Evidence, where: tuple[int, int], according: str | None) -> str:
        """The model's certainty, unless the evidence's own cues (negation, hedges) say weaker; a
        denial needs a negation in the text."""
        certainty = said.strip().lower() if isinstance(said, str) and said.strip().lower() in CERTAINTIES else "confirmed"
        cue = assess(evidence.quote, max(0, where[0] - evidence.start), max(0, where[1] - evidence.start)).certainty
        if CERTAINTIES.index(cue) > CERTAINTIES.index(certainty) or (certainty == "denied" and cue != "denied"):
            certainty = cue  # the text's own cues win, and only the text can deny
        if according and certainty == "confirmed":
            certainty = "reported"
        return certainty

    def _times(self, doc: Document, said: object, evidence: Evidence) -> tuple:
        """(point, start, end): the date the model gave, if the evidence gives it too."""
        if not isinstance(said, str) or not said.strip():
            return None, None, None
        reference = doc.date.earliest() if doc.date else None
        in_evidence = find_dates(evidence.quote, reference, evidence.start)
        wanted = " ".join(said.split()).casefold()
        values = {d.value for d in find_dates(said, reference)}
        for d in in_evidence:
            if d.text.casefold() in wanted or wanted in d.text.casefold() or d.value in values:
                return (d.value, None, None) if d.role == "point" else (
                    (None, d.value, None) if d.role == "start" else (None, None, d.value))
        return None, None, None

    def _shapes(self, doc: Document, assertions: list[Assertion], proposals: dict, dropped: list) -> list[Assertion]:
        """The assertions whose statements pass the SHACL shapes (checked on the document graph)."""
        if not assertions:
            return assertions
        import pyshacl

        from .namespaces import SH, Instances
        from .rdf import agent_triples, assertion_triples, document_triples, entity_triples, statement_iri

        inst = Instances()
        data = Graph()
        for t in document_triples(doc, inst) + agent_triples(self.producer, inst):
            data.add(t)
        entities = {e.id: e for e in self.registry}
        entities.update({p.id: Entity(p.id, p.cls, p.label) for p in proposals.values()})
        for i in {i for a in assertions for i in (a.subject, a.object, a.according_to) if i}:
            for t in entity_triples(entities[i], inst):
                data.add(t)
        for a in assertions:
            for t in assertion_triples(a, inst):
                data.add(t)
        _, report, _ = pyshacl.validate(data, shacl_graph=_shapes_graph(), inference="none")
        focus = {str(report.value(r, SH.focusNode)) for r in report.subjects(SH.resultSeverity, None)}
        kept = []
        for a in assertions:
            if str(statement_iri(a, inst)) in focus:
                dropped.append(("fails the SHACL shapes", f"{a.subject} {a.relation} {a.object}"))
            else:
                kept.append(a)
        return kept


#: What a new entity's name looks like: capitalised words (or numbers), joined by a few small
#: words ("Ministry of Foreign Affairs", "Resolution 2397"); a clause or sentence is not a name.
_NAME_SHAPE = re.compile(r"(?:[A-Z0-9][\w’'.&-]*)(?:\s+(?:(?:of|for|and|the|on|de|del|al|in|to)\s+)*[A-Z0-9(][\w’'.&()-]*){0,7}")

_ACTORS = {"Actor", "State", "Person", "PoliticalLeader", "Analyst", "Organization", "InternationalOrganization",
           "GovernmentBody", "ThinkTank", "MediaOrganization", "ArmedForces", "ResearchProgramme"}


@lru_cache(maxsize=1)
def _shapes_graph() -> Graph:
    from .validate import load_shapes

    return load_shapes()


def _facts(content: str) -> list | None:
    """The list of facts in an answer (JSON, possibly fenced as a Markdown code block), or None.

    An answer cut off at the token limit keeps its complete facts:

    >>> _facts('{"facts": [{"a": 1}, {"b": 2}, {"c": ')
    [{'a': 1}, {'b': 2}]
    """
    text = content.strip()
    fenced = re.match(r"```(?:json)?\s*(.*?)\s*(?:```\s*)?$", text, re.S)
    if fenced:
        text = fenced.group(1)
    try:
        value = json.loads(text, strict=False)  # a raw line break inside a string is no reason to drop it all
    except ValueError:
        return _complete_facts(text)
    if isinstance(value, dict) and isinstance(value.get("facts"), list):
        return value["facts"]
    if isinstance(value, list):
        return value
    return None


def _complete_facts(text: str) -> list | None:
    """The complete objects at the start of a facts array whose end is missing (None if none)."""
    opening = re.match(r'\s*(?:\{\s*"facts"\s*:\s*)?\[', text)
    if not opening:
        return None
    decoder, at, found = json.JSONDecoder(strict=False), opening.end(), []
    while True:
        at = len(text) - len(text[at:].lstrip(" \t\r\n,"))
        try:
            value, at = decoder.raw_decode(text, at)
        except ValueError:
            return found or None
        found.append(value)


def _summary(fact: object) -> str:
    if not isinstance(fact, dict):
        return repr(fact)[:160]
    parts = [str(fact.get(k, ""))[:60] for k in ("subject", "relation", "object")]
    quote = " ".join(str(fact.get("quote", "")).split())[:100]
    return " ".join(parts) + (f' ("{quote}")' if quote else "")


class BothExtractor:
    """The rule-based and the model's facts side by side; a fact both give gains confidence."""

    def __init__(self, rules: Extractor, model: ModelExtractor):
        self.rules, self.model = rules, model
        self.registry = rules.registry
        self.producer = f"{rules.producer}+{model.producer}"
        self.producers = (rules.producer, model.producer)

    def prepare(self, documents: list[Document]) -> None:
        self.model.prepare(documents)

    def extract(self, doc: Document) -> ModelExtraction:
        ruled, modelled = self.rules.extract(doc), self.model.extract(doc)
        agree = {a.key() for a in ruled.assertions} & {a.key() for a in modelled.assertions}
        boost = lambda a: replace(a, confidence=round(1 - (1 - a.confidence) * (1 - _BASE_CONFIDENCE), 3)) if a.key() in agree else a  # noqa: E731
        entities = {e.id: e for e in ruled.new_entities}
        entities.update({e.id: e for e in modelled.new_entities if e.id not in entities})
        proposals = {p.id: p for p in ruled.proposals}
        proposals.update({p.id: p for p in modelled.proposals if p.id not in proposals})
        return ModelExtraction(doc, ruled.sentences, ruled.mentions,
                               [boost(a) for a in ruled.assertions] + [boost(a) for a in modelled.assertions],
                               list(proposals.values()), list(entities.values()), ruled.dates,
                               dropped=modelled.dropped, proposed=modelled.proposed)


def make_extractor(kind: str, registry: Registry, *, cache_dir: Path | None = None, environ=None, use_ner=None):
    """The extractor ``kind`` names (``rules``, ``llm`` or ``both``) over ``registry``; the model's
    endpoint comes from the environment (see :meth:`Endpoint.from_env`)."""
    if kind not in EXTRACTOR_KINDS:
        raise InputError(f"unknown extractor {kind!r} (use {', '.join(EXTRACTOR_KINDS)})")
    rules = Extractor(registry, use_ner=use_ner) if kind != "llm" else None
    if kind == "rules":
        return rules
    model = ModelExtractor(registry, Endpoint.from_env(environ), cache_dir=cache_dir)
    return model if kind == "llm" else BothExtractor(rules, model)
