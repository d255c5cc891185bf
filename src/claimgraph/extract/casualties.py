"""Casualty counts: "killing 6 civilians", "two soldiers were wounded", "at least 12 dead",
"three soldiers and two civilians were killed" (5), "no casualties" (0 and 0), "dozens" (no
number, the phrase is kept).

A count is read next to a casualty word: to its right for active verbs ("killed five",
"wounding at least 34", "the death toll rose to 66"), to its left for passives and adjectives
("19 people were killed", "10 people dead"). Numbers joined by "and" in one noun phrase are
summed; what follows "including" is a subset and is skipped. Bounds are read as the number the
text gives: "at least 12" and "more than 260" are 12 and 260.

Decision, "killed himself" / "blew himself up": the attacker's own death is not added. Reports
give victims' counts; adding the bomber would double-count the reports that include him.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

FATAL = {"kill", "dead", "die", "death", "toll", "slay", "slain", "behead", "execute", "massacre", "assassinate"}
INJURED = {"wound", "injure", "injured", "wounded", "hurt", "injury"}
TOLL_VERBS = {"rose", "reached", "risen", "climbed", "stood", "stands", "rises", "hit", "jumped"}
ZERO_FATAL = {"death", "fatality", "dead", "life"}
ZERO_INJURED = {"injury", "wound"}
ZERO_BOTH = {"casualty", "victim"}
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "dozen": 12}
VAGUE = {"dozens", "scores", "hundreds", "thousands", "several", "many", "some", "numerous", "scores",
         "tens", "few", "multiple", "countless"}
NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}  # years, ages in dates, sums
HEDGES = {"at", "least", "more", "than", "over", "nearly", "almost", "about", "around", "some", "up",
          "to", "approximately", "roughly", "an", "estimated", "as", "many", "least", "another", "further",
          "additional", "other", "a", "total", "of", "reportedly", "the"}
SKIP_LEFT = {"be", "have", "also", "reportedly", "all", "both", "were", "was", "been", "being", "later",
             "allegedly", "apparently", "seriously", "critically", "slightly", "badly", "fatally", "each"}
PERSON_NOUNS = {
    "man", "woman", "child", "boy", "girl", "person", "civilian", "soldier", "policeman", "officer",
    "student", "journalist", "worker", "farmer", "teacher", "doctor", "guard", "fighter", "militant",
    "member", "leader", "commander", "official", "resident", "villager", "cleric", "judge", "trooper",
    "driver", "shepherd", "pilgrim", "candidate", "sheikh", "shaykh", "policewoman", "recruit", "elder",
    "mayor", "general", "brother", "son", "daughter", "wife", "husband", "father", "mother", "relative",
    "bodyguard", "mp", "lawmaker", "governor", "chief", "activist", "organizer", "organiser", "imam",
    "militiaman", "brigadier", "colonel", "lieutenant", "captain", "major", "sergeant", "politician",
}
PRONOUNS = {"him", "her"}


@dataclass
class Casualties:
    fatalities: int | None = None
    injured: int | None = None
    text: str | None = None  # the phrases the counts come from ("at least 12 dead; dozens wounded")
    fatal_seen: bool = False  # a fatality is reported, with or without a number
    injured_seen: bool = False

    def add(self, kind: str, count: int | None, phrase: str) -> None:
        """Several phrases for one event: keep the largest number (later reports often repeat)."""
        if kind == "fatal":
            self.fatal_seen = True
            if count is not None and (self.fatalities is None or count > self.fatalities):
                self.fatalities = count
        else:
            self.injured_seen = True
            if count is not None and (self.injured is None or count > self.injured):
                self.injured = count
        self.text = phrase if not self.text else f"{self.text}; {phrase}"


@dataclass
class Mention:
    """One casualty phrase: its keyword token, the kind, the count (None: no number)."""

    keyword: Token
    kind: str  # "fatal" | "injured"
    count: int | None
    phrase: str


def casualty_kind(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in FATAL or token.lower_ in FATAL:
        return "fatal"
    if lemma == "gun" and any(c.lower_ == "down" for c in token.children):
        return "fatal"  # "gunned down"
    if lemma in INJURED or token.lower_ in INJURED:
        return "injured"
    return None


def find_mentions(sent: Span) -> list[Mention]:
    """Every casualty phrase of a sentence, zero phrases included."""
    found: list[Mention] = []
    for token in sent:
        found.extend(_zero(token))
        kind = casualty_kind(token)
        if kind is None or _reflexive(token) or _negated_zero(token):
            continue
        count, phrase = _count_near(token, sent)
        found.append(Mention(token, kind, count, phrase))
    return found


def _reflexive(token: Token) -> bool:
    """"killed himself": the attacker's own death (see the module docstring)."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_ in {"himself", "herself", "themselves"}


