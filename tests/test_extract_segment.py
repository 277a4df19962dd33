"""Sentence segmentation: offsets into the body, abbreviations, bullets and headings."""

from graph.extract.segment import split_sentences


def test_every_sentence_is_the_exact_slice_of_the_body():
    text = "Heading\n\nRussia vetoed it. Dr. Kim said so on Jan. 5. The U.S. objected!\n  • Shells sent to Kyiv\n1. First item"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Heading", "Russia vetoed it.", "Dr. Kim said so on Jan. 5.", "The U.S. objected!", "Shells sent to Kyiv", "First item"]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_bullets_are_flagged_and_left_out_of_the_span():
    sentences = split_sentences("Benefits:\n  • Food and fuel\n- Oil")
    assert [(s.text, s.bullet) for s in sentences] == [("Benefits:", False), ("Food and fuel", True), ("Oil", True)]


def test_quotes_closing_a_sentence_stay_with_it():
    sentences = split_sentences('He said "no." Then he left.')
    assert [s.text for s in sentences] == ['He said "no."', "Then he left."]


def test_empty_and_blank_text_give_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("\n \n\t\n") == []


def test_an_endless_sentence_is_cut_into_bounded_pieces():
    from graph.extract.segment import MAX_SENTENCE
    text = "word " * 5000
    sentences = split_sentences(text)
    assert len(sentences) > 1 and all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_one_long_token_splits_in_linear_time():
    """A token of 200,000 letters (or of '. A' repeated) once took quadratic time; compare two sizes
    in one run: ten times the text must take far less than a hundred times as long."""
    import time

    def seconds(n):
        start = time.perf_counter()
        for text in ("a" * n + " End.", ". A" * (n // 3)):
            split_sentences(text)
        return time.perf_counter() - start

    small, large = seconds(20_000), seconds(200_000)
    assert large < 30 * max(small, 1e-3)


def test_a_footnote_mark_after_the_stop_ends_the_sentence():
    texts = [s.text for s in split_sentences("They signed it that day.[2] Fiji ratified it in 1996.[3][4] Done.")]
    assert texts == ["They signed it that day.[2]", "Fiji ratified it in 1996.[3][4]", "Done."]


def test_a_copy_that_lost_the_space_between_sentences_is_still_split():
    text = "Tanks were in the first place.It would not be necessary. The U.S.Army stays. See state.gov.Then go."
    assert [s.text for s in split_sentences(text)] == [
        "Tanks were in the first place.", "It would not be necessary.", "The U.S.Army stays.", "See state.gov.", "Then go."]
