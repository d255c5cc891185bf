"""Bytes in, text out: size limits, binary detection, encodings, format sniffing."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import BinaryIO, TextIO

from claimgraph.errors import InputError

# The extractor refuses long texts itself; this only stops us loading what no article is.
MAX_FILE_BYTES = 200 * 1024 * 1024
_SAMPLE = 65_536  # enough text to judge whether content is binary
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")
# A UTF-8 multi-byte sequence: seeing one means the file was meant as UTF-8 and is damaged,
# not Latin-1 (where such pairs would read as mojibake like "Ã©").
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_DECLARED = re.compile(rb"""<(?:meta[^>]*?charset|\?xml[^>]*?encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_path(path: Path, where: str) -> bytes:
    """The bytes of a file, or InputError for a missing, unreadable or oversized one."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(where, f"file too large ({size / 2**20:.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(where, "no such file") from None
    except PermissionError:
        raise InputError(where, "cannot read the file: permission denied") from None
    except OSError as exc:
        raise InputError(where, f"cannot read the file: {exc.strerror or exc}") from None


def read_stream(stream: BinaryIO | TextIO, where: str) -> bytes | str:
    """All of a stream (binary, or text for tests), refusing more than MAX_FILE_BYTES."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(where, f"input too large (over {MAX_FILE_BYTES // 2**20} MB)")
    return data


def decode(data: bytes, where: str) -> tuple[str, str]:
    """(text, encoding). UTF-8 (BOM allowed) first; clean cp1252/Latin-1 text is accepted."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _check_text(_decode_utf16(data, where), where), "utf-16"
    if b"\x00" in data:
        raise InputError(where, "binary file, not text")
    try:
        return _check_text(data.decode("utf-8-sig"), where), "utf-8"  # utf-8-sig: utf-8 minus a BOM
    except UnicodeDecodeError as exc:
        return _decode_legacy(data, where, exc.start)


def check_text(text: str, where: str) -> str:
    """Text read from a text stream: only the binary check applies."""
    if "\x00" in text:
        raise InputError(where, "binary file, not text")
    return _check_text(text, where)


def _decode_utf16(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not valid UTF-16 at byte {exc.start}") from None


def _decode_legacy(data: bytes, where: str, bad_byte: int) -> tuple[str, str]:
    declared = _declared_encoding(data)
    if declared:  # an HTML/XML page that names its charset (windows-1256 Arabic, say) is taken at its word
        try:
            return _check_text(data.decode(declared), where), declared
        except UnicodeDecodeError:
            pass
    if not _UTF8_SEQUENCE.search(data):
        for encoding in ("cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, encoding
    raise InputError(where, f"not valid UTF-8 at byte {bad_byte}")


def _declared_encoding(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML declaration names, if Python knows it and it is not UTF-8."""
    match = _DECLARED.search(data[:4096])
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name if match else None
    except LookupError:
        return None
    return None if name in (None, "utf-8") else name


def _looks_like_text(text: str) -> bool:
    """Legacy-encoded prose is mostly ASCII with few controls; random bytes are not."""
    sample = text[:_SAMPLE]
    non_ascii = sum(1 for char in sample if ord(char) > 127)
    controls = len(_BINARY_CONTROLS.findall(sample)) + len(_C1_CONTROLS.findall(sample))
    return non_ascii <= 0.3 * len(sample) and controls <= 0.01 * len(sample)


def _check_text(text: str, where: str) -> str:
    sample = text[:_SAMPLE]
    if len(_BINARY_CONTROLS.findall(sample)) > 0.05 * len(sample):
        raise InputError(where, "binary file, not text")
    return text


# --- sniffing ------------------------------------------------------------------

_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML = re.compile(r"<(?:!doctype html|html|head|body|article|main|p|div|h1)\b", re.IGNORECASE)


def sniff(text: str) -> str | None:
    """The format of content with no telling extension: "json", "feed", "html" or None."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith(("[", "{")):
        return "json"  # an array, one object, or JSON Lines: read_json copes with all three
    if _FEED.search(head):
        return "feed"
    if _HTML.search(head):
        return "html"
    return None
