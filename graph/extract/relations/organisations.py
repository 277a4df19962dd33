"""Organisations and places: missions, founders and sides, leaders, nationality, bases, where a place
or body is, and the members of an organisation."""

from __future__ import annotations

import re

from .lexicon import AGREEMENT, ORGS, PERSON, PLACE, POLITY, STATE
from .sentence import _PREPOSITIONS, _Sentence, _clause_start, _word_before
from .arguments import _args, _coordinated, _state_of, _titles_only, objects, subjects


def _missions(s: _Sentence) -> None:
    """ "the United Nations Assistance Mission in Somalia", "the African Union Mission in Somalia": a mission is
    part of the organisation its name opens with, and is in the state its name ends with."""
    for x in s.mentions:
        if x.nested or x.cls not in ORGS or not re.search(r"\b(?:Mission|Operation)\b", x.text):
            continue
        inner = [y for y in s.mentions if y.nested and x.start <= y.start and y.end <= x.end]
        for y in inner:
            if y.start == x.start and y.cls in ("InternationalOrganization",):
                s.add(x.entity, "partOf", y.entity, x.start, x.end, 0.65, "mission")
            elif y.cls == "State" and re.search(r"\bin\s+(?:the\s+)?$", s.text[x.start:y.start]):
                s.add(x.entity, "locatedIn", y.entity, x.start, x.end, 0.65, "mission")


def _founders_and_sides(s: _Sentence) -> None:
    """ "The 1996 Ottawa Declaration established the Arctic Council": the body was established by the
    agreement (or state) that made it; "the war was a war between A and the allied B": A and B took part."""
    for m in re.finditer(r"\s+(?:established|created|founded|set up)\s+(?:the\s+)?", s.text):
        makers = [x for x in s.mentions if not x.nested and x.end == m.start() and (x.cls in AGREEMENT or x.cls in POLITY)]
        made = [x for x in s.mentions if not x.nested and x.start == m.end() and x.cls in ORGS]
        for a in makers:
            for b in made:
                s.add(b.entity, "establishedBy", a.entity, a.start, b.end, 0.65, "founded")
    for c in [x for x in s.mentions if x.cls == "Conflict" and not x.nested]:
        between = re.match(r"\s+(?:was|is)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:war|conflict|clash|fighting)\s+"
                           r"(?:fought\s+)?between\s+(?:the\s+)?", s.text[c.end:])
        if not between:
            continue
        at = c.end + between.end()
        stop = re.search(r"[.;]|,\s+(?:which|who|and\s+(?:the\s+)?(?:war|conflict))", s.text[at:])
        sides = [x for x in _args(s, at, at + (stop.start() if stop else len(s.text)), POLITY) if not x.nested]
        for x in sides:  # ("between the Azerbaijani Armed Forces and the allied Artsakh Defence Army and ...": all of them)
            s.add(x.entity, "participatedIn", c.entity, c.start, x.end, 0.6, "war-between")


def _its_leader(s: _Sentence) -> None:
    """ "The Wagner Group and its leader, Yevgeniy Prigozhin", "al-Shabaab and its deputy leader X": the
    organisation's head (or official)."""
    for m in re.finditer(r"\s+(?:and|,)\s+(?:its|their)\s+(?P<title>(?:(?:former|late|current|deputy|founding)\s+)*"
                         r"(?:leader|head|founder|chief|commander|chairman|director))\s*,?\s+", s.text):
        org = [x for x in s.mentions if x.cls in ORGS and not x.nested and x.end == m.start()]
        who = [x for x in s.mentions if x.cls in PERSON and not x.nested and x.start == m.end()]
        relation = "officialOf" if re.search(r"deputy|former|late", m.group("title")) else "leaderOf"
        for o in org:
            for p in who:
                s.add(p.entity, relation, o.entity, o.start, p.end, 0.7, "its-leader")


