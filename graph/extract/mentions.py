"""Mention detection and linking to the registry.

Names are matched token by token, after folding case, hyphens, apostrophes and diacritics, so
"Kim Jong Un", "Kim Jong-un" and "KIM JONG-UN" link to one entity; the longest name wins and the
shorter names inside it are kept as *nested* mentions ("Russian" inside "Russian-occupied parts
of Ukraine"), which later stages use as modifiers. Short all-capital names (US, UN, CK) only match
in capitals, so the pronoun "us" is not the United States, and a one-word name only with its
capital ("Chosun", not "chosun"). Besides the registry's own names:

- capitals and other ``hidden`` names are metonyms for their state ("Pyongyang", "Moscow");
- demonyms, official names and capitals of every state come with the built-in gazetteer
  (:mod:`graph.gazetteer`), which the extractor merges into the registry it links to;
- descriptions ("a Security Council resolution" in a sentence dated March 2024, "the agreement",
  "the previous alliance", "this episode") are resolved to registry entries of the right class
  by the date they carry and by salience (the last one the document named).

>>> from graph.model import Entity
>>> from graph.registry import Registry
>>> linker = Linker(Registry([Entity("kim-jong-un", "PoliticalLeader", "Kim Jong-un", ("Kim Jong Un",)),
...                           Entity("north-korea", "State", "North Korea", ("North Korean",), ("Pyongyang",))]))
>>> [(m.text, m.entity, m.kind) for m in linker.find("KIM JONG UN flew to Pyongyang; us too.")]
[('KIM JONG UN', 'kim-jong-un', 'label'), ('Pyongyang', 'north-korea', 'metonym')]
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from ..model import Entity
from ..registry import Registry

__all__ = ["Mention", "Linker", "fold_tokens", "is_demonym", "COLLECTIVE_RESOLUTIONS"]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

_DEMONYM_RE = re.compile(r"(?:an|ese|ish|ic|i|ch|ss|et|kh)$")
_KIND_RANK = {"label": 0, "alias": 1, "demonym": 2, "metonym": 3}


@dataclass(frozen=True)
class Mention:
    """A span of the document linked to an entity (offsets count in the document body)."""

    start: int
    end: int
    text: str
    entity: str
    cls: str
    kind: str  # label | alias | demonym | metonym | description | coreference | new
    nested: bool = False  # inside a longer mention
    confidence: float = 1.0


_ASCII_FOLD = str.maketrans({"-": " ", "_": " ", "/": " "})


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character folded to one character: no diacritics, no case, dashes as spaces."""
    if ch in "-‐‑–—_/":
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return plain[:1] or ch


def fold_tokens(text: str) -> list[tuple[str, int, int]]:
    """Folded word tokens of ``text`` with their original offsets.

    >>> [t for t, _, _ in fold_tokens("Kim Jong-ún's")]
    ['kim', 'jong', 'un', 's']
    """
    if text.isascii():
        folded = text.lower().translate(_ASCII_FOLD)
    else:
        folded = "".join(_fold_char(c) for c in text)
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(folded)]


def fold_tokens_text(text: str) -> list[str]:
    """The folded words of ``text``."""
    return [t for t, _, _ in fold_tokens(text)]


def is_demonym(name: str, entity: Entity) -> bool:
    """Whether ``name`` is an adjective of a state ("Russian", "North Korean"), not a name of it."""
    return entity.cls == "State" and name != entity.label and bool(_DEMONYM_RE.search(name)) and not name.isupper() \
        and name.split()[-1].lower() not in {"republic", "federation", "union", "kingdom"}


@dataclass
class _Entry:
    entity: Entity
    name: str
    kind: str
    exact: str | None  # alphanumerics that must match exactly (acronyms), else None
    capital: bool  # the first letter must be a capital in the text


