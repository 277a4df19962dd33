"""Mention detection and linking: name variants, metonyms, demonyms, official names, descriptions."""

import datetime as dt

import pytest

from graph.extract.dates import find_dates
from graph.extract.mentions import Linker, Salience, resolve_descriptions
from graph.model import Entity
from graph.registry import Registry

REGISTRY = Registry([
    Entity("north-korea", "State", "North Korea", ("DPRK", "Democratic People's Republic of Korea", "North Korean"), ("Pyongyang",)),
    Entity("russia", "State", "Russia", ("Russian Federation", "Russian"), ("Moscow",)),
    Entity("united-states", "State", "United States", ("US", "U.S.", "American"), ("Washington",)),
    Entity("france", "State", "France"),
    Entity("kim-jong-un", "PoliticalLeader", "Kim Jong-un", ("Kim Jong Un",)),
    Entity("jose-marti", "Person", "José Martí"),
    Entity("korean-peoples-army", "ArmedForces", "Korean People's Army", ("North Korean troops",)),
    Entity("treaty-2024", "Treaty", "Treaty on Comprehensive Strategic Partnership",
           description="Signed by Russia and North Korea on 19 June 2024."),
    Entity("treaty-1961", "Treaty", "Soviet-North Korean Treaty of 1961", ("1961 treaty",)),
    Entity("draft-2024-03", "DraftResolution", "UNSC draft resolution of March 2024 on sanctions monitoring"),
])
LINKER = Linker(REGISTRY)


def linked(text):
    return [(m.text, m.entity, m.kind) for m in LINKER.find(text) if not m.nested]


@pytest.mark.parametrize("text", ["Kim Jong Un", "Kim Jong-un", "KIM JONG-UN", "kim jong un", "Kim  Jong\u2011un"])
def test_case_hyphen_and_space_variants_link_to_one_entity(text):
    assert [m[1] for m in linked(text)] == ["kim-jong-un"]


def test_diacritics_do_not_matter():
    assert linked("Jose Marti and José Martí")[0][1] == linked("Jose Marti and José Martí")[1][1] == "jose-marti"


def test_capitals_are_metonyms_for_their_state():
    assert linked("Pyongyang and Moscow agreed; Washington objected.") == [
        ("Pyongyang", "north-korea", "metonym"), ("Moscow", "russia", "metonym"), ("Washington", "united-states", "metonym")]


def test_demonyms_and_official_full_names():
    assert linked("the Russian Federation and the Democratic People's Republic of Korea") == [
        ("Russian Federation", "russia", "alias"), ("Democratic People's Republic of Korea", "north-korea", "alias")]
    assert linked("Russian forces met American officials") == [("Russian", "russia", "demonym"), ("American", "united-states", "demonym")]


def test_gazetteer_demonyms_apply_to_registry_states():
    from graph.gazetteer import with_gazetteer

    linker = Linker(with_gazetteer(Registry([Entity("france", "State", "France")])))
    assert [(m.text, m.entity, m.kind) for m in linker.find("French diplomats")] == [("French", "france", "demonym")]


def test_short_acronyms_match_only_in_capitals():
    assert linked("Tell us what the US said.") == [("US", "united-states", "alias")]


def test_longest_name_wins_and_shorter_names_stay_as_nested():
    mentions = LINKER.find("North Korean troops arrived.")
    assert [(m.entity, m.nested) for m in mentions] == [("korean-peoples-army", False), ("north-korea", True)]


def test_offsets_count_from_the_given_offset():
    m = LINKER.find("in Moscow", offset=100)[0]
    assert (m.start, m.end) == (103, 109)


def _describe(text, salience=None, reference=dt.date(2024, 6, 25), year="2024"):
    mentions = LINKER.find(text)
    dates = [d.value for d in find_dates(text, reference)]
    return [(m.text, m.entity) for m in resolve_descriptions(text, 0, mentions, REGISTRY, salience or Salience(), dates, year)]


def test_a_description_with_a_date_links_to_the_registry_entry_of_that_date():
    assert _describe("In March 2024, Russia vetoed a Security Council resolution.") == [
        ("a Security Council resolution", "draft-2024-03")]
    assert _describe("In 1961, they signed a strong defence alliance.") == [("a strong defence alliance", "treaty-1961")]


def test_a_definite_description_links_to_the_last_entity_of_its_class():
    salience = Salience()
    for m in LINKER.find("the 1961 treaty"):
        salience.note(m)
    assert _describe("This alliance became void.", salience) == [("This alliance", "treaty-1961")]
    assert _describe("the previous alliance was replaced", salience) == [("the previous alliance", "treaty-1961")]


def test_a_description_that_fits_nothing_is_left_alone():
    assert _describe("They discussed a trade deal in 1999.") == []
    assert _describe("the United States in future talks") == []


def test_the_meeting_is_the_meeting_the_document_named():
    from graph.extract.mentions import Mention
    salience = Salience()
    salience.note(Mention(0, 10, "Forum", "forum-2024", "Talks", "new"))
    found = resolve_descriptions("Ministers attended the meeting.", 0, [], Registry([Entity("x", "Talks", "x")]),
                                 salience, [], None)
    assert [(m.text, m.entity) for m in found] == [("the meeting", "forum-2024")]


def test_the_council_at_the_start_of_a_sentence_is_the_council_named_before():
    from graph.extract.mentions import Mention, resolve_organisations
    salience = Salience()
    salience.note(Mention(0, 17, "Council of the EU", "council-of-the-eu", "InternationalOrganization", "label"))
    found = resolve_organisations("The Council extended the measures.", 0, [], salience)
    assert [(m.text, m.entity) for m in found] == [("The Council", "council-of-the-eu")]


def test_a_clause_between_the_council_and_a_numbered_resolution_is_no_description():
    registry = Registry([Entity("r-2024", "Resolution", "UN Security Council resolution of March 2024")])
    found = resolve_descriptions("The Security Council today adopted resolution 2719 (2024) by 13 votes.", 0, [],
                                 registry, Salience(), [], "2024")
    assert found == []


def test_the_council_after_the_security_council_in_the_same_sentence_is_that_council():
    from graph.extract.mentions import Mention, resolve_organisations
    named = [Mention(4, 20, "Security Council", "unsc", "InternationalOrganization", "label")]
    found = resolve_organisations("The Security Council met; a member of the Council objected.", 0, named, Salience())
    assert [(m.text, m.entity) for m in found] == [("the Council", "unsc")]


def test_short_forms_of_states_the_package_lacks_are_names_of_the_state_with_its_own():
    from graph.gazetteer import default_registry
    linker = Linker(default_registry())
    found = {(m.text, m.entity) for m in linker.find("The UK, the UAE and CAR joined; Britain and the uk did not.")}
    assert {("UK", "united-kingdom"), ("UAE", "united-arab-emirates"), ("CAR", "central-african-republic"),
            ("Britain", "united-kingdom")} <= found
    assert "uk" not in {t for t, _ in found}
    assert "London" in default_registry()["united-kingdom"].hidden  # the package's names stay


def test_a_national_security_council_is_not_the_un_security_council():
    from graph.gazetteer import default_registry
    linker = Linker(default_registry())
    assert "unsc" not in {m.entity for m in linker.find("The National Security Council met on Tuesday.")}
    assert "unsc" in {m.entity for m in linker.find("On Monday Security Council members met.")}
