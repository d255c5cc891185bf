"""Article text and every extracted string are untrusted. A document whose title and
text carry <script> and "><img onerror> payloads is ingested through the web (with the
token); no page that shows it runs any of it. Web ingest itself is tested here too."""

from __future__ import annotations

import shutil
from urllib.parse import quote, urlsplit

import httpx
import pytest

from tests.web.conftest import TOKEN, LiveServer, make_app

TITLE = '<script>alert("title")</script>Kataib Hezbollah "><img src=x onerror=alert(1)> attack'
TEXT = (
    'BAGHDAD (Reuters) - Kataib Hezbollah fighters attacked a base near Baghdad on Monday, killing three '
    'soldiers <script>alert("text")</script>, an Iraqi military official said. "><img src=x onerror=alert(2)> '
    'The Brigades of "><img src=y onerror=alert(3)> said the attack was revenge. '
    'A spokesman for the <script>alert(4)</script> Movement said the group is part of the Popular Mobilization '
    'Forces and denied any role. Qais al-Khazali leads the "><svg onload=alert(5)> faction.'
)
UPLOAD = b"<html><head><title>Upload <script>alert(6)</script></title></head><body><p>Asaib Ahl al-Haq " \
         b"fighters clashed with Islamic State militants near Tikrit, a police officer said. " \
         b"<img src=x onerror=alert(7)></p></body></html>"


@pytest.fixture(scope="module")
def hostile(demo_url, tmp_path_factory):
    """A copy of the demo store with the hostile document ingested through POST /ingest."""
    path = tmp_path_factory.mktemp("hostile") / "store.sqlite"
    shutil.copy(urlsplit(demo_url).path, path)
    with LiveServer(make_app(f"sqlite:///{path}", allow_ingest=True, token=TOKEN)) as server:
        with httpx.Client(base_url=server.url, timeout=300) as http:
            report = http.post("/ingest.json", data={"token": TOKEN, "title": TITLE, "text": TEXT},
                               files=[("files", ("../../etc/passwd.html", UPLOAD, "text/html"))])
            assert report.status_code == 200, report.text
            yield server, http, report.json()


def test_web_ingest_stores_the_documents_and_rebuilds(hostile):
    _, http, report = hostile
    assert report["outcomes"]["new"] == 2 and report["problems"] == []
    assert report["knowledge_base"]["documents"] == 42
    pasted = next(d for d in report["documents"] if d["title"] == TITLE)
    stored = http.get(f"/documents/{quote(pasted['doc_id'])}.json").json()
    assert stored["title"] == TITLE and "<script>" in stored["text"]


@pytest.mark.parametrize("data,status", [({"token": "wrong", "text": "A text."}, 403),
                                         ({"text": "A text."}, 403), ({"token": TOKEN}, 422)],
                         ids=["bad token", "no token", "nothing to ingest"])
def test_web_ingest_refuses_without_token_or_input(hostile, data, status):
    _, http, _ = hostile
    response = http.post("/ingest", data=data)
    assert response.status_code == status and response.json()["error"]["status"] == status


def test_payloads_come_back_escaped_in_html(hostile):
    _, http, report = hostile
    for doc in report["documents"]:
        html = http.get(f"/documents/{quote(doc['doc_id'])}").text
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
        assert "&lt;script&gt;" in html


def pages_showing(http, report) -> list[str]:
    """Every page where the hostile documents or what was extracted from them appear."""
    paths = ["/", "/documents", "/search?q=" + quote("<script>"), "/search?q=onerror", "/stories", "/claims",
             "/actors", "/relations", "/network", "/events", "/ingest"]
    paths += [f"/documents/{quote(d['doc_id'])}" for d in report["documents"]]
    for doc in report["documents"]:
        knowledge = http.get(f"/documents/{quote(doc['doc_id'])}.json").json()["knowledge"]
        paths += [f"/actors/{quote(a, safe=':')}" for a in sorted(set(knowledge["actors"].values()))]
        paths += [f"/events/{quote(e['id'])}" for e in knowledge["events"]]
        paths += [f"/relations/{quote(r['id'])}" for r in knowledge["relations"]]
    return list(dict.fromkeys(paths))


@pytest.mark.browser
def test_nothing_executes_on_any_page_that_shows_it(hostile, watched):
    server, http, report = hostile
    page = watched.page
    paths = pages_showing(http, report)
    assert len(paths) > 15
    for path in paths:
        response = page.goto(server.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        assert watched.dialogs == [], f"{path}: a payload ran: {watched.dialogs}"
        assert watched.errors == [], f"{path}: {watched.errors}"
    pasted = next(d for d in report["documents"] if d["title"] == TITLE)
    page.goto(server.url + "/documents/" + quote(pasted["doc_id"]))
    assert page.locator("#doc-title").inner_text() == TITLE  # shown as text, exactly
    assert page.evaluate("() => document.querySelectorAll('main img, main script, main svg:not(.timeline):not(.map)').length") == 0
