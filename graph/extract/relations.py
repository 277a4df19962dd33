"""Typed relations from trigger lexicons: who did what to whom in one sentence.

Each relation of the ontology has triggers (verbs with their inflections, nominalisations such as
"invasion of", and a few fixed constructions such as "<Person>, director of <Org>"). For a trigger
the subject is the nearest actor before it in the same clause that is not the object of a
preposition, together with everything coordinated with it ("Russia and North Korea signed" gives
both parties; "(along with Syria and Iran)" and "joined China in" add co-subjects); the object is
the first mention of the right class after it, with its coordinated mentions. Passive voice
("X, sponsored by Y", "was vetoed by Y") swaps the two; "which" clauses take their antecedent
as subject. Arms, aid, troops, workers and technology share one family of transfer verbs (send,
supply, provide, ship, deliver ...) and the relation is chosen by what is transferred.

Nothing here is keyed to one sentence: the patterns are verbs, prepositions and class constraints.

>>> from graph.extract.mentions import Mention
>>> ms = [Mention(0, 6, "Russia", "russia", "State", "label"), Mention(14, 24, "Resolution", "r1", "Resolution", "label")]
>>> [(c.subject, c.relation, c.object) for c in find_relations("Russia vetoed Resolution 5.", ms)]
[('russia', 'vetoed', 'r1')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .mentions import Mention

__all__ = ["Candidate", "find_relations", "RELATION_TRIGGERS", "ListFrame", "PRODUCIBLE"]

PERSON = frozenset({"Person", "PoliticalLeader", "Analyst"})
STATE = frozenset({"State"})
ORGS = frozenset({"Organization", "InternationalOrganization", "GovernmentBody", "ThinkTank", "MediaOrganization",
                  "ArmedForces", "ResearchProgramme"})
ACTOR = frozenset({"Actor", "State"}) | PERSON | ORGS
POLITY = frozenset({"Actor", "State", "GovernmentBody", "InternationalOrganization", "Organization", "ArmedForces"})
AGREEMENT = frozenset({"Agreement", "Treaty"})
RESOLUTION = frozenset({"Resolution", "DraftResolution"})
PLACE = frozenset({"Place", "State"})
EVENT = frozenset({"Event", "Conflict", "Summit", "Talks", "Deployment", "Transfer", "Vote"})
RECIPIENT = frozenset({"State", "Place", "ArmedForces", "GovernmentBody", "Actor", "Organization",
                       "InternationalOrganization"})
#: Who casts a vote on a resolution: a member state or its delegate, not the body voting
#: ("the Council rejected a draft" is a failed adoption, not a vote against).
VOTER = frozenset({"Actor", "State"}) | PERSON
SYMMETRIC = {"alliedWith", "mutualDefenceWith", "cooperatesWith", "negotiatesWith", "metWith"}


def _v(*stems: str) -> str:
    """An alternation of verb forms: "sign" gives sign|signs|signed|signing."""
    forms = []
    for stem in stems:
        if "|" in stem:
            forms.append(stem)
        elif stem.endswith("e"):
            forms.append(f"{stem}|{stem}s|{stem}d|{stem[:-1]}ing")
        elif stem.endswith("y") and stem[-2] not in "aeiou":
            forms.append(f"{stem}|{stem[:-1]}ies|{stem[:-1]}ied|{stem}ing")
        else:
            forms.append(f"{stem}|{stem}s|{stem}ed|{stem}ing")
    return r"\b(?:" + "|".join(forms) + r")\b"


@dataclass(frozen=True)
class Rule:
    relation: str
    trigger: re.Pattern
    subj: frozenset
    obj: frozenset
    obj_prep: str | None = None  # the object must follow this preposition (regex)
    confidence: float = 0.75
    by_subject: dict | None = None  # relation by subject class group, e.g. persons sign -> signatoryOf


#: The class groups a lexicon entry may name for its subject and object.
GROUPS = {"ACTOR": ACTOR, "POLITY": POLITY, "PERSON": PERSON, "STATE": STATE, "ORGS": ORGS, "VOTER": VOTER,
          "AGREEMENT": AGREEMENT, "RESOLUTION": RESOLUTION, "PLACE": PLACE, "EVENT": EVENT}


def load_rules(path: Path | None = None) -> list[Rule]:
    """The verb and noun triggers of the plain subject-verb-object relations, read from the trigger
    lexicon (``data/lexicon/relations.yaml``, see its header for the format); a wrong relation,
    class or pattern there is an InputError naming the entry."""
    from ..errors import InputError
    from ..namespaces import ENTITY_CLASSES, RELATIONS
    from ..resources import lexicon_dir
    from ..yamlfile import load_yaml_file

    path = Path(path) if path else lexicon_dir() / "relations.yaml"
    entries = load_yaml_file(path)
    if not isinstance(entries, list):
        raise InputError("the trigger lexicon must be a list of entries", source=str(path))
    rules = []
    for n, entry in enumerate(entries, 1):
        where = f"entry {n}"
        if not isinstance(entry, dict) or entry.get("relation") not in RELATIONS:
            raise InputError(f"{where}: relation must be one of the ontology's relations", source=str(path))

        def classes(key: str) -> frozenset:
            out: set[str] = set()
            for name in entry.get(key) or ():
                if name in GROUPS:
                    out |= GROUPS[name]
                elif name in ENTITY_CLASSES:
                    out.add(name)
                else:
                    raise InputError(f"{where} ({entry['relation']}): unknown class or group {name!r} in {key}",
                                     source=str(path))
            if not out:
                raise InputError(f"{where} ({entry['relation']}): {key} lists no class", source=str(path))
            return frozenset(out)

        parts = []
        for item in entry.get("triggers") or ():
            parts.append(_v(*item["verbs"]) + item.get("then", "") if isinstance(item, dict) else str(item))
        try:
            trigger = re.compile("|".join(parts), re.I)
            prep = entry.get("object_prep")
            re.compile(prep or "")
        except re.error as err:
            raise InputError(f"{where} ({entry['relation']}): bad pattern: {err}", source=str(path)) from None
        if not parts:
            raise InputError(f"{where} ({entry['relation']}): no triggers", source=str(path))
        rules.append(Rule(entry["relation"], trigger, classes("subject"), classes("object"), prep,
                          float(entry.get("confidence", 0.75)),
                          {k: v for k, v in (entry.get("by_subject") or {}).items() if not k.startswith("__")} or None))
    return rules


#: Verb and noun triggers of the plain subject-verb-object relations (from the trigger lexicon).
RULES = load_rules()


def load_titles(path: Path | None = None) -> list[tuple[re.Pattern, str, str, re.Pattern]]:
    """Titles that name an office ("Secretary of State"): (pattern ending where the name starts,
    office id, relation, pattern of the title in apposition after the name: ", Under-Secretary-General
    for ..."), from ``data/lexicon/titles.yaml`` (see its header)."""
    from ..errors import InputError
    from ..namespaces import RELATIONS
    from ..resources import lexicon_dir
    from ..yamlfile import load_yaml_file

    path = Path(path) if path else lexicon_dir() / "titles.yaml"
    out = []
    for n, entry in enumerate(load_yaml_file(path) or [], 1):
        if not isinstance(entry, dict) or not entry.get("title") or not entry.get("office") or \
                entry.get("relation") not in RELATIONS:
            raise InputError(f"entry {n}: needs a title, an office and a relation of the ontology", source=str(path))
        words = r"\s+".join(re.escape(w) for w in str(entry["title"]).split())
        # after the name the title ends the apposition; an official's rank may name a portfolio ("Assistant
        # Secretary-General for Europe"), a head's title may not ("Secretary of State for Defence" is another office)
        portfolio = r"|\s+for\s+[A-Z]" if entry["relation"] == "officialOf" else ""
        out.append((re.compile(r"\b" + words + r",?\s+$"), str(entry["office"]), str(entry["relation"]),
                    re.compile(r"\s*,\s*(?:the\s+)?" + words + r"(?=\s*[,.;)]|\s*$" + portfolio + ")")))
    return out


#: Titles that name an office (from the title lexicon).
TITLES = load_titles()

_TRANSFER_VERBS = re.compile(
    _v("supply", "provide", "send|sends|sent|sending", "ship|ships|shipped|shipping", "deliver", "transfer|transfers|transferred|transferring",
       "give|gives|gave|given|giving", "export", "dispatch|dispatches|dispatched|dispatching", "furnish|furnishes|furnished|furnishing",
       "sell|sells|sold|selling", "hand over|hands over|handed over", "funnel|funnels|funnelled|funneled", "share",
       "lend|lends|lent|lending", "grant", "extend", "move|moves|moved|moving", "relocate", "transport") +
    r"|\b(?:shipments?|deliver(?:y|ies)|transfers?|exports?|sales?|supplies|supply|provision|sharing) of\b"
    r"|\b(?:suppliers?|providers?|exporters?) of\b", re.I)
_DEPLOY_VERBS = re.compile(
    _v("deploy", "station", "dispatch|dispatches|dispatched|dispatching", "redeploy") +
    r"|\bdeployments? of\b|\bsending troops\b|\bsend troops\b|\bsent troops\b|\b(?:fought|fight|fights|fighting) "
    r"(?:alongside|for|on behalf of)\b"
    # "Wagner PMCs were present in Libya": forces (only) that are present somewhere were deployed there
    r"|(?:(?<=troops )|(?<=forces )|(?<=soldiers )|(?<=PMCs )|(?<=mercenaries )|(?<=fighters )|(?<=personnel )|"
    r"(?<=contractors ))(?:were|are|was|is|have been|has been|remain|remained)\s+(?:still\s+)?present\b", re.I)
#: A transfer or training that is banned, not done: "prohibited the provision of arms to X".
_PROHIBITED = re.compile(r"\b(?:prohibit\w*|banned|banning|barred|barring|forbid\w*|forbade|embargoed|"
                         r"outlaw\w*)\s+(?:\w+\s+){0,3}$", re.I)
_REVERSE = re.compile(
    r"\bturn(?:s|ed|ing)? to\b|\brel(?:y|ies|ied|ying) on\b|\bdepend(?:s|ed|ing)? on\b|" +
    _v("receive", "obtain", "acquire", "buy|buys|bought|buying", "purchase", "import", "get|gets|got|getting"), re.I)

#: What is transferred decides the relation (checked in this order; several may apply).
MATERIEL = [
    ("deploysTroopsTo", re.compile(r"\b(?:troops?|soldiers?|forces|personnel|servicemen|fighters|pilots|PMCs?|"
                                   r"private military contractors|"
                                   r"(?:military )?advis[eo]rs|brigades?|battalions?|contingents?|units|mercenaries|"
                                   r"special forces|combat (?:troops|units)|infantry|reinforcements)\b", re.I)),
    ("suppliesArmsTo", re.compile(r"\b(?:weapons?|weaponry|arms|ammunition|munitions?|shells?|missiles?|rockets?|artillery|"
                                  r"drones?|tanks?|aircraft|jets?|fighters? jets|military (?:equipment|supplies|hardware)|"
                                  r"materiel|launchers?|howitzers?|rifles?|warheads?|air defen[cs]e systems?|armou?red vehicles?)\b", re.I)),
    ("transfersMilitaryTechnologyTo", re.compile(r"\b(?:technolog(?:y|ies)|know-how|designs?|blueprints?)\b", re.I)),
    ("sendsWorkersTo", re.compile(r"\b(?:workers?|labou?rers?|labou?r force|labou?r)\b", re.I)),
    ("providesEconomicAidTo", re.compile(r"\b(?:financial (?:support|aid|assistance)|budget support|food|fuel|oil|grain|wheat|rice|flour|fertili[sz]ers?|money|cash|funds?|loans?|"
                                         r"credits?|economic (?:aid|assistance|support|benefits?)|humanitarian (?:aid|assistance)|"
                                         r"investments?|dollars|rubles|roubles|euros|yuan|gas|coal|electricity|energy|"
                                         r"unfreez\w*|assets|benefits|\$|€|£)\b|\$", re.I)),
    ("providesMilitaryAidTo", re.compile(r"\b(?:military (?:aid|assistance|support|help)|intelligence|security assistance|"
                                         r"non-lethal (?:equipment|aid|assistance|supplies)|protective (?:gear|equipment)|"
                                         r"(?<=military )(?:support|aid|assistance)|training)\b", re.I)),
    # bare "support", "aid", "assistance": political backing ("lend our support to ASEAN"), not military aid
    ("supports", re.compile(r"\b(?:support|aid|assistance|backing)\b", re.I)),
]

_PREPOSITIONS = {"of", "with", "to", "for", "from", "by", "against", "on", "in", "at", "about", "between", "among",
                 "toward", "towards", "into", "over", "under", "amid", "amidst", "during", "after", "before", "since",
                 "including", "like", "than", "via", "upon", "across", "within", "without", "despite", "behind",
                 "beyond", "near", "onto", "per", "regarding", "concerning", "alongside", "following"}
_TITLE_WORDS = r"(?:the|a|an|his|her|its|their|then|former|current|new|acting|interim|deputy|vice|first|senior|" \
               r"president|prime minister|premier|leader|supreme leader|chancellor|king|queen|minister|foreign|" \
               r"defen[cs]e|secretary|general|chairman|chairwoman|chair|head|chief|spokesperson|spokesman|" \
               r"spokeswoman|ambassador|envoy|official|dr\.?|mr\.?|ms\.?|mrs\.?|prof\.?|dictator)"
_LEADER_TITLE = re.compile(r"^(?:'s|’s)?\s*(?:(?:then|former|current|new|acting|interim)\s+)?(?:president|prime minister|premier|"
                           r"leader|supreme leader|chancellor|king|queen|emperor|head of state|dictator|chairman)\s*,?\s*$", re.I)
_ORG_HEAD_TITLE = re.compile(r"(?:'s|’s)?\s*(?:(?:former|current|then|acting)\s+)?(?:commission\s+)?(?:president|chair(?:man|woman|person)?|"
                             r"secretary[ -]general|director[ -]general|head|executive director)\s*", re.I)
_OTHER_TITLE = re.compile(r"(?:'s|’s)?\s*(?:(?:former|current|then|deputy|acting|chief|senior|top|first|assistant|vice|under)\s+)*"
                          r"(?:spokes(?:man|woman|person)|(?:foreign|defen[cs]e|finance|interior|prime)?\s*minister|"
                          # "Minister of National Defense", "Minister for Foreign Affairs", "Secretary of State for Defence"
                          r"(?:minister|secretary of state|secretary)\s+(?:of|for)\s+(?:the\s+)?(?:national\s+)?"
                          r"[a-z]+(?:\s+(?:and\s+)?[a-z]+)?(?=\s*,?\s*$)|"
                          r"secretary[ -]general|secretary|ambassador|envoy|official|adviser|advisor|commander|general|"
                          r"(?:permanent\s+)?representative|delegate|"
                          r"chief of staff|negotiator|diplomat|aide|director|head|chief)\s*,?\s*", re.I)
_BOUNDARY = re.compile(r";|:|—|\bthat\b|,\s*(?:which|who|whom|whose|while|whereas|but|although|though|because|as(?! well as)|when|if|"
                       r"and then|so)\b|\bwhile\b|\bwhereas\b|\bbecause\b|\balthough\b|\bwhen\b|\bif\b|\bas\s+(?=\w+\s+(?:had|have|has|was|were|did|do|does)\b)", re.I)
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
    r"\bthe\s+(?:Secretary|President|Minister|Prime Minister)\s+and\s+(?:the\s+)?(?P<m>two|three|four)\s+"
    r"(?:Ministers|Secretaries|Presidents|leaders|ministers)\b", re.I)
