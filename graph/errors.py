"""One exception tree for the library; the CLI turns each into a one-line message and an exit code.

>>> try:
...     raise InputError("bad date 2024-13-01", source="data/curated/x.yaml", line=4)
... except KGError as err:
...     print(err)
data/curated/x.yaml:4: bad date 2024-13-01
"""

from __future__ import annotations

__all__ = ["KGError", "InputError", "QueryError", "StoreError", "ValidationError", "ModelError", "did_you_mean"]


class KGError(Exception):
    """Base of every error the library raises on purpose (a user-facing, one-line message)."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}:{self.line}: " if self.line else f"{self.source}: "
        return where + self.message


class InputError(KGError):
    """Bad input: a missing, empty, non-UTF-8 or malformed file, an unknown term, a bad date."""


class QueryError(KGError):
    """A SPARQL query that cannot run: syntax error, unknown named query, missing parameter."""


class StoreError(KGError):
    """The store cannot be opened, read or written (locked, unreachable, corrupt)."""


class ValidationError(KGError):
    """SHACL validation could not run (not: the data does not conform; that is a result)."""


def did_you_mean(word: str, choices, *, limit: int = 3) -> str:
    """A hint naming the closest of ``choices`` to a misspelt ``word`` ("" when none is close).

    >>> did_you_mean("suppliesArms", ["suppliesArmsTo", "sanctions", "vetoed"])
    ' (did you mean suppliesArmsTo?)'
    """
    import difflib

    choices = [str(c) for c in choices]
    folded = {c.casefold(): c for c in choices}
    close = difflib.get_close_matches(word.casefold(), list(folded), n=limit, cutoff=0.6)
    if not close:
        close = [k for k in folded if word.casefold() in k][:limit]
    return f" (did you mean {' or '.join(folded[c] for c in close)}?)" if close else ""


class ModelError(KGError):
    """The language-model endpoint cannot be used: down, too slow, refusing, or answering garbage."""
