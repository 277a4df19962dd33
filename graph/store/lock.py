"""One writer at a time on a store's files: an exclusive ``flock`` that waits its turn.

A writer that finds the lock taken waits (saying so once on the ``graph.store`` logger, which
``kg`` prints on stderr) until the other writer ends, up to ``KG_LOCK_TIMEOUT`` seconds (default
600), and only then gives up with a StoreError. Nothing is discarded by waiting: the waiting
writer starts its transaction from what the other one committed. The lock is released by the
kernel when its holder ends, even after ``kill -9``.

>>> import tempfile, pathlib
>>> with write_lock(pathlib.Path(tempfile.mkdtemp()) / "write.lock", "a test store"):
...     pass
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import StoreError

__all__ = ["write_lock", "lock_timeout"]

log = logging.getLogger("graph.store")


def lock_timeout() -> float:
    """Seconds a writer waits for another one (``KG_LOCK_TIMEOUT``, default 600)."""
    value = os.environ.get("KG_LOCK_TIMEOUT", "600")
    try:
        seconds = float(value)
    except ValueError:
        raise StoreError(f"KG_LOCK_TIMEOUT must be a number of seconds, not {value!r}") from None
    if seconds < 0:
        raise StoreError(f"KG_LOCK_TIMEOUT must not be negative, not {value!r}")
    return seconds


@contextmanager
def write_lock(path: Path, what: str, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock file ``path`` for the body, waiting for another holder to end."""
    timeout = lock_timeout() if timeout is None else timeout
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(f"another kg command is writing to {what} and did not finish within "
                                     f"{timeout:g} s (KG_LOCK_TIMEOUT); try again when it ends") from None
                if not waited:
                    log.warning("waiting for another kg command writing to %s (up to %g s)", what, timeout)
                    waited = True
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
