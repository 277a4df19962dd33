"""Time expressions normalised against the document's date."""

import datetime as dt

import pytest

from graph.extract.dates import find_dates

REF = dt.date(2024, 6, 21)  # a Friday


@pytest.mark.parametrize("text, value, role, precision", [
    ("on Thursday", "2024-06-20", "point", "day"),
    ("in March 2024", "2024-03", "point", "month"),
    ("in March", "2024-03", "point", "month"),
    ("in November", "2023-11", "point", "month"),
    ("as early as July", "2024-07", "point", "month"),
    ("as early as July 2025", "2025-07", "point", "month"),
    ("since 2023", "2023", "start", "year"),
    ("since August 2023", "2023-08", "start", "month"),
    ("until 2019", "2019", "end", "year"),
    ("On June 19th", "2024-06-19", "point", "day"),
    ("on 3 May 2024", "2024-05-03", "point", "day"),
    ("on May 3, 2024", "2024-05-03", "point", "day"),
    ("in 1967", "1967", "point", "year"),
    ("yesterday", "2024-06-20", "point", "day"),
    ("last year", "2023", "point", "year"),
    ("2024-06-19", "2024-06-19", "point", "day"),
])
def test_expressions_are_normalised_with_their_role_and_precision(text, value, role, precision):
    found = find_dates(f"It happened {text}.", REF)
    assert [(d.value.value, d.role, d.precision) for d in found] == [(value, role, precision)]


def test_two_days_later_counts_from_the_previous_date():
    found = find_dates("They met on 3 May 2024 and two days later signed.", REF)
    assert [d.value.value for d in found] == ["2024-05-03", "2024-05-05"]


def test_relative_dates_keep_the_precision_of_their_anchor():
    found = find_dates("In March 2024 they met; two weeks later they signed.", REF)
    assert [d.value.value for d in found] == ["2024-03", "2024-03"]


def test_the_modal_may_decades_and_numbers_are_not_dates():
    assert find_dates("Russia may send 2500 troops in the 1950s style.", REF) == []


def test_without_a_document_date_relative_expressions_are_skipped():
    assert [d.value.value for d in find_dates("On Thursday, in March 2024.", None)] == ["2024-03"]


def test_offsets_point_into_the_document():
    d = find_dates("x in 2006", REF, offset=10)[0]
    assert (d.start, d.end, d.text) == (12, 19, "in 2006")


@pytest.mark.parametrize("text, expected", [
    ("They met on 4-5 March in Geneva.", [("2024-03-04", "start"), ("2024-03-05", "end")]),
    ("Talks ran on March 4–5, 2023 in Oman.", [("2023-03-04", "start"), ("2023-03-05", "end")]),
    ("The plan covers 2021-2023.", [("2021", "start"), ("2023", "end")]),
    ("Under resolution 2397 (2017) and S/RES/2375(2017), trade is banned.", []),
    ("Admiral Dong Jun met the minister in Singapore.", []),
    ("It begins in June.", [("2024-06", "point")]),
])
def test_ranges_resolution_years_and_names_that_look_like_months(text, expected):
    found = find_dates(text, dt.date(2024, 6, 21))
    assert [(d.value.value, d.role) for d in found] == expected


def test_a_fact_takes_the_date_of_its_own_clause_or_the_one_written_after_its_argument():
    from graph.extract import Extractor
    from graph.gazetteer import with_gazetteer
    from graph.model import Document, PartialDate
    from graph.registry import Registry

    def dated(text):
        doc = Document("d", "T", text, date=PartialDate("2024-06-01"))
        return {(a.subject, a.relation, str(a.point_in_time)) for a in
                Extractor(with_gazetteer(Registry([])), use_ner=False).extract(doc).assertions}

    assert ("china", "signatoryOf", "2001") in dated(
        "China and Russia share a border which was demarcated in 1991, and they signed the Treaty of Good-Neighborliness "
        "and Friendly Cooperation in 2001.")


def test_an_action_a_release_announces_in_the_present_happened_on_its_day():
    from graph.extract import Extractor
    from graph.gazetteer import default_registry
    from graph.model import Document, PartialDate

    doc = Document("d", "T", "OFAC has sanctioned the Central Bank of the Russian Federation. In 2014 Russia invaded "
                   "Ukraine. Russia invaded Georgia.", date=PartialDate("2022-02-28"))
    dated = {(a.relation, a.object): a.point_in_time for a in
             Extractor(default_registry(), use_ner=False).extract(doc).assertions}
    assert str(dated[("sanctions", "central-bank-of-russia")]) == "2022-02-28"
    assert str(dated[("invaded", "ukraine")]) == "2014"
    assert dated[("invaded", "georgia")] is None  # (a past fact a release mentions is not of its day)


def _dated_facts(text, date="2024-07-28"):
    from graph.extract import Extractor
    from graph.gazetteer import default_registry
    from graph.model import Document, PartialDate

    doc = Document("d", "T", text, date=PartialDate(date))
    return {(a.subject, a.relation, a.object): tuple(str(t) for t in (a.point_in_time, a.start_time, a.end_time) if t)
            for a in Extractor(default_registry(), use_ner=False).extract(doc).assertions}


def test_a_report_of_its_day_dates_what_it_tells_in_the_past_to_that_day():
    facts = _dated_facts("The Security Council met today. The Council condemned North Korea. "
                         "The European Union has repeatedly condemned Iran.")
    assert facts[("unsc", "condemned", "north-korea")] == ("2024-07-28",)
    assert facts[("european-union", "condemned", "iran")] == ()  # (repeatedly: not only today)
    # a text that never speaks of its own day (an encyclopedia, an analysis) dates nothing so
    assert _dated_facts("The Security Council condemned North Korea.")[("unsc", "condemned", "north-korea")] == ()


