"""Who took part in an event: meetings on the margins, summits by their own description, joint
statements by "we, the leaders", visits and delegations."""

from __future__ import annotations

import re

from ..mentions import Mention
from .lexicon import EVENT, ORGS, PERSON, PLACE, POLITY, STATE
from .sentence import _PREPOSITIONS, _Sentence, _clause_end, _clause_start, _in_parens, _word_before
from .arguments import _TWO_PEOPLE, _args, _coordinated, _is_modifier, _titles_only, objects, subjects


def _on_the_margins(s: _Sentence) -> None:
    """ "A met B on the sidelines of the E summit": whoever meets on the margins of an event is at it,
    the people (and states) of the clause before the phrase, except objects of other prepositions."""
    lowered = s.text.lower()
    if not ("margins" in lowered or "sidelines" in lowered or "fringe" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    for m in re.finditer(r"\bon the (?:margins|sidelines|fringes?) of\s+(?:the\s+)?", s.text, re.I):
        events = [x for x in s.mentions if x.start == m.end() and x.cls in EVENT - {"Conflict"} and not x.nested]
        if not events:
            continue
        lo = _clause_start(s, m.start())
        actors = [x for x in _args(s, lo, m.start(), PERSON | STATE) if not (
            x.nested or _in_parens(s.text, x.start) or _is_modifier(s, x) or _word_before(s.text, x.start) in _PREPOSITIONS - {"with"})]
        if not actors and _TWO_PEOPLE.search(s.text[lo:m.start()]):
            actors = s.the_two(lo)  # "The two met today on the margins of ..."
        for x in actors:
            s.add(x.entity, "participatedIn", events[0].entity, m.start(), m.end(), 0.6, "margins")


def _event_participants(s: _Sentence) -> None:
    """Who took part in a summit or talks by the event's own description: its name joins them ("the
    EU-China summit"), it is "between" them ("the summit between China and the EU"), or it was the
    "first/final summit for" them."""
    text = s.text
    meetings = EVENT - {"Conflict", "Event"}
    for w in s.mentions:  # "the Iran–Iraq War", "the Russia-Ukraine war": the two sides its name joins
        if w.cls == "Conflict" and not w.nested:
            sides = [x for x in s.mentions if x.nested and x.cls == "State" and w.start <= x.start and x.end <= w.end]
            for a, b in zip(sides, sides[1:]):
                if re.fullmatch(r"\s*[-‐‑–]\s*", text[a.end:b.start]):
                    for x in (a, b):
                        s.add(x.entity, "participatedIn", w.entity, w.start, w.end, 0.6, "war-name")
    for e in s.mentions:
        if e.cls not in meetings or e.nested:
            continue
        inner = [x for x in s.mentions if x.nested and x.cls in POLITY and e.start <= x.start and x.end <= e.end]
        paired = set()
        for a, b in zip(inner, inner[1:]):
            if re.fullmatch(r"\s*[-‐‑–]\s*", text[a.end:b.start]):  # "EU-China", "U.S.–Japan"
                paired |= {id(a), id(b)}
                for x in (a, b):
                    s.add(x.entity, "participatedIn", e.entity, e.start, e.end, 0.6, "event-name")
        for x in inner:  # "the third meeting of the Ukraine Defense Contact Group": the body's own meeting
            if id(x) not in paired and x.cls in ("InternationalOrganization", "Organization") and \
                    re.search(r"\b(?:meeting|session|conference)\s+of\s+(?:the\s+)?$", text[e.start:x.start], re.I):
                s.add(e.entity, "affiliatedWith", x.entity, e.start, e.end, 0.55, "event-of")
        tail = re.match(r"\s+(?:between|among)\s+(?:the\s+)?", text[e.end:])
        if tail:
            for x in objects(s, e.end + tail.end() - 1, POLITY | PERSON, limit=3):
                s.add(x.entity, "participatedIn", e.entity, e.start, e.end + tail.end(), 0.6, "event-between")
    for m in re.finditer(r"\b(?:to\s+include|includ(?:es|ed)|br(?:ing|ings|ought)\s+together|gather(?:s|ed)|was\s+attended\s+by|"
                         r"were\s+attended\s+by)\s+(?:(?:the\s+)?(?:leaders|heads of (?:state|government)|representatives|"
                         r"delegations|ministers)\s+(?:of|from)\s+)?(?:the\s+)?", text, re.I):
        # "The summit brought together the leaders of A, B and C", "the first summit to include A and B"
        events = [x for x in s.mentions if x.cls in meetings and not x.nested and
                  _clause_start(s, m.start()) <= x.start and x.end <= m.start()][-1:]
        for e in events:
            for x in objects(s, m.end() - 1, PERSON | POLITY, limit=45):
                s.add(x.entity, "participatedIn", e.entity, m.start(), m.end(), 0.55, "event-includes")
    for m in re.finditer(r"\b(?:is|was|are|were)\s+an?\s+(?:[\w-]+\s+){0,5}?(?:exercises?|drills?|war\s?games?)\s+"
                         r"(?:involving|between|among|of|with)\s+(?:the\s+)?", text, re.I):
        # "Marine Security Belt ... is a trilateral naval exercise involving China, Iran and Russia": its parties
        events = [x for x in s.mentions if x.cls == "Event" and not x.nested and x.end <= m.start()][:1]
        for e in events:
            for x in objects(s, m.end() - 1, POLITY, limit=3):
                # ("between the armed forces of the Russian Federation and Belarus": the states whose forces they are)
                inner = [y for y in s.mentions if y.nested and y.cls == "State" and x.start <= y.start and y.end <= x.end]
                x = inner[0] if x.cls == "ArmedForces" and inner else x
                s.add(x.entity, "participatedIn", e.entity, m.start(), m.end(), 0.6, "exercise-of")
    for m in re.finditer(r"\b(?:is|was)\s+the\s+(?:[\w-]+\s+){0,3}?(?:meeting|summit|session|conference|gathering)\s+of\s+",
                         text, re.I):
        # "The 2023 Vilnius summit was the formal meeting of the heads of state ... of NATO": the body's event
        events = [x for x in subjects(s, m.start(), meetings) if x.kind != "coreference"]
        bodies = [x for x in _args(s, m.end(), _clause_end(s, m.end()), ORGS) if not x.nested and x.start - m.end() <= 120]
        for e in events[:1]:
            for b in bodies[:1]:
                s.add(e.entity, "affiliatedWith", b.entity, m.start(), b.end, 0.55, "meeting-of")
    for m in re.finditer(r"\b(?:first|last|final|only|maiden|\d{1,2}(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?"
                         r"(?:summit|meeting|one)\s+(?:for|of)\s+(?:the\s+)?", text, re.I):
        lo = _clause_start(s, m.start())
        events = [x for x in s.mentions if x.cls in meetings and lo <= x.start < m.end() and not x.nested]
        if not events and s.recent_event and re.search(r"\b(?:it|this|that)\s+(?:is|was|will be)\s+(?:the\s+)?$",
                                                       text[lo:m.start()], re.I):
            events = [Mention(lo, lo, "", s.recent_event, "Summit", "coreference", False, 0.5)]
        for e in events[:1]:
            for x in objects(s, m.end() - 1, PERSON | STATE, limit=45):  # (titles may come first)
                s.add(x.entity, "participatedIn", e.entity, m.start(), m.end(), 0.6, "summit-for")


def _we_the_leaders(s: _Sentence) -> None:
    """ "We, Prime Minister A, President B, and President C, affirm ...": in a joint statement whose
    states were named in the same order ("We, the leaders of X, Y and Z"), each titled leader heads
    the state in the same place of the list."""
    opening = re.match(r"\W*(?:\w+,\s+)?[Ww]e(?:,|\s*[—–])\s*", s.text)
    if not opening or len(s.speakers) < 2:
        return
    people = [m for m in s.mentions if m.cls in PERSON and not m.nested and m.start >= opening.end()]
    if not people or s.mentions and any(m.cls == "State" and not m.nested and m.start < people[-1].end for m in s.mentions):
        return  # the states are named here ("A of Australia"): the title rules read them
    leaders = _coordinated(s, people[0], people, leftwards=False)
    if len(leaders) != len(s.speakers):
        return
    for person, state in zip(leaders, s.speakers):
        title = re.search(r"\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir)\s+$", s.text[:person.start])
        if title:
            s.add(person.entity, "leaderOf", state, person.start, person.end, 0.55, "we-the-leaders")


def _own_visit(s: _Sentence) -> None:
    """ "During his visit to Moscow, Prime Minister X met ...": the person whose visit it is (the one
    named before "his", else the subject of the main clause after the comma) visited the place."""
    lowered = s.text.lower()
    if not ("visit" in lowered or "trip" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    for m in re.finditer(r"\b(?:his|her)\s+(?:[\w-]+\s+)?(?:visit|trip)\s+to\s+(?:the\s+)?", s.text, re.I):
        places = [x for x in s.mentions if x.start == m.end() and x.cls in PLACE and not x.nested]
        if not places:
            continue
        lo = _clause_start(s, m.start())  # (the subject, the first person of the clause: "X praised Y during his visit")
        before = [x for x in s.mentions if x.cls in PERSON and not x.nested and lo <= x.start and x.end <= m.start()
                  and _word_before(s.text, x.start) not in _PREPOSITIONS][:1]
        comma = s.text.find(",", places[0].end)
        after = [x for x in s.mentions if x.cls in PERSON and not x.nested and comma >= 0 and x.start > comma and
                 _titles_only(s, comma + 1, x.start)][:1]
        for p in (before or after):
            s.add(p.entity, "visited", places[0].entity, m.start(), m.end(), 0.55, "own-visit")


def _represented_by(s: _Sentence) -> None:
    """ "The EU was represented by A and B": at the summit the document is about (or the one the
    sentence names), the people and the state or body they represented took part."""
    lowered = s.text.lower()
    if not ("represented" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    for m in re.finditer(r"\b(?:was|were)\s+represented\s+(?:at\s+the\s+\w+\s+)?by\s+", s.text, re.I):
        events = [x.entity for x in s.mentions if x.cls in EVENT - {"Conflict"} and not x.nested] or \
            ([s.recent_event] if s.recent_event else [])
        people = objects(s, m.end() - 1, PERSON, limit=45)
        if not events or not people:
            continue
        for x in people + [x for x in subjects(s, m.start(), POLITY)]:
            s.add(x.entity, "participatedIn", events[0], m.start(), m.end(), 0.55, "represented-by")


def _held_between(s: _Sentence) -> None:
    """ "a bilateral summit that took place on 8-9 July 2018 in Asmara between Isaias Afwerki and Abiy Ahmed":
    the people (or states) it was held between took part in it, and the people met."""
    for e in [x for x in s.mentions if x.cls in EVENT and not x.nested]:
        held = re.search(r"\b(?:took place|was held|were held|held|convened)\b[^.;]{0,120}?\bbetween\s+(?:the\s+)?", s.text[e.end:])
        if not held or re.match(r"[0-3]?\d(?:st|nd|rd|th)?\s+and\s+[0-3]?\d\b|(?:January|February|March|April|May|June|July|"
                                r"August|September|October|November|December)\b", s.text[e.end + held.end():]):
            continue  # ("held between 15 and 16 September 2022 in Samarkand, Uzbekistan": days, not sides)
        at = e.end + held.end()
        stop = re.search(r"[.;]|,\s+(?:which|who|where|when)\b", s.text[at:])
        sides = [x for x in _args(s, at, at + stop.start() if stop else len(s.text), PERSON | STATE)
                 if not x.nested and not _is_modifier(s, x) and x.kind != "demonym"]
        for x in sides:
            s.add(x.entity, "participatedIn", e.entity, e.start, x.end, 0.6, "held-between")
        people = [x for x in sides if x.cls in PERSON]
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                s.add(a.entity, "metWith", b.entity, e.start, b.end, 0.6, "held-between")

