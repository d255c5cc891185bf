"""The knowledge base as a STIX 2.1 bundle (stix2 library).

- actors: threat-actor for armed organisations and their people's organisations,
  identity for states, governments, media and persons, intrusion-set for front names
  (the source of a `front_for` tie, linked to the real actor by `attributed-to`);
- incident for every event (sub-event type, place, date interval with its precision,
  reported death tolls, grade), `attributed-to` its perpetrators, `targets` its targets
  and `located-at` its place;
- location for every event place with coordinates or a country;
- relationship for every tie that is not a denial, with `confidence` from the Admiralty
  grade (STIX 2.1 Appendix A: 1->90, 2->70, 3->50, 4->30, 5->10, 6 none) and the grade's
  reasons in its description;
- note for every claim behind a tie (source, stance, sentence), referring to the tie;
- note for every denied tie ("X is not a front for Y", who denies it), referring to both
  actors: a denial is evidence an analyst needs, but not a relationship;
- report per document, referring to what it supports.
Ids are uuid5 of our own ids and timestamps come from the data, so an export of the same
knowledge base is byte-for-byte the same.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import IO

import stix2

from claimgraph.assess import STIX_CONFIDENCE

NAMESPACE = uuid.UUID("6f0b1f2e-5d1c-5b7a-9c43-3a8d6c1e2b90")
EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
THREATS = {"armed_group", "militia_alliance", "private_military", "state_force", "intelligence", "coalition"}
RELATIONSHIP = {"front_for": "attributed-to", "part_of": "part-of", "member_of": "member-of",
                "allied_with": "allied-with"}
ALL = 10_000_000


def sid(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def write_stix(kb, out: IO[str]) -> dict:
    bundle = build_bundle(kb)
    out.write(bundle.serialize(pretty=True, sort_keys=True))
    return {"objects": len(bundle.objects)}


def build_bundle(kb) -> stix2.Bundle:
    relations = kb.relations()
    fronts = {f["source"]["actor_id"] for f in relations if f["type"] == "front_for" and not f["negated"]}
    actors = {a["actor_id"]: a for a in kb.actors(limit=ALL, everyone=True)}
    objects: dict[str, object] = {}
    by_doc: dict[str, set[str]] = {}
    for actor in actors.values():
        obj = actor_object(actor, actor["actor_id"] in fronts)
        objects[obj.id] = obj
    for fact in relations:
        for obj in relation_objects(fact, actors, fronts):
            objects[obj.id] = obj
            for doc_id in fact["documents"]:
                by_doc.setdefault(doc_id, set()).add(obj.id)
    for event in kb.events():
        for obj in event_objects(event, actors, fronts):
            objects[obj.id] = obj
            for doc_id in event["documents"]:
                by_doc.setdefault(doc_id, set()).add(obj.id)
    for doc in kb.store.documents(limit=ALL):
        report = report_object(doc, sorted(by_doc.get(doc["doc_id"], ())), objects)
        objects[report.id] = report
    ordered = [objects[k] for k in sorted(objects)]
    return stix2.Bundle(objects=ordered, id=sid("bundle", "|".join(sorted(objects))))


def _stamp(day: str | None) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc) if day else EPOCH


def actor_object(actor: dict, front: bool):
    common = {"created": EPOCH, "modified": EPOCH, "name": actor["name"],
              "description": _actor_description(actor)}
    key = actor["actor_id"]
    if front:
        return stix2.IntrusionSet(id=sid("intrusion-set", key), aliases=actor["aliases"] or None, **common)
    if actor["kind"] == "organization" and actor.get("subkind") in THREATS:
        return stix2.ThreatActor(id=sid("threat-actor", key), aliases=actor["aliases"] or None, **common)
    identity_class = "individual" if actor["kind"] == "person" else "organization"
    return stix2.Identity(id=sid("identity", key), identity_class=identity_class, **common)


def _actor_description(actor: dict) -> str:
    parts = [f"claimgraph actor {actor['actor_id']}", f"{actor['kind']}/{actor.get('subkind') or '-'}"]
    if actor.get("country"):
        parts.append(f"country {actor['country']}")
    if actor.get("provisional"):
        parts.append("provisional (not in the registry)")
    parts.append(f"named in {actor['documents']} document(s)")
    return "; ".join(parts)


def actor_ref(actor_id: str, actors: dict, fronts: set) -> str | None:
    actor = actors.get(actor_id)
    if actor is None:
        return None
    return actor_object(actor, actor_id in fronts).id


def relation_objects(fact: dict, actors: dict, fronts: set) -> list:
    source = actor_ref(fact["source"]["actor_id"], actors, fronts)
    target = actor_ref(fact["target"]["actor_id"], actors, fronts)
    if source is None or target is None:
        return []
    when = _stamp(min((c["published"] for c in fact["claims"] if c.get("published")), default=None))
    if fact["negated"]:
        return [denial_note(fact, [source, target], when)]
    relationship_type = RELATIONSHIP.get(fact["type"], fact["type"].replace("_", "-"))
    extra = {"confidence": STIX_CONFIDENCE[fact["grade"]]} if fact["grade"] in STIX_CONFIDENCE else {}
    rel = stix2.Relationship(
        id=sid("relationship", fact["id"]), relationship_type=relationship_type, source_ref=source,
        target_ref=target, created=when, modified=when, **extra,
        description=(f"{fact['source']['name']} {fact['type']} {fact['target']['name']}. Credibility "
                     f"{fact['admiralty']} ({fact['label']}): " + "; ".join(fact["grade_reasons"])
                     + ("; DISPUTED" if fact["disputed"] else "")))
    return [rel] + [note_object(claim, rel.id, when) for claim in fact["claims"]]


def denial_note(fact: dict, refs: list[str], when: datetime) -> stix2.Note:
    said_by = sorted({c["source_text"] for c in fact["claims"]})
    return stix2.Note(
        id=sid("note", f"denied|{fact['id']}"), created=when, modified=when, object_refs=refs,
        authors=said_by or None,
        abstract=f"Denied: {fact['source']['name']} {fact['type']} {fact['target']['name']}",
        content="; ".join(f"{c['source_text']}: {c['text']} (document {c['doc_id']} "
                          f"[{c['span'][0]}:{c['span'][1]}])" for c in fact["claims"]) or "denied")


def event_objects(event: dict, actors: dict, fronts: set) -> list:
    """The event as an incident, with its place and the relationships to its actors."""
    date = event.get("date") or {}
    when = _stamp(min((r["published"] for r in event["reports"] if r.get("published")), default=None))
    incident = stix2.Incident(
        id=sid("incident", event["id"]), created=when, modified=when,
        name=f"{event['subtype']}" + (f" at {event['place']['name']}" if event.get("place") else "")
             + (f", {date['start']}..{date['end']}" if date else ""),
        description=_event_description(event))
    out: list = [incident]
    location = location_object(event)
    if location is not None:
        out += [location, _event_link(incident, "located-at", location.id, when)]
    for role, relationship_type in (("perpetrators", "attributed-to"), ("targets", "targets")):
        for actor in event[role]:
            ref = actor_ref(actor["actor_id"], actors, fronts)
            if ref is not None:
                out.append(_event_link(incident, relationship_type, ref, when))
    return out


def _event_link(incident: stix2.Incident, relationship_type: str, ref: str, when: datetime) -> stix2.Relationship:
    return stix2.Relationship(id=sid("relationship", f"{incident.id}|{relationship_type}|{ref}"),
                              relationship_type=relationship_type, source_ref=incident.id, target_ref=ref,
                              created=when, modified=when)


def _event_description(event: dict) -> str:
    date = event.get("date")
    parts = [f"{event['type']} / {event['subtype']} (ACLED)",
             f"date {date['start']}..{date['end']} (precision {date['precision']})" if date else "date unknown"]
    place = event.get("place")
    if place:
        parts.append(f"place {place['name']} (precision {place.get('precision') or 'unknown'})")
    for key, label in (("fatalities", "fatalities"), ("injured", "injured")):
        if event[key]:
            parts.append(f"{label} reported: " + ", ".join(
                f"{v['value'] if v['value'] is not None else 'unknown'} ({', '.join(v['documents'])})"
                for v in event[key]))
    if event.get("weapons"):
        parts.append("weapons: " + ", ".join(event["weapons"]))
    parts.append(f"credibility {event['admiralty']} ({event['label']}): " + "; ".join(event["grade_reasons"]))
    if event.get("disputed"):
        parts.append("DISPUTED: " + "; ".join(event.get("conflicts") or ["claims against it"]))
    if event.get("background"):
        parts.append("recalled as background in every report")
    return ". ".join(parts)


def note_object(claim: dict, ref: str, when: datetime) -> stix2.Note:
    key = f"{claim['doc_id']}|{claim['claim_id'] or claim['span']}|{ref}"
    side = "against" if claim.get("side") == "against" else "for"
    return stix2.Note(
        id=sid("note", key), created=when, modified=when, object_refs=[ref],
        authors=[claim["source_text"]],
        abstract=f"{claim['source_text']} ({claim['source_kind']}, {claim['stance']}, {side})",
        content=f"{claim['text']}\n\nDocument {claim['doc_id']} [{claim['span'][0]}:{claim['span'][1]}], "
                f"outlet {claim.get('outlet') or 'unknown'} (reliability {claim['reliability']}).")


def location_object(event: dict) -> stix2.Location | None:
    place = event.get("place") or {}
    if place.get("lat") is not None:
        where = {"latitude": place["lat"], "longitude": place["lon"]}
    elif place.get("country"):
        where = {"country": place["country"]}
    else:
        return None
    return stix2.Location(id=sid("location", place["id"]), created=EPOCH, modified=EPOCH,
                          name=place["name"], **where)


def report_object(doc: dict, refs: list[str], objects: dict) -> stix2.Report:
    when = _stamp(doc["published"])
    if not refs:  # a report must refer to something: the document's own identity
        source = stix2.Identity(id=sid("identity", f"outlet:{doc['outlet'] or doc['doc_id']}"), created=EPOCH,
                                modified=EPOCH, name=doc["outlet"] or doc["doc_id"], identity_class="organization")
        objects[source.id] = source
        refs = [source.id]
    return stix2.Report(
        id=sid("report", doc["doc_id"]), created=when, modified=when, published=when,
        name=doc["title"] or doc["doc_id"], report_types=["threat-report"], object_refs=refs,
        description=f"claimgraph document {doc['doc_id']}; outlet {doc['outlet'] or 'unknown'}"
                    + ("" if doc["published"] else "; publication date unknown"),
        external_references=[{"source_name": doc["outlet"] or "claimgraph", "url": doc["url"]}] if doc["url"] else None)
