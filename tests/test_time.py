"""Temporal expressions -> intervals: never narrower than the text, relative ones pinned to publication."""

from __future__ import annotations

import time
from datetime import date

import pytest

from claimgraph.time import PRECISIONS, TimeInterval, find_expressions, resolve

FRI = date(2021, 5, 21)  # a Friday; the seed article's publication date
MON = date(2021, 5, 17)  # a Monday
SUN = date(2021, 5, 23)  # a Sunday
APR = date(2021, 4, 15)  # inside April
MAR = date(2021, 3, 2)  # before April, just after February of a common year
JAN = date(2021, 1, 5)  # a Tuesday, days after a year boundary
NYD = date(2021, 1, 1)  # New Year's Day
LEAP = date(2020, 3, 2)  # a Monday just after 29 February 2020
OCT = date(2021, 10, 1)


def d(iso: str) -> date:
    return date.fromisoformat(iso)


# (expression, published, start, end, precision)
CASES = [
    # calendar units relative to publication
    ("this month", FRI, "2021-05-01", "2021-05-31", "month"),
    ("last month", FRI, "2021-04-01", "2021-04-30", "month"),
    ("Last month", JAN, "2020-12-01", "2020-12-31", "month"),
    ("last month", LEAP, "2020-02-01", "2020-02-29", "month"),
    ("next month", FRI, "2021-06-01", "2021-06-30", "month"),
    ("this year", FRI, "2021-01-01", "2021-12-31", "year"),
    ("last year", JAN, "2020-01-01", "2020-12-31", "year"),
    ("last year's", FRI, "2020-01-01", "2020-12-31", "year"),
    ("next year", FRI, "2022-01-01", "2022-12-31", "year"),
    ("last week", FRI, "2021-05-10", "2021-05-16", "week"),
    ("last week", MON, "2021-05-10", "2021-05-16", "week"),
    ("last week", JAN, "2020-12-28", "2021-01-03", "week"),
    ("last week", LEAP, "2020-02-24", "2020-03-01", "week"),
    ("this week", FRI, "2021-05-17", "2021-05-23", "week"),
    ("This week", SUN, "2021-05-17", "2021-05-23", "week"),
    ("next week", FRI, "2021-05-24", "2021-05-30", "week"),
    ("last week", SUN, "2021-05-10", "2021-05-16", "week"),
    ("this week", date(2020, 12, 31), "2020-12-28", "2021-01-03", "week"),
    ("next week", date(2020, 12, 30), "2021-01-04", "2021-01-10", "week"),
    ("next month", date(2021, 12, 10), "2022-01-01", "2022-01-31", "month"),
    ("earlier this month", FRI, "2021-05-01", "2021-05-21", "range"),
    ("earlier this week", MON, "2021-05-17", "2021-05-17", "range"),
    ("earlier this year", JAN, "2021-01-01", "2021-01-05", "range"),
    ("later this year", FRI, "2021-05-21", "2021-12-31", "range"),
    # days
    ("today", FRI, "2021-05-21", "2021-05-21", "day"),
    ("Today", LEAP, "2020-03-02", "2020-03-02", "day"),
    ("earlier today", FRI, "2021-05-21", "2021-05-21", "day"),
    ("tonight", FRI, "2021-05-21", "2021-05-21", "day"),
    ("this morning", FRI, "2021-05-21", "2021-05-21", "day"),
    ("yesterday", FRI, "2021-05-20", "2021-05-20", "day"),
    ("yesterday", NYD, "2020-12-31", "2020-12-31", "day"),
    ("yesterday", LEAP, "2020-03-01", "2020-03-01", "day"),
    ("tomorrow", FRI, "2021-05-22", "2021-05-22", "day"),
    ("the day before yesterday", FRI, "2021-05-19", "2021-05-19", "day"),
    ("last night", FRI, "2021-05-20", "2021-05-21", "range"),
    # weekdays: the latest on or before publication; "last" is strictly before
    ("Monday", FRI, "2021-05-17", "2021-05-17", "day"),
    ("on Monday", FRI, "2021-05-17", "2021-05-17", "day"),
    ("on Monday", MON, "2021-05-17", "2021-05-17", "day"),
    ("last Monday", MON, "2021-05-10", "2021-05-10", "day"),
    ("last Monday", FRI, "2021-05-17", "2021-05-17", "day"),
    ("this past Monday", MON, "2021-05-10", "2021-05-10", "day"),
    ("Friday", FRI, "2021-05-21", "2021-05-21", "day"),
    ("Saturday", FRI, "2021-05-15", "2021-05-15", "day"),
    ("next Monday", FRI, "2021-05-24", "2021-05-24", "day"),
    ("this Wednesday", FRI, "2021-05-19", "2021-05-19", "day"),
    ("early Monday", FRI, "2021-05-17", "2021-05-17", "day"),
    ("Monday night", FRI, "2021-05-17", "2021-05-17", "day"),
    ("Monday of last week", FRI, "2021-05-10", "2021-05-10", "day"),
    ("Wednesday", JAN, "2020-12-30", "2020-12-30", "day"),
    ("Sunday", LEAP, "2020-03-01", "2020-03-01", "day"),
    ("Monday", SUN, "2021-05-17", "2021-05-17", "day"),
    # weekends
    ("the weekend", FRI, "2021-05-15", "2021-05-16", "range"),
    ("over the weekend", MON, "2021-05-15", "2021-05-16", "range"),
    ("the weekend", SUN, "2021-05-22", "2021-05-23", "range"),
    ("this weekend", FRI, "2021-05-22", "2021-05-23", "range"),
    ("last weekend", FRI, "2021-05-15", "2021-05-16", "range"),
    ("this past weekend", MON, "2021-05-15", "2021-05-16", "range"),
    # months without a year: the latest not after publication
    ("in April", FRI, "2021-04-01", "2021-04-30", "month"),
    ("in April", MAR, "2020-04-01", "2020-04-30", "month"),
    ("April", APR, "2021-04-01", "2021-04-30", "month"),
    ("in December", JAN, "2020-12-01", "2020-12-31", "month"),
    ("May", FRI, "2021-05-01", "2021-05-31", "month"),
    ("February", LEAP, "2020-02-01", "2020-02-29", "month"),
    ("last December", FRI, "2020-12-01", "2020-12-31", "month"),
    ("last April", APR, "2020-04-01", "2020-04-30", "month"),
    ("next April", APR, "2022-04-01", "2022-04-30", "month"),
    ("this April", MAR, "2021-04-01", "2021-04-30", "month"),
    # months with a year
    ("April 2019", FRI, "2019-04-01", "2019-04-30", "month"),
    ("in February 2024", FRI, "2024-02-01", "2024-02-29", "month"),
    ("Feb. 2020", FRI, "2020-02-01", "2020-02-29", "month"),
    ("March of next year", FRI, "2022-03-01", "2022-03-31", "month"),
    # early / mid / late
    ("in late 2019", FRI, "2019-09-01", "2019-12-31", "season"),
    ("early 2020", FRI, "2020-01-01", "2020-04-30", "season"),
    ("mid-2019", FRI, "2019-05-01", "2019-08-31", "season"),
    ("the beginning of 2015", FRI, "2015-01-01", "2015-04-30", "season"),
    ("the end of 1972", FRI, "1972-09-01", "1972-12-31", "season"),
    ("late last year", JAN, "2020-09-01", "2020-12-31", "season"),
    ("the end of last year", FRI, "2020-09-01", "2020-12-31", "season"),
    ("early this year", FRI, "2021-01-01", "2021-04-30", "season"),
    ("early April", FRI, "2021-04-01", "2021-04-10", "range"),
    ("mid-April", FRI, "2021-04-11", "2021-04-20", "range"),
    ("mid January", FRI, "2021-01-11", "2021-01-20", "range"),
    ("late April", FRI, "2021-04-21", "2021-04-30", "range"),
    ("late April", MAR, "2020-04-21", "2020-04-30", "range"),
    ("late February", LEAP, "2020-02-21", "2020-02-29", "range"),
    ("late February 2021", FRI, "2021-02-21", "2021-02-28", "range"),
    ("early November 2005", FRI, "2005-11-01", "2005-11-10", "range"),
    ("the end of this month", FRI, "2021-05-21", "2021-05-31", "range"),
    # seasons (northern hemisphere; winter YEAR starts in December of YEAR)
    ("spring 2020", FRI, "2020-03-01", "2020-05-31", "season"),
    ("summer 2020", FRI, "2020-06-01", "2020-08-31", "season"),
    ("autumn 2020", FRI, "2020-09-01", "2020-11-30", "season"),
    ("fall 2020", FRI, "2020-09-01", "2020-11-30", "season"),
    ("winter 2020", FRI, "2020-12-01", "2021-02-28", "season"),
    ("winter 2019", FRI, "2019-12-01", "2020-02-29", "season"),
    ("the winter of 2019-20", FRI, "2019-12-01", "2020-02-29", "season"),
    ("the summer of 2010", FRI, "2010-06-01", "2010-08-31", "season"),
    ("last summer", FRI, "2020-06-01", "2020-08-31", "season"),
    ("last summer", OCT, "2021-06-01", "2021-08-31", "season"),
    ("this summer", FRI, "2021-06-01", "2021-08-31", "season"),
    ("summer", FRI, "2020-06-01", "2020-08-31", "season"),
    ("last winter", JAN, "2019-12-01", "2020-02-29", "season"),
    ("this winter", JAN, "2020-12-01", "2021-02-28", "season"),
    ("next spring", FRI, "2022-03-01", "2022-05-31", "season"),
    # ranges
    ("2005-2007", FRI, "2005-01-01", "2007-12-31", "range"),
    ("2005\u20132007", FRI, "2005-01-01", "2007-12-31", "range"),
    ("2005 \u2014 2007", FRI, "2005-01-01", "2007-12-31", "range"),
    ("between 2005 and 2007", FRI, "2005-01-01", "2007-12-31", "range"),
    ("from 2005 to 2007", FRI, "2005-01-01", "2007-12-31", "range"),
    ("1995 to 1997", FRI, "1995-01-01", "1997-12-31", "range"),
    ("1980-88", FRI, "1980-01-01", "1988-12-31", "range"),
    ("1999-00", FRI, "1999-01-01", "2000-12-31", "range"),
    ("between March and May 2019", FRI, "2019-03-01", "2019-05-31", "range"),
    ("from December to February 2020", FRI, "2019-12-01", "2020-02-29", "range"),
    ("from December 2019 to February 2020", FRI, "2019-12-01", "2020-02-29", "range"),
    ("April 30 - May 2, 2020", FRI, "2020-04-30", "2020-05-02", "range"),
    ("late 2019-early 2020", FRI, "2019-09-01", "2020-04-30", "range"),
    ("September 16-19, 2016", FRI, "2016-09-16", "2016-09-19", "range"),
    ("16-19 September 2016", FRI, "2016-09-16", "2016-09-19", "range"),
    ("between 3 and 5 January 2020", FRI, "2020-01-03", "2020-01-05", "range"),
    ("Sept. 19 to 22", FRI, "2020-09-19", "2020-09-22", "range"),
    ("from Monday to Wednesday", FRI, "2021-05-17", "2021-05-19", "range"),
    ("since 2014", FRI, "2014-01-01", "2021-05-21", "range"),
    ("ever since 2003", FRI, "2003-01-01", "2021-05-21", "range"),
    ("since March 2019", FRI, "2019-03-01", "2021-05-21", "range"),
    ("since last year", FRI, "2020-01-01", "2021-05-21", "range"),
    ("since April", MAR, "2020-04-01", "2021-03-02", "range"),
    ("the first half of 2020", FRI, "2020-01-01", "2020-06-30", "range"),
    ("the last quarter of 2019", FRI, "2019-10-01", "2019-12-31", "range"),
    ("Q2 2021", FRI, "2021-04-01", "2021-06-30", "range"),
    # decades and centuries
    ("the 1990s", FRI, "1990-01-01", "1999-12-31", "range"),
    ("the 1990's", FRI, "1990-01-01", "1999-12-31", "range"),
    ("the '90s", FRI, "1990-01-01", "1999-12-31", "range"),
    ("the \u201990s", FRI, "1990-01-01", "1999-12-31", "range"),
    ("the early 2000s", FRI, "2000-01-01", "2003-12-31", "range"),
    ("the mid-1990s", FRI, "1994-01-01", "1996-12-31", "range"),
    ("the late 1990s", FRI, "1997-01-01", "1999-12-31", "range"),
    ("the 19th century", FRI, "1800-01-01", "1899-12-31", "range"),
    ("the 21st century", FRI, "2000-01-01", "2099-12-31", "range"),
    # rolling windows and "ago"
    ("the past two weeks", FRI, "2021-05-07", "2021-05-21", "range"),
    ("the last week", FRI, "2021-05-14", "2021-05-21", "range"),
    ("the last five years", FRI, "2016-05-21", "2021-05-21", "range"),
    ("the past decade", FRI, "2011-05-21", "2021-05-21", "range"),
    ("the past 12 months", LEAP, "2019-03-02", "2020-03-02", "range"),
    ("the last three days", JAN, "2021-01-02", "2021-01-05", "range"),
    ("the past year", date(2020, 2, 29), "2019-02-28", "2020-02-29", "range"),
    ("these past eight years", FRI, "2013-05-21", "2021-05-21", "range"),
    ("two years ago", FRI, "2019-01-01", "2019-12-31", "year"),
    ("A year ago", JAN, "2020-01-01", "2020-12-31", "year"),
    ("three months ago", JAN, "2020-10-01", "2020-10-31", "month"),
    ("19 months ago", FRI, "2019-10-01", "2019-10-31", "month"),
    ("a month ago", date(2021, 3, 31), "2021-02-01", "2021-02-28", "month"),
    ("eight days ago", FRI, "2021-05-13", "2021-05-13", "day"),
    ("two weeks ago", FRI, "2021-05-03", "2021-05-09", "week"),
    # years
    ("in 2020", FRI, "2020-01-01", "2020-12-31", "year"),
    ("2020", None, "2020-01-01", "2020-12-31", "year"),
    ("the year 2000", FRI, "2000-01-01", "2000-12-31", "year"),
    ("throughout 2019", FRI, "2019-01-01", "2019-12-31", "year"),
    ("in 1258", FRI, "1258-01-01", "1258-12-31", "year"),
    # days with a year
    ("3 January 2020", FRI, "2020-01-03", "2020-01-03", "day"),
    ("January 3, 2020", FRI, "2020-01-03", "2020-01-03", "day"),
    ("Jan 3 2020", FRI, "2020-01-03", "2020-01-03", "day"),
    ("Jan. 3, 2020", FRI, "2020-01-03", "2020-01-03", "day"),
    ("the 3rd of January 2020", FRI, "2020-01-03", "2020-01-03", "day"),
    ("the April 15, 2013", FRI, "2013-04-15", "2013-04-15", "day"),
    ("Monday, January 6, 2020", FRI, "2020-01-06", "2020-01-06", "day"),
    ("February 29, 2020", FRI, "2020-02-29", "2020-02-29", "day"),
    ("2020-01-03", FRI, "2020-01-03", "2020-01-03", "day"),
    ("2021-05-21", None, "2021-05-21", "2021-05-21", "day"),
    ("2020/01/03", FRI, "2020-01-03", "2020-01-03", "day"),
    ("June 16th of last year", FRI, "2020-06-16", "2020-06-16", "day"),
    # days without a year: the latest not after publication
    ("Jan. 3", FRI, "2021-01-03", "2021-01-03", "day"),
    ("January 3", JAN, "2021-01-03", "2021-01-03", "day"),
    ("January 6", JAN, "2020-01-06", "2020-01-06", "day"),
    ("3 January", NYD, "2020-01-03", "2020-01-03", "day"),
    ("on December 31", JAN, "2020-12-31", "2020-12-31", "day"),
    ("February 29", MAR, "2020-02-29", "2020-02-29", "day"),
    ("February 29", LEAP, "2020-02-29", "2020-02-29", "day"),
    ("May 21", FRI, "2021-05-21", "2021-05-21", "day"),
    ("May 22", FRI, "2020-05-22", "2020-05-22", "day"),
    ("Sept. 11", FRI, "2020-09-11", "2020-09-11", "day"),
    ("September 30th", FRI, "2020-09-30", "2020-09-30", "day"),
    ("January 1st", FRI, "2021-01-01", "2021-01-01", "day"),
    ("February 13.[4]", FRI, "2021-02-13", "2021-02-13", "day"),
    ("Thursday 28 July", FRI, "2016-07-28", "2016-07-28", "day"),  # the weekday picks the year
    ("28 July", FRI, "2020-07-28", "2020-07-28", "day"),
]


