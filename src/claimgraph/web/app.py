"""FastAPI app: pages and their JSON from the same handlers. Reads the store only."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from claimgraph.config import Settings
from claimgraph.store import open_store

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"], default=True),
)
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def _wants_json(request: Request, suffix: str) -> bool:
    return suffix == ".json" or "application/json" in request.headers.get("accept", "")


def create_app(settings: Settings) -> FastAPI:
    store = open_store(settings.db_url)
    app = FastAPI(title="claimgraph", version="0.1.0")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/", response_class=HTMLResponse, summary="Home: corpus summary")
    @app.get("/index{suffix}", include_in_schema=False)
    def home(request: Request, suffix: str = ""):
        figures = store.stats()
        if _wants_json(request, suffix):
            return JSONResponse(figures)
        return HTMLResponse(TEMPLATES.get_template("home.html").render(stats=figures))

    @app.get("/healthz", summary="Liveness")
    def healthz():
        return {"ok": True}

    @app.on_event("shutdown")
    def close_store():
        store.close()

    return app
