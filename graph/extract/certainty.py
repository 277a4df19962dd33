"""Certainty of a claim from its sentence: negation, hedging and attribution.

The scale follows data/README.md: ``denied`` where the text says it did not happen, ``speculative``
for "may", "could", "likely", "possibility", "unconfirmed", ``reported`` for "according to",
"reportedly", "there are reports", and ``confirmed`` otherwise. Negation counts only close before
the trigger (so "did not sign" is denied but "signed a pact that does not bind" is not); hedges
count from the start of the sentence up to just after the trigger, so the content of a warning
("warned that Russia would ...") does not hedge the warning itself. The source of a claim
(``according_to``) is the entity named in "according to X", "X reported/said/claimed that".

>>> assess("Russia did not sign the treaty.", 15, 19).certainty
'denied'
>>> assess("North Korea reportedly sent shells.", 24, 28).certainty
'reported'
>>> assess("North Korea may send troops.", 16, 20).certainty
'speculative'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Assessment", "assess", "attribution_spans", "NEGATION_RE", "HEDGE_RE", "REPORT_RE"]

NEGATION_RE = re.compile(
    r"\b(?:not|never|no longer|neither|nor|n[o']t|refused to|declined to|fail(?:s|ed|ure)? to|avoided|refrained from|"
    r"stopped short of)\b|n't\b", re.I)
DENIAL_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rejected (?:the )?(?:reports?|claims?|allegations?)|dismissed (?:the )?(?:reports?|claims?)|"
    r"refuted|false claims?|no evidence that)\b", re.I)
HEDGE_RE = re.compile(
    r"\b(?:may|might|could|would|likely|unlikely|possibl[ey]|possibility|potential(?:ly)?|perhaps|maybe|"
    r"speculat\w*|unconfirmed|not (?:yet )?confirmed|remains? unconfirmed|if|whether|suggest(?:s|ed|ing)?|"
    r"expected to|plans? to|planning to|considering|consider(?:s|ed)? (?:sending|sanctioning)|seems?|appears? to|"
    r"concerns? that|fears? that|estimates?|estimated|rumou?r\w*|prospect of|option of|discussions? about|"
    r"talk of|could be|would be|is set to|are set to|threaten(?:s|ed)? to)\b", re.I)
#: A suspicion on the claim itself, right before its trigger: "the suspected transfer of drones", "Iran is suspected of
#: supplying" (not on another thing of the sentence: "cargo suspected of heading to North Korea").
_SUSPECTED = re.compile(r"\b(?:suspected|suspect(?:s|ing)? that)\s+(?:(?:of|to|be|have|been|the|an?|[\w-]+ly)\s+){0,3}$", re.I)
#: Phrases of emphasis whose words look like hedges: "condemn in the strongest possible terms", "as soon as possible".
_EMPHASIS = re.compile(r"\b(?:in the (?:strongest|firmest|clearest) possible terms|as (?:soon|quickly|much|closely) as possible|"
                       r"(?:all|every) possible)\b", re.I)
#: What a draft "would have" done is its content, not a doubt about the draft or the vote on it: "The text
#: that would have demanded a halt received 11 votes", "the draft, by which the Council would have urged ...".
_DRAFT_CONTENT = re.compile(r"\b(?:text|draft|resolution|proposal)s?,?\s+(?:that|which|by which)\s+(?:[\w’'-]+\s+){0,3}?"
                            r"would(?:\s+also)?\s+have\b", re.I)
REPORT_RE = re.compile(
    r"\b(?:reportedly|according to|reports? (?:that|of|say|said|suggest)|reported(?:ly)?|there are reports|"
    r"said|says|claim(?:s|ed)?|alleg(?:e|es|ed|edly)|revelations?|sources? (?:say|said)|indicat(?:e|es|ed)|"
    r"told|stated|announced|cited|quoted|intelligence (?:shows|suggests)|assess(?:es|ed)? that|believed to)\b", re.I)
_SOURCE_VERBS = re.compile(
    r"\s*(?:has |have |had )?(?:reported|said|says|claimed|claims|stated|told|announced|alleged|revealed|"
    r"confirmed|denied|denies|warned|estimated|assessed|believes|believed|noted|wrote|reports)\b", re.I)


@dataclass(frozen=True)
class Assessment:
    certainty: str
    cue: str | None = None  # the word that decided it


def assess(sentence: str, trigger_start: int, trigger_end: int) -> Assessment:
    """The certainty of a claim whose trigger is ``sentence[trigger_start:trigger_end]``."""
    before = sentence[max(0, trigger_start - 45):trigger_start]
    clause_before = re.split(r"[;:]|,\s*(?:but|while|whereas)\b", before)[-1]
    tokens_before = clause_before.split()[-6:]
    window = " ".join(tokens_before)
    negation = NEGATION_RE.search(window)
    if re.search(r"\b(?:not|n't|never)\s+(?:deny|denied|dispute|disputed|rule out|ruled out|contest|contested)\b",
                 sentence[:trigger_start], re.I):
        return Assessment("reported", "did not deny")  # not denying a claim is not confirming it
    if negation and not re.search(r"\bnot only\b|\bno sooner\b", window, re.I):
        return Assessment("denied", negation.group(0))
    denial = DENIAL_RE.search(sentence[:trigger_start])
    if denial:
        return Assessment("denied", denial.group(0))
    scope = sentence[:min(len(sentence), trigger_end + 12)]
    scope = _EMPHASIS.sub(lambda m: " " * len(m.group(0)), scope)  # ("in the strongest possible terms": no doubt)
    scope = _DRAFT_CONTENT.sub(lambda m: " " * len(m.group(0)), scope)
    hedge = HEDGE_RE.search(scope) or _SUSPECTED.search(sentence, max(0, trigger_start - 40), trigger_start)
    if hedge:
        return Assessment("speculative", hedge.group(0))
    report = REPORT_RE.search(scope)
    if report:
        return Assessment("reported", report.group(0))
    return Assessment("confirmed")


def attribution_spans(sentence: str) -> list[tuple[int, int, str]]:
    """Where a sentence names a source: ``(start, end, kind)`` of the text right after "according to"
    (kind "after") or right before "said/reported ..." (kind "before"); the caller links the
    mention found there."""
    spans = []
    for m in re.finditer(r"\baccording to\s+", sentence, re.I):
        spans.append((m.end(), min(len(sentence), m.end() + 80), "after"))
    for m in _SOURCE_VERBS.finditer(sentence):
        spans.append((max(0, m.start() - 80), m.start(), "before"))
    return spans
