"""Offline extraction of entities, typed relations, certainty, time and quantities from a document.

The pipeline is a chain of small stages, one module each: :mod:`.segment` (sentences with offsets),
:mod:`.mentions` (registry linking, metonyms, demonyms, descriptions), :mod:`.newentities`
(unknown names with a guessed class), :mod:`.relations` (trigger lexicons), :mod:`.certainty`
(negation, hedging, attribution), :mod:`.dates` (normalised against the document's date) and
:mod:`.quantities`. :mod:`.ner` adds a spaCy model's entities when one is installed; the rule-based
pipeline is the default and needs nothing beyond the install.

Every statement is an :class:`~graph.model.Assertion` whose evidence is its sentence, produced by
:data:`PRODUCER` with a confidence in [0, 1].

>>> from graph.model import Document, Entity
>>> from graph.registry import Registry
>>> reg = Registry([Entity("russia", "State", "Russia", ("Russian",)), Entity("ukraine", "State", "Ukraine")])
>>> doc = Document("d1", "T", "Russia reportedly sent troops to Ukraine in March 2024.")
>>> [(a.subject, a.relation, a.object, a.certainty, str(a.point_in_time)) for a in extract(doc, reg).assertions]
[('russia', 'deploysTroopsTo', 'ukraine', 'reported', '2024-03')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Assertion, Document, Entity, Evidence, PartialDate
from ..gazetteer import with_gazetteer
from ..registry import Registry
from . import ner as _ner
from .certainty import assess, attribution_spans
from .dates import DateExpression, find_dates
from .mentions import (COLLECTIVE_RESOLUTIONS, Linker, Mention, Salience, _mark_nested, resolve_conflicts, resolve_descriptions,
                       resolve_organisations)
from .newentities import Proposal, propose, propose_drafts, propose_events, slug
from .quantities import find_quantities
from .relations import ACTOR, ListFrame, find_relations
from .relations.lexicon import WAR_START
from .segment import Sentence, split_sentences

__all__ = ["EXTRACTOR", "VERSION", "PRODUCER", "Extraction", "Extractor", "extract"]

EXTRACTOR = "geokg-rules"
VERSION = "0.1.0"
PRODUCER = f"{EXTRACTOR}/{VERSION}"

#: Rules that read a fact off a noun phrase ("Russian President Putin", "X, director of Y"): the
#: fact is stated, not claimed, so hedges elsewhere in the sentence do not weaken it, and no date
#: of the sentence applies to it.
_DESCRIPTIVE = {"title", "apposition", "under", "programme-at", "located", "located-inner", "occupied", "formerly",
                "resolution-of", "sanction-resolution", "x-y-alliance", "conflict-party", "allies-predicate", "member-list",
                "counterpart", "spokesperson", "home-title", "title-line", "firm-of", "council-resolution",
                "exercise-of"}
#: Relations that happen when a resolution is voted on: undated in their sentence, they take the
#: date the document gave the vote ("The Security Council today failed to adopt a draft ...").
_AT_THE_VOTE = {"vetoed", "votedFor", "votedAgainst", "abstainedOn", "sponsors", "adoptedBy", "targets"}
#: Rules that read an office off a title: the one day or month the sentence gives, the office was held.
_HELD = {"title", "apposition"}
#: The heading of a speech ("Remarks by Ambassador X, Deputy Representative to the United Nations, at ..."):
#: the offices it gives, like those of a name line's title line, are held on the day of the speech.
_SPEECH_HEAD = re.compile(r"\W*(?:(?:Opening|Closing|Additional)\s+)?(?:Remarks|Statement|Explanation of (?:Vote|Position)|"
                          r"Press Briefing|Briefing|Address|Speech)\b[^.]{0,60}?\bby\b")
#: Facts of structure (an office inside a department, a mission in a country): the date of the
#: sentence that names them is when something else happened, not when they held. An event's place
#: is the exception: the meeting was there on its day.
_STRUCTURAL = {"partOf", "locatedIn", "affiliatedWith", "permanentMemberOf", "directorOf", "successorOf"}
#: Relations that hold over a time: a single date the sentence gives them is when they began.
_LASTING = {"partyTo", "memberOf", "permanentMemberOf", "alliedWith", "mutualDefenceWith", "occupies"}
#: Actions a release announces in the present ("OFAC has designated", "the United States is imposing costs"):
#: undated in their sentence, they happened on the document's day.
_ON_THE_DAY = {"sanctions", "condemned", "metWith", "visited", "adoptedBy", "vetoed", "votedFor", "votedAgainst", "abstainedOn",
               "sponsors", "accuses", "warns", "supports", "providesMilitaryAidTo", "providesEconomicAidTo", "suppliesArmsTo"}
#: "today", "yesterday": a date of the report, which says when a person acted, not when they held office.
_DEICTIC = re.compile(r"\b(?:today|yesterday|this|last|next)\b", re.I)
_PRESENT = re.compile(r"\b(?:has|have|is|are)\s+(?:(?:also|today|now|again|further|jointly|[a-z]+ly)\s+)*(?:\w+(?:ed|ing|en)|taken|made|"
                      r"given|put|set|met|held)\b|\b(?:today|this (?:morning|afternoon|evening|week))\b", re.I)
#: What a report of its own day ("The Security Council today ...", "Secretary Austin met today with ...") tells in
#: the past without a date of its own: said or done that day ("They also condemned the launches", "reaffirmed their support").
_OF_THE_DAY = {"supports", "condemned", "metWith", "visited", "warns", "accuses", "sanctions", "negotiatesWith"}
#: What makes a state a party on a date: the treaty's entry into force then.
_IN_FORCE = re.compile(r"\b(?:came|comes|entered|enters|went|goes)\s+into\s+(?:force|effect)\s*(?:on|in)?\s*$|\btook effect\s*(?:on|in)?\s*$",
                       re.I)
#: A statement's own speech acts, in the simple present ("The United States condemns ...", "We warn ..."): said that day.
_SPOKEN_NOW = re.compile(r"(?:condemns?|denounces?|deplores?|warns?|accuses?)", re.I)
_TODAY = re.compile(r"\btoday\b", re.I)
#: A place with the date of what happened there ("held summits ... in Pyongyang in June 2024"), and a sentence that
#: opens on that place again ("In Pyongyang, Putin and Kim signed ..."): the same occasion.
_PLACE_DATE = re.compile(r"\bin\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?=(?:in|on)\s+)")
_IN_PLACE = re.compile(r"\W*In\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?),\s")
#: An encyclopedia's cross-references, which state nothing.
_NAVIGATION = re.compile(r"\s*(?:See\s+(?:also|main\s+articles?)|Main\s+articles?|Further\s+information)\s*:")
#: A date that names an act after it: "the May 24 launch", "its October 31 (local time) launch of an ICBM".
_ACT_DAY = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:[a-z-]+\s+){0,3}?(?:launch(?:es)?|tests?|attacks?|strikes?|firings?|detonations?|"
                      r"explosions?|flights?)\b")
#: Verbs that begin a war: the date the sentence opens with is when its launcher entered it.
_LAUNCHED = re.compile(r"\b(?:" + WAR_START + r")\b", re.I)
#: Words that put what follows them before the act just named: "follows the failure of two drafts on 8 July".
_EARLIER = re.compile(r"\b(?:follows?|followed|following|after|succeeds?|replac\w+|preced\w+)\b", re.I)
_LEDE = 400  # characters of a document's opening that may give its own date
_LEANING = re.compile(r"\b(?:pro|anti)[-‐‑–]$", re.I)
_RELEASES = {"statement", "press statement", "press release", "transcript", "fact sheet", "readout"}
_NOT_TODAY = re.compile(r"\b(?:previous\w*|earlier|last|former\w*|since|ago|once|long|then|had|will|would|plans?|years?|months?|"
                        r"repeatedly|continu\w*|ongoing|already|again)\b",
                        re.I)
#: Relations that happen at an event: undated in their sentence, they take the event's date.
_AT_THE_EVENT = {"participatedIn", "hosts"}
_EVENTS = ("Event", "Summit", "Talks", "Vote")
_RESOLUTIONS = ("Resolution", "DraftResolution")
_REPORTING = re.compile(r"\s*\b(?:said|says|told|announced|reported|added|denied|denies|stated|claimed|estimated|"
                        r"confirmed|dismissed|rejected)\b\s*$|^\s*(?:said|denied|told|announced|reported|confirmed|dismissed)\b",
                        re.I)
_WE_ARE = re.compile(r"\W*(?:\w+,\s+)?[Ww]e(?:,\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:of|from)\s+|\s*[—–]\s*)")
_JOINT = re.compile(r"\b[Jj]oint\s+[Ss]tatement\s+(?:by|of|from|on behalf of)\b|^\W*(?:The\s+)?(?:(?:Foreign|Defen[cs]e)\s+)?"
                    r"(?:Ministers|Leaders|Governments|Heads of State)\s+(?:(?:of|for)\s+(?:Foreign Affairs|Defen[cs]e)\s+)?of\s+")
_QUANTIFIED = {"transfer", "reverse-transfer", "list-item", "workers", "exchange"}


@dataclass
class Extraction:
    """What the pipeline found in one document."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention]
    assertions: list[Assertion]
    proposals: list[Proposal] = field(default_factory=list)
    new_entities: list[Entity] = field(default_factory=list)
    dates: list[DateExpression] = field(default_factory=list)


