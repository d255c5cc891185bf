"""What every route module needs: the knowledge base of the app, and shared parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query, Request

from claimgraph.kb import KnowledgeBase

MAX_TEXT = 200  # the longest name, query or id a request may carry

Ref = Annotated[str, Path(min_length=1, max_length=MAX_TEXT, description="An id (or, for actors, any name)")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def kb_of(request: Request) -> KnowledgeBase:
    return request.app.state.kb
