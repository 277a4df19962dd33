"""Views of the network projection: the graph as of a date, around one actor, or limited to some
certainties, relations, classes, producers or to facts of a credibility or better.

Every view takes a ``MultiDiGraph`` from :func:`graph.network.to_networkx` and returns a new one
holding the statements (edges) it keeps and the entities they touch. The explorer (``kg viz``)
and the analyses (``kg analyze``) share these functions, so a filter means the same everywhere.

Time rules (``as_of``):

- a statement with a point in time or a start is shown once it has begun (the earliest day its
  date can mean is on or before the date); one with an end is gone after the last day its end
  can mean;
- an undated statement is shown at every date, since the text gives no reason to hide it,
  unless it touches an agreement that is not in force on that date;
- an agreement (treaty, resolution, draft) is in force from its signing (the earliest dated
  ``signatoryOf``/``partyTo`` statement naming it, or its own dated ``adoptedBy``/``replaces``)
  until it is replaced (a dated ``replaces`` naming it as the object) or ended (a dated
  ``endedBy``); outside that span, every statement touching it is hidden (so the statement
  that a treaty void since 1991 was replaced in 2000 goes with the void treaty).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="A", cls="State"); g.add_node("t", label="T", cls="Treaty")
>>> _ = g.add_edge("a", "t", key="s1", relation="partyTo", certainty="confirmed", time="1961")
>>> sorted(as_of(g, "1960").edges(keys=True)), sorted(as_of(g, "1961-05-01").edges(keys=True))
([], [('a', 't', 's1')])
"""

from __future__ import annotations

import datetime as _dt
from collections import deque
from typing import Iterable

import networkx as nx

from .errors import InputError, did_you_mean
from .model import CERTAINTIES, PartialDate
from .namespaces import ENTITY_CLASSES, RELATIONS
from .registry import Registry, normalise_name

__all__ = [
    "CLASS_FAMILY",
    "DEFAULT_CERTAINTIES",
    "parse_date",
    "parse_names",
    "check_certainties",
    "check_relations",
    "check_classes",
    "check_producers",
    "PRODUCER_KINDS",
    "by_producer",
    "by_credibility",
    "check_credibility",
    "edge_credibility",
    "producer_kind",
    "edge_intervals",
    "agreement_lifetimes",
    "keep_edges",
    "as_of",
    "by_certainty",
    "by_relation",
    "by_class",
    "resolve_node",
    "focus",
    "select",
]

#: The top class of every entity class: what kind of thing a node is (shape in the explorer).
CLASS_FAMILY = {
    **{c: "Actor" for c in ("Actor", "State")},
    **{c: "Person" for c in ("Person", "PoliticalLeader", "Analyst")},
    **{c: "Organization" for c in (
        "Organization", "InternationalOrganization", "GovernmentBody", "ThinkTank",
        "MediaOrganization", "ArmedForces", "ResearchProgramme")},
    **{c: "Agreement" for c in ("Agreement", "Treaty", "Resolution", "DraftResolution")},
    **{c: "Event" for c in ("Event", "Conflict", "Summit", "Talks", "Deployment", "Transfer", "Vote")},
    "Place": "Place",
}
assert set(CLASS_FAMILY) == set(ENTITY_CLASSES), "every ontology class needs a family"

#: Certainties shown and analysed unless asked otherwise: a denied claim is not a tie.
DEFAULT_CERTAINTIES = ("confirmed", "reported", "speculative")

_BEGINS_AS_OBJECT = ("signatoryOf", "partyTo")  # X signatoryOf/partyTo AGREEMENT (dated: signing)
_BEGINS_AS_SUBJECT = ("adoptedBy", "replaces")  # AGREEMENT adoptedBy/replaces Y (dated)


def parse_date(value: object) -> _dt.date:
    """A user's date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a ``date``) as the last day it can
    mean, so ``--as-of 2024`` shows the graph at the end of 2024.

    >>> parse_date("2024-06"), parse_date("2024-06-19")
    (datetime.date(2024, 6, 30), datetime.date(2024, 6, 19))
    """
    if isinstance(value, _dt.date):
        return value
    try:
        return PartialDate.parse(value).latest()
    except ValueError as err:
        raise InputError(str(err)) from None


