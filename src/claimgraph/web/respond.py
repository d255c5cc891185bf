"""One route, two formats: a handler returns its data, and `respond` renders it as the
page or, for `.json` / `Accept: application/json`, as JSON (STYLE rule 3)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, ChainableUndefined, select_autoescape

HERE = Path(__file__).parent
JSON_SUFFIX = ".json"

TEMPLATES = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"], default=True),
    undefined=ChainableUndefined,
)
# Ids go into URL paths: quote everything but the colon of "reg:quds-force".
TEMPLATES.filters["pathq"] = lambda value: quote(str(value), safe=":")
TEMPLATES.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v not in (None, "")})


def wants_json(request: Request) -> bool:
    if request.url.path.endswith(JSON_SUFFIX):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


class JSONText(JSONResponse):
    """JSON without ASCII escaping, and dates as ISO strings."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, default=str).encode("utf-8")


def respond(request: Request, template: str, data, status: int = 200, headers: dict | None = None,
            **context) -> HTMLResponse | JSONResponse:
    if wants_json(request):
        return JSONText(data, status_code=status, headers=headers)
    return page(request, template, data=data, status=status, **context)


def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    settings = request.app.state.web
    html = TEMPLATES.get_template(template).render(
        request=request, allow_ingest=settings.allow_ingest, json_url=json_url(request), **context)
    return HTMLResponse(html, status_code=status)


def json_url(request: Request) -> str:
    """The .json twin of the current page, keeping its query."""
    path = request.url.path.rstrip("/") or "/index"
    query = f"?{request.url.query}" if request.url.query else ""
    return f"{path}{'' if path.endswith(JSON_SUFFIX) else JSON_SUFFIX}{query}"


def dual(router, path: str, name: str, summary: str, **kwargs) -> Callable:
    """Register a handler at `path` (the page) and `path.json` (its data), with distinct
    OpenAPI operation ids. For item routes the .json route is declared first so that
    `/actors/{ref}.json` wins over `/actors/{ref}`."""
    def decorate(handler: Callable) -> Callable:
        json_path = "/index.json" if path == "/" else path + JSON_SUFFIX
        router.add_api_route(json_path, handler, methods=["GET"], operation_id=name, summary=summary,
                             response_class=JSONText, **kwargs)
        router.add_api_route(path, handler, methods=["GET"], operation_id=f"{name}_page",
                             summary=f"{summary} (HTML page; JSON with Accept: application/json)",
                             response_class=HTMLResponse, **kwargs)
        return handler
    return decorate
