"""The HTTP API on the demo store: every endpoint, its filters, its errors, and the one
JSON error shape; each page's data equals its .json twin (one route, two formats)."""

from __future__ import annotations

import re

import pytest

ERROR_KEYS = {"status", "title", "detail"}


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and ERROR_KEYS <= set(body["error"]) <= ERROR_KEYS | {"errors"}
    assert body["error"]["status"] == status and body["error"]["detail"]
    return body["error"]


@pytest.fixture(scope="module")
def some(client) -> dict:
    """Ids that exist in the demo store."""
    events = client.get("/events.json").json()
    placed = next(e for e in events if e.get("place") and e["place"].get("country"))
    tie = client.get("/relations.json").json()[0]
    return {"event": events[0]["id"], "placed": placed, "tie": tie, "doc": client.get("/documents.json").json()[0]["doc_id"]}


PAGES = ["/", "/actors", "/actors/quds-force", "/relations", "/network", "/events", "/claims", "/stories",
         "/documents", "/search?q=militia", "/merges"]


@pytest.mark.parametrize("path", PAGES, ids=PAGES)
def test_page_and_json_twin_come_from_one_route(client, path):
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin = client.get(("/index" if base == "/" else base) + ".json" + ("?" + query if query else ""))
    negotiated = client.get(path, headers={"Accept": "application/json"})
    assert twin.status_code == negotiated.status_code == 200
    assert twin.json() == negotiated.json()


def test_home_summarises_the_corpus(client):
    home = client.get("/index.json").json()
    assert home["stats"]["documents"] == 40
    assert home["actors"][0]["name"] == "Islamic State"
    dates = [e["date"]["start"] for e in home["latest_events"] if e.get("date")]
    assert dates == sorted(dates, reverse=True) and dates


def test_documents_paginate_and_a_document_has_text_record_and_links(client, some):
    first = client.get("/documents.json?limit=5").json()
    second = client.get("/documents.json?limit=5&offset=5").json()
    assert len(first) == len(second) == 5 and not {d["doc_id"] for d in first} & {d["doc_id"] for d in second}
    doc = client.get("/documents/seed-iran-iraqi-militias.json").json()
    assert doc["text"].startswith("Iran develops") and doc["record"]["entities"]
    assert doc["knowledge"]["actors"]["e5"].startswith("reg:") or doc["knowledge"]["actors"]
    assert doc["knowledge"]["relations"] and doc["knowledge"]["events"]


def test_actors_filter_by_kind_and_name(client):
    people = client.get("/actors.json?kind=person&limit=20").json()
    assert people and all(a["kind"] == "person" for a in people)
    found = client.get("/actors.json?q=quds").json()
    assert [a["actor_id"] for a in found] == ["reg:quds-force"]
    assert len(client.get("/actors.json?limit=3").json()) == 3


@pytest.mark.parametrize("ref", ["quds-force", "reg:quds-force", "Quds Force", "IRGC-QF"])
def test_dossier_by_id_or_any_name(client, ref):
    dossier = client.get(f"/actors/{ref}.json").json()
    assert dossier["actor_id"] == "reg:quds-force"
    assert {"ties", "events", "timeline", "claims_made", "aliases"} <= set(dossier)
    tie = dossier["ties"][0]
    assert {"admiralty", "independent_sources", "disputed", "claims"} <= set(tie)
    assert tie["claims"][0]["source_text"] and tie["claims"][0]["source_kind"]


def test_relations_filter_by_actor_type_and_grade(client):
    ties = client.get("/relations.json").json()
    assert len(ties) >= 40
    fights = client.get("/relations.json?type=fights").json()
    assert fights and all(t["type"] == "fights" for t in fights)
    mine = client.get("/relations.json?actor=quds-force").json()
    assert mine and all("reg:quds-force" in (t["source"]["actor_id"], t["target"]["actor_id"]) for t in mine)
    best = min(t["grade"] for t in ties)
    assert all(t["grade"] <= best for t in client.get(f"/relations.json?min_grade={best}").json())