class Extractor:
    """The pipeline over one registry (its name index is built once and reused across documents)."""

    def __init__(self, registry: Registry, *, use_ner: bool | None = None, producer: str = PRODUCER,
                 gazetteer: bool = True):
        self.registry = with_gazetteer(registry) if gazetteer else registry
        self.linker = Linker(self.registry)
        self.producer = producer
        self._elsewhere: dict[str, set[str]] = {}  # home state -> the people the registry places elsewhere
        self.ner = _ner.load() if use_ner is not False else None
        if use_ner and self.ner is None:
            from ..errors import InputError
            raise InputError("the NER stage needs spaCy and an installed English model (none found; nothing is downloaded)")

    def extract(self, doc: Document) -> Extraction:
        registry = self.registry
        sentences = split_sentences(doc.text)
        reference = doc.date
        doc_year = doc.date.value[:4] if doc.date else None
        salience = Salience()
        for m in self.linker.find(doc.publisher or ""):  # "the Council" of a Council of the EU press release is that Council
            if m.cls in ("InternationalOrganization", "GovernmentBody") and not m.nested:
                salience.note(replace(m, start=-1, end=-1))
        # a report of its own day: dated to the day, and saying "today" somewhere, or an official release opening
        # on its own date ("... convened a Trilateral Ministerial Meeting on July 28, 2024")
        of_the_day = doc.date is not None and doc.date.precision == "day" and (bool(_TODAY.search(doc.text)) or (
            doc.kind in _RELEASES and any(d.value == doc.date for d in find_dates(doc.text[:_LEDE], doc.date))))
        anchor = None
        frame: ListFrame | None = None
        all_mentions: list[Mention] = []
        all_dates: list[DateExpression] = []
        assertions: list[Assertion] = []
        proposals: dict[str, Proposal] = {}
        recent_event = recent_conflict = None
        headline_draft: str | None = None  # a draft a headline introduced, which the lede retells
        on_drafts = bool(re.search(r"\bdraft", doc.text, re.I))  # (a text named by its owner is then a draft)
        speakers: list[str] = []  # the states a joint statement speaks for ("We, the leaders of ...")
        home = self._home_state(doc)  # the state a government's own release speaks for: its "we"
        foreign_leaders = self._described_elsewhere(home)
        vote_dates: dict = {}  # resolution id -> the first date given with it (the day of the vote)
        event_dates: dict = {}  # event id -> the dates first given with it
        people: dict[str, dict[str, str]] = {}  # a word of a person's name -> {entity id: class}
        previous_states: list[str] = []
        previous_list: list[str] = []  # the states of the last sentence that named several
        offices: dict[str, str] = {}  # person -> the state the document made them an official of
        editions: dict[str, str] = {}  # a meeting's id -> the id of the edition the document first named (dated)
        people_list: list[tuple[str, str]] = []  # the people of the last sentence that named several
        they_are_people = False  # whether that sentence came after the last list of states
        people_named: list[tuple[str, str]] = []  # (entity, class) of the people named so far, the last one last
        home_leaders: dict[str, str] = {}  # "President" -> the first person the document gave that bare title
        name_line: str | None = None  # the person a line of its own named ("Ambassador Nikki Haley"), for the title line after
        table_event: str | None = None  # the event whose participants the table being read lists
        infobox_titles: dict[str, str] = {}  # "Leader Title2" -> its value, for the "Leader Name2" line that follows
        place_dates: dict[str, DateExpression] = {}  # a place the text dated a visit to ("in Pyongyang in June 2024")
        for sentence in sentences:
            text, offset = sentence.text, sentence.start
            if _NAVIGATION.match(text):
                continue  # "See main article: 2022 Russian invasion of Ukraine": an encyclopedia's links, not a statement
            mentions = self.linker.find(text, offset)
            dates = find_dates(text, reference, offset, anchor)
            where = _IN_PLACE.match(text)
            if not dates and where and where.group("place") in place_dates:
                # "... summits in Pyongyang in June 2024. In Pyongyang, Putin and Kim signed a treaty": that visit's date
                dates = [replace(place_dates[where.group("place")], start=offset + where.start("place"),
                                 end=offset + where.end("place"), text=where.group("place"))]
            for m in _PLACE_DATE.finditer(text):
                d = next((d for d in dates if d.start == offset + m.end() and d.role == "point"), None)
                if d is not None:
                    place_dates[m.group("place")] = d
            if dates:
                anchor = dates[-1].value
            described = resolve_descriptions(text, offset, mentions, registry, salience, dates, doc_year,
                                             doc.date if doc.date and doc.date.precision != "year" else None)
            described += resolve_organisations(text, offset, mentions + described, salience)
            described += resolve_conflicts(text, offset, mentions + described, registry, salience.named())
            new = propose(text, mentions + described, offset)
            new += propose_events(text, mentions + described + new, offset, salience.recent(("Summit",)))
            drafts = sum(p.cls == "DraftResolution" and p.cue == "unnamed draft" for p in proposals.values())
            minted = propose_drafts(text, mentions + described + new, offset, doc.id, drafts,
                                    salience.recent(("DraftResolution",)), headline_draft, on_drafts)
            if minted:
                headline_draft = None if re.search(r"[.!?]\W*$", text) else minted[-1].id
                # "Objecting to the draft resolution, ... rejected the text": the draft just named
                described = [replace(d, entity=minted[-1].id, cls="DraftResolution") if d.start > minted[-1].start and
                             re.match(r"the\s+(?:text|measure|draft|resolution)\b", d.text, re.I) else d for d in described]
            new += minted
            if self.ner is not None:
                new += _ner.proposals(self.ner, text, offset, mentions + described + new)
            new_mentions = []
            for p in new:
                known = people.get(p.label, {}) if p.cls in _PEOPLE and " " not in p.label else {}
                if len(known) == 1:  # "Secretary Austin" after "Lloyd J. Austin III": the same person, named again
                    (entity, cls), = known.items()
                    new_mentions.append(Mention(p.start, p.end, doc.text[p.start:p.end], entity, cls, "coreference", False, 0.6))
                    continue
                if p.id not in proposals:  # (one edition per document: named again, it keeps the id it was given first)
                    p = replace(p, id=editions.setdefault(p.id, _dated_event(p, doc, dates).id))
                proposals.setdefault(p.id, p)
                new_mentions.append(Mention(p.start, p.end, doc.text[p.start:p.end], p.id, p.cls, "new", False, 0.5))
            mentions = _mark_nested(mentions + described + new_mentions)
            mentions = _mark_nested(mentions + _people_by_name(text, offset, mentions, people))
            mentions = _mark_nested(mentions + _named_again(text, offset, mentions, proposals))
            dates = _outside_names(dates, mentions)
            for m in mentions:  # "Kim" after "Kim Jong Un", "Hayashi" after "Yoshimasa Hayashi"
                if m.cls in _PEOPLE and m.kind != "coreference":
                    for token in re.findall(r"[A-Z][\w’'-]{1,}", m.text):
                        if token not in _TITLE_WORDS:  # ("President" of "President Biden" names nobody)
                            people.setdefault(token, {})[m.entity] = m.cls
            if sentence.text.endswith(":"):
                frame = ListFrame()
            elif not sentence.bullet:
                frame = None
            if not speakers and (_WE_ARE.match(text) or _JOINT.search(text)):
                # "We, the leaders of Japan, the ROK and the US, ...", "Joint Statement by ... of A, B and C",
                # "The Ministers of Foreign Affairs of A, B, ... affirm": the states "we" are from now on
                named = _listed_states(text, offset, mentions)
                speakers = named if len(named) >= 2 or _WE_ARE.match(text) else []
            recent_state = salience.last_state_subject
            actors = []
            host = None  # the state of the city the sentence puts a meeting in ("met in Seoul")
            for m in mentions:
                if m.kind == "demonym" and _LEANING.search(text, 0, m.start - offset):
                    continue  # "the pro-Russian President Viktor Yanukovych": a leaning, not a nationality
                if not _place_use(text, m, offset, mentions):
                    actors.append(m)
                elif m.text[:1].isupper():  # "the summit in Brussels": the city, a place of its own
                    city = Proposal(slug(m.text), "Place", m.text, m.start, m.end, "capital")
                    proposals.setdefault(city.id, city)
                    actors.append(replace(m, entity=city.id, cls="Place", kind="capital"))
                    host = host or m.entity
            candidates = find_relations(text, actors, offset=offset, recent_state=recent_state,
                                        recent_event=recent_event, recent_conflict=recent_conflict, frame=frame,
                                        previous_states=previous_states,
                                        recent_resolution=salience.recent(("DraftResolution", "Resolution"), exclude=COLLECTIVE_RESOLUTIONS),
                                        salient=salience.recent, speakers=speakers or home, previous_people=people_named[-2:],
                                        previous_list=previous_list, people_list=people_list,
                                        they_are_people=they_are_people)
            candidates += self._implied_parties(candidates, mentions)
            candidates += _visits(text, offset, actors, host, offices, candidates)
            field_ = _INFOBOX_FIELD.match(text)
            owner = salience.main(_ORGANISATIONS) if field_ else None
            if field_ and owner:
                found, named = _infobox_facts(field_, offset, mentions, owner, infobox_titles)
                candidates += found
                for p in named:
                    proposals.setdefault(p.id, p)
                    mentions.append(Mention(p.start, p.end, p.label, p.id, p.cls, "new", False, 0.5))
            cells = _table_cells(text)
            if cells is None:
                table_event = None
            elif _PARTICIPANTS_HEADER.search(text) and not any(not m.nested for m in mentions):
                table_event = salience.main(("Summit", "Talks"))  # "| Member | Represented by | Title |"
            elif table_event:
                found, named = _table_participants(text, offset, cells, mentions, table_event)
                candidates += found
                for p in named:
                    proposals.setdefault(p.id, p)
                    mentions.append(Mention(p.start, p.end, p.label, p.id, p.cls, "new", False, 0.5))
            candidates += _home_offices(text, offset, mentions, home, offices, home_leaders, candidates, foreign_leaders)
            candidates += _title_line(text, offset, mentions, name_line, home)
            name_line = next((m.entity for m in mentions if m.cls in _PEOPLE and not m.nested and
                              _NAME_LINE.fullmatch(text[:m.start - offset]) and not text[m.end - offset:].strip(" .")), None)
            quantities = find_quantities(text, offset)
            for m in mentions:
                if m.cls in ("Resolution", "DraftResolution") and dates and m.entity not in vote_dates:
                    year = _designation_year(m.entity, doc)  # (not "resolutions adopted in 2016" for 2627 (2022))
                    # (not "its adoption ... follows the failure of two drafts on 8 July": an earlier event's day)
                    voted = [d.value for d in dates if year in (None, d.value.value[:4]) and not (
                        d.start > m.end and _EARLIER.search(doc.text, m.end, d.start))]
                    if voted:
                        vote_dates[m.entity] = voted[0]
                if m.cls in _EVENTS and dates and m.entity not in event_dates:
                    event_dates[m.entity] = [d for d in dates if d.role != "point"][:2] or dates[:1]
            classes = {m.entity: m.cls for m in mentions}
            classes.update({p.id: p.cls for p in proposals.values() if p.id not in classes})
            classes.update({i: registry[i].cls for c in candidates for i in (c.subject, c.object)
                            if i not in classes and i in registry})
            for c in candidates:
                if c.subject == c.object:
                    continue  # ("Moscow, Russia": a capital read as its state is not located in itself)
                if c.relation in ("leaderOf", "officialOf") and classes.get(c.object) == "State":
                    offices.setdefault(c.subject, c.object)  # whose official each person is, for their visits
                a = self._assertion(doc, sentence, c, dates, quantities, mentions)
                if c.relation in _STRUCTURAL and classes.get(c.subject) not in _EVENTS:
                    a = replace(a, point_in_time=None, start_time=None, end_time=None)
                resolution = c.object if c.relation not in ("adoptedBy", "targets") else c.subject
                if c.relation in _AT_THE_VOTE and a.point_in_time and classes.get(resolution) in _RESOLUTIONS and \
                        _designation_year(resolution, doc) not in (None, a.point_in_time.value[:4]):
                    a = replace(a, point_in_time=None)  # ("adopting resolution 2627 (2022) ... resolutions adopted in 2016")
                if c.relation in _AT_THE_VOTE and not a.point_in_time and classes.get(resolution) in _RESOLUTIONS:
                    # undated, or dated "until 30 April 2025" (a mandate, not the vote): the day of the vote
                    when = vote_dates.get(resolution) or (_designated(registry, resolution, doc) if c.rule != "council-resolution"
                                                          else _year_of(_designation_year(resolution, doc)))
                    # (a resolution named in passing, "evade UNSC Resolutions 2375 and 2397", is no report of its vote)
                    a = replace(a, point_in_time=when, start_time=None, end_time=None) if when else a
                event = c.object if c.relation == "participatedIn" else c.subject
                if c.relation in _AT_THE_EVENT and classes.get(event) in _EVENTS and not (a.point_in_time or a.start_time or a.end_time):
                    a = _at_the_event(a, event_dates.get(event), doc)
                undated = not (a.point_in_time or a.start_time or a.end_time) and doc.date and doc.date.precision == "day"
                if undated and (c.rule == "title-line" or c.relation in ("officialOf", "leaderOf") and _SPEECH_HEAD.match(text)):
                    a = replace(a, point_in_time=doc.date)  # the speaker's office, on the day they spoke
                    undated = False
                if undated and not _NOT_TODAY.search(text[:c.trigger_end]) and (
                        c.relation in _ON_THE_DAY and _PRESENT.search(text[max(0, c.trigger_start - 40):c.trigger_end])
                        or _SPOKEN_NOW.fullmatch(text[c.trigger_start:c.trigger_end])
                        or of_the_day and c.relation in _OF_THE_DAY and c.rule not in _DESCRIPTIVE):
                    a = replace(a, point_in_time=doc.date)  # "OFAC has prohibited ...", "the United States is imposing ...":
                    # a press release's present is its own day
                assertions.append(a)
            for m in mentions:
                salience.note(m)
                if m.cls in ("Event", "Summit", "Talks"):
                    recent_event = m.entity
                if m.cls == "Conflict":
                    recent_conflict = m.entity
            states = [m for m in mentions if m.cls == "State" and not m.nested]
            previous_states = list(dict.fromkeys(m.entity for m in states))
            named_people = list(dict.fromkeys((m.entity, m.cls) for m in mentions if m.cls in _PEOPLE and not m.nested))
            if len(named_people) >= 2:
                people_list, they_are_people = named_people, True
            elif len(previous_states) >= 2 and states and states[0].start - offset < 40:
                they_are_people = False  # a list of states as the subject: "they" are now those states
            if len(previous_states) >= 2:
                previous_list = previous_states
            for m in mentions:
                if m.cls in _PEOPLE and not m.nested:
                    people_named = [p for p in people_named if p[0] != m.entity] + [(m.entity, m.cls)]
            if states:
                salience.last_state_subject = states[0].entity
            all_mentions += mentions
            all_dates += dates
        # every proposal enters the document's graph, marked as extracted (producer), for review
        new_entities = [Entity(p.id, p.cls, p.label, p.aliases, producer=self.producer,
                               description=f"proposed by {self.producer} ({p.cue})")
                        for p in proposals.values() if p.id not in registry]
        used = {e.id for e in new_entities} | {e.id for e in registry}
        assertions = [a for a in assertions if a.subject in used and a.object in used]
        # gazetteer entries a statement names enter the document's graph like proposals do
        named = {i for a in assertions for i in (a.subject, a.object, a.according_to) if i}
        # (descriptions name no document: the same entity in two documents must describe itself once)
        new_entities += [replace(e, producer=self.producer) for e in registry if e.producer == "gazetteer" and e.id in named]
        return Extraction(doc, sentences, all_mentions, assertions, list(proposals.values()), new_entities, all_dates)

    def _implied_parties(self, candidates, mentions) -> list:
        """An agreement that replaces another, named in a sentence without its parties: the states
        its registry name gives ("Russia-North Korea Treaty of ...") are its parties."""
        if any(m.cls == "State" for m in mentions):
            return []
        out = []
        states = [e for e in self.registry if e.cls == "State"]
        for c in candidates:
            if c.relation != "replaces":
                continue
            for treaty in (c.subject, c.object):
                entity = self.registry[treaty] if treaty in self.registry else None
                if entity is None or entity.cls not in ("Treaty", "Agreement"):
                    continue
                for state in states:
                    if re.search(r"\b" + re.escape(state.label) + r"\b", entity.label) and not (
                            treaty == c.object):
                        out.append(replace(c, subject=state.id, relation="partyTo", object=treaty,
                                           confidence=0.4, rule="implied-party"))
        return out

    def _described_elsewhere(self, home: list[str]) -> set[str]:
        """The people of the registry whose description names a state other than ``home`` ("President of Russia")."""
        if not home:
            return set()
        if home[0] not in self._elsewhere:
            self._elsewhere[home[0]] = {
                e.id for e in self.registry if e.cls in _PEOPLE and e.description and
                any(m.cls == "State" and m.entity != home[0] for m in self.linker.find(e.description))}
        return self._elsewhere[home[0]]

    def _home_state(self, doc: Document) -> list[str]:
        """The state whose government published the document ("U.S. Department of State", "The White House":
        the United States), found in the publisher's name or else in its description; none for others."""
        publisher = doc.publisher or ""
        for m in self.linker.find(publisher):
            if m.cls == "State" and re.search(r"\b(?:to|in)\s+(?:the\s+)?$", publisher[:m.start]):
                continue  # "Delegation of the European Union to Bosnia and Herzegovina": the host, not the home
            if m.cls == "State":
                return [m.entity]
            if m.cls == "GovernmentBody" and not m.nested:
                described = self.registry[m.entity].description if m.entity in self.registry else ""
                states = [n.entity for n in self.linker.find(described or "") if n.cls == "State" and not n.nested]
                if states:
                    return states[:1]
        return []

    def _assertion(self, doc: Document, sentence: Sentence, c, dates, quantities, mentions) -> Assertion:
        text = sentence.text
        descriptive = c.rule in _DESCRIPTIVE
        certainty = "confirmed" if descriptive else assess(text, c.trigger_start, c.trigger_end).certainty
        if c.relation == "targets" and certainty == "speculative" and re.search(
                r"\bwould(?: also)? have\b|\b(?:aimed at|aiming at|intended to|designed to|seeking to)\b", text):
            certainty = "confirmed"  # what a draft "would have" demanded, or "aimed at", is its content, not a guess
        if c.relation == "targets" and certainty == "denied" and re.search(r"\bfail(?:s|ed|ure|ing)?\s+(?:\w+\s+)?to\s+adopt", text):
            certainty = "confirmed"  # a draft that failed still was about what it was about
        according_to = None
        if not descriptive:
            for start, end, kind in attribution_spans(text):
                inside = [m for m in mentions if not m.nested and m.cls in ACTOR
                          and start <= m.start - sentence.start and m.end - sentence.start <= end]
                pick = inside[:1] if kind == "after" else inside[-1:]
                if pick and pick[0].entity not in (c.subject,) and (kind == "after" or end - (pick[0].end - sentence.start) <= 25):
                    according_to = pick[0].entity
                    if certainty == "confirmed":
                        certainty = "reported"
                    break
        point = start_time = end_time = None
        trig = sentence.start + c.trigger_start
        trig_end = sentence.start + c.trigger_end
        # "the ministry said on Tuesday", "The Kremlin on Thursday denied": the date of the statement,
        # not of the fact reported (unless the statement is the fact, as for warns)
        # ("Announced in September 2021, the ... agreement known as AUKUS": an opening participle dates its subject)
        dates = [d for d in dates if not (_REPORTING.search(doc.text[max(sentence.start, d.start - 30):d.start])
                                          or _REPORTING.match(doc.text[d.end:d.end + 12]))
                 or trig <= d.start <= trig_end + 30 or re.fullmatch(r"\W*Announced\s+", doc.text[sentence.start:d.start])]
        # ("On 8 October 2021, ... Prime Minister X announced the summit in Madrid in 2022": the date the sentence opens with)
        opening = [d for d in dates[:1] if re.fullmatch(r"\W*", doc.text[sentence.start:d.start]) and d.end < trig]
        held = dates if len(dates) == 1 else opening
        if descriptive and c.rule in _HELD and held and held[0].role == "point" and not _DEICTIC.search(held[0].text):
            point = held[0].value  # "On 13 March 2023, Prime Minister X announced": X held the office that day
        if c.rule in ("conflict-party", "conflict-name"):  # "since Russia’s full-scale invasion in February 2022": its start
            when = [d for d in dates if re.fullmatch(r"\s+(?:(?:in|on|of)\s+)?", doc.text[trig_end:d.start])]
            if not when and _LAUNCHED.search(doc.text, trig, trig_end):  # "On 24 February 2022, Russia launched a war": its day
                when = [d for d in dates if re.fullmatch(r"\W*(?:(?:On|In)\s+)?", doc.text[sentence.start:d.start])]
            point = when[0].value if when and when[0].role == "point" else point
        # "the adoption ... follows the failure of two drafts on 8 July": the date of an earlier event
        dates = [d for d in dates if not (d.start > trig_end and _EARLIER.search(doc.text, trig_end, d.start))]
        if _SPOKEN_NOW.fullmatch(sentence.text[c.trigger_start:c.trigger_end]):
            dates = [d for d in dates if d.start < trig]  # "condemns the DPRK's January 6 launch": the launch's day
        if c.relation in _OF_THE_DAY:  # "condemned ... ballistic missile activity since last year": the activity's span
            dates = [d for d in dates if not (d.role == "start" and d.start > trig_end)]
            # "condemned the DPRK's continued launches, including the May 24 launch": the day of the thing condemned
            dates = [d for d in dates if not (d.start > trig_end and _ACT_DAY.match(doc.text, d.end))]
        if dates and not descriptive:
            best = _date_of(doc.text, sentence, dates, trig, trig_end, c, mentions)
            if best.role == "start":
                start_time = best.value
                end_time = next((d.value for d in dates if d.role == "end" and d.start == best.end), None)  # "1-2 April"
            elif best.role == "end":
                end_time = best.value
                start_time = next((d.value for d in dates if d.role == "start" and d.end == best.start), None)
            elif c.relation in _LASTING:
                start_time = best.value  # "announced a partnership on 15 September 2021": when it began
                if c.relation == "partyTo":  # "signed on 16 July 2001, and it came into force on 28 February 2002"
                    force = next((d for d in dates if _IN_FORCE.search(doc.text[max(sentence.start, d.start - 40):d.start])), None)
                    start_time = force.value if force else start_time
            else:
                point = best.value
        quantity = None
        if c.rule in _QUANTIFIED and quantities:
            trig = sentence.start + c.trigger_start
            after = [q for q in quantities if q.start >= trig] or quantities
            quantity = min(after, key=lambda q: abs(q.start - trig)).quantity
        return Assertion(
            subject=c.subject, relation=c.relation, object=c.object,
            evidence=Evidence(doc.id, text, sentence.start, sentence.end),
            certainty=certainty, point_in_time=point, start_time=start_time, end_time=end_time,
            quantity=quantity, materiel=c.materiel, according_to=according_to, producer=self.producer,
            confidence=round(max(0.05, min(1.0, c.confidence)), 3), note=f"rule {c.rule}",
        )


