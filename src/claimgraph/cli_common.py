"""Options and helpers shared by the `claimgraph` command groups."""

from __future__ import annotations

import functools
from datetime import date, datetime

import click
from rich.console import Console

from claimgraph.config import DEFAULT_DB_URL, Settings

stderr = Console(stderr=True)


def settings_for(ctx: click.Context, **options) -> Settings:
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


def as_date(value: datetime | None) -> date | None:
    return value.date() if value else None


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
