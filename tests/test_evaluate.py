"""kg eval: scores on the bundled corpus and on the news fixtures, and how matches are counted."""

import json
from pathlib import Path

import pytest

from graph.evaluate import Score, _keys, evaluate, subproperty_closure
from graph.model import Assertion, Evidence

NEWS = Path(__file__).parent / "fixtures" / "news"


@pytest.fixture(scope="module")
def corpus_report(data_dir):
    return evaluate(data_dir)


@pytest.fixture(scope="module")
def news_report():
    return evaluate(NEWS)


def test_sample_corpus_meets_the_targets(corpus_report):
    assert corpus_report.gold_facts >= 100
    assert corpus_report.scores["entities"].f1 >= 0.90
    assert corpus_report.scores["relations"].f1 >= 0.75


def test_news_fixtures_meet_the_generalisation_target(news_report):
    assert news_report.documents >= 6
    assert news_report.scores["relations"].f1 >= 0.60


def test_every_measure_and_relation_type_is_reported(corpus_report):
    assert set(corpus_report.scores) == {"entities", "mentions", "linking", "relations", "certainty", "dates"}
    assert {"vetoed", "partyTo", "suppliesArmsTo", "recognises"} <= set(corpus_report.per_relation)
    for score in corpus_report.per_relation.values():
        assert 0 <= score.precision <= 1 and 0 <= score.recall <= 1


def _a(s, r, o):
    return Assertion(s, r, o, Evidence("d", "q", 0, 1))


def test_symmetric_relations_match_in_either_direction():
    assert _keys(_a("russia", "alliedWith", "china")) == _keys(_a("china", "alliedWith", "russia"))
    assert _keys(_a("russia", "vetoed", "x")) != _keys(_a("x", "vetoed", "russia"))


def test_keys_are_closed_under_subproperties():
    assert "alliedWith" in subproperty_closure()["mutualDefenceWith"]
    assert ("north-korea", "alliedWith", "russia") in _keys(_a("russia", "mutualDefenceWith", "north-korea"))


def test_score_arithmetic():
    s = Score()
    s.add({1, 2, 3}, {2, 3, 4, 5})
    assert (s.tp, s.fp, s.fn) == (2, 2, 1)
    assert s.precision == 0.5 and s.recall == pytest.approx(2 / 3) and s.f1 == pytest.approx(4 / 7)
    assert Score().f1 == 0.0


def test_kg_eval_prints_tables_and_json(kg, data_dir):
    text = kg("eval")
    assert text.exit_code == 0 and "relations" in text.output and "suppliesArmsTo" in text.output
    data = json.loads(kg("eval", "-f", "json", "--data", str(NEWS)).output)
    assert json.loads(kg("eval", "--json", "--data", str(NEWS)).output) == data  # the old flag still works
    assert data["documents"] >= 6 and data["overall"]["relations"]["f1"] >= 0.60
    assert set(data["per_relation"]) >= {"deploysTroopsTo", "vetoed"}


