"""Web ingest: upload files or paste a text. Off unless the server was started with
--allow-ingest, and then only for holders of the token printed at start-up. Uploads are
read from memory: no name from the request touches the file system."""

from __future__ import annotations

import io
import json
import secrets
from typing import Annotated

from fastapi import APIRouter, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool

from claimgraph.ingest import ingest_paths
from claimgraph.kb import KnowledgeBase
from claimgraph.web.respond import page, respond

router = APIRouter()


def _allowed(request: Request) -> None:
    if not request.app.state.web.allow_ingest:
        raise HTTPException(404, "web ingest is off: start the server with `claimgraph serve --allow-ingest`")


@router.get("/ingest", include_in_schema=False)
def ingest_form(request: Request):
    _allowed(request)
    return page(request, "ingest.html", report=None)


@router.post("/ingest.json", operation_id="ingest",
             summary="Ingest uploaded files or a pasted text (needs --allow-ingest and the token)")
@router.post("/ingest", operation_id="ingest_page", summary="Ingest, answered with a page (JSON with Accept: application/json)")
async def ingest(request: Request,
                 token: Annotated[str | None, Form(max_length=200)] = None,
                 files: Annotated[list[UploadFile] | None, File(description="Files: .txt, .html, .json(l), feeds")] = None,
                 text: Annotated[str | None, Form(max_length=2_000_000)] = None,
                 title: Annotated[str | None, Form(max_length=500)] = None,
                 x_claimgraph_token: Annotated[str | None, Header(max_length=200)] = None):
    _allowed(request)
    given = token or x_claimgraph_token or ""
    if not secrets.compare_digest(given.encode(), request.app.state.web.token.encode()):
        raise HTTPException(403, "a valid ingest token is required (it was printed when the server started)")
    inputs = [await f.read() for f in files or [] if f.filename or f.size]
    if text and text.strip():
        inputs.append(json.dumps({"title": title or None, "text": text}).encode())
    if not inputs:
        raise HTTPException(422, "nothing to ingest: upload a file or paste a text")
    report = await run_in_threadpool(_run, request.app.state.kb, inputs)
    return respond(request, "ingest.html", report, report=report)


def _run(kb: KnowledgeBase, inputs: list[bytes]) -> dict:
    ingested: list[dict] = []
    problems: list[str] = []
    outcomes = {"new": 0, "updated": 0, "unchanged": 0}
    for data in inputs:
        report = ingest_paths(["-"], kb.store, kb.settings, stdin=io.BytesIO(data), rebuild=False,
                              on_document=lambda d: ingested.append({"doc_id": d.doc_id, "title": d.title}))
        problems += [str(p) for p in report.problems]
        for key, value in report.outcomes.items():
            outcomes[key] += value
    counts = kb.rebuild()
    return {"documents": ingested, "outcomes": outcomes, "problems": problems, "knowledge_base": counts}
