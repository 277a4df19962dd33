"""Reading YAML with line numbers, so an error in a data file can name its line.

Every mapping loaded here carries the 1-based line where it starts under the key ``__line__``.

>>> load_yaml_text("- id: russia\\n- id: china\\n", "entities.yaml")[1]["__line__"]
2
"""

from __future__ import annotations

import os
import stat

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


#: The most any text file is read to (a document, a registry, a query); larger files are refused.
MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_bytes(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them.

    Devices, pipes and sockets are refused before anything is read (a symlink to /dev/zero has
    size 0 and would never end; a FIFO would block forever), and the read stops one byte past the
    limit, so no input can make the process read without bound.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError("file not found", source=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", source=str(path)) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", source=str(path)) from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, not a file", source=str(path))
        if not stat.S_ISREG(mode):
            raise InputError("not a regular file (a device, pipe or socket)", source=str(path))
        try:
            data = handle.read(max_bytes + 1)
        except OSError as err:
            raise InputError(f"cannot read: {err.strerror}", source=str(path)) from None
    if len(data) > max_bytes:
        raise InputError(f"file is larger than {max_bytes / 1048576:g} MB", source=str(path))
    return data


def read_text(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """Read a UTF-8 text file (see :func:`read_bytes`); missing, unreadable, special, oversized,
    empty or non-UTF-8 files raise InputError."""
    path = Path(path)
    data = read_bytes(path, max_bytes)
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
