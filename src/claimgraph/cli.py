"""The `claimgraph` command: a thin layer of options over the library."""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from datetime import date, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimgraph.config import DEFAULT_DB_URL, Settings, load_settings
from claimgraph.errors import ClaimgraphError

stderr = Console(stderr=True)


def _settings(ctx: click.Context, **options) -> Settings:
    base: Settings = ctx.obj
    return base.with_options(**options)


def store_options(command):
    """--db, shared by every command that touches the store."""

    @click.option(
        "--db", "db_url", metavar="URL", default=None,
        help=f"Store URL: sqlite:///FILE or postgresql://USER@HOST/DB (default: {DEFAULT_DB_URL}, "
        "a SQLite file in the working folder; or CLAIMGRAPH_DB).",
    )
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper


def extractor_options(command):
    """Options of commands that run the extractor."""

    @click.option("--registry", "registry_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  help="A user actor registry (YAML) that adds or overrides entries; repeatable.")
    @click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
                  help="Publication date (YYYY-MM-DD) for inputs that carry none; relative dates resolve against it.")
    @click.option("--processes", "n_process", type=click.IntRange(1, 64), default=None,
                  help="Worker processes for extraction (default 1).")
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)

    return wrapper


def _as_date(value: datetime | None) -> date | None:
    return value.date() if value else None


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} documents"),
        TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(),
        console=stderr, transient=True, disable=not stderr.is_terminal,
    )


class _Ticker:
    """Counts documents into a rich progress bar, with documents per second."""

    def __init__(self, progress: Progress, description: str):
        self.progress = progress
        self.task = progress.add_task(description, total=None, rate=0.0)

    def __call__(self, _document=None) -> None:
        task = self.progress.tasks[self.task]
        elapsed = task.elapsed or 1e-9
        self.progress.update(self.task, advance=1, rate=(task.completed + 1) / elapsed)


def _report_problems(problems) -> None:
    for problem in problems:
        stderr.print(f"[red]error[/red]: {problem}", highlight=False, markup=True, soft_wrap=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A claimgraph.toml settings file (default: ./claimgraph.toml if present, or CLAIMGRAPH_CONFIG).")
@click.version_option(package_name="claimgraph")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    """claimgraph: a sourced knowledge graph of armed groups and conflict, built from news reports."""
    try:
        ctx.obj = load_settings(config_path)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_options
@extractor_options
@click.pass_context
def ingest(ctx, paths, db_url, registry_files, published, n_process) -> None:
    """Read PATHS (files, folders, or - for stdin), extract and store every document,
    then rebuild the knowledge base (stories, actors, facts, grades) from all of them.

    Formats: .txt, .html, .json/.jsonl, RSS and Atom feeds. Bad inputs are reported
    with their file and line; the rest go on, and the exit code is 1 if any failed.
    """
    from claimgraph.ingest import ingest_paths
    from claimgraph.store import open_store

    settings = _settings(ctx, db_url=db_url, registry_files=registry_files, n_process=n_process)
    try:
        store = open_store(settings.db_url)
        with _progress() as progress:
            report = ingest_paths(paths, store, settings, _as_date(published), on_document=_Ticker(progress, "ingest"))
        store.close()
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    _report_problems(report.problems)
    o = report.outcomes
    click.echo(f"ingested {report.documents} documents: {o['new']} new, {o['updated']} updated, "
               f"{o['unchanged']} unchanged; {len(report.problems)} failed")
    if report.kb:
        click.echo("knowledge base: " + ", ".join(f"{v} {k}" for k, v in report.kb.items()))
    if report.problems:
        ctx.exit(1)


@cli.command()
@click.argument("input_path", metavar="INPUT")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write JSON Lines records here (default: standard output).")
@extractor_options
@click.pass_context
def extract(ctx, input_path, output, registry_files, published, n_process) -> None:
    """Extract records from INPUT without a store: one file, or a JSON Lines corpus.

    One document prints one indented record; a corpus writes one record per line.
    """
    from claimgraph.ingest import extract_documents, read_documents

    settings = _settings(ctx, registry_files=registry_files, n_process=n_process)
    problems: list = []
    try:
        documents = read_documents([input_path], _as_date(published), problems)
        with _progress() as progress:
            tick = _Ticker(progress, "extract")
            records = []
            out = open(output, "w", encoding="utf-8") if output else None
            try:
                for result in extract_documents(documents, settings, problems):
                    tick()
                    if out:
                        out.write(json.dumps(result.record, ensure_ascii=False) + "\n")
                    else:
                        records.append(result.record)
            finally:
                if out:
                    out.close()
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_records(records)
    _report_problems(problems)
    if problems:
        ctx.exit(1)


def _print_records(records: list[dict]) -> None:
    if len(records) == 1:
        click.echo(json.dumps(records[0], ensure_ascii=False, indent=2))
        return
    for record in records:
        click.echo(json.dumps(record, ensure_ascii=False))


@cli.command()
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def stats(ctx, db_url, as_json) -> None:
    """Summarise the store: documents, entities, events, claims, the most-mentioned actors."""
    from claimgraph.store import open_store

    settings = _settings(ctx, db_url=db_url)
    try:
        store = open_store(settings.db_url)
        figures = store.stats()
        store.close()
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(format_stats(figures))


def format_stats(figures: dict) -> str:
    lines = [
        f"documents: {figures['documents']}",
        f"entities:  {figures['entities']} ({figures['actors']} distinct actors)",
        f"events:    {figures['events']}",
        f"relations: {figures['relations']}",
        f"claims:    {figures['claims']}",
        "most-mentioned actors:",
    ]
    for i, actor in enumerate(figures["top_actors"], 1):
        lines.append(f"  {i}. {actor['name']} ({actor['kind']}): {actor['mentions']} mentions "
                     f"in {actor['documents']} documents")
    return "\n".join(lines)


@cli.command()
@store_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--allow-ingest", is_flag=True,
              help="Accept documents through the web (upload or paste), for holders of a token printed at start-up.")
