"""The ``kg`` command: a thin click layer over the library.

Library errors (:class:`graph.errors.KGError`) become one line on stderr and exit code 1; no
traceback reaches the user for bad input. Commands live in topical modules that register
themselves on :data:`main`.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click

from ..errors import KGError
from ..results import printable
from ..store import BACKENDS, open_store

__all__ = ["main", "pass_store", "progress"]


class KGGroup(click.Group):
    """A click group that turns library errors into ``click.ClickException`` at the edge, and
    draws the library's progress on long work."""

    def invoke(self, ctx: click.Context):
        from ..progress import watching

        bar = Bar()
        try:
            with watching(bar):
                return super().invoke(ctx)
        except KGError as err:
            raise click.ClickException(printable(str(err))) from None
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            import os
            import sys

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except (OSError, MemoryError) as err:
            raise click.ClickException(f"{type(err).__name__}: {err}") from None
        finally:
            bar.end()


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store", "store_name", envvar="KG_STORE", default="oxigraph", show_default=True,
    help=f"Store backend: {', '.join(BACKENDS)}, or a SPARQL endpoint URL (env KG_STORE).",
)
@click.option(
    "--home", type=click.Path(file_okay=False, path_type=Path), envvar="KG_HOME", default=".kg",
    show_default=True, help="Folder where on-disk stores live (env KG_HOME).",
)
@click.version_option(package_name="geokg", prog_name="kg")
@click.pass_context
def main(ctx: click.Context, store_name: str, home: Path) -> None:
    """Build, query, explore and export a knowledge graph of geopolitical actors and relations,
    where every fact is tied to its evidence sentence, certainty and time."""
    ctx.obj = {"store_name": store_name, "home": home}
    _show_library_notices()


class _Notice(logging.Handler):
    """Library notices (a writer waiting for the lock ...) as one line on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"kg: {printable(record.getMessage())}", err=True)


def _show_library_notices() -> None:
    logger = logging.getLogger("graph")
    if not any(isinstance(h, _Notice) for h in logger.handlers):
        logger.addHandler(_Notice(logging.WARNING))
        logger.propagate = False


def pass_store(f):
    """Give a command the store chosen by ``--store``/``--home``, opened lazily and closed after."""

    @click.pass_context
    def wrapper(ctx: click.Context, *args, **kwargs):
        store = open_store(ctx.obj["store_name"], ctx.obj["home"])
        with store:
            return ctx.invoke(f, store, *args, **kwargs)

    wrapper.__name__ = f.__name__
    wrapper.__doc__ = f.__doc__
    return wrapper


def progress(message: str) -> None:
    """Progress goes to stderr so stdout stays clean for data."""
    click.echo(printable(message), err=True)


class Bar:
    """Draws the library's progress (:mod:`graph.progress`) on stderr: a bar updated in place on a
    terminal, otherwise a line at each tenth (or every ``every`` seconds when the total is not
    known). Small jobs (under ``quiet_below`` units, done in under two seconds) draw nothing."""

    def __init__(self, stream=None, *, every: float = 10.0, quiet_below: int = 200_000):
        import sys
        import time

        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every, self.quiet_below, self.clock = every, quiet_below, time.monotonic
        self.label, self.total, self.unit, self.done = "", None, "", 0
        self.started = self.last = 0.0
        self.shown_tenth = 0

    def begin(self, label: str, total: int | None, unit: str) -> None:
        self.label, self.total, self.unit, self.done = label, total, unit, 0
        self.started = self.last = self.clock()
        self.shown_tenth = 0

    def _amount(self, n: float) -> str:
        return f"{n / 1e6:,.1f} MB" if self.unit == "bytes" else f"{int(n):,} {self.unit}"

    def advance(self, n: int) -> None:
        if not self.label:
            return  # counted work nobody announced (an ingest's small uploads): nothing to draw
        self.done += n
        now = self.clock()
        small = self.quiet_below if self.unit in ("triples", "bytes") else 20
        if (self.total is not None and self.total < small) or now - self.started < 2:
            return
        if self.tty:
            if now - self.last >= 0.2:
                self.last = now
                if self.total:
                    filled = min(30, int(30 * self.done / self.total))
                    text = f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {min(100, 100 * self.done // self.total)}%"
                else:
                    text = f"\r{self.label}: {self._amount(self.done)}"
                self.stream.write(text)
                self.stream.flush()
        elif self.total:
            tenth = min(10, 10 * self.done // self.total)
            if tenth > self.shown_tenth:
                self.shown_tenth = tenth
                done = f"{self.done / 1e6:,.1f}" if self.unit == "bytes" else f"{self.done:,}"
                self.stream.write(f"{self.label}: {tenth * 10}% ({done} of {self._amount(self.total)})\n")
        elif now - self.last >= self.every:
            self.last = now
            self.stream.write(f"{self.label}: {self._amount(self.done)} so far\n")

    def end(self) -> None:
        if self.tty and self.last > self.started:
            self.stream.write("\n")


# Register the commands (imports at the end: they use `main`).
from . import core  # noqa: E402,F401
from . import explore  # noqa: E402,F401
from . import ingest  # noqa: E402,F401
from . import serve  # noqa: E402,F401
from . import review  # noqa: E402,F401
