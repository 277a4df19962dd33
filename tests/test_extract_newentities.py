"""New-entity proposals with a guessed class."""

from graph.extract.mentions import Linker
from graph.extract.newentities import propose, slug
from graph.model import Entity
from graph.registry import Registry


def test_titles_institutions_and_places_are_proposed_with_a_class():
    text = ("Foreign Minister Sergei Lavrov met President Alexander Lukashenko and the Kursk Regional Council; "
            "troops moved to the Belgorod region and Belarus.")
    found = {(p.label, p.cls) for p in propose(text, [])}
    assert found >= {("Sergei Lavrov", "Person"), ("Alexander Lukashenko", "PoliticalLeader"),
                     ("Kursk Regional Council", "GovernmentBody"), ("Belgorod region", "Place")}


def test_a_title_before_a_surname_alone_proposes_a_person():
    found = {(p.label, p.cls) for p in propose("Secretary Blinken and Foreign Minister Hayashi met.", [])}
    assert found >= {("Blinken", "Person"), ("Hayashi", "Person")}


def test_names_the_registry_knows_are_not_proposed():
    registry = Registry([Entity("belarus", "State", "Belarus")])
    text = "Belarus hosted the talks."
    assert propose(text, Linker(registry).find(text)) == []


def test_ordinary_capitalised_words_are_not_proposed():
    assert propose("The war dragged on. However, Analysts disagreed.", []) == []


def test_ids_are_slugs_and_offsets_are_document_offsets():
    p = propose("Gen. Kim Yong Bok spoke.", [], offset=50)[0]
    assert (p.id, p.start, p.label) == ("kim-yong-bok", 55, "Kim Yong Bok")
    assert slug("Kürsk Oblast") == "kursk-oblast"


def test_names_with_middle_initials_and_titles_after_the_name_are_people():
    found = {(p.label, p.cls, p.aliases) for p in propose(
        "Secretary of the Treasury Janet L. Yellen spoke. Jonah Leff, Executive Director, Conflict Armament Research, "
        "presented findings. United States representative Dorothy Shea replied.", [])}
    assert ("Janet Yellen", "Person", ("Janet L. Yellen",)) in found
    assert ("Jonah Leff", "Person", ()) in found
    assert ("Dorothy Shea", "Person", ()) in found


def test_a_headline_in_title_case_ends_the_name_at_a_function_word():
    labels = {p.label for p in propose("ROK Foreign Minister Park Before Their Meeting", [])}
    assert "Park" in labels and not any("Before" in label for label in labels)


def test_hyphenated_given_names_are_one_name():
    labels = {p.label for p in propose("Foreign Minister Jean-Marc Dupuis and President Anne-Sophie Laurent spoke.", [])}
    assert {"Jean-Marc Dupuis", "Anne-Sophie Laurent"} <= labels


def test_a_meeting_named_by_its_rank_and_body_is_an_event_but_a_headline_meeting_is_not():
    from graph.extract.newentities import propose_events
    found = {(p.label, p.cls) for p in propose_events(
        "Ministers gathered for the fifth meeting of the Baltic Energy Forum in Riga.", [])}
    assert ("fifth meeting of the Baltic Energy Forum", "Talks") in found
    found = {(p.label, p.cls) for p in propose_events("They spoke on the sidelines of the Arctic Coast Guard Meeting.", [])}
    assert ("Arctic Coast Guard Meeting", "Talks") in found
    assert propose_events("Minister Lind Before Their Meeting", []) == []


def test_titles_for_a_portfolio_and_an_organisation_after_a_title_in_commas():
    found = {(p.label, p.cls) for p in propose(
        "Minister for Foreign Affairs Tessa Morgan spoke. Jane Roe, Executive Director, Harbour Arms Watch, said so.", [])}
    assert ("Tessa Morgan", "Person") in found
    assert ("Jane Roe", "Person") in found and ("Harbour Arms Watch", "Organization") in found
    assert ("Harbour Arms Watch", "Person") not in found


