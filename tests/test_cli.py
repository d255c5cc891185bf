"""The command line over the library: ingest with bad inputs, stateless extract, stats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from tests.conftest import REPO

DEMO = REPO / "src" / "claimgraph" / "demo" / "corpus.jsonl"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'kb.sqlite'}"


@pytest.fixture
def bad_inputs(tmp_path) -> list[Path]:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 50)
    (tmp_path / "latin.txt").write_bytes(b"\xff\xfe\xfa broken \xc3\x28 utf-8 \x80\x81")
    (tmp_path / "script.html").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        '{"doc_id": "ok-1", "text": "Rockets struck Baghdad on Monday, police said."}\n[1, 2]\nnot json\n',
        encoding="utf-8")
    return [tmp_path / n for n in ("empty.txt", "binary.txt", "latin.txt", "script.html", "lines.jsonl")] + [
        tmp_path / "missing.txt"]


def test_ingest_reports_each_bad_input_and_goes_on(db, bad_inputs):
    result = run("ingest", "--db", db, *map(str, bad_inputs), str(DEMO))
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    for name in ("empty.txt", "binary.txt", "script.html", "lines.jsonl:line 2", "lines.jsonl:line 3", "missing.txt"):
        assert sum(name in line for line in errors) == 1, (name, errors)
    # the mis-encoded file decodes as a legacy encoding (noted on the document) and is kept
    assert "ingested 42 documents: 42 new" in result.output
    stats = json.loads(run("stats", "--db", db, "--json").output)
    assert stats["documents"] == 42


def test_ingesting_twice_changes_nothing(db):
    first = run("ingest", "--db", db, str(DEMO))
    assert first.exit_code == 0 and "40 new" in first.output
    before = run("stats", "--db", db, "--json").output
    second = run("ingest", "--db", db, str(DEMO))
    assert "0 new, 0 updated, 40 unchanged" in second.output
    assert run("stats", "--db", db, "--json").output == before


def test_ingest_reads_stdin(db):
    result = run("ingest", "--db", db, "--published", "2021-05-21", "-",
                 input="Drone strike\n\nA drone struck Erbil airport last month, officials said.\n")
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output


def test_extract_one_file_prints_one_record(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Attack on base\n\nRockets hit Ain al-Asad air base in April, "
                       "an Iraqi security official said.\n", encoding="utf-8")
    result = run("extract", str(article), "--published", "2021-05-21")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["schema"] == "extraction/1" and record["published"] == "2021-05-21"
    assert any(e["name"] == "Ain al-Asad Air Base" for e in record["entities"])


def test_extract_corpus_writes_jsonl(tmp_path):
    out = tmp_path / "records.jsonl"
    result = run("extract", str(DEMO), "-o", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 40 and {r["doc_id"] for r in records} >= {"seed-iran-iraqi-militias"}


def test_stats_prints_the_summary(db):
    run("ingest", "--db", db, str(DEMO))
    output = run("stats", "--db", db).output
    for word in ("documents: 40", "entities:", "events:", "claims:", "most-mentioned actors:"):
        assert word in output
    assert "1. " in output


def test_bad_store_url_is_a_clear_error():
    result = CliRunner().invoke(cli, ["stats", "--db", "mysql://nowhere/db"])
    assert result.exit_code != 0 and "Error" in result.output