def _case_id(case: tuple) -> str:
    return f"{case[0]} @ {case[1] or 'no date'}"


@pytest.mark.parametrize("expression, published, start, end, precision", CASES, ids=[_case_id(c) for c in CASES])
def test_resolve(expression, published, start, end, precision):
    interval = resolve(expression, published)
    assert interval is not None, expression
    assert (interval.start, interval.end, interval.precision) == (d(start), d(end), precision)
    assert interval.resolved and interval.text == expression
    assert interval.precision in PRECISIONS


NOT_DATES = [
    "several months", "the past", "decades", "recent weeks", "the past few days", "a few weeks",
    "more than a year ago", "nearly four years ago", "that day", "the next day", "the previous year",
    "the end of the year", "years", "Christmas", "03/01/2020", "the 17th", "February 30", "2021-02-30",
    "2021-05", "Q5 2020", "summer 2019-21", "the 25th century", "2118", "20", "early 30s", "40s",
    "Resolution 2328", "22-year-old", "", "   ",
]


@pytest.mark.parametrize("expression", NOT_DATES, ids=[repr(e) for e in NOT_DATES])
@pytest.mark.parametrize("published", [FRI, None], ids=["published", "no date"])
def test_not_a_date_we_understand(expression, published):
    assert resolve(expression, published) is None


