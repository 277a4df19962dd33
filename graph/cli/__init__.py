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
    """A click group that turns library errors into ``click.ClickException`` at the edge."""

    def invoke(self, ctx: click.Context):
        try:
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


# Register the commands (imports at the end: they use `main`).
from . import core  # noqa: E402,F401
from . import explore  # noqa: E402,F401
from . import ingest  # noqa: E402,F401
from . import serve  # noqa: E402,F401
