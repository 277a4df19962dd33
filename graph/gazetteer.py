"""The built-in gazetteer: every state and the main international organisations, known by name.

States come from the ``countryinfo`` package (common and official names, demonyms, capitals),
with the short forms it lacks ("UK", "UAE") in ``data/gazetteer/states.yaml``; organisations, treaties,
wars and contested territories from ``data/gazetteer/*.yaml`` (the registry's format, so an analyst
extends it like ``entities.yaml``). The extractor links to these in every document, so
"Burkina Faso", "Burkinabè" or "the Council of the European Union" need no registry entry.

A curated registry always wins: :func:`with_gazetteer` adds a gazetteer entry only when neither
its id nor its label is already in the registry, and otherwise gives the registry's entry the
gazetteer's extra names (a capital as a metonym, a demonym).

>>> reg = with_gazetteer(Registry([]))
>>> reg.resolve("Burkina Faso").cls, reg.resolve("Ouagadougou").id, reg.resolve("Council of the EU").id
('State', 'burkina-faso', 'council-of-the-eu')
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from .model import Entity
from .registry import Registry, load_registry, normalise_name
from .resources import default_data_dir, gazetteer_dir

__all__ = ["gazetteer_entities", "with_gazetteer", "state_entities", "default_registry"]

#: countryinfo keys that are parts or former names of a state listed under another key.
_NOT_STATES = {"scotland", "wales", "serbia and montenegro", "antilles néerlandaises", "burma", "palestine, state of",
               "holy see (vatican city state)", "antarctica"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise_name(name).replace("'", "")).strip("-")


@functools.lru_cache(maxsize=1)
def state_entities() -> tuple[Entity, ...]:
    """Every state and territory of countryinfo as a State with its names."""
    from countryinfo import CountryInfo

    out = []
    for key, data in sorted(CountryInfo.all().items()):
        if key in _NOT_STATES:
            continue
        label = data["name"]
        aliases = [a for a in data.get("altSpellings", ()) if a.isascii() and len(a) > 3 and "," not in a
                   and a != label and not a.isupper()]
        demonym = data.get("demonym")
        if demonym and demonym != label:
            aliases.append(demonym)
        capital = data.get("capital") or ()
        capitals = tuple(c for c in ([capital] if isinstance(capital, str) else capital) if isinstance(c, str) and c)
        out.append(Entity(_slug(label), "State", label, tuple(dict.fromkeys(aliases)), capitals, producer="gazetteer",
                          description=f"State or territory ({data.get('subregion') or data.get('region') or 'world'}); "
                                      "from the built-in gazetteer."))
    return tuple(_unshared_demonyms(out))


def _unshared_demonyms(states: list[Entity]) -> list[Entity]:
    """A demonym several states share stays away from a territory whose name merely contains it as
    an adjective ("Indian" belongs to India, not to the British Indian Ocean Territory; "French" not
    to the French Southern and Antarctic Lands)."""
    owners: dict[str, int] = {}
    for e in states:
        for a in e.aliases:
            owners[a.lower()] = owners.get(a.lower(), 0) + 1

    def adjective_in_name(name: str, e: Entity) -> bool:
        return owners[name.lower()] > 1 and name.lower() != e.label.lower() and \
            bool(re.search(r"\b" + re.escape(name) + r"\b", e.label, re.I))

    return [replace(e, aliases=tuple(a for a in e.aliases if not adjective_in_name(a, e))) for e in states]


@functools.lru_cache(maxsize=1)
def gazetteer_entities() -> tuple[Entity, ...]:
    """The whole gazetteer: organisations from the YAML files, then states."""
    organisations: list[Entity] = []
    states = {e.id: e for e in state_entities()}
    for path in sorted(gazetteer_dir().glob("*.yaml")):
        for e in load_registry(path):
            if e.id in states and e.cls == "State":  # more names for a state ("UK", "Britain"): added to its own
                state = states[e.id]
                states[e.id] = replace(state, aliases=tuple(dict.fromkeys((*state.aliases, *e.aliases))),
                                       hidden=tuple(dict.fromkeys((*state.hidden, *e.hidden))))
            else:
                organisations.append(replace(e, producer="gazetteer"))
    return tuple(organisations) + tuple(states.values())


def with_gazetteer(registry: Registry) -> Registry:
    """The registry plus the gazetteer entries it lacks (the registry wins; see the module docstring)."""
    merged = {e.id: e for e in registry}
    for entry in gazetteer_entities():
        owner = merged.get(entry.id) or next(iter(registry.candidates(entry.label)), None)
        if owner is None:
            merged[entry.id] = entry
            continue
        if owner.producer == "gazetteer" or owner.cls != entry.cls:
            continue
        taken = {normalise_name(n) for n in owner.names()}

        def new(names):
            return tuple(n for n in names if normalise_name(n) not in taken and not registry.candidates(n))

        merged[owner.id] = replace(owner, aliases=(*owner.aliases, *new(entry.aliases)),
                                   hidden=(*owner.hidden, *new(entry.hidden)))
    return Registry(merged.values())


def default_registry() -> Registry:
    """The bundled registry with the gazetteer: what ``kg ingest`` links to by default."""
    return with_gazetteer(load_registry(default_data_dir() / "entities.yaml"))
