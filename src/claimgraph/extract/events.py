"""Stage `events`: the events a report tells of, coded in ACLED's taxonomy.

Per sentence: find the asserted triggers (triggers.py), fold the casualty words and the
triggers that describe one happening into one event ("a car bomb exploded, killing five":
one event with five deaths), code it (event_types.py), and fill its arguments
(event_args.py), casualties (casualties.py), date and background flag. Then across the
document, a definite mention of an earlier event ("the Erbil attack", "these attacks") joins
that event as a further mention instead of counting twice.

Adds: `ex.events`, and provisional entities for unnamed actors and implied weapons.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Span, Token

from claimgraph import time as timex
from claimgraph.extract import event_args as args
from claimgraph.extract.casualties import Casualties, Mention, find_mentions
from claimgraph.extract.event_types import code, type_of, weapon_subtype
from claimgraph.extract.model import DateInterval, Entity, Event, Extraction
from claimgraph.extract.triggers import Trigger, find_triggers, governing_verb
from claimgraph.registry.lexicons import load_demonyms, load_weapons

VIOLENT = {"attack", "kill", "clash", "protest", "riot"}
CATEGORY = {"attack": "attack", "kill": "attack", "clash": "attack", "arrest": "arrest", "protest": "protest",
            "riot": "protest"}
DEFINITE = {"the", "this", "these", "that", "those", "such"}
BACKGROUND_PREPS = {"since", "before", "anniversary", "memory", "wake"}
AFTER_PREPS = {"after", "following"}
REPORTING = {"say", "tell", "report", "announce", "confirm", "add", "state", "claim", "note"}
OLD_DAYS = 365  # an event dated more than a year before publication is recalled, not reported
EXPLOSIVE_KINDS = {"ied", "vbied", "suicide"}  # kinds of bomb (weapons.yaml subkinds)
SITE_TARGETS = {"facility", "state", "description"}  # places that can be what was hit ("a police checkpoint")


@dataclass
class _Draft:
    """An event while the stage builds it."""

    trigger: Trigger
    family: str
    sent: Span
    subtype: str = ""
    mentions: list[tuple[int, int]] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    perpetrators: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    place: str | None = None
    date: DateInterval | None = None
    own_date: bool = False  # the date hangs off this trigger's clause (not another event's)
    background: bool = False
    heads: list[Token] = field(default_factory=list)  # the trigger heads folded into this event
    sent_no: int = 0
    base: _Draft | None = None  # the event an enumerated item was split from
    trigger_info: int | None = None  # how much the trigger's own sentence tells (see _info)

    @property
    def category(self) -> str | None:
        return CATEGORY.get(self.family) if self.subtype != "Arrests" else "arrest"


def _fill_missing_places(ex: Extraction, drafts: list[_Draft], demonyms: dict[str, str]) -> None:
    """An event whose sentence names no place happened where the next or previous sentence
    puts it, when that sentence locates exactly one town or site ("… killing three. The
    attack occurred in Samarra"). Failing that, in the one state its own sentence ties it to
    by name or nationality ("pro-Iranian Iraqi militias … after mass protests against Iranian
    influence": Iraq; the state supported or opposed is not the place), else in the report's
    dominant state (only where the report names no town or site); never in the state that
    is the event's own perpetrator. A state is a country-precision place, so the record claims no more."""
    if all(draft.place is not None for draft in drafts):
        return  # nothing to place: skip the per-document state and place indexes
    located = _located_places_by_sentence(ex)
    states = args.StateMentions(ex, demonyms)
    # a report that names towns or sites tells where its events were; one it fails to tie to an
    # event is no licence to fall back on the country
    dominant = states.dominant() if not _names_towns(ex) else None
    for draft in drafts:
        if draft.place is not None:
            continue
        near = located.get(draft.sent_no + 1) or located.get(draft.sent_no - 1)
        state = states.only_one(draft.sent_no) or dominant
        if state is not None and (state.id in draft.perpetrators or state in states.attackers.get(draft.sent_no, ())):
            state = None  # "an American drone strike": the attacker's state is often not the setting
        chosen = near or state
        if chosen is not None:
            draft.place = chosen.id


def _most_specific_weapons(weapons: list[str], subkinds: dict[str, str | None]) -> list[str]:
    """"A suicide bomber blew himself up ... the bombing": one suicide vest, not a vest and a bomb;
    a generic bomb beside a kind of bomb is that bomb."""
    if not any(subkinds.get(w) in EXPLOSIVE_KINDS for w in weapons):
        return weapons
    return [w for w in weapons if subkinds.get(w) != "bomb"]


def _names_towns(ex: Extraction) -> bool:
    return any(e.kind == "place" and e.geo is not None and e.geo.precision in ("site", "city") for e in ex.entities)


def _located_places_by_sentence(ex: Extraction) -> dict[int, Entity]:
    """Sentence number -> the one town or site it locates (sentences naming several are left out)."""
    starts = [sent.start_char for sent in ex.doc.sents]
    found: dict[int, set[str]] = {}
    by_id = {}
    for entity in ex.entities:
        if entity.kind == "place" and entity.geo is not None and entity.geo.precision in ("site", "city"):
            by_id[entity.id] = entity
            for start, _ in entity.mentions:
                found.setdefault(bisect.bisect_right(starts, start) - 1, set()).add(entity.id)
    return {n: by_id[ids.pop()] for n, ids in found.items() if len(ids) == 1}


class Events:
    """Stage `events` (see the module docstring)."""

    name = "events"

    def __init__(self) -> None:
        self.weapons = load_weapons()
        self.demonyms = load_demonyms()

    def __call__(self, ex: Extraction) -> None:
        index = args.EntityIndex(ex)
        dates = _DateIndex(ex)
        drafts: list[_Draft] = []
        for number, sent in enumerate(ex.doc.sents):
            for draft in self._sentence(ex, sent, index, dates):
                draft.sent_no = number
                drafts.append(draft)
        merged = _merge_coreferent(drafts)
        _fill_missing_places(ex, merged, self.demonyms)
        subkinds = {e.id: e.subkind for e in ex.entities if e.kind == "weapon"}
        for draft in merged:
            draft.weapons = _most_specific_weapons(draft.weapons, subkinds)
            ex.events.append(_event(ex, draft))
        _link_claims(ex)

    def _sentence(self, ex: Extraction, sent: Span, index: args.EntityIndex, dates: _DateIndex) -> list[_Draft]:
        triggers = find_triggers(sent)
        if not triggers:
            return []
        drafts = _group(triggers, sent)
        kept = [d for d in drafts if self._fill(ex, d, index, dates) and not _generic(d)]
        items = [item for d in kept for item in _enumerated(d, index, dates, ex.document.published)]
        _attach_casualties(kept, find_mentions(sent), index)
        self._attach_weapons(kept, sent.doc[sent.start:_extended_end(sent)], index)
        for item in items:  # items of an enumeration share the weapons the sentence names
            item.weapons = list(item.base.weapons) if item.base is not None else item.weapons
        return kept + items

    def _fill(self, ex: Extraction, draft: _Draft, index: args.EntityIndex, dates: _DateIndex) -> bool:
        """Roles, code, place, date; False where the sentence reports no ACLED event."""
        perps, targets = [], []
        for head in draft.heads:
            p, t = args.roles(head, index)
            perps, targets = perps + p, targets + t
        actors = args.actors_of(perps, targets, index)
        context = _context(draft)
        if draft.trigger.head.lemma_.lower() == "raid" and actors.perpetrator == "state" and \
                weapon_subtype(context.lower()) is None:
            return False  # a police raid is an operation; its arrests or seizures are coded by their words
        subtype = code(draft.family, context, actors, draft.trigger.head.lemma_.lower())
        if subtype is None:
            return False
        draft.subtype = subtype
        draft.perpetrators = _ids(index, perps, exclude_places=True)
        draft.targets = [i for i in _ids(index, targets, exclude_places=True) if i not in draft.perpetrators]
        place = args.place_of(draft.trigger.head, draft.sent, index)
        draft.place = place.id if place is not None else None
        draft.date = dates.for_trigger(draft.trigger.head, ex.document.published)
        draft.own_date = dates.attached_to(draft.trigger.head)
        draft.background = _background(draft, ex.document.published)
        return True

    def _attach_weapons(self, drafts: list[_Draft], sent: Span, index: args.EntityIndex) -> None:
        """Each weapon word goes to the nearest violent event. A trigger that implies its weapon
        ("the bombing", "shot") is the event, not an instrument named beside it: its weapon
        entity is kept for the record but is no argument."""
        violent = [d for d in drafts if d.family in VIOLENT]
        if not violent:
            return
        heads = {h.i for d in drafts for h in d.heads}
        for token, weapon_id in args.weapon_tokens(sent):
            entity = args.weapon_entity(index, token, weapon_id, self.weapons)
            if token.i in heads and token.ent_type_ != "WEAPON":
                continue
            draft = min(violent, key=lambda d: abs(d.trigger.head.i - token.i))
            if entity is not None and entity.id not in draft.weapons:
                draft.weapons.append(entity.id)


def _generic(draft: _Draft) -> bool:
    """"They are responsible for a series of attacks": a plural, undated, placeless mention in a
    present-tense sentence describes a pattern, not an event."""
    head = draft.trigger.head
    verb = governing_verb(head)
    c = draft.casualties
    return head.tag_ == "NNS" and verb is not None and verb.tag_ in ("VBP", "VBZ") and draft.date is None \
        and draft.place is None and not (c.fatal_seen or c.injured_seen)


def _enumerated(draft: _Draft, index: args.EntityIndex, dates: _DateIndex, published: date | None) -> list[_Draft]:
    """"attacks, including against X this month, at Y in April and against Z in January": one
    event per dated item. The first item stays with the trigger; each other item is an event whose
    trigger is its own phrase ("at Erbil International Airport")."""
    head = draft.trigger.head
    including = next((t for t in head.subtree if t.lower_ == "including"), None)
    if head.tag_ != "NNS" or including is None:
        return []
    doc = head.doc
    end = _extended_end(draft.sent)
    items = [s for start in _sentence_starts(draft.sent, end) for s in dates.by_sentence.get(start, [])
             if including.i < s.start < end]
    if len(items) < 2:
        return []
    _fill_item(draft, doc[including.i + 1: items[0].end], items[0], index, published)
    out = []
    for before, span in zip(items, items[1:]):
        phrase = doc[before.end: span.end]
        words = [t for t in phrase if not (t.is_punct or t.dep_ == "cc" or t.lower_ == "and")]
        if not words or words[0].i >= span.start:
            continue
        last = max(t.i for t in words if t.i < span.start and t.pos_ != "ADP")
        item = _Draft(Trigger(words[0], words[0].i, last + 1, draft.family), draft.family, words[0].sent,
                      subtype=draft.subtype, heads=[words[0]], background=draft.background,
                      perpetrators=list(draft.perpetrators), base=draft)
        _fill_item(item, phrase, span, index, published)
        out.append(item)
    return out


def _sentence_starts(sent: Span, end: int) -> list[int]:
    """The starts of a sentence and of the broken-off fragments that continue it, up to `end`."""
    starts, doc = [sent.start], sent.doc
    while starts and doc[starts[-1]].sent.end < end:
        starts.append(doc[starts[-1]].sent.end)
    return starts


def _fill_item(draft: _Draft, phrase: Span, when: Span, index: args.EntityIndex, published: date | None) -> None:
    place = _most_specific_place(phrase, index) or _state_named(phrase, index)
    if place is not None:
        draft.place = place.id
    interval = timex.resolve(when.text, published)
    if interval is not None:
        draft.date = _interval(interval, when)


def _most_specific_place(phrase: Span, index: args.EntityIndex):
    """"against US-led forces at Iraqi Ain al-Asad airbase": the site, not the state in "US-led"."""
    places = []
    for token in phrase:
        entity = index.by_token.get(token.i)
        if entity is not None and entity.kind == "place" and entity not in places:
            if entity.subkind == "state" and token.dep_ in ("amod", "compound", "npadvmod", "nmod", "poss"):
                continue
            places.append(entity)
    return min(places, key=args.rank_place) if places else None


def _state_named(phrase: Span, index: args.EntityIndex):
    """"against Saudi Arabia in January": a state named as the target is also where it happened."""
    entity = index.at(phrase, kind="place")
    return entity if entity is not None and entity.subkind == "state" else None


def _extended_end(sent: Span) -> int:
    end, doc = sent.end, sent.doc
    while end < len(doc) and doc[end].is_punct and doc[end].text in {",", ";"}:
        end = doc[end].sent.end  # ". , at Erbil ...": a broken sentence that goes on
    return end


def _context(draft: _Draft) -> str:
    """The text the code is read from: the sentence, a fragment continuing it, and a next
    sentence that goes on about the same event ("The attacks - mostly using grenades - ...")."""
    sent = draft.sent
    doc = sent.doc
    end = _extended_end(sent)
    if end < len(doc) and _refers_back(doc[end].sent) and weapon_subtype(doc[sent.start:end].text.lower()) is None:
        end = doc[end].sent.end
    return doc[sent.start:end].text


def _refers_back(sent: Span) -> bool:
    first = sent[0]
    if first.lower_ in {"it", "they"}:
        return True
    return first.lower_ in {"the", "this", "these"} and len(sent) > 1 and \
        sent[1].lemma_.lower() in {"attack", "explosion", "blast", "bombing", "strike", "assault", "raid"}


def _ids(index: args.EntityIndex, tokens: list[Token], exclude_places: bool) -> list[str]:
    out: list[str] = []
    for token in tokens:
        entity = args.argument_entity(index, token)
        named_place = entity is not None and entity.kind == "place" and entity.subkind not in SITE_TARGETS
        if entity is None or exclude_places and named_place or entity.id in out:
            continue
        out.append(entity.id)
    return out


# -- grouping triggers into events ---------------------------------------------------------------

def _group(triggers: list[Trigger], sent: Span) -> list[_Draft]:
    """One event per happening: linked triggers fold together; killings join the attack."""
    drafts: list[_Draft] = []
    primary = [t for t in triggers if t.family != "kill"]
    for trig in primary:
        host = next((d for d in drafts if _linked(d, trig)), None)
        if host is None:
            drafts.append(_Draft(trig, trig.family, sent, heads=[trig.head]))
        else:
            host.mentions.append(trig.char_span)
            host.heads.append(trig.head)
    for trig in (t for t in triggers if t.family == "kill"):
        violent = [d for d in drafts if d.family in VIOLENT]
        if violent:
            host = min(violent, key=lambda d: abs(d.trigger.head.i - trig.head.i))
            host.mentions.append(trig.char_span)
            host.heads.append(trig.head)
        else:
            drafts.append(_Draft(trig, "kill", sent, heads=[trig.head]))
    return sorted(drafts, key=lambda d: d.trigger.start)


def _linked(draft: _Draft, trig: Trigger) -> bool:
    """Parent and child in the parse, or through one preposition, and of one kind."""
    if CATEGORY.get(draft.family) != CATEGORY.get(trig.family) and draft.family != trig.family:
        return False
    a, b = draft.trigger.head, trig.head
    # spaCy makes a new Token object on each access: tokens compare by ==, never by "is"
    if a.head == b or b.head == a:
        return a.dep_ != "conj" and b.dep_ != "conj"
    return (b.head.dep_ == "prep" and b.head.head == a) or (a.head.dep_ == "prep" and a.head.head == b) or \
        _equated(a, b) or _equated(b, a)


def _equated(a: Token, b: Token) -> bool:
    """"The Rolando bombing was an attack on 13 September": subject and complement of "be"."""
    return a.dep_ == "nsubj" and b.dep_ == "attr" and a.head == b.head and b.head.lemma_ == "be"


def _attach_casualties(drafts: list[_Draft], mentions: list[Mention], index: args.EntityIndex) -> None:
    """Each casualty phrase goes to the nearest violent event of its sentence, and the people it
    names are among the event's victims (targets). Phrases of one kind in one sentence name
    different victims ("shot four women and killed three men"): summed."""
    violent = [d for d in drafts if d.family in VIOLENT]
    if not violent:
        return
    sums: dict[tuple[int, str], Mention] = {}
    for mention in mentions:
        host = min(violent, key=lambda d: abs(d.trigger.head.i - mention.keyword.i))
        for victim in _ids(index, args.victims(mention.keyword), exclude_places=True):
            if victim not in host.targets and victim not in host.perpetrators:
                host.targets.append(victim)
        key = (id(host), mention.kind)
        if key in sums:
            mention = _plus(sums[key], mention)
        sums[key] = mention
        host.casualties.add(mention.kind, mention.count, mention.phrase)


def _plus(a: Mention, b: Mention) -> Mention:
    count = a.count + b.count if a.count is not None and b.count is not None else a.count or b.count
    return Mention(b.keyword, b.kind, count, b.phrase)


# -- dates ---------------------------------------------------------------------------------------

class _DateIndex:
    """The document's temporal expressions, found once, with their tokens."""

    def __init__(self, ex: Extraction):
        self.spans: list[Span] = []
        self.by_sentence: dict[int, list[Span]] = {}  # sentence start -> its expressions
        for start, end in timex.find_expressions(ex.document.text):
            span = ex.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                self.spans.append(span)
                self.by_sentence.setdefault(span[0].sent.start, []).append(span)

    def attached_to(self, head: Token) -> bool:
        return any(_attached(s, head) for s in self.by_sentence.get(head.sent.start, []))

    def for_trigger(self, head: Token, published: date | None) -> DateInterval | None:
        """The expression attached to the trigger's clause, else the sentence's nearest one."""
        here = self.by_sentence.get(head.sent.start, [])
        attached = [s for s in here if _attached(s, head)]
        pool = attached or [s for s in here if not _reporting(s)]
        for span in sorted(pool, key=lambda s: abs(s.root.i - head.i)):
            interval = timex.resolve(span.text, published)
            if interval is not None:
                return _interval(interval, span)
        return None


def _attached(span: Span, head: Token) -> bool:
    """The expression hangs off the trigger or off the verb of its clause ("on Monday")."""
    verb = governing_verb(head)
    node = span.root
    for _ in range(3):
        node = node.head
        if node == head or node == verb:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _reporting(span: Span) -> bool:
    """"officials said on Tuesday": the date of the saying, not of the event."""
    node = span.root.head if span.root.dep_ != "pobj" else span.root.head.head
    return node.lemma_.lower() in REPORTING


def _interval(interval: timex.TimeInterval, span: Span) -> DateInterval:
    return DateInterval(
        start=interval.start.isoformat() if interval.start else None,
        end=interval.end.isoformat() if interval.end else None,
        precision=interval.precision, text=span.text,
        span=(span.start_char, span.end_char), resolved=interval.resolved,
    )


# -- background ----------------------------------------------------------------------------------

def _background(draft: _Draft, published: date | None) -> bool:
    """Recalled as context: past perfect, "since the killing of", a relative clause or date well
    before publication."""
    head = draft.trigger.head
    verb = governing_verb(head)
    if verb is not None and any(c.lower_ == "had" and c.dep_ == "aux" for c in verb.children) and verb.tag_ == "VBN":
        return True
    if head.dep_ == "pobj" and head.head.lower_ in BACKGROUND_PREPS | AFTER_PREPS:
        return head.head.lower_ in BACKGROUND_PREPS or not _reports_news(draft.sent, head)
    end = draft.date.end if draft.date is not None else None
    return bool(published and end and date.fromisoformat(end) < published - timedelta(days=OLD_DAYS))


def _reports_news(sent: Span, head: Token) -> bool:
    """A sentence whose main verb reports a happening ("died after a gunfight") is news."""
    return sent.root.lemma_.lower() in {"die", "kill", "injure", "wound", "erupt", "occur"}


# -- coreference ---------------------------------------------------------------------------------

def _merge_coreferent(drafts: list[_Draft]) -> list[_Draft]:
    """A definite noun mention of an earlier event of the same kind joins it."""
    kept: list[_Draft] = []
    for draft in drafts:
        hosts = _antecedents(draft, kept)
        if not hosts:
            kept.append(draft)
            continue
        for host in hosts:
            _absorb(host, draft, first=host is hosts[0])
    return kept


def _antecedents(draft: _Draft, kept: list[_Draft]) -> list[_Draft]:
    if draft.family == "kill":
        return _elaborated(draft, kept)
    head = draft.trigger.head
    if head.pos_ not in ("NOUN", "PROPN") or not _definite(head) or draft.category is None:
        return []
    same = [d for d in kept if d.category == draft.category and d.sent.start < draft.sent.start]
    if not same:
        return []
    named = [d for d in same if _names_place_of(head, d)]
    if named:
        return [named[-1]]
    if draft.place is None and (draft.own_date or _dated_possessive(head)) and _day(draft.date):
        # "Saturday's attack" again: the attack reported for that Saturday
        return [d for d in same if _day(d.date) == _day(draft.date)][-1:]
    if draft.place is not None or draft.own_date:
        return [d for d in same if d.place == draft.place][-1:] if draft.place else []
    if head.tag_ == "NNS" and any(c.lower_ in {"these", "those"} for c in head.children):
        last = same[-1].sent_no
        return [d for d in same if d.sent_no == last]
    return [same[-1]]


def _elaborated(draft: _Draft, kept: list[_Draft]) -> list[_Draft]:
    """"They killed 23 soldiers" right after an attack: the attack's toll, not a new event."""
    near = [d for d in kept if d.category == "attack" and 0 < draft.sent_no - d.sent_no <= 2]
    if not near or draft.date is not None and near[-1].date is not None and draft.date.text != near[-1].date.text:
        return []
    host = near[-1]
    return [host] if draft.place is None or draft.place == host.place else []


def _day(when: DateInterval | None) -> str | None:
    return when.start if when is not None and when.precision == "day" and when.start == when.end else None


def _dated_possessive(head: Token) -> bool:
    """"Saturday's attack"."""
    return any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in head.children)


def _definite(head: Token) -> bool:
    """"the attack", "its attack", "the Erbil attack", "Saturday's attack"."""
    return _dated_possessive(head) or any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE | {"its", "their"} or
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)