# (expression, the precision it would have)
RELATIVE = [
    ("last week", "week"), ("in April", "month"), ("yesterday", "day"), ("Monday", "day"),
    ("last Monday", "day"), ("January 3", "day"), ("this year", "year"), ("two years ago", "year"),
    ("late last year", "season"), ("last summer", "season"), ("early April", "range"),
    ("this weekend", "range"), ("the past two weeks", "range"), ("since last year", "range"),
    ("between March and May", "range"), ("Sept. 19 to 22", "range"), ("last night", "range"),
]


@pytest.mark.parametrize("expression, precision", RELATIVE, ids=[e for e, _ in RELATIVE])
def test_relative_without_publication_date_is_unresolved(expression, precision):
    assert resolve(expression, None) == TimeInterval(None, None, precision, expression, False, True)


def test_since_without_publication_date_keeps_its_start():
    interval = resolve("since 2014", None)
    assert (interval.start, interval.end, interval.resolved, interval.relative) == (d("2014-01-01"), None, False, True)
    assert interval.to_dict() == {"start": "2014-01-01", "end": None, "precision": "range",
                                  "text": "since 2014", "resolved": False}


ABSOLUTE = ["April 2019", "3 January 2020", "2005-2007", "winter 2020", "the 1990s", "between March and May 2019",
            "in late 2019", "2020-01-03"]


