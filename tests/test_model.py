"""PartialDate: parsing, precision and the span of days a date can mean."""

import datetime as dt

import pytest

from graph.model import PartialDate


@pytest.mark.parametrize("text,precision", [("2024", "year"), ("2024-03", "month"), ("2024-06-19", "day")])
def test_partial_date_keeps_the_precision_of_the_text(text, precision):
    assert PartialDate.parse(text).precision == precision


@pytest.mark.parametrize("bad", ["2024-13", "2024-02-30", "24", "March 2024", "2024/06", "", "2024-6"])
def test_partial_date_rejects_malformed_dates(bad):
    with pytest.raises(ValueError, match="bad date"):
        PartialDate.parse(bad)


def test_partial_date_spans_from_first_to_last_day():
    feb = PartialDate.parse("2024-02")
    assert (feb.earliest(), feb.latest()) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    year = PartialDate.parse("1961")
    assert (year.earliest(), year.latest()) == (dt.date(1961, 1, 1), dt.date(1961, 12, 31))