def test_one_tie_with_its_evidence(client, some):
    tie = client.get(f"/relations/{some['tie']['id']}.json").json()
    assert tie["id"] == some["tie"]["id"] and tie["claims"] and tie["grade_reasons"]
    error_of(client.get(f"/relations/{some['event']}.json"), 404)  # an event is not a tie


def test_network_whole_and_around_an_actor(client):
    whole = client.get("/network.json").json()
    ids = {n["id"] for n in whole["nodes"]}
    assert whole["edges"] and all(e["source"] in ids and e["target"] in ids for e in whole["edges"])
    around = client.get("/network.json?actor=quds-force&depth=1").json()
    assert "reg:quds-force" in {n["id"] for n in around["nodes"]} and len(around["nodes"]) < len(whole["nodes"])
    typed = client.get("/network.json?type=part_of").json()
    assert typed["edges"] and {e["type"] for e in typed["edges"]} == {"part_of"}


def test_a_large_network_shows_the_most_documented_actors_first(client):
    whole = client.get("/network.json").json()
    assert whole["total_actors"] == len(whole["nodes"]) > 6
    small = client.get("/network.json?max_actors=6").json()
    assert small["total_actors"] == whole["total_actors"] and 0 < len(small["nodes"]) <= 6
    documents = sorted((n["documents"] for n in whole["nodes"]), reverse=True)
    assert min(n["documents"] for n in small["nodes"]) >= documents[5]
    ids = {n["id"] for n in small["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in small["edges"])
    assert "most documented of" in client.get("/network?max_actors=6").text
    assert client.get("/network.json?max_actors=1").status_code == 422


def test_events_filters(client, some):
    every = client.get("/events.json").json()
    assert len(every) >= 60
    placed = some["placed"]
    country = client.get(f"/events.json?country={placed['place']['country'].lower()}").json()
    assert placed["id"] in {e["id"] for e in country} and len(country) < len(every)
    lon, lat = placed["place"]["lon"], placed["place"]["lat"]
    boxed = client.get(f"/events.json?bbox={lon - 1},{lat - 1},{lon + 1},{lat + 1}").json()
    assert placed["id"] in {e["id"] for e in boxed}
    assert all(abs(e["place"]["lon"] - lon) <= 1 for e in boxed)
    battles = client.get("/events.json?type=Battles").json()
    assert battles and all(e["type"] == "Battles" for e in battles)
    recent = client.get("/events.json?since=2019-01-01").json()
    assert recent and all(e["date"]["end"] >= "2019-01-01" for e in recent)
    early = client.get("/events.json?until=2008-12-31").json()
    assert early and all(e["date"]["start"] <= "2008-12-31" for e in early)
    by_actor = client.get("/events.json?actor=Islamic State").json()
    assert by_actor and len(by_actor) < len(every)


def test_events_page_through_in_date_order(client):
    every = client.get("/events.json")
    total = int(every.headers["x-total-count"])
    assert total == len(every.json()) >= 60
    pages = [client.get(f"/events.json?limit=25&offset={offset}") for offset in range(0, total, 25)]
    assert all(int(p.headers["x-total-count"]) == total for p in pages)
    assert [e["id"] for p in pages for e in p.json()] == [e["id"] for e in every.json()]
    html = client.get("/events?limit=25&offset=25&type=").text
    assert f"Events 26–50 of {total}" in html
    pager = re.search(r'<p class="pager".*?</p>', html, re.S).group(0)
    assert 'href="/events?limit=25&amp;type=&amp;offset=0" rel="prev"' in pager, pager
    assert 'href="/events?limit=25&amp;type=&amp;offset=50" rel="next"' in pager
    assert client.get("/events.json?limit=0").status_code == 422


def test_one_event_with_its_reports(client, some):
    event = client.get(f"/events/{some['event']}.json").json()
    assert event["id"] == some["event"] and event["reports"] and "conflicts" in event
    page = client.get(f"/events/{some['event']}")
    assert page.status_code == 200 and "Reports side by side" in page.text


def test_claims_all_and_about_an_actor(client):
    every = client.get("/claims.json").json()
    about = client.get("/claims.json?about=quds-force").json()
    assert len(every) > len(about) > 0
    assert all(c["facts"] for c in about)


def test_stories_and_merges(client):
    stories = client.get("/stories.json").json()
    assert sum(len(s["documents"]) for s in stories) == 40
    assert isinstance(client.get("/merges.json").json(), list)


def test_search_documents_and_names(client):
    found = client.get("/search.json?q=Quds").json()
    assert "seed-iran-iraqi-militias" in {d["doc_id"] for d in found["documents"]}
    assert found["documents"][0]["snippet"]["match"].lower() == "quds"
    assert "reg:quds-force" in {a["actor_id"] for a in found["actors"]}
    assert client.get("/search.json?q=100%25_").json()["documents"] == []  # LIKE wildcards are literal


@pytest.mark.parametrize("fmt,marker", [("stix", '"type": "bundle"'), ("acled", "event_date"),
                                        ("graphml", "<graphml"), ("gexf", "<gexf"), ("jsonl", '"doc_id"')])
def test_exports(client, fmt, marker):
    response = client.get(f"/export/{fmt}")
    assert response.status_code == 200 and marker in response.text
    assert "attachment" in response.headers["content-disposition"]


NOT_FOUND = ["/actors/no-such-actor.json", "/events/event-000.json", "/relations/rel-000.json",
             "/documents/no-such-doc.json", "/no/such/route", "/static/../app.py", "/static/vendor/none.js",
             "/ingest"]


@pytest.mark.parametrize("path", NOT_FOUND, ids=NOT_FOUND)
def test_404_has_the_error_shape(client, path):
    error_of(client.get(path, headers={"Accept": "application/json"}), 404)


INVALID = ["/events.json?since=yesterday", "/events.json?bbox=1,2,3", "/events.json?bbox=10,0,5,1",
           "/events.json?country=IRQ", "/events.json?since=2020-01-01&until=2019-01-01",
           "/relations.json?min_grade=9", "/network.json?depth=0", "/actors.json?limit=0",
           "/search.json", "/search.json?q=" + "x" * 201, "/export/pdf",
           "/documents/seed-iran-iraqi-militias.json?hl=a-b", "/actors.json?offset=-1"]


@pytest.mark.parametrize("path", INVALID, ids=INVALID)
def test_422_has_the_error_shape(client, path):
    error = error_of(client.get(path), 422)
    assert "errors" not in error or all({"loc", "msg", "type"} == set(e) for e in error["errors"])


def test_an_error_page_for_browsers(client):
    page = client.get("/actors/no-such-actor", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no actor" in page.text


def test_oversize_requests_are_refused(demo_url):
    import httpx

    from tests.web.conftest import LiveServer, make_app

    with LiveServer(make_app(demo_url, allow_ingest=True, token="t", max_body=1000)) as server, \
            httpx.Client(base_url=server.url) as small:
        error_of(small.post("/ingest", data={"token": "t", "text": "x" * 5000}), 413)
        # No Content-Length (chunked): the cap is applied while the body streams in.
        body = b'--b\r\nContent-Disposition: form-data; name="text"\r\n\r\n' + b"x" * 3000 + b"\r\n--b--\r\n"
        streamed = small.post("/ingest", content=iter([body[:500], body[500:]]),
                              headers={"content-type": "multipart/form-data; boundary=b"})
        assert "content-length" not in streamed.request.headers
        error_of(streamed, 413)


def test_security_headers_on_every_response(client):
    for path in ("/", "/index.json", "/static/app.css", "/actors/none.json"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self';" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"


def test_api_docs_are_served_locally(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/actors/{ref}.json" in docs.text and "cdn" not in docs.text.lower()
    schema = client.get("/openapi.json").json()
    assert "/events.json" in schema["paths"] and "ErrorResponse" in schema["components"]["schemas"]


def test_ingest_is_off_by_default(client):
    error_of(client.post("/ingest", data={"token": "x", "text": "Some text."}), 404)
