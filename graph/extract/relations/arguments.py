"""The arguments of a trigger: its subjects and objects, lists joined by "and", modifiers, appositions,
antecedents and coreferent groups ("the two leaders", "these countries"), shared by all families of rules."""

from __future__ import annotations

import re

from ..mentions import Mention
from .lexicon import AGREEMENT, EVENT, ORGS, PERSON, RESOLUTION, STATE
from .sentence import (_BOUNDARY, _PREPOSITIONS, _Sentence, _clause_end, _clause_start, _in_parens, _prep_pattern,
                       _word_before)


_TITLE_WORDS = r"(?:the|a|an|his|her|its|their|then|former|current|new|acting|interim|deputy|vice|first|senior|" \
               r"president|prime minister|premier|leader|supreme leader|chancellor|king|queen|minister|foreign|" \
               r"defen[cs]e|secretary|general|chairman|chairwoman|chair|head|chief|spokesperson|spokesman|" \
               r"spokeswoman|ambassador|envoy|official|dr\.?|mr\.?|ms\.?|mrs\.?|prof\.?|dictator)"


_CONJ_GAP = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&|as well as|plus|,?\s*together with|,?\s*along with)"
                       r"(?:\s+(?:possibly|probably|perhaps|also|later|then|reportedly|eventually))?"  # "A and possibly B"
                       r"(?:\s+(?:by|to|with|from|against|on))?\s*$", re.I)
_DATE_PHRASE = re.compile(r"\b(?:on|in)\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December)?\s*(?:\d{1,2},\s+)?\d{4}\b")
_PRONOUN = re.compile(r"\b(?:they|it|its|their|the country|the government|the regime|both countries|both sides|"
                      r"the state|the country's|the government's)\b", re.I)
_PLURAL = re.compile(r"\b(?:both(?:\s+(?:countries|nations|states|sides|governments))?|the two (?:countries|nations|states|sides|"
                     r"governments))\b", re.I)
#: A set of states named before: "the same countries", "these nations", "the five states", "the leaders of these
#: nations" (their number, when given, must be the list's).
_THESE_STATES = re.compile(r"\b(?:the same|these|those|the (?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)|"
                           r"all (?:the )?(?P<m>three|four|five|six|seven|eight|nine|ten|\d+))\s+"
                           r"(?:countries|nations|states|governments|member states|founding members)\b", re.I)
_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
#: The people named before, as a group: "the three defense leaders", "the Secretary and two Ministers".
_GROUP_OF_PEOPLE = re.compile(
    r"\b(?:the|all)\s+(?P<n>two|three|four|five|six|seven)\s+(?:[a-z-]+\s+)?(?:leaders|ministers|presidents|"
    r"secretaries|officials|counterparts|heads of state|chiefs)\b|"
    r"^\W*(?:[A-Z]\w+,\s+)?[Tt]he\s+(?:(?:foreign|defen[cs]e)\s+)?(?:leaders|ministers|secretaries)\b|"  # "The ministers condemned"
    r"\bthe\s+(?:Secretary|President|Minister|Prime Minister)\s+and\s+(?:the\s+)?(?P<m>two|three|four)\s+"
    r"(?:Ministers|Secretaries|Presidents|leaders|ministers)\b", re.I)
_WE = re.compile(r"\b(?:we|our (?:(?:two|three|four|\w+) )?(?:countries|governments|nations|leaders)|each of our governments)\b",
                 re.I)


#: A title with its portfolio: "Minister of National Defense", "Secretary of State for Defence".
_PORTFOLIO = re.compile(r"(?:\bthe\s+)?\b(?:Minister|Secretary|Director|Chief|Head|Commissioner)\s+(?:of|for)\s+(?:the\s+)?"
                        r"(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?(?:\s+for\s+[A-Z][a-z]+)?"
                        r"(?:\s+of(?:\s+the)?(?=\s*(?:,|$|\s)))?")  # ("the Minister for Foreign Affairs of [Japan]")


def _gap_clean(s: _Sentence, a: int, b: int) -> str:
    """The text between two positions without modifier mentions, parentheses and titles."""
    gap = s.text[a:b]
    for m in s.mentions:
        if a <= m.start and m.end <= b:
            dotted = re.search(r"(?:^|\.)[A-Z]$", m.text) and s.text[m.end:m.end + 1] == "."  # "U.S." named as "U.S"
            gap = gap.replace(m.text + "." if dotted else m.text, " ")
    gap = re.sub(r"\([^)]*\)", " ", gap)
    gap = re.sub(r"\b(?:the\s+)?[Gg]overnments?\s+of\s+(?:the\s+)?", " ", gap)  # "A, the Government of B and ..."
    gap = _DATE_PHRASE.sub(" ", gap)  # "ratified by A on 26 December 2001, B on 16 January 2002"
    # a title in apposition ("A, President of the X, and B" -> "A, , and B"): one list comma
    gap = re.sub(r",\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3}(?:of|for)\s+(?:the\s+)?\s*(?=,)", ", ", gap)
    gap = re.sub(r"(?:\s*,\s*){2,}", ", ", gap)
    gap = _PORTFOLIO.sub(" ", gap)  # "..., and Minister of National Defense Shin": a title, then the next name
    gap = re.sub(r"\b" + _TITLE_WORDS + r"\b", " ", gap, flags=re.I)
    return gap