def parse_names(value: str | Iterable[str] | None) -> list[str]:
    """Split ``"a,b"`` (or take a list) into clean names; ``None`` stays an empty list.

    >>> parse_names("confirmed, reported,")
    ['confirmed', 'reported']
    """
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if str(item).strip()]


def _check(kind: str, names: Iterable[str], known: Iterable[str]) -> list[str]:
    known = list(known)
    out = []
    for name in names:
        if name not in known:
            hint = did_you_mean(name, known) or (f" (one of {', '.join(known)})" if len(known) < 10 else "")
            raise InputError(f"unknown {kind} {name!r}{hint}")
        out.append(name)
    return out


def check_certainties(names: str | Iterable[str] | None) -> list[str]:
    """Checked certainty names; ``"all"`` means all four."""
    names = parse_names(names)
    return list(CERTAINTIES) if names == ["all"] else _check("certainty", names, CERTAINTIES)


def check_relations(names: str | Iterable[str] | None) -> list[str]:
    """Checked relation names (ontology local names such as ``suppliesArmsTo``)."""
    return _check("relation", parse_names(names), RELATIONS)


def check_classes(names: str | Iterable[str] | None) -> list[str]:
    """Checked class names (``State``, ``Treaty`` ...)."""
    return _check("class", parse_names(names), ENTITY_CLASSES)


def _date(text: str | None) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None  # the store only holds checked dates; anything else is ignored, not fatal


def agreement_lifetimes(graph: nx.MultiDiGraph) -> dict[str, tuple[_dt.date | None, _dt.date | None]]:
    """When each agreement is in force, from the statements about it: ``{id: (begin, end)}``
    (first day of its signing, last day of its replacement or end; ``None`` when unknown)."""
    begins: dict[str, list[_dt.date]] = {}
    ends: dict[str, list[_dt.date]] = {}
    for u, v, data in graph.edges(data=True):
        relation = data.get("relation")
        when = _date(data.get("time")) or _date(data.get("start"))
        if when is None:
            continue
        if relation in _BEGINS_AS_OBJECT and CLASS_FAMILY.get(graph.nodes[v].get("cls")) == "Agreement":
            begins.setdefault(v, []).append(when.earliest())
        if relation in _BEGINS_AS_SUBJECT and CLASS_FAMILY.get(graph.nodes[u].get("cls")) == "Agreement":
            begins.setdefault(u, []).append(when.earliest())
        if relation == "replaces" and CLASS_FAMILY.get(graph.nodes[v].get("cls")) == "Agreement":
            ends.setdefault(v, []).append(when.latest())
        if relation == "endedBy" and CLASS_FAMILY.get(graph.nodes[u].get("cls")) == "Agreement":
            ends.setdefault(u, []).append(when.latest())
    return {n: (min(begins[n]) if n in begins else None, min(ends[n]) if n in ends else None) for n in set(begins) | set(ends)}


def edge_intervals(graph: nx.MultiDiGraph) -> dict[tuple, tuple[_dt.date | None, _dt.date | None]]:
    """For every edge ``(u, v, key)``, the first and last day it is shown by :func:`as_of`
    (``None``: no bound). The explorer's time slider uses the same intervals."""
    lifetimes = agreement_lifetimes(graph)
    out = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        start = _date(data.get("time")) or _date(data.get("start"))
        end = _date(data.get("end"))
        begin = start.earliest() if start else None
        until = end.latest() if end else None
        for node in (u, v):
            a_begin, a_end = lifetimes.get(node, (None, None))
            if a_begin and (begin is None or a_begin > begin):
                begin = a_begin
            if a_end and (until is None or a_end < until):
                until = a_end
        out[(u, v, key)] = (begin, until)
    return out


def keep_edges(graph: nx.MultiDiGraph, keys: Iterable[tuple], nodes: Iterable[str] = ()) -> nx.MultiDiGraph:
    """A new graph with the given edges ``(u, v, key)``, the nodes they touch and ``nodes``."""
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    for node in nodes:
        out.add_node(node, **graph.nodes[node])
    for u, v, key in keys:
        for node in (u, v):
            if node not in out:
                out.add_node(node, **graph.nodes[node])
        out.add_edge(u, v, key=key, **graph.edges[u, v, key])
    return out