#: Where one clause of a sentence ends and another begins: "a border which was demarcated in 1991, and
#: they signed the treaty in 2001".
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|which|who|after|before|when|although)\b|\s+(?:which|who)\s+"
                           r"(?:was|were|is|are|had|has)\b|\s+and\s+(?:it|they|he|she|the\s+\w+)\s+(?:was|were|came|entered)\b")


def _outside_names(dates: list, mentions: list[Mention]) -> list:
    """The dates of a sentence less a year inside a name ("the 2018 Eritrea–Ethiopia summit took place
    on 8–9 July 2018"), when the sentence gives another: the name's year is not when its facts happened."""
    inside = [d for d in dates if d.precision == "year" and any(m.start <= d.start and d.end <= m.end for m in mentions
                                                                 if m.kind != "description")]  # ("a 1951 agreement": its year)
    numbers = [d for d in inside if any(m.cls in _RESOLUTIONS and m.start <= d.start and d.end <= m.end and
                                        re.search(r"\b" + re.escape(d.text) + r"\b(?!\s*\))", m.text) for m in mentions)]
    dates = [d for d in dates if d not in numbers]  # ("Resolution 2094": a number, never a year)
    inside = [d for d in inside if d not in numbers]
    return [d for d in dates if d not in inside] if inside and len(inside) < len(dates) else dates


