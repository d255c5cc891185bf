"""Small hand-made documents with valid extraction/1 records, for the store tests."""

from __future__ import annotations

from datetime import date

from claimgraph.document import Document

KH_TEXT = (
    "Kataib Hezbollah fighters attacked a US base near Erbil on 3 March, killing two contractors, "
    "an Iraqi security official said. The Quds Force supports Kataib Hezbollah, "
    "and Esmail Ghaani leads the Quds Force. Ghaani denied any role."
)
GHAANI_TEXT = (
    "Esmail Ghaani met commanders of Kataib Hezbollah in Baghdad, according to two militia members. "
    "Ghaani urged Kataib Hezbollah to keep calm. Kata'ib Hezbollah did not respond."
)


def span(text: str, phrase: str, nth: int = 0) -> list[int]:
    """[start, end) of the nth occurrence of `phrase` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return [start, start + len(phrase)]


def entity(eid: str, kind: str, name: str, mentions: list[list[int]], registry_id: str | None = None,
           subkind: str | None = None, geo: dict | None = None) -> dict:
    return {"id": eid, "kind": kind, "subkind": subkind, "name": name, "registry_id": registry_id,
            "mentions": mentions, "geo": geo, "provisional": registry_id is None}


def kh_document(doc_id: str = "doc-kh") -> Document:
    return Document(doc_id=doc_id, text=KH_TEXT, title="Militia attack near Erbil",
                    published=date(2021, 3, 4), url="https://example.org/kh", outlet="Example News")


def kh_record(doc: Document) -> dict:
    t = doc.text
    return {
        "schema": "extraction/1", "doc_id": doc.doc_id, "published": "2021-03-04",
        "title": doc.title, "text_sha1": doc.text_hash, "notes": [],
        "entities": [
            entity("e1", "organization", "Kataib Hezbollah", [span(t, "Kataib Hezbollah"), span(t, "Kataib Hezbollah", 1)],
                   registry_id="kataib-hezbollah", subkind="armed_group"),
            entity("e2", "organization", "Quds Force", [span(t, "Quds Force"), span(t, "Quds Force", 1)],
                   registry_id="quds-force", subkind="state_force"),
            entity("e3", "person", "Esmail Ghaani", [span(t, "Esmail Ghaani"), span(t, "Ghaani", 1)]),
            entity("e4", "place", "Erbil", [span(t, "Erbil")], registry_id="erbil", subkind="city",
                   geo={"lat": 36.19, "lon": 44.01, "country": "IQ", "precision": "city"}),
            entity("e5", "organization", "United States", [span(t, "US")], registry_id="united-states",
                   subkind="state"),
        ],
        "events": [{
            "id": "v1", "type": "Explosions/Remote violence", "subtype": "Shelling/artillery/missile attack",
            "trigger": span(t, "attacked"),
            "date": {"start": "2021-03-03", "end": "2021-03-03", "precision": "day", "text": "on 3 March"},
            "place": "e4", "perpetrators": ["e1"], "targets": ["e5"], "weapons": [],
            "fatalities": 2, "injured": None, "casualty_text": "killing two contractors",
            "background": False, "claims": ["c1"], "mentions": [],
        }],
        "relations": [
            {"type": "supports", "source": "e2", "target": "e1", "evidence": [span(t, "The Quds Force supports")],
             "claims": [], "negated": False},
            {"type": "leads", "source": "e3", "target": "e2", "evidence": [span(t, "Esmail Ghaani leads")],
             "claims": [], "negated": False},
        ],
        "claims": [
            {"id": "c1", "content": span(t, "Kataib Hezbollah fighters attacked a US base"), "cue": span(t, "said"),
             "source": {"span": span(t, "an Iraqi security official"), "text": "an Iraqi security official",
                        "entity": None, "kind": "security_official", "anonymous": True, "count": 1},
             "stance": "asserts", "corroborated_by": [], "contradicts": ["c2"]},
            {"id": "c2", "content": span(t, "any role"), "cue": span(t, "denied"),
             "source": {"span": span(t, "Ghaani", 1), "text": "Ghaani", "entity": "e3", "kind": "military",
                        "anonymous": False, "count": 1},
             "stance": "denies", "corroborated_by": [], "contradicts": ["c1"]},
        ],
    }


def ghaani_document(doc_id: str = "doc-ghaani") -> Document:
    return Document(doc_id=doc_id, text=GHAANI_TEXT, title="Ghaani in Baghdad", published=None)


def ghaani_record(doc: Document) -> dict:
    t = doc.text
    return {
        "schema": "extraction/1", "doc_id": doc.doc_id, "published": None,
        "title": doc.title, "text_sha1": doc.text_hash, "notes": ["no publication date"],
        "entities": [
            # Named a little differently: the provisional actor id must still match doc-kh's.
            entity("e1", "person", "Esmail  Ghaani", [span(t, "Esmail Ghaani"), span(t, "Ghaani", 1)]),
            entity("e2", "organization", "Kataib Hezbollah",
                   [span(t, "Kataib Hezbollah"), span(t, "Kataib Hezbollah", 1), span(t, "Kata'ib Hezbollah")],
                   registry_id="kataib-hezbollah", subkind="armed_group"),
            entity("e3", "place", "Baghdad", [span(t, "Baghdad")], registry_id="baghdad", subkind="city"),
        ],
        "events": [],
        "relations": [],
        "claims": [
            {"id": "c1", "content": span(t, "Esmail Ghaani met commanders of Kataib Hezbollah in Baghdad"),
             "cue": span(t, "according to"),
             "source": {"span": span(t, "two militia members"), "text": "two militia members", "entity": None,
                        "kind": "militia", "anonymous": True, "count": 2},
             "stance": "asserts", "corroborated_by": [], "contradicts": []},
            {"id": "c2", "content": span(t, "did not respond"), "cue": None,
             "source": {"span": span(t, "Kata'ib Hezbollah"), "text": "Kata'ib Hezbollah", "entity": "e2",
                        "kind": "group_statement", "anonymous": False, "count": 1},
             "stance": "no_comment", "corroborated_by": [], "contradicts": []},
        ],
    }


def samples() -> list[tuple[Document, dict]]:
    kh, gh = kh_document(), ghaani_document()
    return [(kh, kh_record(kh)), (gh, ghaani_record(gh))]