def as_of(graph: nx.MultiDiGraph, when: object, intervals: dict | None = None) -> nx.MultiDiGraph:
    """The graph as it stood on ``when`` (see the module's time rules). ``intervals`` (from
    :func:`edge_intervals` on a larger graph) lets a filtered view keep the agreements' lifetimes
    learnt from statements it no longer holds."""
    day = parse_date(when)
    intervals = edge_intervals(graph) if intervals is None else intervals
    keys = [k for k in graph.edges(keys=True)
            if (intervals[k][0] is None or intervals[k][0] <= day) and (intervals[k][1] is None or intervals[k][1] >= day)]
    return keep_edges(graph, keys)


def by_certainty(graph: nx.MultiDiGraph, certainties: str | Iterable[str]) -> nx.MultiDiGraph:
    """Only statements of these certainties (``confirmed``, ``reported``, ``speculative``, ``denied``)."""
    wanted = set(check_certainties(certainties))
    return keep_edges(graph, [(u, v, k) for u, v, k, c in graph.edges(keys=True, data="certainty") if c in wanted])


def by_relation(graph: nx.MultiDiGraph, relations: str | Iterable[str]) -> nx.MultiDiGraph:
    """Only statements of these relations."""
    wanted = set(check_relations(relations))
    return keep_edges(graph, [(u, v, k) for u, v, k, r in graph.edges(keys=True, data="relation") if r in wanted])


#: Producer kinds a view can keep, and the start of the producer labels each stands for.
PRODUCER_KINDS = {"curated": ("hand-curated", "curated"), "rules": ("geokg-rules",), "llm": ("geokg-llm",)}


def check_producers(names: str | Iterable[str] | None) -> list[str]:
    """Checked producer names: a kind (``curated``, ``rules``, ``llm``) or the start of a producer
    label (``geokg-llm/p1/llama3.1:8b``)."""
    out = []
    for name in parse_names(names):
        if name not in PRODUCER_KINDS and not name.startswith("geokg-"):
            raise InputError(f"unknown producer {name!r}{did_you_mean(name, PRODUCER_KINDS)} "
                             f"(curated, rules, llm, or the start of a producer label such as geokg-llm/p1)")
        out.append(name)
    return out


def producer_kind(label: object) -> str:
    """The kind of producer a label names (``curated``, ``rules``, ``llm``), or the label itself.

    >>> producer_kind("geokg-llm/p1/smollm2@127.0.0.1:8080"), producer_kind(None)
    ('llm', 'curated')
    """
    text = str(label or "curated")
    return next((kind for kind, starts in PRODUCER_KINDS.items() if text.startswith(starts)), text)


def by_producer(graph: nx.MultiDiGraph, producers: str | Iterable[str]) -> nx.MultiDiGraph:
    """Only statements made by these producers (hand curation, the rules, a language model).

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="s1", producer="geokg-rules/0.1.0")
    >>> _ = g.add_edge("a", "b", key="s2", producer="geokg-llm/p1/qwen2.5@gpu:8080")
    >>> list(by_producer(g, "llm").edges(keys=True))
    [('a', 'b', 's2')]
    """
    starts = tuple(start for name in check_producers(producers) for start in PRODUCER_KINDS.get(name, (name,)))
    return keep_edges(graph, [(u, v, k) for u, v, k, p in graph.edges(keys=True, data="producer")
                              if str(p or "").startswith(starts)])


def check_credibility(value: object) -> int | None:
    """A checked credibility bound: an integer from 1 (best) to 6, or None for no bound.

    >>> check_credibility("2"), check_credibility(None)
    (2, None)
    """
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InputError(f"credibility must be a number from 1 (confirmed) to 6 (cannot be judged), not {value!r}") from None
    if not 1 <= number <= 6:
        raise InputError(f"credibility must be from 1 (confirmed) to 6 (cannot be judged), not {number}")
    return number


def edge_credibility(data: dict) -> int:
    """An edge's credibility grade, 6 (cannot be judged) when the store has none for it."""
    try:
        return int(data.get("credibility") or 6)
    except (TypeError, ValueError):
        return 6