class Linker:
    """Finds registry names in text; see the module docstring for what counts as a name."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._index: dict[tuple[str, ...], list[_Entry]] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        self.max_len = 1
        for entity in registry:
            for name in (entity.label,):
                self._add(entity, name, "label")
            for name in entity.aliases:
                self._add(entity, name, "demonym" if is_demonym(name, entity) else "alias")
            for name in entity.hidden:
                self._add(entity, name, "metonym")

    def _add(self, entity: Entity, name: str, kind: str) -> None:
        name = re.sub(r"^(?:the|The|THE)\s+", "", name)  # "The Pentagon" is matched as "Pentagon"
        tokens = tuple(t for t, _, _ in fold_tokens(name))
        if not tokens:
            return
        alnum = re.sub(r"[^A-Za-z0-9]", "", name)
        exact = alnum if alnum.isupper() and len(alnum) <= 6 else None
        entry = _Entry(entity, name, kind, exact, name[:1].isupper() and len(tokens) == 1)
        entries = self._index.setdefault(tokens, [])
        if any(e.entity.id == entity.id for e in entries):
            return
        entries.append(entry)
        entries.sort(key=lambda e: _KIND_RANK.get(e.kind, 5))
        self.max_len = max(self.max_len, len(tokens))
        self._prefixes.update(tokens[:i] for i in range(1, len(tokens) + 1))

    def _accept(self, entry: _Entry, text: str) -> bool:
        if entry.exact is not None:
            return re.sub(r"[^A-Za-z0-9]", "", text) == entry.exact
        if entry.capital:
            return text[:1].isupper() or text[:1].isdigit()
        return True

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        """Every registry name in ``text``: the longest at each place, plus those nested in it."""
        tokens = fold_tokens(text)
        # a middle initial inside a name is skipped for matching ("Vladimir V. Putin", "Joseph R. Biden")
        tokens = [t for k, t in enumerate(tokens) if not (
            0 < k < len(tokens) - 1 and len(t[0]) == 1 and text[t[1]:t[2]].isupper() and text[t[2]:t[2] + 1] == "."
            and len(tokens[k - 1][0]) > 1 and text[tokens[k - 1][1]:tokens[k - 1][1] + 1].isupper()
            and text[tokens[k + 1][1]:tokens[k + 1][1] + 1].isupper() and len(tokens[k + 1][0]) > 1)]
        words = [t for t, _, _ in tokens]
        found: list[Mention] = []
        for i in range(len(tokens)):
            # the names starting here, longest first (a prefix set keeps this to a few look-ups)
            lengths = []
            n = 1
            while i + n <= len(words) and tuple(words[i:i + n]) in self._prefixes:
                if tuple(words[i:i + n]) in self._index:
                    lengths.append(n)
                n += 1
            for n in reversed(lengths):
                key = tuple(words[i:i + n])
                entries = self._index.get(key)
                start, end = tokens[i][1], tokens[i + n - 1][2]
                surface = text[start:end]
                accepted = [e for e in entries if self._accept(e, surface)]
                if not accepted:
                    continue
                entry = accepted[0]
                if entry.kind == "alias" and entry.entity.cls != "State" and n > 1 and i > 0 and \
                        _OTHER_BODY.fullmatch(text[tokens[i - 1][1]:tokens[i - 1][2]]) and text[tokens[i - 1][2]:start] == " " and \
                        not any(f.start - offset <= tokens[i - 1][1] < f.end - offset for f in found):
                    continue  # "the National Security Council" is another body than the "Security Council" in it
                confidence = 0.95 if len(accepted) == 1 else 0.6
                if entry.kind == "metonym":
                    confidence *= 0.85
                found.append(Mention(start + offset, end + offset, surface, entry.entity.id, entry.entity.cls,
                                     entry.kind, False, confidence))
                # shorter names at the same place are kept too, as nested mentions
        return _mark_nested(found)


#: Words that make a body's name into another body's: "National Security Council", "Supreme Council".
_OTHER_BODY = re.compile(r"National|Supreme|Federal|Regional|Provisional|Transitional|Presidential|Revolutionary|Military|"
                         r"Sovereignty|Executive|Permanent")


def _mark_nested(mentions: list[Mention]) -> list[Mention]:
    """Flag mentions inside a longer one; drop a shorter one that overlaps without nesting."""
    mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    primaries: list[Mention] = []
    for m in mentions:
        outer = next((p for p in primaries if p.start <= m.start and m.end <= p.end), None)
        if outer is not None:
            if (outer.start, outer.end) != (m.start, m.end):
                out.append(replace(m, nested=True))
            continue
        crossing = [p for p in primaries if p.start < m.start < p.end]
        if crossing:
            p = crossing[0]
            if m.end - m.start <= p.end - p.start:
                continue  # crosses a longer mention's edge: keep the longer one
            primaries.remove(p)  # the later, longer name wins ("Korea Foundation project")
            out = [x for x in out if x is not p and not (p.start <= x.start and x.end <= p.end and x.nested)]
        primaries.append(m)
        out.append(m)
    return sorted(out, key=lambda m: (m.start, m.nested))


# --- descriptions and salience -------------------------------------------------------------

_HEADS = {
    "agreement": ("Treaty", "Agreement"), "treaty": ("Treaty", "Agreement"), "pact": ("Treaty", "Agreement"),
    "alliance": ("Treaty", "Agreement"), "accord": ("Treaty", "Agreement"), "deal": ("Treaty", "Agreement"),
    "partnership": ("Treaty", "Agreement"),
    "resolution": ("Resolution", "DraftResolution"), "draft": ("DraftResolution", "Resolution"),
    "sanctions": ("Resolution",), "measure": ("DraftResolution", "Resolution"), "text": ("DraftResolution", "Resolution"),
    "episode": ("Event",), "podcast": ("Event",), "summit": ("Summit",), "talks": ("Talks",),
    "meeting": ("Talks", "Summit", "Event"),
}
_DESCRIPTION_RE = re.compile(
    r"\b(?P<det>the|this|that|a|an|its|their|these|those)\s+"
    r"(?P<mods>(?:(?!(?:the|a|an|its|their|this|that|these|those|of|in|on|at|to|for|with|against|by|from|over|and|or)\b)"
    r"[\w’'-]+\s+){0,4})"
    r"(?P<head>agreement|treaty|pact|alliance|accord|deal|partnership|resolution|draft|sanctions|episode|podcast|summit|"
    r"talks|meeting|measure|text)\b",
    re.IGNORECASE,
)
_BARE_RE = re.compile(
    r"\b(?P<det>)(?P<mods>(?:UN|U\.N\.|Security Council|United Nations|(?:19|20)\d\d)\s+(?:[\w’'-]+\s+){0,2}?)"
    r"(?P<head>resolution|sanctions|treaty|agreement|summit|talks)\b")
_MOD_WORD = re.compile(r"^(?:[a-z][\w’'-]*|(?:19|20)\d\d|UN|U\.N\.|Security|Council|United|Nations|General|Assembly|"
                       r"[A-Z][a-z]+-[a-z]+)$")
_STOP_MODS = {"in", "of", "with", "to", "for", "and", "on", "at", "by", "from", "or", "as", "is", "was", "that", "which",
              # verbs and adverbs of a clause, not modifiers: "the Security Council today adopted resolution 2719"
              "today", "yesterday", "adopted", "adopt", "adopts", "passed", "approved", "unanimously", "rejected",
              "vetoed", "voted", "failed", "renewed", "extended", "cited", "recalled"}
#: Resolutions named as a class ("multiple Security Council resolutions", minted by newentities): never
#: the one text that "the text", a vote or a sponsor refers back to
COLLECTIVE_RESOLUTIONS = frozenset({"unsc-resolutions"})
_GENERIC_MODS = re.compile(r"^(?:new|previous|earlier|former|same|latest|first|second|landmark|groundbreaking|historic|"
                           r"weaker|stronger|strong|weak|defen[cs]e|military|mutual|security|bilateral|proposed|draft|"
                           r"un|u\.n\.|security council|[0-9]{4}|strategic|comprehensive|formal|signed|"
                           r"friendship|cooperation|partnership|peace|trade|landmark|sanction)$", re.IGNORECASE)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


@dataclass
class Salience:
    """What the document has named so far, for resolving "the agreement" or "the country"."""

    last: dict[str, list[str]] = field(default_factory=dict)  # class -> entity ids, most recent last
    last_state_subject: str | None = None
    when: dict[str, int] = field(default_factory=dict)  # entity id -> when it was last named (a clock tick)
    clock: int = 0
    classes: dict[str, str] = field(default_factory=dict)  # entity id -> class, for entities proposed in the document
    labels: dict[str, str] = field(default_factory=dict)  # entity id -> the name the document first used
    count: dict[str, int] = field(default_factory=dict)  # entity id -> how often the document named it

    def note(self, mention: Mention) -> None:
        ids = self.last.setdefault(mention.cls, [])
        if mention.entity in ids:
            ids.remove(mention.entity)
        ids.append(mention.entity)
        self.classes[mention.entity] = mention.cls
        self.count[mention.entity] = self.count.get(mention.entity, 0) + 1
        if mention.kind not in ("description", "coreference"):
            self.labels.setdefault(mention.entity, " ".join(fold_tokens_text(mention.text)))
        self.clock += 1
        self.when[mention.entity] = self.clock

    def named(self) -> set[str]:
        """Every entity the document has named so far."""
        return {eid for ids in self.last.values() for eid in ids}

    def recent(self, classes: tuple[str, ...], exclude: set[str] = frozenset()) -> str | None:
        """The entity of one of ``classes`` named last."""
        found = [eid for cls in classes for eid in self.last.get(cls, []) if eid not in exclude]
        return max(found, key=lambda eid: self.when.get(eid, 0), default=None)

    def main(self, classes: tuple[str, ...], exclude: set[str] = frozenset()) -> str | None:
        """The entity of one of ``classes`` the document names most (the last on a tie): "the
        summit" of a report on one summit, even just after another was mentioned in passing."""
        found = [eid for cls in classes for eid in self.last.get(cls, []) if eid not in exclude]
        return max(found, key=lambda eid: (self.count.get(eid, 0), self.when.get(eid, 0)), default=None)


