"""The built-in gazetteer: states from countryinfo, organisations from data/gazetteer/, merged
under the curated registry."""

from graph.extract import Extractor
from graph.gazetteer import default_registry, gazetteer_entities, with_gazetteer
from graph.model import Document, Entity, PartialDate
from graph.registry import Registry


def test_every_un_member_state_is_known_with_its_capital_and_demonym():
    registry = with_gazetteer(Registry([]))
    for name in ("Burkina Faso", "Kazakhstan", "Gabon", "Albania", "Brazil", "Tuvalu", "Palestine"):
        assert registry.resolve(name).cls == "State"
    assert registry.resolve("Ouagadougou").id == "burkina-faso"
    assert registry.resolve("Kazakhstani").id == registry.resolve("Republic of Kazakhstan").id == "kazakhstan"
    assert len([e for e in gazetteer_entities() if e.cls == "State"]) >= 195


def test_organisations_and_their_organs_are_known_with_qids():
    registry = with_gazetteer(Registry([]))
    assert registry.resolve("Council of the EU").id == "council-of-the-eu"
    assert registry.resolve("EU").wikidata == "Q458"
    assert registry.resolve("1718 Committee").cls == "InternationalOrganization"


def test_the_curated_registry_wins_and_gains_the_gazetteer_names():
    curated = Entity("dprk", "State", "North Korea", ("DPRK",), description="curated")
    registry = with_gazetteer(Registry([curated]))
    assert registry.resolve("North Korea").id == "dprk"
    assert registry.resolve("Pyongyang").id == "dprk"  # the capital, from the gazetteer
    assert "north-korea" not in registry


def test_states_outside_the_registry_reach_the_graph_as_entities():
    doc = Document("d", "T", "Gabon and Albania condemned Burkina Faso.", date=PartialDate("2024-05-01"))
    result = Extractor(Registry([]), use_ner=False).extract(doc)
    assert {(a.subject, a.object) for a in result.assertions} == {("gabon", "burkina-faso"), ("albania", "burkina-faso")}
    assert {"gabon", "albania", "burkina-faso"} <= {e.id for e in result.new_entities}


def test_numbered_resolutions_are_recognised_in_lists():
    doc = Document("d", "T", "Russia violated resolutions 1718 (2006), 2270 (2016) and 2397 (2017).")
    result = Extractor(Registry([]), use_ner=False).extract(doc)
    assert {m.entity for m in result.mentions} >= {"unsc-resolution-1718", "unsc-resolution-2270", "unsc-resolution-2397"}


def test_a_capital_after_a_locative_preposition_is_a_place_not_its_state():
    doc = Document("d", "T", "Putin signed the Treaty on Comprehensive Strategic Partnership in Pyongyang.")
    result = Extractor(Registry([Entity("t", "Treaty", "Treaty on Comprehensive Strategic Partnership")]), use_ner=False).extract(doc)
    assert not [a for a in result.assertions if "north-korea" in (a.subject, a.object)]


def test_common_wars_are_known_by_their_usual_names():
    registry = with_gazetteer(Registry([]))
    assert registry.resolve("Second World War").id == "world-war-ii"
    assert registry.resolve("Israel-Hamas war").id == "gaza-war"
    assert registry.resolve("war of aggression against Ukraine").cls == "Conflict"
    assert all(e.cls == "Conflict" for e in gazetteer_entities() if e.id in ("iraq-war", "syrian-civil-war"))


def test_a_demonym_belongs_to_the_state_not_to_a_territory_named_with_it():
    registry = with_gazetteer(Registry([]))
    assert [m.entity for m in Extractor(registry, use_ner=False).linker.find("Indian diplomats")] == ["india"]


def test_sanctions_bodies_and_groupings_link_with_their_classes():
    text = ("The Office of Foreign Assets Control designated the Russian Direct Investment Fund, and the Shanghai Five "
            "met in Almaty while the People's Liberation Army and the Armed Forces of Ukraine were on alert.")
    found = {(m.text, m.entity, m.cls) for m in Extractor(default_registry(), use_ner=False).linker.find(text) if not m.nested}
    assert ("Office of Foreign Assets Control", "ofac", "GovernmentBody") in found
    assert ("Shanghai Five", "shanghai-five", "InternationalOrganization") in found
    assert ("Russian Direct Investment Fund", "russian-direct-investment-fund", "Organization") in found
    assert ("People's Liberation Army", "peoples-liberation-army", "ArmedForces") in found
    assert ("Armed Forces of Ukraine", "armed-forces-of-ukraine", "ArmedForces") in found
    assert default_registry().resolve("Shanghai Cooperation Organisation").id == "sco"  # the successor stays apart


