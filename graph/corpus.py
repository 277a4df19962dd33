"""A corpus folder (documents, registry, curated facts) loaded, checked, and laid out as named graphs.

The layout of the store: one named graph for the ontology, one for the entity registry, one for
the curated facts, one for the publishers and their reliability grades (``publishers.yaml``,
optional), and one per source document (its metadata and any extracted facts), so a document can
be replaced or removed as a unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from .curated import load_curated
from .documents import read_documents
from .errors import InputError
from .model import Assertion, Document
from .namespaces import Instances
from .publishers import Publisher, load_publishers, publisher_triples
from .rdf import Triple, agent_graphs, assertions_triples, document_triples, entity_triples
from .registry import Registry, load_registry
from .resources import ontology_dir

__all__ = ["Corpus", "load_corpus", "ontology_triples", "corpus_graphs"]


@dataclass
class Corpus:
    """Everything ``kg build`` loads: documents by id, the registry, the curated facts and the
    publishers' reliability grades."""

    documents: dict[str, Document]
    registry: Registry
    assertions: list[Assertion] = field(default_factory=list)
    publishers: list[Publisher] = field(default_factory=list)


def load_corpus(data_dir: Path) -> Corpus:
    """Read and check a corpus folder; the first problem raises InputError naming file and line."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise InputError("data folder not found", source=str(data_dir))
    documents = {d.id: d for d in read_documents(data_dir / "documents")}
    registry = load_registry(data_dir / "entities.yaml")
    curated_dir = data_dir / "curated"
    assertions = load_curated(curated_dir, documents, registry) if curated_dir.is_dir() else []
    return Corpus(documents, registry, assertions, load_publishers(data_dir))


def ontology_triples(folder: Path | None = None) -> list[Triple]:
    """The OWL ontology and its mappings (not the SHACL shapes, which stay out of the data)."""
    folder = Path(folder) if folder else ontology_dir()
    graph = Graph()
    for name in ("geokg.ttl", "mappings.ttl"):
        path = folder / name
        try:
            graph.parse(path, format="turtle")
        except FileNotFoundError:
            raise InputError("ontology file not found", source=str(path)) from None
        except Exception as err:  # rdflib raises several parser exception types
            raise InputError(f"bad Turtle: {err}", source=str(path)) from None
    return list(graph)


def corpus_graphs(corpus: Corpus, inst: Instances, ontology: list[Triple]) -> dict[URIRef, list[Triple]]:
    """Every named graph of a corpus, as lists of triples keyed by graph IRI."""
    entities: list[Triple] = []
    for entity in corpus.registry:
        entities += entity_triples(entity, inst)
    graphs: dict[URIRef, list[Triple]] = {
        inst.graph_ontology(): ontology,
        inst.graph_entities(): entities,
        inst.graph_curated(): assertions_triples(corpus.assertions, inst),
        inst.graph_publishers(): publisher_triples(corpus.publishers, inst),
    }
    for doc in corpus.documents.values():
        graphs[inst.graph_document(doc.id)] = document_triples(doc, inst)
    producers = {"curated"} | {e.producer for e in corpus.registry} | {a.producer for a in corpus.assertions}
    graphs.update(agent_graphs(producers, inst))
    return graphs
