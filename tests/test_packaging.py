"""`pip install .` gives a `kg` that works from any folder: ontology, queries and the sample corpus
travel inside the package."""

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_installed_wheel_builds_queries_and_validates_from_another_folder(tmp_path):
    # (built from a clean copy: a stale build/ folder of the checkout would hide a package setup.cfg forgets)
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns("build", ".venv", ".git", "__pycache__", "*.egg-info", "dist"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
                    str(source)], check=True, capture_output=True)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = next(venv.glob("lib/python*/site-packages"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(next(wheels.glob("*.whl")))], check=True, capture_output=True)
    # the dependencies come from the test environment (as plain paths: its editable checkout is not seen)
    (target / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    python = venv / "bin" / "python"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = (
        "import graph, sys; from graph.cli import main; "
        "assert str(graph.__file__).startswith(sys.argv[1]), graph.__file__; "
        "main(sys.argv[2:])"
    )

    def kg(*args):
        return subprocess.run([str(python), "-c", script, str(target), "--home", "h", *args],
                              cwd=elsewhere, capture_output=True, text=True)

    built = kg("build")
    assert built.returncode == 0, built.stderr
    assert "2 documents, 71 entities" in built.stdout
    treaties = kg("query", "treaties", "-f", "csv")
    assert treaties.returncode == 0 and "Treaty on Comprehensive Strategic Partnership" in treaties.stdout
    assert kg("validate").returncode == 0
    # the extractor's gazetteer and trigger lexicon travel in the package too
    (elsewhere / "note.txt").write_text("Gabon vetoed the draft resolution on Monday.\n", encoding="utf-8")
    ingested = kg("ingest", "note.txt")
    assert ingested.returncode == 0 and "1 of 1 documents written, 1 statements" in ingested.stdout, ingested.stderr
