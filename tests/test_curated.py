"""Curated facts: every quote is verbatim at its offsets, hedging sets certainty, bad facts fail clearly."""

import pytest

from graph.corpus import load_corpus
from graph.curated import load_curated_file
from graph.documents import read_documents
from graph.errors import InputError
from graph.registry import load_registry


@pytest.fixture(scope="module")
def corpus(data_dir):
    return load_corpus(data_dir)


def test_every_quote_occurs_verbatim_at_its_offsets(corpus):
    assert len(corpus.assertions) >= 80
    for a in corpus.assertions:
        text = corpus.documents[a.evidence.document].text
        assert text[a.evidence.start:a.evidence.end] == a.evidence.quote


def test_both_documents_contribute_facts(corpus):
    by_doc = {}
    for a in corpus.assertions:
        by_doc[a.evidence.document] = by_doc.get(a.evidence.document, 0) + 1
    assert by_doc["rusi-dprk-security-actor-2024"] >= 20
    assert by_doc["scribe-russia-dprk-alliance-2024"] >= 50


def test_certainty_follows_the_texts_hedging(corpus):
    hedges = ("may ", "might ", "could ", "likely", "potential", "possib", "would ", "unconfirmed", "speculat")
    for a in corpus.assertions:
        quote = a.evidence.quote.lower()
        if a.certainty == "confirmed":  # a hedge in another clause ("that suggests X may ...") is fine
            assert not any(h in quote for h in ("unconfirmed", "speculat", "reportedly", "allegedly")), a
        if a.certainty == "speculative":
            assert any(h in quote for h in hedges), a
        if a.certainty == "reported":
            assert any(h in quote for h in ("report", "according to", "revelations", "indicate")), a


def test_key_facts_are_recorded_with_their_time(corpus):
    facts = {(a.subject, a.relation, a.object): a for a in corpus.assertions}
    veto = facts[("russia", "vetoed", "unsc-draft-2024-03")]
    assert str(veto.point_in_time) == "2024-03" and veto.certainty == "confirmed"
    signing = facts[("vladimir-putin", "signatoryOf", "treaty-2024-comprehensive-strategic-partnership")]
    assert str(signing.point_in_time) == "2024-06-19"
    assert ("treaty-2000-russia-dprk", "replaces", "treaty-1961-soviet-dprk") in facts
    shells = facts[("south-korea", "suppliesArmsTo", "ukraine")]
    assert shells.certainty == "reported" and shells.quantity.amount == 300000
    deploy = [a for a in corpus.assertions if a.key() == ("north-korea", "deploysTroopsTo", "ukraine")]
    assert {a.certainty for a in deploy} == {"speculative"}
    assert "tv-chosun" in {a.according_to for a in deploy}


FACT = """document: veto-brief
facts:
  - subject: russia
    relation: vetoed
    object: draft-2024-03
    quote: China abstained on the draft.
{extra}"""


@pytest.mark.parametrize("extra,message", [
    ("  - subject: atlantis\n    relation: vetoed\n    object: draft-2024-03\n    quote: China abstained on the draft.\n",
     "unknown entity id 'atlantis'"),
    ("  - subject: russia\n    relation: vetoes\n    object: draft-2024-03\n    quote: China abstained on the draft.\n",
     "unknown relation 'vetoes'"),
    ("  - subject: russia\n    relation: vetoed\n    object: china\n    quote: Russia vetoed everything.\n",
     "quote not found"),
    ("  - subject: russia\n    relation: vetoed\n    object: china\n    time: 2024-02-30\n    quote: China abstained on the draft.\n",
     "bad date"),
    ("  - subject: russia\n    relation: vetoed\n    object: china\n    certainty: rumoured\n    quote: China abstained on the draft.\n",
     "unknown certainty 'rumoured'"),
])
def test_bad_facts_name_file_and_line(fixture_corpus, extra, message):
    path = fixture_corpus / "curated" / "veto-brief.yaml"
    path.write_text(FACT.format(extra=extra))
    documents = {d.id: d for d in read_documents(fixture_corpus / "documents")}
    registry = load_registry(fixture_corpus / "entities.yaml")
    with pytest.raises(InputError, match=message) as info:
        load_curated_file(path, documents, registry)
    assert str(info.value).startswith(f"{path}:7:")