def _negated_zero(token: Token) -> bool:
    """"no one was killed", "no deaths": handled by _zero."""
    return any(t.lower_ in {"no", "nobody", "without"} for t in token.doc[max(token.i - 4, 0):token.i])


def _zero(token: Token) -> list[Mention]:
    """"no casualties" (both 0), "no injuries", "no deaths", "no one was hurt", "nobody was killed"."""
    if token.lower_ not in {"no", "nobody", "without", "zero"}:
        return []
    window = token.doc[token.i + 1: token.i + 5]
    phrase = token.doc[token.i: min(token.i + 5, token.sent.end)].text
    for t in window:
        lemma = t.lemma_.lower()
        if lemma in ZERO_BOTH or t.lower_ == "casualties":
            return [Mention(t, "fatal", 0, phrase), Mention(t, "injured", 0, phrase)]
        if lemma in ZERO_FATAL or casualty_kind(t) == "fatal":
            return [Mention(t, "fatal", 0, phrase)]
        if lemma in ZERO_INJURED or casualty_kind(t) == "injured":
            return [Mention(t, "injured", 0, phrase)]
    return []


def _count_near(token: Token, sent: Span) -> tuple[int | None, str]:
    """The count of one casualty word: right for active verbs and tolls, else left."""
    if token.lemma_.lower() == "toll":
        count, phrase = _toll(token, sent)
        if phrase:
            return count, phrase
    if _reads_right(token):
        count, phrase = _right(token, sent)
        if phrase:
            return count, phrase
    count, phrase = _left(token, sent)
    if phrase:
        return count, phrase
    if not _reads_right(token):
        count, phrase = _right(token, sent)
    return count, phrase or token.text


def _reads_right(token: Token) -> bool:
    if token.lemma_.lower() == "toll":
        return True
    passive = any(c.dep_ == "auxpass" for c in token.children) or token.tag_ == "VBN" and token.dep_ in ("acl", "amod")
    return token.pos_ == "VERB" and token.tag_ in ("VBD", "VBG", "VBZ", "VBP", "VB") and not passive


def _right(token: Token, sent: Span) -> tuple[int | None, str]:
    """"killing at least 15 people and 13 soldiers", "killed 5", "toll rose to 66"."""
    i, end = token.i + 1, min(sent.end, token.i + 12)
    doc, total, vague, start = token.doc, 0, False, None
    while i < end:
        t = doc[i]
        if _one_person(t, token):
            start = i if start is None else start
            total += 1
            i = _name_end(t) if t.ent_type_ == "PERSON" else i + 1  # a name counts once
            continue
        value, used = read_number(doc, i, end)
        if used:
            start = i if start is None else start
            vague = vague or value is None
            total += value or 0
            i += used
            continue
        if t.tag_ == "PRP$" or t.dep_ == "prt" or t.text == "," and i > 0 and _one_person(doc[i - 1], token) and \
                _list_goes_on(doc, i + 1, end):
            i += 1  # "killing the mayor and his son", "killing him, his wife, two sons and a daughter"
            continue
        if t.lower_ not in HEDGES and t.lower_ not in TOLL_VERBS and _stops_right(t):
            break
        i += 1
    if start is None:
        return _singular_right(token, sent)
    phrase = doc[token.i:i].text
    return (None if vague and total == 0 else total), phrase