def _date_of(text: str, sentence: Sentence, dates: list, trig: int, trig_end: int, c, mentions: list[Mention]):
    """The date a fact takes among those of its sentence: one written right after its subject or object
    ("ratified by the Duma on 26 December 2001, the Federation Council on 16 January 2002"), else the
    nearest one in the trigger's own clause, else the nearest one."""
    for m in mentions:
        if m.entity in (c.subject, c.object) and not m.nested and sentence.start <= m.start < sentence.end:
            after = next((d for d in dates if re.fullmatch(r",?\s+(?:(?:on|in)\s+)?", text[m.end:d.start])), None)
            if after is not None and m.start > trig_end:  # (a date after the trigger's own argument)
                return after
    breaks = [sentence.start + b.start() for b in _CLAUSE_BREAK.finditer(sentence.text)]
    lo = max((b for b in breaks if b <= trig), default=sentence.start)
    hi = min((b for b in breaks if b > trig_end), default=sentence.end)
    own = [d for d in dates if lo <= d.start < hi]
    best = min(own or dates, key=lambda d: abs(d.start - trig))
    if best.value.precision == "year":  # ("The 2018 ... summit ... took place on 8–9 July 2018": the days of that year)
        finer = [d for d in own or dates if d.value.value[:4] == best.value.value and d.value.precision != "year"]
        best = min(finer, key=lambda d: abs(d.start - trig)) if finer else best
    return best


