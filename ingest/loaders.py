"""Entry point of ingestion: find document files, pick the loader for a file, and assemble the Document."""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Iterable
from pathlib import Path

from .chunking import document_heading
from .dates import stated_date
from .errors import IngestError
from .metadata import (Extraction, derived_fields, derived_title, doc_id_for, editor_fields, merge_metadata, override_fields,
                       own_name, read_yaml_mapping)
from .models import Document
from .text import decode_text
from .zip_limits import check_zip_expansion

# module and function of each format's loader. A loader is imported when a file of its format
# is read: pypdf, python-docx and BeautifulSoup take about a second to import, which walking
# a folder and skipping unchanged files should not pay.
LOADERS: dict[str, str] = {
    ".pdf": "ingest.pdf:load_pdf",
    ".docx": "ingest.docx:load_docx",
    ".html": "ingest.html:load_html",
    ".htm": "ingest.html:load_html",
    ".md": "ingest.markdown:load_markdown",
    ".markdown": "ingest.markdown:load_markdown",
    ".txt": "ingest.text:load_text",
    ".xml": "ingest.xml:load_xml",
    ".yaml": "ingest.regelrecht:load_regelrecht",
    ".yml": "ingest.regelrecht:load_regelrecht",
}
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(LOADERS)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_EXPANDED_BYTES = 200 * 1024 * 1024  # what an Office file (a zip) may unpack to
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml")
NOT_FOUND = "bestand niet gevonden. Controleer de naam en de map."


def loader_for(suffix: str) -> Callable[[Path, bytes], Extraction]:
    module, function = LOADERS[suffix].split(":")
    return getattr(importlib.import_module(module), function)


def sidecar_path(path: Path) -> Path | None:
    """The metadata file next to a document: "nota.pdf.meta.yaml" or "nota.meta.yaml" (.yml too)."""
    path = Path(path)
    for name in (path.name, path.stem):
        for suffix in SIDECAR_SUFFIXES:
            candidate = path.with_name(name + suffix)
            if candidate.is_file():
                return candidate
    return None


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def is_skipped_in_folder(path: Path) -> bool:
    """Hidden files, sidecars and README.md files in a folder are not documents."""
    return path.name.startswith(".") or is_sidecar(path) or path.name.lower() == "readme.md"


def walk_folder(folder: Path) -> Iterable[Path]:
    """Document files below a folder, depth first in sorted order."""
    for entry in sorted(folder.iterdir()):
        if is_skipped_in_folder(entry):
            continue
        if entry.is_dir():
            yield from walk_folder(entry)
        elif entry.is_file():
            yield entry


def iter_document_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestError]]:
    """The files to ingest from the paths given (folders walked), and an error per missing path."""
    found: dict[Path, None] = {}
    errors: list[IngestError] = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            found.update(dict.fromkeys(p.resolve() for p in walk_folder(path)))
        elif path.is_file():
            found[path.resolve()] = None
        else:
            errors.append(IngestError(str(given), NOT_FOUND))
    return list(found), errors


def format_megabytes(size: int) -> str:
    """"62,4 MB" in Dutch notation; tiny sizes keep enough decimals to not read as zero."""
    megabytes = size / (1024 * 1024)
    decimals = 1 if megabytes >= 0.1 or megabytes == 0 else 4
    return f"{megabytes:.{decimals}f}".replace(".", ",") + " MB"


def check_file(path: Path, max_bytes: int) -> None:
    """Reject a file that is missing, of an unknown type, empty or too large, before reading it."""
    if not path.is_file():
        raise IngestError(str(path), NOT_FOUND)
    if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        kind = f"bestandstype '{path.suffix}'" if path.suffix else "een bestand zonder extensie"
        raise IngestError(
            str(path), f"{kind} wordt niet ondersteund. Gebruik een van deze: {', '.join(sorted(SUPPORTED_EXTENSIONS))}."
        )
    size = path.stat().st_size
    if size == 0:
        raise IngestError(str(path), "het bestand is leeg. Kies een bestand met inhoud.")
    if size > max_bytes:
        raise IngestError(
            str(path),
            f"het bestand is te groot: {format_megabytes(size)}, de grens is {format_megabytes(max_bytes)}. "
            "Splits het bestand of maak het kleiner.",
        )


