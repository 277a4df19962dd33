"""Named SPARQL queries (``graph/queries/*.rq``) and safe parameter binding.

A named query is a ``.rq`` file whose comment header gives its title, description and parameters::

    # title: An actor's relations with evidence
    # description: Every fact where the actor is subject or object.
    # param: actor entity  The actor: an id, label or alias (north-korea, DPRK)
    # param: certainty? certainty  Only facts with this certainty

A ``?`` after the name makes a parameter optional. Values are checked and turned into RDF terms
by their type (``entity``, ``relation``, ``certainty``, ``date``, ``string``, ``integer``,
``iri``), then bound with a ``VALUES`` block written from the terms' N-Triples form, placed at
the start of the query's WHERE group, or at each ``#@bind`` line (a marker alone on its line:
one in every branch of a UNION, where Oxigraph uses the values to look up, rather than joining
the whole branch). User text is never pasted into the query: a hostile value is at worst a
literal that matches nothing.

Named queries return a page of ``DEFAULT_LIMIT`` rows unless told otherwise (``limit=0``: all).
The page is cut at a ``#@limit`` line if the query has one, else by a ``LIMIT`` after its
``ORDER BY``. Listing queries put ``#@limit`` in an inner SELECT and sort outside it: on a large
store the first rows found are sorted, where a global sort would first evaluate every match
(seconds at a million statements). :attr:`QueryResult.truncated` says when more rows exist.

>>> bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"o": Literal('a" } DROP ALL {')})
'SELECT ?x WHERE { VALUES ?o { "a\\\\" } DROP ALL {" } ?x ?p ?o }'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from rdflib import Literal, URIRef

from .errors import InputError, QueryError, did_you_mean
from .model import CERTAINTIES, PartialDate
from .namespaces import CERTAINTY_IRIS, ONT, PREFIXES, RELATIONS, Instances
from .rdf import date_literal
from .registry import ENTITY_ID_RE, Registry
from .resources import queries_dir
from .store import QueryResult, Store

__all__ = ["check_nesting", "check_service", 
    "NamedQuery",
    "Param",
    "named_queries",
    "load_named_query",
    "bind_values",
    "prefixes_for",
    "run_query",
    "run_named",
    "store_registry",
    "resolve_entity",
    "PARAM_TYPES",
    "DEFAULT_LIMIT",
    "with_limit",
]

#: Rows a named query returns unless the caller asks for another page size (0: every row).
DEFAULT_LIMIT = 100
#: Marker lines (alone on their line) where parameters are bound and where the page is cut.
BIND_MARK = re.compile(r"^[ \t]*#@bind[ \t]*$", re.M)
LIMIT_MARK = re.compile(r"^[ \t]*#@limit[ \t]*$", re.M)

PARAM_TYPES = ("entity", "relation", "certainty", "date", "string", "integer", "iri")
_PARAM_RE = re.compile(r"^(\w+)(\?)?\s+(\w+)\s*(.*)$")


@dataclass
class Param:
    name: str
    type: str
    optional: bool = False
    description: str = ""


@dataclass
class NamedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: list[Param] = field(default_factory=list)
    text: str = ""
    #: Another query file (relative to this one) to run when this one finds no row: how a query
    #: that reads summaries kept by ``kg`` still answers on a store that another tool filled.
    fallback: Path | None = None


def load_named_query(path: Path) -> NamedQuery:
    """Read a ``.rq`` file and its comment header."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    title, description, params, fallback = path.stem, "", [], None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line.lstrip("# ").partition(":")
        value = value.strip()
        if key == "title":
            title = value
        elif key == "description":
            description = (description + " " + value).strip()
        elif key == "param":
            match = _PARAM_RE.match(value)
            if not match or match.group(3) not in PARAM_TYPES:
                raise QueryError(f"bad parameter line in {path.name}: {line!r}")
            params.append(Param(match.group(1), match.group(3), bool(match.group(2)), match.group(4)))
        elif key == "fallback":
            fallback = path.parent / value
    return NamedQuery(path.stem, path, title, description, params, text, fallback)


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query of the library, by name (the file name without ``.rq``)."""
    folder = Path(folder) if folder else queries_dir()
    return {p.stem: load_named_query(p) for p in sorted(folder.glob("*.rq"))}


def _where_brace(sparql: str) -> int:
    """Offset just after the ``{`` that opens the top-level WHERE group (comments, strings and
    IRIs skipped); for queries without the WHERE keyword, the first ``{``."""
    i, n = 0, len(sparql)
    saw_where = False
    construct_template = bool(re.match(r"(?is)\s*(?:(?:prefix|base)[^\n]*\n\s*|#[^\n]*\n\s*)*construct\s*\{", sparql))
    while i < n:
        c = sparql[i]
        if c == "#":
            i = sparql.find("\n", i)
            i = n if i < 0 else i
        elif c == "<" and re.match(r"<[^<>\"{}|^`\\\s]*>", sparql[i:]):
            i = sparql.index(">", i)
        elif c in "\"'":
            quote = sparql[i : i + 3] if sparql[i : i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote) - 1
        elif sparql[i : i + 5].upper() == "WHERE" and not (sparql[i - 1 : i].isalnum()):
            saw_where = True
            i += 4
        elif c == "{":
            if saw_where or not construct_template:
                return i + 1
            construct_template = False  # skip the CONSTRUCT template, bind in its WHERE
            depth = 1
            while depth and i + 1 < n:
                i += 1
                depth += {"{": 1, "}": -1}.get(sparql[i], 0)
        i += 1
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def bind_values(sparql: str, bindings: dict[str, object]) -> str:
    """Bind variables by inserting ``VALUES ?v { term }`` blocks at the start of the WHERE group.

    Each value must be an rdflib term; its N-Triples form (``term.n3()``) is escaped by rdflib, and
    IRIs are checked for characters that could end the term.
    """
    if not bindings:
        return sparql
    blocks = []
    for name, term in bindings.items():
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"bad parameter name {name!r}")
        if isinstance(term, URIRef) and re.search(r"[<>\"{}|^`\\\s]", str(term)):
            raise InputError(f"bad IRI {str(term)!r}")
        if not isinstance(term, (URIRef, Literal)):
            raise QueryError(f"parameter {name!r} must be an IRI or a literal")
        blocks.append(f"VALUES ?{name} {{ {term.n3()} }}")
    values = " ".join(blocks)
    if BIND_MARK.search(sparql):  # at each marker: a UNION binds in every branch
        return BIND_MARK.sub(lambda _m: values, sparql)
    at = _where_brace(sparql)
    return sparql[:at] + " " + values + sparql[at:]


def store_registry(store: Store) -> Registry:
    """The entities in a store (from their labels), for resolving names given by users."""
    from .model import Entity

    inst = Instances()
    result = run_query(
        store, "SELECT ?e ?label ?alt WHERE { ?e rdfs:label ?label . OPTIONAL { ?e skos:altLabel|skos:hiddenLabel ?alt } }"
    )
    names: dict[str, tuple[str, set]] = {}
    for e, label, alt in result.rows:
        entity_id = inst.entity_id(str(e))
        if entity_id is None:
            continue
        entry = names.setdefault(entity_id, (str(label), set()))
        if alt is not None:
            entry[1].add(str(alt))
    return Registry(Entity(i, "Actor", label, tuple(sorted(alts))) for i, (label, alts) in names.items())


def resolve_entity(store: Store, name: str, cache: dict | None = None) -> URIRef:
    """The IRI of the entity ``name`` means: an id or an exact label/alias is looked up directly
    (cheap on a large store); other spellings (case, hyphens, diacritics) and ambiguous names go
    through the full name index of :func:`store_registry`, built once per ``cache``."""
    inst = Instances()
    if ENTITY_ID_RE.match(name):
        iri = inst.entity(name)
        if run_query(store, "ASK { ?e rdfs:label ?label }", {"e": iri}).boolean:
            return iri
    for literal in (Literal(name, lang="en"), Literal(name)):
        rows = run_query(store, "SELECT DISTINCT ?e WHERE { ?e rdfs:label|skos:altLabel|skos:hiddenLabel ?name }",
                         {"name": literal}).rows
        found = {row[0] for row in rows if inst.entity_id(str(row[0])) is not None}
        if len(found) == 1:
            return URIRef(found.pop())
        if found:
            break  # several: the registry's message names them
    cache = {} if cache is None else cache
    if "registry" not in cache:
        cache["registry"] = store_registry(store)
    return inst.entity(cache["registry"].resolve(name).id)


def _convert(param: Param, value: str, store: Store, cache: dict) -> object:
    if param.type == "entity":
        try:
            return resolve_entity(store, value, cache)
        except InputError as err:
            raise InputError(f"--param {param.name}: {err.message}") from None
    if param.type == "relation":
        if value not in RELATIONS:
            raise InputError(f"--param {param.name}: unknown relation {value!r}{did_you_mean(value, RELATIONS)}")
        return ONT[value]
    if param.type == "certainty":
        if value not in CERTAINTIES:
            raise InputError(f"--param {param.name}: unknown certainty {value!r}{did_you_mean(value, CERTAINTIES)} "
                             f"(one of {', '.join(CERTAINTIES)})")
        return CERTAINTY_IRIS[value]
    if param.type == "date":
        try:
            return date_literal(PartialDate.parse(value))
        except ValueError as err:
            raise InputError(f"--param {param.name}: {err}") from None
    if param.type == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise InputError(f"--param {param.name}: {value!r} is not an integer")
        return Literal(int(value))
    if param.type == "iri":
        return URIRef(value)
    return Literal(value)


def with_limit(sparql: str, limit: int) -> str:
    """The query cut to ``limit`` rows plus one (the extra row tells that more exist); 0: uncut.

    >>> with_limit("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s", 10)
    'SELECT * WHERE { ?s ?p ?o } ORDER BY ?s\\nLIMIT 11'
    >>> with_limit("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o }\\n#@limit\\n} } ORDER BY ?s", 5)
    'SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o }\\nLIMIT 6\\n} } ORDER BY ?s'
    """
    if limit < 0:
        raise QueryError(f"the limit must be 0 (every row) or more, not {limit}")
    clause = f"LIMIT {int(limit) + 1}" if limit else ""
    if LIMIT_MARK.search(sparql):
        return LIMIT_MARK.sub(clause, sparql, count=1)
    return f"{sparql.rstrip()}\n{clause}" if clause else sparql


def prefixes_for(sparql: str) -> str:
    """PREFIX lines for the usual prefixes that ``sparql`` does not declare itself."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*prefix\s+(\w*):", sparql)}
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p.lower() not in declared)


