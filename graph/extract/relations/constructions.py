"""Fixed constructions read off noun phrases and short patterns: titles, appositions, places, patrons,
occupation, events, alliances, conflicts, resolutions; it runs the helpers of events, alliances, organisations."""

from __future__ import annotations

import re

from ..mentions import Mention
from .lexicon import ACTOR, AGREEMENT, EVENT, ORGS, PERSON, PLACE, POLITY, RESOLUTION, STATE, TITLES, WAR_START
from .sentence import _Sentence, _clause_end, _clause_rest, _clause_start, _in_parens, _word_before
from .arguments import _adjacent, _args, _coordinated, _person_of_state, _titles_only, objects, subjects
from .events import _held_between, _event_participants, _on_the_margins, _own_visit, _represented_by, _we_the_leaders
from .alliances import _agreement_between, _our_partnership, _reaffirmed_alliance, _support_for
from .organisations import _bases_in, _led_by, _nationality, _organisation_in_state, _place_comma_state

#: An office of the United Nations itself, after a holder's nationality: "(Hungary), President of the General Assembly".
_UN_OFFICE = re.compile(r"\s*\)\s*,\s*(?:the\s+)?(?:President of the General Assembly|(?:Under-|Assistant\s+|Deputy\s+)?"
                        r"Secretary-General|High Commissioner|Special (?:Envoy|Representative|Rapporteur|Coordinator))\b")


#: A title after the organisation that opens it: "[UN] High Representative for Disarmament Affairs", "[IAEA] spokesperson".
_ORG_TITLE = re.compile(r"\s+(?:(?:[A-Z][\w-]*|for|of)\s+){0,3}?(?:High Representative|Representative|Envoy|Coordinator|Rapporteur|"
                        r"Commissioner|Under-Secretary-General|Assistant Secretary-General|Spokes(?:person|man|woman)|spokes(?:person|man|woman)|"
                        r"Adviser|Advisor|Official|official|Chief|chief)\b")
_LEADER_TITLE = re.compile(r"^(?:'s|’s)?\s*(?:(?:then|former|current|new|acting|interim)\s+)?(?:president|prime minister|premier|"
                           r"leader|supreme leader|chancellor|king|queen|emperor|head of state|dictator|chairman)\s*,?\s*$", re.I)
_ORG_HEAD_TITLE = re.compile(r"(?:'s|’s)?\s*(?:(?:former|current|then|acting)\s+)?(?:commission\s+)?(?:president|chair(?:man|woman|person)?|"
                             r"secretary[ -]general|director[ -]general|head|executive director)\s*", re.I)
_OTHER_TITLE = re.compile(r"(?:'s|’s)?\s*(?:(?:former|current|then|deputy|acting|chief|senior|top|first|assistant|vice|under)\s+)*"
                          r"(?:spokes(?:man|woman|person)|(?:foreign|defen[cs]e|finance|interior|prime)?\s*minister|"
                          r"(?:foreign|defen[cs]e|finance|interior|home|treasury)\s+secretary|"
                          # "Minister of National Defense", "Minister for Foreign Affairs", "Secretary of State for Defence"
                          r"(?:minister|secretary of state|secretary)\s+(?:of|for)\s+(?:the\s+)?(?:national\s+)?"
                          r"[a-z]+(?:\s+(?:and\s+)?[a-z]+)?(?=\s*,?\s*$)|"
                          r"secretary[ -]general|secretary|ambassador|envoy|official|adviser|advisor|commander|general|"
                          r"(?:permanent\s+)?representative|delegate|"
                          r"chief of staff|negotiator|diplomat|aide|director|head|chief)\s*,?\s*", re.I)


_POSITIVE = re.compile(r"\b(?:strengthen\w*|deepen\w*|improv\w*|revitali[sz]\w*|expand\w*|build\w*|boost\w*|enhanc\w*|"
                       r"forg\w*|develop\w*|warm\w*|bolster\w*|growing|grow\w*|closer|close|strong\w*|tighten\w*|cement\w*|"
                       r"burgeoning|military|economic|strategic)\b", re.I)


_FIRM = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}?(?:bank|company|entity|firm|corporation|conglomerate|airline|"
                   r"manufacturer|producer|exporter|enterprise|business|shipping company|trading company|front company)\b",
                   re.I)
_BACKING = re.compile(r"\b(?:commitment\s+to\s+)?(?:stand|stands|stood|standing)\s+(?:united\s+|firmly\s+|resolutely\s+|"
                      r"shoulder\s+to\s+shoulder\s+)?(?:with|behind)\s+(?:the\s+)?(?:people\s+of\s+)?|"
                      r"\b(?:stands?|stood|standing|united|firmly|remain|remains)\s+in\s+support\s+of\s+(?:the\s+)?|"
                      r"\bwelcom(?:e|es|ed|ing)\s+(?:the\s+)?", re.I)
#: A state's envoy in apposition: ", Acting U.S. Representative", ", the Permanent Representative of Japan to the UN".
_ENVOY = re.compile(r"\s*,\s+(?:the\s+)?(?:(?:Acting|Deputy|Alternate|Permanent|Senior|Special)\s+)*"
                    r"(?P<state>(?:[A-Z][\w.]*\.?(?:\s+[A-Z][\w.]*)?\s+)?)"
                    r"(?:(?:Acting|Deputy|Alternate|Permanent|Senior|Special)\s+)*(?:Representative|Ambassador)\b"
                    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w ]+?))?(?=\s+to\s+the\s+(?:United Nations|UN)\b|\s*[,.;]|\s*$)")