def _entity_text(entity: Entity) -> str:
    return " ".join((entity.label, *entity.aliases, entity.description or "")).lower()


def _date_keys(dates) -> list[tuple[str, ...]]:
    """Strings a registry entry must contain to match each date: ("2024",) or ("march 2024" | "2024-03")."""
    keys = []
    for d in dates:
        year = d.value[:4]
        if len(d.value) >= 7:
            month = _MONTHS[int(d.value[5:7]) - 1]
            keys.append((f"{month} {year}", year, f"{year}-{d.value[5:7]}"))
        else:
            keys.append((year,))
    return keys


_ORG_DESCRIPTION_RE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:\d+|fifteen)-(?:member|nation)\s+)?(?P<head>Council|Committee|Panel|Commission|Assembly|Union|Alliance|"
    r"Department|Ministry|"
    r"Organization|Organisation|organ|body|bloc|alliance|council|committee|panel|group|grouping|organi[sz]ation)\b"
    r"(?!\s+(?:of|for|on)\s+[A-Z])")
_ORG_CLASSES = ("InternationalOrganization", "GovernmentBody", "Organization", "ArmedForces")
#: Heads that name no particular organisation: "the bloc", "the group" is the one named last.
_GENERIC_ORG_HEADS = ("organ", "body", "bloc", "group", "grouping", "organization", "organisation")