#: The deepest nesting of groups and brackets a query may have: far beyond any real query, far
#: below what overflows a SPARQL engine's recursive parser (3,000 levels crashed the process).
MAX_NESTING = 200
#: Strings, IRIs and comments (skipped) and the brackets that nest.
_LEXEME = re.compile(r'"""(?:[^\\]|\\.)*?"""' + r"|'''(?:[^\\]|\\.)*?'''" +
                     r'|"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'" +
                     r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*|[{}()\[\]]', re.S)


def check_nesting(sparql: str, limit: int = MAX_NESTING) -> None:
    """Refuse a query whose groups, brackets and parentheses nest deeper than ``limit``.

    >>> check_nesting("SELECT * WHERE { " * 300 + "}" * 300)
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: the query nests 300 levels deep (at most 200)
    """
    depth = deepest = 0
    for token in _LEXEME.findall(sparql):
        if token in ("{", "(", "["):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("}", ")", "]"):
            depth -= 1
    if deepest > limit:
        raise QueryError(f"the query nests {deepest} levels deep (at most {limit})")


_SERVICE_RE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(<[^>]*>|[?$]\w+|\w*:\w*)", re.I)


def check_service(sparql: str, allowed: Sequence[str] = ()) -> None:
    """Refuse federated queries (``SERVICE``) except to the endpoints in ``allowed``.

    A SERVICE clause makes the engine fetch any URL it names, the user's own network included, and
    hand the answer back (server-side request forgery); strings and comments do not count.

    >>> check_service('SELECT * WHERE { ?s ?p "SERVICE <x>" }')
    >>> check_service("SELECT * WHERE { SERVICE <http://127.0.0.1:9/admin> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: SERVICE <http://127.0.0.1:9/admin> is refused: federated queries reach only the endpoints allowed
    """
    code = _LEXEME.sub(lambda m: m.group(0) if m.group(0)[:1] in "<{}()[]" else " ", sparql)
    for match in _SERVICE_RE.finditer(code):
        target = match.group(1)
        if target.strip("<>") not in allowed:
            raise QueryError(f"SERVICE {target} is refused: federated queries reach only the endpoints allowed")


def run_query(store: Store, sparql: str, bindings: dict[str, object] | None = None) -> QueryResult:
    """Run ad-hoc SPARQL with the usual prefixes available, binding ``bindings`` safely
    (nesting and federation are checked first, see :func:`check_nesting`, :func:`check_service`)."""
    check_nesting(sparql)
    check_service(sparql)
    prologue = prefixes_for(sparql)
    try:
        return store.query(prologue + bind_values(sparql, bindings or {}))
    except QueryError as err:  # report positions in the user's text, not in ours
        shift = prologue.count("\n")
        line = lambda m: str(max(1, int(m.group(0)) - shift))  # noqa: E731
        err.message = re.sub(r"(?<=at )(\d+)(?=:\d+)|(?<=line:)(\d+)", line, err.message)
        err.message = re.sub(r"\(at char \d+\), ", "", err.message)
        raise


def run_named(
    store: Store, name: str, params: dict[str, str] | None = None, folder: Path | None = None, *, limit: int = DEFAULT_LIMIT
) -> QueryResult:
    """Run a named query with parameters given as text (checked and converted by their type).

    At most ``limit`` rows come back (0: all of them); ``result.truncated`` says if more exist.
    """
    library = named_queries(folder)
    if name not in library:
        raise QueryError(f"unknown named query {name!r}{did_you_mean(name, library)} (see `kg query --list`)")
    query = library[name]
    params = dict(params or {})
    declared = {p.name: p for p in query.params}
    unknown = set(params) - set(declared)
    if unknown:
        known = ", ".join(declared) or "none"
        wrong = sorted(unknown)[0]
        raise QueryError(f"unknown parameter {wrong!r} for query {name!r}{did_you_mean(wrong, declared)} (parameters: {known})")
    cache: dict = {}
    bindings = {}
    for param in query.params:
        if param.name in params:
            bindings[param.name] = _convert(param, params[param.name], store, cache)
        elif not param.optional:
            raise QueryError(f"query {name!r} needs --param {param.name}=... ({param.description})")
    result = run_query(store, with_limit(query.text, limit), bindings)
    if not result.rows and query.fallback is not None:
        result = run_query(store, with_limit(load_named_query(query.fallback).text, limit), bindings)
    if limit and len(result.rows) > limit:
        del result.rows[limit:]
        result.truncated = True
    return result
