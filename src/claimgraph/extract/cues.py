"""Reporting cues: which verbs report speech or stance, and where their parts are in the parse.

Verbs are tiered by how they carry content, because "show", "want" or "call" report
something only with the right complement:
- every cue verb takes a clausal complement ("said that …", "believes the groups …");
- PARENTHETICAL verbs also report the rest of the sentence ("…, commanders say.");
- XCOMP verbs report their infinitive ("refused to step in", "urged them to leave");
- OBJECT verbs report their object ("called for a ceasefire", "referred to X as Y").
"""

from __future__ import annotations

from spacy.tokens import Token

PARENTHETICAL = {
    "say", "tell", "add", "state", "note", "explain", "write", "claim", "insist", "argue", "warn",
    "report", "confirm", "acknowledge", "admit", "allege", "announce", "believe", "estimate", "recall",
    "reply", "tweet", "testify", "concede", "contend", "assert", "caution", "complain", "observe",
    "remark", "stress", "emphasize", "emphasise", "predict", "deny", "charge", "quip", "joke",
    "boast", "lament", "counter", "retort", "reiterate", "repeat", "suggest", "conclude", "post",
}
XCOMP_CUES = {
    "want", "plan", "refuse", "decline", "promise", "pledge", "vow", "threaten", "urge", "ask",
    "agree", "hope", "intend", "seek", "propose", "vote", "decide", "demand", "call",
    "claim", "tell", "warn", "encourage", "order", "instruct", "press", "push", "advise",
}
OBJECT_CUES = {
    "call", "cite", "criticize", "criticise", "condemn", "blast", "praise", "mention", "describe",
    "refer", "accuse", "announce", "deny", "confirm", "question", "support", "oppose", "reject",
    "dismiss", "welcome", "defend", "demand", "propose", "urge", "unveil", "label", "brand", "dub",
    "charge", "slam", "denounce", "hail", "applaud", "blame", "predict", "recommend", "estimate",
    "report", "reveal", "disclose", "rule", "rail", "point", "warn", "complain", "speak", "dispute",
    "acknowledge", "challenge", "endorse", "promise", "pledge", "vow", "like", "liken", "compare",
    "characterize", "characterise", "tout", "credit", "argue",
    # stances taken toward an object, which attribution annotators mark as well
    "discuss", "express", "reference", "highlight", "invoke", "examine", "promote", "ignore", "weigh",
    "mock", "ridicule", "lambast", "champion", "advocate", "voice",
}
OTHER_CUES = {
    "show", "find", "indicate", "reveal", "think", "know", "learn", "hope", "fear", "expect", "worry",
    "feel", "understand", "realize", "realise", "doubt", "signal", "hint", "declare", "respond",
    "answer", "guess", "speculate", "suspect", "suppose", "assume", "wonder", "assure", "insist",
    "maintain", "agree", "disagree", "recognize", "recognise", "imply", "posit", "project",
    "calculate", "see", "hear", "read", "echo", "comment", "return", "reach", "demonstrate",
    "prove", "confess",
}
RESPONSIBILITY_VERBS = {"claim", "take", "accept", "assume"}  # "… responsibility for the attack"
# Verbs of manner or sequence that report speech only beside a quotation or a colon
# ("“…,” she continued.", "Limbaugh continued:"), never by themselves ("continued to fight").
QUOTE_ONLY = {"continue", "shout", "yell", "scream", "chant", "sing", "exclaim", "laugh", "recount",
              "muse", "sigh", "cry", "whisper", "quote", "begin", "go", "ask", "wonder"}
# Nouns that report a stance of their possessor: "Trump's claim that …", "his admission that …".
REPORT_NOUNS = {
    "claim", "assertion", "allegation", "accusation", "charge", "argument", "belief", "view", "conclusion",
    "statement", "announcement", "admission", "acknowledgment", "acknowledgement", "insistence", "promise",
    "pledge", "warning", "suggestion", "hope", "fear", "concern", "suspicion", "contention", "prediction",
    "estimate", "assessment", "complaint", "denial", "missive", "comment", "remark", "theory", "idea",
    "notion", "position", "bet", "assurance", "boast", "confidence", "doubt", "finding", "recommendation",
}
CUE_VERBS = PARENTHETICAL | XCOMP_CUES | OBJECT_CUES | OTHER_CUES | RESPONSIBILITY_VERBS | QUOTE_ONLY
# Verbs that report without a named speaker in the impersonal passive: "it was reported that …".
IMPERSONAL_OK = {"report", "believe", "say", "claim", "allege", "estimate", "expect", "think",
                 "know", "understand", "announce", "confirm", "suspect", "rumor", "rumour"}
