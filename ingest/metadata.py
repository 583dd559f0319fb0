"""Metadata rules shared by the loaders: slugs, titles, YAML fields and their precedence."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .dates import InvalidDate, editor_date
from .errors import IngestError
from .models import DOC_TYPES, Metadata, Page

EDITOR_KEYS = ("title", "type", "region", "municipalities", "date", "source_url")
# Aliases editors use for the source address; the canonical key wins when both are given.
SOURCE_URL_ALIASES = ("url", "bron", "source")
H1 = re.compile(r"^# (.+)$", re.MULTILINE)
# a law's preamble: "Wet van 9 juli 2014, houdende regels … (Wet maatschappelijke ondersteuning 2015)"
LAW_PREAMBLE = re.compile(r"^(?:rijks)?(?:wet|besluit|regeling|beschikking)\s+van\s+\d{1,2}\s+[a-z]+\s+\d{4}\b", re.I)
REGULATION = re.compile(r"^(?:circulaire|beleidsregel|regeling)\b", re.I)
# the opschrift of a law, decree or ministerial regulation: "Wet van 26 juni 2024 tot wijziging van …",
# "Besluit 26 juni 2024 tot vaststelling van …", "Regeling van de Minister van … van 3 mei 2024, nr.
# 2024-1, houdende …"
OPSCHRIFT = re.compile(r"^(?:rijks)?(?:wet|besluit|regeling)\s+(?:van\s+(?:de|het)\s+[^\d,]{3,150}?\s+)?(?:van\s+)?"
                       r"\d{1,2}\s+[a-z]+\s+\d{4},?(?:\s+nr\.?\s*[\w./-]+,?)?\s+(?:tot|houdende)\b", re.I)
# where the law itself is published: a quote of its opschrift in a letter or a council's decision is no law
MASTHEAD = re.compile(r"^(?:staatsblad|staatscourant)\b", re.I)
OPENING_PARAGRAPHS = 8  # a masthead, "Jaargang 2024", the number: the opschrift comes within these
# the identifier of the Basiswettenbestand of wetten.overheid.nl, which holds laws, decrees, regelingen
# and circulaires only, opening the name of a file exported from it: "BWBR0005181_woningwet.md"
BWB_ID = re.compile(r"^bwbr\d{7}(?:[^0-9]|$)", re.I)
MAX_NAME_CHARS = 160  # a longer opschrift is cut at a comma or bracket, with "…"
# what an editor may give a field: a title of 5,679 characters filled the "Alleen in" list, the sources and
# the delete box (helper-63)
MAX_FIELD_CHARS = {"title": 300, "region": 100, "source_url": 2000}
# first lines that name no document: its maker, a masthead or stamp, a table of contents, a quote,
# a running header with a page number
_NO_NAME = re.compile(
    r"^(?:de\s+)?(?:gemeente|provincie|ministerie|waterschap|regio|stadsregio)\s+[\w'-]+(?:\s+[\w'-]+)?$"
    r"|^(?:gemeenteblad|provinciaal\s+blad|staatscourant|staatsblad|waterschapsblad|concept|inhoud|inhoudsopgave"
    r"|colofon|voorwoord)\b|^[\"'“‘«]|\bpagina\s+\d|\|", re.I)
# a title cut where it wraps: "Beleidsregels urgentie en" (its second line is a paragraph further on)
_UNFINISHED = re.compile(r"\s(?:en|of|van|voor|de|het|een|in|met|op|tot|over|aan|bij|naar|uit|te)$", re.I)
_MONTH = re.compile(r"\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
                    r"|december)\b", re.I)
# a law's citeertitel, in its own closing article: "Deze wet wordt aangehaald als: Wet betaalbare huur."
# The name ends the sentence ("…, met vermelding van het jaartal …" may follow it); no comma, quote or
# bracket of a template ("[naam gemeente]") is part of it
CITATION_TITLE = re.compile(
    r"\b(?:Deze|Dit)\s+(?:wet|besluit|regeling|verordening)\s+(?:kan\s+worden|wordt)\s+aangehaald\s+als:?\s+"
    r"([A-Z][^.;:,\n\"“”«»\[\]]{2,80}?)(?:\.(?=\s+[A-Z0-9]|\s*$)|,\s+met\s+vermelding\b|(?=\n|$))")
# an amending law writes the articles it inserts into another law, citeertitel and all: "Na artikel 87
# wordt een artikel ingevoegd, luidende: Artikel 88 Deze wet wordt aangehaald als: …"
_INSERTED = re.compile(r"(?:luidende|luiden|ingevoegd|vervangen\s+door)\s*:?\s*(?:Artikel\s+\w+\.?\s*)?$", re.I)
_EXPLANATION = re.compile(r"\b(?:memorie|nota)\s+van\s+toelichting\b", re.I)
# an explicit id goes into URLs (/bron/<id>) and commands: letters, digits, . _ - only ("a/b" could not be opened)
VALID_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")
# Titles document templates leave behind ("PBL rapporten sjabloon", "Microsoft Word - nota.docx").
PLACEHOLDER_TITLE = re.compile(
    r"^(none|null|untitled|naamloos|titel|title|document\d*|microsoft word\b.*)$|sjabloon|template"
    r"|\.(pdf|docx?|odt|rtf|indd|qxd|html?|txt)$",
    re.IGNORECASE,
)


class EditorYamlLoader(yaml.SafeLoader):
    """Safe YAML in which dates stay text, so an impossible one (2025-02-30) is reported per field."""


EditorYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Extraction:
    """What a format loader read from a file: page text, its own title, Markdown front matter."""

    pages: list[Page]
    title: str | None = None
    front_matter: dict = field(default_factory=dict)


def slugify(text: str) -> str:
    """"Beleidsnota Wonen 2025 (concept)" → "beleidsnota-wonen-2025-concept"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def doc_id_for(path: Path) -> str:
    """The document id derived from a file name; names without latin letters get a stable hash."""
    return slugify(path.stem) or "document-" + hashlib.sha256(path.stem.encode()).hexdigest()[:8]


