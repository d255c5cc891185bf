"""Errors at the edge: our exceptions, validation failures and HTTP errors become one
JSON shape, {"error": {"status", "title", "detail", "errors"?}}, or the same on a page."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from claimgraph.errors import ClaimgraphError, ConfigError, InputError, NotFound
from claimgraph.web.respond import JSONText, page, wants_json


class ErrorBody(BaseModel):
    status: int
    title: str
    detail: str
    errors: list[dict] | None = None


class ErrorResponse(BaseModel):
    """The one error shape of every endpoint."""

    error: ErrorBody


ERROR_RESPONSES = {
    code: {"model": ErrorResponse, "description": HTTPStatus(code).phrase} for code in (400, 404, 413, 422)
}


def error_body(status: int, detail: str, errors: list[dict] | None = None) -> dict:
    body = {"status": status, "title": HTTPStatus(status).phrase, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    return {"error": body}


def error_response(request: Request, status: int, detail: str, errors: list[dict] | None = None,
                   headers: dict | None = None):
    body = error_body(status, detail, errors)
    # A page only for a browser asking for one; API clients (Accept */* or JSON) get JSON.
    browser = "text/html" in request.headers.get("accept", "") and request.method == "GET"
    if wants_json(request) or not browser:
        return JSONText(body, status_code=status, headers=headers)
    response = page(request, "error.html", status=status, error=body["error"])
    response.headers.update(headers or {})
    return response


def _status_of(exc: ClaimgraphError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, (ConfigError, InputError)):
        return 400
    return 500


def _validation_errors(exc: RequestValidationError) -> list[dict]:
    # Only where and why: pydantic's "input" echoes the request back, and "ctx" can hold exceptions.
    return [{"loc": [str(part) for part in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()]


def install(app: FastAPI) -> None:
    @app.exception_handler(ClaimgraphError)
    async def ours(request: Request, exc: ClaimgraphError):
        status = _status_of(exc)
        detail = str(exc) if status < 500 else "the store could not answer; see the server log"
        return error_response(request, status, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = _validation_errors(exc)
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
        return error_response(request, 422, detail, errors)

    @app.exception_handler(HTTPException)
    async def http(request: Request, exc: HTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return error_response(request, exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        return error_response(request, 500, "internal error; see the server log")
