"""Resolutions and sanctions: how members voted, who adopted and sponsored a text, what a failed draft
targets, and measures announced against a state, body or person."""

from __future__ import annotations

import re

from ..mentions import Mention
from .lexicon import ACTOR, ORGS, PERSON, POLITY, RESOLUTION, VOTER, WOULD_HAVE, _OWNED_BODY
from .sentence import Candidate, _Sentence, _clause_end
from .arguments import _args, objects, subjects


_VOTE_COUNT = re.compile(r"\b(?P<kind>in favou?r|against|abstentions?|abstaining|abstained|(?:affirmative|negative)\s+votes?)\s*"
                         r"\((?P<list>[^)]*)\)", re.I)


_MEASURES = re.compile(
    r"\b(?:impos|tak|adopt|announc|tighten|expand|introduc|levy|levi|broaden|extend|prolong|renew)\w*\s+"
    r"(?:(?!(?:to|would|could|should|erode|eroding|undermin\w*|evad\w*|circumvent\w*|lift\w*|eas\w*|relief)\b)[\w-]+\s+){0,8}?"
    r"(?:sanctions|measures|costs|restrictions|penalties|actions)\s+(?:today\s+)?(?:against|on|targeting|in view of)\s+(?:the\s+)?",
    re.I)
_PROHIBITED_DEALINGS = re.compile(
    r"\bprohibit\w*\s+(?:any\s+|all\s+)?(?:U\.S\.\s+|US\s+|EU\s+)?(?:persons?|entities|companies|nationals|citizens)\s+from\s+"
    r"(?:[\w-]+\s+){0,4}?transactions?\s+(?:involving|with)\s+(?:the\s+)?", re.I)
_DESIGNATING = re.compile(r"\bdesignat(?:e|es|ed|ing)\s+(?:[A-Z][\w-]+\s+)?nationals?,?\s+", re.I)


_DECISION_TARGETS = re.compile(r"\b(?:[Tt]oday['’]s\s+|[Tt]he\s+|[Tt]his\s+)(?:decision|round of sanctions|sanctions package|package|"
                               r"listings?|designations?)\b(?:[^.;]{0,60}?,)?\s+(?:also\s+|further\s+)?target(?:s|ed)\s+")
_IN_VIEW_OF_SITUATION = re.compile(r"\b(?P<measures>restrictive measures|sanctions)\b[^.;]{0,120}?\bin view of the situation in\s+"
                                   r"(?:the\s+)?", re.I)


def _measures_against(s: _Sentence) -> None:
    """Sanctions read off the wording of sanctions announcements: "taking further measures against the
    Russian financial system", "imposing costs targeting Russian officials" (the demonym's state), "prohibited
    any U.S. person from conducting any transaction involving X, Y and Z", "designating Russian national, X"."""
    text = s.text
    if not re.search(r"sanction|measure|cost|restriction|penalt|action|prohibit|designat", text, re.I):
        return
    found = [(m, objects(s, m.end(), ACTOR, limit=20)) for m in _MEASURES.finditer(text)]
    found += [(m, objects(s, m.end(), ACTOR, limit=5)) for m in _PROHIBITED_DEALINGS.finditer(text)]
    found += [(m, [x for x in s.mentions if x.cls in PERSON and x.start == m.end()]) for m in _DESIGNATING.finditer(text)]
    for m, objs in found:
        if not objs or re.search(r"\bdraft\b", m.group(0), re.I) or re.search(r"\b(?:would have|fail\w*\s+to\s*|fail\w*\s+to\s+adopt\w*\s+(?:\w+\s+){0,6}|(?:it|which|that)\s+(?:\w+\s+){0,2})$",
                                 text[max(0, m.start() - 120):m.start()], re.I):
            continue  # what a failed draft "would have" done, or what "it" (a text) aimed to do, is no sanction
        subs = subjects(s, m.start(), POLITY)
        if not subs and re.search(r"\b(?:that|which)\s+$", text[:m.start()]):  # "is taking actions today that tighten ..."
            subs = subjects(s, text.rfind(" ", 0, m.start() - 6), POLITY)
        objs = [o for o in objs if not _OWNED_BODY.match(text[o.end:])]  # ("on Myanmar's Ministry of Defense")
        for a in subs:
            for o in objs:
                s.add(a.entity, "sanctions", o.entity, m.start(), m.end(), 0.6, "measures-against")
    # "Today's decision targets prominent members of the judicial branch, including the Supreme Court": the
    # measures of the body the release is about; "... restrictive measures ... in view of the situation in Belarus"
    for m in _DECISION_TARGETS.finditer(text):
        body = s.salient(("InternationalOrganization", "GovernmentBody")) if s.salient else None
        for o in objects(s, m.end(), ACTOR, limit=60) if body else []:
            if o.entity != body:
                s.add(body, "sanctions", o.entity, m.start(), m.end(), 0.55, "decision-targets")
    # "Resolutions 1718, 1874, and 2270 prohibit UN Member States from receiving arms from – or providing them to –
    # the DPRK": what resolutions prohibit dealing with, they sanction
    for m in re.finditer(r"\b(?:prohibit|ban|bar)(?:s|ned|red|ed)?\b", text, re.I):
        if m.group(0)[0].isupper():
            continue
        resolutions = [x for x in subjects(s, m.start(), RESOLUTION) if x.cls == "Resolution"]
        states = [x for x in _args(s, m.end(), _clause_end(s, m.end()), frozenset({"State"})) if not x.nested][:1]
        for r in resolutions:
            for x in states:
                s.add(r.entity, "sanctions", x.entity, m.start(), m.end(), 0.55, "resolution-prohibits")
    for m in _IN_VIEW_OF_SITUATION.finditer(text):
        state = [x for x in s.mentions if x.cls == "State" and x.start == m.end() and not x.nested]
        for a in subjects(s, m.start("measures"), POLITY) if state else []:
            s.add(a.entity, "sanctions", state[0].entity, m.start(), m.end(), 0.55, "measures-against")