def humanise_stem(stem: str) -> str:
    """"beleidsnota-wonen_2025" → "Beleidsnota wonen 2025"."""
    words = " ".join(re.split(r"[\s_\-.]+", stem)).strip()
    return words[:1].upper() + words[1:]


def plausible_title(value: object) -> str | None:
    """A title from file properties, or None when it is empty or a template's placeholder."""
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    if len(title) < 3 or not re.search(r"[^\W\d_]{2}", title) or PLACEHOLDER_TITLE.search(title):
        return None
    return title


def first_h1(pages: list[Page]) -> str | None:
    """The text of the first "# " heading line in the pages."""
    for page in pages:
        match = H1.search(page.text)
        if match:
            return match.group(1).strip()
    return None


def opening_heading(pages: list[Page]) -> str | None:
    """The heading a document opens with, at any level ("##Wet van …" in laws-markdown files)."""
    first = next((line.strip() for page in pages for line in page.text.splitlines() if line.strip()), "")
    if not first.startswith("#"):
        return None
    return first.lstrip("#").strip() or None


def opening_name(pages: list[Page]) -> str | None:
    """The words a document opens with when they read as a name: its opening heading, or a short
    first paragraph that does not end as a sentence does (a PDF's title page, its title wrapped over
    two lines). Not a line that names its maker ("Gemeente Zeist"), a masthead or stamp
    ("GEMEENTEBLAD", "CONCEPT"), a date, a quote or a running header. Written in capitals, it comes
    back in the casing the text itself gives each word ("VERHUISMOTIEVEN EN RUIMTELIJKE
    VERHUISBEWEGINGEN" → "Verhuismotieven en ruimtelijke verhuisbewegingen", "WOONVISIE UTRECHT" →
    "Woonvisie Utrecht")."""
    text = "\n".join(page.text for page in pages)
    paragraph = next((p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()), "")
    heading = paragraph.startswith("#")
    name = " ".join((paragraph.splitlines()[0] if heading else paragraph).lstrip("#").split())
    if not heading and (len(name.split()) > 12 or name.endswith((".", ",", ";", ":"))):
        return None
    if (not name or _NO_NAME.search(name) or _UNFINISHED.search(name)
            or (_MONTH.search(name) and len(re.findall(r"[^\W\d_]{4,}", name)) <= 2)):
        return None
    return in_own_casing(name, text) if name.isupper() else name


def in_own_casing(name: str, text: str) -> str:
    """`name`, written in capitals, with each word as `text` writes it most often elsewhere ("Wmo",
    "en"); a word the text has only in capitals is more often a name than not ("Utrecht"), so it is
    capitalised, and so is the first word."""
    words = []
    for word in name.split():
        # not where a sentence opens ("De woonvisie …"), and lower case where two forms are as frequent
        forms = [m.group(0) for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I)
                 if (m.group(0) != word or len(word) == 1) and not re.search(r"(?:^|[.!?:]\s+)$", text[:m.start()])]
        words.append(max(sorted(set(forms)), key=lambda w: (forms.count(w), w.islower())) if forms
                     else word.capitalize())
    shown = " ".join(words)
    return shown[:1].upper() + shown[1:]


