"""Quantities with their unit."""

from decimal import Decimal

import pytest

from graph.extract.quantities import find_quantities


@pytest.mark.parametrize("text, quantity", [
    ("sent 300,000 artillery shells", ("300,000 artillery shells", Decimal(300000), "artillery shells")),
    ("unfreezing of $9 million in assets", ("$9 million", Decimal(9000000), "USD")),
    ("up to $15 million per year", ("up to $15 million per year", Decimal(15000000), "USD per year")),
    ("millions of artillery shells", ("millions of artillery shells", None, "artillery shells")),
    ("billions of rubles", ("billions of rubles", None, "RUB")),
    ("over 100 pilots", ("over 100 pilots", Decimal(100), "pilots")),
    ("About 10,000 North Korean soldiers", ("About 10,000 North Korean soldiers", Decimal(10000), "soldiers")),
])
def test_amounts_and_units(text, quantity):
    q = find_quantities(text)[0]
    assert (q.text, q.amount, q.unit) == quantity


def test_years_are_not_quantities():
    assert find_quantities("In 2006 Russia supported it") == []


def test_offsets_point_into_the_document():
    q = find_quantities("It sent 63 combat aircraft.", offset=5)[0]
    assert (q.start, q.end) == (13, 31)
