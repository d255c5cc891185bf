"""FastAPI app: pages and their JSON from the same handlers (STYLE rule 3). It reads the
store through the KnowledgeBase; only web ingest, when switched on, writes."""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass

from fastapi import FastAPI

from claimgraph.config import Settings
from claimgraph.kb import KnowledgeBase
from claimgraph.store import open_store
from claimgraph.web import errors
from claimgraph.web.guard import Guard
from claimgraph.web.routes import docs, events, ingest, kb, site

MAX_BODY = 5 * 1024 * 1024  # web ingest uploads included


@dataclass(frozen=True)
class WebOptions:
    allow_ingest: bool = False
    token: str | None = None  # the ingest token; generated when ingest is allowed and none is given
    max_body: int = MAX_BODY


def create_app(settings: Settings, allow_ingest: bool = False, token: str | None = None,
               max_body: int = MAX_BODY) -> FastAPI:
    """The web app over the store of `settings`. With `allow_ingest`, POST /ingest accepts
    documents from holders of the token (app.state.web.token)."""
    store = open_store(settings.db_url)
    app = FastAPI(title="claimgraph", version="0.1.0", docs_url=None, redoc_url=None, lifespan=_lifespan,
                  description="A sourced knowledge graph of armed groups and conflict. Every page "
                  "has a JSON twin: append .json to its path or send Accept: application/json.")
    app.state.web = WebOptions(allow_ingest, (token or secrets.token_urlsafe(24)) if allow_ingest else None, max_body)
    app.state.settings = settings
    app.state.store = store
    app.state.kb = KnowledgeBase(store, settings)
    errors.install(app)
    for module in (site, kb, events, docs, ingest):
        app.include_router(module.router, responses=errors.ERROR_RESPONSES)
    app.add_middleware(Guard, max_body=max_body)

    return app


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    yield
    app.state.store.close()
