"""Quality gates from real text: the extractor over every dev task of ../shared/eval, scored by
the shared scorer (the referee, run as it is), must stay at or above the floors pinned in
tests/quality_floors.json. Raise a floor when a change lifts a figure; never lower one to pass."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from claimgraph.document import Document
from tests.conftest import DEV, SHARED, needs_shared

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


def _documents(path: Path) -> list[Document]:
    """Only the input keys of each line: the extractor never sees `gold`."""
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            published = date.fromisoformat(row["published"]) if row.get("published") else None
            documents.append(Document(doc_id=str(row["doc_id"]), text=row["text"], title=row.get("title"),
                                      published=published))
    return documents


@needs_shared
@pytest.mark.slow
@pytest.mark.parametrize("task", sorted(FLOORS), ids=sorted(FLOORS))
def test_task_stays_above_its_floor(task, extractor, tmp_path):
    gold = DEV / f"{task}.jsonl"
    predictions = tmp_path / f"{task}.jsonl"
    with predictions.open("w", encoding="utf-8") as out:
        for result in extractor.extract_many(_documents(gold)):
            assert result.ok, result.error
            out.write(json.dumps(result.record) + "\n")
    metrics_path = tmp_path / "metrics.json"
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), task, "--gold", str(gold),
                    "--pred", str(predictions), "--json", str(metrics_path)], check=True, capture_output=True)
    metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    below = {name: (metrics.get(name), floor) for name, floor in FLOORS[task].items()
             if metrics.get(name) is None or metrics[name] < floor}
    assert not below, f"{task}: below the pinned floors (value, floor): {below}"
