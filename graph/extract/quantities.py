"""Quantities in text: numbers with their unit ("300,000 artillery shells", "$9 million",
"up to $15 million per year", "millions of artillery shells", "over 100 pilots").

>>> [(q.text, q.amount, q.unit) for q in find_quantities("It sent 300,000 artillery shells and $9 million.")]
[('300,000 artillery shells', Decimal('300000'), 'artillery shells'), ('$9 million', Decimal('9000000'), 'USD')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Quantity

__all__ = ["QuantityMention", "find_quantities"]

_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "k": 10**3, "m": 10**6, "bn": 10**9}
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB"}
_CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "rubles": "RUB", "roubles": "RUB",
                   "won": "KRW", "yuan": "CNY", "pounds": "GBP"}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "dozens": None, "hundreds": None,
                 "thousands": None, "millions": None, "billions": None, "several": None, "dozen": 12}
_STOP = r"(?:in|to|from|for|and|or|of|per|a|the|with|by|at|on|since|during|including|that|which|were|was|have|has|had|been|are|is)"
_UNIT = r"(?P<unit>(?:(?!" + _STOP + r"\b)[A-Za-z][\w-]*\s+){0,3}(?!" + _STOP + r"\b)[a-z][\w-]*)"
_BOUND = r"(?P<bound>up to|over|more than|nearly|almost|about|around|at least|some|roughly|approximately|as many as|fewer than|less than)?\s*"
_MONEY_RE = re.compile(_BOUND + r"(?P<cur>US\$|\$|€|£|¥|₩|₽)\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|trillion|bn|m|k)?\b"
                       r"(?P<rate>\s+(?:a|per)\s+(?:year|month|annum))?", re.I)
_NUMBER_RE = re.compile(_BOUND + r"(?<![\w$€£.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<pct>%|\s*percent)?\s*(?P<scale>thousand|million|billion|trillion)?\s+" + _UNIT, re.I)
_WORD_RE = re.compile(_BOUND + r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens|hundreds|thousands|millions|billions|several)\s+(?:of\s+)?" + _UNIT, re.I)


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    quantity: Quantity

    @property
    def text(self) -> str:
        return self.quantity.text

    @property
    def amount(self):
        return self.quantity.amount

    @property
    def unit(self):
        return self.quantity.unit


_MASS_NOUNS = {"aircraft", "personnel", "equipment", "ammunition", "materiel", "fuel", "oil", "food", "aid"}
_LEADING = {"different", "additional", "more", "new", "other", "extra", "further", "separate"}


def _unit(words: str) -> str:
    """The counted thing: up to the first plural or mass noun, without leading adjectives or names."""
    tokens = words.split()
    for i, token in enumerate(tokens):
        if token.lower() in _MASS_NOUNS or (token.endswith("s") and len(token) > 3 and token[0].islower()):
            tokens = tokens[:i + 1]
            break
    else:
        tokens = tokens[:2]
    while len(tokens) > 1 and (tokens[0].lower() in _LEADING or tokens[0][0].isupper()):
        tokens = tokens[1:]
    return " ".join(tokens).lower()


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def find_quantities(text: str, offset: int = 0) -> list[QuantityMention]:
    """Every quantity of ``text`` (money first, then counted things, then words like "millions of")."""
    found: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, amount, unit) -> None:
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if any(a < m.end() and start < b for a, b in taken):
            return
        end = m.end()
        if m.groupdict().get("unit") and unit and unit in m.group("unit").lower():
            end = m.start("unit") + m.group("unit").lower().index(unit) + len(unit)
        taken.append((start, end))
        found.append(QuantityMention(offset + start, offset + end, Quantity(text[start:end], amount, unit)))

    has_digit = any(c.isdigit() for c in text)
    for m in (_MONEY_RE.finditer(text) if has_digit and any(c in text for c in "$€£¥₩₽") else ()):
        amount = _number(m.group("num")) * _SCALE.get((m.group("scale") or "").lower(), 1)
        unit = _CURRENCY.get(m.group("cur").lower(), "USD")
        if m.group("rate"):
            unit += " per " + m.group("rate").split()[-1].lower()
        add(m, amount, unit)
    for m in (_NUMBER_RE.finditer(text) if has_digit else ()):
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not m.group("scale"):
            continue  # a year
        unit = _unit(m.group("unit"))
        if m.group("pct"):
            unit = "percent"
        if unit.split()[0] in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[unit.split()[0]]
        amount = _number(m.group("num")) * _SCALE.get((m.group("scale") or "").lower(), 1)
        add(m, amount, unit)
    lower = text.lower()
    for m in (_WORD_RE.finditer(text) if any(w in lower for w in _NUMBER_WORDS) else ()):
        word = m.group("word").lower()
        unit = _unit(m.group("unit"))
        if unit.split()[0] in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[unit.split()[0]]
        value = _NUMBER_WORDS.get(word)
        add(m, Decimal(value) if value is not None else None, unit)
    return sorted(found, key=lambda q: q.start)