def opschrift(pages: list[Page]) -> str | None:
    """The opschrift of a law or decree published without its citeertitel, as the Staatsblad prints it
    or the Staatscourant under its masthead ("Besluit van 26 juni 2024 tot vaststelling van het tijdstip
    van inwerkingtreding van de Wet betaalbare huur, …"), cut to MAX_NAME_CHARS; None without one, and
    for a text that does not open with a Staatsblad or Staatscourant masthead: a letter or a council's
    decision that quotes an opschrift is no law."""
    paragraphs = [" ".join(p.split()).lstrip("# ") for page in pages[:1] for p in re.split(r"\n\s*\n", page.text)
                  if p.strip()]
    if not paragraphs or not MASTHEAD.match(paragraphs[0]):
        return None
    found = next((p for p in paragraphs[:OPENING_PARAGRAPHS] if OPSCHRIFT.match(p)), None)
    if found is None or len(found) <= MAX_NAME_CHARS:
        return found
    # at a comma or an opening bracket outside brackets: "(Wet één twee drie …" leaves one open
    cuts = [i for i in range(MAX_NAME_CHARS)
            if found.startswith((", ", " ("), i) and found.count("(", 0, i) == found.count(")", 0, i)]
    return found[:cuts[-1] if cuts else found.rfind(" ", 0, MAX_NAME_CHARS)] + " …"


def derived_title(extraction: Extraction, path: Path) -> str:
    """Title before editors say otherwise: first H1, the format's own title, else the file name."""
    return first_h1(extraction.pages) or plausible_title(extraction.title) or humanise_stem(path.stem)


def citation_title(pages: list[Page]) -> str | None:
    """The citeertitel a law or decree gives itself ("Deze wet wordt aangehaald als: Wet betaalbare
    huur." → "Wet betaalbare huur"), the first in the pages, or None. Only where it opens a
    sentence, as the closing article does, and not in an article an amending law inserts into
    another law; read across line breaks within a paragraph, as a PDF column breaks it. A text
    that opens as a memorie or nota van toelichting quotes the law it explains: it is not that law."""
    # a paragraph ends the name even without its full stop; a line break inside one does not
    text = "\n".join(" ".join(paragraph.split()) for page in pages for paragraph in re.split(r"\n\s*\n", page.text))
    if _EXPLANATION.search(text[:300]):
        return None
    for match in CITATION_TITLE.finditer(text):
        name = match.group(1).strip()
        if not _INSERTED.search(text[max(0, match.start() - 60):match.start()]) and name.count("(") == name.count(")"):
            return name
    return None


def own_name(extraction: Extraction, path: Path, law: bool) -> str | None:
    """The name a document gives itself where `derived_title` falls back to its file name, in this
    order: its citeertitel, when it is a text of `law` (regelgeving by `derived_fields`: a letter
    that quotes one is not named by it); the words it opens with, where the file name repeats them;
    a law's opschrift under a Staatsblad or Staatscourant masthead. None when there is a title already. Laws and reports come
    as files named for machines ("BWBR0005181_woningwet_lawsmd-2015.md", "stb-2024-193.pdf"); an
    officer checking a source needs "Woningwet" and "Wet betaalbare huur". A PDF's first heading is
    often its masthead ("Staatsblad van het Koninkrijk der Nederlanden"), which names no document."""
    if first_h1(extraction.pages) or plausible_title(extraction.title):
        return None
    opening = opening_name(extraction.pages)
    named = opening if opening and names_file(opening, path) else None
    return (citation_title(extraction.pages) if law else None) or named or opschrift(extraction.pages)


def names_file(heading: str, path: Path) -> bool:
    """Whether the file name repeats two or more, and more than half, of the longer words of
    `heading`, a word or its plural ("woonruimte" in "…-woonruimten-2026"): then the heading names
    the document ("Circulaire inwerkingtreding Woningwet 2015" in
    "BWBR0036776_circulaire-inwerkingtreding-woningwet-2015_lawsmd.md"), not its first section ("##
    Inleiding" in "woonvisie-zeist-2025.md", "Woningbouwprogramma" in "woningbouwprogramma-2025")."""
    words = re.findall(r"[^\W\d_]{4,}", slugify(heading).replace("-", " "))
    stem = set(slugify(path.stem).split("-"))

    def repeated(word: str) -> bool:
        return any(word == part or (min(len(word), len(part)) > 4 and 0 < len(part) - len(word) <= 2
                                    and part.startswith(word)) for part in stem)

    found = sum(repeated(w) for w in words)
    return found >= 2 and 2 * found > len(words)


def derived_fields(extraction: Extraction, path: Path) -> dict:
    """Metadata the text itself shows, below anything an editor says: regelgeving is a text that opens
    with a law's preamble or as a circulaire, a law, decree or regulation under a Staatsblad or
    Staatscourant masthead (`opschrift`), and a file named by its id in the Basiswettenbestand. Not a
    letter that quotes a citeertitel, nor a council's proposal with a draft verordening."""
    heading = opening_heading(extraction.pages) or ""
    law = (LAW_PREAMBLE.match(heading) or REGULATION.match(heading) or BWB_ID.match(path.name)
           or opschrift(extraction.pages))
    return {"type": "regelgeving"} if law else {}