# what each extension promises, as `check_kind` names it when the bytes are another kind
_KINDS = {".pdf": "een PDF", ".docx": "een Word-bestand", ".html": "een webpagina", ".htm": "een webpagina",
          ".md": "een Markdown-bestand", ".markdown": "een Markdown-bestand", ".txt": "een tekstbestand",
          ".xml": "een XML-bestand", ".yaml": "een YAML-bestand", ".yml": "een YAML-bestand"}


def kind_of(data: bytes) -> str | None:
    """The extension of the kind the bytes are (".pdf", ".docx", ".html"), by their first bytes; None when
    none of these."""
    head = data[:1024]
    if b"%PDF-" in head:
        return ".pdf"
    # a Word file is a zip whose central directory, at its end, names the parts under word/
    if head.startswith(b"PK\x03\x04") and b"word/" in data[-65536:]:
        return ".docx"
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return ".html"
    return None


def check_kind(path: Path, data: bytes) -> None:
    """Raises IngestError when the bytes are another kind the library reads than the extension says,
    saying which extension they need: a Word file renamed "nota.pdf" was reported as a damaged PDF
    (helper-61), and one renamed "tabel.html" was read in as 90 passages of zip bytes (helper-66). A web
    page under a text extension is text all the same."""
    suffix = path.suffix.lower()
    found = kind_of(data)
    if found is None or found == suffix or (found == ".html" and suffix not in (".pdf", ".docx")):
        return
    raise IngestError(str(path), f"dit bestand is geen {_KINDS[suffix].removeprefix('een ')} maar {_KINDS[found]}. "
                                 f"Geef het de extensie {found} en voeg het dan opnieuw toe.")


def load_document(path: str | Path, overrides: dict | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES) -> Document:
    """Load one file as a Document, with metadata from the file, front matter, sidecar and overrides.

    The date is the date of the text: the editors' `date`, else the date the text states.

    Raises IngestError with a Dutch reason for any file that cannot be taken as it is.
    """
    path = Path(path).expanduser().resolve()
    check_file(path, max_bytes)
    override_layer = override_fields(overrides, path)
    data = path.read_bytes()
    sidecar = sidecar_path(path)
    sidecar_data = sidecar.read_bytes() if sidecar else b""
    check_kind(path, data)
    if path.suffix.lower() == ".docx":
        check_zip_expansion(path, data, max_expanded_bytes)
    try:
        extraction = loader_for(path.suffix.lower())(path, data)
    except IngestError:
        raise
    except Exception as exc:  # an odd file the loader did not foresee fails alone, never the whole run
        raise IngestError(
            str(path),
            f"het bestand kon niet worden gelezen ({type(exc).__name__}). Sla het opnieuw op of exporteer het "
            "opnieuw en voeg het dan toe.",
        ) from exc
    if not any(page.text.strip() for page in extraction.pages):
        raise IngestError(str(path), "geen tekst gevonden. Controleer of het bestand leesbare tekst bevat.")
    derived = derived_fields(extraction, path)
    layers = [derived, editor_fields(extraction.front_matter, path, "de front matter")]
    if sidecar:
        where = f"het metadatabestand {sidecar.name}"
        layers.append(editor_fields(read_yaml_mapping(decode_text(sidecar_data), path, where), path, where))
    layers.append(override_layer)
    own = own_name(extraction, path, law=derived.get("type") == "regelgeving")
    metadata, explicit_id = merge_metadata(derived_title(extraction, path), layers, own)
    text = Document.PAGE_SEPARATOR.join(page.text for page in extraction.pages)
    if metadata.date is None:
        metadata.date = stated_date(text)
    metadata.document_heading = document_heading(text, metadata.title)
    return Document(
        doc_id=explicit_id or doc_id_for(path),
        source=str(path),
        pages=extraction.pages,
        metadata=metadata,
        content_hash=hashlib.sha256(data + sidecar_data).hexdigest(),
    )