@click.pass_context
def serve(ctx, db_url, host, port, allow_ingest) -> None:
    """Serve the web app and HTTP API over the store (OpenAPI at /docs)."""
    import uvicorn

    from claimgraph.web.app import create_app

    settings = _settings(ctx, db_url=db_url)
    try:
        app = create_app(settings, allow_ingest=allow_ingest)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    url = f"http://{host}:{port}/"
    click.echo(f"claimgraph serving {settings.db_url} at {url} (Ctrl+C to stop)")
    if allow_ingest:
        click.echo(f"web ingest is on at {url}ingest; token: {app.state.web.token}")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@click.option("--min-bytes", default=2_000_000, show_default=True, type=click.IntRange(10_000),
              help="Size of the benchmark corpus in bytes of text.")
@click.option("--processes", "n_process", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes, the same for spaCy and claimgraph.")
@click.option("--corpus", "corpus_paths", multiple=True, type=click.Path(exists=True),
              help="Inputs to build the corpus from (default: the demo corpus and, where present, ../shared/eval/data/dev).")
@click.pass_context
def bench(ctx, min_bytes, n_process, corpus_paths) -> None:
    """Throughput: a bare spaCy pass and claimgraph's extraction over the same corpus, in one run."""
    from claimgraph.benchmark import run_benchmark

    settings = _settings(ctx)
    try:
        result = run_benchmark(settings, min_bytes=min_bytes, n_process=n_process,
                               sources=[Path(p) for p in corpus_paths] or None, log=click.echo)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(result.summary_line())


# --- the knowledge base -------------------------------------------------------------------------

@contextlib.contextmanager
def _knowledge_base(ctx: click.Context, db_url: str | None):
    """Open the store's knowledge base; our errors become ClickExceptions."""
    from claimgraph.kb import KnowledgeBase
    from claimgraph.store import open_store

    settings = _settings(ctx, db_url=db_url)
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


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


@cli.command()
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


@cli.command()
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


@cli.command()
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
        found = kb.events(actor=actor_name, type=type_, since=_as_date(since), until=_as_date(until),
                          country=country)
    _emit(found, as_json, lambda rows: "\n".join(line for e in rows for line in event_text(e)) or "no events")


@cli.command()
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


@cli.command()
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


@cli.group()
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


@cli.command()
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


def main() -> None:
    cli(prog_name="claimgraph")


if __name__ == "__main__":
    sys.exit(main())