def _names_place_of(head: Token, draft: _Draft) -> bool:
    """"the Erbil attack" names the place of the event at Erbil International Airport."""
    names = {c.lower_ for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"}
    if not names or draft.place is None:
        return False
    doc = draft.sent.doc
    place_words = {t.lower_ for t in doc[draft.sent.start: draft.sent.end] if t.ent_type_}
    return bool(names & place_words)


def _absorb(host: _Draft, other: _Draft, first: bool) -> None:
    if first:
        host.mentions.extend(other.mentions)
        if host.trigger_info is None:
            host.trigger_info = _info(host)
        if other.family != "kill" and _info(other) > host.trigger_info:
            # the event's trigger is its most informative mention ("the April 15 attack, which
            # killed three"), not merely the first ("the Boston Marathon bombing" in passing)
            host.mentions.append(host.trigger.char_span)
            host.trigger, host.trigger_info = other.trigger, _info(other)
        else:
            host.mentions.append(other.trigger.char_span)
    c = other.casualties
    if host.casualties.fatalities is None and c.fatalities is not None:
        host.casualties.add("fatal", c.fatalities, c.text or "")
    if host.casualties.injured is None and c.injured is not None:
        host.casualties.add("injured", c.injured, c.text or "")
    for name in ("perpetrators", "targets", "weapons"):
        mine = getattr(host, name)
        mine.extend(i for i in getattr(other, name) if i not in mine)


def _info(draft: _Draft) -> int:
    """What one mention's sentence tells of the event: a toll counts most, then date, place, actors."""
    c = draft.casualties
    return 2 * (c.fatalities is not None or c.injured is not None) + draft.own_date + \
        (draft.place is not None) + bool(draft.perpetrators) + bool(draft.targets) + bool(draft.weapons)


# -- output --------------------------------------------------------------------------------------

def _event(ex: Extraction, draft: _Draft) -> Event:
    c = draft.casualties
    return Event(
        id=ex.new_id("v", ex.events), type=type_of(draft.subtype), subtype=draft.subtype,
        trigger=draft.trigger.char_span, date=draft.date, place=draft.place,
        perpetrators=draft.perpetrators, targets=draft.targets, weapons=draft.weapons,
        fatalities=c.fatalities, injured=c.injured, casualty_text=c.text,
        background=draft.background, mentions=sorted(set(draft.mentions)),
    )


def _link_claims(ex: Extraction) -> None:
    """An event is reported by the claims whose content holds one of its triggers."""
    claims = sorted(ex.claims, key=lambda c: c.content[0])
    starts = [c.content[0] for c in claims]
    for event in ex.events:
        for s, e in [event.trigger, *event.mentions]:
            # contents start at or before the trigger; claims rarely nest, so look back a few
            for claim in claims[max(0, bisect.bisect_right(starts, s) - 4): bisect.bisect_right(starts, s)]:
                if claim.content[0] <= s and e <= claim.content[1] and claim.id not in event.claims:
                    event.claims.append(claim.id)
