"""The extraction records, one JSON object per line, by doc_id."""

from __future__ import annotations

import json
from typing import IO


def write_jsonl(store, out: IO[str]) -> dict:
    count = 0
    for record in store.iter_records():
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return {"records": count}
