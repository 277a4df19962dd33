"""kg ingest: reading text, Markdown and HTML, one named graph per document, idempotence,
replacement, dry runs, review files and bad input (one line, non-zero exit, store unchanged)."""

import os
import io
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.extract import PRODUCER
from graph.ingest import MAX_BYTES, html_to_text, ingest, markdown_to_text, read_source
from graph.namespaces import Instances
from graph.registry import load_registry
from graph.store import open_store

NEWS = Path(__file__).parent / "fixtures" / "news"
REGISTRY = load_registry(NEWS / "entities.yaml")
ARTICLE = """---
id: shells-2024
title: Shells for Russia
date: 2024-10-02
---
North Korea has shipped artillery shells to Russia since August 2023, Seoul said on Tuesday.
"""


def dump(store) -> bytes:
    buffer = io.BytesIO()
    store.dump(buffer)
    return b"\n".join(sorted(buffer.getvalue().splitlines()))


@pytest.fixture
def store(tmp_path):
    s = open_store("oxigraph", tmp_path / "home")
    yield s
    s.close()


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def statements(store, doc_id):
    g = Instances().graph_document(doc_id)
    rows = store.query(
        "SELECT ?s ?p ?o WHERE { GRAPH <%s> { ?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ; "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o } }" % g).rows
    return {(str(s).rsplit("/", 1)[-1], str(p).rsplit("#", 1)[-1], str(o).rsplit("/", 1)[-1]) for s, p, o in rows}


def test_a_document_becomes_one_named_graph_with_its_statements(store, tmp_path):
    report = ingest(store, [write(tmp_path, "a.txt", ARTICLE)], registry=REGISTRY)
    assert [i.status for i in report.items] == ["added"]
    assert Instances().graph_document("shells-2024") in store.graph_names()
    assert ("north-korea", "suppliesArmsTo", "russia") in statements(store, "shells-2024")