def _name_end(t: Token) -> int:
    i = t.i + 1
    while i < len(t.doc) and t.doc[i].ent_iob_ == "I" and t.doc[i].ent_type_ == "PERSON":
        i += 1
    return i


def _one_person(t: Token, keyword: Token) -> bool:
    """"killing the mayor and his son" is two; "killed Ali Hussein" one; "killed him" one."""
    if t.lower_ in PRONOUNS and t.i == keyword.i + 1:
        return True
    if t.ent_type_ == "PERSON":
        return True
    if t.tag_ in ("NN", "NNP") and t.lower_ in PERSON_NOUNS:
        if t.dep_ == "compound" or t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in PERSON_NOUNS:
            return False  # "a brigadier general" is one; "the brother of an MP" is the brother
        return not any(c.like_num for c in t.lefts)
    return False


def _list_goes_on(doc, i: int, end: int) -> bool:
    """After a comma, the list of victims continues: "his wife", "two sons", "a daughter"."""
    if i >= end:
        return False
    t = doc[i]
    if t.like_num:  # "two sons"; not "two of them", a subset
        return t.ent_type_ not in NOT_COUNTS and not (i + 1 < end and doc[i + 1].lower_ == "of")
    return t.tag_ == "PRP$" or t.lower_ in {"a", "an"} or t.lower_ in PERSON_NOUNS


def _stops_right(t: Token) -> bool:
    return t.pos_ in ("VERB", "ADP", "SCONJ", "PRON") or t.is_punct and t.text != "-"


def _singular_right(token: Token, sent: Span) -> tuple[int | None, str]:
    """"killed a policeman" is one."""
    for t in token.doc[token.i + 1: min(sent.end, token.i + 5)]:
        if t.lower_ in {"a", "an"} and _person_after(t, sent):
            return 1, token.doc[token.i: t.i + 2].text
        if t.pos_ in ("VERB", "ADP", "PUNCT"):
            break
    return None, ""


def _person_after(det: Token, sent: Span) -> bool:
    for t in det.doc[det.i + 1: min(sent.end, det.i + 4)]:
        if t.pos_ == "NOUN":
            return t.lemma_.lower() in PERSON_NOUNS
    return False


def _left(token: Token, sent: Span) -> tuple[int | None, str]:
    """"three soldiers and two civilians were killed", "10 people dead", "a man was wounded"."""
    doc, total, vague, found, start = token.doc, 0, False, False, token.i
    i = token.i - 1
    singular = subset = False
    while i >= max(sent.start, token.i - 10):
        t = doc[i]
        if t.lower_ in ("including", "among"):
            total, vague, found, singular, subset = 0, False, False, False, True  # a subset: read on
            i -= 1
            continue
        if t.text == "," and not subset and (j := _subset_before(doc, i, sent.start)) is not None:
            i = j  # "Three people, including a sheikh, were killed": skip the subset clause
            continue
        if t.i == token.i - 1 and (t.tag_ == "VBN" or t.tag_ == "VBD" and token.lower_ == "dead"):
            i -= 1  # "shot dead", "beaten to death"
            continue
        if _stops_left(t) or t.text == "," and not subset or t.lower_ == "of" and found:
            break  # "Tamerlan, 26, died"; "two of the 12 killed" is 12
        if t.lemma_.lower() in SKIP_LEFT or t.pos_ in ("AUX", "ADV"):
            i -= 1
            continue
        value, first = _number_ending_at(doc, i, sent.start)
        if first is not None:
            found, start = True, first
            vague = vague or value is None
            total += value or 0
            i = first - 1
            continue
        singular = singular or _singular_person(t)
        start = i
        i -= 1
    phrase = doc[start: token.i + 1].text
    if found:
        return (None if vague and total == 0 else total), phrase
    if singular or _singular_subject(token):
        return 1, phrase if singular else token.text
    return None, ""


