"""Sentence segmentation with character offsets into the document body.

Lines are split first (headings, bullets and list items are sentences of their own in news
summaries), then each line at sentence-final punctuation, sparing abbreviations such as "Dr." or
"U.S.". Bullet markers ("•", "-", "1.") are left out of the sentence span, so a sentence's text is
exactly ``text[start:end]`` and can serve as an evidence quote.

>>> [s.text for s in split_sentences("Dr. Kim met Putin. They signed it.\\n  • Shells sent")]
['Dr. Kim met Putin.', 'They signed it.', 'Shells sent']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "brig", "cmdr", "gov", "sen",
    "rep", "st", "vs", "etc", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u", "n", "s", "inc", "corp", "ltd",
    "approx", "fig", "al",
}
_BULLET_RE = re.compile(r"^(?:[•\-*–·▪●◦]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)")
#: The end of a sentence: its stop, closing quotes or brackets, and footnote marks ("that day.[2] Fiji").
#: A copy that lost the space between two sentences ("in the first place.It would not") ends one too.
_END_RE = re.compile(r"[.!?…]+[\"”’')\]]*(?:\[[\w ]{1,8}\])*(?=\s+[\"“‘(\[]?[A-Z0-9])|[.!?…]+[\"”’')\]]*(?:\[[\w ]{1,8}\])*\s*$"
                     r"|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it sits in the body (``body[start:end] == text``)."""

    index: int
    start: int
    end: int
    text: str
    line_start: bool = True  # the sentence begins a line (a heading, bullet or paragraph)
    bullet: bool = False  # the line began with a bullet or list number


def _spans_of_line(line: str) -> Iterator[tuple[int, int]]:
    begin = 0
    for match in _END_RE.finditer(line):
        stop = match.end()
        # the word before the stop, looked for in a bounded tail so that one long token stays linear
        word = re.search(r"([\w.]+)[.!?…]*[\"”’')\]]*$", line[max(begin, match.start() - 40):match.start() + 1])
        token = word.group(1).rstrip(".").lower() if word else ""
        if match.group(0).startswith(".") and (token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
            continue
        yield begin, stop
        begin = stop
    if begin < len(line):
        yield begin, len(line)


#: Longer "sentences" (tables, lists without punctuation, dumps) are cut at whitespace, so every
#: later stage works on bounded pieces and a pathological file stays linear.
MAX_SENTENCE = 1500


def _bounded(a: int, b: int, line: str) -> Iterator[tuple[int, int]]:
    while b - a > MAX_SENTENCE:
        cut = line.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut if cut > a else a + MAX_SENTENCE
        yield a, cut
        a = cut
    yield a, b


def split_sentences(text: str) -> list[Sentence]:
    """Every non-blank sentence of ``text`` with its offsets, in order."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        lead = len(line) - len(stripped)
        bullet = _BULLET_RE.match(stripped)
        if bullet:
            lead += bullet.end()
        first = True
        body = line[lead:]
        for a, b in (piece for span in _spans_of_line(body) for piece in _bounded(*span, body)):
            chunk = line[lead + a: lead + b]
            inner = chunk.strip()
            if inner:
                start = offset + lead + a + (len(chunk) - len(chunk.lstrip()))
                sentences.append(Sentence(len(sentences), start, start + len(inner), inner, first, bool(bullet)))
            first = False
        offset += len(line) + 1
    return sentences