def _vote_lists(s: _Sentence) -> None:
    """ "by 13 votes in favour (A, B) to 2 against (C), with 5 abstentions (D, E)": how each listed
    member voted on the resolution of the sentence (or the one the document is about)."""
    resolutions = [m.entity for m in s.mentions if m.cls in RESOLUTION and not m.nested] or \
        ([s.recent_resolution] if s.recent_resolution else [])
    if not resolutions:
        return
    for m in _VOTE_COUNT.finditer(s.text):
        kind = m.group("kind").lower()
        relation = ("votedFor" if kind.startswith(("in", "affirmative")) else
                    "votedAgainst" if kind.startswith(("against", "negative")) else "abstainedOn")
        for x in _args(s, m.start("list"), m.end("list"), VOTER):
            if not x.nested:
                s.add(x.entity, relation, resolutions[0], m.start(), m.end(), 0.7, "vote-list")


_ADOPTED_BY_VOTES = re.compile(r"\b(?:adopted|adopts|passed)\s+(?:today\s+)?(?:unanimously\s+)?by\s+(?:a\s+(?:recorded\s+)?vote\s+of\s+)?"
                               r"\d+\s+(?:votes\s+)?(?:in\s+favou?r)?", re.I)


def _adopted_by_votes(s: _Sentence) -> None:
    """ "the Security Council today adopted by 14 votes in favour — with the Russian Federation abstaining —
    a resolution demanding ...": the body adopted the resolution after the tally, those "abstaining" abstained."""
    for m in _ADOPTED_BY_VOTES.finditer(s.text):
        res = [x for x in s.mentions if x.cls in RESOLUTION and not x.nested and 0 <= x.start - m.end() < 250][:1]
        if not res:
            continue
        for b in [x for x in subjects(s, m.start(), ORGS) if x.cls in {"InternationalOrganization", "GovernmentBody"}][:1]:
            s.add(res[0].entity, "adoptedBy", b.entity, m.start(), m.end(), 0.65, "adopted")
        for ab in re.finditer(r"\bwith\s+(?:the\s+)?(?P<who>[^—–;]{2,80}?)\s+(?P<how>abstaining|voting against)\b",
                              s.text[m.end():res[0].start]):
            lo = m.end() + ab.start("who")
            for x in [y for y in s.mentions if y.cls in VOTER and not y.nested and lo <= y.start and y.end <= m.end() + ab.end("who")]:
                relation = "abstainedOn" if ab.group("how") == "abstaining" else "votedAgainst"
                s.add(x.entity, relation, res[0].entity, m.start(), m.end(), 0.65, "vote-count")


_OPENING_SPONSOR = re.compile(r"\W*(?:Tabled|Submitted|Drafted|Sponsored|Co-sponsored|Introduced|Presented|Proposed|"
                              r"Put forward|Penned)\s+by\s+(?:the\s+)?")
_SPONSOR_LIST = re.compile(r"\b(?P<own>its|the|their)\s+(?:co-?)?sponsors\s*(?:—|–|:|,|were|are|included|include)\s*(?:the\s+)?",
                           re.I)


