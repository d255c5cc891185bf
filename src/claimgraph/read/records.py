"""JSON Lines, JSON arrays and single JSON objects of {doc_id|id, title, published, text|html, url, outlet}.

Only those keys are read: anything else in a record (gold annotations, licences) stays out
of the Document. A `text` keeps its offsets (annotations may point into it); an `html`
is extracted like a page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.read.build import Fields, build
from claimgraph.read.html import NO_TEXT, extract_page

Item = Document | InputError


def read_jsonl(text: str, where: str, published: date | None) -> Iterator[Item]:
    """One record per line; a bad line is one InputError and the other lines go on."""
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may sit in a string
        if line.strip():
            yield _read_line(line, f"{where}:line {number}", published)


def read_json(text: str, where: str, published: date | None) -> Iterator[Item]:
    """An array of records, or one record; JSON Lines mislabelled as .json is read as such."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" or text.strip().count("\n") > 0:
            yield from read_jsonl(text, where, published)
        else:
            yield InputError(where, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if isinstance(data, list):
        for number, record in enumerate(data, start=1):
            yield read_record(record, f"{where}#item {number}", published)
    else:
        yield read_record(data, where, published)


def _read_line(line: str, where: str, published: date | None) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(where, f"not valid JSON: {exc.msg} at column {exc.colno}")
    return read_record(record, where, published)


def read_record(record: object, where: str, published: date | None) -> Item:
    """The Document of one record, or why there is none."""
    if not isinstance(record, dict):
        return InputError(where, f"a record must be a JSON object, not {_json_type(record)}")
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return build(_fields(record, text), where, published, raw=False)
    if isinstance(html, str) and html.strip():
        return _from_html(record, html, where, published)
    if isinstance(text, str) or isinstance(html, str):
        return InputError(where, "empty: the text is blank")
    return InputError(where, "no text: the record has neither a 'text' nor an 'html' string")


def _from_html(record: dict, html: str, where: str, published: date | None) -> Item:
    page = extract_page(html, url=_string(record.get("url")))
    if page is None:
        return InputError(where, NO_TEXT)
    found = _fields(record, page.text)
    found.title = found.title or page.title  # the record's metadata wins over the page's
    found.published = found.published or page.published
    found.url, found.outlet = found.url or page.url, found.outlet or page.outlet
    return build(found, where, published, raw=True)


def _fields(record: dict, text: str) -> Fields:
    return Fields(
        text=text,
        doc_id=_doc_id(record),
        title=_string(record.get("title")),
        published=record.get("published") or record.get("date"),
        url=_string(record.get("url")),
        outlet=_string(record.get("outlet")),
    )


def _doc_id(record: dict) -> str | None:
    """`doc_id` or `id` as a string; None (so the id comes from the content) when absent."""
    value = record.get("doc_id", record.get("id"))
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value).strip() or None


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