def _constructions(s: _Sentence) -> None:
    text = s.text
    prim = [m for m in s.mentions if not m.nested]
    # "<Demonym> President <Person>", "<State>'s leader <Person>"
    for a, b in zip(prim, prim[1:]):
        gap = text[a.end:b.start]
        if re.search(r"(?:^|\.)[A-Z]$", a.text) and gap.startswith("."):
            gap = gap[1:]  # "U.S. President": the abbreviation's last stop
        if gap.startswith(")") and _in_parens(text, a.start):
            gap = gap[1:]  # "Republic of Korea (ROK) Minister of National Defense Shin Wonsik"
        if b.cls in PERSON and re.match(r"(?:President|Prime Minister|Premier|Chancellor|King|Queen)\s", b.text):
            gap += b.text.split()[0]  # the title is part of the person's name in the registry ("President Biden")
        if re.search(r"\b(?:Representative|Envoy|Coordinator|Commissioner|Adviser|Advisor|Official)\s+(?:for|on)\s+(?:the\s+)?$",
                     text[:a.start]):
            continue  # "Special Representative for the DPRK Ambassador Sung Kim": a portfolio, not the employer
        if a.cls in STATE | ORGS and b.cls in PERSON and (_LEADER_TITLE.match(gap) or (
                a.cls in ORGS and _ORG_HEAD_TITLE.fullmatch(gap))):
            s.add(b.entity, "leaderOf", a.entity, a.start, b.end, 0.85, "title")
        elif a.cls in POLITY and b.cls in PERSON and (_OTHER_TITLE.fullmatch(gap) or " and " in gap and all(
                _OTHER_TITLE.fullmatch(part) for part in gap.split(" and ", 1))):
            # (two offices held at once: "Australia's Deputy Prime Minister and Defense Minister Richard Marles")
            s.add(b.entity, "officialOf", a.entity, a.start, b.end, 0.75, "title")
    for a, b in zip(prim, prim[1:]):  # "President of Ukraine Volodymyr Zelenskyy", "Minister of Defence of X Y"
        title = re.search(r"\b(?P<t>President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Leader|"
                          r"(?:[A-Z][a-z]+ )*Minister|Secretary|Ambassador|Chair\w*|Director|Head)"
                          r"(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)? of (?:the )?$", text[:a.start])
        if title and a.cls in POLITY and b.cls in PERSON and re.fullmatch(r"\s+", text[a.end:b.start]):
            leader = re.fullmatch(r"President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Leader", title.group("t"))
            relation = "leaderOf" if leader and a.cls == "State" else "directorOf" if title.group("t") in (
                "Director", "Head") else "officialOf"
            s.add(b.entity, relation, a.entity, title.start(), b.end, 0.8, "title")
    # "The Minister for Foreign Affairs of Australia, Julie Bishop, ...": the state the title names, in apposition
    for m in re.finditer(r"\b(?P<t>President|Prime Minister|Premier|Chancellor|King|Queen|Emir|(?:[A-Z][a-z]+ )*Minister"
                         r"(?: for [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*)?|Secretary(?: of [A-Z][a-z]+)?) of (?:the )?", text):
        state = [x for x in prim if x.start == m.end() and x.cls in POLITY]
        person = [x for x in prim if state and x.cls in PERSON and re.fullmatch(r",\s+", text[state[0].end:x.start])]
        for x in state[:1]:
            for p in person[:1]:
                leader = re.fullmatch(r"President|Prime Minister|Premier|Chancellor|King|Queen|Emir", m.group("t"))
                s.add(p.entity, "leaderOf" if leader and x.cls == "State" else "officialOf", x.entity, m.start(), p.end,
                      0.8, "title")
    for m in re.finditer(r"\b(?:his|her|their)\s+(?P<state>[A-Z][\w-]+)\s+counterparts?,?\s+", text):
        # "met with his Japanese counterpart, Minister of Defense Hamada Yasukazu": an official of that state
        state = [x for x in prim if x.cls == "State" and x.start == m.start("state")]
        person = [x for x in prim if x.cls in PERSON and x.start >= m.end() and
                  _titles_only(s, m.end(), x.start)][:1]
        for x in state:
            for p in person:
                s.add(p.entity, "officialOf", x.entity, m.start(), p.end, 0.7, "counterpart")
    for m in re.finditer(r"\b(?P<t>(?:Press|Deputy Press)\s+Secretary|Spokesperson|Spokesman|Spokeswoman)\s+"
                         r"(?:(?:Navy|Army|Air Force|Marine Corps)\s+)?(?:(?:Brig|Maj|Lt|Gen|Col|Rear|Vice|Adm|Cmdr|Capt)\.?\s+|"
                         r"(?:Major|Lieutenant|Brigadier|General|Admiral|Colonel|Captain|Commander)\s+){0,3}",
                         text):
        # "Pentagon Press Secretary Brig. Gen. Pat Ryder": the spokesperson of the body named before the title
        body = [x for x in prim if x.cls in ORGS and re.fullmatch(r"['’]?s?\s+", text[x.end:m.start()])]
        person = [x for x in prim if x.cls in PERSON and x.start == m.end()]
        for b in body[-1:]:
            for p in person:
                s.add(p.entity, "officialOf", b.entity, b.start, p.end, 0.7, "spokesperson")
    for p in prim:  # "Secretary of State Antony Blinken": the office the title names
        if p.cls in PERSON:
            before = text[max(0, p.start - 100):p.start]
            for pattern, office, relation, after in TITLES:
                found = pattern.search(before)
                if found:  # "Philippine Defense Secretary X", "UK Secretary of State X": another state's office
                    at = p.start - len(before) + found.start()
                    if re.search(r"\b(?:its|their)\s+$", text[:at]):  # "the SCO ..., said its Secretary-General, Zhang Ming"
                        owner = [x for x in prim if x.cls in ORGS and x.end <= at]
                        for o in owner[:1]:
                            s.add(p.entity, relation, o.entity, at, p.end, 0.65, "title")
                        break
                    if any((x.cls == "State" and x.entity != "united-states" or x.cls in ORGS and x.entity != office)
                           and 0 <= at - x.end <= 3 for x in s.mentions):
                        break  # ("ASEAN Secretary-General X": that organisation's)
                if found or after.match(text, p.end):  # (", Under-Secretary-General for ...")
                    s.add(p.entity, relation, office, p.start, p.end, 0.8, "title")
                    break
    for e in prim:  # "the EU-China summit in Brussels": where an event took place
        if e.cls in ("Summit", "Talks", "Event"):
            where = [x for x in prim if x.cls in PLACE and re.fullmatch(r"\s+in\s+(?:the\s+)?", text[e.end:x.start])]
            for x in where[:1]:
                s.add(e.entity, "locatedIn", x.entity, e.start, x.end, 0.6, "held-in")
    for a, b in zip(prim, prim[1:]):  # "Russia under Vladimir Putin": its leader
        if a.cls == "State" and b.cls == "PoliticalLeader" and re.fullmatch(r"\s+under\s+", text[a.end:b.start]):
            s.add(b.entity, "leaderOf", a.entity, a.start, b.end, 0.7, "title")
    for a, b in zip(prim, prim[1:]):  # "Vassily Nebenzia (Russian Federation) said": a delegate (UN meetings coverage)
        if a.cls in PERSON and b.cls == "State" and re.fullmatch(r"\s+\(\s*", text[a.end:b.start]) and \
                re.match(r"\s*\)", text[b.end:]) and not _UN_OFFICE.match(text, b.end):  # (also "SAMANTHA POWER ( United States)";
            # not "Csaba Kőrösi (Hungary), President of the General Assembly": a UN office's holder, of that nationality)
            s.add(a.entity, "officialOf", b.entity, a.start, b.end + 1, 0.65, "title")
    for a, b in zip(prim, prim[1:]):  # "Vasily Nebenzya of the Russian Federation said": a state's representative
        if _person_of_state(s, a, b):  # (a name suffix may come between: "Joseph R. Biden, Jr. of the United States")
            leader = re.search(r"\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir)\s+$", text[:a.start]) or \
                re.match(r"(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir)\s", a.text)  # ("President Putin")
            s.add(a.entity, "leaderOf" if leader else "officialOf", b.entity, a.start, b.end, 0.65, "title")
    for d in prim:  # "the Russian Federation's competing draft", "the French and Spanish text": its sponsors
        owner = [x for x in prim if x.cls in STATE and x.end <= d.start and
                 (re.fullmatch(r"(?:'s|’s)\s+(?:[a-z]+\s+)?", text[x.end:d.start]) or  # (or "a U.S. draft", "the Russian draft")
                  d.cls == "DraftResolution" and d.text.lower().startswith("draft") and re.fullmatch(r"\.?\s+", text[x.end:d.start]))]
        if d.cls == "DraftResolution" and not owner and d.text.lower() == "text":
            pair = [x for x in prim if x.cls in STATE and x.kind == "demonym" and x.end <= d.start]
            if len(pair) >= 2 and re.fullmatch(r"\s+and\s+", text[pair[-2].end:pair[-1].start]) and \
                    re.fullmatch(r"\s+", text[pair[-1].end:d.start]):
                owner = pair[-2:]
        for x in owner[-2:] if d.cls == "DraftResolution" else ():
            if x.kind == "demonym" or x is owner[-1]:
                s.add(x.entity, "sponsors", d.entity, x.start, d.end, 0.65, "draft-of")
    for p in s.mentions:  # "Dmitry Peskov, the Kremlin's spokesman", "X, Russia's foreign minister"
        if p.cls in PERSON:
            ap = re.match(r",\s*(?:the\s+)?", text[p.end:])
            if ap:
                owner = [x for x in s.mentions if x.start == p.end + ap.end() and x.cls in POLITY]
                title = text[owner[0].end:owner[0].end + 60].split(",")[0].rstrip(" .") if owner else ""
                title = re.sub(r"\s+to\s+(?:the\s+)?[A-Z][\w\s.-]*$", "", title)  # "United States Ambassador to the UN"
                if owner and owner[0].cls == "State" and _LEADER_TITLE.match(title):
                    s.add(p.entity, "leaderOf", owner[0].entity, p.start, owner[0].end, 0.7, "title")  # "X, the German Chancellor"
                elif owner and owner[0].cls in ORGS and _ORG_HEAD_TITLE.fullmatch(title):
                    s.add(p.entity, "leaderOf", owner[0].entity, p.start, owner[0].end, 0.7, "title")  # "X, NATO's secretary general"
                elif owner and _OTHER_TITLE.fullmatch(title + " "):
                    s.add(p.entity, "officialOf", owner[0].entity, p.start, owner[0].end, 0.7, "title")
    for i, person in enumerate(prim):
        if person.cls not in PERSON:
            continue
        rest = [m for m in prim[i + 1:] if m.entity != person.entity and not _in_parens(text, m.start)]
        # "<Person> (CK), a senior research fellow at <Org> under <Programme>"; "<Person>, director of <Org>"
        if rest:
            org = rest[0]
            gap = text[person.end:org.start]
            # (not "Iwaya Takeshi, and Foreign Minister of the Republic of Korea Cho": the next person's title)
            ap = re.fullmatch(r"\s*(?:\([^)]*\)\s*)?,\s*(?:(?:is|was)\s+)?(?:(?:a|an|the)\s+)?(?P<title>(?!(?:and|or)\b)[A-Za-z][\w\s-]{0,60}?)\s+"
                              r"(?:at|of|with|for|in)\s+(?:the\s+)?", gap, re.I) or \
                re.fullmatch(r"\s*,\s*(?P<title>(?:[A-Z][\w-]*\s+){0,3}(?:Director|Head|Chair\w*|President|Founder|"
                             r"Spokes\w+|Representative|Envoy|Coordinator|Fellow|Analyst|Researcher))\s*,\s*(?:the\s+)?", gap)
            # ("Jane Roe, Executive Director, Arms Watch, said": a title in commas between name and organisation)
            owner = [x for x in rest[1:2] if x.cls in PERSON and re.fullmatch(r"\s*,?\s*", text[org.end:x.start])]
            if owner:  # "Julie Bishop, the Minister for Foreign Affairs of Japan, Taro Kono": the next person's title
                ap = None
            if ap and org.cls in ORGS | STATE and org.kind != "demonym":  # ("chief of the Russian General Staff")
                title = ap.group("title").lower()
                relation = None
                if org.cls == "InternationalOrganization" and re.fullmatch(
                        r"(?:(?:current|former|new|then)\s+)?(?:secretary[ -]general|director[ -]general|president|"
                        r"chair(?:man|woman|person)?|head)", title):
                    relation = "leaderOf"  # "Jane Roe, the Secretary General of NATO": the head of an organisation leads it
                elif re.search(r"\bfellow\b", title):
                    relation = "fellowOf"
                elif re.fullmatch(r"(?:(?:current|former|new|then|supreme|top)\s+)?(?:leader|general secretary)", title) and \
                        org.cls in ORGS:
                    relation = "leaderOf"  # "X, the leader of Hezbollah", "Xi Jinping, general secretary of the Party"
                elif re.search(r"\b(?:director|head|chief|chair\w*|founder)\b", title):
                    relation = "directorOf"
                elif re.search(r"\b(?:president|prime minister|leader|king|premier)\b", title) and org.cls in STATE:
                    relation = "leaderOf"
                elif re.search(r"\b(?:spokes\w+|official|minister|ambassador|envoy|representative|secretary|"
                               r"under-secretary|commissioner|coordinator|negotiator)\b", title):
                    relation = "officialOf"
                elif re.search(r"\b(?:analyst|researcher|professor|scholar|expert|member|advis[eo]r|candidate|"
                               r"correspondent|editor|staff|lecturer|associate|officer|employee)\b", title):
                    relation = "affiliatedWith"
                if relation:
                    s.add(person.entity, relation, org.entity, person.start, org.end, 0.8, "apposition")
                    after = text[org.end:org.end + 40]
                    under = re.match(r"\s+(?:under|within|in|with)\s+(?:the\s+)?", after, re.I)
                    if under and len(rest) > 1 and rest[1].start - org.end <= under.end() + 1:
                        s.add(person.entity, "affiliatedWith", rest[1].entity, person.start, rest[1].end, 0.6, "under")
    # "Izumi Nakamitsu, UN High Representative for Disarmament Affairs": the organisation opens the title in apposition
    for p, org in zip(prim, prim[1:]):
        if p.cls in PERSON and org.cls in ("InternationalOrganization", "GovernmentBody") and \
                re.fullmatch(r"\s*,\s*(?:the\s+)?", text[p.end:org.start]) and _ORG_TITLE.match(text, org.end):
            s.add(p.entity, "officialOf", org.entity, p.start, org.end, 0.7, "apposition")
    # "Ambassador Linda Thomas-Greenfield, U.S. Representative to the United Nations", "Dorothy Shea, Acting U.S.
    # Representative": a state's envoy; without a state ("Deputy Representative to the United Nations"), the
    # envoy of the government publishing the remarks
    for p in prim:
        if p.cls not in PERSON:
            continue
        envoy = _ENVOY.match(text, p.end)
        if not envoy:
            continue
        named = [envoy.span(g) for g in ("state", "of") if envoy.group(g)]
        # (the state opens its span: not "Special Representative of the African Union Chairperson for Somalia")
        state = [x for x in prim if x.cls == "State" and any(x.start == a and x.end <= b for a, b in named)]
        whose = state[0].entity if state else s.speakers[0] if not named and len(s.speakers) == 1 else None
        if whose:
            s.add(p.entity, "officialOf", whose, p.start, envoy.end(), 0.75, "envoy")
    # "<Person>, who directs the China Program": relative clauses of roles
    for p in prim:
        if p.cls not in PERSON:
            continue
        rc = re.match(r"\s*(?:\([^)]*\)\s*)?,\s*who\s+(?P<verb>directs|heads|leads|runs|chairs|founded|works (?:for|at)|"
                      r"is a (?:senior )?(?:research )?fellow (?:at|of)|is (?:the )?(?:director|head) of)\s+(?:the\s+)?", text[p.end:], re.I)
        if rc:
            org = [x for x in prim if x.start == p.end + rc.end() and x.cls in ORGS]
            if org:
                verb = rc.group("verb").lower()
                relation = "fellowOf" if "fellow" in verb else "affiliatedWith" if verb.startswith("works") else "directorOf"
                s.add(p.entity, relation, org[0].entity, p.start, org[0].end, 0.75, "apposition")
    # "an unnamed South Korean government official": a person named by the body they serve
    for p in prim:
        if p.cls in PERSON:
            for x in s.mentions:
                if x.nested and x.cls in ORGS and p.start <= x.start and x.end <= p.end:
                    s.add(p.entity, "affiliatedWith", x.entity, p.start, p.end, 0.6, "apposition")
    # "<Programme> at <Org>": a programme or centre is part of its institution
    for a, b in zip(prim, prim[1:]):
        if a.cls in {"ResearchProgramme"} and b.cls in ORGS and re.fullmatch(r"\s+(?:at|of)\s+(?:the\s+)?", text[a.end:b.start], re.I):
            s.add(a.entity, "partOf", b.entity, a.start, b.end, 0.7, "programme-at")
    # "<Place> in (eastern) <State>", "parts of <State>"
    for i, a in enumerate(prim):
        if a.cls != "Place":
            continue
        for b in prim[i + 1:i + 4]:
            gap = text[a.end:b.start]
            if b.cls == "State" and re.fullmatch(r"\s+(?:in|of)\s+(?:(?:the\s+)?(?:eastern|western|northern|southern|central|"
                                                  r"north|south|east|west|northeastern|southeastern)\s+)?", gap, re.I):
                for x in _coordinated(s, a, [p for p in prim if p.cls == "Place"], leftwards=True):
                    s.add(x.entity, "locatedIn", b.entity, x.start, b.end, 0.7, "located")
                break
        inner = [x for x in s.mentions if x.nested and a.start <= x.start and x.end <= a.end and x.cls == "State"]
        if re.match(r"(?:Republic|Kingdom|Dominion|Federation|Empire|Principality|Emirate|Sultanate|State|Sea|Ocean|Gulf|Bay|"
                    r"Straits?)\s+of\b", a.text):
            inner = []  # "the Republic of China" is a polity's name, not a place in China; the Sea of Japan is no part of it
        for x in inner:
            if re.search(r"\b(?:of|in)\s+$", text[a.start:x.start], re.I):
                s.add(a.entity, "locatedIn", x.entity, a.start, a.end, 0.7, "located-inner")
    # "Russia's Kursk region", "the Russian port of Vostochny"
    for a, b in zip(s.mentions, s.mentions[1:]):
        if a.cls == "State" and b.cls == "Place" and not b.nested and (
                re.fullmatch(r"(?:'s|’s)\s+", text[a.end:b.start]) or
                (re.fullmatch(r"\s+", text[a.end:b.start]) and re.match(r"(?:port|city|town|village|region|province|district|base|island|oblast)\s+of\b", b.text, re.I)) or
                re.fullmatch(r"\s+(?:(?:port|city|town|village|region|province|district|base|island|oblast|capital|coastal|"
                             r"border|naval|northern|southern|eastern|western|ports|cities|towns|villages|regions|provinces)\s+){1,2}"
                             r"of\s+", text[a.end:b.start], re.I)):
            # ("Ukraine's Luhansk, Donetsk, Kherson, and Zaporizhzhia regions": each of them)
            listed = _coordinated(s, b, [p for p in s.mentions if p.cls in ("Place", "Actor") and not p.nested] + [b],
                                  leftwards=False)
            many = re.match(r"\s+(?:\w+\s+)?(?:ports|cities|towns|villages|regions|provinces)\s+of\s+(?P<list>[^.;:()]+)",
                            text[a.end:])
            if many:  # "the Ukrainian cities of Kharkiv, Kherson, Mariupol, Chernihiv, and the capital Kyiv"
                listed = [x for x in s.mentions if x.cls == "Place" and not x.nested and
                          b.start <= x.start and x.end <= a.end + many.end("list")]
            for x in listed:
                if x.cls == "Place" or x is b:
                    s.add(x.entity, "locatedIn", a.entity, a.start, b.end, 0.7, "located")
    _nationality(s)
    _led_by(s)
    _support_for(s)
    _bases_in(s)
    _place_comma_state(s)
    _organisation_in_state(s)
    # "the Department of the Treasury's Office of Foreign Assets Control": a body of the organisation that owns it
    for a, b in zip(prim, prim[1:]):
        if a.cls in ORGS and b.cls in ORGS - {"ThinkTank", "MediaOrganization"} and a.entity != b.entity and \
                re.fullmatch(r"(?:'s|’s|')\s+", text[a.end:b.start]):
            s.add(b.entity, "partOf", a.entity, a.start, b.end, 0.65, "body-of")
    # "Iranian-backed Houthis", "fellow Iranian proxy Hezbollah", "Hezbollah, an Iranian proxy": the patron supports it
    for m in re.finditer(r"[-‐‑–](?:backed|sponsored|funded|armed|supported)\b|\s(?:backed|sponsored|funded|supported)\b|"
                         r"\s+prox(?:y|ies)\b", text, re.I):
        patrons = [x for x in s.mentions if x.cls == "State" and x.end == m.start()]
        if not patrons:
            continue
        clients = [x for x in _args(s, m.end(), len(text), POLITY - STATE) if x.start - m.end() <= 30 and not x.nested][:1]
        before = re.search(r",\s+(?:an?|the)\s+$", text[:patrons[0].start])
        if not clients and before:  # "Hezbollah, an Iranian proxy"
            clients = [x for x in prim if x.cls in POLITY - STATE and x.end == before.start()]
        for c in clients:
            s.add(patrons[0].entity, "supports", c.entity, patrons[0].start, m.end(), 0.6, "backed")
    # "<Demonym>-occupied <Place>"
    for m in re.finditer(r"[-‐‑–\s]occupied\b", text, re.I):
        occupiers = [x for x in s.mentions if x.cls == "State" and x.end == m.start()]
        if not occupiers:
            continue
        places = [x for x in prim if x.cls == "Place" and x.start <= m.start() < x.end] or \
                 [x for x in _args(s, m.end(), len(text), frozenset({"Place"})) if x.start - m.end() <= 20][:1]
        for p in places:
            s.add(occupiers[0].entity, "occupies", p.entity, occupiers[0].start, m.end(), 0.75, "occupied")
    # "X (formerly the Y)"
    for m in re.finditer(r"\(\s*formerly\s+(?:the\s+)?|\bsuccessor (?:state )?(?:of|to)\s+(?:the\s+)?", text, re.I):
        left = [x for x in prim if x.end <= m.start() and x.cls in POLITY][-1:]
        right = [x for x in prim if x.start >= m.end() and x.cls in POLITY][:1]
        if left and right:
            s.add(left[0].entity, "successorOf", right[0].entity, m.start(), m.end(), 0.75, "formerly")
    # "host <Person>", "joined by <Person>, ... and <Person>": who hosts and who takes part in an event
    event = next((x.entity for x in s.mentions if x.cls in EVENT - {"Conflict"}), None) or s.recent_event
    if event:
        for m in re.finditer(r"\bhost(?:ed by)?\s+", text, re.I):
            person = [x for x in prim if x.cls in PERSON and x.start == m.end()]
            if person:
                s.add(person[0].entity, "hosts", event, m.start(), m.end(), 0.6, "host")
        for m in re.finditer(r"\b(?:joined by|guests? (?:are|were|is|was|include)|featur(?:es|ed|ing)|with guests?)\s+", text, re.I):
            stop = re.compile(r"\bto\s+(?:discuss|talk|explore|examine|look)\b|[.;]", re.I).search(text, m.end())
            hi = stop.start() if stop else len(text)
            for x in prim:
                if x.cls in PERSON and m.end() <= x.start < hi:
                    s.add(x.entity, "participatedIn", event, m.start(), m.end(), 0.6, "guest")
    _on_the_margins(s)
    _event_participants(s)
    _held_between(s)
    _our_partnership(s)
    _we_the_leaders(s)
    _represented_by(s)
    _own_visit(s)
    _reaffirmed_alliance(s)
    # "welcomed Finland as the newest member of NATO"
    for m in re.finditer(r"\s+as\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,2}?members?\s+of\s+(?:the\s+)?", text, re.I):
        joiner = [x for x in prim if x.end == m.start() and x.cls in POLITY]
        for o in [x for x in prim if x.start == m.end() and x.cls in ORGS][:1]:
            for j in joiner:
                s.add(j.entity, "memberOf", o.entity, j.start, o.end, 0.6, "as-member")
    # "During the Korean War, the Soviet Union supported North Korea": the actors of the clause took part
    for c in s.mentions:
        if c.cls == "Conflict" and re.search(r"\bduring\s+(?:the\s+)?$", text[:c.start], re.I):
            for x in prim:
                if x.cls in STATE | frozenset({"ArmedForces"}) and x is not c and not (c.start <= x.start and x.end <= c.end) \
                        and x.kind != "demonym" and _word_before(text, x.start) not in {
                            "in", "at", "near", "into", "inside", "across", "throughout", "from", "to", "of"}:
                    # (not "Hezbollah in Lebanon" or "Iranian proxy": the actors, not the places they act in)
                    s.add(x.entity, "participatedIn", c.entity, c.start, c.end, 0.5, "during")
    # "X fought alongside Y": X took part in the war the text is about
    conflict = next((x.entity for x in s.mentions if x.cls == "Conflict"), None) or s.recent_conflict
    if conflict:
        for m in re.finditer(r"\b(?:fought|fight|fights|fighting)\b", text, re.I):
            war = [x for x in prim if x.cls == "Conflict" and re.fullmatch(r"\s+", text[x.end:m.start()])]
            if war:  # "the Donbas war fought between A and B": a participle, its parties follow "between"
                for x in objects(s, m.end(), ACTOR, prep="between"):
                    s.add(x.entity, "participatedIn", war[0].entity, m.start(), m.end(), 0.5, "fought")
                continue
            if not any(x.cls == "Conflict" for x in s.mentions) and not re.match(
                    r"\s+(?:alongside|for|with|against|in|on behalf of|side by side|together)\b|\s*[,.;]", s.text[m.end():]):
                continue  # "fought two wars over Karabakh": a war of its own, not the one the text is about
            for x in subjects(s, m.start(), ACTOR):
                s.add(x.entity, "participatedIn", conflict, m.start(), m.end(), 0.5, "fought")
    # alliances: "alliance between X and Y", "form an alliance with X and Y", "X and other allies", "X-Y alliance"
    for m in re.finditer(r"\balliance\s+between\s+|\b(?:an?\s+)?(?:[\w-]+\s+){0,2}?alliance\s+with\s+|\ballied\s+with\s+|"
                         r"\ball(?:y|ies)\s+(?:of|with)\s+", text, re.I):
        objs = objects(s, m.end() - 1, POLITY, limit=10)
        if "between" in m.group(0).lower():
            for i, a in enumerate(objs):
                for b in objs[i + 1:]:
                    s.add(a.entity, "alliedWith", b.entity, m.start(), m.end(), 0.7, "alliance-between")
        else:
            for a in subjects(s, m.start(), POLITY):
                for o in objs:
                    s.add(a.entity, "alliedWith", o.entity, m.start(), m.end(), 0.7, "alliance-with")
    for m in re.finditer(r"\band other (?:\w+\s+)?allies\b", text, re.I):
        ally = [x for x in prim if x.end <= m.start() and m.start() - x.end <= 2 and x.cls in POLITY]
        if ally:
            for a in subjects(s, ally[0].start, POLITY):
                s.add(a.entity, "alliedWith", ally[0].entity, m.start(), m.end(), 0.65, "other-allies")
    for m in re.finditer(r"\b(?:our|its|their|other)\s+(?:[\w-]+\s+)?allies,?\s+(?:including|such as|like|notably|among them)\s+",
                         text, re.I):  # "the United States and its allies, including Japan": allies of the one named first
        lead = [x for x in prim if x.cls in POLITY and x.end <= m.start() and
                re.fullmatch(r"\s+(?:and|with|,)\s+", text[x.end:m.start()])]
        for a in lead[-1:]:
            for o in objects(s, m.end() - 1, POLITY, limit=3):
                s.add(a.entity, "alliedWith", o.entity, m.start(), m.end(), 0.6, "allies-including")
    for m in re.finditer(r"\b(?:established|establish|establishes|establishing|restored|normali[sz]ed)\s+(?:formal\s+|full\s+)?"
                         r"diplomatic\s+(?:relations|ties)\b", text, re.I):
        # "China and North Korea established diplomatic relations", "... diplomatic relations with X": each recognises
        # the other
        pair = subjects(s, m.start(), STATE)
        partner = re.match(r"\s+with\s+(?:the\s+)?", text[m.end():])
        if partner:
            pair += objects(s, m.end(), STATE, prep="with", limit=10)
        for a in pair:
            for b in pair:
                if a.entity != b.entity:
                    s.add(a.entity, "recognises", b.entity, m.start(), m.end(), 0.6, "diplomatic-relations")
    for m in re.finditer(r"\bcommitments?\s+to\s+(?:(?:the\s+)?(?:collective\s+|common\s+)?defen[cs]e\s+of|defend)\s+", text, re.I):
        # "The U.S. commitments to the defense of the ROK and Japan remain ironclad": an ally's pledge
        owner = [x for x in prim if x.cls in POLITY and x.end <= m.start() and
                 re.fullmatch(r"\.?(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}", text[x.end:m.start()])][-1:]
        for a in owner or subjects(s, m.start(), POLITY):
            for o in objects(s, m.end() - 1, POLITY, limit=5):
                if o.entity != a.entity:
                    s.add(a.entity, "alliedWith", o.entity, m.start(), m.end(), 0.6, "defence-commitment")
    for m in re.finditer(r"\b(?:cooperation|co-operation|collaboration|partnership|special relationship)\b", text, re.I):
        # "the deepening DPRK-Russia military cooperation": the hyphened pair before the noun and its modifiers
        lead = re.search(r"(?:(?:military|security|defen[cs]e|economic|strategic|technical|arms|bilateral|trilateral|"
                         r"comprehensive|diplomatic|close|closer)\s+(?:and\s+)?){0,3}$", text[:m.start()], re.I)
        states = [x for x in s.mentions if x.cls == "State" and not x.nested and x.end <= lead.start()]
        chain = states[-1:] if states and re.fullmatch(r"\s*", text[states[-1].end:lead.start()]) else []
        while chain and len(states) > len(chain) and re.fullmatch(r"\.?\s*[-‐‑–]\s*",
                                                                  text[states[-len(chain) - 1].end:chain[0].start]):
            chain.insert(0, states[-len(chain) - 1])
        if len(chain) >= 3:  # "U.S.-ROK-Japan trilateral cooperation": each pair of the chain
            for i, a in enumerate(chain):
                for b in chain[i + 1:]:
                    s.add(a.entity, "cooperatesWith", b.entity, chain[0].start, m.end(), 0.6, "x-y-cooperation")
            continue
        if len(states) >= 2 and (re.fullmatch(r"\.?\s*[-‐‑–]\s*", text[states[-2].end:states[-1].start]) and
                                 re.fullmatch(r"\s*", text[states[-1].end:lead.start()]) or
                                 # "Russia's and the DPRK's ongoing military cooperation"
                                 re.fullmatch(r"['’]s\s+and\s+(?:the\s+)?", text[states[-2].end:states[-1].start]) and
                                 re.fullmatch(r"['’]s\s+(?:(?:ongoing|growing|deepening|expanding|close|closer|increasing)\s+)?",
                                              text[states[-1].end:lead.start()])):
            s.add(states[-2].entity, "cooperatesWith", states[-1].entity, states[-2].start, m.end(), 0.6, "x-y-cooperation")
    for m in re.finditer(r"\b(?:alliances?|axis|bloc|(?:(?:military|naval|air|joint|combined|bilateral)\s+)?(?:exercises|drills))\b",
                         text, re.I):
        # "the Russia-Iran alliance", "the U.S.-Japan and U.S.-ROK alliances": each hyphened pair before the noun
        # ("coordinated U.S.-ROK and U.S.-Japan exercises": each pair exercised together)
        relation, rule = ("cooperatesWith", "x-y-exercises") if re.search(r"(?:exercises|drills)$", m.group(0), re.I) \
            else ("alliedWith", "x-y-alliance")
        states = [x for x in s.mentions if x.cls == "State" and x.end <= m.start()]
        end = m.start()
        while len(states) >= 2 and re.fullmatch(r"\.?\s*[-‐‑–]\s*", text[states[-2].end:states[-1].start]) and \
                re.fullmatch(r"\s*(?:(?:,|and|,\s*and)\s+)?", text[states[-1].end:end]) and states[-1].end <= end:
            s.add(states[-2].entity, relation, states[-1].entity, states[-2].start, m.end(), 0.7, rule)
            end = states[-2].start
            states = states[:-2]
            if not m.group(0).lower().endswith("s"):
                break
    # "Iran and Russia are strategic allies", "Russia is Belarus' largest partner"
    for m in re.finditer(r"\b(?:are|were|remain|remained|became|become|have been)\s+(?:also\s+)?(?:(?![a-z]+ing\b)[\w-]+\s+){0,3}?"
                         r"(?P<noun>allies|partners)\b", text, re.I):  # (not "are joining Allies": a verb, then the allies)
        relation = "alliedWith" if m.group("noun").lower() == "allies" else "cooperatesWith"
        if re.match(r"\s+(?:of|to|with)\s+(?:the\s+)?[A-Z]", text[m.end():]):
            continue  # "Japan and South Korea are allies of the United States": each of the third, not of each other
        pair = subjects(s, m.start(), POLITY)
        for i, a in enumerate(pair):
            for b in pair[i + 1:]:
                s.add(a.entity, relation, b.entity, m.start(), m.end(), 0.6, "allies-predicate")
    for m in re.finditer(r"\b(?:is|was|remains|became)\s+(?P<owner>)", text, re.I):
        owner = [x for x in prim if x.start >= m.end() and x.cls in POLITY][:1]
        if not owner:
            continue
        tail = re.match(r"(?:'s|’s|'|’)\s+(?:(?:[\w-]+|,)\s+){0,8}?(?P<noun>ally|partner|member)(?:s\b)?", text[owner[0].end:])
        if tail and tail.group("noun") == "member" and owner[0].cls not in ORGS:
            continue
        plural = tail and tail.group(0).endswith("s")
        if not tail or not re.fullmatch(r"\s*(?:also\s+)?(?:one\s+of\s+)?(?:the\s+)?" if plural else r"\s*(?:also\s+)?(?:the\s+)?",
                                        text[m.end():owner[0].start]):
            # ("China is one of the European Union's most important partners")
            continue
        relation = {"ally": "alliedWith", "partner": "cooperatesWith", "member": "memberOf"}[tail.group("noun")]
        for a in subjects(s, m.start(), POLITY):  # ("Sweden became NATO's 32nd member")
            s.add(a.entity, relation, owner[0].entity, m.start(), owner[0].end + tail.end(), 0.6, "allies-predicate")
    # "Russia's war against Ukraine", "North Korean troops killed in the war": who takes part in a conflict
    for c in prim:
        if c.cls != "Conflict":
            continue
        owner = [x for x in prim if x.cls in POLITY and re.fullmatch(r"(?:'s|’s|')\s+(?:the\s+)?", text[x.end:c.start]) or
                 (x.kind == "demonym" and c.kind == "description" and re.fullmatch(r"\s+", text[x.end:c.start]))]
        # "Russia's war of aggression against Ukraine": the side after it
        owner += [x for x in prim if x.cls in STATE and c.kind == "description" and
                  re.fullmatch(r"\s+(?:against|on|of)\s+(?:the\s+)?", text[c.end:x.start])]
        troops = re.search(r"(?:'s|’s)?\s+(?:troops|soldiers|forces|fighters)\s+(?:[\w-]+\s+){0,3}?(?:in|into|to)\s+(?:the\s+)?"
                           r"(?:[\w’' -]{2,40}?(?:'s|’s)\s+)?$",
                           text[:c.start], re.I)
        if troops:
            owner += [x for x in prim if x.cls in STATE and 0 <= troops.start() - x.end <= 1]
        # "On February 24, 2022, Russia launched a new undeclared war against Ukraine": who launched it
        launched = re.search(r"\b(?:" + WAR_START + r"|wag(?:ed|es|ing))\s+"
                             r"(?:(?:its|their|a|an|the)\s+)?(?:[\w-]+\s+){0,3}?$", text[:c.start], re.I)
        if launched:
            owner += [x for x in subjects(s, launched.start(), STATE) if x not in owner][:1]
        # "war of aggression against Ukraine", "the war against Ukraine": the side attacked takes part too
        owner += [x for x in s.mentions if x.nested and x.cls in STATE and c.start <= x.start and x.end <= c.end and
                  re.search(r"\b(?:against|on)\s+(?:the\s+)?$", text[c.start:x.start])]
        for x in owner:
            s.add(x.entity, "participatedIn", c.entity, x.start, c.end, 0.6, "conflict-party")
        # "Russia's full-scale invasion of Ukraine": the possessor invaded the state after "of"
        act = re.search(r"\b(?P<n>invasion|occupation|annexation)$", c.text, re.I) if c.kind == "description" else None
        doers = [x for x in owner if x.end <= c.start and x.cls in STATE]
        victims = [x for x in owner if x.start >= c.end and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[c.end:x.start])]
        if act and doers and victims:
            relation = "invaded" if act.group("n").lower() == "invasion" else "occupies"
            s.add(doers[-1].entity, relation, victims[0].entity, doers[-1].start, victims[0].end, 0.65, "conflict-name")
    # "The 50th G7 summit was held from 13 to 15 June 2024 in the city of Fasano in Apulia, Italy": where an
    # event took place, the chain of places, and the state that hosted it
    for m in re.finditer(r"\b(?:was|were|is|will be|to be)\s+(?:held|hosted|convened|organi[sz]ed)\b|\btook place\b|"
                         r",\s+held\b", text, re.I):
        events = [x for x in _args(s, _clause_start(s, m.start()), m.start(), EVENT - {"Conflict"}) if not x.nested][-1:] or \
            ([Mention(0, 0, "", s.recent_event, "Summit", "coreference", False, 0.5)] if s.recent_event and
             re.search(r"\b(?:it|the summit|the meeting)\s+$", text[:m.start()], re.I) else [])
        if not events:
            continue
        where = re.compile(r"\bin\s+(?:the\s+(?:city|town|resort|capital)\s+of\s+)?", re.I).search(text, m.end(), _clause_end(s, m.end()))
        if not where:
            continue
        chain = []
        for x in sorted(_args(s, where.end(), len(text), PLACE), key=lambda x: x.start):
            gap = text[(chain[-1].end if chain else where.end()):x.start]
            if x.nested or (chain and not re.fullmatch(r"\s*(?:,|in|,\s*in)\s*(?:the\s+)?", gap, re.I)) or len(gap) > 4 and not chain:
                break
            chain.append(x)
        if not chain:
            continue
        s.add(events[0].entity, "locatedIn", chain[0].entity, m.start(), chain[0].end, 0.65, "held-in")
        for a, b in zip(chain, chain[1:]):
            s.add(a.entity, "locatedIn", b.entity, a.start, b.end, 0.65, "held-in")
        states = [x for x in chain if x.cls == "State"]
        if states:
            s.add(states[0].entity, "hosts", events[0].entity, m.start(), states[0].end, 0.55, "held-in")
    # "Adopting resolution 2669 (2022) by a vote of ..., the 15-member organ demanded": adopted by the main clause's subject
    for m in re.finditer(r"\b(?:unanimously\s+)?adopting\s+", text, re.I):
        res = [x for x in prim if x.cls in RESOLUTION and x.start >= m.end() and
               re.fullmatch(r"(?:[Rr]esolution\s+)?", text[m.end():x.start])]
        if not res:
            continue
        # the main clause after the participle's own: the first comma a body follows (a tally in parentheses has
        # commas of its own; "under Article 41, Chapter VII of the Charter, the 15-nation Council decided")
        bodies = []
        for after in re.finditer(r",\s+(?:the\s+)?", text[res[0].end:]):
            at = (res[0].end + after.start(), res[0].end + after.end())
            if not _in_parens(text, at[0]):
                bodies = [x for x in prim if x.cls in ORGS and at[0] < x.start <= at[1]]
                if bodies:
                    break
        if not bodies:  # "Security Council Demands ..., Adopting Resolution 2216": the subject before
            bodies = [x for x in subjects(s, m.start(), ORGS)]
        for b in bodies[:1]:
            s.add(res[0].entity, "adoptedBy", b.entity, m.start(), res[0].end, 0.7, "adopting")
        # "Security Council Demands End to Violence in Myanmar, ..., Adopting Resolution 2669": whom the demand is about
        demand = re.search(r"\b(?:demand|condemn|urg|call(?:s|ed)? (?:on|for)|impos)\w*\s+", text[:m.start()], re.I)
        if demand:
            for x in prim:
                if x.cls == "State" and demand.end() <= x.start < m.start() and not _in_parens(text, x.start) and \
                        not re.search(r"\b(?:in|within|across|inside|throughout)\s+(?:the\s+)?[A-Za-z]+ern\s+$", text[:x.start]):
                    # ("Offensives by M23 in Eastern Democratic Republic of the Congo": where, not whom; "End to Violence
                    # in Myanmar" is about Myanmar)
                    s.add(res[0].entity, "targets", x.entity, m.start(), res[0].end, 0.5, "resolution-targets")
    # "following the unanimous adoption of UN Security Council resolution 2397", "Explanation of Vote at the Adoption of
    # Resolution 2356 on DPRK Sanctions": the Council adopted it; "on DPRK sanctions", "the U.S.-drafted resolution"
    for m in re.finditer(r"\b(?:unanimous\s+)?adoption\s+of\s+(?:the\s+)?", text, re.I):
        res = [x for x in prim if x.cls == "Resolution" and x.start >= m.end() and x.entity.startswith("unsc-resolution-")
               and re.fullmatch(r"(?:(?:UN|U\.N\.|United Nations)\s+)?(?:Security Council\s+)?(?:[Rr]esolution\s+)?",
                                text[m.end():x.start])]
        for r in res:
            s.add(r.entity, "adoptedBy", "unsc", m.start(), r.end, 0.6, "adopted-unsc")
    for r in prim:
        if r.cls in RESOLUTION:
            about = re.match(r"\s+(?:on|against)\s+(?:the\s+)?", text[r.end:])
            state = [x for x in prim if about and x.cls == "State" and x.start == r.end + about.end()]
            if state and re.match(r"(?:['’]s)?\s+(?:[\w-]+\s+)?sanctions\b", text[state[0].end:], re.I):
                s.add(r.entity, "sanctions", state[0].entity, r.start, state[0].end, 0.6, "resolution-on-sanctions")
            drafted = re.search(r"(?:['’]s)?[-‐‑–](?:drafted|sponsored|authored|led|proposed)\s+(?:(?:draft|new)\s+)?$", text[:r.start])
            drafter = [x for x in prim if drafted and x.cls == "State" and x.end == drafted.start()]
            for x in drafter:
                s.add(x.entity, "sponsors", r.entity, x.start, r.end, 0.6, "drafted-by")
    # "Far Eastern Bank, a Russian bank", "Air Koryo Trading Corporation, a DPRK entity", "Belaruskali, Belarus's main
    # potash producer": a firm's state, in apposition
    for a, b in zip(prim, prim[1:]):
        if (a.cls in ORGS and a.kind == "new" or a.cls in ("Organization", "MediaOrganization")) and b.cls == "State" and \
                re.fullmatch(r",\s+(?:an?\s+|the\s+)?(?:(?:state-owned|state-run|major|leading|private)\s+)?", text[a.end:b.start]) and \
                _FIRM.match(text, b.end):
            s.add(a.entity, "locatedIn", b.entity, a.start, b.end, 0.6, "firm-of")
    # "the United States and our G7 partners", "Japan and its NATO allies": the one named is a member too
    for m in re.finditer(r"\b(?:and|with)\s+(?:our|its|their|fellow)\s+", text):
        org = [x for x in prim if x.cls in ORGS and x.start == m.end() and
               re.match(r"\s+(?:partners|allies|members|colleagues|counterparts|member states)\b", text[x.end:])]
        member = [x for x in prim if x.cls in STATE and re.fullmatch(r"\s*", text[x.end:m.start()])]
        for o in org:
            for a in member:
                s.add(a.entity, "memberOf", o.entity, a.start, o.end, 0.6, "fellow-members")
    # "reaffirmed their commitment to stand with Ukraine", "stands united in support of Ukraine's sovereignty",
    # "welcomed the unanimous adoption of Resolution 2371": backing for a state, an agreement or a resolution
    for m in _BACKING.finditer(text):
        welcome = m.group(0).lower().startswith("welcom")
        objs = objects(s, m.end(), AGREEMENT | RESOLUTION if welcome else ACTOR, limit=40 if welcome else 5)
        owner = [x for x in prim if x.cls in POLITY and re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,2}", text[x.end:m.start()])]
        for a in owner[-1:] or subjects(s, m.start(), ACTOR):
            for o in objs:
                if o.entity != a.entity:
                    s.add(a.entity, "supports", o.entity, m.start(), m.end(), 0.55, "backing")
    # "the U.S.-designated DPRK national airline", "EU-sanctioned companies": sanctioned by that state or body
    for m in re.finditer(r"[-‐‑–](?:designated|sanctioned|blacklisted)\s+", text):
        who = [x for x in prim if x.cls in POLITY and x.end in (m.start(), m.start() - 1)]
        appositive = re.search(r",\s+the\s+\S*$", text[:m.start()])  # "Air Koryo, the U.S.-designated DPRK airline"
        whom = [x for x in prim if x.cls in ACTOR and appositive and x.end == appositive.start()] if appositive else \
            [x for x in prim if x.cls in ACTOR and x.start == m.end() and x.kind != "demonym"]
        if who and re.search(r"\b(?:an?|any|every)\s+$", text[:who[0].start], re.I):
            continue  # "support to a U.S.-designated Foreign Terrorist Organization": any one, none named
        for a in who:
            for o in whom:
                if o.entity != a.entity:
                    s.add(a.entity, "sanctions", o.entity, a.start, o.end, 0.6, "designated-by")
    # "UN Security Council Resolution 2118", "UNSC resolutions 1718 and 2270": a resolution named as the Council's
    for m in re.finditer(r"\b(?:UN\s+|U\.N\.\s+|United Nations\s+)?(?:Security Council|UNSC)(?:['’]s)?\s+(?:[Rr]esolutions?|RES)\s+"
                         r"(?:\(UNSCRs?\)\s+)?",
                         text):
        first = [x for x in prim if x.cls == "Resolution" and x.start in (m.end(), m.end() - 1) or
                 x.cls == "Resolution" and x.start <= m.start() and m.end() <= x.end]
        if first and first[0].entity.startswith("unsc-resolution-"):
            for r in _coordinated(s, first[0], [x for x in prim if x.cls == "Resolution"], leftwards=False):
                if r.entity.startswith("unsc-resolution-"):
                    s.add(r.entity, "adoptedBy", "unsc", m.start(), r.end, 0.55, "council-resolution")
    # "Resolution 2774 was adopted on 24 February 2025": a numbered Security Council resolution is the Council's
    for m in re.finditer(r"\b(?:was|were|been)\s+(?:unanimously\s+)?(?:adopted|passed|approved)\b(?!\s+by\b)", text, re.I):
        res = [x for x in prim if x.cls == "Resolution" and x.end <= m.start() and x.entity.startswith("unsc-resolution-")][-1:]
        if res and re.fullmatch(r"[\s\w,()]*", text[res[0].end:m.start()]) and len(text[res[0].end:m.start()]) < 40:
            s.add(res[0].entity, "adoptedBy", "unsc", m.start(), m.end(), 0.6, "adopted-unsc")
    # "Tabled by France and the United Kingdom, the draft ...": a fronted passive participle
    for m in re.finditer(r"(?:^|[.;]\s*)(?P<verb>Tabled|Submitted|Presented|Sponsored|Drafted|Introduced|Proposed|Put forward)\s+by\s+",
                         text):
        agents = objects(s, m.end() - 1, POLITY | PERSON, limit=3)
        comma = text.find(",", agents[-1].end if agents else m.end())
        after = [x for x in prim if x.cls in RESOLUTION and comma >= 0 and x.start >= comma and x.start - comma <= 6]
        if not after and comma >= 0 and re.match(r",\s+it\b", text[comma:]) and s.recent_resolution:
            after = [Mention(comma, comma, "", s.recent_resolution, "DraftResolution", "coreference", False, 0.5)]
        for a in agents:
            for r in after[:1]:
                s.add(a.entity, "sponsors", r.entity, m.start("verb"), m.end(), 0.7, "fronted-passive")
    # "the Russian invasion of Ukraine" as the name of a war: who invaded whom
    for c in prim:
        if c.cls != "Conflict":
            continue
        inner = [x for x in s.mentions if x.nested and x.cls == "State" and c.start <= x.start and x.end <= c.end]
        nominal = re.search(r"\b(?P<n>invasion|occupation|annexation) of\b", c.text, re.I)
        if nominal and len(inner) >= 2 and inner[0].start - c.start < nominal.start() and inner[-1].start - c.start > nominal.end():
            relation = "invaded" if nominal.group("n").lower() == "invasion" else "occupies"
            s.add(inner[0].entity, relation, inner[-1].entity, c.start, c.end, 0.65, "conflict-name")
    # "an alliance consisting of A, B and C", "the accession of Finland to NATO": members
    for m in re.finditer(r"\b(?:consisting of|comprising|composed of|made up of|(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:grouping|group|coalition|bloc)\s+of)\s+(?:the\s+)?"
                         r"(?:(?:(?:\w+|[\w-]+-\w+)\s+){0,3}?(?:member\s+)?(?:states|countries|nations|members|governments)"
                         r"\s*:?\s+(?:the\s+)?)?", text, re.I):  # "consisting of six post-Soviet states: A, B, ..."
        orgs = [x for x in prim if x.cls in ORGS and x.end <= m.start() and not _in_parens(text, x.start)][:1]
        for o in orgs:
            for x in objects(s, m.end() - 1, POLITY, limit=3):  # (states and organisations: "Ukraine, Russia and the OSCE")
                s.add(x.entity, "memberOf", o.entity, m.start(), m.end(), 0.6, "consisting-of")
    _agreement_between(s)
    for m in re.finditer(r"\baccession of\s+(?:the\s+)?|(?:'s|’s)\s+accession\b", text, re.I):
        if m.group(0).lower().startswith("accession"):
            joiners = objects(s, m.end() - 1, POLITY, limit=3)
        else:  # "Finland's accession to NATO"
            joiners = [x for x in prim if x.end == m.start() and x.cls in POLITY]
        head_end = m.end() if joiners and joiners[-1].end == m.start() else joiners[-1].end if joiners else 0
        to = re.match(r"\s+to\s+(?:the\s+)?", text[head_end:]) if joiners else None
        if to:
            target = [x for x in prim if x.start == head_end + to.end()]
            for t in target:
                relation = "memberOf" if t.cls in ORGS else "partyTo" if t.cls in AGREEMENT else None
                for j in joiners:
                    if relation:
                        s.add(j.entity, relation, t.entity, m.start(), t.end, 0.6, "accession")
    # mutual defence: the two states of the sentence
    for m in re.finditer(r"\bmutual[- ](?:defen[cs]e|security|assistance|aid)\b|\bdefen[cs]e (?:pact|alliance|treaty)\b|"
                         r"\bcollective defen[cs]e\b|\bsecurity guarantees? (?:to|for)\b|"
                         r"\b(?:defend|protect|assist|aid|help)\s+(?:one another|each other)\b|\bcome to (?:each other's|the other's) aid\b|"
                         r"\b(?:military\s+)?(?:assistance|aid|help)\s+to\s+the\s+other(?:\s+(?:party|side|country))?\b",
                         text, re.I):
        # ("the Mutual Defense Treaty between the Philippines and the United States": the treaty named is the pledge,
        # and the only agreement its parties are party to in this sentence)
        named = [t for t in s.mentions if t.cls in AGREEMENT and t.start <= m.start() and m.end() <= t.end]
        states = []
        for x in s.mentions:
            if x.cls != "State" or x.entity in states:
                continue
            outer = next((o for o in prim if o.start <= x.start and x.end <= o.end and o is not x), None)
            if outer is not None and outer.cls in EVENT | frozenset({"Place"}):
                continue
            states.append(x.entity)
        if re.search(r"other", m.group(0)):  # "X and Y pledged to defend each other"
            pair = [x.entity for x in subjects(s, m.start(), STATE)]
            if len(pair) >= 2:
                states = pair[:2]
        if not states and len(s.previous_states) == 2 and re.search(r"\b(?:each|either|both)\s+(?:party|parties|side|sides)\b",
                                                                    text, re.I):
            states = list(s.previous_states)  # "Under the treaty, each party must provide military aid to the other"
        if len(states) == 2:
            s.add(states[0], "mutualDefenceWith", states[1], m.start(), m.end(), 0.65, "mutual-defence")
            for t in named or [t for t in s.mentions if t.cls in AGREEMENT and not t.nested]:
                for x in states:
                    s.add(x, "partyTo", t.entity, m.start(), m.end(), 0.5, "mutual-defence-treaty")
    # joint exercises: "Belarus and Russia held joint military exercises"
    for m in re.finditer(r"\b(?:held|hold|holds|holding|conduct\w*|stag\w*|carr\w* out|launch\w*|began|begin|start\w*)\s+"
                         r"(?:(?:large-scale|naval|air|military|joint|annual|new)\s+){0,3}?joint\s+(?:\w+\s+)?"
                         r"(?:exercises?|drills?|patrols?|manoeuvres|maneuvers|war games)\b", text, re.I):
        pair = subjects(s, m.start(), POLITY)
        partner = re.match(r"\s+with\s+(?:the\s+)?", text[m.end():])
        if partner:
            pair += [x for x in s.mentions if x.start == m.end() + partner.end() and x.cls in POLITY]
        for i, a in enumerate(pair):
            for b in pair[i + 1:]:
                s.add(a.entity, "cooperatesWith", b.entity, m.start(), m.end(), 0.6, "joint-exercises")
    # cooperation: "X's (growing) collaboration with Y", "strengthening the relationship with Y"
    # two to four states that strengthen their cooperation cooperate pairwise: "X, Y and Z reaffirm their intention to
    # further strengthen diplomatic and security cooperation"
    for m in re.finditer(r"\b(?:strengthen|deepen|enhance|expand|bolster|advance|accelerate|intensify)\w*\s+(?:(?:their|our|the)\s+)?"
                         r"(?:[\w-]+\s+(?:and\s+)?){0,3}?(?:cooperation|partnership|coordination)\b(?!\s+(?:with|between|among)\b)",
                         text, re.I):
        group = [x for x in subjects(s, m.start(), STATE) if x.cls == "State"]
        if len(group) > 4:
            continue  # (ten signatories "strengthening cooperation" name a coalition's aim, not each pair's partnership)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                s.add(a.entity, "cooperatesWith", b.entity, m.start(), m.end(), 0.55, "cooperation-among")
    for m in re.finditer(r"\b(?:cooperat\w*|co-operat\w*|collaborat\w*|partnership|ties|relationships?|relations|"
                         r"coordinat\w*|work(?:s|ed|ing)? (?:closely )?)\s+(?:with|between|among)\s+", text, re.I):
        word = m.group(0).split()[0].lower()
        if any(x.start <= m.start() < x.end and not x.nested and x.kind != "description" for x in s.mentions) or \
                (m.group(0)[:1].isupper() and m.start() > 0 and re.search(r"\b(?:[A-Z][\w-]*\s+)(?:and\s+)?$", text[:m.start()])):
            continue  # "Treaty on ... Partnership with North Korea", "Friendly Cooperation Between": part of a name
        if word.startswith(("ties", "relation")) and not _POSITIVE.search(text[max(0, m.start() - 60):m.start()]) and \
                not re.search(r"\b(?:grown|grew|grow|become|became|been)\s+(?:much\s+|even\s+)?(?:closer|stronger|warmer|deeper)\b|"
                              r"\b(?:strengthened|deepened|improved|warmed|expanded)\b", _clause_rest(s, m.end()), re.I):
            continue  # ("relations between A and B have grown closer": positive after the pair)
        if m.group(0).strip().lower().endswith(("between", "among")):
            objs = objects(s, m.end() - 1, POLITY, limit=5)
            for i, a in enumerate(objs):
                for b in objs[i + 1:]:
                    s.add(a.entity, "cooperatesWith", b.entity, m.start(), m.end(), 0.55, "cooperation-between")
            continue
        objs = objects(s, m.end() - 1, POLITY, limit=5)
        # "North Korea’s increasing military cooperation with Russia": the possessor, not the sentence's subject
        for a in _adjacent(s, m.start(), POLITY) or subjects(s, m.start(), POLITY):
            for o in objs:
                s.add(a.entity, "cooperatesWith", o.entity, m.start(), m.end(), 0.6, "cooperation")
    # "The General Assembly adopted a resolution": adopted by its subject
    for m in re.finditer(r"\b(?:adopted|adopts|adopt|passed|passes|approved|approves)\b", text, re.I):
        if re.match(r"\s+by\b", text[m.end():]) or re.search(
                r"\b(?:fail(?:s|ed|ing|ure)?\s+(?:\w+\s+)?to|not|never|refused\s+to|unable\s+to)\s+$", text[:m.start()], re.I):
            continue  # "failed to adopt a draft": not adopted
        bodies = [x for x in subjects(s, m.start(), ORGS) if x.cls in {"InternationalOrganization", "GovernmentBody"}]
        acts = [x for x in objects(s, m.end(), RESOLUTION | AGREEMENT) if x.cls in RESOLUTION or
                re.match(r"(?:Council\s+)?(?:Implementing\s+)?(?:Decision|Regulation)\b|.*\b(?:Declaration|Communiqu[eé])\b", x.text)]
        for r in acts:  # ("the Council adopted Council Decision (CFSP) 2023/1532", "the summit adopted the Kazan Declaration")
            for b in bodies:
                s.add(r.entity, "adoptedBy", b.entity, m.start(), m.end(), 0.7, "adopted")
            # "... Decision (CFSP) 2023/1532 concerning restrictive measures in view of Iran's support": whom it sanctions
            about = re.match(r"\s+(?:concerning|on|imposing)\s+(?:new\s+)?restrictive measures\s+(?:against|in view of|in respect of|"
                             r"on)\s+(?:the\s+)?", text[r.end:])
            if about and r.cls in AGREEMENT:
                for x in [y for y in prim if y.start == r.end + about.end() and y.cls in POLITY]:
                    s.add(r.entity, "sanctions", x.entity, r.start, x.end, 0.6, "act-measures")
    # resolutions: adopted by the body their name gives, sanctions "against X", what a draft targets
    for r in prim:
        if r.cls not in RESOLUTION:
            continue
        inner = [x for x in s.mentions if x.nested and r.start <= x.start and x.end <= r.end]
        if r.cls == "Resolution" and r.kind != "description" and not re.search(r"resolutions\b|UNSCRs", r.text):
            for x in inner:
                if x.cls == "InternationalOrganization" and re.search(r"\b(?:council|assembly)\b", x.text, re.I):
                    s.add(r.entity, "adoptedBy", x.entity, r.start, r.end, 0.6, "resolution-of")
        if re.search(r"sanction", r.text, re.I):
            for x in inner:
                if x.cls in POLITY - ORGS and re.search(r"\b(?:against|on)\s+$", text[r.start:x.start], re.I):
                    s.add(r.entity, "sanctions", x.entity, r.start, r.end, 0.6, "sanction-resolution")
            tail = re.match(r"\s+(?:against|on)\s+", text[r.end:])
            if tail:
                for x in objects(s, r.end, POLITY - ORGS, limit=tail.end() + 2):
                    s.add(r.entity, "sanctions", x.entity, r.start, r.end, 0.6, "sanctions-against")
                    for org in [y for y in inner if y.cls == "InternationalOrganization"]:
                        s.add(org.entity, "sanctions", x.entity, r.start, r.end, 0.5, "sanctions-against")
        # "a draft resolution aimed at extending arms-related restrictions on Iran", "that would have continued
        # sanctions relief for Iran": what the text is about is the state its measures fall on
        measures = re.match(r"\s*,?\s*(?:aimed at|that would have|which would have|to)\s+[a-z]+(?:ing)?\s+(?:the\s+)?"
                            r"(?:[\w-]+\s+){0,3}?(?:restrictions|sanctions|embargo|measures|sanctions relief)\s+(?:on|against|for)\s+"
                            r"(?:the\s+)?", text[r.end:], re.I)
        if measures and r.cls in RESOLUTION:
            for x in prim:
                if x.start == r.end + measures.end() and x.cls in POLITY:
                    s.add(r.entity, "targets", x.entity, r.start, x.end, 0.55, "resolution-targets")
        demand = re.match(r"\s*,?\s*(?:demanding|calling (?:on|for)|urging|condemning|targeting)\s+(?:that\s+)?(?:the\s+)?",
                          text[r.end:], re.I)
        if demand:
            for x in s.mentions:
                if x.cls in POLITY and x.start == r.end + demand.end() and not x.nested:
                    s.add(r.entity, "targets", x.entity, r.start, x.end, 0.55, "resolution-targets")
        # "Adopting resolution 2216 ..., the Council demanded that the Houthis withdraw": what it demands
        if r.cls == "Resolution" and re.search(r"\badopting\s+(?:[Rr]esolution\s+)?$", text[:r.start], re.I):
            for d in re.finditer(r"\b(?:demand\w*|urg\w*|call\w* (?:on|upon)|requir\w*)\s+(?:that\s+)?(?:all\s+\w+,?\s+)?"
                                 r"(?:(?:in particular|including|especially)\s+)?(?:the\s+)?", text[r.end:], re.I):
                at = r.end + d.end()
                for x in prim:
                    if x.start == at and x.cls in POLITY:
                        s.add(r.entity, "targets", x.entity, r.start, x.end, 0.55, "resolution-targets")
        rel = re.match(r"\s*,?\s*(?:that|which)\b(?P<clause>[^,;:]*)", text[r.end:])
        if rel and not re.search(r"\b(?:would|will|could|demand\w*|call\w* (?:on|for)|urg\w*|target\w*|mandat\w*|requir\w*)\b",
                                 rel.group("clause"), re.I):
            rel = None
        if rel and not re.search(r"\b(?:condemn\w*|sanctioned|impos\w+ sanctions|veto\w*)\b", rel.group("clause"), re.I):
            clause_end = r.end + rel.end()
            # the first state the clause is about, and those listed with it (not "civilian protection in Ukraine":
            # a place)
            named = [x for x in s.mentions if x.cls == "State" and not x.nested and r.end < x.start < clause_end and
                     not re.search(r"\b(?:in|within|across|inside|throughout|from|by|with)\s+(?:the\s+)?(?:[a-z]+ern\s+)?$",
                                   text[:x.start], re.I)]
            for x in _coordinated(s, named[0], named, leftwards=False) if named else []:
                s.add(r.entity, "targets", x.entity, r.start, r.end, 0.5, "resolution-targets")
