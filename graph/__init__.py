"""geokg: a knowledge graph of geopolitical actors and relations, every fact tied to its evidence.

The modules, in the direction data flows:

- :mod:`graph.namespaces`, :mod:`graph.model` - IRIs and plain data classes (no I/O);
- :mod:`graph.documents`, :mod:`graph.registry`, :mod:`graph.curated`, :mod:`graph.corpus` - read and
  check a corpus folder; :mod:`graph.extract` and :mod:`graph.ingest` - facts from new documents;
- :mod:`graph.rdf` - the statement model (direct triple + qualified ``rdf:Statement``);
- :mod:`graph.store` - backends behind one interface; :mod:`graph.build` loads a corpus into one;
- :mod:`graph.query` (named ``.rq`` queries, safe binding), :mod:`graph.results`, :mod:`graph.stats`;
- :mod:`graph.network`, :mod:`graph.views`, :mod:`graph.analysis`, :mod:`graph.viz` - NetworkX and
  the HTML explorer; :mod:`graph.export`, :mod:`graph.validate`, :mod:`graph.evaluate`, :mod:`graph.serve`;
- :mod:`graph.cli` - the ``kg`` command, a thin layer over all of the above;
- :mod:`graph.api` - the same for scripts: ``graph.open()`` gives one object to build, ingest,
  query (to dicts or a DataFrame), draw and export.
"""

__version__ = "0.1.0"
__all__ = ["open", "KnowledgeGraph", "__version__"]


def __getattr__(name: str):
    """``graph.open`` and ``graph.KnowledgeGraph``, imported on first use (``import graph`` stays light)."""
    if name in ("open", "KnowledgeGraph"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