def test_bodies_whose_generic_name_several_states_share_need_their_state():
    linker = Extractor(default_registry(), use_ner=False).linker
    linked = lambda text: [m.entity for m in linker.find(text) if not m.nested]  # noqa: E731
    assert linked("The Ministry of Defence and the Foreign Ministry met the Central Military Commission.") == []
    assert "us-national-security-council" not in linked("the National Security Council")
    assert linked("the U.S. National Security Council") == ["us-national-security-council"]
    assert linked("The UK Ministry of Defence and the Russian Ministry of Defence") == ["uk-ministry-of-defence",
                                                                                       "russian-defence-ministry"]
    assert linked("the 1970 Committee and the Panel of Experts on Libya") == ["committee-1970", "panel-of-experts-1970"]
    assert linked("the Committee asked its Panel of Experts") == []


def test_arms_control_treaties_and_wars_link_to_their_own_entries():
    from graph.extract.mentions import Linker

    registry = default_registry()
    linker = Linker(registry)
    text = ("New START outlived the INF Treaty, which the Korean War generation never saw; SORT and START II "
            "came between the ABM Treaty and the Minsk Protocol, long after the Vietnam War and the Cuban Missile Crisis.")
    found = {(m.text, m.entity, m.cls) for m in linker.find(text) if not m.nested}
    assert ("New START", "new-start", "Treaty") in found
    assert ("INF Treaty", "inf-treaty", "Treaty") in found
    assert ("Korean War", "korean-war", "Conflict") in found
    assert ("SORT", "treaty-of-moscow-2002", "Treaty") in found
    assert ("START II", "start-ii", "Treaty") in found
    assert ("ABM Treaty", "abm-treaty", "Treaty") in found
    assert ("Minsk Protocol", "minsk-protocol", "Agreement") in found
    assert ("Cuban Missile Crisis", "cuban-missile-crisis", "Conflict") in found
    # a treaty named with its parties is not another treaty of the same generic name
    assert [m.entity for m in linker.find("the Russia-Iran Treaty on Comprehensive Strategic Partnership") if not m.nested] \
        == ["russia-iran-treaty-2025"]
    assert [m.entity for m in linker.find("the U.S.-ROK Mutual Defense Treaty") if not m.nested] == ["us-rok-mutual-defense-treaty"]
    # generic phrases and lower-case words name nothing
    assert [m.entity for m in linker.find("a mutual defense treaty ended the civil war; sort the accords") if not m.nested] == []
    assert registry.resolve("Wassenaar Arrangement").cls == "Agreement"


def test_armed_groups_and_affiliates_link_to_their_own_entries():
    from graph.extract.mentions import Linker

    linker = Linker(default_registry())
    text = ("The Committee designated al-Qa’ida in the Arabian Peninsula (AQAP) and al-Shabaab, "
            "and condemned the attacks by the Houthis on shipping.")
    found = {(m.text, m.entity, m.cls) for m in linker.find(text) if not m.nested}
    assert ("al-Qa’ida in the Arabian Peninsula", "aqap", "Organization") in found
    assert ("AQAP", "aqap", "Organization") in found
    assert ("al-Shabaab", "al-shabaab", "Organization") in found
    assert ("Houthis", "houthis", "Organization") in found
    assert "al-qaida" not in {e for _, e, _ in found}  # the affiliate, not the parent named inside it
    # acronyms that name something else stay unlinked; an all-capital acronym only in capitals
    assert [m.entity for m in linker.find("RSF and the ADF reported on Ttp rates.") if not m.nested] == []


def test_occupied_and_contested_territories_are_places_and_take_no_arms():
    registry = with_gazetteer(Registry([]))
    assert registry.resolve("Crimean Peninsula").id == "crimea"
    assert registry.resolve("Kursk region").cls == registry.resolve("Golan Heights").cls == "Place"
    doc = Document("d", "T", "In 2014, Russia annexed Crimea. In September, Russia transferred UAVs that it had purchased "
                   "from Iran into Crimea.", date=PartialDate("2022-10-20"))
    facts = {(a.subject, a.relation, a.object) for a in Extractor(Registry([]), use_ner=False).extract(doc).assertions}
    assert ("russia", "occupies", "crimea") in facts
    assert not {f for f in facts if f[1] == "suppliesArmsTo"}  # (moved into a place: no party receives them)
