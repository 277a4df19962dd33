"""Agreements, alliances and partnerships: the parties to a pact, support for a state or body, bodies
acting together, reaffirmed alliances, and a leader's signature making the state a party."""

from __future__ import annotations

import re

from .lexicon import AGREEMENT, POLITY
from .sentence import _PREPOSITIONS, _Sentence, _word_before
from .arguments import _args, _coordinated, objects, subjects


_PACT_NOUN = r"(?:partnership|alliance|pact|agreement|treaty|accord|deal|arrangement|framework|compact|grouping|convention)"


def _agreement_between(s: _Sentence) -> None:
    """The parties an agreement is "between": "the Defence Accord between A and B", "X is a trilateral
    security partnership between A, B, and C", "the U.S.-China Joint Communiqués" (its name joins
    them), "the partnership, which A, B and C announced"."""
    text = s.text
    for a in s.mentions:
        if a.cls not in AGREEMENT or a.nested or a.kind == "description":
            continue  # ("the alliance between X and Y" may be another alliance than the one the document named last)
        inner = [x for x in s.mentions if x.nested and x.cls in POLITY and a.start <= x.start and x.end <= a.end]
        for x, y in zip(inner, inner[1:]):
            if re.fullmatch(r"\.?\s*[-‐‑–]\s*", text[x.end:y.start]):
                for z in (x, y):
                    s.add(z.entity, "partyTo", a.entity, a.start, a.end, 0.6, "agreement-name")
        named = re.search(r"\s[Bb]etween\s+(?:the\s+)?", text[a.start:a.end])
        if named:  # "the Treaty of Good-Neighborliness ... Between the People's Republic of China and the Russian Federation"
            parties = [x for x in inner if x.start >= a.start + named.end() and
                       not any(y is not x and y.start <= x.start and x.end <= y.end for y in inner)]
            for x in parties:
                s.add(x.entity, "partyTo", a.entity, a.start, a.end, 0.6, "agreement-name")
        tail = re.match(r"(?:\s*\([^)]*\))?\s+(?:between|among)\s+(?:the\s+)?(?:[Gg]overnments?\s+of\s+(?:the\s+)?)?",
                        text[a.end:])
        if tail and re.search(r"\b(?:negotiations?|talks|discussions?|dialogue)\s+(?:to\s+\w+|on|over|about|for)\s+(?:the\s+)?$",
                              text[:a.start], re.I):
            tail = None  # "Negotiations to revive the JCPOA between the United States and Iran": the talks are between them
        if tail:
            for x in objects(s, a.end + tail.end() - 1, POLITY, limit=3):
                s.add(x.entity, "partyTo", a.entity, a.start, a.end + tail.end(), 0.65, "agreement-between")
    for m in re.finditer(r"\bwhich\s+", text):  # "the AUKUS “partnership,” which A, B and C announced in 2021"
        verb = re.compile(r"\s+(?:(?:jointly|formally|first|had|have)\s+)?(?:announced|launched|signed|concluded|established|"
                          r"formed|created|founded|negotiated|agreed)\b")
        makers = [x for x in _args(s, m.end(), len(text), POLITY) if not x.nested]
        if not makers or makers[0].start != m.end():
            continue
        makers = _coordinated(s, makers[0], makers, leftwards=False)
        if not verb.match(text, makers[-1].end):
            continue
        pacts = [x for x in s.mentions if not x.nested and x.end <= m.start() and m.start() - x.end <= 80 and
                 x.kind != "description" and (x.cls in AGREEMENT or x.cls == "InternationalOrganization" and
                                              re.search(r"\b" + _PACT_NOUN + r"\b", text[x.end:m.start()], re.I))][-1:]
        for p in pacts:
            for x in makers:
                s.add(x.entity, "partyTo", p.entity, m.start(), makers[-1].end, 0.6, "which-made")
        if pacts and re.search(r"\b(?:partnership|alliance|pact|cooperation)\b", text[pacts[-1].start:m.start()], re.I):
            for i, a in enumerate(makers):  # "the trilateral security partnership, which A, B and C announced"
                for b in makers[i + 1:]:
                    s.add(a.entity, "cooperatesWith", b.entity, m.start(), makers[-1].end, 0.55, "which-made")
    for m in re.finditer(r",?\s+(?:also\s+)?(?:known|referred\s+to|called|dubbed)\s+as\s+(?:the\s+)?", text):
        # "the trilateral security partnership among the U.S., the UK and Australia, also known as AUKUS", "the
        # Australia, U.K. and U.S. trilateral security agreement, known as AUKUS": the states it joins are its parties
        pacts = [x for x in s.mentions if not x.nested and x.start == m.end() and
                 (x.cls in AGREEMENT or x.cls == "InternationalOrganization")]
        nouns = list(re.finditer(r"\b" + _PACT_NOUN + r"\b", text[max(0, m.start() - 160):m.start()], re.I))
        if not pacts or not nouns:
            continue
        noun = nouns[-1]
        at = max(0, m.start() - 160)
        among = re.match(r"\s+(?:between|among)\s+", text[at + noun.end():])
        if among:
            lo, hi = at + noun.end(), m.start()
        else:
            the = list(re.finditer(r"\bthe\s+", text[:at + noun.start()], re.I))
            lo, hi = (the[-1].start() if the else at), at + noun.start()
        parties = [x for x in _args(s, lo, hi, POLITY) if not x.nested]
        if len(parties) < 2 or not all(re.fullmatch(r"\.?,?\s+(?:and\s+)?(?:the\s+)?", text[x.end:y.start])
                                       for x, y in zip(parties, parties[1:])):
            continue
        for x in parties:
            s.add(x.entity, "partyTo", pacts[0].entity, lo, pacts[0].end, 0.6, "known-as")
    for m in re.finditer(r"\b(?:is|was|became|remains)\s+an?\s+(?:[\w-]+\s+){0,4}?" + _PACT_NOUN +
                         r"\s+(?:between|among)\s+(?:the\s+)?", text, re.I):
        pacts = [p for p in subjects(s, m.start(), AGREEMENT | {"InternationalOrganization"}) if p.kind != "description"]
        for x in objects(s, m.end() - 1, POLITY, limit=3) if pacts else ():
            for p in pacts[:1]:
                s.add(x.entity, "partyTo", p.entity, m.start(), m.end(), 0.65, "agreement-between")


