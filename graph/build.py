"""``kg build``: the whole corpus (ontology, registry, curated facts, documents) into a store.

The graphs a build writes (ontology, registry, curated facts, the corpus's documents, the review
decisions of its ``decisions/`` folder) are replaced; documents no longer in the corpus are
dropped unless ``kg ingest`` added them; graphs that other commands wrote (ingested documents and
their producers, ``kg import``) survive.

Everything is read and checked before the store is touched, and the store is replaced in one
transaction, so a bad file leaves the previous graph exactly as it was. Building twice gives the
same graph (all IRIs are deterministic).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import progress as work
from .corpus import corpus_graphs, load_corpus, ontology_triples
from .decisions import entity_graph, load_decisions, load_entity_decisions, merge_triples, review_triples
from .namespaces import Instances
from .query import run_query
from .resources import default_data_dir
from .store import Store
from .tallies import write_graphs

__all__ = ["BuildReport", "build"]


@dataclass
class BuildReport:
    documents: int
    entities: int
    assertions: int
    graphs: int
    triples: int


def _ingested_document_graphs(store: Store, inst: Instances) -> list:
    """Graphs of documents that ``kg ingest`` added (their record is not produced by curation)."""
    result = run_query(
        store,
        "SELECT DISTINCT ?id WHERE { ?d a ont:Document ; ont:producedBy ?agent ; dcterms:identifier ?id ."
        " FILTER(?agent != ?curated) }",
        {"curated": inst.agent("curated")},
    )
    return [inst.graph_document(str(row[0])) for row in result.rows]


def build(
    store: Store,
    data_dir: Path | None = None,
    *,
    ontology_folder: Path | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> BuildReport:
    """Replace the store's content with the corpus in ``data_dir`` (default: the bundled one)."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    progress(f"reading {data_dir}")
    corpus = load_corpus(data_dir)
    inst = Instances()
    graphs = corpus_graphs(corpus, inst, ontology_triples(ontology_folder))
    decisions = load_decisions(data_dir)  # the reviewers' decisions (kg review)
    if decisions:
        graphs[inst.graph_review()] = review_triples(decisions.values(), inst)
    judged = load_entity_decisions(data_dir)
    if judged.accepted or judged.merges:
        graphs = {g: merge_triples(t, judged.active_merges(), inst) for g, t in graphs.items()}
        graphs[inst.graph_entities()] = entity_graph(corpus.registry, judged, inst)
    triples = sum(len(t) for t in graphs.values())
    progress(f"loading {triples:,} triples in {len(graphs)} named graphs into the {store.describe()}")
    work.begin("loading", triples, "triples")
    # Documents no longer in the corpus are dropped, unless `kg ingest` added them; graphs that
    # other commands wrote (ingest's producers, `kg import`) stay.
    ingested = set(_ingested_document_graphs(store, inst))
    stale = [g for g in store.graph_names() if inst.is_document_graph(g) and g not in graphs and g not in ingested]
    stale += [g for g in store.graph_names() if g == inst.graph_review() and g not in graphs]
    write_graphs(store, graphs, remove=stale, inst=inst)
    return BuildReport(
        documents=len(corpus.documents),
        entities=len(corpus.registry),
        assertions=len(corpus.assertions),
        graphs=len(graphs),
        triples=triples,
    )
