"""Corroboration, independence and credibility: the Admiralty grade of a fact.

Information credibility, 1-6, from the claims for and against a fact:
  1 confirmed       two or more independent sources, not contradicted
  2 probably true   one independent source from a good outlet (A or B), not contradicted
  3 possibly true   one source from an outlet not known to be good; or contradicted by
                    sources no better than its own
  4 doubtful        only hedged ("seem to", "supposedly"), or denied by its own subject
  5 improbable      contradicted by better-sourced claims (more independent sources
                    against; or as many, from a better outlet)
  6 cannot be judged  nothing asserts it (only refusals to comment)
Source reliability A-F is the outlet's, from the outlet table (F when unknown).
"""

from __future__ import annotations

from claimgraph.kb.claims import SUPPORT, source_key, source_weight

LABELS = {1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
          6: "cannot be judged"}
GOOD = ("A", "B")
# STIX 2.1 Appendix A, Admiralty Credibility -> confidence; 6 has no value.
STIX_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}


def independent_sources(claims: list[dict]) -> tuple[int, list[str]]:
    """Distinct sources among `claims` (see kb.claims.source_key): reprints of one story
    count once; distinct named or typed sources within a story count apart. A headline's
    attribution ("…, Kurdish authorities say") restates its body's, often in other words:
    it counts only where the body of its document offers no claim for the fact."""
    weights: dict[tuple, int] = {}
    labels: dict[tuple, str] = {}
    in_body = {v["doc_id"] for v in claims if not v.get("headline")}
    counted = [v for v in claims if not (v.get("headline") and v["doc_id"] in in_body)]
    for view in sorted(counted, key=lambda v: (v["doc_id"], v["span"])):
        key = source_key(view)
        weights[key] = max(weights.get(key, 0), source_weight(view))
        labels.setdefault(key, f"{view['source_text']} ({view['doc_id']})")
    return sum(weights.values()), [labels[k] for k in sorted(labels, key=str)]


def best_reliability(claims: list[dict]) -> str:
    return min((c["reliability"] for c in claims), default="F")


def assess(support: list[dict], hedges: list[dict], against: list[dict], subjects: set[str]) -> dict:
    """The grade with its reasons. `subjects` are the actors the fact is about: a denial
    by one of them makes the fact doubtful, not improbable."""
    n_for, who_for = independent_sources(support)
    subject_denials = [c for c in against if c["source_actor"] and c["source_actor"] in subjects]
    others = [c for c in against if c not in subject_denials]
    n_against, who_against = independent_sources(others)
    reliability = best_reliability(support or hedges)
    reasons = [f"{n_for} independent source(s) for it" + (f": {'; '.join(who_for)}" if who_for else "")]
    grade = _grade(n_for, len(hedges), n_against, bool(subject_denials),
                   reliability, best_reliability(others), reasons)
    if others:
        reasons.append(f"{n_against} independent source(s) against it: {'; '.join(who_against)}")
    if subject_denials:
        reasons.append("denied by its subject: " + "; ".join(sorted({c["source_text"] for c in subject_denials})))
    reasons.append(f"best outlet reliability {reliability}")
    return {"grade": grade, "label": LABELS[grade], "reliability": reliability, "admiralty": f"{reliability}{grade}",
            "independent_sources": n_for, "sources_against": n_against, "grade_reasons": reasons}


def _grade(n_for: int, n_hedges: int, n_against: int, denied_by_subject: bool,
           reliability: str, reliability_against: str, reasons: list[str]) -> int:
    if n_for == 0 and n_hedges == 0:
        reasons.append("nothing asserts it: it cannot be judged")
        return 6
    if n_against and (n_against > n_for or (n_against == n_for and reliability_against < reliability)):
        reasons.append("contradicted by better-sourced claims")
        return 5
    if denied_by_subject or n_for == 0:
        reasons.append("denied by its subject" if denied_by_subject else "only hedged claims support it")
        return 4
    if n_against:
        reasons.append("contradicted by sources no better than its own")
        return 3
    if n_for >= 2:
        reasons.append("two or more independent sources, none contradicting")
        return 1
    if reliability in GOOD:
        reasons.append(f"one source, from a good outlet ({reliability}), consistent")
        return 2
    reasons.append(f"one source, from an outlet rated {reliability}")
    return 3


def split_by_stance(claims: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """(support, hedges, no_comment) of claims offered for a fact; denials go against it."""
    support = [c for c in claims if c["stance"] in SUPPORT]
    hedges = [c for c in claims if c["stance"] == "hedges"]
    silent = [c for c in claims if c["stance"] == "no_comment"]
    return support, hedges, silent