#: What support for a state at war goes to: "for Russia’s war of aggression", "for Russia's defense industrial base".
_WAR_MACHINE = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,3}?(?:war|invasion|aggression|military|defen[cs]e industrial base|"
                          r"war machine|war effort)\b", re.I)


def _support_for(s: _Sentence) -> None:
    """ "Soviet support for Syrian independence", "Iran's military support for Hezbollah": the support
    of the state or body named just before the noun (military or financial support is aid)."""
    lowered = s.text.lower()
    if not ("support" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    text = s.text
    for m in re.finditer(r"(?P<kind>(?:\b(?:military|political|financial|economic|diplomatic|strong|continued|unwavering|"
                         r"longstanding|growing|steadfast|continuing|ongoing)\s+){0,2})support\s+(?:for|to|of)\s+(?:the\s+)?",
                         text, re.I):
        patrons = [x for x in s.mentions if x.cls in POLITY and not x.nested and x.end <= m.start() and
                   re.fullmatch(r"(?:\s*\([A-Z]{2,6}\))?(?:'s|’s|')?\s*", text[x.end:m.start()])]  # ("the PRC (PRC)'s")
        if not patrons or patrons[-1].kind != "demonym" and not re.match(r"(?:\s*\([A-Z]{2,6}\))?(?:'s|’s|')", text[patrons[-1].end:]):
            continue  # ("the support for X" without its owner is nobody's; a state before it owns it only as "X's")
        kind = m.group("kind").lower()
        relation = "providesMilitaryAidTo" if "military" in kind else \
            "providesEconomicAidTo" if re.search(r"financial|economic", kind) else "supports"
        for o in [x for x in s.mentions if x.cls in POLITY and not x.nested and x.start == m.end()][:1]:
            if relation == "supports" and _WAR_MACHINE.match(text, o.end):
                relation = "providesMilitaryAidTo"  # "Iran’s support for Russia’s war of aggression": aid to a belligerent
            s.add(patrons[-1].entity, relation, o.entity, patrons[-1].start, o.end, 0.6, "support-for")
    # "the continued military support for its war provided by Iran, Belarus and the DPRK": the givers after
    # "by", the receiver the owner of the war ("its": the actor named before)
    for m in re.finditer(r"(?P<kind>\b(?:military|financial|economic|political)\s+)?support\s+(?:for|to)\s+(?P<own>its|their|"
                         r"[\w-]+(?:'s|’s))\s+(?:[\w-]+\s+){0,3}?(?:war|invasion|aggression|campaign|effort)\b[^.;]{0,40}?"
                         r"\b(?:provided|given|supplied|extended|offered)\s+by\s+", text, re.I):
        own = m.group("own").lower()
        before = [x for x in s.mentions if x.cls in POLITY and not x.nested and x.end <= m.start("own")]
        # ("condemned Moscow's strikes in Ukraine, as well as the support for its war": the possessor, not the place)
        receivers = ([x for x in before if re.match(r"(?:'s|’s)", text[x.end:])] or
                     [x for x in before if _word_before(text, x.start) not in _PREPOSITIONS]) \
            if own in ("its", "their") else [x for x in s.mentions if x.start == m.start("own") and x.cls in POLITY]
        givers = objects(s, m.end(), POLITY, limit=5)
        relation = "providesMilitaryAidTo" if (m.group("kind") or "military").strip().lower() == "military" or \
            re.search(r"war|invasion|aggression", m.group(0), re.I) else "supports"
        for g in givers:
            for r in receivers[-1:]:
                s.add(g.entity, relation, r.entity, m.start(), m.end(), 0.6, "support-for")


def _in_consultation(s: _Sentence) -> None:
    """ "The Department of the Treasury, in consultation with the Department of State, designated ...":
    the subject acts together with the body named in the aside."""
    for m in re.finditer(r",\s+(?:in\s+(?:close\s+)?(?:consultation|coordination|cooperation|partnership)|together|jointly)\s+with\s+"
                         r"(?:the\s+)?", s.text, re.I):
        partners = [x for x in s.mentions if x.cls in POLITY and not x.nested and x.start == m.end()]
        subject = [x for x in s.mentions if x.cls in POLITY and not x.nested and x.end == m.start()]
        for a in subject:
            for b in partners:
                s.add(a.entity, "cooperatesWith", b.entity, m.start(), m.end(), 0.6, "in-consultation")


def _reaffirmed_alliance(s: _Sentence) -> None:
    """ "The United States and the Republic of Korea reaffirmed their ironclad alliance": the states
    whose alliance (or partnership) it is."""
    lowered = s.text.lower()
    if not ("alliance" in lowered or "partnership" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    for m in re.finditer(r"\b(?:reaffirm|strengthen|deepen|celebrat|renew|upgrad|cement|elevat|expand)\w*\s+(?:their|the)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?P<noun>alliance|partnership)\b", s.text, re.I):
        pair = subjects(s, m.start(), POLITY)
        relation = "alliedWith" if m.group("noun").lower() == "alliance" else "cooperatesWith"
        for i, a in enumerate(pair):
            for b in pair[i + 1:]:
                s.add(a.entity, relation, b.entity, m.start(), m.end(), 0.6, "their-alliance")


def _our_partnership(s: _Sentence) -> None:
    """ "our trilateral partnership", "Through our cooperation": in a joint statement, the states
    speaking ("We, the leaders of A, B and C") cooperate with one another."""
    lowered = s.text.lower()
    if not ("our " in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    if len(s.speakers) < 2:
        return
    m = re.search(r"\bour\s+(?:[\w-]+\s+){0,2}?(?:partnership|cooperation|collaboration|coordination)\b", s.text, re.I)
    if m:
        for i, a in enumerate(s.speakers):
            for b in s.speakers[i + 1:]:
                s.add(a, "cooperatesWith", b, m.start(), m.end(), 0.55, "our-partnership")


def _party_inference(s: _Sentence) -> None:
    """A leader who signs makes the state a party: "Russian President Putin signed the treaty"."""
    leaders = {c.subject: c.object for c in s.out if c.relation == "leaderOf"}
    for c in list(s.out):
        if c.relation == "signatoryOf" and c.subject in leaders:
            s.add(leaders[c.subject], "partyTo", c.object, c.trigger_start, c.trigger_end, c.confidence * 0.8, "leader-signs")