def _sponsor_lists(s: _Sentence) -> None:
    """ "Tabled by the United States, the text would have ...", "its co-sponsors — Qatar, Saudi Arabia and
    Morocco —": who put a draft forward."""
    opening = _OPENING_SPONSOR.match(s.text)
    if opening:
        sponsors = objects(s, opening.end(), VOTER | ORGS, limit=3)
        after = sponsors[-1].end if sponsors else opening.end()
        comma = re.match(r",\s+(?:the\s+)?", s.text[after:])  # "..., the text would have", "..., it would have"
        texts = [x for x in s.mentions if x.cls in RESOLUTION and not x.nested and comma and
                 after < x.start <= after + comma.end()] or (
            [Mention(after, after, "", s.recent_resolution, "DraftResolution", "coreference", False, 0.5)]
            if s.recent_resolution and re.match(r",\s+(?:it|the\s+(?:text|draft|measure))\b", s.text[after:]) else [])
        for x in sponsors:
            for r in texts:
                s.add(x.entity, "sponsors", r.entity, 0, opening.end(), 0.6, "sponsor-list")
    for m in _SPONSOR_LIST.finditer(s.text):
        before = [x for x in s.mentions if x.cls in RESOLUTION and x.end <= m.start() and m.start() - x.end <= 60]
        texts = before[-1:] or ([Mention(m.start(), m.start(), "", s.recent_resolution, "DraftResolution", "coreference", False,
                                         0.5)] if s.recent_resolution else [])
        for x in objects(s, m.end(), VOTER, limit=3):
            for r in texts:
                s.add(x.entity, "sponsors", r.entity, m.start(), m.end(), 0.6, "sponsor-list")


_DRAFT_AIM = re.compile(r"\s*,?\s*(?:aimed at|aiming at|that would have|which would have|intended to|seeking to|to)\s+"
                        r"(?:[\w-]+\s+){0,4}", re.I)
#: A text's aim, with what stands between ("vetoed a draft resolution in the Security Council on 26 May aimed at
#: tightening the sanctions regime", "Draft Text Aimed at Tightening Sanctions"): what it aimed at did not happen.
_TEXT_AIM = re.compile(r"\b(?:draft|text|resolution|proposal)s?\b[^.;]{0,60}?\b(?:aimed at|aiming at|intended to|designed to|"
                       r"seeking to)\s+(?:[\w-]+\s+){0,4}$", re.I)
_WOULD_HAVE_DONE = re.compile(WOULD_HAVE.pattern + r"\s+(?:[\w-]+\s+){0,2}$", re.I)  # (right before the trigger)


def _counterfactual_drafts(s: _Sentence) -> None:
    """A draft resolution that "would have condemned X" did not: it targets X. Nor did the Council that
    "would have condemned X" (had the draft passed): the draft targets X, and nothing else it "would have"
    done happened."""
    drafts = {m.entity for m in s.mentions if m.cls == "DraftResolution"}
    bodies = {m.entity for m in s.mentions if m.cls in ("InternationalOrganization", "GovernmentBody")}
    kept = []
    for c in s.out:
        content = [d for d in s.mentions if d.cls == "DraftResolution" and d.end <= c.trigger_start and
                   _DRAFT_AIM.fullmatch(s.text, d.end, c.trigger_start)]
        aim = c.subject not in drafts and c.relation == "sanctions" and not content and _TEXT_AIM.search(s.text[:c.trigger_start])
        if aim:  # "vetoed a draft resolution in the Security Council on 26 May aimed at tightening sanctions against X"
            before = [d for d in s.mentions if d.cls == "DraftResolution" and d.end <= c.trigger_start][-1:]
            if before and before[0].start >= aim.start():
                kept.append(Candidate(before[0].entity, "targets", c.object, c.trigger_start, c.trigger_end, c.confidence,
                                      c.rule, c.materiel))
            continue
        if c.subject not in drafts and c.relation == "sanctions" and content:
            continue  # "failed to adopt a draft resolution aimed at extending restrictions on Iran": the draft's aim
        if c.subject in drafts and c.relation in ("condemned", "sanctions"):
            c = Candidate(c.subject, "targets", c.object, c.trigger_start, c.trigger_end, c.confidence, c.rule, c.materiel)
        elif _WOULD_HAVE_DONE.search(s.text[:c.trigger_start]) and c.subject in bodies:
            draft = s.recent_resolution if s.salient and s.recent_resolution == s.salient(("DraftResolution",)) else None
            if not (draft and c.relation in ("condemned", "sanctions")):
                continue  # "the Council would also have expressed support for X": it did not
            c = Candidate(draft, "targets", c.object, c.trigger_start, c.trigger_end, c.confidence, c.rule, c.materiel)
        kept.append(c)
    s.out[:] = kept
