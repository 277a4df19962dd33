"""``kg stats``: what the graph holds, counted by class, relation, certainty and document."""

from __future__ import annotations

from .query import run_named
from .store import Store

__all__ = ["STAT_QUERIES", "stats"]

#: Section name and the named query that counts it.
STAT_QUERIES = {
    "entities by class": "count-entities-by-class",
    "statements by relation": "count-statements-by-relation",
    "statements by certainty": "count-statements-by-certainty",
    "statements by document": "count-statements-by-document",
}


def stats(store: Store) -> dict[str, list[tuple[str, int]]]:
    """Each section as (name, count) pairs, largest first."""
    out = {}
    for section, query in STAT_QUERIES.items():
        result = run_named(store, query, limit=0)
        out[section] = [(str(name), int(count)) for name, count in result.rows]
    return out