_WE = re.compile(r"\b(?:we|our (?:(?:two|three|four|\w+) )?(?:countries|governments|nations|leaders)|each of our governments)\b",
                 re.I)
_NOMINAL = re.compile(r"^(?:invasion|occupation|annexation|recognition|condemnation|veto|sanctions|attack|assault|"
                      r"ratification|accession|negotiations?|talks|membership|abstention|designation)\b", re.I)
_POSITIVE = re.compile(r"\b(?:strengthen\w*|deepen\w*|improv\w*|revitali[sz]\w*|expand\w*|build\w*|boost\w*|enhanc\w*|"
                       r"forg\w*|develop\w*|warm\w*|bolster\w*|growing|grow\w*|closer|close|strong\w*|tighten\w*|cement\w*|"
                       r"burgeoning|military|economic|strategic)\b", re.I)


@dataclass(frozen=True)
class Candidate:
    """A relation found in a sentence, before certainty and time are attached.

    Offsets of the trigger count in the sentence.
    """

    subject: str
    relation: str
    object: str
    trigger_start: int
    trigger_end: int
    confidence: float
    rule: str
    materiel: str | None = None


@dataclass
class ListFrame:
    """The giver and receiver a list header ("North Korea is receiving benefits from Russia:")
    sets for the bullet items that follow it."""

    giver: str | None = None
    receiver: str | None = None


@dataclass
class _Sentence:
    text: str
    mentions: list[Mention]  # offsets relative to the sentence
    recent_state: str | None = None
    recent_event: str | None = None
    recent_conflict: str | None = None
    previous_states: list[str] = field(default_factory=list)
    recent_resolution: str | None = None
    salient: object = None  # classes -> the entity of those classes the document named last (or None)
    speakers: list[str] = field(default_factory=list)  # who "we" are in a joint statement
    previous_people: list[tuple[str, str]] = field(default_factory=list)  # (entity, class) of the last two people named
    previous_list: list[str] = field(default_factory=list)  # the states of the last sentence before that named several
    people_list: list[tuple[str, str]] = field(default_factory=list)  # the people of the last sentence that named several
    they_are_people: bool = False  # whether the last group named was of people (for "They condemned ...")
    out: list[Candidate] = field(default_factory=list)

    def the_two(self, at: int) -> list[Mention]:
        """The two people named last before this sentence, for "the two leaders", "the two met"."""
        if len(self.previous_people) != 2:
            return []
        return [Mention(at, at, "", e, cls, "coreference", False, 0.5) for e, cls in self.previous_people]

    def add(self, subject: str, relation: str, obj: str, start: int, end: int, confidence: float, rule: str,
            materiel: str | None = None) -> None:
        if subject == obj or not subject or not obj:
            return
        self.out.append(Candidate(subject, relation, obj, start, end, confidence, rule, materiel))


def _rel(mentions: list[Mention], offset: int) -> list[Mention]:
    from dataclasses import replace
    return [replace(m, start=m.start - offset, end=m.end - offset) for m in mentions]


