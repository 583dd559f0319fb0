"""regelrecht law texts (MinBZK, YAML): each article as an "Artikel N" heading with its text.

A regelrecht file holds a law as it is in force from `valid_from`: `$id`, `bwb_id`, `url`,
`preamble.text` and `articles: [{number, text, url, machine_readable?}]`. The article text is
Markdown wrapped at a fixed width, with lid numbers ("3 Tot de woningzoekenden …") and lists
("a. …") as the law writes them; link references ("[artikel 4][ref4]") keep only their words.
The machine-readable parts are models of the law, not its text, and are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .errors import IngestError
from .markdown import body_lines
from .metadata import Extraction, humanise_stem, read_yaml_mapping
from .models import Page
from .text import Block, clean_line, decode_text, is_structure_line, reflow, render

# The version date at the end of a wetten.overheid.nl address: ".../BWBR0015703/2025-01-01".
URL_DATE = re.compile(r"/(\d{4}-\d{2}-\d{2})(?:[/#?].*)?$")
BOLD_TITLE = re.compile(r"^\*\*([^*\n]+)\*\*[ \t]*(?:\n|$)")
NOT_A_LAW = (
    "dit YAML-bestand is geen wettekst in het regelrecht-formaat (een lijst 'articles' met per artikel "
    "'number' en 'text' ontbreekt). Metadata bij een document hoort in een bestand NAAM.meta.yaml naast "
    "dat document; Thuiswijzer leest het dan vanzelf mee."
)


def is_law(data: object) -> bool:
    """True for a mapping with a list of articles that each have a number and a text."""
    articles = data.get("articles") if isinstance(data, dict) else None
    return bool(articles) and isinstance(articles, list) and all(
        isinstance(article, dict) and article.get("number") is not None and isinstance(article.get("text"), str)
        for article in articles
    )


def iso_date(value: object) -> str | None:
    """A YAML date (quoted or not) as "2026-07-01"; anything else is no date."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value or "").strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def law_date(law: dict) -> str | None:
    """The date the text is in force from: `valid_from`, else the version date in its wetten.overheid.nl address."""
    match = URL_DATE.search(str(law.get("url") or ""))
    return iso_date(law.get("valid_from")) or (iso_date(match.group(1)) if match else None)


def law_title(law: dict, path: Path) -> str:
    """The law's `name` or `title` when given, else its `$id` ("huisvestingswet_2014" → "Huisvestingswet 2014")."""
    for key in ("name", "title", "$id"):
        if isinstance(law.get(key), str) and law[key].strip():
            return humanise_stem(law[key].strip()) if key == "$id" else " ".join(law[key].split())
    return humanise_stem(path.stem)


def markdown_blocks(text: str) -> list[Block]:
    """Markdown wrapped at a width: a newline inside a paragraph or list item is a space.

    A wrapped line can begin like a heading ("paragraaf 7.1 . Bij toepassing …"); inside a
    paragraph it is not one, so it joins the line before it.
    """
    lines: list[str] = []
    for line in body_lines(text):
        if lines and lines[-1].strip() and is_structure_line(clean_line(line)):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line)
    return reflow(lines, lambda previous, line: False)


def article_blocks(article: dict) -> list[Block]:
    """"## Artikel 3 Titel" and the article's text; a title is a first line wholly in bold ("**Organen**")."""
    heading = f"## Artikel {str(article['number']).strip()}"
    text = article["text"].strip()
    title = BOLD_TITLE.match(text)
    if title:
        heading, text = f"{heading} {' '.join(title.group(1).split())}", text[title.end() :]
    return [Block("heading", heading), *markdown_blocks(text)]


def load_regelrecht(path: Path, data: bytes) -> Extraction:
    """A regelrecht law as one page; any other YAML file fails with a Dutch reason."""
    law = read_yaml_mapping(decode_text(data), path, "het YAML-bestand")
    if not is_law(law):
        raise IngestError(str(path), NOT_A_LAW)
    preamble = law.get("preamble")
    blocks = markdown_blocks(preamble["text"]) if isinstance(preamble, dict) and isinstance(preamble.get("text"), str) else []
    for article in law["articles"]:
        blocks.extend(article_blocks(article))
    fields = {"type": "regelgeving", "date": law_date(law), "source_url": law.get("url")}
    return Extraction(
        pages=[Page(number=None, text=render(blocks))],
        title=law_title(law, path),
        front_matter={key: value for key, value in fields.items() if value},
    )