def _is_modifier(s: _Sentence, m: Mention) -> bool:
    """A demonym or state right before a person or organisation name ("Russian President Vladimir Putin")."""
    if m.nested:
        return False
    for other in s.mentions:
        if other.start >= m.end and not other.nested and other is not m:
            if other.entity == m.entity and re.fullmatch(r"\s*\(", s.text[m.end:other.start]):
                continue  # "United States (U.S.) Secretary of Defense ...": its acronym, then the title
            gap = s.text[m.end:other.start]
            if re.search(r"(?:^|\.)[A-Z]$", m.text) and gap.startswith("."):
                gap = gap[1:]  # "U.S. President Joe Biden": the abbreviation's last stop
            gap = gap[1:] if gap.startswith(")") and _in_parens(s.text, m.start) else re.sub(r"^\s*\([^)]*\)", "", gap)
            gap = _PORTFOLIO.sub(" ", gap)
            if len(gap) <= 40 and other.cls in PERSON | ORGS and re.fullmatch(r"(?:'s|’s)?\s*(?:" + _TITLE_WORDS + r"\s*)*\s*", gap, re.I):
                return other.cls in PERSON or m.kind == "demonym"
            break
    return False


#: The title after a state or body in an apposition: "X, Russia's foreign minister,", "X, the German Chancellor,".
_APPOSITION_TITLE = re.compile(
    r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:president|prime minister|premier|leader|chancellor|king|queen|minister|secretary|"
    r"secretary[- ]general|general|chair(?:man|woman|person)?|head|chief|spokes(?:person|man|woman)|ambassador|envoy|official|"
    r"director|representative|commander|advis[eo]r|delegate|negotiator)\b", re.I)


def _apposition_owner(s: _Sentence, m: Mention) -> bool:
    """A state or body in a title set after a person's name, "Mark Rutte, NATO's secretary general,"
    or "Olaf Scholz, the German Chancellor,": it qualifies the person and is no argument itself."""
    head = s.text[max(0, m.start - 6):m.start].rstrip()
    if not (head.endswith(",") or head.endswith(", the")):
        return False  # (the cheap test first: this runs for every argument considered)
    return any(p.cls in PERSON and not p.nested and re.fullmatch(r",\s*(?:the\s+)?", s.text[p.end:m.start])
               for p in s.mentions if p.end <= m.start) and \
        bool(_APPOSITION_TITLE.match(s.text, m.end))


def _qualifies(s: _Sentence, m: Mention, classes: frozenset) -> bool:
    if m.cls not in classes:
        return False
    if m.cls not in PERSON and _apposition_owner(s, m):
        return False
    if m.nested:
        outer = next((o for o in s.mentions if not o.nested and o.start <= m.start and m.end <= o.end), None)
        if outer is not None and (outer.cls in classes or outer.cls in EVENT):
            return False  # "Vietnam" in "Vietnam War" is not an actor
    return True


def _args(s: _Sentence, lo: int, hi: int, classes: frozenset) -> list[Mention]:
    return [m for m in s.mentions if lo <= m.start and m.end <= hi and _qualifies(s, m, classes)]


