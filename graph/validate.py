"""``kg validate``: check the graph against the SHACL shapes of ``ontology/shapes.ttl``.

Like pySHACL, the entry point returns data (conforms, a readable report, the violations) and the
CLI maps it to exit codes: 0 conforms, 1 violations, 2 validation could not run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .errors import ValidationError
from .namespaces import SH
from .resources import ontology_dir
from .store import Store, to_rdflib_dataset

__all__ = ["ValidationResult", "validate", "load_shapes"]


@dataclass
class ValidationResult:
    conforms: bool
    report: str
    violations: list[dict] = field(default_factory=list)


def load_shapes(path: Path | None = None) -> Graph:
    path = Path(path) if path else ontology_dir() / "shapes.ttl"
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError:
        raise ValidationError("shapes file not found", source=str(path)) from None
    except Exception as err:  # rdflib parser errors have no common base class
        raise ValidationError(f"bad Turtle in shapes: {err}", source=str(path)) from None


def validate(store: Store, shapes: Path | None = None) -> ValidationResult:
    """Validate the union of the store's graphs (ontology included, for class hierarchy)."""
    import pyshacl

    shapes_graph = load_shapes(shapes)
    data = Graph()
    for quad in to_rdflib_dataset(store).quads((None, None, None, None)):
        data.add(quad[:3])
    if not len(data):
        raise ValidationError("the store is empty: run `kg build` first")
    try:
        conforms, report_graph, report_text = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none")
    except Exception as err:  # pySHACL reports broken shapes with its own exception types
        raise ValidationError(f"SHACL validation failed to run: {err}") from None
    violations = []
    for result in report_graph.subjects(SH.resultSeverity, None):
        violations.append({
            "focus": str(report_graph.value(result, SH.focusNode)),
            "path": str(report_graph.value(result, SH.resultPath) or ""),
            "message": str(report_graph.value(result, SH.resultMessage) or ""),
            "severity": str(report_graph.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
        })
    violations.sort(key=lambda v: (v["focus"], v["path"], v["message"]))
    return ValidationResult(bool(conforms), report_text, violations)
