"""The date of a document's text: read from its metadata, else found where the text states it.

Laws and policies change, so a passage must say which text it comes from. The date is the
date of the text (in force from, adopted, published), never the date of ingestion. Editors
give it as `date:` in front matter, a sidecar or a CLI option; otherwise it is taken from
what the document says, in this order: a "geldend vanaf" date near the top (BWB), a
"vastgesteld op" date at the top or the end (where a council signs), the date of a law or
decision at the top ("Besluit van 26 juni 2024", as the Staatsblad prints it), the date the
answer to parliamentary questions was received ("(ontvangen 21 maart 2024)": they appear with
it), else the date they were sent in ("(ingezonden 11 maart 2024)"), and a date on a line of
its own on the title page ("4 september 2023", "Versie januari 2026"). Dates in running text
are left alone, at the top as in the body: "Per 1 juli 2015 is de Herzieningswet in werking
getreden" is about another text, and a web page has no title page above its first sentence.
Dates are ISO strings: "2026-07-01", or "2025-03" and "2025" when the editor gives no more.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december"]
ABBREVIATIONS = {"jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
                 "okt": 10, "nov": 11, "dec": 12}
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)} | ABBREVIATIONS
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DUTCH_DATE = rf"(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})"
NUMERIC_DATE = r"(\d{1,2})-(\d{1,2})-(\d{4})"
ISO_DATE = r"(\d{4})-(\d{2})-(\d{2})"
ANY_DATE = rf"(?:{DUTCH_DATE}|{NUMERIC_DATE}|{ISO_DATE})"
EDITOR_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")

TITLE_PAGE_DATE = re.compile(ANY_DATE, re.I)
MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b", re.I)
TOP_CHARS = 3000  # the title page and the preamble
TITLE_PAGE_CHARS = 800
TITLE_LINE_WORDS = 8  # a title page sets its date on a short line; a longer one is running text
END_CHARS = 3000  # the signature ("Aldus vastgesteld in de openbare vergadering van ...")
# Where a text states its own date, most telling first: (pattern, chars from the top, chars from the end).
STATED_DATES = [
    (re.compile(rf"\b(?:geldend|geldig) (?:van|vanaf|per|met ingang van)\s+{ANY_DATE}", re.I), TOP_CHARS, 0),
    (re.compile(rf"\bvastgesteld (?:op|d\.d\.|in de (?:openbare )?vergadering van)\s+{ANY_DATE}", re.I), TOP_CHARS, END_CHARS),
    # parliamentary questions appear with their answer: the date it was received, not that of the questions
    (re.compile(rf"\(ontvangen\s+{ANY_DATE}", re.I), TOP_CHARS, 0),
    (re.compile(rf"\(ingezonden\s+{ANY_DATE}", re.I), TOP_CHARS, 0),
    # at the start of a line, as a law or decision opens ("## Wet van 4 juni 2014, houdende …");
    # "… de Wet van 4 juni 2014, die …" in a sentence is about another text
    (re.compile(rf"^[#\s]*(?:wet|besluit|regeling|verordening|beschikking)(?: van)?\s+{ANY_DATE}", re.I | re.M),
     TOP_CHARS, 0),
]


class InvalidDate(ValueError):
    """A date an editor gave that no calendar has, with a Dutch reason."""


def date_from_groups(groups: tuple[str | None, ...]) -> dt.date | None:
    """The date of one ANY_DATE match, or None when no calendar has it (30 februari)."""
    day, month_name, year, n_day, n_month, n_year, i_year, i_month, i_day = groups
    try:
        if year:
            return dt.date(int(year), MONTHS[month_name.lower()], int(day))
        if n_year:
            return dt.date(int(n_year), int(n_month), int(n_day))
        return dt.date(int(i_year), int(i_month), int(i_day))
    except ValueError:
        return None


def stated_date(text: str) -> str | None:
    """The date the text gives itself, as an ISO string, or None when it states none."""
    for pattern, head, tail in STATED_DATES:
        for part in (text[:head], text[-tail:] if tail else ""):
            for match in pattern.finditer(part):
                found = date_from_groups(match.groups()[-9:])
                if found:
                    return found.isoformat()
    top = text[:TITLE_PAGE_CHARS]
    return title_page_date(top if len(text) <= TITLE_PAGE_CHARS else top[: top.rfind("\n") + 1])


def title_page_date(title_page: str) -> str | None:
    """The first date on a title-page line: a full one, or a month and year ("Versie januari
    2026"), whichever comes first, so a date in the table of contents below does not win. A
    title page sets its date on a short line of its own ("4 september 2023", "Den Haag, 4
    september 2023."); a date in running text is about something else, also where a PDF wraps
    that text into short lines."""
    lines = title_page.splitlines()
    for i, line in enumerate(lines):
        following = next((n.strip() for n in lines[i + 1 :] if n.strip()), "")
        if len(line.split()) > TITLE_LINE_WORDS or line.rstrip().endswith((",", ";", ":")) or following[:1].islower():
            continue
        day = next((m for m in TITLE_PAGE_DATE.finditer(line) if date_from_groups(m.groups())), None)
        month = MONTH_YEAR.search(line)
        first = day if day and (not month or day.start() <= month.start()) else month
        if first is None or (line.rstrip().endswith((".", "?", "!")) and line[first.end():].strip() != "."):
            continue  # a sentence that names a date, not a date line ending in a full stop
        if first is day:
            return date_from_groups(day.groups()).isoformat()  # type: ignore[union-attr]
        return f"{month.group(2)}-{MONTHS[month.group(1).lower()]:02d}"
    return None


def latest_day(iso: str) -> str:
    """The last day an ISO date of any precision may stand for ("2024" → "2024-12-31", "2024-02"
    → "2024-02-29"), so a law of 1 March 2024 is not newer than a text of "maart 2024"."""
    if len(iso) == 4:
        return f"{iso}-12-31"
    if len(iso) == 7:
        year, month = int(iso[:4]), int(iso[5:])
        return f"{iso}-{calendar.monthrange(year, month)[1]:02d}"
    return iso


def days_apart(earlier: str, later: str) -> int:
    """The fewest days between two ISO dates of any precision, `earlier` sorting first: "2026-01" and
    "2026-01-01" are 0 apart, "2024-03-11" and "2026-01-01" 661."""
    first_of_later = later + "-01" * ((10 - len(later)) // 3)
    return max(0, (dt.date.fromisoformat(first_of_later) - dt.date.fromisoformat(latest_day(earlier))).days)


def editor_date(value: object) -> str:
    """A date an editor wrote (YAML date, "2025-02-28", "2025-03", "1 juli 2026") as ISO text.

    Raises InvalidDate when it is no real date, so the file can say which field to fix.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    match = EDITOR_DATE.match(text)
    try:
        if match:
            year, month, day = match.groups()
            if day:
                return dt.date(int(year), int(month), int(day)).isoformat()
            if month:
                return dt.date(int(year), int(month), 1).isoformat()[:7]
            return year
        words = re.fullmatch(rf"{DUTCH_DATE}|{NUMERIC_DATE}", text, re.I)
        if words:
            found = date_from_groups((*words.groups(), None, None, None))
            if found:
                return found.isoformat()
    except ValueError:
        pass
    raise InvalidDate(f"'{text}' is geen bestaande datum")


def dutch_date(iso: str) -> str:
    """"2026-07-01" → "1 juli 2026", "2025-03" → "maart 2025"; other text as it is."""
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return iso