def _coordinated(s: _Sentence, head: Mention, pool: list[Mention], leftwards: bool) -> list[Mention]:
    """``head`` and the mentions of ``pool`` joined to it by "and", "or" or commas ("X, Y and Z";
    a comma alone, with no "and" in the chain, is an apposition, not a list)."""
    group = [head]
    joints: list[bool] = []  # whether each link was a real conjunction
    ordered = sorted(pool, key=lambda m: m.start, reverse=leftwards)
    current = head
    edge = head.end  # (rightwards: where the current member's phrase ends, past "in Lebanon" after "Hezbollah")
    for m in ordered:
        if m is current or any(m is g for g in group):
            continue
        if leftwards and m.end <= current.start:
            gap = _gap_clean(s, m.end, current.start)
        elif not leftwards and m.start >= edge:
            gap = _gap_clean(s, edge, m.start)
            if m.cls in ("State", "Place") and head.cls not in ("State", "Place") and re.fullmatch(r"\s+in\s+(?:the\s+)?", gap):
                edge = m.end  # "to Hezbollah in Lebanon and the Houthis in Yemen": where each is, not a member
                continue
        else:
            continue
        left, right = (m, current) if leftwards else (current, m)
        if _person_of_state(s, left, right) and (joints or not leftwards):
            joints.append(False)  # "Prime Minister A of Australia, ...": the state goes with its leader
            group.append(m)
            current = m
            edge = m.end
            continue
        if not _CONJ_GAP.match(gap):
            break
        if _family(m) != _family(head):
            break  # "condemned the agreement, and Japan said ...": a treaty and a state are no list
        if not leftwards and "," in gap and re.match(r"\s+(?:said|says|has|have|had|was|were|is|are|will|would|also|did|does)\b",
                                                  s.text[m.end:]):
            break  # ", and Japan said": a new clause, not one more object
        if not leftwards and current.cls == "State" and re.match(r"['’]s?\s+(?:[a-z-]+\s+){0,2}(?:involvement|role|support|"
                                                                 r"participation|deployment|supply|supplies|transfers?|aid)\b",
                                                                 s.text[m.end:]):
            break  # "Russia's invasion of Ukraine and North Korea's involvement": the owner of a new phrase
        if leftwards and not joints and not re.search(r"\b(?:and|or|with|plus|as well as)\b|&", gap, re.I):
            break
        joints.append(bool(re.search(r"\b(?:and|or|with|plus|as well as)\b|&", gap, re.I)))
        group.append(m)
        current = m
        edge = m.end
    if not leftwards:
        while joints and not any(joints):
            joints.pop()
            group.pop()
        while joints and not joints[-1]:
            joints.pop()
            group.pop()
    if len(group) > 1 and any(_person_of_state(s, a, b) for a in group for b in group):
        # a list of "<leader> of <state>": the last leader's state too ("..., and President D, Jr. of the United States")
        last = max(group, key=lambda g: g.start) if leftwards else group[-1]
        tail = [x for x in pool if x.start >= last.end and _person_of_state(s, last, x)]
        group += [x for x in tail[:1] if not any(x is g for g in group)]
    return group


_OF_STATE = re.compile(r"(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?,?\s+of\s+(?:the\s+)?")


def _person_of_state(s: _Sentence, person: Mention, state: Mention) -> bool:
    """ "Prime Minister A of Australia", "President B, Jr. of the United States": a person named with
    the state they lead or represent, one item of a list."""
    return person.cls in PERSON and state.cls == "State" and person.end <= state.start and \
        bool(_OF_STATE.fullmatch(s.text[person.end:state.start]))


def _family(m: Mention) -> str:
    """What kind of thing a mention is, for lists: agreements, resolutions, events, places or actors."""
    for name, group in (("agreement", AGREEMENT), ("resolution", RESOLUTION), ("event", EVENT)):
        if m.cls in group:
            return name
    return "place" if m.cls == "Place" else "actor"


#: Two people named just before: "the two leaders", "both ministers", "The two met ...".
_TWO_PEOPLE = re.compile(r"\b(?:the two|both)\s+(?:leaders|ministers|presidents|secretaries|officials|men|women|counterparts|"
                         r"diplomats|envoys|heads of state)\b|\bthe two\b(?=\s+(?:met|discussed|agreed|spoke|reaffirmed|"
                         r"underscored|emphasi[sz]ed|expressed|also|have|had|will|would|held)\b)", re.I)
#: "the representative of X", "the delegate of X": X speaking through its envoy (UN meetings coverage).
_DELEGATE_OF = re.compile(r"\W*(?:(?:Speaking|Addressing|Explaining|Introducing|Responding|Commenting|Taking the floor|In|At|"
                          r"After|Before|During|Following|Also|However|Meanwhile)\b[^,;]{0,60},\s*)?(?:[\w-]+\s+){0,3}?(?:the\s+)?(?:representatives?|delegates?|delegations?|ambassadors?|envoys?|"
                          r"permanent representatives?)\s+of\s+(?:the\s+)?", re.I)  # (the clause opens with it)


#: A second verb of the sentence's subject: "... and condemn", "... and strongly condemn".
_AND_VERB = re.compile(r"\band\s+(?:(?:also|further|strongly|firmly|jointly|resolutely|again|unequivocally)\s+)?$", re.I)
#: The manner of a sentence's own act, whose subject is its subject ("We support Ukraine in cooperation with the G7
#: ..., including by further expanding sanctions against Russia"): "we", not the object before.
_MANNER = re.compile(r"\bby\s+(?:(?:further|also|\w+ly)\s+)?$|\bin\s+(?:close\s+)?$", re.I)
_WE_OPENS = re.compile(r"\W*(?:(?:Today|Together|Again|Moreover|Furthermore|Finally|Additionally|In addition),?\s+)?[Ww]e\s")
#: "we" right before the trigger, after a comma, with at most two auxiliaries or adverbs between.
_WE_HERE = re.compile(r",\s+we\s+(?:(?:\w+ly|also|all|both|will|would|must|should|can|could|shall|do|did|have|had|are|were|"
                      r"continue\s+to)\s+){0,2}$")
