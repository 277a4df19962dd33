"""A synthetic network projection of any size, shaped like :func:`graph.network.to_networkx`'s.

Preferential attachment (a few hubs, many small actors, as in news about geopolitics), every
entity class and relation of the ontology, 70 % confirmed / 15 % reported / 15 % speculative
claims, a third of them dated, about two statements per node plus 5 % parallel statements, and
an evidence quote of about 150 characters on each. Deterministic for a size and seed.

>>> g = synthetic_network(200)
>>> g.number_of_nodes(), g.number_of_edges() > 390
(200, True)
"""

from __future__ import annotations

import random

import networkx as nx

from graph.namespaces import ENTITY_CLASSES, RELATIONS

__all__ = ["synthetic_network"]

_WORDS = ("officials said the ministry confirmed talks on arms supplies sanctions treaty council "
          "vote troops border aid envoy summit according to reports analysts warned").split()


def synthetic_network(nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """A MultiDiGraph with ``nodes`` entities and about ``2.1 * nodes`` statements."""
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(nodes, 2, seed=seed)
    graph = nx.MultiDiGraph()
    for n in base:
        cls = "State" if rng.random() < 0.4 else rng.choice(ENTITY_CLASSES)
        graph.add_node(f"e{n}", label=f"Entity {n} of class {cls}", cls=cls)
    pairs = list(base.edges())
    pairs += rng.sample(pairs, len(pairs) // 20)  # parallel statements
    for i, (u, v) in enumerate(pairs):
        if rng.random() < 0.5:
            u, v = v, u
        roll = rng.random()
        certainty = "confirmed" if roll < 0.7 else "reported" if roll < 0.85 else "speculative"
        data = {
            "relation": rng.choice(RELATIONS), "certainty": certainty,
            "document": f"doc-{i % 500:04d}", "quote": " ".join(rng.choice(_WORDS) for _ in range(22)).capitalize() + ".",
            "quoteStart": str(i * 10), "quoteEnd": str(i * 10 + 150), "producer": "synthetic",
        }
        if rng.random() < 0.33:
            data["time"] = f"{rng.randint(1950, 2024)}-{rng.randint(1, 12):02d}"
        graph.add_edge(f"e{u}", f"e{v}", key=f"https://example.org/statement/{i}", **data)
    return graph