_VIRTUAL = re.compile(r"\b(?:virtually|by video\w*|via video\w*|remotely|by (?:tele)?phone|online)\b", re.I)
_MEETING_WORDS = re.compile(r"\b(?:met|meets|meet|meeting|talks|summit|visit\w*|travel\w*|arriv\w*|convened|hosted|"
                            r"discuss\w*|attend\w*)\b", re.I)


def _visits(text: str, offset: int, actors: list[Mention], host: str | None, offices: dict[str, str], found: list) -> list:
    """ "Secretary Austin and Minister Shin met in Seoul": the officials of another state than the
    city's visited it (the document said whose officials they are)."""
    from .relations import Candidate

    if host is None or not _MEETING_WORDS.search(text):
        return []
    out = []
    for m in actors:
        state = offices.get(m.entity)
        # ("with Minister Kihara joining the meeting virtually": from home)
        virtual = _VIRTUAL.search(text, m.end - offset, m.end - offset + 60)
        if m.cls in _PEOPLE and not m.nested and state and state != host and not virtual and \
                not any(c.subject == m.entity and c.relation == "visited" for c in found):
            out.append(Candidate(m.entity, "visited", host, 0, len(text), 0.5, "visit-abroad"))
    return out


_BARE_TITLE = re.compile(r"(?<![\w.-])(?P<t>(?:Vice\s+)?President)\s+$")