# An agentless passive of these reports its whole clause with no named source: "About one in
# nine voters is expected to be Latino", "he was accused of …". (The annotators leave the source empty.)
AGENTLESS_PASSIVE = IMPERSONAL_OK | {"accuse", "blame", "criticize", "criticise", "consider", "predict",
                                     "project", "describe", "deem", "regard", "view", "portray",
                                     "implicate", "question", "doubt", "debate"}
# Verbs of appearance: "Melania seems to have vanished" is the writer's hedged claim, no source.
APPEARANCE = {"seem", "appear"}
GATE_VERBS = CUE_VERBS | APPEARANCE | AGENTLESS_PASSIVE  # every verb the stage looks at
OBJECT_PREPS = {"for", "to", "about", "against", "of", "on", "as", "that", "with"}
# Talking reports only its topic: "spoke of the legacy", not "spoke to reporters", "for five minutes".
TOPIC_PREPS = {"about", "of", "on", "out"}
TALK_VERBS = {"speak", "talk"}
# "In the poll, Clinton led …": a document opening the sentence is its source when no verb reports.
SOURCE_DOCUMENTS = {"poll", "polls", "survey", "surveys", "study", "report", "analysis", "memo", "filing",
                    "letter", "statement", "tweet", "post", "op-ed", "editorial", "interview", "book", "ruling"}
CONTENT_DEPS = {"dobj", "oprd", "xcomp", "ccomp", "attr"}
# Parts of a cue's own clause, cut out of a parenthetical's content ("…, he said in a statement.").
CLAUSE_DEPS = {"aux", "auxpass", "neg", "advmod", "npadvmod", "prt", "dative", "dobj", "prep", "agent",
               "nsubj", "nsubjpass", "cc", "intj"}
SHARED_SUBJECT_DEPS = {"xcomp", "conj", "advcl"}
HABIT_VERBS = {"begin", "start", "continue", "tend", "use", "stop", "keep"}
NO_COMMENT_VERBS = {"respond", "reply", "comment", "return", "answer", "reach"}
NO_COMMENT_OBJECTS = {"comment", "discuss", "respond", "elaborate", "confirm", "say", "answer", "speak",
                      "provide", "give", "detail"}
