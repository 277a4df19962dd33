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

The package holds one module a family: :mod:`.lexicon` (class groups and the trigger and title
lexicons), :mod:`.sentence` (the sentence, its candidates and clauses), :mod:`.arguments` (subjects
and objects), then the families of rules: :mod:`.plain`, :mod:`.transfers`, :mod:`.constructions`
(with :mod:`.events`, :mod:`.alliances` and :mod:`.organisations`) and :mod:`.resolutions`.

>>> from graph.extract.mentions import Mention
>>> ms = [Mention(0, 6, "Russia", "russia", "State", "label"), Mention(14, 24, "Resolution", "r1", "Resolution", "label")]
>>> [(c.subject, c.relation, c.object) for c in find_relations("Russia vetoed Resolution 5.", ms)]
[('russia', 'vetoed', 'r1')]
"""

from __future__ import annotations

import re

from ..mentions import Mention
from .lexicon import ACTOR, MATERIEL, RECIPIENT, RULES, SYMMETRIC, TITLES, Rule, load_rules, load_titles
from .sentence import Candidate, ListFrame, _Sentence, _rel
from .plain import _plain_rules
from .transfers import _active_in, _classify, _materiel_text, _reverse_transfers, _transfers, _withdrawals, _workers
from .alliances import _in_consultation, _party_inference
from .organisations import _founders_and_sides, _its_leader, _member_lists, _missions
from .resolutions import _adopted_by_votes, _counterfactual_drafts, _measures_against, _sponsor_lists, _vote_lists
from .constructions import _constructions
from .arguments import _state_of

__all__ = ["Candidate", "find_relations", "RELATION_TRIGGERS", "ListFrame", "PRODUCIBLE", "ACTOR", "MATERIEL",
           "RULES", "TITLES", "Rule", "load_rules", "load_titles"]


#: Unnamed agents a participle can belong to: "persons and entities supplying ...", "those responsible for supporting".
_UNNAMED_AGENTS = re.compile(r"\b(?:persons|entities|individuals|companies|firms|those|people|networks|vessels|actors|"
                             r"groups|officials|suppliers|intermediaries|(?:responsible|involved)\s+(?:for|in))"
                             r"(?:\s*,?\s*(?:[a-z]+ing|or|and|otherwise|being|directly|indirectly)\b)*\s*,?\s*$", re.I)
_UNNAMED_WHO = re.compile(r"\b(?:those|persons|entities|individuals|companies|firms|actors|anyone|networks|people|"
                          r"any(?:one|\s+person|\s+entity|\s+country|\s+state)?)\s+(?:who|that|which)\s+(?:\w+ly\s+)?"
                          r"(?:(?:continue|continues|seek|seeks|attempt|attempts|try|tries|tried)\s+to\s+)?"
                          r"(?:(?:provide|provides|give|gives|offer|offers|lend|lends|send|sends)\s+)?$", re.I)
#: Relations a body calls on others to enter ("urged all States ... to cooperate with the Committee",
#: "encouraged the parties to join the treaty"): what is asked for has not happened.
_EXHORTABLE = frozenset({"cooperatesWith", "supports", "memberOf", "partyTo", "signatoryOf", "ratified", "metWith",
                         "negotiatesWith", "participatedIn", "alliedWith", "condemned"})
_EXHORTATION = re.compile(r"\b(?:urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon|for)|encourag(?:e|es|ed|ing)|"
                          r"request(?:s|ed|ing)?|invit(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to|press(?:es|ed|ing)?)\b"
                          r"[^.;:]{0,120}?\bto\s+(?:[a-z]+\s+){0,3}$", re.I)


_BODY_OF_LAW = re.compile(r"\b(?:resolutions|UNSCRs|SCRs)\b")


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
    _active_in(s)
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
    # ("in violation of multiple UNSCRs ... Russia's veto": a veto blocks one draft, never the Council's resolutions
    # as a body of law; those may be voted for, "supported 10 different UN sanction resolutions")
    bodies = {m.entity for m in s.mentions if m.cls in ("Resolution", "DraftResolution") and _BODY_OF_LAW.search(m.text)}
    s.out = [c for c in s.out if not (c.relation == "vetoed" and (c.object in bodies or "resolutions" in c.object))]
    # ("warned that Iran's armed forces would respond": a state does not warn its own forces)
    own = {(m.entity, _state_of(s, m).entity) for m in s.mentions if m.cls == "ArmedForces"}
    s.out = [c for c in s.out if not (c.relation == "warns" and (c.object, c.subject) in own)]
    seen = set()
    out = []
    # ("the support for its war provided by Iran": whom the support goes to, support-for knows better than transfer)
    supported = {(c.subject, c.relation) for c in s.out if c.rule == "support-for"}
    s.out = [c for c in s.out if not (c.rule == "transfer" and (c.subject, c.relation) in supported)]
    # ("The Minister for Foreign Affairs of Australia, Julie Bishop, the Minister ... of Japan": the title before the
    # name, not the next one, says whose official she is)
    titled = {c.subject for c in s.out if c.rule == "title" and c.relation in ("officialOf", "leaderOf")}
    s.out = [c for c in s.out if not (c.rule == "apposition" and c.subject in titled and c.relation in ("officialOf", "leaderOf"))]
    # ("President of the European Council Charles Michel": its leader, which says more than one of its officials)
    leads = {(c.subject, c.object) for c in s.out if c.relation == "leaderOf"}
    s.out = [c for c in s.out if not (c.relation == "officialOf" and (c.subject, c.object) in leads)]
    for c in sorted(s.out, key=lambda c: -c.confidence):
        if c.relation in _EXHORTABLE and _EXHORTATION.search(text[:c.trigger_start]):
            continue  # "urged all States to cooperate with the Committee": a call, not a fact
        if re.match(r"[a-z]+ing\b", text[c.trigger_start:c.trigger_end]) and _UNNAMED_AGENTS.search(text[:c.trigger_start]) \
                or _UNNAMED_WHO.search(text[:c.trigger_start]):
            continue  # "to target persons and entities supplying ... Iran's missiles", "those who provide support to
            # Russia": the unnamed agents do it
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
