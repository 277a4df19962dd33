"""Views of the bundled graph: --as-of, --focus, certainty, relation and class filters.

The expected sets below were derived by reading data/curated/*.yaml and the two documents:
RUSI = rusi-dprk-security-actor-2024, SCRIBE = scribe-russia-dprk-alliance-2024.
"""

from __future__ import annotations

import pytest

from graph.errors import InputError
from graph.network import to_networkx
from graph.query import store_registry
from graph.views import (
    DEFAULT_CERTAINTIES,
    agreement_lifetimes,
    as_of,
    by_certainty,
    by_class,
    by_relation,
    focus,
    parse_date,
    select,
)

RUSI = "rusi-dprk-security-actor-2024"
SCRIBE = "scribe-russia-dprk-alliance-2024"
T1961, T2000, T2024 = "treaty-1961-soviet-dprk", "treaty-2000-russia-dprk", "treaty-2024-comprehensive-strategic-partnership"
TREATY_RELATIONS = "partyTo,signatoryOf,replaces,endedBy,mutualDefenceWith,alliedWith"


@pytest.fixture(scope="module")
def network(bundled_memory):
    return to_networkx(bundled_memory)


@pytest.fixture(scope="module")
def registry(bundled_memory):
    return store_registry(bundled_memory)


def facts(graph):
    return sorted((u, d["relation"], v, d["document"]) for u, v, d in graph.edges(data=True))


# The treaty-related statements (denied ones left out, as by default), by when they hold:
UNDATED_TIES = [  # undated and not about an agreement: shown at every date
    ("united-states", "alliedWith", "south-korea", RUSI),
]
TREATY_1961 = [  # "In 1961, the Soviet Union and North Korea signed a strong defense alliance."
    ("soviet-union", "partyTo", T1961, SCRIBE),  # start 1961, end 1991 (the dissolution)
    ("north-korea", "partyTo", T1961, SCRIBE),
    ("soviet-union", "mutualDefenceWith", "north-korea", SCRIBE),
    ("soviet-union", "alliedWith", "north-korea", SCRIBE),
]
ENDED_1991 = [(T1961, "endedBy", "soviet-dissolution", SCRIBE)]  # "void after the collapse", 1991
TREATY_2000 = [  # "In 2000, a weaker agreement ... replaced the previous alliance."
    ("russia", "partyTo", T2000, SCRIBE),
    ("north-korea", "partyTo", T2000, SCRIBE),
]
TREATY_2024 = [  # signed on 19 June 2024; RUSI's undated mentions follow the treaty
    ("vladimir-putin", "signatoryOf", T2024, SCRIBE),
    ("kim-jong-un", "signatoryOf", T2024, SCRIBE),
    ("russia", "partyTo", T2024, SCRIBE),
    ("north-korea", "partyTo", T2024, SCRIBE),
    ("russia", "partyTo", T2024, RUSI),
    ("north-korea", "partyTo", T2024, RUSI),
    ("russia", "mutualDefenceWith", "north-korea", SCRIBE),
    ("russia", "alliedWith", "north-korea", SCRIBE),
    ("russia", "mutualDefenceWith", "north-korea", RUSI),  # RUSI does not date them: the curator dated them
    ("russia", "alliedWith", "north-korea", RUSI),  # by the treaty they belong to
]


@pytest.mark.parametrize("date, expected", [
    ("1960", UNDATED_TIES),
    ("1990", UNDATED_TIES + TREATY_1961),
    ("1991-06", UNDATED_TIES + TREATY_1961 + ENDED_1991),
    ("1992", UNDATED_TIES),
    # "T2000 replaces T1961" (2000) is about a treaty void since 1991, so it goes with it
    ("2000-06", UNDATED_TIES + TREATY_2000),
    ("2024-06-18", UNDATED_TIES + TREATY_2000),
    ("2024-06-19", UNDATED_TIES + TREATY_2000 + TREATY_2024),
])
def test_as_of_shows_the_treaties_in_force_on_the_date(network, date, expected):
    view = select(network, as_of_date=date, relation=TREATY_RELATIONS)
    assert facts(view) == sorted(expected)


def test_as_of_hides_the_2024_treaty_before_its_signing_and_the_1961_treaty_after_its_end(network):
    before, signed = as_of(network, "2024-06-18"), as_of(network, "2024-06-19")
    assert T2024 not in before and T2024 in signed
    assert T1961 in as_of(network, "1990") and T1961 not in as_of(network, "1992")
    assert agreement_lifetimes(network)[T1961] == (parse_date("1961-01-01"), parse_date("1991-12-31"))


def test_as_of_drops_statements_after_their_end_and_before_their_start(network):
    korean_war = ("soviet-union", "suppliesArmsTo", "north-korea", SCRIBE)  # start 1950, end 1953
    assert korean_war in facts(as_of(network, "1952"))
    assert korean_war not in facts(as_of(network, "1949"))
    assert korean_war not in facts(as_of(network, "1954"))
    vetoed = ("russia", "vetoed", "unsc-draft-2024-03", SCRIBE)  # point in time 2024-03
    assert vetoed not in facts(as_of(network, "2024-02-29"))
    assert vetoed in facts(as_of(network, "2024-03-01")) and vetoed in facts(as_of(network, "2025"))