def _in_parens(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _word_before(text: str, pos: int) -> str:
    """The word governing a mention at ``pos`` ("" after a comma or clause break)."""
    words = re.findall(r"[\w’']+|[,;:()]", text[:pos])
    while words and words[-1].lower() in {"the", "a", "an", "its", "their", "his", "her", "s", "’s", "'s", "eastern",
                                          "western", "northern", "southern", "central", "occupied", "neighbouring"}:
        words.pop()
    return words[-1].lower() if words and words[-1] not in ",;:()" else ""


#: A title with its portfolio: "Minister of National Defense", "Secretary of State for Defence".
_PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Director|Chief|Head|Commissioner)\s+(?:of|for)\s+(?:the\s+)?"
                        r"(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?(?:\s+for\s+[A-Z][a-z]+)?")


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


def _clause_start(s: _Sentence, pos: int) -> int:
    start = 0
    for b in _BOUNDARY.finditer(s.text, 0, pos):
        if not _in_parens(s.text, b.start()):
            start = b.end()
    return start


def _clause_end(s: _Sentence, pos: int) -> int:
    for b in _BOUNDARY.finditer(s.text, pos):
        if not _in_parens(s.text, b.start()) and b.group(0).strip().lower() != "that":
            return b.start()
    return len(s.text)


def _coordinated(s: _Sentence, head: Mention, pool: list[Mention], leftwards: bool) -> list[Mention]:
    """``head`` and the mentions of ``pool`` joined to it by "and", "or" or commas ("X, Y and Z";
    a comma alone, with no "and" in the chain, is an apposition, not a list)."""
    group = [head]
    joints: list[bool] = []  # whether each link was a real conjunction
    ordered = sorted(pool, key=lambda m: m.start, reverse=leftwards)
    current = head
    for m in ordered:
        if m is current or any(m is g for g in group):
            continue
        if leftwards and m.end <= current.start:
            gap = _gap_clean(s, m.end, current.start)
        elif not leftwards and m.start >= current.end:
            gap = _gap_clean(s, current.end, m.start)
        else:
            continue
        left, right = (m, current) if leftwards else (current, m)
        if _person_of_state(s, left, right) and (joints or not leftwards):
            joints.append(False)  # "Prime Minister A of Australia, ...": the state goes with its leader
            group.append(m)
            current = m
            continue
        if not _CONJ_GAP.match(gap):
            break
        if _family(m) != _family(head):
            break  # "condemned the agreement, and Japan said ...": a treaty and a state are no list
        if not leftwards and "," in gap and re.match(r"\s+(?:said|says|has|have|had|was|were|is|are|will|would|also|did|does)\b",
                                                  s.text[m.end:]):
            break  # ", and Japan said": a new clause, not one more object
        if leftwards and not joints and not re.search(r"\b(?:and|or|with|plus|as well as)\b|&", gap, re.I):
            break
        joints.append(bool(re.search(r"\b(?:and|or|with|plus|as well as)\b|&", gap, re.I)))
        group.append(m)
        current = m
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


def subjects(s: _Sentence, trigger: int, classes: frozenset) -> list[Mention]:
    """The subject(s) of a trigger at ``trigger``: see the module docstring."""
    lo = _clause_start(s, trigger)
    pool = [m for m in _args(s, lo, trigger, classes) if not _in_parens(s.text, m.start) and not _is_modifier(s, m)
            and not re.match(r"\s+member (?:states|countries|nations)\b", s.text[m.end:])]  # "All G7 member states"
    free = [m for m in pool if _word_before(s.text, m.start) not in _PREPOSITIONS
            or (_word_before(s.text, m.start) in ("for", "on", "upon") and re.match(r"\s+to\s+[a-z]+", s.text[m.end:]))
            # ("for China to act", "called on Russia to withdraw": the subject of the infinitive)
            or _DELEGATE_OF.fullmatch(s.text, lo, m.start)]  # "The representative of Algeria, introducing the draft, said"
    found: list[Mention] = []
    participle = re.match(r"[a-z]+ing\b", s.text[trigger:trigger + 20]) and not re.search(
        r"\b(?:is|are|was|were|be|been|being|am|has|have|had|of|for|by|in|on|to|from|without|after|before|while)\s+"
        r"(?:\w+ly\s+)?$", s.text[:trigger], re.I)
    if free and participle and free[0] is not free[-1] and \
            not _BOUNDARY.search(s.text, free[0].end, trigger) and \
            free[-1] not in _coordinated(s, free[0], pool, leftwards=False):
        # "X wrote a letter to Secretary-General Y accusing Z": the participle's subject is the clause's
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
        if not found and s.speakers and _WE.search(s.text[lo:trigger]) and "State" in classes:
            found = [Mention(lo, lo, "", e, "State", "coreference", False, 0.6) for e in s.speakers]
        if not found and _PRONOUN.search(s.text[lo:trigger]):
            states = [m for m in _args(s, 0, lo, STATE)]
            if states:
                found = [states[-1]]
            elif s.recent_state and "State" in classes:
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


def objects(s: _Sentence, pos: int, classes: frozenset, prep: str | None = None, limit: int = 90) -> list[Mention]:
    """The object(s) after a trigger ending at ``pos``."""
    hi = _clause_end(s, pos)
    start = pos
    if prep:
        m = _prep_pattern(prep).search(s.text, pos, hi)
        if not m:
            return []
        start = m.end()
    including = re.match(r"\s*(?:[\w-]+\s+){0,5}?[\w-]+,?\s+(?:including|such as|notably|among them|namely)\s+(?:the\s+)?",
                         s.text[start:hi])
    near = start + including.end() if including else start  # "by more than 50 Member States, including A and B"
    pool = [m for m in _args(s, start, hi, classes) if not _is_modifier(s, m)  # "by Chinese President Jiang"
            and not re.match(r"[-‐‑–]based\b", s.text[m.end:])  # "two Russia-based companies": where they are
            and not (m.kind == "demonym" and re.match(r",?\s+(?:nationals?|citizens?|businessm[ae]n|oligarchs?)\b", s.text[m.end:]))]
    pool = [m for m in pool if m.start - near <= limit]
    if not pool:
        return []
    first = pool[0]
    gap = s.text[start:first.start]
    gap = re.sub(r"^\s*(?:[\w-]+\s+){0,4}[\w-]+,?\s+(?:including|such as|notably|among them|namely)\s+(?:the\s+)?$", " ", gap)
    if not prep and (len(gap.split()) > 6 or re.search(r"[,;]|\b(?:as|which|who|saying|while)\b", gap, re.I)) \
            and not (first.cls in PERSON and _titles_only(s, start, first.start)):
        return []  # the object noun phrase is not an entity: "condemned the transfers as a violation of ..."
    nxt = [m for m in pool[1:] if m.start >= first.end]
    if nxt and re.fullmatch(r"(?:'s|’s)\s+(?:(?!(?:on|of|in|against|to|with|by|for|at|from)\b)[a-z]+[\s,]+){0,3}",
                            s.text[first.end:nxt[0].start]):  # (not "Russia's attack on Kyiv": the possessor is the object)
        first = nxt[0]  # "North Korea's defence minister, No Kwang Chol": the possessed, not the possessor
    return _coordinated(s, first, [m for m in _args(s, start, hi, classes) if not _is_modifier(s, m)], leftwards=False)


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


def _clause_rest(s: _Sentence, pos: int) -> str:
    """The text from ``pos`` to the end of its clause."""
    return s.text[pos:_clause_end(s, pos)]


def _titles_only(s: _Sentence, a: int, b: int) -> bool:
    """Whether the text before a person is only their titles: "met with Director of the X Office Wang
    Yi", "met with his UK counterpart, Secretary of State for Defence, John Healey"."""
    gap = _gap_clean(s, a, b)
    return bool(re.fullmatch(r"[\s,]*(?:(?:his|her|their|its|the|of|for|and|counterparts?|[A-Z][\w.’'-]*)[\s,]*)*", gap))


_PREP_PATTERNS: dict[str, re.Pattern] = {}


def _prep_pattern(prep: str) -> re.Pattern:
    """The compiled pattern of a preposition alternation, kept here rather than in the regular-expression
    module's cache (which holds 512 patterns: the extractor's own fixed ones must stay in it)."""
    if prep not in _PREP_PATTERNS:
        _PREP_PATTERNS[prep] = re.compile(r"\b(?:" + prep + r")\b", re.I)
    return _PREP_PATTERNS[prep]


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


def _passive(s: _Sentence, m: re.Match) -> bool:
    if re.search(r"ing\b", m.group(0).split()[0], re.I) or re.match(r"\w+(?:ion|ment|s|ors?) of\b|(?:in|on|at)\s", m.group(0)):
        return False  # "has been sending" is active; "shipments of" is a noun; "was in violation of" a predicate
    return bool(re.search(r"\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:(?:\w+ly|also|then|later|not|never|since)\s+)?$",
                          s.text[:m.start()], re.I)) \
        or bool(re.match(r"\s+by\b", s.text[m.end():]))


def _inside_name(s: _Sentence, m: re.Match) -> bool:
    """A trigger word that is part of a name ("UN sanction resolutions") is no trigger."""
    return any(x.start <= m.start() and m.end() <= x.end and not x.nested and x.kind != "description" for x in s.mentions)


def _next_arg(s: _Sentence, pos: int) -> int:
    """Where the first mention after ``pos`` starts (the sentence end if none)."""
    return min((m.start for m in s.mentions if m.start >= pos), default=len(s.text))


