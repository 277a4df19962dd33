"""Progress of long work (loading, importing, exporting), for whoever is watching.

The library announces a piece of work with :func:`begin` and counts it with :func:`advance` where
data streams (N-Quads lines into a store, bytes out of an export); the ``kg`` command watches with
:func:`watching` and draws a bar. With nobody watching, a call costs one check.

>>> seen = []
>>> class Listener:
...     def begin(self, label, total, unit): seen.append((label, total, unit))
...     def advance(self, n): seen.append(n)
>>> with watching(Listener()):
...     begin("loading", 10, "triples"); advance(4); advance(6)
>>> seen
[('loading', 10, 'triples'), 4, 6]
>>> advance(3)  # nobody watching: nothing happens
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

__all__ = ["begin", "advance", "watching"]

_listener = None
_lock = threading.Lock()  # advance() is called from loader threads too


def begin(label: str, total: int | None, unit: str) -> None:
    """Announce a piece of work of ``total`` units (None: unknown)."""
    listener = _listener
    if listener is not None:
        listener.begin(label, total, unit)


def advance(n: int) -> None:
    """Count ``n`` more units done."""
    listener = _listener
    if listener is not None and n:
        with _lock:
            listener.advance(n)


@contextmanager
def watching(listener):
    """Send :func:`begin` and :func:`advance` to ``listener`` for the duration of the block."""
    global _listener
    previous, _listener = _listener, listener
    try:
        yield listener
    finally:
        _listener = previous
