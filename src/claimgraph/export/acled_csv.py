"""Events as CSV with ACLED's column names, one row per knowledge-base event.

ACLED codes one date and one death toll per event: event_date is the start of the
interval with time_precision 1 (day), 2 (within a week) or 3 (a month or longer), and
fatalities is the lowest figure reported (ACLED's conservative rule); every reported
figure, the grade and any conflict are in notes. geo_precision: 1 site or city,
2 region, 3 country or unknown.
"""

from __future__ import annotations

import csv
from typing import IO

import pycountry

COLUMNS = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
           "assoc_actor_1", "actor2", "country", "admin1", "location", "latitude", "longitude",
           "geo_precision", "source", "source_scale", "notes", "fatalities")
TIME_PRECISION = {"day": 1, "week": 2}
GEO_PRECISION = {"site": 1, "city": 1, "region": 2}


def write_acled(kb, out: IO[str]) -> dict:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    rows = [acled_row(event, kb.store.document) for event in kb.events()]
    writer.writerows(rows)
    return {"events": len(rows)}


def acled_row(event: dict, document) -> dict:
    when, place = event.get("date") or {}, event.get("place") or {}
    perpetrators = sorted(event["perpetrators"], key=lambda a: (-len(a["documents"]), a["name"]))
    targets = sorted(event["targets"], key=lambda a: (-len(a["documents"]), a["name"]))
    outlets = sorted({document(d)["outlet"] or d for d in event["documents"]})
    return {
        "event_id_cnty": event["id"], "event_date": when.get("start") or "",
        "time_precision": TIME_PRECISION.get(when.get("precision"), 3),
        "event_type": event["type"], "sub_event_type": event["subtype"],
        "actor1": perpetrators[0]["name"] if perpetrators else "",
        "assoc_actor_1": "; ".join(a["name"] for a in perpetrators[1:]),
        "actor2": targets[0]["name"] if targets else "",
        "country": _country(place.get("country")), "admin1": "", "location": place.get("name") or "",
        "latitude": "" if place.get("lat") is None else place["lat"],
        "longitude": "" if place.get("lon") is None else place["lon"],
        "geo_precision": GEO_PRECISION.get(place.get("precision"), 3),
        "source": "; ".join(outlets), "source_scale": "Other", "notes": _notes(event, when),
        "fatalities": min((v["value"] for v in event["fatalities"]), default=0),
    }


def _country(code: str | None) -> str:
    if not code:
        return ""
    found = pycountry.countries.get(alpha_2=code.upper())
    return found.name if found else code


def _notes(event: dict, when: dict) -> str:
    parts = [f"{when.get('start') or '?'} to {when.get('end') or '?'} ({when.get('precision') or 'undated'})",
             f"credibility {event['admiralty']} ({event['label']}), {event['independent_sources']} independent source(s)"]
    if event["fatalities"]:
        parts.append("fatalities reported: " + " vs ".join(str(v["value"]) for v in event["fatalities"]))
    parts += event["conflicts"]
    return "; ".join(parts)