CONFIRM_VERBS = {"confirm", "corroborate", "verify", "echo", "back", "support"}
ACCOUNT_NOUNS = {"account", "accounts", "report", "reports", "information", "claim", "claims", "story",
                 "version", "details", "assessment", "description", "this", "that", "it", "testimony",
                 "allegation", "allegations"}


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The speaker: nsubj, the agent of a passive, or the subject the verb shares with its head."""
    for child in _nearest_first(verb):
        if child.dep_ == "nsubj" and child.lower_ != "it" or child.dep_ == "nsubj" and not _expletive(verb):
            return child
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        return None  # an impersonal passive: "it was reported that …"
    if depth < 3 and verb.dep_ in SHARED_SUBJECT_DEPS and verb.head.i != verb.i:
        return subject_of(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return _governor_subject(verb.head.head, depth)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _nearest_first(verb: Token) -> list[Token]:
    """The verb's children nearest first, leaving out any across a paragraph break: a
    dateline or timestamp ("12:15 p.m.\n\nTrump says …") that the parser made a second subject."""
    doc = verb.doc
    lo_break = max((t.i for t in doc[verb.sent.start:verb.i] if "\n" in t.text), default=-1)
    hi_break = min((t.i for t in doc[verb.i:verb.sent.end] if "\n" in t.text), default=len(doc))
    return sorted((c for c in verb.children if lo_break < c.i < hi_break), key=lambda c: abs(c.i - verb.i))


def _governor_subject(head: Token, depth: int) -> Token | None:
    """The subject of the clause a "by/after/aside from saying …" phrase hangs on: the one
    who responded, or was whisked off, is the one saying."""
    if head.pos_ == "ADV" and head.head.i != head.i:
        head = head.head  # "aside from saying"
    if head.pos_ not in ("VERB", "AUX"):
        return None
    passive = [c for c in head.children if c.dep_ == "nsubjpass"]
    return passive[0] if passive else subject_of(head, depth + 1)


def _expletive(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in verb.children) and any(c.dep_ == "auxpass" for c in verb.children)


def complement_of(verb: Token) -> list[Token]:
    """The heads of what the verb reports, by its tier; empty where it reports nothing by itself."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if clauses:
        return clauses
    if lemma in RESPONSIBILITY_VERBS and any(c.dep_ == "dobj" and c.lower_ in ("responsibility", "credit")
                                             for c in children):
        return [c for c in children if c.i > verb.i and (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "for")]
    if lemma in XCOMP_CUES:
        xcomps = [c for c in children if c.dep_ == "xcomp"]
        if xcomps:
            return [c for c in children if c.dep_ in ("dobj", "xcomp") and c.i > verb.i]
    if lemma in OBJECT_CUES:
        preps = TOPIC_PREPS if lemma in TALK_VERBS else OBJECT_PREPS
        parts = [c for c in children if c.i > verb.i and (c.dep_ in CONTENT_DEPS or
                 c.dep_ == "prep" and c.lower_ in preps and not _when(c))]
        if any(p.dep_ != "prep" or any(g.dep_ == "pobj" for g in p.children) for p in parts):
            return parts
    return []


def _when(prep: Token) -> bool:
    """"on Thursday", "for five minutes": a time, not what was said."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def describes_habit(verb: Token) -> bool:
    """"began to claim responsibility", "used to say": a pattern of behaviour, not a statement."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in HABIT_VERBS


def is_no_comment(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children)
    if lemma in NO_COMMENT_VERBS and negated:
        return lemma != "reach" or any(c.dep_ == "auxpass" for c in verb.children)
    if lemma in ("decline", "refuse"):
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT_OBJECTS for c in verb.children)
    return False


def is_corroboration(verb: Token) -> bool:
    return confirmers_of(verb) != (None, None)


def confirmers_of(verb: Token) -> tuple[Token | None, Token | None]:
    """(who confirms, the account confirmed) for "the account was confirmed by X" / "X confirmed this"."""
    if verb.lemma_.lower() not in CONFIRM_VERBS:
        return None, None
    agent = subject_of(verb)
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "dobj") and child.lemma_.lower() in ACCOUNT_NOUNS:
            if child.pos_ == "PRON" or any(d.lower_ in ("the", "this", "that", "these") for d in child.children):
                return (agent, child) if agent is not None else (None, None)
    return None, None


def has_object(verb: Token) -> bool:
    """Whether the verb governs an object, a clause or a prepositional phrase of its own."""
    return any(c.dep_ in ("dobj", "xcomp", "attr", "oprd") or c.dep_ == "prep" and c.i > verb.i
               for c in verb.children)


def noun_complement(noun: Token) -> tuple[Token | None, Token | None]:
    """(possessor, clause) of a reporting noun: "Trump's claim that …"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    clause = next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and _finite(c)), None)
    return owner, clause


def _finite(clause: Token) -> bool:
    """A that-clause with its own subject; an infinitive ("his plan to …") reads as an act, not a stance."""
    return any(c.dep_ == "mark" and c.lower_ == "that" or c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def agentless_passive(verb: Token) -> Token | None:
    """The passive subject of "X is expected to …" / "X was accused of …" (no "by" agent), else None."""
    if verb.lemma_.lower() not in AGENTLESS_PASSIVE or any(c.dep_ == "agent" for c in verb.children):
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if verb.lemma_.lower() == "know" and any(c.lower_ == "as" for c in verb.children):
        return None  # "what has become known as …" names, it does not report
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children):
        return None  # "it was reported that …": the that-clause alone is the content
    return subject
