"""``kg review``: the review page (see :mod:`graph.review`)."""

from __future__ import annotations

import getpass
import threading
import webbrowser
from pathlib import Path

import click

from ..resources import default_data_dir
from . import main, pass_store


@main.command()
@click.option("--data", "data_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Corpus folder whose decisions/ and entities.yaml the decisions go to (default: the bundled corpus).")
@click.option("--reviewer", default=lambda: getpass.getuser(), show_default="your user name",
              help="The name written with every decision.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port on 127.0.0.1 (0: any free one).")
@click.option("--open/--no-open", "open_", default=True, show_default=True, help="Open the page in the default browser.")
@click.pass_context
@pass_store
def review(store, ctx: click.Context, data_dir: Path | None, reviewer: str, port: int, open_: bool) -> None:
    """Judge what the extractors proposed, in a local page: accept, reject or correct each
    statement, or add one by selecting words in the document.

    \b
    Decisions are written to <data>/decisions/ (documents/<id>.yaml, entities.yaml) (gold for `kg eval`) and to the
    store together; a rejected fact stays out when its document is ingested again. Keys: a accept,
    r reject, c correct, s add from the selected words, j/k next/previous. Ctrl-C stops.
    """
    from ..review import Workbench, serve_review

    bench = Workbench(store, data_dir or default_data_dir(), Path(ctx.find_root().obj["home"]), reviewer)
    server, url, _ = serve_review(bench, port=port)
    click.echo(f"review page at {url} ({len(bench.queue())} statements to review; Ctrl-C stops)")
    if open_:
        webbrowser.open(url)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