def test_as_of_keeps_every_node_that_still_has_a_fact(network):
    view = as_of(network, "1960")
    assert all(view.degree(n) > 0 for n in view)
    assert "north-vietnam" not in view  # North Korean pilots went in 1967
    assert "north-vietnam" in as_of(network, "1967")


def test_focus_by_alias_gives_the_neighbourhood_and_the_facts_among_it(network, registry):
    view = focus(network, "Kim Jong Un", 1, registry)
    assert set(view) == {"kim-jong-un", "north-korea", T2024}
    assert facts(view) == sorted([
        ("kim-jong-un", "signatoryOf", T2024, SCRIBE),
        ("kim-jong-un", "leaderOf", "north-korea", SCRIBE),
        ("north-korea", "partyTo", T2024, SCRIBE),
        ("north-korea", "partyTo", T2024, RUSI),
    ])


def test_focus_depth_counts_hops_in_either_direction(network, registry):
    one = focus(network, "Yun Sun", 1, registry)
    two = focus(network, "sun-yun", 2, registry)
    assert facts(one) == [("sun-yun", "directorOf", "stimson-china-program", SCRIBE)]
    assert facts(two) == sorted([
        ("sun-yun", "directorOf", "stimson-china-program", SCRIBE),
        ("stimson-china-program", "partOf", "stimson-center", SCRIBE),
    ])
    assert set(focus(network, "Iran", 1, registry)) == {"iran", "donetsk-peoples-republic", "luhansk-peoples-republic"}
    assert set(focus(network, "Iran", 0, registry)) == {"iran"}


def test_focus_after_as_of_sees_only_that_date(network, registry):
    view = select(network, as_of_date="1990", focus_on="Soviet Union", depth=1, registry=registry)
    # the Korean War facts ended in 1953; the Cold War and Russia's succession are undated
    assert set(view) == {"soviet-union", "north-korea", T1961, "cold-war", "russia"}
    assert ("soviet-union", "partyTo", T1961, SCRIBE) in facts(view)


def test_default_certainties_leave_out_denied_claims(network):
    assert DEFAULT_CERTAINTIES == ("confirmed", "reported", "speculative")
    denied = [("china", "alliedWith", "north-korea", SCRIBE), ("china", "alliedWith", "russia", SCRIBE)]
    assert facts(by_certainty(network, "denied")) == sorted(denied)
    assert not set(denied) & set(facts(select(network)))
    assert set(denied) <= set(facts(select(network, certainty="all")))


def test_relation_and_class_filters_keep_only_matching_facts(network):
    vetoes = by_relation(network, ["vetoed"])
    assert facts(vetoes) == [("russia", "vetoed", "unsc-draft-2024-03", SCRIBE)]
    states = by_class(network, "State")
    assert all(network.nodes[n]["cls"] == "State" for n in states)
    assert ("russia", "invaded", "ukraine", SCRIBE) in facts(states)
    agreements = by_class(network, "Agreement,State")  # a family name includes its subclasses
    assert T2024 in agreements and "vladimir-putin" not in agreements


@pytest.mark.parametrize("kwargs, message", [
    ({"as_of_date": "2024-13-01"}, "bad date"),
    ({"as_of_date": "yesterday"}, "bad date"),
    ({"certainty": "sure"}, "unknown certainty 'sure'"),
    ({"relation": "supplies"}, "unknown relation 'supplies'"),
    ({"relation": "suppliesarmsto"}, "did you mean suppliesArmsTo"),
    ({"classes": "Country"}, "unknown class 'Country'"),
])
def test_bad_filter_values_raise_one_clear_error(network, kwargs, message):
    with pytest.raises(InputError, match=message):
        select(network, **kwargs)


def test_unknown_actor_in_focus_is_an_input_error(network, registry):
    with pytest.raises(InputError, match="unknown entity 'Atlantis'"):
        select(network, focus_on="Atlantis", registry=registry)
    with pytest.raises(InputError, match="no facts in this view"):
        select(network, as_of_date="1900", focus_on="North Vietnam", registry=registry)


def test_a_view_keeps_the_facts_of_the_producers_asked_for_and_refuses_an_unknown_one():
    import networkx as nx
    from graph.errors import InputError
    from graph.views import select

    g = nx.MultiDiGraph()
    g.add_node("a", cls="State")
    g.add_node("b", cls="State")
    g.add_edge("a", "b", key="s1", relation="supports", certainty="confirmed", producer="hand-curated facts")
    g.add_edge("a", "b", key="s2", relation="supports", certainty="confirmed", producer="geokg-rules/0.1.0")
    g.add_edge("a", "b", key="s3", relation="supports", certainty="confirmed", producer="geokg-llm/p1/m@h:1")
    assert [k for _, _, k in select(g, producer="rules,llm").edges(keys=True)] == ["s2", "s3"]
    assert [k for _, _, k in select(g, producer="curated").edges(keys=True)] == ["s1"]
    assert [k for _, _, k in select(g, producer="geokg-llm/p1/m").edges(keys=True)] == ["s3"]
    with pytest.raises(InputError, match="unknown producer 'llms' \\(did you mean llm\\?\\)"):
        select(g, producer="llms")
