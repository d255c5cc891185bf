"""Publication dates from records and metadata. Unparseable means None, never a guess."""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Full dates only: a format without a day ("May 2021") would make us invent one.
_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%Y.%m.%d")
_YEARS = range(1800, 2200)  # outside this a "date" is a typo or an id, not a publication date


def parse_date(value: object) -> date | None:
    """A date from ISO ("2021-05-21", "2021-05-21T10:00:00Z"), RFC 822 or a common written form.

    The date is the one written, in its own time zone: "23:30 -0500" is not moved to the
    next day in UTC.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    found = _parse(value.strip())
    return found if found and found.year in _YEARS else None


def _parse(text: str) -> date | None:
    for parse in (_iso, _rfc822, _written):
        found = parse(text)
        if found:
            return found
    return None


def _iso(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _rfc822(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str) -> date | None:
    text = " ".join(text.replace(",", ", ").split()).replace(" ,", ",")
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
