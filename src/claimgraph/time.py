"""Temporal expressions -> date intervals with a precision, resolved against the publication date.

An interval is never narrower than the text: "in April" is the whole month, never April 4
(which is why dateparser is not used). Relative expressions ("last week", "Monday", "in April")
need the publication date; without one they come back unresolved (start/end None) with the
precision they would have. Today's date is never used.

Conventions, where English leaves a choice:
- Weeks run Monday-Sunday (ISO); "last week" is the week before the publication week.
- "Monday" is the latest Monday on or before publication (the publication day itself if it is
  a Monday: same-day news says "on Monday"); "last Monday"/"this past Monday" the latest strictly
  before; "next Monday" the first strictly after; "this Monday" the one in the publication week.
- A month or day without a year is the latest one not after publication ("April" is 2021-04 if
  published 2021-05-21 or in April 2021, 2020-04 if published 2021-03-02); a weekday named with
  it ("Thursday 28 July") picks the latest year where it fits. "last April" is the latest April
  strictly before the publication month, "next April" the first strictly after.
- early/mid/late YEAR (and the beginning/middle/end of YEAR) = Jan-Apr / May-Aug / Sep-Dec,
  precision "season"; early/mid/late MONTH = days 1-10 / 11-20 / 21-end, precision "range".
- Seasons are northern-hemisphere meteorological (spring Mar-May ... winter Dec-Feb); "winter
  2020" and "winter 2020-21" are Dec 2020-Feb 2021. Bare "summer" is the latest begun by
  publication, "last summer" the latest ended, "this winter" the one under way or else this year's.
- "the 1990s" = 1990-1999, early/mid/late decade = years 0-3 / 4-6 / 7-9, "the '90s" is 19xx;
  "the 19th century" = 1800-1899 (common usage). All are precision "range".
- Ranges ("2005-2007", "between March and May 2019") run from the start of the first part to the
  end of the second; a first part without a year takes it from the second.
- "since X" = start of X .. publication (range); with no publication date: start kept, end None.
- "the past two weeks", "the last week" = publication minus the span .. publication (range);
  "last week" without "the" is the calendar week. "N weeks ago" = that Monday-Sunday week (so
  for days, months, years). "last night" = the day before publication .. publication (range).
- "this weekend" = Sat-Sun of the publication week, "last weekend" of the week before,
  "the weekend" the latest begun by publication (range).
- Hedged, vague or anaphoric expressions ("nearly four years ago", "several months", "recent
  weeks", "the next day") -> None, as are numeric slash dates ("03/01/2020": order unknowable).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

PRECISIONS = ("day", "week", "month", "season", "year", "range")


@dataclass(frozen=True)
class TimeInterval:
    start: date | None  # None when unresolved (relative expression, no publication date)
    end: date | None  # inclusive
    precision: str  # one of PRECISIONS
    text: str  # the expression as written
    resolved: bool
    relative: bool  # depended on the publication date

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "text": self.text,
            "resolved": self.resolved,
        }


class _Iv(NamedTuple):
    start: date | None
    end: date | None
    precision: str
    relative: bool = False


class _Unresolved(Exception):
    """A relative expression met a missing publication date; carries the precision it would have."""

    def __init__(self, precision: str):
        super().__init__(precision)
        self.precision = precision


def _need(pub: date | None, precision: str) -> date:
    if pub is None:
        raise _Unresolved(precision)
    return pub


# ---------------------------------------------------------------- pattern pieces
# Written lowercase; resolve() lowercases its input, find_expressions() compiles with IGNORECASE.
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # not calendar.month_name: locale
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, 1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

# Full names before abbreviations, so "june" is never read as "jun" + "e"; only abbreviations
# take a dot ("Sept. 11"), so a sentence-final "July." stays "July".
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_ABBR = "|".join(sorted(set(_MONTHS) - set(_MONTH_NAMES), key=len, reverse=True))
_MONTH = "(?:" + "|".join(_MONTH_NAMES) + rf"|(?:{_MONTH_ABBR})\.?)"
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d{3}|2[01]\d{2})(?!\d)"
_NUM = r"(?:\d{1,3}|" + "|".join(_NUMBERS) + ")"
_DASH = r"\s*[-\u2010-\u2015]\s*"
_TO = rf"(?:{_DASH}|\s+(?:to|through|thru|until|till)\s+)"
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month
_SEASON = "(?:" + "|".join(_SEASON_MONTHS) + ")"
_PART = r"(?:morning|afternoon|evening|night)"
_REL = r"(?:this\s+past|last|this|next|past)"
_YEARREF = rf"(?:(?P<yr>{_YEAR})|(?P<ry>last|this|next)\s+year)"
_QUAL = r"(?P<q>early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)"
_QSEP = r"(?:-|\s+)"
_WD_PREFIX = rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?"
_ROLL_UNIT = r"(?:day|week|month|year|decade)"

_QUAL_KIND = {"early": "early", "beginning": "early", "start": "early", "mid": "mid",
              "middle": "mid", "late": "late", "end": "late"}
_THIRDS_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_THIRDS_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_THIRDS_OF_DECADE = {"early": (0, 3), "mid": (4, 6), "late": (7, 9), None: (0, 9)}
_THIRDS_OF_CENTURY = {"early": (0, 32), "mid": (33, 66), "late": (67, 99), None: (0, 99)}
_OFFSET = {"last": -1, "past": -1, "this past": -1, "this": 0, "next": 1}


# ---------------------------------------------------------------- date helpers
def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month_iv(y: int, m: int, rel: bool) -> _Iv:
    return _Iv(date(y, m, 1), _month_end(y, m), "month", rel)


def _year_iv(y: int, rel: bool) -> _Iv:
    return _Iv(date(y, 1, 1), date(y, 12, 31), "year", rel)


def _day_iv(d: date, rel: bool) -> _Iv:
    return _Iv(d, d, "day", rel)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _shift_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _month_num(token: str) -> int:
    return _MONTHS[token.rstrip(".")]


def _day_num(token: str) -> int:
    return int(token.rstrip("stndrh"))


def _num(token: str | None) -> int:
    return 1 if token is None else _NUMBERS.get(token) or int(token)


def _qual(m: re.Match) -> str:
    return _QUAL_KIND[m["q"].split()[-2] if " " in m["q"] else m["q"]]


def _yearref(m: re.Match, pub: date | None, precision: str) -> tuple[int, bool]:
    """The year named by YEAR or "last/this/next year"; the bool says whether it was relative."""
    if m["yr"]:
        return int(m["yr"]), False
    return _need(pub, precision).year + _OFFSET[m["ry"]], True


def _latest_month_year(month: int, pub: date) -> int:
    return pub.year if month <= pub.month else pub.year - 1


def _latest_day(month: int, day: int, pub: date, weekday: int | None = None) -> date | None:
    """The latest month/day on or before pub (far enough back to find a 29 February). A weekday
    named with it ("Thursday 28 July") picks the latest year where it fits, if one does."""
    candidates = [date(y, month, day) for y in range(pub.year, pub.year - 9, -1)
                  if day <= calendar.monthrange(y, month)[1] and date(y, month, day) <= pub]
    fitting = [c for c in candidates if c.weekday() == weekday]
    return (fitting or candidates or [None])[0]


def _season(name: str, y: int) -> tuple[date, date]:
    first = _SEASON_MONTHS[name]
    if first == 12:
        return date(y, 12, 1), _month_end(y + 1, 2)
    return date(y, first, 1), _month_end(y, first + 2)


# ---------------------------------------------------------------- handlers (one per rule)
Handler = Callable[[re.Match, date | None], _Iv | None]


def _h_iso(m: re.Match, pub: date | None) -> _Iv:
    return _day_iv(date(int(m["y"]), int(m["m"]), int(m["d"])), False)


def _h_day_range(m: re.Match, pub: date | None) -> _Iv | None:
    month, d1, d2 = _month_num(m["mon"]), _day_num(m["d1"]), _day_num(m["d2"])
    date(2000, month, d2)  # ValueError (-> None) for a day no year has, before asking for pub
    if d1 >= d2:
        return None
    y = int(m["yr"]) if m["yr"] else _latest_day(month, d1, _need(pub, "range")).year
    return _Iv(date(y, month, d1), date(y, month, d2), "range", not m["yr"])


def _h_full_date(m: re.Match, pub: date | None) -> _Iv:
    y, rel = _yearref(m, pub, "day")
    return _day_iv(date(y, _month_num(m["mon"]), _day_num(m["d"])), rel)


def _h_month_day(m: re.Match, pub: date | None) -> _Iv | None:
    month, day, weekday = _month_num(m["mon"]), _day_num(m["d"]), _WEEKDAYS.get(m["wd"])
    date(2000, month, day)  # ValueError (-> None) for a day no year has, before asking for pub
    found = _latest_day(month, day, _need(pub, "day"), weekday)
    return _day_iv(found, True) if found else None


def _h_qual_month(m: re.Match, pub: date | None) -> _Iv:
    month = _month_num(m["mon"])
    if m["yr"] or m["ry"]:
        y, rel = _yearref(m, pub, "range")
    else:
        y, rel = _latest_month_year(month, _need(pub, "range")), True
    return _month_third(y, month, _qual(m), rel)


def _h_qual_rel_month(m: re.Match, pub: date | None) -> _Iv:
    d = _shift_months(_need(pub, "range"), _OFFSET[m["rm"]])
    return _month_third(d.year, d.month, _qual(m), True)


def _month_third(y: int, month: int, kind: str, rel: bool) -> _Iv:
    lo, hi = _THIRDS_OF_MONTH[kind]
    return _Iv(date(y, month, lo), date(y, month, min(hi, calendar.monthrange(y, month)[1])), "range", rel)


def _h_qual_year(m: re.Match, pub: date | None) -> _Iv:
    y, rel = _yearref(m, pub, "season")
    first, last = _THIRDS_OF_YEAR[_qual(m)]
    return _Iv(date(y, first, 1), _month_end(y, last), "season", rel)


def _h_year_part(m: re.Match, pub: date | None) -> _Iv:
    y, rel = _yearref(m, pub, "range")
    order = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["ord"], 4 if m["part"] == "quarter" else 2)
    size = 3 if m["part"] == "quarter" else 6
    if order * size > 12:
        raise ValueError("no such part of a year")
    return _Iv(date(y, order * size - size + 1, 1), _month_end(y, order * size), "range", rel)


def _h_quarter(m: re.Match, pub: date | None) -> _Iv:
    y, q = int(m["yr"]), int(m["qn"])
    return _Iv(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "range", False)


def _h_month_year(m: re.Match, pub: date | None) -> _Iv:
    y, rel = _yearref(m, pub, "month")
    return _month_iv(y, _month_num(m["mon"]), rel)


def _h_season_year(m: re.Match, pub: date | None) -> _Iv | None:
    y = int(m["yr"])
    if m["y2"]:  # "winter 2019-20": only a winter spans two years
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else y - y % 100 + int(m["y2"])
        if m["s"] != "winter" or y2 != y + 1:
            return None
    start, end = _season(m["s"], y)
    return _Iv(start, end, "season", False)


def _h_season_rel(m: re.Match, pub: date | None) -> _Iv | None:
    p = _need(pub, "season")
    seasons = [_season(m["s"], y) for y in range(p.year - 2, p.year + 2)]
    rel = m["rel"]  # whitespace is already collapsed
    if rel is None:
        chosen = [s for s in seasons if s[0] <= p][-1]
    elif rel == "next":
        chosen = next(s for s in seasons if s[0] > p)
    elif rel == "this":
        current = [s for s in seasons if s[0] <= p <= s[1]]
        chosen = current[0] if current else _season(m["s"], p.year)
    else:
        chosen = [s for s in seasons if s[1] < p][-1]
    return _Iv(chosen[0], chosen[1], "season", True)


def _h_day_word(m: re.Match, pub: date | None) -> _Iv:
    shift = {"yesterday": -1, "tomorrow": 1}.get(m["w"], 0)
    return _day_iv(_need(pub, "day") + timedelta(days=shift), True)


def _h_day_offset(offset: int) -> Handler:
    return lambda m, pub: _day_iv(_need(pub, "day") + timedelta(days=offset), True)


def _h_last_night(m: re.Match, pub: date | None) -> _Iv:
    p = _need(pub, "range")
    return _Iv(p - timedelta(days=1), p, "range", True)


def _h_earlier_later(m: re.Match, pub: date | None) -> _Iv:
    p = _need(pub, "range")
    unit = _calendar_unit(p, m["unit"], 0)
    return _Iv(unit.start, p, "range", True) if m["el"] == "earlier" else _Iv(p, unit.end, "range", True)


def _h_weekend(m: re.Match, pub: date | None) -> _Iv:
    p = _need(pub, "range")
    rel = m["rel"]
    if rel in ("this", "last", "next"):
        saturday = _monday(p) + timedelta(days=5 + 7 * _OFFSET[rel])
    else:  # "the weekend", "this past weekend": the latest one begun by publication
        saturday = p - timedelta(days=(p.weekday() - 5) % 7)
    return _Iv(saturday, saturday + timedelta(days=1), "range", True)


def _h_weekday(m: re.Match, pub: date | None) -> _Iv:
    p, wd = _need(pub, "day"), _WEEKDAYS[m["wd"]]
    rel = m["rel"]
    if m["wk"]:
        day = _monday(p) + timedelta(days=7 * _OFFSET[m["wk"]] + wd)
    elif rel is None:
        day = p - timedelta(days=(p.weekday() - wd) % 7)
    elif rel == "next":
        day = p + timedelta(days=(wd - p.weekday()) % 7 or 7)
    elif rel == "this":
        day = _monday(p) + timedelta(days=wd)
    else:
        day = p - timedelta(days=(p.weekday() - wd) % 7 or 7)
    return _day_iv(day, True)


def _calendar_unit(p: date, unit: str, offset: int) -> _Iv:
    if unit == "week":
        monday = _monday(p) + timedelta(days=7 * offset)
        return _Iv(monday, monday + timedelta(days=6), "week", True)
    if unit == "month":
        d = _shift_months(p, offset)
        return _month_iv(d.year, d.month, True)
    return _year_iv(p.year + offset, True)


def _h_calendar(m: re.Match, pub: date | None) -> _Iv:
    return _calendar_unit(_need(pub, m["unit"]), m["unit"], _OFFSET[m["rel"]])


def _back(p: date, n: int, unit: str) -> date:
    if unit in ("day", "week"):
        return p - timedelta(days=n * (7 if unit == "week" else 1))
    return _shift_months(p, -n * {"month": 1, "year": 12, "decade": 120}[unit])


def _h_rolling(m: re.Match, pub: date | None) -> _Iv:
    p = _need(pub, "range")
    return _Iv(_back(p, _num(m["n"]), m["unit"] or m["unit1"]), p, "range", True)


def _h_ago(m: re.Match, pub: date | None) -> _Iv:
    """"two weeks ago": the whole week (month, year) that held the day two weeks back."""
    unit = {"decade": "year"}.get(m["unit"], m["unit"])
    then = _back(_need(pub, unit), _num(m["n"]), m["unit"])
    return _day_iv(then, True) if unit == "day" else _calendar_unit(then, unit, 0)


def _h_decade(m: re.Match, pub: date | None) -> _Iv:
    decade = int(m["dec"]) if m["dec"] else 1900 + int(m["dd"])
    lo, hi = _THIRDS_OF_DECADE[m["q"]]
    return _Iv(date(decade + lo, 1, 1), date(decade + hi, 12, 31), "range", False)


def _h_century(m: re.Match, pub: date | None) -> _Iv | None:
    c = int(m["c"])
    if not 1 <= c <= 21:
        return None
    lo, hi = _THIRDS_OF_CENTURY[m["q"]]
    base = max((c - 1) * 100, 1)
    return _Iv(date(base + lo, 1, 1), date(base + hi, 12, 31), "range", False)


def _h_year_range_short(m: re.Match, pub: date | None) -> _Iv | None:
    """"1980-88", "1990-91", "1999-00"; "2021-05" is not a range (the end would come first)."""
    y1, y2 = int(m["y1"]), int(m["y2"])
    end = y1 - y1 % 100 + y2
    if end <= y1:
        if not (y1 % 100 == 99 and y2 == 0):
            return None
        end = y1 + 1
    return _Iv(date(y1, 1, 1), date(end, 12, 31), "range", False)


def _h_year(m: re.Match, pub: date | None) -> _Iv | None:
    y = int(m["yr"])
    return _year_iv(y, False) if 1000 <= y <= 2100 else None


def _h_month(m: re.Match, pub: date | None) -> _Iv:
    p, month = _need(pub, "month"), _month_num(m["mon"])
    rel = m["rel"]
    if rel is None:
        y = _latest_month_year(month, p)
    elif rel == "this":
        y = p.year
    elif rel == "next":
        y = p.year if month > p.month else p.year + 1
    else:
        y = p.year if month < p.month else p.year - 1
    return _month_iv(y, month, True)


# ---------------------------------------------------------------- the rules, most specific first
# The order matters twice: resolve() takes the first full match, and find_expressions() builds
# one alternation from the same patterns, where the first alternative that fits wins.
_RULES: list[tuple[str, Handler]] = [
    (r"(?P<y>\d{4})[-/](?P<m>\d\d?)[-/](?P<d>\d\d?)(?!\d)", _h_iso),
    (rf"(?:(?:between|from)\s+)?(?P<mon>{_MONTH})\s+(?P<d1>{_DAY})(?:{_TO}|\s+and\s+)(?P<d2>{_DAY})"
     rf"(?:,?\s+(?P<yr>{_YEAR}))?", _h_day_range),
    (rf"(?:(?:between|from)\s+)?(?P<d1>{_DAY})(?:{_TO}|\s+and\s+)(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})"
     rf"(?:,?\s+(?P<yr>{_YEAR}))?", _h_day_range),
    (rf"{_WD_PREFIX}(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH}),?\s+{_YEARREF}", _h_full_date),
    (rf"{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?:the\s+)?(?P<d>{_DAY})(?:,?\s+|\s+of\s+){_YEARREF}", _h_full_date),
    (rf"{_WD_PREFIX}(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH})", _h_month_day),
    (rf"{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?:the\s+)?(?P<d>{_DAY})", _h_month_day),
    (rf"{_QUAL}\s+(?P<rm>this|last|next)\s+month", _h_qual_rel_month),
    (rf"{_QUAL}{_QSEP}(?P<mon>{_MONTH})(?:(?:,?\s+|\s+of\s+){_YEARREF})?", _h_qual_month),
    (rf"{_QUAL}{_QSEP}{_YEARREF}", _h_qual_year),
    (rf"(?:the\s+)?(?P<ord>first|second|third|fourth|last)\s+(?P<part>half|quarter)\s+of\s+{_YEARREF}", _h_year_part),
    (rf"q(?P<qn>[1-4])\s+(?P<yr>{_YEAR})", _h_quarter),
    (rf"(?P<mon>{_MONTH})(?:,?\s+|\s+of\s+){_YEARREF}", _h_month_year),
    (rf"(?:the\s+)?(?P<s>{_SEASON})(?:\s+of)?\s+(?P<yr>{_YEAR})(?:(?:{_DASH}|/)(?P<y2>\d{{4}}|\d\d)(?!\d))?",
     _h_season_year),
    (r"(?:the\s+)?day\s+before\s+yesterday", _h_day_offset(-2)),
    (r"(?:the\s+)?day\s+after\s+tomorrow", _h_day_offset(2)),
    (r"last\s+night", _h_last_night),
    (rf"this\s+{_PART}", _h_day_offset(0)),
    (rf"(?:(?:early|earlier|late|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:\s+{_PART})?", _h_day_word),
    (r"(?P<el>earlier|later)\s+this\s+(?P<unit>week|month|year)", _h_earlier_later),
    (rf"(?:(?P<rel>{_REL})\s+)?(?:the\s+)?weekend", _h_weekend),
    (rf"(?:(?P<rel>{_REL})\s+)?(?:(?:early|earlier|late|later)\s+)?(?P<wd>{_WEEKDAY})(?:\s+{_PART})?"
     r"(?:,?\s+(?:of\s+)?(?P<wk>last|this|next)\s+week)?", _h_weekday),
    (r"(?P<rel>this|last|next)\s+(?P<unit>week|month|year)", _h_calendar),
    (rf"(?:(?:the|these|this)\s+)?(?:past|last)\s+(?:(?P<n>{_NUM})\s+(?P<unit>{_ROLL_UNIT})s?|(?P<unit1>{_ROLL_UNIT}))",
     _h_rolling),
    (rf"(?P<n>{_NUM})\s+(?P<unit>{_ROLL_UNIT})s?\s+ago", _h_ago),
    (rf"(?:the\s+)?(?:(?P<q>early|mid|late){_QSEP})?(?:(?P<dec>1\d\d0|20\d0)'?s|['\u2019](?P<dd>\d0)'?s)", _h_decade),
    (rf"(?:the\s+)?(?:(?P<q>early|mid|late){_QSEP})?(?P<c>\d\d?)(?:st|nd|rd|th){_QSEP}century", _h_century),
    (rf"(?P<y1>{_YEAR}){_DASH}(?P<y2>\d\d)(?!\d)", _h_year_range_short),
    (rf"(?:(?:the\s+)?year\s+)?(?P<yr>{_YEAR})", _h_year),
    (rf"(?:(?P<rel>{_REL})\s+)?(?:the\s+)?(?P<s>{_SEASON})", _h_season_rel),
    (rf"(?:(?P<rel>{_REL})\s+)?(?P<mon>{_MONTH})", _h_month),
]
_COMPILED = [(re.compile(pattern), handler) for pattern, handler in _RULES]

_SINCE = re.compile(r"(?:ever\s+)?since\s+(?P<x>.+)")
_BETWEEN = re.compile(r"(?:between|from)\s+")
_CONNECT = re.compile(rf"{_DASH}|\s+(?:to|through|thru|until|till|and)\s+")
# A first range part with none of these borrows its year (or week) from the second part.
_ANCHORED = re.compile(r"\d{4}|'\d0|\b(?:last|this|next|past|ago|today|tonight|yesterday|tomorrow|week|weekend|year)\b")

_WS = re.compile(r"\s+")
_LEAD_JUNK = re.compile(r"^[\s(\"\u201c\u201d]+")
_TRAIL_JUNK = re.compile(r"(?:\[[^\]]*\]?|[\s.,;:!?)\"\u201c\u201d\u2019']|(?<![\d'\u2019])['\u2019]s)+$")
_LEAD_WORDS = re.compile(
    r"^(?:(?:in|on|at|during|throughout|of|for)\s+|over\s+(?=the\s|last\s|this\s|past\s)"
    r"|the\s+(?!(?:last|past|previous|next|following|same|coming|first|second|third|fourth)\b))+"
)


# ---------------------------------------------------------------- resolve
def _normalize(expression: str) -> str:
    core = _WS.sub(" ", expression).lower().replace("\u2019", "'").replace("\u2018", "'")
    core = _TRAIL_JUNK.sub("", _LEAD_JUNK.sub("", core))
    return _LEAD_WORDS.sub("", core)


def _find_rule(core: str) -> tuple[re.Match, Handler] | None:
    for pattern, handler in _COMPILED:
        if m := pattern.fullmatch(core):
            return m, handler
    return None


def _run(rule: tuple[re.Match, Handler], pub: date | None) -> _Iv | None:
    try:
        return rule[1](rule[0], pub)
    except ValueError:  # a date that does not exist: "30 February", "Q5"
        return None


def _since(x: str, pub: date | None) -> _Iv | None:
    rule = _find_rule(x)
    if rule is None:
        return None
    try:
        origin = _run(rule, pub)
    except _Unresolved:
        raise _Unresolved("range") from None
    if origin is None or (pub is not None and origin.start > pub):
        return None
    return _Iv(origin.start, pub, "range", True)


def _range(first: str, second: str, pub: date | None) -> _Iv | None:
    """Two parts both matching a rule; the first borrows its year from the second if it has none."""
    rule_a, rule_b = _find_rule(first), _find_rule(second)
    if rule_a is None or rule_b is None:
        return None
    try:
        b = _run(rule_b, pub)
        anchored = b is not None and not _ANCHORED.search(first)
        a = _run(rule_a, b.end if anchored else pub)
    except _Unresolved:
        raise _Unresolved("range") from None
    if a is None or b is None or a.start > b.end:
        return None
    return _Iv(a.start, b.end, "range", b.relative or (a.relative and not anchored))


def _compound(core: str, pub: date | None) -> _Iv | None:
    if m := _SINCE.fullmatch(core):
        return _since(m["x"], pub)
    body = core[m.end():] if (m := _BETWEEN.match(core)) else core
    for c in _CONNECT.finditer(body):
        if found := _range(body[: c.start()], body[c.end():], pub):
            return found
    return None


@lru_cache(maxsize=65536)
def resolve(expression: str, published: date | None) -> TimeInterval | None:
    """One temporal expression to an interval, or None when it is not a date we understand."""
    core = _normalize(expression)
    if not core:
        return None
    try:
        rule = _find_rule(core)
        found = _run(rule, published) if rule else _compound(core, published)
    except _Unresolved as missing:
        return TimeInterval(None, None, missing.precision, expression, False, True)
    if found is None:
        return None
    resolved = found.start is not None and found.end is not None
    return TimeInterval(found.start, found.end, found.precision, expression, resolved, found.relative)


# ---------------------------------------------------------------- find_expressions
def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_ATOM_F = "(?:" + "|".join(_unnamed(p) for p, _ in _RULES) + ")"
# Every rule starts with one of these words (or a digit or apostrophe): checking that first
# keeps the big alternation from being tried at most word starts.
_STARTERS = (
    rf"(?=[\d'\u2019]|(?:{_MONTH_ALT}|{'|'.join(_WEEKDAYS)}|{'|'.join(_NUMBERS)}|{'|'.join(_SEASON_MONTHS)}|"
    r"the|these|this|last|next|past|early|earlier|late|later|mid|middle|beginning|start|end|first|second|"
    r"third|fourth|q[1-4]|day|today|tonight|yesterday|tomorrow|weekend|year|between|from|since|ever)\b)"
)
_EDGE_L, _EDGE_R = rf"(?<!\w)(?<!\w-){_STARTERS}", r"(?!\w|-\w)"
_RANGE_F = (rf"(?:between|from)\s+{_ATOM_F}\s+(?:and|to|until|till|through|thru)\s+{_ATOM_F}"
            rf"|{_ATOM_F}{_TO}{_ATOM_F}")
_FINDER = re.compile(rf"{_EDGE_L}(?:{_RANGE_F}|(?:ever\s+)?since\s+{_ATOM_F}|{_ATOM_F}){_EDGE_R}", re.I)
_FINDER_ATOM = re.compile(rf"{_EDGE_L}{_ATOM_F}{_EDGE_R}", re.I)

_NAME_WORD = re.compile(rf"\b(?:{_MONTH_ALT}|{'|'.join(_WEEKDAYS)})\b", re.I)
_AMBIGUOUS_MONTH = re.compile(r"(?:may|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?", re.I)
_MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|until|by|during|of|from|between|and|to|through|early|mid|late|last|this|next)\s+$", re.I)
_BARE_SEASON = re.compile(rf"(?:the\s+)?{_SEASON}", re.I)
_BARE_YEAR = re.compile(rf"(?:(?:the\s+)?year\s+)?({_YEAR})", re.I)
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|until|by|during|of|from|before|after|throughout|the)\s+$", re.I)
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:\b(?:resolution|no\.|number|flight|route|highway|article|room|unit|brigade|battalion|division|"
    r"regiment|about|around|nearly|almost|some|roughly|approximately|over|than|least|up\s+to)\s+"
    r"|[$#\u00a3\u20ac])$", re.I)
_NOT_A_YEAR_AFTER = re.compile(
    r"(?:\s*%|\s+(?:people|men|women|children|police|personnel|(?!(?:was|has|is|as|this|his|its|thus)\b)[a-z]+s)\b)")
_HEDGE_BEFORE = re.compile(
    r"\b(?:about|around|nearly|almost|roughly|approximately|some|over|under|than|least|up\s+to)\s+$", re.I)
_NUMBER_START = re.compile(rf"(?:\d|(?:{'|'.join(_NUMBERS)})\b)", re.I)


def _plausible_year(text: str, start: int, end: int, year: int) -> bool:
    """A bare four-digit number is a year unless its neighbours say it counts something."""
    before = (text, max(0, start - 16), start)
    if _NOT_A_YEAR_BEFORE.search(*before):  # "Resolution 2254", "about 2000"
        return False
    if _YEAR_CONTEXT.search(*before):  # "in 1258", "the 2003 invasion"
        return True
    return 1800 <= year <= 2100 and not _NOT_A_YEAR_AFTER.match(text, end)  # not "2000 fighters"


def _accept(text: str, start: int, end: int) -> tuple[int, int] | None:
    span = text[start:end]
    before = (text, max(0, start - 24), start)
    if resolve(span, None) is None:
        return None
    if any(word[0].islower() for word in _NAME_WORD.findall(span)):  # "may", "march on Baghdad"
        return None
    if _AMBIGUOUS_MONTH.fullmatch(span) and not _MONTH_CONTEXT.search(*before):  # "Theresa May", "Jan Egeland"
        return None
    if _BARE_SEASON.fullmatch(span):  # "fall", "the spring" are too often not dates
        return None
    if _NUMBER_START.match(span) and _HEDGE_BEFORE.search(*before):  # "more than a year ago", "about 2000"
        return None
    if (bare := _BARE_YEAR.fullmatch(span)) and not _plausible_year(text, start, end, int(bare[1])):
        return None
    return start, end


def find_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of the temporal expressions in a text, left to right, not overlapping."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while m := _FINDER.search(text, pos):
        found = _accept(text, m.start(), m.end())
        if found is None and (atom := _FINDER_ATOM.match(text, m.start())) and atom.end() != m.end():
            found = _accept(text, atom.start(), atom.end())  # a range that failed may hold a date
        if found:
            spans.append(found)
            pos = found[1]
        else:
            pos = m.start() + 1
    return spans