def test_reingesting_an_unchanged_document_leaves_every_quad_identical(store, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    ingest(store, [path], registry=REGISTRY)
    before = dump(store)
    report = ingest(store, [path], registry=REGISTRY)
    assert [i.status for i in report.items] == ["unchanged"]
    assert dump(store) == before


def test_a_changed_document_replaces_its_graph(store, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    ingest(store, [path], registry=REGISTRY)
    write(tmp_path, "a.txt", ARTICLE.replace("North Korea has shipped artillery shells to Russia",
                                             "Russia has shipped fuel to North Korea"))
    report = ingest(store, [path], registry=REGISTRY)
    assert [i.status for i in report.items] == ["replaced"]
    found = statements(store, "shells-2024")
    assert ("russia", "providesEconomicAidTo", "north-korea") in found
    assert ("north-korea", "suppliesArmsTo", "russia") not in found


def test_other_graphs_survive_an_ingest(store, tmp_path, data_dir):
    from graph.build import build
    build(store, data_dir)
    names = set(store.graph_names())
    ingest(store, [write(tmp_path, "a.txt", ARTICLE)], registry=REGISTRY)
    assert names < set(store.graph_names())


def test_dry_run_writes_nothing(store, tmp_path):
    report = ingest(store, [write(tmp_path, "a.txt", ARTICLE)], registry=REGISTRY, dry_run=True, review_dir=tmp_path / "r")
    assert report.items[0].status == "would add" and report.statements > 0
    assert store.graph_names() == [] and not (tmp_path / "r").exists()


def test_flags_win_over_the_header_and_stand_in_for_a_missing_one(tmp_path):
    doc = read_source(write(tmp_path, "a.txt", ARTICLE), date="2024-10-03", source="https://example.org/a")
    assert (doc.id, doc.title, str(doc.date), doc.url) == ("shells-2024", "Shells for Russia", "2024-10-03", "https://example.org/a")
    plain = read_source(write(tmp_path, "Plain Note.txt", "Seoul protested.\nMore text.\n"))
    assert (plain.id, plain.title, plain.date) == ("Plain-Note", "Seoul protested.", None)


def test_a_source_that_is_not_a_url_is_refused(tmp_path):
    with pytest.raises(InputError, match="not a URL"):
        read_source(write(tmp_path, "a.txt", ARTICLE), source="Reuters wire")


def test_markdown_and_html_are_read_as_plain_text(tmp_path):
    md = read_source(write(tmp_path, "m.md", "# Veto\n\nRussia **vetoed** the [draft](http://x.org)."))
    assert md.text == "Veto\n\nRussia vetoed the draft.\n" and md.title == "Veto"
    page = ("<html><head><title>Shells</title><style>p{}</style><script>alert('x')</script>"
            "<meta property='article:published_time' content='2024-10-02T10:00'></head>"
            "<body><h1>Shells</h1><p>North Korea sent shells &amp; rockets.</p><noscript>no</noscript></body></html>")
    doc = read_source(write(tmp_path, "p.html", page))
    assert doc.text == "Shells\n\nNorth Korea sent shells & rockets.\n"
    assert (doc.title, str(doc.date)) == ("Shells", "2024-10-02")
    assert "alert" not in doc.text and "p{}" not in doc.text


def test_html_with_scripts_only_has_no_text():
    assert html_to_text("<script>var a = '<p>x</p>';</script><style>b{}</style>")[0] == ""
    assert markdown_to_text("```\ncode\n```") == ""


def test_new_entities_are_written_to_a_review_file(store, tmp_path):
    text = ARTICLE.replace("Seoul said", "Defence Minister Kim Yong Hyun said")
    ingest(store, [write(tmp_path, "a.txt", text)], registry=REGISTRY, review_dir=tmp_path / "review")
    review = (tmp_path / "review" / "shells-2024.yaml").read_text()
    assert "Kim Yong Hyun" in review and "class: Person" in review
    inst = Instances()
    rows = store.query("SELECT ?agent WHERE { GRAPH <%s> { <%s> <https://w3id.org/geokg/ontology#producedBy> ?agent } }"
                       % (inst.graph_document("shells-2024"), inst.entity("kim-yong-hyun"))).rows
    assert [str(r[0]) for r in rows] == [str(inst.agent(PRODUCER))]  # in the graph, marked as extracted


def test_a_producer_is_described_once_however_many_documents_it_processed(store):
    ingest(store, [NEWS / "documents"], registry=REGISTRY)
    agent = Instances().agent(PRODUCER)
    # Oxigraph's union graph repeats a triple once per graph that holds it: one graph must hold it
    rows = store.query("SELECT ?label WHERE { <%s> <http://www.w3.org/2000/01/rdf-schema#label> ?label }" % agent).rows
    assert [str(r[0]) for r in rows] == [PRODUCER]


def test_a_folder_is_ingested_with_every_document(store):
    report = ingest(store, [NEWS / "documents"], registry=REGISTRY)
    assert len(report.items) == len(list((NEWS / "documents").glob("*.txt"))) >= 6
    assert all(i.status == "added" for i in report.items)
    assert report.statements >= 20


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\n", "file is empty"),
    ("binary.txt", b"\x00\x01\x02binary\x00data", "binary"),
    ("latin1.txt", "Pyongyang r\u00e9plique".encode("latin-1"), "not UTF-8"),
    ("scripts.html", b"<html><script>alert(1)</script></html>", "no text left"),
    ("photo.png", b"\x89PNG", "unsupported file type"),
])
def test_bad_input_is_refused_before_the_store_is_touched(store, tmp_path, name, content, message):
    good = write(tmp_path, "good.txt", ARTICLE)
    bad = write(tmp_path, name, content)
    before = dump(store)
    with pytest.raises(InputError, match=message):
        ingest(store, [good, bad], registry=REGISTRY)
    assert dump(store) == before