def _plain_rules(s: _Sentence) -> None:
    for rule in RULES:
        for m in rule.trigger.finditer(s.text):
            if _inside_name(s, m):
                continue
            if rule.relation == "trains" and _PROHIBITED.search(s.text[:m.start()]):
                continue
            if rule.relation == "violates" and (re.search(
                    r"\b(?:as|calling\s+(?:it|them))\s+(?!(?:they|it|he|she|we|these|those|this)\b)(?:an?\s+)?(?:[\w-]+\s+){0,2}$",
                    s.text[:m.start()], re.I) or re.search(r"\bfor\s+(?:[a-z]+\s+)?[a-z]+ing\b", s.text[_clause_start(s, m.start()):m.start()])):
                # ("sanctioned five entities for providing ... in violation of": the entities' doing, not the sanctioner's)
                continue  # "condemned the transfers as a violation of ...": what is called a violation is no actor
            if rule.relation == "hosts" and m.group(0).lower().startswith("conven") and \
                    len(subjects(s, m.start(), rule.subj)) > 1:
                continue  # "A, B and C convened a meeting": they held it together (participatedIn), none hosted
            if rule.relation == "sanctions" and re.search(r"\b(?:remov\w*|lift\w*|eas(?:e|ed|es|ing)|terminat\w*|relief)\s+"
                                                          r"(?:of\s+|from\s+)?(?:the\s+)?(?:[\w.’']+\s+){0,3}$", s.text[:m.start()], re.I):
                continue  # "preparing for the removal of United Nations sanctions against Iran": sanctions ending
            if rule.relation == "sponsors" and re.fullmatch(r"funds?|drafts?|tables?|sponsors?|presents?", m.group(0), re.I) \
                    and re.search(r"\b(?:a|an|the|this|that|its|their|his|her|our|slush|wealth|investment|sovereign|"
                                  r"reserve|pension|trust)\s+(?:[\w-]+\s+)?$", s.text[:m.start()], re.I):
                continue  # "a known slush fund for President Putin", "its wealth fund": a noun, no one sponsors
            if rule.relation == "supports" and objects(s, m.end(), RESOLUTION, limit=40):
                continue  # voting support for a resolution is votedFor
            if rule.relation == "supports" and re.search(r"\b(?:sanctions|measures|pressure|action|restrictions)\s+"
                                                         r"(?:against|on)\s+(?:the\s+)?$", s.text[m.end():_next_arg(s, m.end())], re.I):
                continue  # "supports sanctions against X" is not support for X
            if rule.relation in ("invaded", "occupies") and m.group(0).lower().endswith("ing") and re.search(
                    r"\b(?:for use in|for|in|of|by|to be used in|used in)\s+$", s.text[:m.start()], re.I):
                continue  # "arms for use in attacking Ukraine": the purpose of a transfer, with no attacker named
            if rule.relation == "supports" and re.search(
                    r"\b(?:in|of|for|financial|military|economic|political|humanitarian|budget|public|popular|"
                    r"international|diplomatic|material|their|its|his|her)\s+$", s.text[:m.start()], re.I):
                continue  # "financial support to Ukraine" is a noun: the transfer rules read it
            if rule.relation in ("memberOf", "partyTo") and re.match(r"join|accede", m.group(0), re.I) and re.search(
                    r"\b(?:ready|want\w*|seek\w*|aspir\w*|bid|hop\w*|plan\w*|expect\w*|eligible|invited|allowed|able|wish\w*|"
                    r"intend\w*|appl\w*|decision|right|path)\s+to\s+$", s.text[:m.start()], re.I):
                continue  # "Ukraine is not ready to join NATO", "its bid to join": not (yet) a member
            if rule.relation in ("memberOf", "partyTo", "participatedIn") and re.match(r"join", m.group(0), re.I) \
                    and re.match(r"\s+\w+(?:\s+\w+)?\s+in\s+(?:\w+ing|(?:its|their|the)\s+\w+)\b", s.text[m.end():]):
                continue  # "joined China in supporting ...", "joined Russia in its call": a co-subject marker
            if _passive(s, m) and rule.relation not in ("adoptedBy", "establishedBy"):
                agents = objects(s, m.end(), rule.subj, prep="by", limit=25)
                lo = _clause_start(s, m.start())
                patients = [x for x in _args(s, lo, m.start(), rule.obj) if not _in_parens(s.text, x.start)]
                if not patients:
                    patients = _antecedent(s, lo, rule.obj)
                if not patients:
                    patients = _dash_antecedent(s, lo, rule.obj)
                drafts = [x for x in s.mentions if x.cls == "DraftResolution" and not x.nested and x.end <= m.start()]
                if rule.relation == "vetoed" and drafts and not any(p.cls == "DraftResolution" for p in patients):
                    patients = drafts[-1:]  # "a draft that would have extended the panel of resolution 1718 ... due to a veto"
                if not patients and rule.subj == VOTER:  # "failed to adopt a draft ... due to a veto cast by X"
                    patients = [x for x in s.mentions if x.cls in RESOLUTION and not x.nested and x.end <= m.start()][-1:] or (
                        [Mention(lo, lo, "", s.recent_resolution, "DraftResolution", "coreference", False, 0.5)]
                        if s.recent_resolution else [])
                if not patients and s.salient and re.fullmatch(r"\s*(?:it|this|they)\s+(?:\w+\s+){0,3}", s.text[lo:m.start()], re.I):
                    ref = s.salient(tuple(sorted(rule.obj)))  # "It was ratified by ...": what the document is about
                    patients = [Mention(lo, lo, "", ref, "", "coreference", False, 0.5)] if ref else []
                if not agents:
                    continue
                # "South Korea, supported by the United States, and North Korea, supported by the Soviet Union":
                # each participle in apposition belongs to the name just before it, and its agents stop at the next
                agents = [a for a in agents if not re.match(r",\s+[a-z]+ed\s+by\b", s.text[a.end:])]
                appositive = patients and re.fullmatch(r",\s*", s.text[patients[-1].end:m.start()])
                patients = patients[-1:] if appositive else patients[-1:] and _coordinated(s, patients[-1], patients,
                                                                                           leftwards=True)
                if rule.relation == "partyTo":  # "ratified by Russia's State Duma": Russia is the party
                    agents = [x for x in map(lambda a: _polity(s, a), agents) if x.cls != "GovernmentBody"]
                for a in agents:
                    for p in patients:
                        s.add(a.entity, _relation_for(rule, a, s, m.group(0)), p.entity, m.start(), m.end(),
                              rule.confidence * 0.9, "passive:" + rule.relation)
                continue
            objs = objects(s, m.end(), rule.obj, rule.obj_prep)
            if rule.relation in ("invaded", "sanctions") and objs and re.search(r"\w\s+(?:in|at|near|off|across)\s+(?:the\s+)?$",
                                                              s.text[m.end():objs[0].start], re.I):
                continue  # "attacked ships in the Red Sea", "sanctioned two companies in Russia": where, not whom
            between = re.match(r"\s+between\s+", s.text[m.end():])
            if _NOMINAL.match(m.group(0)):
                subs = _adjacent(s, m.start(), rule.subj)
                if not subs and re.search(r"\b(?:its|their)\s+(?:(?:\d{4}|[a-z-]+),?\s+){0,3}$", s.text[:m.start()], re.I):
                    subs = _possessor(s, m.start(), rule.subj)  # "sanctions against Russia for its annexation of Crimea"
                if not subs and re.match(r"(?:talks|negotiations?)", m.group(0), re.I):
                    subs = subjects(s, m.start(), rule.subj)  # "X held talks with Y", "hosted X for talks with Y"
            elif rule.subj == VOTER:  # the nearest actor must be the voter: "the Council rejected a draft" has none
                subs = [x for x in subjects(s, m.start(), ACTOR) if x.cls in VOTER]
            else:
                subs = [_state_of(s, x) for x in subjects(s, m.start(), rule.subj)]
            if between and rule.obj == AGREEMENT or (between and rule.relation == "partyTo"):
                parties = objects(s, m.end(), rule.subj, prep="between")
                agreements = [x for x in _args(s, 0, m.start(), AGREEMENT)][-1:]
                for p in parties:
                    for a in agreements:
                        s.add(p.entity, _relation_for(rule, p), a.entity, m.start(), m.end(), rule.confidence, "between")
                continue
            each_other = re.match(r"\s+(?:each other|one another)\b", s.text[m.end():])
            if each_other and len(subs) < 2:  # "China and Russia ..., while supporting each other": the main subject
                first = [x for x in _args(s, 0, m.start(), rule.subj) if not x.nested][:1]
                subs = _coordinated(s, first[0], _args(s, 0, m.start(), rule.subj), leftwards=False) if first else subs
            if not objs and len(subs) >= 2 and rule.relation not in SYMMETRIC and each_other:
                for a in subs:  # "China and Russia support each other": both ways
                    for b in subs:
                        if a is not b and b.cls in rule.obj:
                            s.add(a.entity, rule.relation, b.entity, m.start(), m.end(), rule.confidence, "each-other")
                continue
            if rule.relation in SYMMETRIC and not objs and len(subs) >= 2:
                for i, a in enumerate(subs):
                    for b in subs[i + 1:]:
                        s.add(a.entity, rule.relation, b.entity, m.start(), m.end(), rule.confidence, "joint")
                continue
            rest = s.text[m.end():_clause_end(s, m.end())]
            if not objs and rule.relation in ("vetoed", "abstainedOn", "votedFor", "votedAgainst") \
                    and (len(rest.split()) <= 4 and not any(x.start >= m.end() for x in s.mentions) or
                         (_NOMINAL.match(m.group(0)) and subs)):  # "Moscow's veto fuels suspicion"
                here = [x for x in s.mentions if x.cls in RESOLUTION and x.end <= m.start()]  # "... voted against it"
                if rule.relation == "vetoed" and any(x.cls == "DraftResolution" for x in here):
                    here = [x for x in here if x.cls == "DraftResolution"]  # a veto blocks a draft
                if here:
                    objs = here[-1:]
                elif s.recent_resolution:
                    objs = [Mention(m.end(), m.end(), "", s.recent_resolution, "DraftResolution", "coreference", False, 0.5)]
            if rule.relation == "partyTo":
                subs = [_polity(s, a) for a in subs]
                for o in objs:  # "ratified the treaty with North Korea": the other party
                    tail = re.match(r"\s+with\s+(?:the\s+)?", s.text[o.end:])
                    if tail:
                        subs += [x for x in s.mentions if x.cls == "State" and x.start == o.end + tail.end()]
            signed = rule.relation == "partyTo" and re.match(r"sign|ink", m.group(0), re.I)
            for a in subs:
                for o in objs:
                    around = s.text[max(0, m.start() - 30):min(len(s.text), max(o.end, m.end()) + 30)]
                    if not (signed and a.cls == "State"):  # (signing makes a state a signatory; a party it
                        s.add(a.entity, _relation_for(rule, a, s, around), o.entity, m.start(), m.end(),  # becomes by
                              rule.confidence * min(a.confidence, o.confidence), rule.relation)  # ratifying)
                    if signed and a.cls == "State":
                        s.add(a.entity, "signatoryOf", o.entity, m.start(), m.end(),
                              rule.confidence * min(a.confidence, o.confidence), "signatoryOf")


