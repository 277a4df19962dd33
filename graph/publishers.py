"""Publishers and their reliability grades: the corpus's ``publishers.yaml``, edited by analysts.

The intelligence trade grades a source's reliability with the Admiralty (NATO) system, one
letter from A (completely reliable) to F (reliability cannot be judged). ``kg build`` reads the
grades from ``<corpus>/publishers.yaml`` (optional) into the named graph
``Instances.graph_publishers()``; a document whose ``publisher`` header is one of a publisher's
names (its ``name`` or an alias, compared without regard to case or spacing) gets its grade, any
other publisher F (see :mod:`graph.credibility`, which links documents to publishers after every
write, so ``kg ingest`` uses the grades too)::

    - name: Reuters                   # the publisher's name
      aliases: [Reuters News Agency]  # other spellings used in document headers (optional)
      grade: B                        # A B C D E F
      note: wire agency               # optional: why this grade

>>> [(p.name, p.grade) for p in parse_publishers("- name: Reuters\\n  grade: B\\n", "publishers.yaml")]
[('Reuters', 'B')]
>>> parse_publishers("- name: Reuters\\n  grade: G\\n", "publishers.yaml")
Traceback (most recent call last):
...
graph.errors.InputError: publishers.yaml:1: bad grade 'G' for 'Reuters' (one of A, B, C, D, E, F)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef

from .errors import InputError
from .namespaces import ONT, RDF, RDFS, SKOS, Instances
from .yamlfile import check_entry, load_yaml_text, read_text

__all__ = [
    "RELIABILITY_GRADES",
    "UNGRADED",
    "Publisher",
    "publisher_key",
    "parse_publishers",
    "load_publishers",
    "publisher_triples",
    "PUBLISHERS_FILE",
]

#: The Admiralty (NATO) scale of source reliability. A fixed standard (like the four
#: certainties), not corpus knowledge: the grades themselves live in publishers.yaml.
RELIABILITY_GRADES = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
#: The grade of a publisher not in the file, and of a document without a publisher.
UNGRADED = "F"
#: Where a corpus keeps its grades.
PUBLISHERS_FILE = "publishers.yaml"

_KEYS = {"name", "aliases", "grade", "note"}


@dataclass(frozen=True)
class Publisher:
    """A graded publisher: its name, other spellings, reliability grade A-F and why."""

    name: str
    grade: str
    aliases: tuple[str, ...] = ()
    note: str | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def publisher_key(text: str) -> str:
    """How publisher names are compared: case and runs of spaces do not matter.

    >>> publisher_key("  Associated   PRESS ")
    'associated press'
    """
    return " ".join(str(text).split()).casefold()


def parse_publishers(text: str, source: str) -> list[Publisher]:
    """Check and read a publishers file's text; the first problem raises InputError naming
    ``source`` and the line."""
    data = load_yaml_text(text, source)
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError("a publishers file is a list of entries (- name: ..., grade: ...)", source=source, line=1)
    publishers: list[Publisher] = []
    seen: dict[str, str] = {}
    for item in data:
        line = check_entry(item, source, "publisher", _KEYS, ("name", "grade"))
        name = str(item["name"]).strip()
        grade = str(item["grade"]).strip()
        if grade not in RELIABILITY_GRADES:
            raise InputError(f"bad grade {grade!r} for {name!r} (one of {', '.join(RELIABILITY_GRADES)})",
                             source=source, line=line)
        aliases = item.get("aliases") or []
        if isinstance(aliases, str) or not isinstance(aliases, list) or not all(isinstance(a, (str, int)) for a in aliases):
            raise InputError(f"'aliases' of {name!r} must be a list of names", source=source, line=line)
        publisher = Publisher(name, grade, tuple(str(a).strip() for a in aliases if str(a).strip()),
                              str(item["note"]) if item.get("note") else None)
        for spelling in publisher.names():
            key = publisher_key(spelling)
            if key in seen:
                raise InputError(f"publisher name {spelling!r} is also a name of {seen[key]!r}", source=source, line=line)
            seen[key] = name
        publishers.append(publisher)
    return publishers


def load_publishers(data_dir: Path) -> list[Publisher]:
    """The publishers of a corpus folder (none when it has no publishers.yaml)."""
    path = Path(data_dir) / PUBLISHERS_FILE
    if not path.exists():
        return []
    return parse_publishers(read_text(path), str(path))


def publisher_triples(publishers: list[Publisher], inst: Instances) -> list[tuple[URIRef, URIRef, object]]:
    """The publishers graph: each publisher typed ``ont:Publisher`` with its label, aliases,
    grade and note, produced by the curators (what tells them from the publishers that
    :mod:`graph.credibility` adds, graded F, for names not in the file)."""
    triples = []
    for p in publishers:
        iri = inst.publisher(publisher_key(p.name))
        triples += [(iri, RDF.type, ONT.Publisher), (iri, RDFS.label, Literal(p.name)),
                    (iri, ONT.reliability, Literal(p.grade)), (iri, ONT.producedBy, inst.agent("curated"))]
        triples += [(iri, SKOS.altLabel, Literal(alias)) for alias in p.aliases]
        if p.note:
            triples.append((iri, RDFS.comment, Literal(p.note)))
    return triples