def _listed_states(text: str, offset: int, mentions: list[Mention]) -> list[str]:
    """The states of the first list of a sentence ("We, the leaders of Japan, the ROK and the US, ...", "The Ministers
    of Foreign Affairs of A, B, ..., the High Representative of the European Union, and ... of C affirm"), not every
    state it goes on to name."""
    chain = [m for m in mentions if not m.nested and m.cls in ("State", "InternationalOrganization")]
    listed: list[Mention] = []
    for m in chain:
        if listed and not _LIST_GAP.fullmatch(text[listed[-1].end - offset:m.start - offset]):
            break
        if listed or m.cls == "State":
            listed.append(m)
    return list(dict.fromkeys(m.entity for m in listed if m.cls == "State"))


#: What may stand between two members of a list of signatories: a comma, "and", a title "of" ("the Secretary of State of").
_LIST_GAP = re.compile(r"\s*\(?[A-Z]{0,5}\)?\s*(?:,|and|,\s*and)\s+(?:the\s+)?(?:(?:[A-Z][\w-]*\s+|(?:of|for)\s+){1,6}?of\s+(?:the\s+)?)?|\s*\([A-Z]{2,5}\)")


_NAME_LINE = re.compile(r"\W*(?:(?:Ambassador|Secretary|Minister|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)?")
_TITLE_LINE = re.compile(r"\W*(?:the\s+)?(?:(?:Acting|Deputy|Alternate|Permanent|Senior|Special)\s+)*(?P<state>.*?)\s*"
                         r"(?:(?:Acting|Deputy|Alternate|Permanent|Senior|Special)\s+)*(?:Representative|Ambassador)"
                         r"(?:\s+(?:to|of)\s+the\s+(?:United Nations|UN))?\W*")


