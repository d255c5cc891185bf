"""Plain-text views of knowledge-base results, for the CLI. Every fact is shown with
its grade, the reasons, and the claims behind it."""

from __future__ import annotations

INDENT = "    "


def actor_line(actor: dict) -> str:
    where = f", {actor['country']}" if actor.get("country") else ""
    flag = " (provisional)" if actor.get("provisional") else ""
    return (f"{actor['name']} [{actor['actor_id']}] {actor['kind']}/{actor.get('subkind') or '-'}{where}{flag}: "
            f"{actor['documents']} documents, {actor['mentions']} mentions")


def claim_lines(claims: list[dict], indent: str = INDENT) -> list[str]:
    lines = []
    for c in claims:
        side = "AGAINST " if c.get("side") == "against" else ""
        lines.append(f"{indent}- {side}{c['source_text']} ({c['source_kind']}, {c['stance']}) in {c['doc_id']} "
                     f"[{c['span'][0]}:{c['span'][1]}], outlet {c.get('outlet') or '?'} ({c['reliability']})")
        lines.append(f"{indent}  “{_short(c['text'])}”")
    return lines


def grade_lines(fact: dict, indent: str = INDENT) -> list[str]:
    head = (f"{indent}grade {fact['admiralty']} ({fact['label']}), {fact['independent_sources']} independent "
            f"source(s), {len(fact['documents'])} document(s) in {len(fact['stories'])} story(ies)"
            + (", DISPUTED" if fact["disputed"] else ""))
    return [head] + [f"{indent}  because: {r}" for r in fact["grade_reasons"]]


def relation_text(fact: dict, claims: bool = True) -> list[str]:
    verb = f"NOT {fact['type']}" if fact["negated"] else fact["type"]
    lines = [f"{fact['source']['name']} —{verb}→ {fact['target']['name']}  [{fact['id']}]", *grade_lines(fact)]
    return lines + (claim_lines(fact["claims"]) if claims else [])


def event_text(event: dict, claims: bool = True) -> list[str]:
    when = event.get("date") or {}
    place = event.get("place") or {}
    lines = [
        f"{when.get('start') or '?'}..{when.get('end') or '?'} ({when.get('precision') or 'undated'}) "
        f"{event['type']} / {event['subtype']} at {place.get('name') or 'unknown place'}  [{event['id']}]",
        f"{INDENT}perpetrators: {_names(event['perpetrators'])}; targets: {_names(event['targets'])}; "
        f"weapons: {', '.join(event['weapons']) or '-'}",
        f"{INDENT}fatalities reported: {_values(event['fatalities'])}; injured: {_values(event['injured'])}",
        f"{INDENT}reports: " + ", ".join(f"{r['doc_id']}/{r['event_id']}" for r in event["reports"]),
        *grade_lines(event),
    ]
    lines += [f"{INDENT}conflict: {c}" for c in event["conflicts"]]
    return lines + (claim_lines(event["claims"]) if claims else [])


def dossier_text(d: dict) -> str:
    lines = [actor_line(d)]
    if d.get("aliases"):
        lines.append(f"aliases: {', '.join(d['aliases'])}")
    if d.get("part_of"):
        lines.append(f"part of: {d['part_of']}")
    if d.get("merge_id"):
        lines.append(f"merged from {', '.join(d['members'])} (merge {d['merge_id']})")
    lines.append(f"\nties ({len(d['ties'])}):")
    for fact in d["ties"]:
        lines += [INDENT + line for line in relation_text(fact)]
    for role in ("perpetrator", "target"):
        lines.append(f"\nevents as {role} ({len(d['events'][role])}):")
        for event in d["events"][role]:
            lines += [INDENT + line for line in event_text(event)]
    lines.append(f"\ntimeline ({len(d['timeline'])}):")
    lines += [f"{INDENT}{t['date'] or '?'}  {t['what']}" + (f"  [{t['id']}]" if t["id"] else "") for t in d["timeline"]]
    lines.append(f"\nclaims made by {d['name']} ({len(d['claims_made'])}):")
    lines += claim_lines(d["claims_made"])
    return "\n".join(lines)


def network_text(net: dict) -> str:
    lines = [f"network of {net['name']} to depth {net['depth']}: {len(net['nodes'])} actors, {len(net['edges'])} ties"]
    names = {n["id"]: n["name"] for n in net["nodes"]}
    for node in net["nodes"]:
        lines.append(f"{INDENT}{'  ' * node['distance']}{node['name']} [{node['id']}] degree "
                     f"{node['degree_centrality']:.3f}, betweenness {node['betweenness']:.3f}")
    lines.append("ties:")
    lines += [f"{INDENT}{names[e['source']]} —{e['type']}→ {names[e['target']]} ({e['admiralty']})" for e in net["edges"]]
    lines.append("brokers: " + (", ".join(names[b] for b in net["brokers"]) or "none"))
    return "\n".join(lines)


def merge_line(merge: dict) -> str:
    state = f"undone {merge['undone_at']}" if merge["undone"] else "active"
    return f"{merge['merge_id']}  {state}  -> {merge['target']}  {merge['reason']}"


def _names(actors: list[dict]) -> str:
    return ", ".join(f"{a['name']} ({', '.join(a['documents'])})" for a in actors) or "-"


def _values(values: list[dict]) -> str:
    return " vs ".join(f"{v['value']} ({', '.join(v['documents'])})" for v in values) or "-"


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