def test_the_first_of_several_drafts_is_a_draft_of_its_own():
    from graph.extract.newentities import propose_drafts
    found = propose_drafts("The first draft resolution — tabled by two members — was defeated.", [], 0, "d", 0, None)
    assert [p.id for p in found] == ["d-draft-1"]
    assert propose_drafts("The first draft of the speech was long.", [], 0, "d", 0, "d-draft-1") == []


def test_an_institution_named_with_a_state_or_organisation_inside_is_proposed():
    registry = Registry([Entity("ukraine", "State", "Ukraine"), Entity("russia", "State", "Russia", ("Russian",)),
                         Entity("brics", "InternationalOrganization", "BRICS"),
                         Entity("duma", "GovernmentBody", "State Duma")])
    def labels(text):
        return {(p.label, p.cls) for p in propose(text, Linker(registry).find(text))}
    assert ("Trilateral Contact Group on Ukraine", "Organization") in labels("The Trilateral Contact Group on Ukraine met.")
    assert ("BRICS Harbour Declaration", "Agreement") in labels("The BRICS Harbour Declaration was adopted.")
    assert labels("Russia's State Duma on Thursday ratified it.") == set()  # a possessive, a registry head, a day


def test_a_name_before_a_title_with_its_state_is_a_person():
    found = {p.label for p in propose("Tessa Morgan, the German Chancellor, spoke. Ivo Brandt, Austria's foreign minister, "
                                      "replied.", [])}
    assert {"Tessa Morgan", "Ivo Brandt"} <= found


def test_delegates_named_with_their_state_in_parentheses_camel_case_names_and_a_participle_first():
    registry = Registry([Entity("ru", "State", "Russian Federation"), Entity("iran", "State", "Iran"),
                         Entity("unsc", "InternationalOrganization", "Security Council", ("Council",))])

    def labels(text):
        return {(p.label, p.cls) for p in propose(text, Linker(registry).find(text))}
    assert ("Ivo Brandt", "Person") in labels("Ivo Brandt (Russian Federation) said the text was flawed.")
    assert not labels("Talks between the Persian Empire (Iran) began in 1521.")
    assert ("Rosa DiMarco", "Person") in labels("Under-Secretary-General Rosa DiMarco spoke.")
    assert not {label for label, _ in labels("Addressing the Council, she spoke.") if "Addressing" in label}


def test_another_bodys_summit_is_another_summit_but_the_same_bodys_annual_summit_is_the_same():
    from graph.extract.newentities import propose_events
    assert [p.id for p in propose_events("Putin attended the SCO summit.", [], 0, "csto-summit")] == ["sco-summit"]
    assert [p.id for p in propose_events("The annual CSTO summit ended.", [], 0, "2024-csto-summit")] == ["2024-csto-summit"]


def test_a_leader_named_before_the_title_of_an_organisation_and_no_staff_member_called_staff():
    found = {(p.label, p.cls) for p in propose("Ivo Brandt, the leader of the Harbour Front, resigned. The General Staff met.", [])}
    assert ("Ivo Brandt", "Person") in found and not {label for label, _ in found if label == "Staff"}


def test_a_name_after_a_state_and_under_is_its_leader():
    registry = Registry([Entity("by", "State", "Belarus")])
    text = "Belarus under Ivo Brandt drifted east. Talks under United Nations auspices resumed."
    found = {(p.label, p.cls) for p in propose(text, Linker(registry).find(text))}
    assert ("Ivo Brandt", "PoliticalLeader") in found and not {label for label, _ in found if "United" in label}


def test_agendas_and_roadmaps_are_agreements_and_a_year_may_sit_inside_a_name():
    registry = Registry([Entity("eu", "InternationalOrganization", "EU"), Entity("cn", "State", "China")])
    text = "We reinforced our EU-China 2030 Strategic Agenda. In 2020 Germany spoke."
    found = {(p.label, p.cls) for p in propose(text, Linker(registry).find(text))}
    assert ("EU-China 2030 Strategic Agenda", "Agreement") in found and not {label for label, _ in found if "2020" in label}