def _title_line(text: str, offset: int, mentions: list[Mention], person: str | None, home: list[str]) -> list:
    """A line holding only an envoy's title under a line holding only a name ("Ambassador Kelly Craft" /
    "Permanent Representative", "U.S. Permanent Representative to the United Nations"): that person's office,
    of the state the title names, else of the government publishing the remarks."""
    from .relations import Candidate

    title = _TITLE_LINE.fullmatch(text) if person else None
    if not title:
        return []
    states = [m.entity for m in mentions if m.cls == "State" and not m.nested]
    whose = states[0] if states else home[0] if home and not title.group("state").strip() else None
    return [Candidate(person, "officialOf", whose, 0, len(text), 0.6, "title-line")] if whose else []


def _home_offices(text: str, offset: int, mentions: list[Mention], home: list[str], offices: dict[str, str],
                  claimed: dict[str, str], found: list, elsewhere: set[str]) -> list:
    """ "President Barack Obama" in a release of the US government: the first President the document names with
    no state is the publisher's own (a foreign president is named with their state, and a later bare "President
    Yoon" is a guest). ``offices``: whose official each person already is; ``claimed``: the first person given each
    bare title; ``elsewhere``: the people the registry describes as another state's."""
    from .relations import Candidate

    if not home:
        return []
    titled = {c.subject for c in found if c.relation in ("leaderOf", "officialOf")}
    out = []
    for m in mentions:
        title = _BARE_TITLE.search(text[:m.start - offset]) or re.match(r"(?P<t>(?:Vice\s+)?President)\s", m.text)
        if not title or m.cls not in _PEOPLE or m.nested or m.entity in elsewhere:
            continue
        key = title.group("t").split()[0]  # (one President and one Vice President of its own per document)
        if claimed.setdefault(key, m.entity) != m.entity or m.entity in titled or offices.get(m.entity, home[0]) != home[0] \
                or re.match(r",?\s+(?:of|from)\s+(?:the\s+)?[A-Z]", text[m.end - offset:]) or \
                re.search(r"\b(?:detain|arrest|oust|overthr|depos|jail|imprison)\w*\b[^.;]*\bincluding\b[^.;]*$", text[:m.start - offset]):
            continue  # ("the Burmese military detained civilian government leaders, including ... President Win Myint")
        relation = "officialOf" if title.group("t").startswith("Vice") else "leaderOf"
        start = m.start - offset if title.string is m.text else title.start()  # (the title inside the name or before it)
        out.append(Candidate(m.entity, relation, home[0], start, m.end - offset, 0.5, "home-title"))
    return out


def _dated_event(p: Proposal, doc: Document, dates: list) -> Proposal:
    """A meeting named without its year ("a Trilateral Ministerial Meeting", "the Shangri-La Dialogue")
    is one edition of a series: its id takes the month the sentence gives (else the document's), so two
    reports of two meetings do not make them one ("trilateral-ministerial-meeting-2023-11")."""
    when = next((d.value.value for d in dates if len(d.value.value) >= 7), None) or \
        next((d.value.value for d in dates), None) or (doc.date.value if doc.date else None)  # ("in 1961 ... signed a treaty")
    if (p.cls not in ("Talks", "Summit", "Event") and p.cue != "unnamed agreement") or not when or \
            re.search(r"\b(?:1[89]|20)\d\d\b|\d(?:st|nd|rd|th)\b", p.label) or re.search(r"-\d{4}-\d\d$", p.id):
        return p  # (a numbered or dated name, or an id already dated: "the summit" resolved to the salient one)
    return replace(p, id=f"{p.id}-{when[:7]}")


def _designation_year(resolution: str, doc: Document) -> str | None:
    """The year the document gives with a resolution's number, "resolution 2216 (2015)": the year of its vote."""
    number = re.search(r"\d{3,4}", resolution)
    year = re.search(r"\b" + number.group(0) + r"\s*\(((?:19|20)\d\d)\)", doc.text) if number else None
    return year.group(1) if year else None


def _year_of(year: str | None):
    """The year a resolution's designation gives ("2375 (2017)"), as a date, if it gives one."""
    return PartialDate(year) if year else None


def _designated(registry: Registry, resolution: str, doc: Document):
    """The day of a vote no sentence dates: the year the document gives with the resolution's
    number ("resolution 2216 (2015)") when it is not the document's year, else the document's day
    (a report of the vote)."""
    year = _designation_year(resolution, doc)
    if year and doc.date and year != doc.date.value[:4]:
        return PartialDate(year)
    return doc.date if doc.date and doc.date.precision == "day" else None


def _at_the_event(a: Assertion, dates: list | None, doc: Document) -> Assertion:
    """Taking part in (or hosting) an event the sentence does not date: the event's date, as the
    document first gave it, else the document's own day (a press release on the day's summit)."""
    if dates:
        roles = {d.role: d.value for d in dates}
        if "start" in roles or "end" in roles:
            return replace(a, start_time=roles.get("start"), end_time=roles.get("end"))
        return replace(a, point_in_time=dates[0].value)
    if doc.date and doc.date.precision == "day":
        return replace(a, point_in_time=doc.date)
    return a


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|around)\s+(?:the\s+)?$", re.I)


_PEOPLE = ("Person", "PoliticalLeader", "Analyst")
#: Words of titles that registry names of people may include ("President Biden"): no one's name.
_TITLE_WORDS = frozenset({"President", "Prime", "Minister", "Premier", "Chancellor", "Secretary", "King", "Queen", "Emir",
                          "Foreign", "Defense", "Defence", "General", "Ambassador", "Senator", "Director", "Chairman",
                          "Chairwoman", "Governor", "Mayor", "Vice", "Deputy", "Supreme", "Leader", "Crown", "Prince",
                          "Sheikh", "Representative", "Envoy", "Commissioner", "State", "Counsellor", "Commander",
                          "Admiral", "Colonel", "Marshal", "Spokesperson", "Spokesman", "Spokeswoman", "Sir", "Dame"})


#: The header of a table of the people who attended ("| Member | Represented by | Title |").
_PARTICIPANTS_HEADER = re.compile(r"\b(?:represented by|leaders?|heads? of (?:state|government|delegation)|delegations?|"
                                  r"participants?|attendees?|representatives?)\b", re.I)