#: A second verb phrase after ", and," shares the sentence's subject: "The United States is concerned by the
#: partnership between Iran and Russia, and, along with European allies, is imposing sanctions on Iran".
_SHARED_SUBJECT = re.compile(r",\s+and\s*,?\s+(?:[^,]{0,40},\s+)?(?:is|are|was|were|has|have|had|will|also)\s+"
                             r"(?:[\w-]+\s+){0,3}$", re.I)


#: States named by the body they belong to ("UN Member States"): they, not the body.
_MEMBERS_OF = re.compile(r"\s+[Mm]ember\s+(?:[Ss]tates|[Cc]ountries|[Nn]ations)\b")


def _we(s: _Sentence, at: int = 0) -> list[Mention]:
    """The states "we" stands for in this sentence (the speakers), as mentions at ``at``."""
    return [Mention(at, at, "", e, "State", "coreference", False, 0.6) for e in s.speakers]


def subjects(s: _Sentence, trigger: int, classes: frozenset) -> list[Mention]:
    """The subject(s) of a trigger at ``trigger``: see the module docstring."""
    manner = _MANNER.search(s.text[:trigger]) and re.match(r"\w+ing\b|cooperation\b", s.text[trigger:], re.I)
    if s.speakers and "State" in classes and (_AND_VERB.search(s.text[:trigger]) or manner) and _WE_OPENS.match(s.text):
        # "We are gravely concerned by the DPRK-Russia cooperation ... and condemn Russia's veto": the sentence's "we"
        return _we(s)
    if s.speakers and _WE_HERE.search(s.text, 0, trigger) and not re.search(r"\bon behalf of\b", s.text[:trigger], re.I):
        # "As President Biden told President Duda last night, we stand with Poland": "we" acts, not a name before it
        # (but "on behalf of A, B and C, we condemn": they are "we")
        return _we(s) if "State" in classes else []
    shared = _SHARED_SUBJECT.search(s.text[:trigger])
    if shared:
        opening = [m for m in _args(s, 0, shared.start(), classes) if not _is_modifier(s, m)][:1]
        if opening and not re.search(r"[,;:]|\b(?:by|of|to|with|from|between|and)\b", s.text[:opening[0].start], re.I):
            return _coordinated(s, opening[0], _args(s, 0, shared.start(), classes), leftwards=False)
    lo = _clause_start(s, trigger)
    pool = [m for m in _args(s, lo, trigger, classes) if not _in_parens(s.text, m.start) and not _is_modifier(s, m)
            and not _MEMBERS_OF.match(s.text, m.end)  # "All G7 member states", "over 140 UN Member States condemned"
            # ("multiple Security Council resolutions on the DPRK, procurement of drones ... in violation of": a modifier)
            and not (m.cls in ORGS and re.match(r"\s+(?:[Rr]esolutions|RESOLUTIONS)\b", s.text[m.end:]))
            # ("the United Nations Secretary-General condemned": the office holder, unnamed, not the organisation)
            and not (m.cls in ORGS and re.match(r"['’]?s?\s+(?:(?:Deputy|Under|Assistant)[- ])?(?:Secretary[- ]General|Special\s+"
                                                r"(?:Envoy|Representative|Rapporteur|Coordinator)|High\s+(?:Representative|"
                                                r"Commissioner)|[Ss]pokes(?:person|man|woman))\b(?!\s+(?:of|for)\b)",
                                                s.text[m.end:]))
            # ("join 12 other UN Security Council members to condemn": some of its members, not the Council)
            and not (m.cls in ORGS and re.match(r"\s+members\b", s.text[m.end:]) and
                     re.search(r"\b(?:\d+|other|fellow|several|some|many|most|remaining)\s+$", s.text[:m.start]))]
    free = [m for m in pool if _word_before(s.text, m.start) not in _PREPOSITIONS
            or (_word_before(s.text, m.start) in ("for", "on", "upon") and re.match(r"\s+to\s+[a-z]+", s.text[m.end:]))
            # ("for China to act", "called on Russia to withdraw": the subject of the infinitive)
            or _DELEGATE_OF.fullmatch(s.text, lo, m.start)  # "The representative of Algeria, introducing the draft, said"
            # "The government of Serbia does not recognise Kosovo": the state acts through its government
            or re.search(r"\b(?:[Gg]overnments?|[Ll]eadership|[Aa]uthorities|[Rr]egime|[Pp]eople|[Ll]eaders)\s+of\s+(?:the\s+)?$",
                         s.text[lo:m.start])]
    found: list[Mention] = []
    if re.match(r"[a-z]+ing\b", s.text[trigger:trigger + 20]) and re.search(
            r"\b(?:members|states|countries|delegations|others|nations|governments)\s+$", s.text[:trigger]):
        return []  # "..., and the 10 remaining Council members abstaining": the participle's own subject, unnamed
    participle = re.match(r"[a-z]+ing\b", s.text[trigger:trigger + 20]) and not re.search(
        r"\b(?:is|are|was|were|be|been|being|am|has|have|had|of|for|by|in|on|to|from|without|after|before|while)\s+"
        r"(?:\w+ly\s+)?$", s.text[:trigger], re.I)
    if free and participle and free[0] is not free[-1] and \
            not _BOUNDARY.search(s.text, free[0].end, trigger) and \
            free[-1] not in _coordinated(s, free[0], pool, leftwards=False):
        # "X wrote a letter to Secretary-General Y accusing Z": the participle's subject is the clause's
        found = _coordinated(s, free[0], pool, leftwards=False)
    elif free and free[0] is not free[-1] and re.search(
            r"\b(?:as|while|when|after|before|because|since|although|though|whereas|until)\s+(?:it|they|he|she)\s+"
            r"(?:\w+ly\s+)?$", s.text[free[-1].end:trigger], re.I):
        # "Russia lectured the Security Council ... even as it blatantly violated the UN Charter": the main subject
        found = _coordinated(s, free[0], pool, leftwards=False)
    elif free:
        found = _coordinated(s, free[-1], pool, leftwards=True)
    else:
        found = _dash_apposition(s, lo, classes) or _apposition_head(s, lo, trigger, classes)
    if not found:  # "All five nuclear-weapon states (China, France, ...) signed the treaty": the list in parentheses
        close = re.search(r"\)\s+(?:(?:have|has|had|also|all|both|then|later|each)\s+){0,2}$", s.text[lo:trigger])
        if close:
            inner = [m for m in _args(s, lo, lo + close.start(), classes) if _in_parens(s.text, m.start)]
            found = _coordinated(s, inner[-1], inner, leftwards=True) if len(inner) >= 2 else []
    if not found:
        before = re.sub(r",?\s*(?:which|who|that)\s*$", "", s.text[:lo], flags=re.I).rstrip(" ,")
        if len(before) < len(s.text[:lo].rstrip()):
            found = _antecedent(s, lo, classes)
        if not found and classes & PERSON and _TWO_PEOPLE.search(s.text[lo:trigger]):
            found = s.the_two(lo)  # "The two leaders reaffirmed ...", "The two met today in Singapore"
        group = _GROUP_OF_PEOPLE.search(s.text[lo:trigger])
        if not found and classes & PERSON and s.people_list and (group or (
                s.they_are_people and re.search(r"\bthey\b", s.text[lo:trigger], re.I) and
                not _args(s, lo, trigger, classes))):
            number = group and (group.group("n") or group.group("m"))
            count = _NUMBERS.get(number.lower(), 0) + (1 if group.group("m") else 0) if number else None
            if count in (None, len(s.people_list)):  # "The three defense leaders", "They also condemned ..."
                found = [Mention(lo, lo, "", e, cls, "coreference", False, 0.5) for e, cls in s.people_list]
        plural = _PLURAL.search(s.text[lo:trigger])
        if not plural and re.search(r"\bthey\b", s.text[lo:trigger], re.I) and _PLURAL.search(s.text[:lo]):
            plural = re.search(r"\bthey\b", s.text[lo:trigger], re.I)  # "The two countries ..., and they signed"
        if not found and plural and "State" in classes:
            # "Both are members of ...", "the two countries signed ...": the two states just named
            pair = [m for m in _args(s, 0, lo + plural.start(), STATE) if not m.nested]
            pair = _coordinated(s, pair[-1], pair, leftwards=True) if pair else []
            if len(pair) == 2:
                found = pair
            elif len(s.previous_states) == 2:
                found = [Mention(lo, lo, "", e, "State", "coreference", False, 0.5) for e in s.previous_states]
        these = _THESE_STATES.search(s.text[lo:trigger])
        if not found and these and "State" in classes and len(s.previous_list) >= 2:
            number = these.group("n") or these.group("m")
            count = int(number) if number and number.isdigit() else _NUMBERS.get((number or "").lower())
            if count in (None, len(s.previous_list)):  # "the same countries signed ...": the list named before
                found = [Mention(lo, lo, "", e, "State", "coreference", False, 0.5) for e in s.previous_list]
        we = _WE.search(s.text[lo:trigger])  # (one speaker, the publisher's state: "we" alone, not "our three countries")
        if not found and s.speakers and we and (len(s.speakers) > 1 or we.group(0).lower() == "we") and "State" in classes:
            found = _we(s, lo)
        if not found and _PRONOUN.search(s.text[lo:trigger]):
            states = [m for m in _args(s, 0, lo, STATE)]
            # ("a position Western members rejected when they voted against": "they" are the members)
            members = re.search(r"\b(?:members|countries|states|delegations|nations|governments|allies|partners)\s+"
                                r"(?:\w+\s+){0,2}?(?:when|as|after|before|because|while|and|but)?\s*$",
                                s.text[states[-1].end if states else 0:lo], re.I) and re.match(r"\W*they\b", s.text[lo:trigger], re.I)
            if states and not members:
                found = [states[-1]]
            elif s.recent_state and "State" in classes and not members:
                found = [Mention(lo, lo, "", s.recent_state, "State", "coreference", False, 0.5)]
    # co-subjects: "(along with X and Y)", "together with X", "joined X in"
    for m in re.finditer(r"\b(?:along with|together with|as well as|joined)\s+", s.text[lo:trigger], re.I):
        start = lo + m.end()
        if m.group(0).lower().startswith("joined"):
            found += [x for x in subjects(s, lo + m.start(), classes) if x.entity not in {f.entity for f in found}]
        nxt = [x for x in _args(s, start, trigger, classes) if x.start - start <= 5]
        if nxt:
            for x in _coordinated(s, nxt[0], _args(s, start, trigger, classes), leftwards=False):
                if not any(x.entity == f.entity for f in found):
                    found.append(x)
    return found


