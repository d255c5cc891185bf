"""The readers: every format, folders, stdin, and one clear InputError per bad input."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

import claimgraph.read as read
from claimgraph.document import Document, content_id
from claimgraph.errors import InputError
from claimgraph.read import iter_documents

FIXTURES = Path(__file__).parent / "fixtures" / "read"
SCRIPT_MARKERS = ("TRACKER_SECRET", "INLINE_SCRIPT_TEXT", "FOOTER_SCRIPT_TEXT", "ITEM_SCRIPT_TEXT",
                  "ARRAY_SCRIPT_TEXT", "SCRIPT_ONLY_TEXT", "document.write", "dataLayer")
DEFAULT_DAY = date(2021, 1, 1)


def read_all(*paths, **kwargs) -> list[Document | InputError]:
    return list(iter_documents([str(p) for p in paths], **kwargs))


def read_one(path, **kwargs) -> Document | InputError:
    items = read_all(path, **kwargs)
    assert len(items) == 1, items
    return items[0]


def documents(items) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def errors(items) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


# --- plain text --------------------------------------------------------------------

def test_text_file_title_is_the_first_line_and_stays_in_the_text():
    doc = read_one(FIXTURES / "article.txt")
    assert doc.title == "Iraqi militia claims drone attack on Ain al-Asad base"
    assert doc.text.startswith("Iraqi militia claims drone attack on Ain al-Asad base\n\nBAGHDAD (Reuters) - ")
    assert doc.text.endswith("such as Kataib Hezbollah.")
    assert doc.origin == str(FIXTURES / "article.txt")
    assert doc.wire == "Reuters"
    assert (doc.url, doc.outlet) == (None, None)


def test_text_without_a_blank_line_after_the_first_line_has_no_title(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Gunmen attacked a checkpoint\nnear Kirkuk on Monday, police said.\n", encoding="utf-8")
    doc = read_one(path)
    assert doc.title is None
    assert doc.text == "Gunmen attacked a checkpoint\nnear Kirkuk on Monday, police said."


def test_markdown_heading_marks_are_not_part_of_the_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Clashes in Tripoli\n\nArmed groups clashed in the Libyan capital.\n", encoding="utf-8")
    assert read_one(path).title == "Clashes in Tripoli"


def test_content_farm_boilerplate_is_stripped():
    doc = read_one(FIXTURES / "content-farm.txt")
    assert doc.text.endswith("The Saudi-led coalition said it intercepted most of them.")
    for phrase in ("Share this", "Click to share", "Related posts", "Read more", "newsletter", "Follow us",
                   "Comments are closed", "Source link", "All rights reserved", "  ", "\t"):
        assert phrase not in doc.text


def test_doc_id_is_derived_from_the_content_and_stable():
    first, second = read_one(FIXTURES / "article.txt"), read_one(FIXTURES / "article.txt")
    assert first.doc_id == second.doc_id == content_id(first.text)


# --- HTML --------------------------------------------------------------------------

def test_html_main_text_and_metadata():
    doc = read_one(FIXTURES / "article.html")
    assert doc.title == "Drone strike hits militia convoy near Al-Qaim"
    assert doc.published == date(2021, 6, 28)
    assert doc.outlet == "Levant Monitor"
    assert doc.url == "https://levant-monitor.example/2021/06/28/drone-strike-al-qaim"
    assert doc.wire == "Reuters"
    assert "BAGHDAD (Reuters) - A drone strike hit a convoy of the Kataib Hezbollah militia" in doc.text
    assert "“We hold the occupiers responsible for this crime,” a spokesman" in doc.text
    assert "“defensive precision airstrikes”" in doc.text
    assert "called for an investigation" in doc.text


def test_html_keeps_no_script_navigation_or_footer():
    doc = read_one(FIXTURES / "article.html")
    fields = " ".join(str(value) for value in doc.to_dict().values())
    for marker in (*SCRIPT_MARKERS, "<script", "Subscribe", "Related posts", "Follow us", "All rights reserved",
                   "Rocket attack on Ain al-Asad"):
        assert marker not in fields


def test_html_that_is_all_script_is_refused():
    error = read_one(FIXTURES / "script-only.html")
    assert isinstance(error, InputError)
    assert error.reason == "no article text found in the HTML"
    assert "SCRIPT_ONLY_TEXT" not in str(error)


# --- JSON Lines and JSON -------------------------------------------------------------

def test_jsonl_bad_lines_are_reported_and_the_others_go_on():
    items = read_all(FIXTURES / "corpus.jsonl")
    where = str(FIXTURES / "corpus.jsonl")
    assert [item.origin if isinstance(item, Document) else item.where for item in items] == [
        f"{where}:line 1", f"{where}:line 2", f"{where}:line 3", f"{where}:line 4", f"{where}:line 6", f"{where}:line 7",
    ]
    assert [type(item).__name__ for item in items] == ["Document", "InputError", "InputError", "Document",
                                                        "InputError", "Document"]
    reasons = [error.reason for error in errors(items)]
    assert reasons[0].startswith("not valid JSON")
    assert reasons[1] == "a record must be a JSON object, not an array"
    assert reasons[2].startswith("no text")


def test_jsonl_record_fields():
    first, second, third = documents(read_all(FIXTURES / "corpus.jsonl"))
    assert (first.doc_id, first.title, first.published, first.outlet, first.url, first.wire) == (
        "jl-1", "Hezbollah fires rockets at Israeli positions", date(2021, 8, 6), "Levant Monitor",
        "https://levant-monitor.example/jl-1", "AFP")
    assert second.doc_id == "42"  # a numeric id, as a string
    assert second.published == date(2021, 6, 26)  # "26 June 2021"
    assert "“showing off”" in second.text
    assert third.published is None  # "sometime in 2021" is not a date, and none is invented
    assert third.extra["unparsed_published"] == "sometime in 2021"


def test_jsonl_text_keeps_its_offsets():
    line = (FIXTURES / "corpus.jsonl").read_text(encoding="utf-8").split("\n")[0]
    original = json.loads(line)["text"]
    doc = documents(read_all(FIXTURES / "corpus.jsonl"))[0]
    assert len(doc.text) == len(original)
    assert doc.text == original.replace("\u00a0", " ").replace("\r\n", " \n")
    assert doc.text[25:34] == original[25:34] == "Hezbollah"  # the gold span still points at the name


def test_extra_keys_such_as_gold_are_not_copied():
    doc = documents(read_all(FIXTURES / "corpus.jsonl"))[0]
    assert "gold" not in doc.extra and "gold" not in doc.to_dict()
    assert "entities" not in json.dumps(doc.to_dict())


def test_json_array_items_and_html_records():
    items = read_all(FIXTURES / "corpus.json")
    where = str(FIXTURES / "corpus.json")
    strike, page, bad = items
    assert (strike.doc_id, strike.origin, strike.published, strike.outlet) == (
        "arr-1", f"{where}#item 1", date(2021, 2, 26), "Syria Desk")
    assert page.doc_id == "arr-2" and page.title == "Page given as HTML"  # the record's title wins
    assert "Hayat Tahrir al-Sham fighters clashed near the town of Sarmada" in page.text
    assert "ARRAY_SCRIPT_TEXT" not in page.text and "Home" not in page.text
    assert page.published is None
    assert (bad.where, bad.reason) == (f"{where}#item 3", "a record must be a JSON object, not a string")


def test_json_single_object_is_one_document():
    doc = read_one(FIXTURES / "single.json")
    assert (doc.doc_id, doc.origin, doc.published) == ("single-1", str(FIXTURES / "single.json"), date(2020, 1, 3))


def test_jsonl_mislabelled_as_json_is_read_line_by_line(tmp_path):
    path = tmp_path / "corpus.json"
    path.write_text('{"text": "Fighters entered Marib."}\n{"text": "Drones hit Abha."}\n', encoding="utf-8")
    assert [doc.origin for doc in read_all(path)] == [f"{path}:line 1", f"{path}:line 2"]


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"doc_id": "x", "text": "   \n "}, "empty: the text is blank"),
        ({"doc_id": "x", "text": 42}, "no text: the record has neither a 'text' nor an 'html' string"),
        ({"doc_id": "x", "html": "<html><body><script>x()</script></body></html>"}, "no article text found in the HTML"),
    ],
    ids=["blank-text", "text-not-a-string", "html-without-article"],
)
def test_json_records_without_usable_text(tmp_path, record, reason):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    error = read_one(path)
    assert (error.where, error.reason) == (f"{path}:line 1", reason)


# --- feeds ---------------------------------------------------------------------------

def test_rss_items_become_documents():
    items = read_all(FIXTURES / "feed.rss")
    where = str(FIXTURES / "feed.rss")
    erbil, balad = items
    assert (erbil.title, erbil.url, erbil.outlet, erbil.origin, erbil.wire) == (
        "Rocket attack targets Erbil airport", "https://gulf-security.example/2021/02/16/erbil-rocket-attack",
        "Gulf Security Wire", f"{where}#item 1", "AP")
    assert erbil.published == date(2021, 2, 16)  # as written (+0300), not moved to the 15th in UTC
    assert erbil.text.startswith("ERBIL, Iraq (AP) — A barrage of rockets")  # the full content, not the description
    assert "14 rockets were fired" in erbil.text
    assert (balad.origin, balad.published, balad.wire) == (f"{where}#item 2", date(2021, 4, 5), "AFP")
    assert "“We have nothing to do with this attack,” the spokesman said." in balad.text
    for doc in items:
        assert "<p>" not in doc.text and not any(marker in doc.text for marker in SCRIPT_MARKERS)


def test_atom_entries_become_documents():
    menaka, brief = read_all(FIXTURES / "feed.atom")
    assert menaka.title == "Attack on army post near Menaka"
    assert menaka.published == date(2021, 12, 2)  # <published>, not <updated>
    assert menaka.text == (
        "Gunmen on motorcycles attacked an army post near Menaka in eastern Mali on Thursday, killing six soldiers, "
        "the army said in a statement.\n\nNo group claimed the attack, but the Islamic State Sahel Province is "
        "active in the area.")
    assert menaka.outlet == "Sahel Conflict Notes"
    assert brief.published == date(2021, 12, 1)  # only <updated>
    assert brief.text.endswith("residents told Reuters.") and brief.wire == "Reuters"


def test_feed_item_without_content_is_one_error_and_the_others_go_on(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(
        "<rss version='2.0'><channel><title>T</title>"
        "<item><title>Empty</title></item>"
        "<item><title>Full</title><description>Fighters took the town.</description></item>"
        "</channel></rss>", encoding="utf-8")
    empty, full = read_all(path)
    assert (empty.where, empty.reason) == (f"{path}#item 1", "empty: the item has no content or description")
    assert full.text == "Fighters took the town." and full.published is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<rss version='2.0'><channel><title>Quiet</title></channel></rss>", "empty: the feed has no items"),
        ("<?xml version='1.0'?><catalog><book>Dune</book></catalog>", "not an RSS or Atom feed"),
        ("<?xml version='1.0'?><rss version='2.0'><channel><title>Broken &bogus; <item>", "not a valid RSS or Atom feed"),
    ],
    ids=["no-items", "other-xml", "malformed"],
)
def test_feeds_without_items(tmp_path, content, reason):
    path = tmp_path / "feed.rss"
    path.write_text(content, encoding="utf-8")
    error = read_one(path)
    assert isinstance(error, InputError) and error.reason.startswith(reason)


# --- published ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("record_date", "argument", "expected"),
    [
        ("2021-05-21", DEFAULT_DAY, date(2021, 5, 21)),
        ("2021-05-21T10:00:00Z", None, date(2021, 5, 21)),
        ("Fri, 21 May 2021 23:30:00 -0500", None, date(2021, 5, 21)),
        (None, DEFAULT_DAY, DEFAULT_DAY),
        ("not a date", DEFAULT_DAY, DEFAULT_DAY),
        ("May 2021", None, None),
        (None, None, None),
    ],
    ids=["record-beats-argument", "iso-datetime", "rfc822", "argument-when-none", "argument-when-unparseable",
         "no-day-no-invention", "nothing-is-none"],
)
def test_published_precedence(tmp_path, record_date, argument, expected):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": "Clashes in Darfur.", "published": record_date}) + "\n", encoding="utf-8")
    assert read_one(path, published=argument).published == expected


def test_no_date_is_ever_invented():
    items = documents(read_all(*sorted(FIXTURES.iterdir())))
    assert len(items) >= 12
    assert all(doc.published != date.today() for doc in items)
    assert read_one(FIXTURES / "article.txt").published is None
    assert read_one(FIXTURES / "article.txt", published=DEFAULT_DAY).published == DEFAULT_DAY
    assert read_one(FIXTURES / "article.html", published=DEFAULT_DAY).published == date(2021, 6, 28)


# --- folders and stdin -----------------------------------------------------------------

def test_folders_are_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b.txt", "a.md", "sub/c.text", ".hidden.txt", ".git/d.txt", "notes.csv"):
        (tmp_path / name).write_text(f"Report {name}\n\nWagner fighters were seen near Bakhmut.\n", encoding="utf-8")
    items = read_all(tmp_path)
    assert [Path(item.origin or "").relative_to(tmp_path).as_posix() for item in documents(items)] == [
        "a.md", "b.txt", "sub/c.text"]
    assert errors(items) == []


def test_an_empty_folder_is_reported(tmp_path):
    error = read_one(tmp_path)
    assert error.where == str(tmp_path) and error.reason.startswith("no files with a known extension")


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"Title line\n\nSomali forces retook the town.\n", "text"),
        (b'{"doc_id": "s1", "text": "Somali forces retook the town."}\n{"doc_id": "s2", "text": "Drones hit Abha."}\n', "jsonl"),
        ((FIXTURES / "article.html").read_bytes(), "html"),
        ((FIXTURES / "feed.rss").read_bytes(), "feed"),
    ],
    ids=["text", "jsonl", "html", "feed"],
)
def test_stdin_format_is_sniffed(content, kind):
    items = read_all("-", stdin=io.BytesIO(content))
    assert all(isinstance(item, Document) for item in items)
    expected = {"text": ["<stdin>"], "jsonl": ["<stdin>:line 1", "<stdin>:line 2"], "html": ["<stdin>"],
                "feed": ["<stdin>#item 1", "<stdin>#item 2"]}[kind]
    assert [doc.origin for doc in items] == expected


def test_stdin_may_be_a_text_stream():
    doc = read_one("-", stdin=io.StringIO("Houthi forces said they shot down a drone.\n"))
    assert doc.text == "Houthi forces said they shot down a drone." and doc.origin == "<stdin>"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty: nothing on stdin"), (b"  \n\t\n", "empty: only whitespace"), (b"\x00\x01PK\x03\x04", "binary file, not text")],
    ids=["empty", "whitespace", "binary"],
)
def test_bad_stdin(content, reason):
    error = read_one("-", stdin=io.BytesIO(content))
    assert (error.where, error.reason) == ("<stdin>", reason)


# --- bad inputs: exactly one clear InputError each, and the batch goes on ---------------

def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "missing-file": (lambda tmp: tmp / "missing.txt", "no such file"),
    "empty-file": (lambda tmp: _write(tmp, "empty.txt", b""), "empty file"),
    "whitespace-only": (lambda tmp: _write(tmp, "blank.txt", b" \n\n\t \r\n"), "empty: only whitespace"),
    "only-boilerplate": (lambda tmp: _write(tmp, "farm.txt", b"Share this:\nSource link\n"), "empty: no text left after cleaning"),
    "binary-with-nul": (lambda tmp: _write(tmp, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50), "binary file, not text"),
    "binary-without-nul": (lambda tmp: _write(tmp, "blob.txt", bytes(range(1, 9)) * 200), "binary file, not text"),
    "invalid-utf8": (lambda tmp: _write(tmp, "bad.txt", b"Caf\xc3\xa9 ok, then \xff\xfe\xfd" + bytes(range(0x80, 0x100))), "not valid UTF-8 at byte 15"),
    "invalid-utf8-not-text-either": (lambda tmp: _write(tmp, "high.txt", b"ok " + bytes(range(0x80, 0x100)) * 4), "not valid UTF-8 at byte 3"),
    "all-script-html": (lambda tmp: FIXTURES / "script-only.html", "no article text found in the HTML"),
    "json-line-not-object": (lambda tmp: _write(tmp, "x.jsonl", b'"just a string"\n'), "a record must be a JSON object, not a string"),
    "json-not-valid": (lambda tmp: _write(tmp, "x.json", b'{"text": '), "not valid JSON: Expecting value at line 1 column 10"),
    "unknown-format": (lambda tmp: _write(tmp, "table.csv", b"name,kind\nQuds Force,unit\n"), "unknown format"),
    "unknown-binary": (lambda tmp: _write(tmp, "doc.pdf", b"%PDF-1.7\n\x00\x01\x02"), "binary file, not text"),
}


@pytest.mark.parametrize(("make", "reason"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_gives_one_clear_error(tmp_path, make, reason):
    path = make(tmp_path)
    error = read_one(path)
    assert isinstance(error, InputError)
    assert error.where.startswith(str(path))
    assert error.reason.startswith(reason)


@pytest.mark.parametrize(("make", "reason"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_does_not_stop_the_batch(tmp_path, make, reason):
    good = FIXTURES / "article.txt"
    items = read_all(good, make(tmp_path), good)
    assert isinstance(items[0], Document) and isinstance(items[-1], Document)
    assert len(errors(items)) == 1


def test_a_file_over_200_mb_is_not_loaded(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(201 * 1024 * 1024)  # sparse: no disk used, and reading it would mean NUL bytes
    error = read_one(path)
    assert error.reason.startswith("file too large")


def test_a_50_mb_text_file_is_read(tmp_path):
    paragraph = "Fighters of the Popular Mobilisation Forces moved into the town on Tuesday, officials said. " * 10
    path = tmp_path / "big.txt"
    path.write_text("Big report\n\n" + (paragraph.strip() + "\n\n") * (50 * 2**20 // len(paragraph) + 1), encoding="utf-8")
    doc = read_one(path)
    assert doc.title == "Big report"
    assert len(doc.text) > 50 * 10**6


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        ("Café in Lattaquié – “sources” said.".encode("cp1252"), "cp1252", "Café in Lattaquié – “sources” said."),
        ("Ni\u00f1o \u00bfqu\u00e9? ".encode("latin-1") * 20 + b"\x81", "latin-1", "Ni\u00f1o \u00bfqu\u00e9?"),
        ("Sources said the Quds Force.".encode("utf-16"), "utf-16", "Sources said the Quds Force."),
    ],
    ids=["cp1252", "latin-1", "utf-16-with-bom"],
)
def test_legacy_encodings_are_accepted_and_noted(tmp_path, data, encoding, expected):
    doc = read_one(_write(tmp_path, "legacy.txt", data))
    assert doc.text.startswith(expected)
    assert doc.extra["encoding"] == encoding


def test_utf8_bom_is_dropped_and_not_noted(tmp_path):
    doc = read_one(_write(tmp_path, "bom.txt", "\ufeffHezbollah said.".encode("utf-8")))
    assert doc.text == "Hezbollah said." and "encoding" not in doc.extra


@pytest.mark.parametrize(
    ("name", "content", "origin"),
    [
        ("export.dat", '{"doc_id": "d1", "text": "Fighters entered Marib."}\n', "{path}"),
        ("page.php", (FIXTURES / "article.html").read_text(encoding="utf-8"), "{path}"),
        ("README", "Notes\n\nThe brigade withdrew from the city.\n", "{path}"),
    ],
    ids=["json-in-unknown-extension", "html-in-unknown-extension", "no-extension-is-text"],
)
def test_unknown_extensions_are_sniffed(tmp_path, name, content, origin):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.origin == origin.format(path=path)


def test_a_reader_bug_is_reported_not_raised(monkeypatch):
    def broken(text, where, published):
        raise RuntimeError("boom")
        yield  # pragma: no cover - makes this a generator

    monkeypatch.setitem(read.READERS, "text", broken)
    items = read_all(FIXTURES / "article.txt", FIXTURES / "single.json")
    assert items[0].reason == "unexpected error while reading: RuntimeError: boom"
    assert isinstance(items[1], Document)


def test_an_html_page_in_its_declared_legacy_charset(tmp_path):
    page = ("<html><head><meta charset='windows-1256'><title>الحشد الشعبي</title></head><body><article>"
            "<p>قال متحدث باسم الحشد الشعبي إن الطائرات المسيرة استهدفت موقعا قرب الحدود مع سوريا مساء الأحد، "
            "مما أسفر عن مقتل أربعة مقاتلين وإصابة آخرين بجروح، بحسب بيان صدر عن الهيئة صباح الاثنين.</p>"
            "<p>ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، فيما دعت الحكومة العراقية إلى فتح تحقيق.</p>"
            "</article></body></html>")
    doc = read_one(_write(tmp_path, "arabic.html", page.encode("cp1256")))
    assert "قال متحدث باسم الحشد الشعبي" in doc.text
    assert doc.extra["encoding"] == "cp1256"


def test_feed_html_whitespace_is_not_a_line_break(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(
        "<rss version='2.0'><channel><title>T</title><item><title>A</title><description>"
        "&lt;p&gt;Fighters\n      entered   the town.&lt;/p&gt;\n   &lt;p&gt;Residents fled.&lt;/p&gt;"
        "</description></item></channel></rss>", encoding="utf-8")
    assert read_one(path).text == "Fighters entered the town.\n\nResidents fled."
