"""Web fixtures: the demo store built once through the real pipeline, the app over it
(in process, and served by uvicorn on a free loopback port), and Debian's chromium."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.config import Settings
from tests.conftest import REPO

DEMO = REPO / "src" / "claimgraph" / "demo" / "corpus.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory) -> str:
    """A store holding the demo corpus, ingested by the real pipeline (once per session)."""
    from claimgraph.ingest import ingest_paths
    from claimgraph.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'demo.sqlite'}"
    store = open_store(url)
    report = ingest_paths([DEMO], store, Settings().with_options(db_url=url))
    store.close()
    assert not report.problems and report.documents >= 40
    return url


def make_app(url: str, **options):
    from claimgraph.web.app import create_app

    return create_app(Settings().with_options(db_url=url), **options)


@pytest.fixture(scope="session")
def client(live_demo):
    """HTTP to the live server (Starlette's TestClient warns about httpx, and warnings are errors)."""
    import httpx

    with httpx.Client(base_url=live_demo.url, timeout=60) as http:
        yield http


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """uvicorn in a background thread on 127.0.0.1."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def live_demo(demo_url) -> Iterator[LiveServer]:
    with LiveServer(make_app(demo_url)) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium; CI installs it)")
    from playwright.sync_api import sync_playwright

    # Playwright gives every launch a fresh temporary profile (its own --user-data-dir).
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page whose dialogs, console errors and page errors are recorded."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Watched(page)
    context.close()