def _adjacent(s: _Sentence, pos: int, classes: frozenset) -> list[Mention]:
    """The possessor or demonym right before a noun trigger: "Russia's invasion", "the Russian veto"."""
    return [m for m in s.mentions if m.cls in classes and m.end <= pos and
            re.fullmatch(r"(?:'s|’s)?\s*(?:[a-z]+\s+)?", s.text[m.end:pos]) and m.kind != "description"][-1:]


def _possessor(s: _Sentence, pos: int, classes: frozenset) -> list[Mention]:
    """What "its"/"their" before a noun trigger at ``pos`` stands for: the nearest actor of the right
    class named before it in the sentence, the object of a preposition included ("cooperation with
    Israel and denounced its occupation of ...")."""
    before = [m for m in s.mentions if m.end <= pos and m.cls in classes and not m.nested and not _is_modifier(s, m)
              and m.kind != "demonym"]
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


def _relation_for(rule: Rule, subject: Mention, s: _Sentence | None = None, around: str | None = None) -> str:
    """The relation a rule gives for this subject: support in a war (a war the sentence names, or
    military words in ``around``, the text near the trigger and its object) is military aid, a
    person signs."""
    if rule.relation == "supports" and s is not None:
        near = around if around is not None else s.text
        if re.search(r"\b(?:militar\w*|war|troops|arms|weapons|invasion|aggression|offensive|fighting)\b", near, re.I) or \
                any(m.cls == "Conflict" and re.search(r"\b(?:during|throughout|in the course of)\s+(?:the\s+)?$", s.text[:m.start], re.I)
                    for m in s.mentions):
            return "providesMilitaryAidTo"  # ("During the Korean War, the Soviet Union supported North Korea"; a war
            # named elsewhere in the sentence, "Following World War II, ... supported by", says nothing of it)
    if rule.by_subject and subject.cls in PERSON:
        return rule.by_subject["person"]
    if rule.relation == "partyTo" and subject.cls == "State" and around is not None and \
            re.search(r"\b(?:sign|ink)", around, re.I) and not re.search(r"\bratif", around, re.I):
        return "signatoryOf"  # "was signed by Russia and North Korea": signatories (a party is who ratifies)
    return rule.relation


_AID_KINDS = re.compile(r"\b(?P<kinds>(?:economic|financial|military|technical|humanitarian|security|budget)"
                        r"(?:,?\s+(?:and\s+)?(?:economic|financial|military|technical|humanitarian|security|budget))+)\s+"
                        r"(?:aid|assistance|support)\b", re.I)


def _classify(text: str) -> list[str]:
    kinds = _AID_KINDS.search(text)
    if kinds:  # "economic, technical, and military assistance": each kind of aid named
        words = kinds.group("kinds").lower()
        return [r for r, cue in (("providesEconomicAidTo", r"economic|financial|humanitarian|budget"),
                                 ("providesMilitaryAidTo", r"military|security")) if re.search(cue, words)]
    found = []
    if re.search(r"\b(?:financial|budget|economic|humanitarian) (?:support|aid|assistance)\b", text, re.I) and not re.search(
            r"\bmilitary (?:support|aid|assistance)\b", text, re.I):
        text = re.sub(r"\b(?:support|aid|assistance)\b", "", text, flags=re.I) + " economic benefits"
    for relation, pattern in MATERIEL:
        if pattern.search(text):
            found.append(relation)
    if "supports" in found and len(found) > 1:
        found.remove("supports")  # "aid and weapons": the weapons say what the aid is
    if "suppliesArmsTo" in found and "transfersMilitaryTechnologyTo" in found:
        found.remove("suppliesArmsTo")  # "weapon technology" is technology
    if "deploysTroopsTo" in found and re.search(r"\b(?:military supplies|military equipment)\b", text, re.I):
        found.remove("deploysTroopsTo")
    if "suppliesArmsTo" in found and re.search(r"\bnon-lethal\b", text, re.I) and not re.search(
            r"\b(?:weapons?|arms|ammunition|shells?|missiles?)\b", text, re.I):
        found.remove("suppliesArmsTo")
    return found


def _materiel_text(text: str) -> str | None:
    m = re.search(r"(?:[\w-]+\s+){0,3}?(?:troops|pilots|weapons|arms|ammunition|munitions|shells|missiles|rockets|"
                  r"drones|tanks|aircraft|equipment|supplies|technology|workers|food|fuel|oil|intelligence(?: resources)?)\b", text, re.I)
    return m.group(0).strip() if m else None