_STRONGEST = re.compile(r"\s*,?\s*\bin the (?:strongest|firmest|clearest)(?: possible)? terms\b\s*,?", re.I)


def _group_of_state(s: _Sentence, m: Mention) -> bool:
    """A state named as the home of unnamed firms or people: "PRC entities", "Russian firms", "Iranian individuals"."""
    return m.cls == "State" and bool(re.match(r"\s+(?:entit(?:y|ies)|compan(?:y|ies)|firms?|banks?|individuals?)\b", s.text[m.end:]))


def objects(s: _Sentence, pos: int, classes: frozenset, prep: str | None = None, limit: int = 90) -> list[Mention]:
    """The object(s) after a trigger ending at ``pos``."""
    hi = _clause_end(s, pos)
    start = pos
    if prep:
        m = _prep_pattern(prep).search(s.text, pos, hi)
        if not m:
            return []
        start = m.end()
    including = re.match(r"\s*(?:[\w-]+\s+){0,5}?[\w-]+,?\s+(?:including|such as|(?:most\s+)?notably|among them|namely|in particular|"
                         r"especially)\s+(?:the\s+)?",
                         s.text[start:hi])
    near = start + including.end() if including else start  # "by more than 50 Member States, including A and B"
    pool = [m for m in _args(s, start, hi, classes) if not _is_modifier(s, m)  # "by Chinese President Jiang"
            # ("to evade UN Security Council Resolutions (UNSCR) 2375 and 2397": the resolutions, not the Council)
            and not (m.cls in ORGS and re.match(r"\s+(?:[Rr]esolutions?|RESOLUTIONS?|[Ss]anctions)\b", s.text[m.end:]))
            and not re.match(r"[-‐‑–]based\b", s.text[m.end:])  # "two Russia-based companies": where they are
            and not (m.cls in ORGS and _MEMBERS_OF.match(s.text, m.end))  # "a threat to UN Member States": not the UN
            and not (m.kind == "demonym" and re.match(r",?\s+(?:nationals?|citizens?|businessm[ae]n|oligarchs?)\b", s.text[m.end:]))
            # ("sanctions against the Russian entities Ardis Group ...", "the PRC entity Zhengzhou ...": the named firms)
            and not _group_of_state(s, m)
            # ("supported Lebanese Shia militias", "backed Palestinian groups such as Hamas": not the state, its groups)
            and not (m.kind == "demonym" and re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:militias?|groups?|rebels?|fighters?|proxies|"
                                                      r"opposition|dissidents|factions?|movements?|militants?|insurgents?)\b",
                                                      s.text[m.end:]))]
    pool = [m for m in pool if m.start - near <= limit]
    groups = [m for m in _args(s, start, hi, classes) if _group_of_state(s, m) and
              not re.match(r"\s+\w+\s+[A-Z]", s.text[m.end:])][:1]  # (not "the Russian entities Ardis Group": named)
    if groups and (not pool or groups[0].start < pool[0].start):
        return []  # "sanctions on PRC entities providing critical inputs to Russia": the unnamed entities are the object
    if not pool:
        return []
    first = pool[0]
    gap = _STRONGEST.sub(" ", s.text[start:first.start])  # ("condemn in the strongest possible terms the launches by X")
    gap = re.sub(r"^\s*(?:[\w-]+\s+){0,4}[\w-]+,?\s+(?:including|such as|(?:most\s+)?notably|among them|namely|in particular|especially)\s+(?:the\s+)?$", " ", gap)
    if not prep and (len(gap.split()) > 6 or re.search(r"[,;]|\b(?:as|which|who|saying|while|how|why|whether)\b", gap, re.I)) \
            and not (first.cls in PERSON and _titles_only(s, start, first.start)):
        return []  # the object noun phrase is not an entity: "condemned the transfers as a violation of ..."
    if not prep and re.fullmatch(r"\s*(?:the|a|an|this|its|their)\s+(?:[\w-]+\s+){0,3}by\s+(?:the\s+)?", gap, re.I):
        return []  # "condemns the agreement by Russia and Belarus": the agreement, made by them (an act by X: plain._ACT_BY)
    nxt = [m for m in pool[1:] if m.start >= first.end]
    if nxt and re.fullmatch(r"(?:'s|’s)\s+(?:(?!(?:on|of|in|into|inside|against|to|toward|towards|over|across|with|by|for|at|"
                            r"from|and|or)\b)[a-z]+[\s,]+){0,3}",
                            s.text[first.end:nxt[0].start]):  # (not "Russia's attack on Kyiv": the possessor is the object)
        first = nxt[0]  # "North Korea's defence minister, No Kwang Chol": the possessed, not the possessor
    found = _coordinated(s, first, [m for m in _args(s, start, hi, classes) if not _is_modifier(s, m)], leftwards=False)
    # "condemn Iran’s export and Russia’s procurement of missiles": two possessors of two coordinated acts
    if nxt and nxt[0] is not first and re.fullmatch(r"(?:'s|’s)\s+(?:[a-z-]+\s+){1,3}and\s+(?:the\s+)?",
                                                    s.text[first.end:nxt[0].start]) and \
            re.match(r"(?:'s|’s)\s", s.text[nxt[0].end:]) and nxt[0] not in found:
        found.append(nxt[0])
    return found