def resolve_organisations(text: str, offset: int, mentions: list[Mention], salience: Salience) -> list[Mention]:
    """ "the Council", "the 15-member organ", "the Committee": the organisation the document named
    last whose name has that head word (a generic head, "organ", "body", "bloc", takes the last one)."""
    out = []
    for match in _ORG_DESCRIPTION_RE.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        if any(m.start < end and start < m.end for m in mentions if not m.nested):
            continue
        head = match.group("head").lower()
        if re.search(r"\b(?:15|fifteen)-(?:member|nation)\b", match.group(0), re.I):  # the Security Council's own epithet
            out.append(Mention(start, end, match.group(0), "unsc", "InternationalOrganization", "description", False, 0.6))
            continue
        # the organisation named earlier in this very sentence first ("the Security Council ... a member of the Council")
        here = [m for m in mentions if m.cls in _ORG_CLASSES and not m.nested and m.end <= start and
                (head in _GENERIC_ORG_HEADS or head in m.text.lower().split())]
        if here:
            out.append(Mention(start, end, match.group(0), here[-1].entity, here[-1].cls, "description", False, 0.6))
            continue
        named = sorted((eid for cls in _ORG_CLASSES for eid in salience.last.get(cls, [])),
                       key=lambda eid: -salience.when.get(eid, 0))
        if head in ("group", "grouping", "organization", "organisation") and match.group("head").islower():
            # "Iran joined the group": the organisation the document is about (named most), not the last one named
            chosen = salience.main(("InternationalOrganization", "Organization", "ArmedForces")) or (named[0] if named else None)
        elif head in _GENERIC_ORG_HEADS and match.group("head").islower():
            chosen = named[0] if named else None
        else:
            chosen = next((eid for eid in named if head in salience.labels.get(eid, "").lower().split()), None)
        if chosen:
            out.append(Mention(start, end, match.group(0), chosen, salience.classes[chosen], "description", False, 0.6))
    return out