def _transfers(s: _Sentence, frame: ListFrame | None) -> None:
    for m in list(_TRANSFER_VERBS.finditer(s.text)) + list(_DEPLOY_VERBS.finditer(s.text)):
        deploy = m.re is _DEPLOY_VERBS
        if _inside_name(s, m) or _PROHIBITED.search(s.text[:m.start()]):
            continue  # "the Council prohibited the provision of arms to X": no transfer
        hi = _clause_end(s, m.end())
        fought = re.match(r"(?:fought|fight|fights|fighting)", m.group(0), re.I)
        if fought:
            recipients = objects(s, m.end() - 1 - len(m.group(0).split()[-1]), RECIPIENT, prep=r"alongside|for|behalf of")
        else:
            recipients = objects(s, m.end(), RECIPIENT, prep=r"to|into|toward|towards" + (r"|in" if deploy else ""))
            direct = [x for x in _args(s, m.end(), hi, RECIPIENT) if re.fullmatch(r"\s*(?:the\s+)?", s.text[m.end():x.start])]
            with_ = re.match(r"\s+with\b", s.text[direct[0].end:]) if direct else None
            if direct and not with_ and _classify(" ".join(s.text[direct[0].end:].split()[:4])):
                with_ = re.match(r"", s.text[direct[0].end:])  # "gave North Korea air defence systems"
            if with_:
                recipients = direct[:1]  # "supplied Pyongyang with food"
        stop = recipients[0].start if recipients else hi
        window = s.text[m.start():stop]
        if re.match(r"(?:transfers|shipments|deliveries|exports|sales|supplies)\b", m.group(0), re.I):
            window = " ".join(s.text[:m.start()].split()[-2:]) + " " + window  # "arms transfers from X to Y"
        if not fought and with_:
            window = s.text[direct[0].end:min(len(s.text), direct[0].end + 120)]
        window = re.split(r"\bin (?:exchange|return) for\b", window, flags=re.I)[0]
        lo = _clause_start(s, m.start())
        if re.match(r"(?:move|moves|moved|moving|relocat|transport)", m.group(0), re.I) and not _classify(window):
            window = s.text[lo:m.start()] + " " + window  # "10,000 soldiers ... have moved toward X"
        passive = _passive(s, m)
        if passive:
            window = s.text[lo:m.start()] + " " + window
        relations = _classify(window)
        if not relations and passive and re.search(r"\bwhich\b", s.text[max(0, lo - 12):lo + 8], re.I):
            window = s.text[:stop]  # "..., which could then be transferred to Y": what "which" stands for
            relations = _classify(window)
        if deploy and "deploysTroopsTo" not in relations:
            relations = ["deploysTroopsTo"]
        if not relations:
            continue
        if deploy or fought:
            relations = ["deploysTroopsTo"]
        givers: list[Mention] = []
        if passive:
            givers = objects(s, m.end(), ACTOR, prep="by", limit=25)
            if not givers:  # "South Korean artillery shells have been provided", "North Korean troops being deployed"
                states = [x for x in _args(s, lo, m.start(), STATE) if x.kind == "demonym" or x.nested]
                givers = states[-1:]
            if not givers and "deploysTroopsTo" in relations:  # "Wagner PMCs were sent to Libya": the force they belong to
                givers = [x for x in _args(s, lo, m.start(), POLITY - STATE)
                          if MATERIEL[0][1].match(s.text, x.end + 1) and s.text[x.end:x.end + 1] == " "][-1:]
            if not givers and re.search(r"\bwhich\b", s.text[max(0, lo - 12):lo + 8], re.I):
                before = s.text[:lo].rstrip(" ,").rstrip()
                ante = [x for x in _args(s, 0, len(before) + 8, ACTOR) if x.end >= len(s.text[:lo].rstrip(" ,")) - 8]
                givers = ante[-1:]
        elif ((re.match(r"\w+ of\b", m.group(0)) or re.match(r"\s+of\b", s.text[m.end():]))  # ("the transfer of": a noun)
              and re.search(r"\b(?:for|of|on|to|with|about|in)\s+(?:the\s+)?$", s.text[:m.start()], re.I)) or \
                (m.group(0).lower().endswith("ing") and re.search(r"\bfor\s+$", s.text[:m.start()], re.I)):
            # "... for the delivery of aid", "sanctioned five entities for providing support to X": not the subject's doing
            givers = []  # "failed to reauthorize ... for the delivery of aid into Syria": no giver named
        else:
            givers = subjects(s, m.start(), ACTOR)
            if not givers:
                # "North Korean troops fought", "North Korean military advisers": the demonym of the agent noun
                states = [x for x in _args(s, lo, m.start(), STATE) if x.kind == "demonym" or x.nested]
                givers = states[-1:]
        if not recipients and frame and frame.receiver:
            recipients = [Mention(0, 0, "", frame.receiver, "State", "coreference", False, 0.5)]
        materiel = _materiel_text(window)
        origin = [x for x in _args(s, m.end(), recipients[0].start if recipients else hi, POLITY)
                  if re.search(r"\bfrom\s+(?:the\s+)?$", s.text[m.end():x.start], re.I)]
        if origin and relations != ["deploysTroopsTo"]:
            givers = origin[:1]  # "weapons transfers from North Korea to Russia" (troops "sent from Syria" were only there)
        by = re.search(r"\bby\s+$", s.text[:m.start()], re.I)
        if by and not passive:
            # "North Korea may aid Russia by sending troops": the main verb's subject gives to its object
            before = [x for x in _args(s, lo, by.start(), RECIPIENT) if not _in_parens(s.text, x.start)]
            if before:
                recipients = recipients or before[-1:]
                givers = [_state_of(s, x) for x in subjects(s, before[-1].start, ACTOR)] or givers
        has_goal = re.search(r"\b(?:to|into)\b", s.text[m.end():hi], re.I)
        if not recipients and s.previous_states and not has_goal:
            partners = [x for x in s.previous_states if x not in {g.entity for g in givers}]
            if len(partners) == 1:
                recipients = [Mention(0, 0, "", partners[0], "State", "coreference", False, 0.55)]
        exchange = re.search(r"\bin (?:exchange|return) for\s+(.{0,60}?)(?:[,.;]|$)", s.text[m.end():], re.I)
        for g in givers:
            giver = _state_of(s, g)
            for r in recipients:
                for relation in relations:
                    s.add(giver.entity, relation, r.entity, m.start(), m.end(), 0.7 * min(giver.confidence, r.confidence),
                          "transfer", materiel)
                if exchange:  # "Russia has given North Korea air defence systems in exchange for troops"
                    for relation in _classify(exchange.group(1)):
                        s.add(r.entity, relation, giver.entity, m.start(), m.end(), 0.55, "exchange",
                              _materiel_text(exchange.group(1)))


def _reverse_transfers(s: _Sentence) -> list[tuple[str, str]]:
    """ "A turned to B for weapons", "A is receiving benefits from B": B gives to A."""
    frames = []
    for m in _REVERSE.finditer(s.text):
        hi = _clause_end(s, m.end())
        turn = re.match(r"turn|rel|depend", m.group(0), re.I)
        if turn:
            givers = [x for x in _args(s, m.end(), hi, RECIPIENT)][:1]
            if not givers:
                continue
            fm = re.compile(r"\bfor\b", re.I).search(s.text, givers[0].end, hi if hi > givers[0].end else len(s.text))
            window = s.text[fm.end():] if fm else ""
            window = window[:120]
        else:
            fm = re.compile(r"\bfrom\b", re.I).search(s.text, m.end(), hi)
            if not fm:
                continue
            givers = [x for x in _args(s, fm.end(), hi, RECIPIENT) if x.start - fm.end() < 25][:1]
            window = s.text[m.end():fm.start()]
        takers = subjects(s, m.start(), RECIPIENT)
        if not givers or not takers:
            continue
        relations = _classify(window)
        materiel = _materiel_text(window)
        for t in takers:
            for g in givers:
                for relation in relations:
                    s.add(g.entity, relation, t.entity, m.start(), m.end(), 0.65, "reverse-transfer", materiel)
                frames.append((g.entity, t.entity))
                # "In exchange for military support, A receives ... from B": A gives that support to B
                ex = re.search(r"\bin (?:exchange|return) for\s+(.{0,60}?)(?:,|$)", s.text[:m.start()], re.I)
                if ex:
                    for relation in _classify(ex.group(1)):
                        s.add(t.entity, relation, g.entity, ex.start(), ex.end(), 0.6, "exchange", _materiel_text(ex.group(1)))
    return frames


