"""An optional statistical NER stage: a spaCy model's PERSON, ORG, GPE, LOC and NORP entities as
new-entity proposals, used only when spaCy and an English model are already installed.

Nothing is ever downloaded: :func:`load` returns None when either is missing, and the rule-based
pipeline runs on its own. Set ``KG_NER=0`` to switch the stage off even when a model is present.

>>> load() is None or hasattr(load(), "pipe")
True
"""

from __future__ import annotations

import os

from .newentities import Proposal, slug

__all__ = ["load", "proposals", "MODELS"]

MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
_CLASSES = {"PERSON": "Person", "ORG": "Organization", "GPE": "State", "LOC": "Place", "FAC": "Place"}
_cache: dict = {}


def load():
    """The first installed spaCy English model, or None (spaCy or model missing, or KG_NER=0)."""
    if os.environ.get("KG_NER", "1") == "0":
        return None
    if "nlp" in _cache:
        return _cache["nlp"]
    nlp = None
    try:
        import importlib.util
        if importlib.util.find_spec("spacy") is not None:
            import spacy
            for name in MODELS:
                if importlib.util.find_spec(name) is not None:
                    nlp = spacy.load(name, exclude=["lemmatizer"])
                    break
    except Exception:  # a broken spaCy install must not break the rule-based pipeline
        nlp = None
    _cache["nlp"] = nlp
    return nlp


def proposals(nlp, text: str, offset: int, known) -> list[Proposal]:
    """Entities the model finds in ``text`` that no known mention covers."""
    out = []
    for ent in nlp(text).ents:
        cls = _CLASSES.get(ent.label_)
        start, end = offset + ent.start_char, offset + ent.end_char
        if cls is None or any(m.start < end and start < m.end for m in known) or len(ent.text) < 3:
            continue
        out.append(Proposal(slug(ent.text), cls, ent.text, start, end, f"spaCy {ent.label_}"))
    return out
