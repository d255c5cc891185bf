"""The KB test corpus: three reprints of the seed story (boilerplate, small edits), a
faithful paraphrase of one of its paragraphs, and independent reports on the same attacks."""

from __future__ import annotations

import json
from datetime import date

from claimgraph.document import Document
from tests.conftest import REPO

DEMO = REPO / "src" / "claimgraph" / "demo" / "corpus.jsonl"


def seed_text() -> str:
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["doc_id"] == "seed-iran-iraqi-militias":
            return item["text"]
    raise AssertionError("the seed is missing from the demo corpus")


def _drop_tail(text: str) -> str:
    return text.replace("\n\nSource link\n\nComments are closed.", "")


def reprints() -> list[Document]:
    """Three reprints of the seed: a news site's copy with its boilerplate, a blog's
    copy with a new headline and words changed, an aggregator's copy missing a paragraph."""
    seed = _drop_tail(seed_text())
    site = (
        "Home | World | Middle East\n\n" + seed
        + "\n\nShare this:\nFacebook\nTwitter\nRelated articles: Iraq's militias after Soleimani\n"
        "© 2021 Gulf Daily Digest. All rights reserved."
    )
    body = seed.split("\n\n", 1)[1]
    blog = (
        "EXCLUSIVE: Tehran builds elite loyalist cells inside Iraq's militias\n\n"
        + body.replace("hundreds of trusted fighters", "several hundred trusted fighters")
        .replace("fiercely loyal factions", "fiercely loyal units")
        .replace("Western diplomatic and military sources", "Western diplomats and military sources")
        + "\n\nThis article was republished from Reuters. Subscribe to our newsletter for daily updates."
    )
    paragraphs = seed.split("\n\n")
    aggregator = "\n\n".join(p for i, p in enumerate(paragraphs) if i != 6) + "\n\nRead more on our Iraq page"
    return [
        Document("reprint-site", site, title="Iran develops new Iraqi loyalist militias",
                 published=date(2021, 5, 21), outlet="Gulf Daily Digest"),
        Document("reprint-blog", blog, title="Tehran builds elite loyalist cells inside Iraq's militias",
                 published=date(2021, 5, 22), outlet="Levant Watch Blog"),
        Document("reprint-aggregator", aggregator, title="Iran develops new Iraqi loyalist militias",
                 published=date(2021, 5, 21), outlet="NewsNow Aggregator"),
    ]


# Two reports written independently of the seed and of each other, on the drone attacks on
# Ain al-Asad (May 2021) and Erbil airport (April 2021) that the seed names.
INDEPENDENT_A = """Drone strike on Ain al-Asad air base in western Iraq

A drone strike hit Ain al-Asad Air Base in Anbar province on 8 May, Iraqi officials said. The drone damaged a hangar used by the US-led coalition, and no one was hurt, a coalition spokesman added.

No group claimed responsibility.

A drone strike hit Erbil International Airport on 14 April, Kurdish officials said at the time."""

INDEPENDENT_B = """Erbil airport hit by explosive-laden drone, Kurdish authorities say

An explosive-laden drone struck Erbil International Airport late on Wednesday, 14 April 2021, the interior ministry of the Kurdistan Regional Government said in a statement. The ministry said the drone hit a building used by the US-led coalition and that nobody was killed.

Weeks later, on 8 May, a drone attack hit Ain al-Asad Air Base in Anbar, Iraqi security sources said. The base hosts American troops."""

# A faithful paraphrase of the seed's paragraph on the Lebanon training, as a second wire
# copy would word it: same facts, same wire, hardly a five-word run in common.
PARAGRAPH = 11
PARAPHRASE = """Iraqi fighters trained in Lebanon, officials say

At least 250 fighters went to Lebanon for several months during 2020, Iraqi security officials told Reuters. There, advisers from Iran's Revolutionary Guards and from Lebanon's Hezbollah taught them to fly drones, to fire rockets and to plant bombs, and to publicise the attacks online."""


def independent_reports() -> list[Document]:
    return [
        Document("indep-asad", INDEPENDENT_A, title=INDEPENDENT_A.split("\n")[0],
                 published=date(2021, 5, 9), outlet="Associated Press"),
        Document("indep-erbil", INDEPENDENT_B, title=INDEPENDENT_B.split("\n")[0],
                 published=date(2021, 5, 10), outlet="Rudaw"),
    ]


def seed_document() -> Document:
    return Document("seed-iran-iraqi-militias", seed_text(), title="Iran develops new Iraqi loyalist militias",
                    published=date(2021, 5, 21), outlet="Reuters (machine-translated copy)")


def paragraph_document() -> Document:
    """One paragraph of the seed, as its own short document (the original of the paraphrase)."""
    paragraph = _drop_tail(seed_text()).split("\n\n")[PARAGRAPH]
    text = "Iraqi fighters trained in Lebanon\n\n" + paragraph + " (Reuters)"
    return Document("paragraph-original", text, title="Iraqi fighters trained in Lebanon",
                    published=date(2021, 5, 21), outlet="Reuters")


def paraphrase_document() -> Document:
    return Document("paragraph-paraphrase", PARAPHRASE, title=PARAPHRASE.split("\n")[0],
                    published=date(2021, 5, 22), outlet="Daily Star")
