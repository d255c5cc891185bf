"""Events: the timeline and map with filters, and one event with its reports side by side."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from claimgraph.web.respond import dual, respond
from claimgraph.web.routes.common import Ref, Text, kb_of

router = APIRouter()
PAGE, MAX_PAGE = 500, 5000  # the timeline and map draw one page; the list pages through the rest
BBOX = r"^-?\d{1,3}(\.\d+)?(,-?\d{1,3}(\.\d+)?){3}$"


def parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    """"west,south,east,north" in degrees, checked for range and order (422 otherwise)."""
    if not bbox:
        return None
    west, south, east, north = (float(v) for v in bbox.split(","))
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, "bbox must be west,south,east,north with -180 <= west <= east <= 180 "
                                 "and -90 <= south <= north <= 90")
    return west, south, east, north


@dual(router, "/events", "events", "Events merged across reports: timeline and map; filter by actor, type, "
      "date range, country, bounding box")
def events(request: Request, actor: Text = None,
           type: Annotated[str | None, Query(max_length=80, description="ACLED event type or sub-event type")] = None,
           since: Annotated[date | None, Query(description="From this date (YYYY-MM-DD)")] = None,
           until: Annotated[date | None, Query(description="Up to this date (YYYY-MM-DD)")] = None,
           country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO country code")] = None,
           bbox: Annotated[str | None, Query(pattern=BBOX, description="west,south,east,north in degrees")] = None,
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="At most this many events")] = PAGE,
           offset: Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many (date order)")] = 0):
    if since and until and since > until:
        raise HTTPException(422, "since must not be after until")
    kb = kb_of(request)
    filters = {"actor": actor, "type": type, "since": since, "until": until, "country": country,
               "bbox": parse_bbox(bbox)}
    found, total = kb.event_page(**filters, limit=limit, offset=offset)
    page = {"offset": offset, "limit": limit, "total": total, "shown": len(found),
            "previous": _page_url(request, max(offset - limit, 0)) if offset else None,
            "next": _page_url(request, offset + limit) if offset + limit < total else None}
    return respond(request, "events.html", found, headers={"X-Total-Count": str(total)},
                   filters={**filters, "bbox": bbox}, page=page)


def _page_url(request: Request, offset: int) -> str:
    return f"{request.url.path}?{request.url.include_query_params(offset=offset).query}"


@dual(router, "/events/{ref}", "event", "One event with all its reports side by side and their conflicts")
def event(request: Request, ref: Ref):
    return respond(request, "event.html", kb_of(request).event(ref))