def _bases_in(s: _Sentence) -> None:
    """ "Russia has been allowed to keep their bases in Syria", "opened its naval base in Tartus": the
    place where a state keeps a military base hosts that state."""
    lowered = s.text.lower()
    if not ("base" in lowered or "garrison" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    for m in re.finditer(r"\b(?:ha(?:s|ve|d)|maintain\w*|keep\w*|kept|operat\w*|open\w*|establish\w*|buil[dt]\w*|set up|"
                         r"use[sd]?)\s+(?:(?:a|an|its|their|the)\s+)?(?:[\w-]+\s+){0,3}?(?:bases?|garrisons?)\s+in\s+(?:the\s+)?",
                         s.text, re.I):
        places = [x for x in s.mentions if x.start == m.end() and x.cls in PLACE and not x.nested]
        for p in places:
            for x in subjects(s, m.start(), POLITY):
                s.add(p.entity, "hosts", _state_of(s, x).entity, m.start(), p.end, 0.6, "bases-in")


def _led_by(s: _Sentence) -> None:
    """ "Hamas, led by Yahya Sinwar", "the government of Iran, led by President X": the leader of the
    state or organisation just named; "the Russian delegation (was) led by X": an official of the state."""
    lowered = s.text.lower()
    if not ("led by" in lowered or "headed by" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    text = s.text
    for m in re.finditer(r"(?:,\s*|\s+(?:which|who)\s+(?:is|was|are|were)\s+|\s+(?:is|was|are|were)\s+)(?:led|headed)\s+by\s+",
                         text, re.I):
        people = [x for x in s.mentions if x.cls in PERSON and not x.nested and x.start >= m.end() and
                  _titles_only(s, m.end(), x.start) and x.start - m.end() <= 40][:1]
        if not people:
            continue
        before = text[:m.start()]
        delegation = re.search(r"(?:delegation|team|negotiators)\s*$", before, re.I)
        owner = [x for x in s.mentions if not x.nested and x.cls in POLITY and x.end <= m.start() and
                 re.fullmatch(r"(?:\s*\([^)]*\))?\s*" + (r"(?:delegation|team|negotiators)\s*" if delegation else ""),
                              before[x.end:]) and
                 (_word_before(text, x.start) not in _PREPOSITIONS or  # not "the talks with Iran were led by"
                  re.search(r"\b(?:government|leadership|regime|administration)\s+of\s+(?:the\s+)?$", before[:x.start], re.I))][-1:]
        for o in owner:
            relation = "officialOf" if delegation else "leaderOf"
            s.add(people[0].entity, relation, o.entity, o.start, people[0].end, 0.65, "led-by")


def _organisation_in_state(s: _Sentence) -> None:
    """ "Hezbollah in Lebanon", "two companies in Russia": a non-state organisation named with the
    state it is in (an armed force "in" a state is deployed there, not based there)."""
    text = s.text
    prim = [m for m in s.mentions if not m.nested]
    for a, b in zip(prim, prim[1:]):
        if a.cls in ("Organization", "ThinkTank", "MediaOrganization") and b.cls == "State" and b.kind != "demonym" and \
                re.fullmatch(r"\s+(?:based\s+)?in\s+(?:the\s+)?", text[a.end:b.start]) and \
                _word_before(text, a.start) not in ("to", "from", "into", "with", "against"):
            s.add(a.entity, "locatedIn", b.entity, a.start, b.end, 0.6, "located")


def _place_comma_state(s: _Sentence) -> None:
    """ "in Capri, Italy, on 18 April", "Kazan, Russia": a place followed by its state after a comma
    (not a list of places or capitals: "Moscow, Beijing and Tehran")."""
    text = s.text
    prim = [m for m in s.mentions if not m.nested]
    for a, b in zip(prim, prim[1:]):
        if a.cls != "Place" or b.cls != "State" or b.kind == "metonym" or text[a.end:b.start] != ", ":
            continue
        if re.match(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z]", text[b.end:]) or \
                re.search(r"(?:,|\band|\bor)\s*$", text[:a.start]):
            continue  # a list
        if re.match(r"\.?\s+[A-Z][a-z]", text[b.end:]) and b.kind != "demonym":
            continue  # "Today in Seoul, U.S. Special Representative Sung Kim": the state opens a title, not the place's state
        s.add(a.entity, "locatedIn", b.entity, a.start, b.end, 0.65, "located")


#: Nouns for a company, armed group or other non-state organisation.
_ORG_NOUN = (r"(?:compan(?:y|ies)|firms?|contractors?|manufacturers?|makers?|producers?|banks?|groups?|organi[sz]ations?|"
             r"militias?|networks?|conglomerates?|corporations?|exporters?|suppliers?|operators?|entit(?:y|ies)|"
             r"outlets?|think[ -]tanks?|broadcasters?|newspapers?|airlines?|shipyards?|mercenar(?:y|ies)|"
             r"(?:military|security) contractors?)")
_NATIONAL_ORGS = frozenset({"Organization", "ThinkTank", "MediaOrganization", "ArmedForces"})


def _nationality(s: _Sentence) -> None:
    """ "French defence contractor Naval Group", "Naval Group, a French shipbuilding company", "X is a
    Russia-based firm": an organisation described by its nationality or base is located in that state."""
    text = s.text
    for st in s.mentions:
        if st.cls != "State" or st.nested:
            continue
        based = re.match(r"[-‐‑–]based\b", text[st.end:])
        if st.kind != "demonym" and not based:
            continue
        noun = re.match(r"(?:[-‐‑–]based)?\s+(?:[\w-]+\s+){0,3}?" + _ORG_NOUN + r"\b", text[st.end:], re.I)
        if not noun:
            continue
        after = st.end + noun.end()
        orgs = [x for x in s.mentions if x.cls in _NATIONAL_ORGS and not x.nested and
                re.fullmatch(r",?\s+(?:the\s+)?", text[after:x.start])]  # "French defence contractor Naval Group"
        before = re.search(r"(?:,\s+|\s+(?:is|was|remains|became)\s+)(?:also\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,2}$",
                           text[:st.start])
        if not orgs and before:  # "Naval Group, a French company", "Wagner is a Russian paramilitary organization"
            orgs = [x for x in s.mentions if x.cls in _NATIONAL_ORGS and not x.nested and
                    x.end <= before.start() and re.fullmatch(r"(?:\s*\([^)]*\))?", text[x.end:before.start()])]
            if not orgs and "," not in before.group(0):
                lo = _clause_start(s, before.start())
                orgs = [x for x in _args(s, lo, before.start(), _NATIONAL_ORGS) if not x.nested][:1]
        for o in orgs[:1]:
            s.add(o.entity, "locatedIn", st.entity, min(o.start, st.start), max(o.end, after), 0.65, "nationality")


#: What opens the list of an organisation's members after its name: "(", a dash or a colon.
_LIST_OPEN = re.compile(r"\s*(?P<open>\(|[–—]|\s-|:)\s*(?:the\s+)?")


def _listed_after(s: _Sentence, pos: int, relation: str, org: str, m) -> bool:
    """The members listed right after ``pos`` in parentheses or between dashes ("the permanent members
    of the Security Council (China, France, ...)", "two members of this Council – China and Russia –")."""
    listed = _LIST_OPEN.match(s.text[pos:])
    if not listed:
        return False
    close = s.text.find(")" if listed.group("open") == "(" else listed.group("open").strip(), pos + listed.end())
    if close > 0 and re.search(r"\b(?:as well|too|also)\s*$", s.text[pos:close]):
        return False  # "to meet with members of the Security Council – South Korea and Japan as well –": others besides
    members = [x for x in objects(s, pos + listed.end(), POLITY, limit=3) if close < 0 or x.end <= close]
    for x in members:
        s.add(x.entity, relation, org, m.start(), m.end(), 0.7, "member-list")
    return bool(members)


def _member_lists(s: _Sentence) -> None:
    """ "Former members of the CSTO were A, B and C", "member states: A, B": the organisation first; "the
    EFTA countries Iceland and Liechtenstein", "A and B, members of the EEA", "the Shanghai Five, formed in
    1996 between A, B and C": the members named with their organisation."""
    # ("another UN Member State, Japan")
    for m in re.finditer(r"\b(?:member\s+)?(?:countries|states|nations|members|allies)\s+(?=[A-Z])|\b[Mm]ember\s+[Ss]tate,\s+(?=[A-Z])",
                         s.text):
        org = [x for x in s.mentions if x.cls in ORGS and not x.nested and re.fullmatch(r"\s*", s.text[x.end:m.start()])]
        if org:
            for x in objects(s, m.end(), STATE, limit=2):
                s.add(x.entity, "memberOf", org[-1].entity, m.start(), m.end(), 0.6, "member-list")
    for m in re.finditer(r",\s+(?:both\s+|all\s+)?(?:founding\s+|full\s+)?members\s+of\s+(?:the\s+)?", s.text):
        org = [x for x in s.mentions if x.start == m.end() and x.cls in ORGS and not x.nested]
        states = [x for x in s.mentions if x.cls in STATE and not x.nested and x.end <= m.start()]
        if org and states and states[-1].end == m.start():
            for x in _coordinated(s, states[-1], [y for y in states], leftwards=True):
                s.add(x.entity, "memberOf", org[0].entity, m.start(), m.end(), 0.6, "member-list")
    for org in [x for x in s.mentions if x.cls in ORGS and not x.nested]:
        owned = re.match(r"(?:'s|’s)\s+(?P<permanent>permanent\s+)?members\b", s.text[org.end:], re.I)
        if owned:  # "the Security Council’s permanent members – China, France, Russia, ... –"
            _listed_after(s, org.end + owned.end(), "permanentMemberOf" if owned.group("permanent") else "memberOf",
                          org.entity, owned)
        ministers = re.match(r"\s+(?:(?:foreign|defen[cs]e|finance|trade)\s+)?(?:ministers|leaders|heads of state and government)"
                             r"\s+of\s+(?:the\s+)?", s.text[org.end:], re.I)
        if ministers and org.cls == "InternationalOrganization":  # "The G7 Foreign Ministers of Canada, France, ..."
            for x in objects(s, org.end + ministers.end() - 1, STATE, limit=3):
                s.add(x.entity, "memberOf", org.entity, org.start, org.end + ministers.end(), 0.6, "member-list")
        formed = re.match(r",?\s+(?:which\s+was\s+|was\s+)?(?:formed|founded|created|established)\s+(?:in\s+\d{4}\s+)?"
                          r"(?:between|among|by)\s+(?:the\s+)?", s.text[org.end:])
        if formed:
            for x in objects(s, org.end + formed.end(), STATE, limit=3):
                s.add(x.entity, "memberOf", org.entity, org.start, org.end + formed.end(), 0.6, "member-list")
    for m in re.finditer(r"\b(?:(?:former|founding|current|the)\s+)?(?P<permanent>permanent\s+)?members?(?:\s+states)?\s+of\s+"
                         r"(?:the\s+)?", s.text, re.I):
        org = [x for x in s.mentions if x.start == m.end() and x.cls in ORGS and not x.nested]
        if not org:
            continue
        relation = "permanentMemberOf" if m.group("permanent") else "memberOf"
        if _listed_after(s, org[0].end, relation, org[0].entity, m):
            continue  # "the permanent members of the Security Council (China, France, Russia, ...)"
        being = re.match(r",\s+(?:the\s+)?", s.text[org[0].end:]) if re.search(r"\b(?:being|as)\s+(?:the\s+|an?\s+)?(?:two\s+)?$",
                                                                             s.text[:m.start()], re.I) else None
        if being:  # "Despite being Permanent Members of this Council, Russia and China have ..."
            for x in objects(s, org[0].end + being.end() - 1, STATE, limit=3):
                s.add(x.entity, relation, org[0].entity, m.start(), m.end(), 0.7, "member-list")
            continue
        if m.group("permanent"):
            continue
        verb = re.match(r"(?:(?:\s+[\w-]+){0,3}?\s+(?:are|were|include|included|includes)\s*:?|\s*:)\s+(?:the\s+)?", s.text[org[0].end:])
        if not verb:
            continue
        members = objects(s, org[0].end + verb.end(), POLITY, limit=3)
        for x in members:
            s.add(x.entity, "memberOf", org[0].entity, m.start(), m.end(), 0.7, "member-list")