def _singular_subject(token: Token) -> bool:
    """"Hatim al-Dulaimi, a candidate, was shot dead": one named or singular passive subject."""
    verb = token if token.pos_ == "VERB" else token.head
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects and verb.dep_ == "acl" and verb.head.tag_ in ("NN", "NNP"):
        subjects = [verb.head]  # "the alleged killer, Chérif Chekatt – shot dead by police"
        if subjects[0].ent_type_ != "PERSON" and any(c.dep_ == "appos" and c.ent_type_ == "PERSON"
                                                     for c in subjects[0].children):
            return True
    return len(subjects) == 1 and subjects[0].tag_ in ("NN", "NNP") and \
        not any(c.dep_ == "conj" for c in subjects[0].children) and \
        (subjects[0].ent_type_ == "PERSON" or subjects[0].lower_ in PERSON_NOUNS)


def _subset_before(doc, i: int, floor: int) -> int | None:
    """The index of an "including" / "among" that opens the clause ending at the comma i."""
    for j in range(i - 1, max(floor, i - 8) - 1, -1):
        if doc[j].lower_ in ("including", "among"):
            return j
        if doc[j].text == ",":
            return None
    return None


def _toll(token: Token, sent: Span) -> tuple[int | None, str]:
    """"the death toll from the bombing rose to 66"."""
    doc = token.doc
    for t in doc[token.i + 1: min(sent.end, token.i + 12)]:
        if t.lower_ in TOLL_VERBS or t.lemma_.lower() in {"rise", "reach", "climb", "stand", "jump"}:
            for u in doc[t.i + 1: min(sent.end, t.i + 5)]:
                value, used = read_number(doc, u.i, sent.end)
                if used:
                    return value, doc[token.i: u.i + used].text
    return None, ""


def _stops_left(t: Token) -> bool:
    if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound") or t.pos_ in ("ADP", "SCONJ", "PRON"):
        return t.lower_ != "of"
    return t.is_punct and t.text not in {"-", ","} or casualty_kind(t) is not None


def _singular_person(t: Token) -> bool:
    return (t.tag_ == "NN" and t.lemma_.lower() in PERSON_NOUNS) or t.ent_type_ == "PERSON"


def read_number(doc, i: int, end: int) -> tuple[int | None, int]:
    """The number starting at token i: (value or None where vague, tokens used); used 0: none."""
    t = doc[i]
    low = t.lower_
    if low in {"a", "an"} and i + 1 < end and doc[i + 1].lower_ in {"dozen", "hundred", "thousand"}:
        return SCALES[doc[i + 1].lower_], 2
    if low in VAGUE and low not in {"some", "many"} or low in {"some", "many"} and _next_is(doc, i, end, {"of"}):
        return None, 1
    value = _word_value(t) if t.ent_type_ not in NOT_COUNTS else None
    if value is None:
        return None, 0
    used = 1
    while i + used < end and doc[i + used].lower_ in SCALES:
        value *= SCALES[doc[i + used].lower_]
        used += 1
    return value, used


def _next_is(doc, i: int, end: int, words: set[str]) -> bool:
    return i + 1 < end and doc[i + 1].lower_ in words


def _word_value(t: Token) -> int | None:
    text = t.text.replace(",", "")
    if text.isdigit():
        return int(text) if len(text) < 7 else None
    low = t.lower_
    if low in UNITS:
        return UNITS[low]
    if "-" in low:  # "twenty-five"
        parts = low.split("-")
        if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS:
            return UNITS[parts[0]] + UNITS[parts[1]]
    return None


def _number_ending_at(doc, i: int, floor: int) -> tuple[int | None, int | None]:
    """Reading leftwards: the number whose last token is i ("two dozen", "1,200", "dozens")."""
    for first in (i - 1, i):
        if first < floor:
            continue
        value, used = read_number(doc, first, i + 1)
        if used and first + used - 1 == i:
            if doc[i].lower_ == "of":
                continue
            return value, first
    return None, None
