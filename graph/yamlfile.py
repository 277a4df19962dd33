"""Reading YAML with line numbers, so an error in a data file can name its line.

Every mapping loaded here carries the 1-based line where it starts under the key ``__line__``.

>>> load_yaml_text("- id: russia\\n- id: china\\n", "entities.yaml")[1]["__line__"]
2
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError

__all__ = ["load_yaml_text", "load_yaml_file", "read_text", "check_entry"]


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records where each mapping starts."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = loader.construct_mapping(node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Keep dates as text: we parse them ourselves into PartialDate with a clear message.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml_text(text: str, source: str, first_line: int = 1):
    """Parse YAML text; a syntax error becomes an InputError naming ``source`` and the line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - _LineLoader is a SafeLoader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + first_line if mark else None
        problem = err.problem or err.context or "syntax error"
        raise InputError(f"YAML syntax error: {problem}", source=source, line=line) from None
    except yaml.YAMLError as err:
        raise InputError(f"YAML error: {err}", source=source) from None


def read_text(path: Path) -> str:
    """Read a UTF-8 text file; missing, unreadable, empty or non-UTF-8 files raise InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", source=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", source=str(path)) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", source=str(path)) from None
    if not data.strip():
        raise InputError("file is empty", source=str(path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 text (invalid byte 0x{data[err.start]:02x} at offset {err.start})",
            source=str(path),
            line=line,
        ) from None
    if "\x00" in text:
        raise InputError("binary file (contains NUL bytes), not text", source=str(path))
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def load_yaml_file(path: Path):
    """Read and parse one YAML file (see :func:`read_text` and :func:`load_yaml_text`)."""
    return load_yaml_text(read_text(path), str(path))


def check_entry(item: object, source: str, what: str, allowed: set[str], required: tuple[str, ...]) -> int | None:
    """Check that a YAML entry is a mapping with only ``allowed`` keys and every ``required`` one;
    return its line. ``what`` names the entry in messages ("fact", "registry entry")."""
    if not isinstance(item, dict):
        raise InputError(f"each {what} must be a mapping with {', '.join(required)}", source=source)
    line = item.get("__line__")
    unknown = set(item) - allowed - {"__line__"}
    if unknown:
        raise InputError(f"unknown key(s) in {what}: {', '.join(sorted(unknown))}", source=source, line=line)
    for key in required:
        if not item.get(key):
            raise InputError(f"{what} has no '{key}'", source=source, line=line)
    return line