def _withdrawals(s: _Sentence) -> None:
    """ "demanded that X withdraw all its forces from Y": forces one must withdraw from a place were
    deployed there."""
    lowered = s.text.lower()
    if not ("withdr" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    for m in re.finditer(r"\bwithdr[ae]w(?:s|n|al of|ing)?\s+(?:all\s+)?(?:of\s+)?(?:its|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:troops|forces|military|soldiers|personnel|units)\s+from\s+(?:the\s+(?:territory|soil)\s+of\s+)?",
                         s.text, re.I):
        places = objects(s, m.end() - 1, RECIPIENT, limit=5)
        for g in subjects(s, m.start(), POLITY):
            for p in places:
                s.add(_state_of(s, g).entity, "deploysTroopsTo", p.entity, m.start(), m.end(), 0.55, "withdraw-from", "forces")


def _workers(s: _Sentence) -> None:
    for m in re.finditer(r"\b(?:workers|labou?rers|construction crews|engineering (?:units|brigades))\b", s.text, re.I):
        owners = [x for x in s.mentions if x.cls == "State" and x.end <= m.start() and m.start() - x.end <= 3]
        if not owners:
            continue
        hi = _clause_end(s, m.end())
        dest = re.compile(r"\b(?:in|to|into)\b", re.I)
        for d in dest.finditer(s.text, m.end(), hi):
            places = [x for x in _args(s, d.end(), hi, PLACE) if x.start - d.end() <= 6]
            if places:
                s.add(owners[-1].entity, "sendsWorkersTo", places[0].entity, m.start(), m.end(), 0.6, "workers", "workers")
                break


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
        if a.cls in STATE | ORGS and b.cls in PERSON and (_LEADER_TITLE.match(gap) or (
                a.cls in ORGS and _ORG_HEAD_TITLE.fullmatch(gap))):
            s.add(b.entity, "leaderOf", a.entity, a.start, b.end, 0.85, "title")
        elif a.cls in POLITY and b.cls in PERSON and _OTHER_TITLE.fullmatch(gap):
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
    for p in prim:  # "Secretary of State Antony Blinken": the office the title names
        if p.cls in PERSON:
            before = text[max(0, p.start - 60):p.start]
            for pattern, office, relation, after in TITLES:
                if pattern.search(before) or after.match(text, p.end):  # (", Under-Secretary-General for ...")
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
        if a.cls in PERSON and b.cls == "State" and re.fullmatch(r"\s+\(", text[a.end:b.start]) and \
                text[b.end:b.end + 1] == ")":
            s.add(a.entity, "officialOf", b.entity, a.start, b.end + 1, 0.65, "title")
    for a, b in zip(prim, prim[1:]):  # "Vasily Nebenzya of the Russian Federation said": a state's representative
        if _person_of_state(s, a, b):  # (a name suffix may come between: "Joseph R. Biden, Jr. of the United States")
            leader = re.search(r"\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir)\s+$", text[:a.start])
            s.add(a.entity, "leaderOf" if leader else "officialOf", b.entity, a.start, b.end, 0.65, "title")
    for d in prim:  # "the Russian Federation's competing draft": its sponsor
        owner = [x for x in prim if x.cls in STATE and x.end <= d.start and
                 re.fullmatch(r"(?:'s|’s)\s+(?:[a-z]+\s+)?", text[x.end:d.start])]
        if d.cls == "DraftResolution" and owner:
            s.add(owner[-1].entity, "sponsors", d.entity, owner[-1].start, d.end, 0.65, "draft-of")
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
            ap = re.fullmatch(r"\s*(?:\([^)]*\)\s*)?,\s*(?:(?:is|was)\s+)?(?:a|an|the)?\s*(?P<title>[A-Za-z][\w\s-]{0,60}?)\s+"
                              r"(?:at|of|with|for|in)\s+(?:the\s+)?", gap, re.I) or \
                re.fullmatch(r"\s*,\s*(?P<title>(?:[A-Z][\w-]*\s+){0,3}(?:Director|Head|Chair\w*|President|Founder|"
                             r"Spokes\w+|Representative|Envoy|Coordinator|Fellow|Analyst|Researcher))\s*,\s*(?:the\s+)?", gap)
            # ("Jane Roe, Executive Director, Arms Watch, said": a title in commas between name and organisation)
            if ap and org.cls in ORGS | STATE and org.kind != "demonym":  # ("chief of the Russian General Staff")
                title = ap.group("title").lower()
                relation = None
                if org.cls == "InternationalOrganization" and re.fullmatch(
                        r"(?:(?:current|former|new|then)\s+)?(?:secretary[ -]general|director[ -]general|president|"
                        r"chair(?:man|woman|person)?|head)", title):
                    relation = "leaderOf"  # "Jane Roe, the Secretary General of NATO": the head of an organisation leads it
                elif re.search(r"\bfellow\b", title):
                    relation = "fellowOf"
                elif re.fullmatch(r"(?:(?:current|former|new|then|supreme|top)\s+)?leader", title) and org.cls in ORGS:
                    relation = "leaderOf"  # "X, the leader of Hezbollah"
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
        if re.match(r"(?:Republic|Kingdom|Dominion|Federation|Empire|Principality|Emirate|Sultanate|State)\s+of\b", a.text):
            inner = []  # "the Republic of China" is a polity's name, not a place in China
        for x in inner:
            if re.search(r"\b(?:of|in)\s+$", text[a.start:x.start], re.I):
                s.add(a.entity, "locatedIn", x.entity, a.start, a.end, 0.7, "located-inner")
    # "Russia's Kursk region", "the Russian port of Vostochny"
    for a, b in zip(s.mentions, s.mentions[1:]):
        if a.cls == "State" and b.cls == "Place" and not b.nested and (
                re.fullmatch(r"(?:'s|’s)\s+", text[a.end:b.start]) or
                (re.fullmatch(r"\s+", text[a.end:b.start]) and re.match(r"(?:port|city|town|village|region|province|district|base|island|oblast)\s+of\b", b.text, re.I)) or
                re.fullmatch(r"\s+(?:(?:port|city|town|village|region|province|district|base|island|oblast|capital|coastal|"
                             r"border|naval|northern|southern|eastern|western)\s+){1,2}of\s+", text[a.end:b.start], re.I)):
            # ("Ukraine's Luhansk, Donetsk, Kherson, and Zaporizhzhia regions": each of them)
            for x in _coordinated(s, b, [p for p in s.mentions if p.cls in ("Place", "Actor") and not p.nested] + [b],
                                  leftwards=False):
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
    for m in re.finditer(r"\b(?:alliances?|axis|bloc)\b", text, re.I):
        # "the Russia-Iran alliance", "the U.S.-Japan and U.S.-ROK alliances": each hyphened pair before the noun
        states = [x for x in s.mentions if x.cls == "State" and x.end <= m.start()]
        end = m.start()
        while len(states) >= 2 and re.fullmatch(r"\.?\s*[-‐‑–]\s*", text[states[-2].end:states[-1].start]) and \
                re.fullmatch(r"\s*(?:(?:,|and|,\s*and)\s+)?", text[states[-1].end:end]) and states[-1].end <= end:
            s.add(states[-2].entity, "alliedWith", states[-1].entity, states[-2].start, m.end(), 0.7, "x-y-alliance")
            end = states[-2].start
            states = states[:-2]
            if not m.group(0).lower().endswith("s"):
                break
    # "Iran and Russia are strategic allies", "Russia is Belarus' largest partner"
    for m in re.finditer(r"\b(?:are|were|remain|remained|became|become|have been)\s+(?:also\s+)?(?:[\w-]+\s+){0,3}?"
                         r"(?P<noun>allies|partners)\b", text, re.I):
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
        # "war of aggression against Ukraine", "the war against Ukraine": the side attacked takes part too
        owner += [x for x in s.mentions if x.nested and x.cls in STATE and c.start <= x.start and x.end <= c.end and
                  re.search(r"\b(?:against|on)\s+(?:the\s+)?$", text[c.start:x.start])]
        for x in owner:
            s.add(x.entity, "participatedIn", c.entity, x.start, c.end, 0.6, "conflict-party")
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
        # the main clause after the participle's own (a tally in parentheses has commas of its own)
        after = next((a for a in re.finditer(r",\s+(?:the\s+)?", text[res[0].end:]) if not _in_parens(text, res[0].end + a.start())),
                     None)
        at = (res[0].end + after.start(), res[0].end + after.end()) if after else None
        bodies = [x for x in prim if x.cls in ORGS and at and at[0] < x.start <= at[1]] if at else []
        if not bodies:  # "Security Council Demands ..., Adopting Resolution 2216": the subject before
            bodies = [x for x in subjects(s, m.start(), ORGS)]
        for b in bodies[:1]:
            s.add(res[0].entity, "adoptedBy", b.entity, m.start(), res[0].end, 0.7, "adopting")
        # "Security Council Demands End to Violence in Myanmar, ..., Adopting Resolution 2669": whom the demand is about
        demand = re.search(r"\b(?:demand|condemn|urg|call(?:s|ed)? (?:on|for)|impos)\w*\s+", text[:m.start()], re.I)
        if demand:
            for x in prim:
                if x.cls == "State" and demand.end() <= x.start < m.start() and not _in_parens(text, x.start):
                    s.add(res[0].entity, "targets", x.entity, m.start(), res[0].end, 0.5, "resolution-targets")
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
    for m in re.finditer(r"\b(?:consisting of|comprising|composed of|made up of)\s+(?:the\s+)?"
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
        if _inside_name(s, m) or re.match(r"\s+(?:and\s+\w+\s+)?(?:[A-Z][\w-]*\s+)*(?:Treaty|Agreement|Pact)\b", text[m.end():]):
            continue  # "the 1958 Mutual Defense Agreement", "the Mutual Aid and Cooperation Treaty": a name, not a pledge
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
            for t in s.mentions:
                if t.cls in AGREEMENT and not t.nested:
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
    for m in re.finditer(r"\b(?:cooperat\w*|co-operat\w*|collaborat\w*|partnership|ties|relationships?|relations|"
                         r"coordinat\w*|work(?:s|ed|ing)? (?:closely )?)\s+(?:with|between)\s+", text, re.I):
        word = m.group(0).split()[0].lower()
        if any(x.start <= m.start() < x.end and not x.nested and x.kind != "description" for x in s.mentions) or \
                (m.group(0)[:1].isupper() and m.start() > 0 and re.search(r"\b(?:[A-Z][\w-]*\s+)(?:and\s+)?$", text[:m.start()])):
            continue  # "Treaty on ... Partnership with North Korea", "Friendly Cooperation Between": part of a name
        if word.startswith(("ties", "relation")) and not _POSITIVE.search(text[max(0, m.start() - 60):m.start()]) and \
                not re.search(r"\b(?:grown|grew|grow|become|became|been)\s+(?:much\s+|even\s+)?(?:closer|stronger|warmer|deeper)\b|"
                              r"\b(?:strengthened|deepened|improved|warmed|expanded)\b", _clause_rest(s, m.end()), re.I):
            continue  # ("relations between A and B have grown closer": positive after the pair)
        if m.group(0).strip().lower().endswith("between"):
            objs = objects(s, m.end() - 1, POLITY, limit=5)
            for i, a in enumerate(objs):
                for b in objs[i + 1:]:
                    s.add(a.entity, "cooperatesWith", b.entity, m.start(), m.end(), 0.55, "cooperation-between")
            continue
        objs = objects(s, m.end() - 1, POLITY, limit=5)
        for a in subjects(s, m.start(), POLITY):
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
            for x in s.mentions:
                if x.cls == "State" and r.end < x.start < clause_end:
                    s.add(r.entity, "targets", x.entity, r.start, r.end, 0.5, "resolution-targets")


_VOTE_COUNT = re.compile(r"\b(?P<kind>in favou?r|against|abstentions?|abstaining|abstained)\s*\((?P<list>[^)]*)\)", re.I)


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
        tail = re.match(r"(?:\s*\([^)]*\))?\s+(?:between|among)\s+(?:the\s+)?(?:[Gg]overnments?\s+of\s+(?:the\s+)?)?",
                        text[a.end:])
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
    for m in re.finditer(r"\b(?:is|was|became|remains)\s+an?\s+(?:[\w-]+\s+){0,4}?" + _PACT_NOUN +
                         r"\s+(?:between|among)\s+(?:the\s+)?", text, re.I):
        pacts = [p for p in subjects(s, m.start(), AGREEMENT | {"InternationalOrganization"}) if p.kind != "description"]
        for x in objects(s, m.end() - 1, POLITY, limit=3) if pacts else ():
            for p in pacts[:1]:
                s.add(x.entity, "partyTo", p.entity, m.start(), m.end(), 0.65, "agreement-between")


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
                   re.fullmatch(r"(?:'s|’s|')?\s*", text[x.end:m.start()])]
        if not patrons or patrons[-1].kind != "demonym" and not re.match(r"(?:'s|’s|')", text[patrons[-1].end:]):
            continue  # ("the support for X" without its owner is nobody's; a state before it owns it only as "X's")
        kind = m.group("kind").lower()
        relation = "providesMilitaryAidTo" if "military" in kind else \
            "providesEconomicAidTo" if re.search(r"financial|economic", kind) else "supports"
        for o in [x for x in s.mentions if x.cls in POLITY and not x.nested and x.start == m.end()][:1]:
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


_MEASURES = re.compile(
    r"\b(?:impos|tak|adopt|announc|tighten|expand|introduc|levy|levi|broaden|extend|prolong|renew)\w*\s+"
    r"(?:(?!(?:to|would|could|should|erode|eroding|undermin\w*|evad\w*|circumvent\w*|lift\w*|eas\w*|relief)\b)[\w-]+\s+){0,8}?"
    r"(?:sanctions|measures|costs|restrictions|penalties|actions)\s+(?:today\s+)?(?:against|on|targeting|in view of)\s+(?:the\s+)?",
    re.I)
_PROHIBITED_DEALINGS = re.compile(
    r"\bprohibit\w*\s+(?:any\s+|all\s+)?(?:U\.S\.\s+|US\s+|EU\s+)?(?:persons?|entities|companies|nationals|citizens)\s+from\s+"
    r"(?:[\w-]+\s+){0,4}?transactions?\s+(?:involving|with)\s+(?:the\s+)?", re.I)
_DESIGNATING = re.compile(r"\bdesignat(?:e|es|ed|ing)\s+(?:[A-Z][\w-]+\s+)?nationals?,?\s+", re.I)


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
        if not objs or re.search(r"\b(?:would have|fail\w*\s+to|fail\w*\s+to\s+adopt\w*\s+(?:\w+\s+){0,6}|(?:it|which|that)\s+(?:\w+\s+){0,2})$",
                                 text[max(0, m.start() - 120):m.start()], re.I):
            continue  # what a failed draft "would have" done, or what "it" (a text) aimed to do, is no sanction
        subs = subjects(s, m.start(), POLITY)
        if not subs and re.search(r"\b(?:that|which)\s+$", text[:m.start()]):  # "is taking actions today that tighten ..."
            subs = subjects(s, text.rfind(" ", 0, m.start() - 6), POLITY)
        for a in subs:
            for o in objs:
                s.add(a.entity, "sanctions", o.entity, m.start(), m.end(), 0.6, "measures-against")


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


def _vote_lists(s: _Sentence) -> None:
    """ "by 13 votes in favour (A, B) to 2 against (C), with 5 abstentions (D, E)": how each listed
    member voted on the resolution of the sentence (or the one the document is about)."""
    resolutions = [m.entity for m in s.mentions if m.cls in RESOLUTION and not m.nested] or \
        ([s.recent_resolution] if s.recent_resolution else [])
    if not resolutions:
        return
    for m in _VOTE_COUNT.finditer(s.text):
        kind = m.group("kind").lower()
        relation = "votedFor" if kind.startswith("in") else "votedAgainst" if kind == "against" else "abstainedOn"
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
        texts = [x for x in s.mentions if x.cls in RESOLUTION and not x.nested and comma and x.start == after + comma.end()] or (
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


def _member_lists(s: _Sentence) -> None:
    """ "Former members of the CSTO were A, B and C", "member states: A, B": the organisation first; "the
    EFTA countries Iceland and Liechtenstein", "A and B, members of the EEA", "the Shanghai Five, formed in
    1996 between A, B and C": the members named with their organisation."""
    for m in re.finditer(r"\b(?:member\s+)?(?:countries|states|nations|members|allies)\s+(?=[A-Z])", s.text):
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
        listed = re.match(r"\s*\(\s*(?:the\s+)?", s.text[org[0].end:])
        if listed:  # "the permanent members of the Security Council (China, France, Russia, ...)"
            relation = "permanentMemberOf" if m.group("permanent") else "memberOf"
            close = s.text.find(")", org[0].end)
            for x in objects(s, org[0].end + listed.end(), POLITY, limit=3):
                if close < 0 or x.end <= close:
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


def _counterfactual_drafts(s: _Sentence) -> None:
    """A draft resolution that "would have condemned X" did not: it targets X."""
    drafts = {m.entity for m in s.mentions if m.cls == "DraftResolution"}
    for i, c in enumerate(s.out):
        if c.subject in drafts and c.relation in ("condemned", "sanctions"):
            s.out[i] = Candidate(c.subject, "targets", c.object, c.trigger_start, c.trigger_end, c.confidence, c.rule, c.materiel)


def _party_inference(s: _Sentence) -> None:
    """A leader who signs makes the state a party: "Russian President Putin signed the treaty"."""
    leaders = {c.subject: c.object for c in s.out if c.relation == "leaderOf"}
    for c in list(s.out):
        if c.relation == "signatoryOf" and c.subject in leaders:
            s.add(leaders[c.subject], "partyTo", c.object, c.trigger_start, c.trigger_end, c.confidence * 0.8, "leader-signs")


#: Unnamed agents a participle can belong to: "persons and entities supplying ...", "those responsible for supporting".
_UNNAMED_AGENTS = re.compile(r"\b(?:persons|entities|individuals|companies|firms|those|people|networks|vessels|actors|"
                             r"groups|officials|suppliers|intermediaries|(?:responsible|involved)\s+(?:for|in))"
                             r"(?:\s*,?\s*(?:[a-z]+ing|or|and|otherwise|being|directly|indirectly)\b)*\s*,?\s*$", re.I)
#: Relations a body calls on others to enter ("urged all States ... to cooperate with the Committee",
#: "encouraged the parties to join the treaty"): what is asked for has not happened.
_EXHORTABLE = frozenset({"cooperatesWith", "supports", "memberOf", "partyTo", "signatoryOf", "ratified", "metWith",
                         "negotiatesWith", "participatedIn", "alliedWith"})
_EXHORTATION = re.compile(r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon)|encourag(?:e|es|ed|ing)|"
                          r"request(?:s|ed|ing)?|invit(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to|press(?:es|ed|ing)?)\b"
                          r"[^.;:]{0,120}?\bto\s+(?:[a-z]+\s+){0,3}$", re.I)


def find_relations(text: str, mentions: list[Mention], *, offset: int = 0, recent_state: str | None = None,
                   recent_event: str | None = None, recent_conflict: str | None = None,
                   frame: ListFrame | None = None, previous_states: list[str] | None = None,
                   recent_resolution: str | None = None, salient=None, speakers: list[str] | None = None,
                   previous_people: list[tuple[str, str]] | None = None,
                   previous_list: list[str] | None = None, people_list: list[tuple[str, str]] | None = None,
                   they_are_people: bool = False) -> list[Candidate]:
    """Every relation candidate of one sentence (``mentions`` carry document offsets, ``offset`` is
    where the sentence starts); ``frame`` carries a list header's giver and receiver, ``salient``
    gives the entity of some classes the document named last (for "it was ratified by ..."),
    ``previous_people`` the last two people named before (for "the two leaders"), ``previous_list``
    the states of the last sentence that named several (for "the same countries")."""
    s = _Sentence(text, _rel(mentions, offset), recent_state, recent_event, recent_conflict, list(previous_states or []),
                  recent_resolution, salient, list(speakers or []), list(previous_people or []),
                  list(previous_list or []), list(people_list or []), they_are_people)
    _plain_rules(s)
    _transfers(s, frame)
    frames = _reverse_transfers(s)
    _workers(s)
    _withdrawals(s)
    _constructions(s)
    _vote_lists(s)
    _member_lists(s)
    _adopted_by_votes(s)
    _sponsor_lists(s)
    _measures_against(s)
    _in_consultation(s)
    _its_leader(s)
    _missions(s)
    _founders_and_sides(s)
    _party_inference(s)
    _counterfactual_drafts(s)
    if frame is not None:
        if frames:
            frame.giver, frame.receiver = frames[0]
        if frame.giver and not s.out and not [m for m in s.mentions if m.cls in RECIPIENT - frozenset({"Place"}) and m.kind != "demonym"]:
            for relation in _classify(text):
                s.add(frame.giver, relation, frame.receiver, 0, len(text), 0.5, "list-item", _materiel_text(text))
    seen = set()
    out = []
    # ("the support for its war provided by Iran": whom the support goes to, support-for knows better than transfer)
    supported = {(c.subject, c.relation) for c in s.out if c.rule == "support-for"}
    s.out = [c for c in s.out if not (c.rule == "transfer" and (c.subject, c.relation) in supported)]
    for c in sorted(s.out, key=lambda c: -c.confidence):
        if c.relation in _EXHORTABLE and _EXHORTATION.search(text[:c.trigger_start]):
            continue  # "urged all States to cooperate with the Committee": a call, not a fact
        if re.match(r"[a-z]+ing\b", text[c.trigger_start:c.trigger_end]) and _UNNAMED_AGENTS.search(text[:c.trigger_start]):
            continue  # "to target persons and entities supplying ... Iran's missiles": the unnamed entities supply
        key = (c.subject, c.relation, c.object)
        if c.relation in SYMMETRIC:
            key = (min(c.subject, c.object), c.relation, max(c.subject, c.object))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


RELATION_TRIGGERS = {r.relation: r.trigger.pattern for r in RULES}


#: Relations read off fixed constructions rather than the trigger lexicons (titles, appositions,
#: "X-Y alliance", "located in" ...); with RULES and MATERIEL, every relation this module produces.
_CONSTRUCTIONS = frozenset({"officialOf", "directorOf", "fellowOf", "leaderOf", "locatedIn", "successorOf", "targets", "alliedWith",
                            "mutualDefenceWith", "cooperatesWith", "affiliatedWith", "hosts", "partOf", "participatedIn",
                            "occupies", "sanctions", "partyTo", "adoptedBy", "votedFor", "votedAgainst",
                            "abstainedOn", "memberOf", "invaded", "sponsors", "directorOf"})
PRODUCIBLE = frozenset({r.relation for r in RULES} | {v for r in RULES if r.by_subject for v in r.by_subject.values()}
                       | {rel for rel, _ in MATERIEL} | _CONSTRUCTIONS)
