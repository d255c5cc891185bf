"""/docs: the OpenAPI description rendered on a page of our own (Swagger UI would load
from a CDN and run inline scripts, which the offline, strict-CSP app cannot)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from claimgraph.web.respond import page

router = APIRouter()


@router.get("/docs", include_in_schema=False)
def api_docs(request: Request):
    schema = request.app.openapi()
    operations = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", ""),
         "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "description": p.get("description", "")} for p in op.get("parameters", [])]}
        for path, methods in schema["paths"].items() for method, op in methods.items()
        if not op.get("operationId", "").endswith("_page")
    ]
    return page(request, "docs.html", schema=schema, operations=operations)