def _apposition_head(s: _Sentence, lo: int, trigger: int, classes: frozenset) -> list[Mention]:
    """ "the Russian Federation — a permanent member of the Council —", "Kazakhstan, a member of the
    CSTO,": a noun phrase set beside a name says something of that name."""
    if not re.fullmatch(r"\s*(?:also\s+)?(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,2}", s.text[lo:trigger], re.I) or \
            not re.search(r"[—–,]\s*$", s.text[:lo]):
        return []
    before = s.text[:lo].rstrip(" —–,")
    return [m for m in s.mentions if not m.nested and m.cls in classes and len(before) - m.end <= 1 and m.end <= len(before)][-1:]


def _dash_apposition(s: _Sentence, lo: int, classes: frozenset) -> list[Mention]:
    """ "Today, we—A of X, B of Y, and C of Z—met for ...": the list set between dashes beside a
    pronoun subject is the subject of the clause after the closing dash."""
    close = re.search(r"[—–]\s*$", s.text[:lo])
    if not close:
        return []
    opening = max(s.text.rfind("—", 0, close.start()), s.text.rfind("–", 0, close.start()))
    if opening < 0 or not re.search(r"\b(?:we|they)\s*$", s.text[:opening], re.I):
        return []
    pool = [m for m in _args(s, opening, close.start(), classes) if not _is_modifier(s, m)]
    free = [m for m in pool if _word_before(s.text, m.start) not in _PREPOSITIONS]
    return _coordinated(s, free[-1], pool, leftwards=True) if free else []