def by_credibility(graph: nx.MultiDiGraph, best: int | str) -> nx.MultiDiGraph:
    """Only statements of facts graded ``best`` or better (1 is best; see graph/credibility.py).

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", key="s1", credibility=1)
    >>> _ = g.add_edge("a", "c", key="s2", credibility=3)
    >>> list(by_credibility(g, 2).edges(keys=True))
    [('a', 'b', 's1')]
    """
    bound = check_credibility(best)
    return keep_edges(graph, [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True)
                              if bound is None or edge_credibility(d) <= bound])


def by_class(graph: nx.MultiDiGraph, classes: str | Iterable[str]) -> nx.MultiDiGraph:
    """Only statements between entities of these classes (a family name such as ``Agreement``
    includes its subclasses)."""
    wanted = set(check_classes(classes))
    ok = lambda n: graph.nodes[n].get("cls") in wanted or CLASS_FAMILY.get(graph.nodes[n].get("cls")) in wanted  # noqa: E731
    return keep_edges(graph, [(u, v, k) for u, v, k in graph.edges(keys=True) if ok(u) and ok(v)])


def resolve_node(graph: nx.MultiDiGraph, name: str, registry: Registry | None = None) -> str:
    """The node ``name`` means: a node id, or through ``registry`` any label or alias
    (without a registry, the node's label)."""
    if name in graph:
        return name
    if registry is not None:
        entity_id = registry.resolve(name).id  # InputError when unknown or ambiguous
        if entity_id not in graph:
            raise InputError(f"{entity_id!r} has no facts in this view")
        return entity_id
    wanted = normalise_name(name)
    found = [n for n, label in graph.nodes(data="label") if normalise_name(str(label or "")) == wanted or normalise_name(n) == wanted]
    if len(found) != 1:
        if not found:
            labels = [str(label) for _, label in graph.nodes(data="label") if label] + list(graph.nodes)
            raise InputError(f"unknown entity {name!r}{did_you_mean(name, labels)}")
        raise InputError(f"ambiguous entity {name!r}: {', '.join(found)}")
    return found[0]


def focus(graph: nx.MultiDiGraph, actor: str, depth: int = 1, registry: Registry | None = None) -> nx.MultiDiGraph:
    """The neighbourhood of ``actor`` (an id, or a label/alias with ``registry``): every entity
    within ``depth`` statements of it, in either direction, and every statement among them."""
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, got {depth}")
    centre = resolve_node(graph, actor, registry)
    seen = {centre: 0}
    queue = deque([centre])
    while queue:
        node = queue.popleft()
        if seen[node] == depth:
            continue
        for other in list(graph.successors(node)) + list(graph.predecessors(node)):
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    keys = [(u, v, k) for u, v, k in graph.edges(keys=True) if u in seen and v in seen]
    return keep_edges(graph, keys, nodes=[centre])


def select(
    graph: nx.MultiDiGraph,
    *,
    as_of_date: object = None,
    certainty: str | Iterable[str] | None = None,
    relation: str | Iterable[str] | None = None,
    classes: str | Iterable[str] | None = None,
    focus_on: str | None = None,
    depth: int = 1,
    registry: Registry | None = None,
    producer: str | Iterable[str] | None = None,
    min_credibility: int | str | None = None,
) -> nx.MultiDiGraph:
    """Apply the filters in a fixed order: certainty (default: all but denied), producer,
    credibility (``min_credibility``: facts graded that or better, 1 best), relation, class,
    date, then the focus (the neighbourhood within what is left). Every input is checked first,
    so a bad value fails before any work."""
    certainties = check_certainties(certainty) if parse_names(certainty) else list(DEFAULT_CERTAINTIES)
    producers = check_producers(producer)
    best = check_credibility(min_credibility)
    relations = check_relations(relation)
    class_names = check_classes(classes)
    day = parse_date(as_of_date) if as_of_date not in (None, "") else None
    if registry is not None and focus_on:
        registry.resolve(focus_on)
    intervals = edge_intervals(graph) if day is not None else None
    view = by_certainty(graph, certainties)
    if producers:
        view = by_producer(view, producers)
    if best is not None:
        view = by_credibility(view, best)
    if relations:
        view = by_relation(view, relations)
    if class_names:
        view = by_class(view, class_names)
    if day is not None:
        view = as_of(view, day, intervals)
    if focus_on:
        view = focus(view, focus_on, depth, registry)
    return view