@pytest.mark.parametrize("expression", ABSOLUTE)
def test_absolute_dates_need_no_publication_date(expression):
    without, with_ = resolve(expression, None), resolve(expression, FRI)
    assert without == with_ and without.resolved and not without.relative


def test_relative_flag_follows_dependence_on_publication():
    assert resolve("in April", FRI).relative
    assert resolve("since 2014", FRI).relative  # its end is the publication date
    assert not resolve("April 2019", FRI).relative


def test_to_dict():
    assert resolve("in April", FRI).to_dict() == {
        "start": "2021-04-01", "end": "2021-04-30", "precision": "month", "text": "in April", "resolved": True}
    assert resolve("last week", None).to_dict() == {
        "start": None, "end": None, "precision": "week", "text": "last week", "resolved": False}


def test_interval_is_frozen():
    interval = resolve("2020", None)
    with pytest.raises(AttributeError):
        interval.start = None  # type: ignore[misc]


def test_month_is_never_narrowed_to_a_day():
    """dateparser reads "in April" as 4 April; we must keep the whole month."""
    for expression in ("in April", "April", "April 2019", "in April 2019"):
        interval = resolve(expression, FRI)
        assert interval.start.day == 1 and interval.end.day == 30 and interval.precision == "month"


# ---------------------------------------------------------------- find_expressions
def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in find_expressions(text)]


