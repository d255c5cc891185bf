"""Home, search, documents (with the highlighted text view), stories, exports, assets."""

from __future__ import annotations

import io
import mimetypes
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from claimgraph.errors import NotFound
from claimgraph.export import export
from claimgraph.web.highlight import document_marks, event_ids, relation_ids, segments
from claimgraph.web.respond import HERE, dual, respond
from claimgraph.web.routes.common import Limit, Offset, Ref, kb_of

router = APIRouter()
LATEST = 10


@dual(router, "/", "home", "Corpus summary, most active actors, latest events")
def home(request: Request):
    kb = kb_of(request)
    data = {"stats": kb.store.stats(), "actors": kb.actors(limit=LATEST),
            "latest_events": kb.store.latest_items("event", LATEST)}
    return respond(request, "home.html", data)


@dual(router, "/search", "search", "Full-text search over documents, and actor names")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 50):
    return respond(request, "search.html", kb_of(request).store.search(q, limit))


@dual(router, "/documents", "documents", "Documents, newest first")
def documents(request: Request, limit: Limit = 100, offset: Offset = 0):
    found = kb_of(request).store.documents(limit=limit, offset=offset)
    return respond(request, "documents.html", found, limit=limit, offset=offset)


@dual(router, "/documents/{doc_id}", "document",
      "A document: its text, extraction record, and the knowledge-base items it supports")
def document(request: Request, doc_id: Ref,
             hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$", description="Evidence span START-END to mark")] = None):
    store = kb_of(request).store
    doc = store.document(doc_id)
    record = store.record(doc_id)
    links = {**store.document_links(doc_id), "doc_id": doc_id}
    data = {**doc, "record": record, "knowledge": {k: links[k] for k in ("actors", "events", "relations", "claims")}}
    evidence = tuple(int(x) for x in hl.split("-")) if hl else None
    pieces = segments(doc["text"], document_marks(record, links, evidence))
    return respond(request, "document.html", data, pieces=pieces, kb_events=event_ids(links),
                   kb_relations=relation_ids(links))


@dual(router, "/stories", "stories", "Stories: reprints and rewrites of one report, grouped")
def stories(request: Request):
    return respond(request, "stories.html", kb_of(request).stories())


class ExportFormat(str, Enum):
    stix = "stix"
    acled = "acled"
    graphml = "graphml"
    gexf = "gexf"
    jsonl = "jsonl"


EXPORT_TYPES = {"stix": ("application/json", "json"), "acled": ("text/csv", "csv"),
                "graphml": ("application/xml", "graphml"), "gexf": ("application/xml", "gexf"),
                "jsonl": ("application/x-ndjson", "jsonl")}


@router.get("/export/{fmt}", summary="Download the knowledge base: STIX 2.1, ACLED CSV, GraphML, GEXF or JSONL",
            response_class=Response, responses={200: {"content": {t: {} for t, _ in EXPORT_TYPES.values()}}})
def download(request: Request, fmt: ExportFormat):
    out = io.StringIO()
    export(kb_of(request).store, fmt.value, out, settings=request.app.state.settings)
    media, ext = EXPORT_TYPES[fmt.value]
    return Response(out.getvalue(), media_type=f"{media}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="claimgraph.{ext}"'})


@router.get("/healthz", summary="Liveness")
def healthz() -> dict:
    return {"ok": True}


def _assets() -> dict[str, tuple[bytes, str]]:
    """Every file under static/, read once: requests pick from this table and never name a path."""
    root = HERE / "static"
    table = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if path.suffix in (".js", ".mjs"):
                media = "text/javascript"
            table[path.relative_to(root).as_posix()] = (path.read_bytes(), media)
    return table


ASSETS = _assets()


@router.get("/static/{name:path}", include_in_schema=False)
def asset(name: str):
    if name not in ASSETS:
        raise NotFound(f"no asset {name!r}" + (" (run `make install`: it copies the npm libraries into "
                                                "static/vendor)" if name.startswith("vendor/") else ""))
    body, media = ASSETS[name]
    return Response(body, media_type=media, headers={"Cache-Control": "public, max-age=3600"})
