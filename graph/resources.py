"""Where the bundled ontology, named queries and sample corpus live.

In a source checkout they are the top-level ``ontology/`` and ``data/`` folders; in an installed
package they travel inside it (``graph/_ontology``, ``graph/_data``, see setup.cfg), so ``kg`` works
from any folder.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ontology_dir", "default_data_dir", "queries_dir", "gazetteer_dir"]

_PACKAGE = Path(__file__).resolve().parent


def _first_dir(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def ontology_dir() -> Path:
    """The folder of the OWL ontology, the SHACL shapes and the mappings (Turtle files)."""
    return _first_dir(_PACKAGE / "_ontology", _PACKAGE.parent / "ontology")


def default_data_dir() -> Path:
    """The corpus ``kg build`` reads when not told otherwise: ``$KG_DATA`` or the bundled one."""
    if os.environ.get("KG_DATA"):
        return Path(os.environ["KG_DATA"])
    return _first_dir(_PACKAGE / "_data", _PACKAGE.parent / "data")


def queries_dir() -> Path:
    """The library of named SPARQL queries (``*.rq``)."""
    return _PACKAGE / "queries"


def gazetteer_dir() -> Path:
    """The built-in gazetteer's YAML files (organisations; states come from countryinfo)."""
    return _first_dir(_PACKAGE / "_data" / "gazetteer", _PACKAGE.parent / "data" / "gazetteer")


def lexicon_dir() -> Path:
    """The extractor's trigger lexicons (data/lexicon/*.yaml), for analysts to extend."""
    return _first_dir(_PACKAGE / "_data" / "lexicon", _PACKAGE.parent / "data" / "lexicon")