def test_a_file_above_the_size_limit_is_refused(store, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_BYTES
    with pytest.raises(InputError, match="above the ingest limit of 5 MB"):
        ingest(store, [big], registry=REGISTRY)
    assert store.graph_names() == []


@pytest.mark.parametrize("name, content", [
    ("empty.txt", b""), ("binary.txt", b"\x00\x01\x00"), ("latin1.txt", b"caf\xe9 au lait"),
    ("scripts.html", b"<script>alert(1)</script>"),
])
def test_kg_ingest_bad_input_prints_one_line_and_exits_non_zero(kg_process, tmp_path, name, content):
    ok = kg_process("ingest", str(write(tmp_path, "good.txt", ARTICLE)))
    assert ok.returncode == 0, ok.stderr
    result = kg_process("ingest", str(write(tmp_path, name, content)))
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and name in lines[0]
    assert "Traceback" not in result.stderr
    again = kg_process("ingest", str(tmp_path / "good.txt"))
    assert "unchanged" in again.stdout  # the failed run left the store as it was


def test_kg_ingest_refuses_a_50_mb_file_in_one_line(kg_process, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = kg_process("ingest", str(big))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "above the ingest limit" in result.stderr


def test_kg_ingest_reports_and_shows_a_progress_bar_for_many_files(kg, tmp_path):
    n = len(list((NEWS / "documents").glob("*.txt")))
    result = kg("ingest", str(NEWS / "documents"), "--data", str(NEWS))
    assert result.exit_code == 0, result.output
    assert f"{n} of {n} documents written" in result.output
    assert "extracting" in result.output  # the progress bar (stderr, mixed into the runner's output)
    again = kg("ingest", str(NEWS / "documents"), "--data", str(NEWS))
    assert f"0 of {n} documents written" in again.output


def test_kg_ingest_dry_run_prints_the_statements(kg, tmp_path):
    result = kg("ingest", str(write(tmp_path, "a.txt", ARTICLE)), "--dry-run", "--data", str(NEWS))
    assert result.exit_code == 0
    assert "would add" in result.output and "north-korea suppliesArmsTo russia [reported" in result.output
    assert "nothing written" in result.output


def test_statements_record_the_extractor(store, tmp_path):
    ingest(store, [write(tmp_path, "a.txt", ARTICLE)], registry=REGISTRY)
    rows = store.query("SELECT DISTINCT ?label WHERE { ?st <https://w3id.org/geokg/ontology#producedBy> ?a . "
                       "?a <http://www.w3.org/2000/01/rdf-schema#label> ?label }").rows
    assert PRODUCER in {str(r[0]) for r in rows}


def test_many_documents_are_checked_in_one_pass_and_only_the_changed_one_is_replaced(store, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(25):
        write(folder, f"n{i:02d}.txt", ARTICLE.replace("shells-2024", f"shells-{i:02d}").replace("artillery", f"{i + 1} artillery"))
    assert {i.status for i in ingest(store, [folder], registry=REGISTRY).items} == {"added"}
    before = dump(store)
    assert {i.status for i in ingest(store, [folder], registry=REGISTRY).items} == {"unchanged"}
    assert dump(store) == before
    write(folder, "n07.txt", ARTICLE.replace("shells-2024", "shells-07").replace("Russia since", "Belarus since"))
    statuses = {i.document.id: i.status for i in ingest(store, [folder], registry=REGISTRY).items}
    assert statuses.pop("shells-07") == "replaced" and set(statuses.values()) == {"unchanged"}


def _counts_two_ways(store):
    """The named count queries (which sum the tallies) and a count of the statements themselves."""
    from graph.query import run_named, run_query

    named = {str(r[0]): int(r[1]) for r in run_named(store, "count-statements-by-relation", limit=0).rows}
    direct = run_query(store, "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s a rdf:Statement ; rdf:predicate ?p } GROUP BY ?p").rows
    return named, {str(p).rsplit("#", 1)[-1]: int(n) for p, n in direct}


def test_statement_counts_follow_a_build_an_ingest_and_a_replacement(store, tmp_path, data_dir):
    from graph.build import build

    build(store, data_dir)
    path = write(tmp_path, "a.txt", ARTICLE)
    ingest(store, [path], registry=REGISTRY)
    named, direct = _counts_two_ways(store)
    assert named == direct and named["suppliesArmsTo"] >= 2
    write(tmp_path, "a.txt", ARTICLE.replace("North Korea has shipped artillery shells to Russia",
                                             "Russia has shipped fuel to North Korea"))
    ingest(store, [path], registry=REGISTRY)
    replaced, direct = _counts_two_ways(store)
    assert replaced == direct and replaced["providesEconomicAidTo"] == named.get("providesEconomicAidTo", 0) + 1


def test_two_documents_naming_the_same_new_entities_still_validate(kg, tmp_path):
    """A proposed organisation and a gazetteer state named in two documents describe themselves
    once (one rdfs:comment), so the graph still conforms to the shapes."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, state in (("a1", "Gabon"), ("a2", "Albania")):
        (docs / f"{name}.txt").write_text(f"---\nid: {name}\ntitle: T\ndate: 2024-05-01\n---\n"
                                          f"{state} condemned Burkina Faso. The Zorbland Defence Council praised {state}.\n")
    assert kg("build").exit_code == 0
    assert kg("ingest", str(docs)).exit_code == 0
    result = kg("validate")
    assert result.exit_code == 0, result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_a_device_or_a_pipe_named_txt_is_refused_in_one_line_without_reading(kg_process, tmp_path, kind):
    """A symlink to /dev/zero has size 0 and never ends; a FIFO blocks forever: both are refused."""
    path = tmp_path / "z.txt"
    if kind == "device":
        path.symlink_to("/dev/zero")
    else:
        os.mkfifo(path)
    result = kg_process("ingest", str(path))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {path}: not a regular file (a device, pipe or socket)"
    data = tmp_path / "data"
    (data / "documents").mkdir(parents=True)
    os.mkfifo(data / "documents" / "f.txt") if kind == "fifo" else (data / "documents" / "f.txt").symlink_to("/dev/zero")
    (data / "entities.yaml").write_text("- {id: x, class: State, label: X}\n")
    built = kg_process("build", "--data", str(data))
    assert built.returncode == 1 and "not a regular file" in built.stderr and "Traceback" not in built.stderr


def test_the_example_folder_of_the_readme_ingests(kg_process):
    examples = Path(__file__).parent.parent / "examples" / "articles"
    dry = kg_process("ingest", str(examples), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "russia vetoed" in dry.stdout and "dry run: nothing written" in dry.stdout
    done = kg_process("ingest", str(examples))
    assert done.returncode == 0 and "2 of 2 documents written" in done.stdout


def _pdf(text_lines: list[str], title: str) -> bytes:
    """A small valid PDF with a text layer (one page, Helvetica), written by hand."""
    stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in text_lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /CreationDate (D:20240615120000Z) >>",
    ]
    return _pdf_file(objects, info=6)


def _pdf_file(objects: list[str], info: int | None = None) -> bytes:
    """A PDF file of numbered ``objects`` (1 is the catalog), with its cross-reference table."""
    out, offsets = "%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    trailer = f"/Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {info} 0 R" if info else "")
    out += f"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def test_a_pdf_report_is_read_with_its_title_and_date(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_pdf(["Russia vetoed the draft resolution.", "North Korea sent troops to Russia."], "Think-tank report"))
    doc = read_source(pdf)
    assert doc.title == "Think-tank report" and str(doc.date) == "2024-06-15"
    assert "Russia vetoed the draft resolution." in doc.text


def test_a_damaged_or_textless_pdf_is_one_line(kg_process, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a pdf body\n")
    result = kg_process("ingest", str(broken))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "broken.pdf" in result.stderr


def test_a_pdf_without_pypdf_installed_names_the_extra(tmp_path):
    import subprocess
    import sys

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_pdf(["Russia vetoed the draft resolution."], "T"))
    script = ("import sys; sys.modules['pypdf'] = None; from graph.cli import main; "
              "main(['--home', sys.argv[1], 'ingest', sys.argv[2]])")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "h"), str(pdf)], capture_output=True, text=True)
    assert result.returncode == 1 and "pip install 'geokg[pdf]'" in result.stderr and "Traceback" not in result.stderr


NEWS_PAGE = """<!doctype html><html><head><title>Russia vetoes UN panel - Example News</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/login">Sign in to Example News</a></li></ul></nav>
<div class="cookie">We use cookies. Accept all cookies to continue browsing Example News Corporation.</div>
<main><article><h1>Russia vetoes UN panel on North Korea</h1>
<p>Russia on Thursday vetoed a draft resolution that would have renewed the mandate of the UN panel of
experts monitoring sanctions on North Korea, ending fifteen years of independent monitoring.</p>
<p>China abstained. The other thirteen members of the Security Council voted in favour of the text,
which the United States had drafted after months of negotiation with its allies.</p>
<p>Diplomats said the decision would make it harder to track arms transfers between Pyongyang and Moscow.</p>
</article></main>
<aside><h3>Related</h3><ul><li><a href="/a">Ten things to know about the Security Council</a></li></ul></aside>
<footer><p>© 2024 Example News Corporation. All rights reserved. Privacy policy. Terms of use.</p></footer>
</body></html>"""


def test_html_main_text_leaves_menus_cookies_and_footers_out(tmp_path, monkeypatch):
    """With trafilatura (the html extra) the article is read, not the page's furniture; without
    it, every visible text is read, as before."""
    import importlib.util
    import sys

    if importlib.util.find_spec("trafilatura") is None:
        pytest.skip("trafilatura is not installed (pip install 'geokg[html]')")
    doc = read_source(write(tmp_path, "news.html", NEWS_PAGE))
    assert "Russia on Thursday vetoed a draft resolution" in doc.text and "China abstained." in doc.text
    for furniture in ("Sign in", "cookies", "All rights reserved", "Ten things to know"):
        assert furniture not in doc.text
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # the fallback when the extra is missing
    plain = read_source(write(tmp_path, "news2.html", NEWS_PAGE))
    assert "All rights reserved" in plain.text and "China abstained." in plain.text


def _two_page_pdf() -> bytes:
    """A PDF of two pages with a text layer, written by hand."""
    pages = ["Russia vetoed the draft resolution.", "North Korea sent troops to Russia in October 2024."]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"]
    for n in range(2):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {5 + n} 0 R "
                       f"/Resources << /Font << /F1 7 0 R >> >> >>")
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _pdf_file(objects)


def test_evidence_from_a_pdf_keeps_its_page(store, tmp_path):
    from graph.validate import validate

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_two_page_pdf())
    ingest(store, [pdf], registry=REGISTRY)
    rows = store.query("SELECT ?quote ?page WHERE { ?ev <https://w3id.org/geokg/ontology#page> ?page ; "
                       "<http://www.w3.org/ns/oa#hasSelector> ?sel . ?sel <http://www.w3.org/ns/oa#exact> ?quote }").rows
    pages = {str(q): int(p) for q, p in rows}
    assert pages.get("North Korea sent troops to Russia in October 2024.") == 2
    assert validate(store).conforms
