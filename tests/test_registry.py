"""The entity registry: well-formed entries, and name resolution by id, label or alias."""

import re

import pytest

from graph.errors import InputError
from graph.registry import QID_RE, load_registry


@pytest.fixture(scope="module")
def registry(data_dir):
    return load_registry(data_dir / "entities.yaml")


def test_registry_covers_the_actors_the_documents_name(registry):
    for entity_id in ["north-korea", "russia", "soviet-union", "south-korea", "china", "united-states", "ukraine",
                      "syria", "iran", "japan", "angola", "vladimir-putin", "kim-jong-un", "rusi", "stimson-center",
                      "korea-foundation", "unsc", "nato", "unsc-resolution-1695", "treaty-1961-soviet-dprk",
                      "treaty-2000-russia-dprk", "treaty-2024-comprehensive-strategic-partnership", "korean-war",
                      "mariupol", "donetsk-peoples-republic", "luhansk-peoples-republic"]:
        assert entity_id in registry, entity_id


def test_every_wikidata_id_is_well_formed(registry):
    qids = [e.wikidata for e in registry if e.wikidata]
    assert len(qids) >= 20
    assert all(QID_RE.match(q) for q in qids)
    assert len(set(qids)) == len(qids), "two entities share a QID"


def test_known_qids_are_the_right_ones(registry):
    # Checked by hand against Wikidata: a wrong QID here would link the graph to the wrong thing.
    expected = {"russia": "Q159", "north-korea": "Q423", "south-korea": "Q884", "china": "Q148",
                "united-states": "Q30", "ukraine": "Q212", "soviet-union": "Q15180", "vladimir-putin": "Q7747",
                "kim-jong-un": "Q56226", "nato": "Q7184", "unsc": "Q37470", "korean-war": "Q8663"}
    assert {k: registry[k].wikidata for k in expected} == expected


@pytest.mark.parametrize("name,entity_id", [
    ("DPRK", "north-korea"), ("Democratic People's Republic of Korea", "north-korea"),
    ("Pyongyang", "north-korea"), ("Kim Jong Un", "kim-jong-un"), ("kim jong-un", "kim-jong-un"),
    ("KIM JONG-UN", "kim-jong-un"), ("Russian Federation", "russia"), ("USSR", "soviet-union"),
    ("Royal United Services Institute", "rusi"), ("Moscow", "russia"),
])
def test_names_resolve_regardless_of_case_and_hyphens(registry, name, entity_id):
    assert registry.resolve(name).id == entity_id


def test_unknown_names_raise_a_clear_error(registry):
    with pytest.raises(InputError, match="unknown entity 'Atlantis'"):
        registry.resolve("Atlantis")


def test_every_entity_is_named_in_a_document_or_used_by_a_fact(registry, data_dir):
    """No stray entries: each entity's label or a name occurs in the text, or a curated fact
    uses it (agreements and events the text describes without naming, such as "a Security
    Council resolution" or "a strong defense alliance" in 1961)."""
    from graph.corpus import load_corpus

    text = "\n".join(p.read_text(encoding="utf-8") for p in (data_dir / "documents").glob("*.txt"))
    fold = lambda s: re.sub(r"[\s\-–]+", " ", s.replace("’", "'")).casefold()  # noqa: E731
    folded = fold(text)
    used = {x for a in load_corpus(data_dir).assertions for x in (a.subject, a.object, a.according_to)}
    stray = [e.id for e in registry if e.id not in used and not any(fold(n) in folded for n in e.names())]
    assert stray == []


@pytest.mark.parametrize("content,message,line", [
    ("- id: a\n  class: State\n  label: A\n- id: a\n  class: State\n  label: A2\n", "duplicate entity id 'a'", 4),
    ("- id: a\n  class: Country\n  label: A\n", "unknown class 'Country'", 1),
    ("- id: a\n  class: State\n  label: A\n  wikidata: 159\n", "bad Wikidata id", 1),
    ("- id: A B\n  class: State\n  label: A\n", "bad entity id", 1),
    ("- id: a\n  class: State\n  label: [A\n", "YAML syntax error", 4),
    ("- id: a\n  class: State\n", "no 'label'", 1),
])
def test_bad_registry_entries_name_file_and_line(tmp_path, content, message, line):
    path = tmp_path / "entities.yaml"
    path.write_text(content)
    with pytest.raises(InputError, match=message) as info:
        load_registry(path)
    assert str(info.value).startswith(f"{path}:{line}:")