#: A war named by its sides rather than its name: "Russia's unprovoked war of aggression against Ukraine",
#: "Russian aggression", "the Russian Federation's invasion of Ukraine".
_WAR_RE = re.compile(r"\b(?:(?:unprovoked|brutal|full-scale|ongoing|illegal|illegitimate|premeditated|continuing|renewed|"
                     r"military)\s+(?:and\s+)?)*(?P<war>war of aggression|invasion|aggression|war)\b", re.I)


def resolve_conflicts(text: str, offset: int, mentions: list[Mention], registry: Registry,
                      named: set[str] = frozenset()) -> list[Mention]:
    """Wars named by their sides: the registry's one conflict whose names contain the side before the
    war word (a possessive or a demonym) and the one after it ("against", "on", "of" a state); among
    several, the one that also names another state of the sentence, or one the document (``named``) named."""
    states = [m for m in mentions if m.cls == "State" and not m.nested]
    if not states or not _WAR_RE.search(text):
        return []
    conflicts = [e for e in registry if e.cls == "Conflict"]
    out = []
    for match in _WAR_RE.finditer(text):
        start, end = offset + match.start(), offset + match.end()
        if any(m.start < end and start < m.end for m in mentions if not m.nested):
            continue  # already a name ("Russian invasion of Ukraine")
        before = [m for m in states if m.end - offset <= match.start() and
                  re.fullmatch(r"(?:'s|’s|')?\s*(?:the\s+)?", text[m.end - offset:match.start()])]
        after = [m for m in states if m.start - offset >= match.end() and
                 re.fullmatch(r"\s+(?:against|on|of)\s+(?:the\s+)?", text[match.end():m.start - offset])]
        if not before:
            continue  # ("its war against Russia": whose war, the sentence does not say)
        sides = [registry[m.entity] for m in before[-1:] + after[:1] if m.entity in registry]

        def names_all(e):
            words = " ".join(e.names()).lower()
            return all(any(re.search(r"\b" + re.escape(n.lower()) + r"\b", words) for n in side.names()) for side in sides)
        hits = [e for e in conflicts if names_all(e)]
        if len(hits) > 1:  # "Ukraine's efforts to defend itself against Russian aggression": the war with a state named too
            others = [registry[m.entity] for m in states if m.entity in registry and registry[m.entity] not in sides]
            hits = [e for e in hits if any(re.search(r"\b" + re.escape(n.lower()) + r"\b", " ".join(e.names()).lower())
                                           for o in others for n in o.names())] or \
                [e for e in hits if e.id in named]
        if len(hits) == 1:
            out.append(Mention(start, end, match.group(0), hits[0].id, "Conflict", "description", False, 0.6))
    return out


_CLAUSE_SPLIT = re.compile(r";|,\s+(?:while|whereas|but|and|which|although)\b")


