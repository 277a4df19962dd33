"""Time expressions normalised against the document's date, with their precision.

"in March 2024" is a month, "June 19th" a day in the document's year, "on Thursday" the last
Thursday on or before the document's date, "as early as July" the next July from it, "since 2023"
a start, "until 2025" an end, "two days later" counts from the previous date the text gave.

>>> import datetime as dt
>>> [(d.text, d.value.value, d.role) for d in find_dates("On Thursday it said so, since 2023.", dt.date(2024, 6, 21))]
[('On Thursday', '2024-06-20', 'point'), ('since 2023', '2023', 'start')]
>>> [d.value.value for d in find_dates("On 3 May 2024, and two days later", dt.date(2024, 6, 21))]
['2024-05-03', '2024-05-05']
>>> [(d.value.value, d.role) for d in find_dates("talks on 1-2 April under resolution 2397 (2017)", dt.date(2019, 4, 9))]
[('2019-04-01', 'start'), ('2019-04-02', 'end')]
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..model import PartialDate

__all__ = ["DateExpression", "find_dates", "MONTHS"]

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBERS.update({"a": 1, "an": 1})

_M = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_ROLE = r"(?:\b(?P<role>since|from|starting(?: in| on)?|beginning(?: in| on)?|until|till|through|to|by|as early as|" \
        r"as late as|no later than|before|after|in|on|during|at the end of|at the start of|early|late|mid-?))?\s*" \
        r"(?:(?<=\w\s)(?:early|late|mid-?)\s*)?"  # ("since late 2015": since, of a year named by its part)
_PATTERNS = [
    ("range", re.compile(r"\b(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*[-\u2013]\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M
                         + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    ("mrange", re.compile(r"\b" + _M + r"\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s*[-\u2013]\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
                          r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    ("yrange", re.compile(r"\b(?P<first>(?:19|20)\d\d)\s*[-\u2013]\s*(?P<year>(?:19|20)\d\d)\b(?!-)")),
    ("dmy", re.compile(_ROLE + r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    ("mdy", re.compile(_ROLE + r"\b" + _M + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    ("iso", re.compile(_ROLE + r"\b(?P<iso>(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?)\b", re.I)),
    ("my", re.compile(_ROLE + r"\b" + _M + r"(?:\s+of)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    ("weekday", re.compile(_ROLE + r"\b(?:last\s+|this\s+|next\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)),
    ("relative", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
                            r"(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|after|before|ago)\b", re.I)),
    ("deictic", re.compile(_ROLE + r"\b(?P<deictic>yesterday|today|last year|this year|next year|last month|this month|next month)\b", re.I)),
    ("year", re.compile(_ROLE + r"\b(?P<year>(?:19|20)\d\d)(?!s|-\d|\d|,\d)\b", re.I)),
]
_MONTH_HINT = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_PREFILTER = {
    "yrange": lambda t, d: d and ("-" in t or "\u2013" in t),
    "range": lambda t, d: d and ("-" in t or "\u2013" in t) and bool(_MONTH_HINT.search(t)),
    "mrange": lambda t, d: d and ("-" in t or "\u2013" in t) and bool(_MONTH_HINT.search(t)),
    "dmy": lambda t, d: d and bool(_MONTH_HINT.search(t)),
    "mdy": lambda t, d: d and bool(_MONTH_HINT.search(t)),
    "iso": lambda t, d: d and "-" in t,
    "my": lambda t, d: bool(_MONTH_HINT.search(t)),
    "weekday": lambda t, d: "day" in t,
    "relative": lambda t, d: any(w in t for w in ("later", "earlier", "after", "before", "ago")),
    "deictic": lambda t, d: any(w in t for w in ("yesterday", "today", "year", "month")),
    "year": lambda t, d: d,
}
#: What stands before the year of a document designation, "resolution 1718 (2006)": a number and "(".
_DESIGNATION = re.compile(r"\d\s*\($")
_START = {"since", "from", "starting", "starting in", "starting on", "beginning", "beginning in", "beginning on"}
_END = {"until", "till", "through", "by", "no later than", "as late as"}


@dataclass(frozen=True)
class DateExpression:
    """A time expression found in a sentence: its span, its value and what it says (point/start/end)."""

    start: int
    end: int
    text: str
    value: PartialDate
    role: str  # point | start | end

    @property
    def precision(self) -> str:
        return self.value.precision


def _shift(date: _dt.date, n: int, unit: str) -> _dt.date:
    if unit == "day":
        return date + _dt.timedelta(days=n)
    if unit == "week":
        return date + _dt.timedelta(weeks=n)
    months = date.year * 12 + date.month - 1 + (n if unit == "month" else 12 * n)
    year, month = divmod(months, 12)
    return date.replace(year=year, month=month + 1, day=min(date.day, 28))


def _pd(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        if day:
            return PartialDate(_dt.date(year, month, day).isoformat())
        if month:
            return PartialDate(f"{year:04d}-{month:02d}")
        return PartialDate(f"{year:04d}")
    except ValueError:
        return None


def find_dates(text: str, reference: _dt.date | PartialDate | None = None, offset: int = 0,
               anchor: PartialDate | None = None) -> list[DateExpression]:
    """Every time expression of ``text``, normalised against ``reference`` (the document's date).

    ``anchor`` is the last date the document gave before this text, for "two days later". A
    reference known only to the month makes "today" that month (and "yesterday" unknown).
    """
    precision = "day"
    if isinstance(reference, PartialDate):
        reference, precision = reference.earliest(), reference.precision
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    has_digit = any(c.isdigit() for c in text)
    for kind, pattern in _PATTERNS:
        if not _PREFILTER[kind](lower, has_digit):
            continue
        for m in pattern.finditer(text):
            core_start = m.start("role") if m.groupdict().get("role") else m.start()
            start = m.start() if kind == "relative" else core_start
            span_start = start if m.groupdict().get("role") else m.start()
            inner_start = min((m.start(g) for g in ("day", "month", "iso", "weekday", "deictic", "year", "n")
                               if m.groupdict().get(g)), default=m.start())
            if any(a < m.end() and inner_start < b for a, b in taken):
                continue
            role_word = (m.groupdict().get("role") or "").lower().strip()
            if kind in ("range", "mrange", "yrange"):  # "1-2 April", "2014-2016": a start and an end
                if kind == "yrange":
                    first, last = _pd(int(m.group("first"))), _pd(int(m.group("year")))
                else:
                    first = _value("dmy", m, reference, anchor, "", day=int(m.group("first")))
                    last = _value("dmy", m, reference, anchor, "")
                if first is None or last is None or first.value >= last.value:
                    continue
                taken.append((m.start(), m.end()))
                cut = m.start("first") + len(m.group("first")) if kind in ("range", "yrange") else m.start("first")
                found.append(DateExpression(offset + m.start(), offset + cut, text[m.start():cut], first, "start"))
                found.append(DateExpression(offset + cut, offset + m.end(), text[cut:m.end()], last, "end"))
                anchor = last
                continue
            if kind == "year" and _DESIGNATION.search(text[:m.start("year")]):
                continue  # "resolution 2635 (2022)", "S/RES/2635(2022)": the year names the resolution
            value = _value(kind, m, reference, anchor, role_word, precision=precision)
            if value is None:
                continue
            taken.append((inner_start, m.end()))
            role = "start" if role_word in _START else "end" if role_word in _END else "point"
            span_start = m.start() if role_word else inner_start
            found.append(DateExpression(offset + span_start, offset + m.end(), text[span_start:m.end()], value, role))
            if anchor is None or kind != "relative":
                anchor = value
    return sorted(found, key=lambda d: d.start)


def _value(kind: str, m: re.Match, ref: _dt.date | None, anchor: PartialDate | None, role: str, precision: str = "day",
           day: int | None = None) -> PartialDate | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            return PartialDate.parse(g["iso"])
        except ValueError:
            return None
    if kind in ("dmy", "mdy", "my"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        if kind == "my" and g["month"].lower() == "may" and not g.get("year"):
            return None  # the modal verb "may"
        if kind == "my" and not g.get("year") and g["month"].lower().rstrip(".") in _ABBREVIATIONS:
            return None  # "Jun", "Mar" alone are more often names ("Dong Jun") than months
        if not g["month"][0].isupper():
            return None
        day = day if day is not None else int(g["day"]) if g.get("day") else None
        if g.get("year"):
            return _pd(int(g["year"]), month, day)
        if ref is None:
            return None
        year = ref.year
        if role == "as early as" or role in ("by", "until", "next"):
            if month < ref.month:
                year += 1
        elif month > ref.month + 1:
            year -= 1  # "in March" written in June means the March before
        return _pd(year, month, day)
    if kind == "weekday":
        if ref is None:
            return None
        target = _WEEKDAYS[g["weekday"].lower()]
        words = m.group(0).lower()
        delta = (ref.weekday() - target) % 7
        if "next" in words:
            return PartialDate((ref + _dt.timedelta(days=(target - ref.weekday()) % 7 or 7)).isoformat())
        return PartialDate((ref - _dt.timedelta(days=delta)).isoformat())
    if kind == "relative":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else _NUMBERS.get(n, 1)
        direction = g["dir"].lower()
        unit = g["unit"].lower()
        if direction == "ago":
            base, sign = ref, -1
            if base is None:
                return None
            return _trim(_shift(base, -count, unit), unit)
        if anchor is None:
            return None
        sign = 1 if direction in ("later", "after") else -1
        base = anchor.earliest()
        shifted = _shift(base, sign * count, unit)
        order = {"day": 0, "week": 0, "month": 1, "year": 2}
        coarser = max((anchor.precision, unit), key=lambda p: order[p])
        return _trim(shifted, coarser)
    if kind == "deictic":
        if ref is None:
            return None
        word = g["deictic"].lower()
        if word == "yesterday":
            return PartialDate((ref - _dt.timedelta(days=1)).isoformat()) if precision == "day" else None
        if word == "today":
            return _trim(ref, precision)
        shift = -1 if word.startswith("last") else 1 if word.startswith("next") else 0
        if word.endswith("year"):
            return _pd(ref.year + shift)
        d = _shift(ref.replace(day=1), shift, "month")
        return _pd(d.year, d.month)
    if kind == "year":
        return _pd(int(g["year"]))
    return None


def _trim(date: _dt.date, precision: str) -> PartialDate:
    if precision in ("day", "week"):
        return PartialDate(date.isoformat())
    if precision == "month":
        return _pd(date.year, date.month)
    return _pd(date.year)
