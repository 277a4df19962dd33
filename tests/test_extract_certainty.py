"""Certainty from the sentence: negation, hedging, attribution."""

import pytest

from graph.extract.certainty import assess, attribution_spans


def _assess(sentence, trigger):
    start = sentence.index(trigger)
    return assess(sentence, start, start + len(trigger)).certainty


@pytest.mark.parametrize("sentence, trigger, certainty", [
    ("Russia signed the treaty.", "signed", "confirmed"),
    ("Russia did not sign the treaty.", "sign", "denied"),
    ("Russia never vetoed it.", "vetoed", "denied"),
    ("Moscow denied that troops were sent to Kursk.", "sent", "denied"),
    ("Pyongyang rejected claims that it had sent soldiers.", "sent", "denied"),
    ("North Korea reportedly sent shells.", "sent", "reported"),
    ("According to RUSI, North Korea sent shells.", "sent", "reported"),
    ("There are reports that shells were provided.", "provided", "reported"),
    ("North Korea may send troops.", "send", "speculative"),
    ("North Korea could send troops.", "send", "speculative"),
    ("Troops are likely to be deployed.", "deployed", "speculative"),
    ("Unconfirmed reports say troops were deployed.", "deployed", "speculative"),
    ("The adviser warned that Russia would cross a red line.", "warned", "confirmed"),
    ("A weaker agreement without guarantees replaced it.", "replaced", "confirmed"),
    ("The panel examined the suspected transfer of drones to Russia.", "transfer", "speculative"),
    ("Iran is suspected of supplying drones to Russia.", "supplying", "speculative"),
    ("The resolution allowed states to seize cargo suspected of heading to Iran.", "allowed", "confirmed"),
])
def test_certainty_follows_the_words_of_the_sentence(sentence, trigger, certainty):
    assert _assess(sentence, trigger) == certainty


def test_negation_far_before_the_trigger_does_not_deny_it():
    assert _assess("It is not clear why, but in 2006 Russia finally signed the deal.", "signed") == "confirmed"


def test_attribution_spans_point_at_the_source():
    sentence = "Chosun reported that North Korea might send troops."
    (start, end, kind), = [s for s in attribution_spans(sentence) if s[2] == "before"]
    assert kind == "before" and "Chosun" in sentence[start:end]
    after = [s for s in attribution_spans("According to the Pentagon, troops moved.") if s[2] == "after"]
    assert after and "the Pentagon" in "According to the Pentagon, troops moved."[after[0][0]:after[0][1]]


def test_not_denying_is_not_denying():
    assert _assess("Moscow did not deny that it had received missiles.", "received") == "reported"


def test_avoiding_or_refusing_denies():
    assert _assess("China has avoided joining the partnership.", "joining") == "denied"
    assert _assess("Seoul refused to send arms.", "send") == "denied"


def test_emphasis_that_looks_like_a_hedge_is_no_hedge():
    from graph.extract.certainty import assess

    text = "Japan condemns in the strongest possible terms the launch."
    assert assess(text, text.index("condemns"), text.index("condemns") + 8).certainty == "confirmed"
    text = "Japan may condemn the launch."
    assert assess(text, text.index("condemn"), text.index("condemn") + 7).certainty == "speculative"


def test_what_a_draft_would_have_done_does_not_hedge_the_vote_on_it():
    from graph.extract.certainty import assess

    text = "The text that would have demanded a halt to the bombing received two negative votes (Russia and Venezuela)."
    assert assess(text, text.index("negative"), text.index("negative") + 14).certainty == "confirmed"
    text = "Russia would have voted against the text."
    assert assess(text, text.index("voted"), text.index("voted") + 5).certainty == "speculative"