def resolve_descriptions(text: str, offset: int, mentions: list[Mention], registry: Registry, salience: Salience,
                         sentence_dates, document_year: str | None, document_date=None) -> list[Mention]:
    """Mentions for descriptions ("a Security Council resolution", "the agreement") in one sentence
    (``sentence_dates``: its date expressions, or plain dates)."""
    out: list[Mention] = []
    taken = [(m.start - offset, m.end - offset) for m in mentions if not m.nested]
    present = {m.entity for m in mentions}
    states = {m.entity for m in mentions if m.cls == "State"}
    matches = list(_DESCRIPTION_RE.finditer(text))
    matches += [m for m in _BARE_RE.finditer(text) if not any(d.start() <= m.start() < d.end() for d in matches)]
    for match in matches:
        head = match.group("head").lower()
        mods = match.group("mods").strip()
        start, end = match.start(), match.end()
        if any(a <= start and end <= b for a, b in taken):
            continue  # already a registry name, e.g. "Treaty on Comprehensive Strategic Partnership"
        if not all(_MOD_WORD.match(w) for w in mods.split()):
            continue  # "the United States in future talks" is not one noun phrase
        if any(start < m.end - offset and m.start - offset < end and not m.nested and
               m.cls not in ("InternationalOrganization", "Organization") for m in mentions):
            continue
        if head == "sanctions" and not re.search(r"\b(?:UN|U\.N\.|Security Council|United Nations)\b", match.group(0)):
            continue
        classes = _HEADS[head]
        det = (match.group("det") or "").lower()
        if head in ("measure", "text") and (mods or det not in ("the", "this", "that")):
            continue  # only "the measure" / "the text" right after a resolution was named
        candidates = [e for e in registry if e.cls in classes]
        if not candidates:
            continue
        chosen: str | None = None
        confidence = 0.7
        if any(w.lower() in _STOP_MODS for w in mods.split()):
            continue
        if re.match(r"\s*\d{3,4}\b", text[end:]):
            continue  # "resolution 2719": a numbered resolution, named, not described
        if match.group("head")[:1].isupper() and re.match(r"\s+(?:of|on|for|between)\s+(?:the\s+)?[A-Z]", text[end:]):
            continue  # "the Treaty on Reduction of Military Forces": the start of a name
        previous = bool(re.search(r"\b(?:previous|earlier|former|old)\b", mods, re.IGNORECASE))
        # (a year in the sentence picks a summit, not any "meeting": meetings are too many to date)
        # (a date in another clause dates another phrase: "the only pact China has, while North Korea signed a
        # similar treaty with Russia in June 2024")
        own = [d.value if hasattr(d, "start") else d for d in sentence_dates
               if not hasattr(d, "start") or not _CLAUSE_SPLIT.search(text, min(start, d.start - offset), max(end, d.start - offset))]
        keys = [] if previous or head == "meeting" else _date_keys(own)
        if keys:
            for key in keys:
                hits = [e for e in candidates if any(k in _entity_text(e) for k in key[:1])]
                if not hits and len(key) > 1:
                    # (the year alone picks only what the document has named: "a resolution" adopted today in
                    # June 2024 is not the registry's draft of March 2024)
                    hits = [e for e in candidates if key[1] in _entity_text(e) and key[2] in _entity_text(e)] or \
                        [e for e in candidates if (key[1] in e.label.lower() or any(key[1] in a for a in e.aliases))
                         and e.id in salience.named()]
                if len(hits) > 1 and states:
                    narrowed = [e for e in hits if all(registry[s].label.lower() in _entity_text(e) for s in states)]
                    hits = narrowed or hits
                if head in ("summit", "talks", "treaty", "pact", "agreement") and states:
                    # ("a bilateral summit" of Eritrea and Ethiopia in 2018 is not the registry's 2018 Trump-Kim summit,
                    # nor "a peace treaty" of China and South Korea in 1992 the Open Skies Treaty: one of the states or
                    # people of the sentence must be in it)
                    names = [registry[x].label.lower() for x in states] + [
                        registry[x].label.split()[-1].lower() for x in present if x in registry and
                        registry[x].cls in ("Person", "PoliticalLeader")]
                    hits = [e for e in hits if e.id in salience.named() or any(n in _entity_text(e) for n in names)]
                if len(hits) == 1:
                    chosen = hits[0].id
                    break
        if chosen is not None and chosen not in salience.named() and det in ("the", "this", "that") and \
                (not mods or all(_GENERIC_MODS.match(w) for w in mods.split())):
            named_here = salience.recent(classes)
            if named_here is not None and named_here not in registry:  # a treaty this document named itself
                chosen, confidence = named_here, 0.55  # wins over a registry one it never named ("the treaty ... 1961")
        if chosen is None and head in ("episode", "podcast", "summit", "talks", "meeting"):
            hits = [e for e in candidates if head in e.label.lower() and e.id in salience.named()]
            if len(hits) == 1:
                chosen, confidence = hits[0].id, 0.6
        if chosen is None and det in ("the", "this", "that", "its", "their", "these", "those") and head in (
                "text", "measure", "resolution", "draft") and out and out[-1].cls in classes:
            chosen, confidence = out[-1].entity, 0.6  # "Objecting to the draft, ... rejected the text"
        if chosen is None and det in ("the", "this", "that", "its", "their", "these", "those") and \
                (not mods or all(_GENERIC_MODS.match(w) for w in mods.split())):
            exclude: set = set(COLLECTIVE_RESOLUTIONS)
            if previous:
                exclude |= present | {m.entity for m in out}  # "the previous alliance": not the one named here
            if head == "draft" or "draft" in mods.lower():  # a draft, or a new one (see newentities.propose_drafts)
                chosen = salience.recent(("DraftResolution",), exclude)
            elif head == "text" and re.search(r"\b(?:fail\w*|vetoe?\w*|reject\w*|defeat\w*|tabled)\b", text, re.I):
                # "the text failed to garner the votes": the draft, not the resolution it would have extended
                chosen = salience.recent(("DraftResolution",), exclude) or salience.recent(classes, exclude)
            elif re.search(r"\b(?:would have|if adopted)\b", text, re.I):
                # "the resolution" that "would have" done something is a draft if the document named one
                chosen = salience.recent(("DraftResolution",), exclude) or salience.recent(classes, exclude)
            elif head in ("summit", "talks", "meeting") and not mods:
                chosen = salience.main(classes)
            elif head.lower() in ("treaty", "pact", "agreement", "accord") and not mods and det.lower() == "the":
                # ("The treaty was signed by Kim Il Sung and Zhou Enlai" in an article on their treaty that has just
                # cited Kim's treaty with Moscow: the one the document names most)
                chosen = salience.main(classes, exclude)
            elif head == "resolution" and not mods and det == "the" and not salience.recent(("DraftResolution",)):
                # ("China voted in favour of the resolution" in an article on resolution 1874 that cites 1718: 1874)
                chosen = salience.main(("Resolution",), exclude) or salience.recent(classes, exclude)
            else:
                chosen = salience.recent(classes, exclude)
            confidence = 0.55
        if chosen is None and document_date and classes[0] in ("Resolution", "DraftResolution") and not keys and \
                det in ("a", "an") and head in ("resolution", "draft"):
            # "adopted a resolution" in a dated report: the registry's resolution of that month
            hits = [e for e in candidates if any(k in _entity_text(e) for k in _date_keys([document_date])[0][:1])]
            if len(hits) == 1:
                chosen, confidence = hits[0].id, 0.5
        if chosen is None and det in ("a", "an") and head == "resolution" and re.search(r"\badopt", text, re.I) and \
                len(salience.last.get("Resolution", [])) == 1:
            # "the Council today adopted ... a resolution demanding ...", under a headline naming resolution 2736
            chosen, confidence = salience.last["Resolution"][0], 0.5
        if chosen is None and document_year and classes[0] == "Treaty" and not keys and \
                (not mods or all(_GENERIC_MODS.match(w) for w in mods.split())):
            hits = [e for e in candidates if document_year in _entity_text(e)]
            if len(hits) > 1 and states:
                hits = [e for e in hits if all(registry[s].label.lower() in _entity_text(e) for s in states)]
            # (only a treaty between states the document has named: "the deal" in a 2024 report on Iran is
            # not the registry's 2024 Russia-North Korea treaty)
            named = [registry[x].label.lower() for x in salience.last.get("State", []) if x in registry] + \
                [registry[x].label.lower() for x in states]
            hits = [e for e in hits if sum(n in _entity_text(e) for n in set(named)) >= 2]
            if len(hits) == 1:
                chosen, confidence = hits[0].id, 0.5
        cls = registry[chosen].cls if chosen in registry else salience.classes.get(chosen)
        if chosen and cls:
            out.append(Mention(offset + start + (len(match.group(0)) - len(match.group(0).lstrip())), offset + end,
                               text[start:end], chosen, cls, "description", False, confidence))
    return out
