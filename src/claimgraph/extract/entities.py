"""Entities: mentions -> entities. This first stage keeps spaCy's own NER labels,
grouping identical names; the registry-driven stage replaces it (actors issue)."""

from __future__ import annotations

from claimgraph.extract.model import Entity, Extraction

# spaCy label -> (kind, subkind). NORP (nationalities) are not actors; dates, numbers … are not entities.
SPACY_KINDS = {
    "PERSON": ("person", None),
    "ORG": ("organization", None),
    "GPE": ("place", None),
    "LOC": ("place", None),
    "FAC": ("place", "facility"),
}


class SpacyEntities:
    """Stage `entities`: one entity per distinct (kind, name) that spaCy's NER finds."""

    name = "entities"

    def __call__(self, ex: Extraction) -> None:
        by_key: dict[tuple[str, str], Entity] = {}
        for span in ex.doc.ents:
            kind = SPACY_KINDS.get(span.label_)
            if kind is None:
                continue
            name = _display_name(span.text)
            key = (kind[0], name.lower())
            entity = by_key.get(key)
            if entity is None:
                entity = Entity(
                    id=ex.new_id("e", ex.entities), kind=kind[0], subkind=kind[1], name=name,
                    provisional=True,
                )
                by_key[key] = entity
                ex.entities.append(entity)
            entity.mentions.append((span.start_char, span.end_char))


def _display_name(text: str) -> str:
    name = " ".join(text.split())
    for prefix in ("the ", "The "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return name.removesuffix("'s").removesuffix("’s")