def test_an_agreement_name_runs_on_through_in_and_of_but_not_through_where_it_was_signed():
    labels = {p.label for p in propose("They signed the Treaty on Deepening Military Trust in Border Regions in Shanghai.", [])}
    assert "Treaty on Deepening Military Trust in Border Regions" in labels
    labels = {p.label for p in propose("They signed the Treaty of Good-Neighborliness and Friendly Cooperation Between the "
                                       "two states.", [])}
    assert "Treaty of Good-Neighborliness and Friendly Cooperation" in labels
    labels = {p.label for p in propose("The Regional Security Committee in Brussels met.", [])}
    assert "Regional Security Committee" in labels


def test_a_lower_case_title_after_a_demonym_or_body_names_a_person_but_not_after_the():
    found = {(p.label, p.cls) for p in propose("Spanish prime minister Pedro Sánchez met NATO secretary general Jens "
                                               "Stoltenberg.", [])}
    assert {("Pedro Sánchez", "PoliticalLeader"), ("Jens Stoltenberg", "Person")} <= found
    # (after "the", the lower-case title makes no leader; the name that speaks is still a person's)
    assert [(p.label, p.cls) for p in propose("He said the prime minister Boris Johnson spoke.", [])] == [
        ("Boris Johnson", "Person")]


def test_companies_are_named_by_their_legal_form_and_a_list_of_them_is_split():
    found = {(p.label, p.cls) for p in propose("OFAC designated Rosoboronexport JSC and Sberbank PJSC.", [])}
    assert found == {("Rosoboronexport JSC", "Organization"), ("Sberbank PJSC", "Organization")}


def test_a_summit_named_with_a_lower_case_kind_and_not_a_description_alone():
    from graph.extract.newentities import propose_events
    assert [p.label for p in propose_events("They met at the 2023 Camp David trilateral summit.", [])] == [
        "2023 Camp David trilateral summit"]
    assert propose_events("The annual summit was held.", []) == []


def test_a_patronymic_name_is_also_known_without_it_and_long_portfolio_titles():
    found = {p.label: p.aliases for p in propose("The Wagner Group and its leader, Yevgeniy Viktorovich Prigozhin, met "
                                                 "Under Secretary of the Treasury for Terrorism and Financial Intelligence "
                                                 "Brian E. Nelson.", [])}
    assert "Yevgeniy Prigozhin" in found["Yevgeniy Viktorovich Prigozhin"]
    assert "Brian Nelson" in found


def test_a_title_case_headline_names_no_place_before_a_state():
    from graph.extract.newentities import propose_events
    from graph.gazetteer import default_registry
    linker = Linker(default_registry())
    headline = "Adopting Resolution 2736 with 14 Votes in Favour, Russian Federation Abstaining, Security Council Demands Halt"
    assert not [p for p in propose_events(headline, linker.find(headline)) if p.cls == "Place"]
    sentence = "The summit was held in Kazan, Russia, last year."
    assert [p.label for p in propose_events(sentence, linker.find(sentence)) if p.cls == "Place"] == ["Kazan"]


def test_a_bare_full_name_is_a_person_s_when_a_person_s_act_or_word_goes_with_it():
    found = {(p.label, p.cls) for p in propose("Sergei Lavrov met Antony Blinken in Jakarta. Russia welcomed Xi "
                                               "Jinping's visit. The talks, said Dmitry Peskov, went well.", [])}
    assert {("Sergei Lavrov", "Person"), ("Antony Blinken", "Person"), ("Xi Jinping", "Person"),
            ("Dmitry Peskov", "Person")} <= found
    # bodies, places and capitalised openings that act are no people
    assert not [p for p in propose("The White House said the talks went well. North Korea met the deadline. Both "
                                   "Leaders said so. State Duma said yes.", []) if p.cls == "Person"]


def test_a_military_exercise_is_an_event_where_it_is_defined_or_named_as_one_of_a_series():
    from graph.extract.newentities import propose_events
    found = {(p.label, p.cls) for p in propose_events(
        "Vostok 2018 (Восток 2018) was a large-scale Russian military exercise. China joined the Vostok exercises. "
        "Strategic exercises between Belarus and Russia are held every two years.", [])}
    assert {("Vostok 2018", "Event"), ("Vostok", "Event")} <= found
    assert not {label for label, _ in found if label.startswith("Strategic")}