def test_find_expressions_offsets_are_exact():
    text = "On Monday a drone hit; on 3 January 2020, since 2014."
    assert find_expressions(text) == [(3, 9), (26, 40), (42, 52)]


def test_a_weekday_joins_the_date_it_names():
    assert _found("It came on Monday, 6 January 2020, at dawn.") == ["Monday, 6 January 2020"]


SENTENCES = [
    ("BAGHDAD (Reuters) - Rockets hit Ain al-Asad air base on Monday, the second attack this month, "
     "officials said on Tuesday.", ["Monday", "this month", "Tuesday"]),
    ("Kataib Hezbollah has operated in Iraq since 2014 and fought in Syria from 2012 to 2015.",
     ["since 2014", "from 2012 to 2015"]),
    ("In late 2019 protests erupted; in May 2019 Theresa May resigned and the militias went quiet.",
     ["late 2019", "May 2019"]),
    ("The strike on 3 January 2020 killed Soleimani; on Jan. 3 the Pentagon said, and on January 3, 2020 "
     "it confirmed (report dated 2021-05-21).", ["3 January 2020", "Jan. 3", "January 3, 2020", "2021-05-21"]),
    ("The militia, formed in the 1990s, grew between March and May 2019 and again last week.",
     ["the 1990s", "between March and May 2019", "last week"]),
    ("Fighters may march on the city this spring; the fall of Mosul in June 2014 shocked Iraq.",
     ["this spring", "June 2014"]),
    ("UN Resolution 2254 was adopted. The 2003 invasion and the 2005\u20132007 civil war followed.",
     ["2003", "2005\u20132007"]),
    ("About 2000 fighters joined; more than a year ago the group split. In 2014 militants seized Mosul.",
     ["2014"]),
    ("Yesterday a roadside bomb hit a convoy; two years ago a similar attack came over the weekend. "
     "Jan Egeland spoke.", ["Yesterday", "two years ago", "the weekend"]),
    ("The attacks between 2005 and 2007, mid-2019 and early April, and in the winter of 2019-20 were "
     "worse than pre-2003 ones.", ["between 2005 and 2007", "mid-2019", "early April", "the winter of 2019-20"]),
    ("Men in their 40s said the past few days were calm; last year's toll fell, yesterday's rose.",
     ["last year", "yesterday"]),
]