def test_kg_eval_on_a_missing_folder_is_one_line(kg_process, tmp_path):
    result = kg_process("eval", "--data", str(tmp_path / "nope"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1



def _eval_unseen(tmp_path, document: str, entities: str, facts: str):
    """Score one unseen document (``document``: file text; ``entities``: YAML list; ``facts``: the
    curated YAML items) as ``kg eval --corpus`` does."""
    from graph.gazetteer import default_registry

    corpus = tmp_path / "unseen"
    (corpus / "documents").mkdir(parents=True)
    (corpus / "curated").mkdir()
    (corpus / "documents" / "d1.txt").write_text(document)
    (corpus / "entities.yaml").write_text(entities)
    (corpus / "curated" / "d1.yaml").write_text("document: d1\nfacts:\n" + facts)
    return evaluate(corpus, registry=default_registry())

def test_eval_corpus_links_to_the_bundled_registry_and_explains_misses(tmp_path):
    """Unseen text: gold entities the bundled registry lacks are found through the gazetteer or
    proposals and matched by name; a fact whose argument is not found is counted as such."""
    report = _eval_unseen(
        tmp_path,
        "---\nid: d1\ntitle: T\ndate: 2024-05-01\n---\nGabon condemned Burkina Faso. Zorbland praised Gabon.\n",
        "- {id: gab, class: State, label: Gabon}\n- {id: bf, class: State, label: Burkina Faso}\n"
        "- {id: zorbland, class: State, label: Zorbland}\n",
        "  - {subject: gab, relation: condemned, object: bf, certainty: confirmed, quote: Gabon condemned Burkina Faso.}\n"
        "  - {subject: zorbland, relation: supports, object: gab, certainty: confirmed, quote: Zorbland praised Gabon.}\n")
    assert report.scores["relations"].tp == 1
    assert report.causes["entity"] == 1
    assert "why gold facts were missed" in __import__("graph.evaluate", fromlist=["format_report"]).format_report(report)


def test_an_unnamed_draft_is_matched_to_the_one_gold_draft_of_its_document(tmp_path):
    """A draft the text never names is minted by the extractor; with one such draft on each side
    of a document, the two are the same entity (matched by class)."""
    report = _eval_unseen(
        tmp_path,
        "---\nid: d1\ntitle: T\ndate: 2031-05-01\n---\nThe Security Council failed to adopt a draft resolution on Gabon. "
        "The draft was vetoed by Burkina Faso.\n",
        "- {id: gab, class: State, label: Gabon}\n- {id: bf, class: State, label: Burkina Faso}\n"
        "- {id: the-draft, class: DraftResolution, label: Draft resolution on Gabon}\n",
        "  - {subject: bf, relation: vetoed, object: the-draft, certainty: confirmed, quote: The draft was vetoed by Burkina Faso.}\n")
    assert report.scores["relations"].tp == 1
    assert report.scores["relations"].fp == 0


def test_two_unnamed_drafts_pair_with_two_gold_drafts_by_the_facts_they_share(tmp_path):
    report = _eval_unseen(
        tmp_path,
        "---\nid: d1\ntitle: T\ndate: 2031-05-01\n---\nThe Council failed to adopt a draft resolution submitted by Gabon. "
        "Burkina Faso's competing draft was also rejected.\n",
        "- {id: gab, class: State, label: Gabon}\n- {id: bf, class: State, label: Burkina Faso}\n"
        "- {id: first, class: DraftResolution, label: first draft}\n- {id: second, class: DraftResolution, label: second draft}\n",
        "  - {subject: gab, relation: sponsors, object: first, certainty: confirmed, quote: The Council failed to adopt a draft resolution submitted by Gabon.}\n"
        "  - {subject: bf, relation: sponsors, object: second, certainty: confirmed, quote: Burkina Faso's competing draft was also rejected.}\n")
    assert (report.scores["relations"].tp, report.scores["relations"].fp) == (2, 0)


def test_a_summit_named_generically_is_this_documents_not_another_years_of_the_same_name(tmp_path):
    """ "the EU-China summit" of a 2015 report matches the document's own 2015 summit, not a 2022 summit of the
    corpus that happens to carry the generic name."""
    report = _eval_unseen(
        tmp_path,
        "---\nid: d1\ntitle: T\ndate: 2015-06-29\n---\nGabon and Burkina Faso took part in the Gabon-Burkina Faso summit.\n",
        "- {id: gab, class: State, label: Gabon}\n- {id: bf, class: State, label: Burkina Faso}\n"
        "- {id: summit-2015, class: Summit, label: 17th Gabon-Burkina Faso summit}\n"
        "- {id: summit-2022, class: Summit, label: Gabon-Burkina Faso summit}\n",
        "  - {subject: gab, relation: participatedIn, object: summit-2015, certainty: confirmed, quote: Gabon and Burkina Faso took part in the Gabon-Burkina Faso summit.}\n")
    assert report.scores["relations"].tp == 1


def test_the_score_is_the_same_on_every_run_whatever_the_hash_seed():
    """Entities matched by class used to pair up in set order: the dev split scored differently per run."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    dev = Path(__file__).resolve().parents[1] / "data" / "eval" / "dev"
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", "from graph.cli import main; main()", "eval", "--corpus", str(dev),
                               "--errors"], capture_output=True, text=True, env=env, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
