"""The entity registry: ids, classes, labels, aliases and Wikidata QIDs (data/entities.yaml).

:meth:`Registry.resolve` finds an entity by id, label or alias regardless of case, hyphens and
diacritics, which is how the CLI accepts ``--param actor=DPRK`` or ``kim jong un``.

>>> reg = Registry([Entity("kim-jong-un", "PoliticalLeader", "Kim Jong-un", ("Kim Jong Un",))])
>>> reg.resolve("KIM JONG UN").id
'kim-jong-un'
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError, did_you_mean
from .model import Entity
from .namespaces import ENTITY_CLASSES
from .yamlfile import check_entry, load_yaml_file

__all__ = ["Registry", "load_registry", "normalise_name", "ENTITY_ID_RE", "QID_RE"]

ENTITY_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_KNOWN_KEYS = {"id", "class", "label", "aliases", "hidden", "wikidata", "description", "__line__"}


def normalise_name(name: str) -> str:
    """Fold a name for matching: no diacritics, case, punctuation or hyphen differences."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").casefold()
    plain = re.sub(r"[\s\-‐‑–—_.]+", " ", plain)
    return re.sub(r"[^\w' ]", "", plain).strip()


class Registry:
    """Entities by id, with a name index for linking text and user input to them."""

    def __init__(self, entities: Iterable[Entity] = ()):
        self._by_id: dict[str, Entity] = {}
        self._by_name: dict[str, list[str]] = {}
        for entity in entities:
            self.add(entity)

    def add(self, entity: Entity) -> None:
        self._by_id[entity.id] = entity
        for name in (entity.id, *entity.names()):
            ids = self._by_name.setdefault(normalise_name(name), [])
            if entity.id not in ids:
                ids.append(entity.id)

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self._by_id

    def __getitem__(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def candidates(self, name: str) -> list[Entity]:
        """Every entity that ``name`` can refer to (an id, label, alias or hidden label)."""
        return [self._by_id[i] for i in self._by_name.get(normalise_name(name), [])]

    def resolve(self, name: str) -> Entity:
        """The one entity ``name`` refers to; InputError if none or several."""
        found = self.candidates(name)
        if not found:
            names = list(self._by_id) + [e.label for e in self._by_id.values()]
            raise InputError(f"unknown entity {name!r}{did_you_mean(name, names)} (not an id, label or alias in the registry)")
        if len(found) > 1:
            ids = ", ".join(e.id for e in found)
            raise InputError(f"ambiguous entity {name!r}: could be {ids}; use the id")
        return found[0]


def _names(value: object, field: str, source: str, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise InputError(f"'{field}' must be a list of names", source=source, line=line)
    return tuple(str(v) for v in value)


def entity_from_mapping(item: object, source: str) -> Entity:
    """Check one registry entry and turn it into an :class:`Entity`."""
    line = check_entry(item, source, "registry entry", _KNOWN_KEYS, ("id", "class", "label"))
    entity_id = str(item["id"])
    if not ENTITY_ID_RE.match(entity_id):
        raise InputError(f"bad entity id {entity_id!r} (lowercase letters, digits, hyphens)", source=source, line=line)
    cls = str(item["class"])
    if cls not in ENTITY_CLASSES:
        raise InputError(f"unknown class {cls!r} for {entity_id!r}", source=source, line=line)
    qid = item.get("wikidata")
    if qid is not None and not QID_RE.match(str(qid)):
        raise InputError(f"bad Wikidata id {qid!r} for {entity_id!r} (expected Q123)", source=source, line=line)
    return Entity(
        id=entity_id,
        cls=cls,
        label=str(item["label"]),
        aliases=_names(item.get("aliases"), "aliases", source, line),
        hidden=_names(item.get("hidden"), "hidden", source, line),
        wikidata=str(qid) if qid else None,
        description=str(item["description"]) if item.get("description") else None,
    )


def load_registry(path: Path) -> Registry:
    """Load and check ``entities.yaml``: unique ids, known classes, well-formed QIDs."""
    source = str(path)
    data = load_yaml_file(Path(path))
    if not isinstance(data, list):
        raise InputError("the registry must be a YAML list of entities", source=source)
    registry = Registry()
    for item in data:
        entity = entity_from_mapping(item, source)
        if entity.id in registry:
            raise InputError(f"duplicate entity id {entity.id!r}", source=source, line=item.get("__line__"))
        registry.add(entity)
    return registry
