"""Document files: the metadata header, the verbatim body, and one clear error per bad file."""

import pytest

from graph.documents import parse_document, read_document, read_documents
from graph.errors import InputError


def test_bundled_documents_have_metadata_and_verbatim_bodies(data_dir):
    docs = {d.id: d for d in read_documents(data_dir / "documents")}
    assert set(docs) == {"rusi-dprk-security-actor-2024", "scribe-russia-dprk-alliance-2024"}
    rusi = docs["rusi-dprk-security-actor-2024"]
    assert rusi.title == "North Korea’s Emergence as an International Security Actor"
    assert str(rusi.date) == "2024-11-13" and rusi.kind == "podcast summary"
    assert rusi.text.startswith("North Korea’s Emergence as an International Security Actor\nNov 13, 2024\n")
    scribe = docs["scribe-russia-dprk-alliance-2024"]
    assert scribe.url.startswith("https://youtu.be/")
    assert str(scribe.date) == "2024-06-19" and str(scribe.date_end) == "2024-06-30"
    assert "Article created from: https://youtu.be/8EzuxeIQP14?feature=shared" in scribe.text


def test_body_starts_after_the_header_so_offsets_count_in_the_body():
    doc = parse_document("---\nid: d\ntitle: T\n---\nAbc def.\n", "d.txt")
    assert doc.text == "Abc def.\n"


def _write(tmp_path, content: bytes, name="doc.txt"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "file is empty"),
        (b"  \n\n", "file is empty"),
        (b"---\nid: d\ntitle: T\n---\nCaf\xe9 au lait\n", "not UTF-8"),
        (b"---\nid: d\ntitle: [unclosed\n---\nbody\n", "YAML syntax error"),
        (b"---\nid: d\ntitle: T\ndate: 2024-13-01\n---\nbody\n", "bad date"),
        (b"---\nid: d\n---\nbody\n", "no 'title'"),
        (b"---\nid: d\ntitle: T\n---\n\n", "no text"),
        (b"---\nid: d\ntitle: T\nbody without a closing line\n", "never closed"),
        (b"\x00\x01\x02binary", "binary"),
    ],
)
def test_bad_documents_raise_one_clear_input_error(tmp_path, content, message):
    with pytest.raises(InputError, match=message) as info:
        read_document(_write(tmp_path, content))
    assert "doc.txt" in str(info.value) and "\n" not in str(info.value)


def test_errors_name_the_line_of_the_problem(tmp_path):
    with pytest.raises(InputError) as info:
        read_document(_write(tmp_path, b"---\nid: d\ntitle: T\ndate: 2024-13-01\n---\nbody\n"))
    assert str(info.value).startswith(f"{tmp_path / 'doc.txt'}:4:")
    with pytest.raises(InputError) as info:
        read_document(_write(tmp_path, b"---\nid: d\ntitle: T\n---\nA\nB\nCaf\xe9\n"))
    assert ":7:" in str(info.value)


def test_missing_document_is_reported_with_its_path(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_document(tmp_path / "nope.txt")


def test_duplicate_document_ids_are_refused(tmp_path):
    _write(tmp_path, b"---\nid: same\ntitle: A\n---\nx\n", "a.txt")
    _write(tmp_path, b"---\nid: same\ntitle: B\n---\ny\n", "b.txt")
    with pytest.raises(InputError, match="also used by"):
        read_documents(tmp_path)