def test_structure_and_offices_take_no_date_of_the_day_they_are_mentioned():
    facts = _dated_facts("Secretary of Defense Lloyd J. Austin III met today with Japanese Minister of Defense Kihara Minoru. "
                         "The U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC) today sanctioned "
                         "the Central Bank of the Russian Federation.")
    assert facts[("lloyd-austin", "leaderOf", "pentagon")] == ()  # (an office held, not an act of today)
    assert facts[("ofac", "partOf", "us-treasury")] == ()
    assert facts[("ofac", "sanctions", "central-bank-of-russia")] == ("2024-07-28",)


def test_each_of_several_dates_goes_to_the_argument_it_follows_and_a_name_year_yields_to_the_day():
    facts = _dated_facts("The Sino-Russian Treaty of Friendship was ratified by Russia's State Duma on 26 December 2001, "
                         "the Federation Council on 16 January 2002, and by President Vladimir Putin on 25 January 2002.")
    assert facts[("federation-council", "ratified", "sino-russian-treaty-2001")] == ("2002-01-16",)
    assert facts[("vladimir-putin", "ratified", "sino-russian-treaty-2001")] == ("2002-01-25",)
    facts = _dated_facts("The 2018 Eritrea–Ethiopia summit took place on 8–9 July 2018 in Asmara, between Eritrean "
                         "President Isaias Afwerki and Ethiopian Prime Minister Abiy Ahmed.")
    assert facts[("isaias-afwerki", "metWith", "abiy-ahmed")] == ("2018-07-08", "2018-07-09")


def test_a_statements_own_speech_act_in_the_present_is_of_its_day():
    facts = _dated_facts("The United States condemns North Korea's launch. The United States has long condemned Iran.")
    assert facts[("united-states", "condemned", "north-korea")] == ("2024-07-28",)
    assert facts[("united-states", "condemned", "iran")] == ()


def test_a_party_to_a_treaty_is_one_from_its_entry_into_force():
    facts = _dated_facts("The Sino-Russian Treaty of Friendship was signed by Chinese President Jiang Zemin and Russian "
                         "President Vladimir Putin on 16 July 2001, and it came into force on 28 February 2002.")
    assert facts[("china", "partyTo", "sino-russian-treaty-2001")] == ("2002-02-28",)
    assert facts[("jiang-zemin", "signatoryOf", "sino-russian-treaty-2001")] == ("2001-07-16",)


def test_a_vote_is_not_dated_by_another_resolutions_year_and_a_condemnation_not_by_its_objects_day():
    facts = _dated_facts("Unanimously adopting resolution 2627 (2022), the Security Council decided that the mandate applies "
                         "to measures imposed by its resolutions adopted in 2016 and 2017.", date="2022-03-25")
    assert facts[("unsc-resolution-2627", "adoptedBy", "unsc")] == ("2022-03-25",)
    facts = _dated_facts("The United States condemns in the strongest possible terms North Korea's January 6 launch, "
                         "including its continued provocations.", date="2025-01-08")
    assert facts[("united-states", "condemned", "north-korea")] == ("2025-01-08",)


def test_today_in_a_document_dated_to_the_month_is_that_month():
    from graph.model import PartialDate

    (today,) = find_dates("The ministers met today.", PartialDate("2022-11"))
    assert today.value == PartialDate("2022-11")
    assert find_dates("The ministers met yesterday.", PartialDate("2022-11")) == []
    (today,) = find_dates("The ministers met today.", PartialDate("2022-11-29"))
    assert today.value == PartialDate("2022-11-29")


def test_a_release_opening_on_its_own_date_dates_what_its_speakers_did_there():
    from graph.extract import Extractor
    from graph.gazetteer import default_registry
    from graph.model import Document, PartialDate

    text = ("Japan and the United States convened a Trilateral Ministerial Meeting on July 28, 2024, in Tokyo. "
            "Japan and the United States also condemned North Korea's launches.")

    def dated(kind):
        doc = Document("d", "T", text, date=PartialDate("2024-07-28"), kind=kind)
        return {(a.relation, a.object): a.point_in_time for a in
                Extractor(default_registry(), use_ner=False).extract(doc).assertions if a.relation == "condemned"}

    assert {str(v) for v in dated("statement").values()} == {"2024-07-28"}
    assert set(dated("article").values()) == {None}  # (a news story's condemnation may be older than the story)


def test_a_year_in_a_description_dates_the_thing_described_but_a_year_in_a_name_does_not():
    from graph.extract import Extractor
    from graph.gazetteer import default_registry
    from graph.model import Document, PartialDate

    text = ("The Australia, New Zealand, United States Security Treaty (ANZUS) is a 1951 non-binding collective security "
            "agreement between Australia and New Zealand, although today the treaty is taken to relate to conflicts worldwide.")
    doc = Document("d", "T", text, date=PartialDate("2022"), kind="encyclopedia")
    starts = {a.subject: str(a.start_time) for a in Extractor(default_registry(), use_ner=False).extract(doc).assertions
              if a.relation == "partyTo"}
    assert starts == {"australia": "1951", "new-zealand": "1951"}


def test_a_role_word_is_a_whole_word_so_a_resolution_number_is_no_date_on_its_own():
    # ("Resolution 2094": not "on 2094", the end of the word before; the number inside the name is dropped later)
    assert [d.text for d in find_dates("UN Security Council Resolution 2094 was adopted.", dt.date(2013, 3, 7))] == ["2094"]
    assert [(d.text, d.role) for d in find_dates("talks held on 2 May", dt.date(2013, 3, 7))] == [("on 2 May", "point")]
