"""Outlet reliability (the Admiralty scale's A-F source letter) from a user-editable
table: the shipped outlets.yaml, or the file named by Settings.outlets_file, which
replaces it. An outlet the table does not know is F (reliability cannot be judged)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse


from claimgraph.errors import ConfigError
from claimgraph.registry.actors import normalize_name
from claimgraph.registry.files import read_yaml

SHIPPED = Path(__file__).parent / "outlets.yaml"
GRADES = "ABCDEF"
UNKNOWN = "F"


@dataclass(frozen=True)
class Outlets:
    by_name: dict[str, tuple[str, str]]  # normalised name or alias -> (canonical name, grade)
    by_domain: dict[str, tuple[str, str]]

    def grade(self, outlet: str | None, url: str | None = None) -> tuple[str, str | None]:
        """(grade, the table entry's name) for a document's outlet and URL."""
        if outlet and normalize_name(outlet) in self.by_name:
            name, grade = self.by_name[normalize_name(outlet)]
            return grade, name
        host = (urlparse(url).hostname or "") if url else ""
        while host:
            if host in self.by_domain:
                name, grade = self.by_domain[host]
                return grade, name
            host = host.partition(".")[2]
        return UNKNOWN, None


def load_outlets(path: Path | None = None) -> Outlets:
    path = Path(path) if path else SHIPPED
    entries = read_yaml(path, list, "outlets {name, grade, aliases, domains}", empty=[])
    by_name: dict[str, tuple[str, str]] = {}
    by_domain: dict[str, tuple[str, str]] = {}
    for number, entry in enumerate(entries, 1):
        name, grade = _check(entry, f"{path}: entry {number}")
        for alias in (name, *entry.get("aliases", [])):
            by_name[normalize_name(str(alias))] = (name, grade)
        for domain in entry.get("domains", []):
            by_domain[str(domain).lower()] = (name, grade)
    return Outlets(by_name, by_domain)


def _check(entry: object, where: str) -> tuple[str, str]:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise ConfigError(f"{where}: needs a name")
    grade = str(entry.get("grade", "")).upper()
    if grade not in GRADES or len(grade) != 1:
        raise ConfigError(f"{where} ({entry['name']}): grade {entry.get('grade')!r} is not one of A-F")
    unknown = set(entry) - {"name", "grade", "aliases", "domains", "note"}
    if unknown:
        raise ConfigError(f"{where} ({entry['name']}): unknown keys {sorted(unknown)}")
    return entry["name"].strip(), grade
