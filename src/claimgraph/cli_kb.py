"""The knowledge-base commands of `claimgraph`: actors, dossiers, events, claims, the
network, merges and exports, each a thin layer over `claimgraph.kb.KnowledgeBase`."""

from __future__ import annotations

import contextlib
import json

import click

from claimgraph.cli_common import as_date, json_option, settings_for, stderr, store_options
from claimgraph.errors import ClaimgraphError

@contextlib.contextmanager
def _knowledge_base(ctx: click.Context, db_url: str | None):
    """Open the store's knowledge base; our errors become ClickExceptions."""
    from claimgraph.kb import KnowledgeBase
    from claimgraph.store import open_store

    settings = settings_for(ctx, db_url=db_url)
    try:
        store = open_store(settings.db_url)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield KnowledgeBase(store, settings)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def _emit(data, as_json: bool, text) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False) if as_json else text(data))


@click.command()
@store_options
@click.option("--kind", default=None, help="person, organization, or a subkind (armed_group, state_force …).")
@click.option("--q", default=None, help="Only actors with a name containing this text.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@json_option
@click.pass_context
def actors(ctx, db_url, kind, q, limit, as_json) -> None:
    """List the actors of the knowledge base, most documented first."""
    from claimgraph.kb.render import actor_line

    with _knowledge_base(ctx, db_url) as kb:
        found = kb.actors(kind=kind, q=q, limit=limit)
    _emit(found, as_json, lambda rows: "\n".join(actor_line(a) for a in rows) or "no actors")


@click.command()
@click.argument("name")
@store_options
@json_option
@click.pass_context
def actor(ctx, name, db_url, as_json) -> None:
    """The dossier of actor NAME (any alias or id): ties with grades and sources, events
    as perpetrator and target, timeline, and the claims behind each."""
    from claimgraph.kb.render import dossier_text

    with _knowledge_base(ctx, db_url) as kb:
        dossier = kb.actor(name)
    _emit(dossier, as_json, dossier_text)


@click.command()
@store_options
@click.option("--actor", "actor_name", default=None, help="Events with this actor as perpetrator or target.")
@click.option("--type", "type_", default=None, help="ACLED event type or sub-event type.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--country", default=None, help="ISO country code of the place, e.g. IQ.")
@json_option
@click.pass_context
def events(ctx, db_url, actor_name, type_, since, until, country, as_json) -> None:
    """List events merged across reports, with their reports, grades and claims."""
    from claimgraph.kb.render import event_text

    with _knowledge_base(ctx, db_url) as kb:
        found = kb.events(actor=actor_name, type=type_, since=as_date(since), until=as_date(until),
                          country=country)
    _emit(found, as_json, lambda rows: "\n".join(line for e in rows for line in event_text(e)) or "no events")


@click.command()
@store_options
@click.option("--about", default=None, help="Only claims about this actor or made by it.")
@json_option
@click.pass_context
def claims(ctx, db_url, about, as_json) -> None:
    """List the claims behind the facts: who said it, where, and what it bears on."""
    from claimgraph.kb.render import claim_lines

    def text(rows):
        lines = []
        for claim in rows:
            lines += claim_lines([claim], indent="")
            lines += [f"    bears on: {f['summary']} ({f['side']}) [{f['id']}]" for f in claim["facts"]]
        return "\n".join(lines) or "no claims"

    with _knowledge_base(ctx, db_url) as kb:
        found = kb.claims(about=about)
    _emit(found, as_json, text)


@click.command()
@click.argument("name")
@store_options
@click.option("--depth", default=2, show_default=True, type=click.IntRange(1, 6), help="Steps from NAME.")
@json_option
@click.pass_context
def network(ctx, name, db_url, depth, as_json) -> None:
    """The tie network around actor NAME: neighbours, brokers, centrality."""
    from claimgraph.kb.render import network_text

    with _knowledge_base(ctx, db_url) as kb:
        found = kb.network(name, depth=depth)
    _emit(found, as_json, network_text)


@click.group()
def merges() -> None:
    """Actor merges: list them, or undo one (it stays listed, and rebuilds respect it)."""


@merges.command("list")
@store_options
@json_option
@click.pass_context
def merges_list(ctx, db_url, as_json) -> None:
    """List every actor merge with its reason and state."""
    from claimgraph.kb.render import merge_line

    with _knowledge_base(ctx, db_url) as kb:
        found = kb.merges()
    _emit(found, as_json, lambda rows: "\n".join(merge_line(m) for m in rows) or "no merges")


@merges.command("undo")
@click.argument("merge_id")
@store_options
@click.pass_context
def merges_undo(ctx, merge_id, db_url) -> None:
    """Undo merge MERGE_ID and rebuild the knowledge base without it."""
    from claimgraph.kb.render import merge_line

    with _knowledge_base(ctx, db_url) as kb:
        click.echo(merge_line(kb.undo_merge(merge_id)))


@click.command()
@store_options
@click.option("--format", "fmt", required=True, type=click.Choice(["stix", "acled", "graphml", "gexf", "jsonl"]),
              help="stix (STIX 2.1 bundle), acled (CSV), graphml or gexf (Gephi), jsonl (the extraction records).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-", show_default=True,
              help="Write here (- for standard output).")
@click.pass_context
def export(ctx, db_url, fmt, output) -> None:
    """Export the knowledge base in format F."""
    from claimgraph.export import export as run_export

    with _knowledge_base(ctx, db_url) as kb:
        with click.open_file(output, "w", encoding="utf-8") as out:
            counts = run_export(kb.store, fmt, out, settings=kb.settings)
    stderr.print(f"exported {counts}", highlight=False)


COMMANDS = (actors, actor, events, claims, network, merges, export)
