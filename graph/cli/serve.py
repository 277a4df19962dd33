"""``kg serve``: the store as a read-only SPARQL 1.1 endpoint with its query page and explorer."""

from __future__ import annotations

from pathlib import Path

import click

from ..serve import serve as serve_store
from . import main, pass_store


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the endpoint to the network.")
@click.option("--port", type=int, default=7878, show_default=True, help="TCP port (0: any free port).")
@click.option("--explorer", type=click.Path(dir_okay=False, path_type=Path),
              help="HTML page to serve at /explorer (default: built from the store, as `kg viz` would).")
@click.option("--no-explorer", is_flag=True, help="Serve no explorer page (quicker start on a big graph).")
@click.option("--timeout", type=click.FloatRange(min=1), default=60, show_default=True,
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--allow-service", "allow_service", multiple=True, metavar="URL",
              help="An endpoint that SERVICE clauses may reach (repeatable); federated queries are refused otherwise.")
@pass_store
def serve(store, host: str, port: int, explorer: Path | None, no_explorer: bool, timeout: float,
          allow_service: tuple[str, ...]) -> None:
    """Serve the graph read-only as a SPARQL 1.1 endpoint (the Oxigraph server on a snapshot).

    \b
    /query     SPARQL 1.1 Protocol: JSON, XML, CSV, TSV results; Turtle for CONSTRUCT
    /          the query page (YASGUI, served locally)
    /explorer  the interactive graph page
    Updates are refused. Later changes to the store need a restart to be served. Requests are
    filtered (Host and Origin of this server only, bounded bodies and queries, no SERVICE
    unless --allow-service), and the engine is restarted if it dies.
    """
    if explorer is not None and not explorer.is_file():
        raise click.ClickException(f"{explorer}: explorer page not found")
    page = False if no_explorer else (explorer or True)
    serve_store(store, host=host, port=port, explorer=page, announce=lambda m: click.echo(m), timeout=timeout,
                allow_service=allow_service)
