"""The lexicons of the relation stage: class groups, the trigger and title lexicons read from data,
and what a transferred thing says about the relation (``MATERIEL``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


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


#: Verbs that begin a war ("Russia launched a new war against Ukraine"): the subject takes part from then on.
WAR_START = r"launch(?:ed|es)?|start(?:ed|s)?|began|begins?|unleash(?:ed|es)?"


#: A body a state owns, after its possessive: what a measure "on Burma's military regime" targets instead of the state.
_OWNED_BODY = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:regime|junta|ministry|ministries|army|armed forces|"
                         r"forces|navy|banks?|compan(?:y|ies)|firms?|entities|officials|generals|oligarchs|elites?)\b", re.I)


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
    from ...errors import InputError
    from ...namespaces import ENTITY_CLASSES, RELATIONS
    from ...resources import lexicon_dir
    from ...yamlfile import load_yaml_file

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
    from ...errors import InputError
    from ...namespaces import RELATIONS
    from ...resources import lexicon_dir
    from ...yamlfile import load_yaml_file

    path = Path(path) if path else lexicon_dir() / "titles.yaml"
    out = []
    for n, entry in enumerate(load_yaml_file(path) or [], 1):
        if not isinstance(entry, dict) or not entry.get("title") or not entry.get("office") or \
                entry.get("relation") not in RELATIONS:
            raise InputError(f"entry {n}: needs a title, an office and a relation of the ontology", source=str(path))
        words = r"\s+".join(re.escape(w) for w in str(entry["title"]).split())
        # after the name the title ends the apposition; an official's rank may name a portfolio ("Assistant
        # Secretary-General for Europe"), a head's title may not, nor a title marked `portfolio: false` ("Secretary
        # of State for Defence" is another office)
        portfolio = r"|\s+for\s+[A-Z]" if entry.get("portfolio", entry["relation"] == "officialOf") else ""
        # before the name, an official's rank may name its portfolio too: "Assistant Secretary-General for Political
        # Affairs, Taye-Brook Zerihoun"
        before = r"(?:\s+for\s+(?:[A-Z][\w-]*|and|of|the)(?:\s+(?:[A-Z][\w-]*|and|of|the)){0,5})?" if portfolio else ""
        # (not the end of a longer title: "[Under]-Secretary-General Nakamitsu", "Deputy Secretary of State Wendy Sherman")
        out.append((re.compile(r"(?<![-\]])(?<!Deputy )(?<!Under )(?<!Assistant )\b" + words + before + r",?\s+$"),
                    str(entry["office"]), str(entry["relation"]),
                    re.compile(r"\s*,\s*(?:the\s+)?" + words + r"(?=\s*[,.;)]|\s*$" + portfolio + ")")))
    return out


#: Titles that name an office (from the title lexicon).
TITLES = load_titles()


#: A counterfactual: what a failed draft, or the Council had it passed, "would have" done did not happen.
WOULD_HAVE = re.compile(r"\bwould\s+(?:also\s+)?have\b", re.I)


#: A transfer or training that is banned, not done: "prohibited the provision of arms to X".
_PROHIBITED = re.compile(r"\b(?:prohibit\w*|banned|banning|barred|barring|forbid\w*|forbade|embargoed|"
                         r"outlaw\w*)\s+(?:the\s+(?:provision|supply|sale|transfer|export)s?\s+of\s+(?:[\w,’'-]+\s+){0,8}|(?:\w+\s+){0,3}|"
                         r"(?:[\w-]+\s+){1,5}from\s+)$",
                         re.I)  # ("prohibited the provision of large-scale arms, nuclear technology and related training to")


def load_materiel(path: Path | None = None) -> list[tuple[str, re.Pattern]]:
    """What a transferred thing says about the relation, in order: (relation, pattern of its words),
    from ``data/lexicon/materiel.yaml`` (see its header)."""
    from ...errors import InputError
    from ...namespaces import RELATIONS
    from ...resources import lexicon_dir
    from ...yamlfile import load_yaml_file

    path = Path(path) if path else lexicon_dir() / "materiel.yaml"
    out = []
    for n, entry in enumerate(load_yaml_file(path) or [], 1):
        if not isinstance(entry, dict) or entry.get("relation") not in RELATIONS or not entry.get("words"):
            raise InputError(f"entry {n}: needs a relation of the ontology and its words", source=str(path))
        pattern = r"\b(?:" + "|".join(str(w) for w in entry["words"]) + r")\b"
        if entry.get("symbols"):
            pattern += "|" + "|".join(str(w) for w in entry["symbols"])
        try:
            out.append((str(entry["relation"]), re.compile(pattern, re.I)))
        except re.error as e:
            raise InputError(f"entry {n}: {e}", source=str(path)) from None
    return out


#: What is transferred decides the relation (checked in this order; several may apply).
MATERIEL = load_materiel()
