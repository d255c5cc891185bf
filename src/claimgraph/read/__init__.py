"""Readers: files, folders and stdin in any supported format -> Documents.

`iter_documents` never raises for bad input: each unreadable file, line or feed item is
yielded as an InputError naming where it is and why, and the batch goes on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.read import load
from claimgraph.read.feeds import read_feed
from claimgraph.read.html import read_html
from claimgraph.read.records import read_json, read_jsonl
from claimgraph.read.text import read_text

__all__ = ["iter_documents", "EXTENSIONS", "STDIN_WHERE"]

Item = Document | InputError
Reader = Callable[[str, str, date | None], Iterator[Item]]

READERS: dict[str, Reader] = {"text": read_text, "html": read_html, "json": read_json, "jsonl": read_jsonl, "feed": read_feed}
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
STDIN_WHERE = "<stdin>"


def iter_documents(
    paths: Iterable[str | Path], *, published: date | None = None, stdin: BinaryIO | TextIO | None = None
) -> Iterator[Item]:
    """A Document for each readable document in `paths` ("-" is stdin), an InputError for each failure.

    `published` is the date for documents that do not state one.
    """
    for path in paths:
        if str(path) == "-":
            yield from _guarded(STDIN_WHERE, _read_stdin, stdin, published)
        elif Path(path).is_dir():
            yield from _read_folder(Path(path), published)
        else:
            yield from _guarded(str(path), _read_file, Path(path), published)


def _guarded(where: str, read: Callable[..., Iterator[Item]], *args: object) -> Iterator[Item]:
    """Turn a raised InputError, or an unexpected failure, into one yielded error: the batch goes on."""
    try:
        yield from read(*args)
    except InputError as error:
        yield error
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch; it is reported
        yield InputError(where, f"unexpected error while reading: {type(exc).__name__}: {exc}")


def _read_folder(folder: Path, published: date | None) -> Iterator[Item]:
    files = _folder_files(folder)
    if not files:
        yield InputError(str(folder), f"no files with a known extension ({', '.join(sorted(EXTENSIONS))})")
    for path in files:
        yield from _guarded(str(path), _read_file, path, published)


def _folder_files(folder: Path) -> list[Path]:
    """Readable files under `folder`, recursively, sorted, hidden files and folders skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found += [Path(root, name) for name in files if not name.startswith(".") and _kind(Path(name))]
    return sorted(found, key=lambda path: path.parts)


def _kind(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def _read_file(path: Path, published: date | None) -> Iterator[Item]:
    where = str(path)
    data = load.read_path(path, where)
    _check_not_empty(data, where)
    text, encoding = load.decode(data, where)
    kind = _kind(path) or _sniff_unknown(path, text, where)
    yield from _with_encoding(READERS[kind](text, where, published), encoding)


def _sniff_unknown(path: Path, text: str, where: str) -> str:
    """Content decides for an unknown extension; a file with no extension at all may be plain text."""
    kind = load.sniff(text)
    if kind:
        return kind
    if not path.suffix:
        return "text"
    known = ", ".join(sorted(EXTENSIONS))
    raise InputError(where, f"unknown format: '{path.suffix}' is not one of {known}, and the content is not JSON, HTML or a feed")


def _read_stdin(stream: BinaryIO | TextIO | None, published: date | None) -> Iterator[Item]:
    data = load.read_stream(stream if stream is not None else sys.stdin.buffer, STDIN_WHERE)
    _check_not_empty(data, STDIN_WHERE)
    if isinstance(data, str):
        text, encoding = load.check_text(data, STDIN_WHERE), "utf-8"
    else:
        text, encoding = load.decode(data, STDIN_WHERE)
    kind = load.sniff(text) or "text"
    yield from _with_encoding(READERS[kind](text, STDIN_WHERE, published), encoding)


def _check_not_empty(data: bytes | str, where: str) -> None:
    if not data:
        raise InputError(where, "empty file" if where != STDIN_WHERE else "empty: nothing on stdin")
    if data.isspace():  # stops at the first non-space: cheap even for a huge file
        raise InputError(where, "empty: only whitespace")


def _with_encoding(items: Iterator[Item], encoding: str) -> Iterator[Item]:
    """Note a legacy encoding on each document, so a user can see the text was converted."""
    for item in items:
        if encoding != "utf-8" and isinstance(item, Document):
            item.extra["encoding"] = encoding
        yield item