_CELL_NAME = re.compile(r"[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|von|der|van|de|al|bin|da)){1,4}")
_CELL_TITLE = re.compile(r"(?:\w+\s+)?(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Secretary[- ]General|"
                         r"Minister|Secretary|Chair\w*|Vice[- ]President|Director[- ]General)", re.I)


_ORGANISATIONS = ("InternationalOrganization", "Organization", "GovernmentBody", "ArmedForces", "ThinkTank")
#: A field of an infobox kept as a list line: "- Headquarters: Moscow, Russia", "- Leader Name2: Andrey Serdyukov".
_INFOBOX_FIELD = re.compile(r"^-?\s*(?P<key>Leader (?:Title|Name)\d*|Headquarters|Seat)\s*:\s*(?P<value>\S.*?)\s*$", re.I)
_HEAD_TITLE = re.compile(r"(?:Secretary[- ]General|Director[- ]General|President|Chair\w*|Leader|Head|Executive Director)", re.I)


def _infobox_facts(field_: re.Match, offset: int, mentions: list[Mention], owner: str,
                   titles: dict[str, str]) -> tuple[list, list[Proposal]]:
    """The facts of an infobox line about the organisation a page describes: its seat's state hosts
    it; a "Leader Name" with the "Leader Title" before it leads it (a head's title) or serves it."""
    from .relations import Candidate

    key = field_.group("key").lower()
    value = field_.group("value")
    text = field_.string
    if key.startswith("leader title"):
        titles[key.replace("title", "")] = value
        return [], []
    if key in ("headquarters", "seat"):
        return [Candidate(m.entity, "hosts", owner, 0, len(text), 0.55, "infobox") for m in mentions
                if m.cls == "State" and not m.nested][-1:], []
    title = titles.get(key.replace("name", ""), "")
    people = [m.entity for m in mentions if m.cls in _PEOPLE and not m.nested]
    named = []
    if not people and _CELL_NAME.fullmatch(value):
        start = offset + field_.start("value")
        named = [Proposal(slug(value), "Person", value, start, start + len(value), "infobox")]
        people = [named[0].id]
    relation = "leaderOf" if _HEAD_TITLE.fullmatch(title) else "officialOf" if title else None
    return ([Candidate(p, relation, owner, 0, len(text), 0.55, "infobox") for p in people[:1]] if relation else []), named


def _table_cells(text: str) -> list[tuple[int, str]] | None:
    """The cells of a table row ("| | Joe Biden | President |") with their offsets, or None."""
    if not text.startswith("|") or text.count("|") < 3:
        return None
    cells, pos = [], 1
    for raw in text[1:].split("|")[:-1]:
        stripped = raw.strip()
        cells.append((pos + raw.find(stripped) if stripped else pos, stripped))
        pos += len(raw) + 1
    return cells


def _table_participants(text: str, offset: int, cells: list[tuple[int, str]], mentions: list[Mention],
                        event: str) -> tuple[list, list[Proposal]]:
    """A row of a table of participants: its person (the registry's, or a name in a cell beside a
    title cell, proposed) took part in the event the document is about."""
    from .relations import Candidate

    people = {m.entity for m in mentions if m.cls in _PEOPLE}
    named: list[Proposal] = []
    if not people and any(_CELL_TITLE.fullmatch(c) for _, c in cells):
        for start, cell in cells:
            if _CELL_NAME.fullmatch(cell) and not _CELL_TITLE.fullmatch(cell):
                named.append(Proposal(slug(cell), "PoliticalLeader", cell, offset + start, offset + start + len(cell),
                                      "table"))
                people.add(named[-1].id)
                break
    found = [Candidate(p, "participatedIn", event, 0, len(text), 0.5, "table-row") for p in sorted(people)]
    return found, named


#: Proposed names worth finding again later in a document: places, bodies, agreements (people have
#: their own rule, events and drafts their descriptions).
_NAMED_AGAIN = frozenset({"Place", "Organization", "GovernmentBody", "InternationalOrganization", "ArmedForces", "ThinkTank",
                          "MediaOrganization", "Treaty", "Agreement"})


def _named_again(text: str, offset: int, mentions: list[Mention], proposals: dict) -> list[Mention]:
    """A name the document proposed earlier, written again ("the Syrian port city of Tartus" ...
    "a naval base in Tartus"): the same entity, though the registry does not know it."""
    out = []
    for p in proposals.values():
        if p.cls not in _NAMED_AGAIN:
            continue
        for name in (p.label, *p.aliases):  # (an acronym it was given in parentheses, "UNSOM", too)
            if len(name) < 4 and not name.isupper() or len(name) < 2 or name not in text:
                continue
            at = text.find(name)
            while at >= 0:  # (a plain search: a pattern per name would crowd the regular-expression cache)
                after = at + len(name)
                whole = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and \
                    (after == len(text) or not (text[after].isalnum() or text[after] == "-"))
                start, end = offset + at, offset + after
                if whole and not any(m.start < end and start < m.end for m in mentions + out):
                    out.append(Mention(start, end, name, p.id, p.cls, "coreference", False, 0.6))
                at = text.find(name, after)
    return out


def _people_by_name(text: str, offset: int, mentions: list[Mention], people: dict) -> list[Mention]:
    """A person named again by one word of a name the document gave in full ("Kim" after "Kim Jong
    Un"), when that word belongs to one person only."""
    out = []
    for match in re.finditer(r"\b[A-Z][\w’'-]{1,}\b", text):
        start, end = offset + match.start(), offset + match.end()
        owners = people.get(match.group(0), {})
        if len(owners) == 1 and not any(m.start < end and start < m.end for m in mentions):
            (entity, cls), = owners.items()
            out.append(Mention(start, end, match.group(0), entity, cls, "coreference", False, 0.6))
    return out


def _place_use(text: str, mention: Mention, offset: int, mentions: list[Mention] = ()) -> bool:
    """A capital after a locative preposition is the city ("signed in Pyongyang"), not its state; so
    is a capital followed by its state ("Bishkek, Kyrgyzstan", "a Bangui, CAR-based company")."""
    if mention.kind != "metonym":
        return False
    if _LOCATIVE.search(text[:mention.start - offset]):
        return True
    return any(m.entity == mention.entity and m.kind != "metonym" and m.start == mention.end + 2 and
               text[mention.end - offset:m.start - offset] == ", " for m in mentions)


def extract(doc: Document, registry: Registry, **options) -> Extraction:
    """Run the whole pipeline over one document (see :class:`Extractor` to reuse it)."""
    return Extractor(registry, **options).extract(doc)
