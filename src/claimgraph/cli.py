"""The `claimgraph` command: a thin layer of options over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimgraph import cli_kb
from claimgraph.cli_common import as_date, extractor_options, settings_for, stderr, store_options
from claimgraph.config import load_settings
from claimgraph.errors import ClaimgraphError


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

    settings = settings_for(ctx, db_url=db_url, registry_files=registry_files, n_process=n_process)
    try:
        store = open_store(settings.db_url)
        with _progress() as progress:
            report = ingest_paths(paths, store, settings, as_date(published), on_document=_Ticker(progress, "ingest"))
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

    settings = settings_for(ctx, registry_files=registry_files, n_process=n_process)
    problems: list = []
    try:
        documents = read_documents([input_path], as_date(published), problems)
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

    settings = settings_for(ctx, db_url=db_url)
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

    settings = settings_for(ctx, db_url=db_url)
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

    settings = settings_for(ctx)
    try:
        result = run_benchmark(settings, min_bytes=min_bytes, n_process=n_process,
                               sources=[Path(p) for p in corpus_paths] or None, log=click.echo)
    except ClaimgraphError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(result.summary_line())


for _command in cli_kb.COMMANDS:
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="claimgraph")


if __name__ == "__main__":
    sys.exit(main())