def read_yaml_mapping(text: str, path: Path, where: str) -> dict:
    """Parse editor YAML (front matter or sidecar) into a dict; an empty document is {}."""
    try:
        data = yaml.load(text, Loader=EditorYamlLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (regel {mark.line + 1})" if mark is not None else ""
        raise IngestError(str(path), f"{where} is geen geldige YAML{line}. Herstel de opmaak en probeer het opnieuw.") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise IngestError(str(path), f"{where} moet regels 'sleutel: waarde' bevatten, zoals 'title: Mijn nota'.")
    return data


def editor_fields(raw: dict, path: Path, where: str) -> dict:
    """The known metadata fields (plus `id`) from front matter, a sidecar or CLI flags, normalised.

    Unknown keys are ignored; empty values do not count, so they never override a lower layer.
    """
    data = {key: raw[key] for key in (*SOURCE_URL_ALIASES, *EDITOR_KEYS, "id") if raw.get(key) not in (None, "", [])}
    for alias in SOURCE_URL_ALIASES:
        if alias in data:
            data.setdefault("source_url", data.pop(alias))
    fields: dict = {}
    for key, value in data.items():
        if key == "municipalities":
            fields[key] = municipality_names(value)
        elif key == "date":
            fields[key] = checked_date(value, path, where)
        elif key == "type":
            fields[key] = str(value).strip().lower()
        else:
            fields[key] = str(value).strip()
    for key, value in fields.items():
        problem = too_long(key, value)
        if problem:
            raise IngestError(str(path), f"het veld '{key}' in {where} is {problem}. Kort het in en voeg het bestand "
                                         "dan opnieuw toe.")
    if "type" in fields and fields["type"] not in DOC_TYPES:
        raise IngestError(
            str(path),
            f"onbekend documenttype '{fields['type']}' in {where}. Kies uit: {', '.join(DOC_TYPES)}.",
        )
    if "id" in fields and not VALID_ID.fullmatch(fields["id"]):
        raise IngestError(str(path), f"ongeldig id '{fields['id']}' in {where}: gebruik alleen letters, cijfers, "
                                     "punt, liggend streepje en streepje (bijvoorbeeld nota-wonen-2025).")
    return {key: value for key, value in fields.items() if value not in ("", [])}


def too_long(key: str, value: object) -> str | None:
    """Why an editor's `value` for field `key` is too long, in Dutch ("te lang (5679 tekens, ten hoogste 300)");
    None when it fits or the field has no limit (MAX_FIELD_CHARS)."""
    limit = MAX_FIELD_CHARS.get(key)
    if limit is None or not isinstance(value, str) or len(value) <= limit:
        return None
    return f"te lang ({len(value)} tekens, ten hoogste {limit})"


def checked_date(value: object, path: Path, where: str) -> str:
    """The editor's date as ISO text; an impossible date fails this file, naming the field."""
    try:
        return editor_date(value)
    except InvalidDate as exc:
        raise IngestError(
            str(path),
            f"het veld 'date' in {where} is ongeldig: {exc}. Schrijf een bestaande datum als JJJJ-MM-DD, "
            "bijvoorbeeld 2025-02-28, en voeg het bestand dan opnieuw toe.",
        ) from exc


def municipality_names(value: object) -> list[str]:
    """A YAML list or a comma-separated string of municipalities as a clean list."""
    names = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else [value]
    return [str(name).strip() for name in names if name is not None and str(name).strip()]


def override_fields(overrides: dict | None, path: Path) -> dict:
    """CLI flags as editor fields; None means the flag was not given."""
    given = {key: value for key, value in (overrides or {}).items() if value is not None}
    unknown = set(given) - set(EDITOR_KEYS)
    if unknown:
        raise ValueError(f"unknown metadata override(s): {', '.join(sorted(unknown))}")
    return editor_fields(given, path, "de opties")


def merge_metadata(title: str, layers: list[dict], own: str | None = None) -> tuple[Metadata, str | None]:
    """Metadata and explicit id from a derived title, the document's `own_name` and editor layers,
    lowest precedence first. An editor's title is the one shown, so it sets no display title.

    Why two titles: the passages are embedded and searched under `title`, and the refusal was
    calibrated with those vectors; searched under the laws' own names instead, the real library's
    off-topic questions were refused less often (.732 → .683, docs/evaluation.md)."""
    merged: dict = {"title": title}
    for layer in layers:
        merged.update(layer)
    doc_id = merged.pop("id", None)
    if own and own != title and not any("title" in layer for layer in layers):
        merged["display_title"] = own
    return Metadata(**merged), doc_id