def _titled_people(s: _Sentence, trigger: int) -> list[Mention]:
    """People listed with their titles right before a trigger: "Secretary of State Marco Rubio, Foreign Minister of
    Japan Iwaya Takeshi, and Foreign Minister of the Republic of Korea Cho Tae-yul met" (the states and bodies
    inside the titles are no list members)."""
    people = [m for m in s.mentions if m.cls in PERSON and not m.nested and m.end <= trigger]
    if len(people) < 2 or not re.fullmatch(r"[\s,]*(?:(?:also|jointly|together|then|today)\s+)?", s.text[people[-1].end:trigger]):
        return []
    chain, joined = [people[-1]], False
    for a in reversed(people[:-1]):
        b = chain[-1]
        gap = s.text[a.end:b.start]
        for x in sorted((x for x in s.mentions if not x.nested and x.cls not in PERSON and a.end <= x.start and x.end <= b.start),
                        key=lambda x: -x.start):
            gap = gap[:x.start - a.end] + "T" + gap[x.end - a.end:]  # (a state or body of a title is a title word)
        if not re.fullmatch(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:the|of|for|[A-Z][\w.’'()-]*),?\s+)*", gap):
            break  # (only commas, "and" and title words between two of them)
        joined = joined or bool(re.search(r"\band\b", gap))
        chain.append(a)
    return chain[::-1] if joined and len(chain) >= 2 else []


def _titles_only(s: _Sentence, a: int, b: int) -> bool:
    """Whether the text before a person is only their titles: "met with Director of the X Office Wang
    Yi", "met with his UK counterpart, Secretary of State for Defence, John Healey"."""
    gap = _gap_clean(s, a, b)
    # (a state's name before its title is gone from the gap: "Australia's Deputy Prime Minister" -> " 's Deputy ...")
    return bool(re.fullmatch(r"[\s,]*(?:(?:his|her|their|its|the|of|for|and|counterparts?|['’]s|[A-Z][\w.’'-]*)[\s,]*)*", gap))


def _antecedent(s: _Sentence, lo: int, classes: frozenset) -> list[Mention]:
    """What "which"/"that" at the clause start ``lo`` stands for: the noun phrase right before it,
    skipping a prepositional phrase ("a draft resolution at the Security Council that ...")."""
    before = re.sub(r",?\s*(?:which|who|that)\s*$", "", s.text[:lo], flags=re.I).rstrip(" ,")
    if len(before) >= len(s.text[:lo].rstrip()):
        return []
    cands = [m for m in s.mentions if m.end <= len(before) + 1 and not m.nested]
    if not cands:
        return []
    last = cands[-1]
    if len(before) - last.end > 3:
        return []
    pp = re.search(r"\b(?:at|of|in|on|from|with|by)\s+(?:the\s+)?$", s.text[:last.start], re.I)
    if pp:
        head = [m for m in cands[:-1] if 0 <= pp.start() - m.end <= 2]
        if head:
            last = head[-1]
    return [last] if last.cls in classes else []


def _dash_antecedent(s: _Sentence, lo: int, classes: frozenset) -> list[Mention]:
    """The noun phrase before a parenthetical clause: "the resolution — presented by X —"."""
    if not re.search(r"(?:—|–|\(|,)\s*$", s.text[:lo]):
        return []
    before = s.text[:lo].rstrip(" —–(,")
    cands = [m for m in s.mentions if not m.nested and m.end <= len(before) and len(before) - m.end <= 1]
    return cands[-1:] if cands and cands[-1].cls in classes else []


def _adjacent(s: _Sentence, pos: int, classes: frozenset) -> list[Mention]:
    """The possessor or demonym right before a noun trigger: "Russia's invasion", "the Russian veto", "Belarus’
    involvement" (the possessive of a name ending in s)."""
    def possessive(m: Mention) -> bool:
        gap = s.text[m.end:pos]
        if re.fullmatch(r"\s+(?:in|with|by|for|of|to|on|at|from|and|or|as)\s+", gap):
            return False  # ("We support Ukraine in cooperation with the G7": an object before a phrase of manner)
        return bool(re.fullmatch(r"(?:'s|’s)?\s*(?:[a-z]+\s+)?", gap) or re.fullmatch(r"(?:'s|’s)\s+(?:[a-z]+\s+){2}", gap) or
                    re.fullmatch(r"(?:'s|’s)\s+(?:(?:19|20)\d\d\s+)(?:[a-z-]+\s+)?", gap) or  # ("Russia's 2014 annexation")
                    s.text[m.end - 1] == "s" and re.fullmatch(r"['’]\s*(?:[a-z]+\s+)?", gap))  # ("X’s increasing military cooperation")

    # (not the "Republic of Korea" inside "the Democratic People’s Republic of Korea’s")
    return [m for m in s.mentions if m.cls in classes and m.end <= pos and m.kind != "description" and not m.nested
            and possessive(m)][-1:]


_PURPOSE = re.compile(r"\b(?:to|in order to)\s+(?:aid|help|support|fuel|sustain|assist|continue|advance|further|bolster|"
                      r"use)\b", re.I)


def _possessor(s: _Sentence, pos: int, classes: frozenset) -> list[Mention]:
    """What "its"/"their" before a noun trigger at ``pos`` stands for: the nearest actor of the right
    class named before it in the sentence, the object of a preposition included ("cooperation with
    Israel and denounced its occupation of ...")."""
    before = [m for m in s.mentions if m.end <= pos and m.cls in classes and not m.nested and not _is_modifier(s, m)
              and m.kind != "demonym"]
    if before and _PURPOSE.search(s.text, before[-1].end, pos):
        # "Russia purchased shells from North Korea to aid in its invasion of Ukraine": the buyer's purpose, its war
        free = [m for m in before if _word_before(s.text, m.start) not in _PREPOSITIONS]
        return free[:1] or before[-1:]
    return before[-1:]


def _state_of(s: _Sentence, m: Mention) -> Mention:
    """A state's forces as an agent stand for the state: "North Korean military advisers trained" -> North Korea."""
    if m.cls == "ArmedForces":
        inner = [x for x in s.mentions if x.nested and x.cls == "State" and m.start <= x.start and x.end <= m.end]
        if inner and inner[0].start == m.start:
            return inner[0]
    return m


def _polity(s: _Sentence, m: Mention) -> Mention:
    """A state's institution acting for it: "Russia's State Duma ratified" -> Russia is the party."""
    if m.cls == "GovernmentBody":
        owner = [x for x in s.mentions if x.cls == "State" and x.end <= m.start and
                 re.fullmatch(r"(?:'s|’s)?\s*", s.text[x.end:m.start])]
        if owner:
            return owner[-1]
    return m