@pytest.mark.parametrize("text, expected", SENTENCES, ids=[f"sentence {i}" for i in range(len(SENTENCES))])
def test_find_expressions_in_sentences(text, expected):
    assert _found(text) == expected


def test_every_span_found_resolves():
    for text, _ in SENTENCES:
        for start, end in find_expressions(text):
            assert resolve(text[start:end], FRI) is not None, text[start:end]


def test_find_expressions_on_text_without_dates():
    assert find_expressions("") == []
    assert find_expressions("The Quds Force supports several militias in Iraq.") == []


# ---------------------------------------------------------------- speed
SPEED_EXPRESSIONS = list(dict.fromkeys([e for e, *_ in CASES] + NOT_DATES))


def test_resolving_ten_thousand_expressions_is_fast():
    resolve.cache_clear()
    days = [date(2015, 1, 1).fromordinal(date(2015, 1, 1).toordinal() + i) for i in range(100)]
    pairs = [(e, p) for p in days for e in SPEED_EXPRESSIONS][:10_000]
    assert len(pairs) == 10_000 and len(set(pairs)) == 10_000  # no cache hits: every pair is new
    began = time.perf_counter()
    for expression, published in pairs:
        resolve(expression, published)
    assert time.perf_counter() - began < 1.0


def test_finding_expressions_in_a_long_text_is_fast():
    text = " ".join(t for t, _ in SENTENCES) * 20
    began = time.perf_counter()
    spans = find_expressions(text)
    assert time.perf_counter() - began < 1.0
    assert len(spans) == 20 * sum(len(expected) for _, expected in SENTENCES)
