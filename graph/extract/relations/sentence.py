"""The sentence under analysis and the candidates it collects, with its clause bounds and the small
tests on a trigger (passive voice, inside a name) every family of rules uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..mentions import Mention


_PREPOSITIONS = {"of", "with", "to", "for", "from", "by", "against", "on", "in", "at", "about", "between", "among",
                 "toward", "towards", "into", "over", "under", "amid", "amidst", "during", "after", "before", "since",
                 "including", "like", "than", "via", "upon", "across", "within", "without", "despite", "behind",
                 "beyond", "near", "onto", "per", "regarding", "concerning", "alongside", "following"}


_BOUNDARY = re.compile(r";|:|—|\bthat\b|,\s*(?:which|who|whom|whose|while|whereas|but|although|though|because|as(?! well as)|when|if|"
                       r"and then|so)\b|\bwhile\b|\bwhereas\b|\bbecause\b|\balthough\b|\bwhen\b|\bif\b|\bas\s+(?=\w+\s+(?:had|have|has|was|were|did|do|does)\b)", re.I)


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


def _clause_start(s: _Sentence, pos: int) -> int:
    start = 0
    for b in _BOUNDARY.finditer(s.text, 0, pos):
        if not _in_parens(s.text, b.start()):
            start = b.end()
    return start


def _clause_end(s: _Sentence, pos: int) -> int:
    for b in _BOUNDARY.finditer(s.text, pos):
        if b.group(0) == ":" and re.search(r"\b(?:counterparts|colleagues)$", s.text[:b.start()]):
            continue  # "met with his AUKUS counterparts: A and B": the colon lists whom
        if not _in_parens(s.text, b.start()) and b.group(0).strip().lower() != "that":
            return b.start()
    return len(s.text)


def _clause_rest(s: _Sentence, pos: int) -> str:
    """The text from ``pos`` to the end of its clause."""
    return s.text[pos:_clause_end(s, pos)]


_PREP_PATTERNS: dict[str, re.Pattern] = {}


def _prep_pattern(prep: str) -> re.Pattern:
    """The compiled pattern of a preposition alternation, kept here rather than in the regular-expression
    module's cache (which holds 512 patterns: the extractor's own fixed ones must stay in it)."""
    if prep not in _PREP_PATTERNS:
        _PREP_PATTERNS[prep] = re.compile(r"\b(?:" + prep + r")\b", re.I)
    return _PREP_PATTERNS[prep]


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
