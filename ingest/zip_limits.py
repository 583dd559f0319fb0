"""Office files are zip archives: refuse one that unpacks to far more than it weighs (a zip bomb)
before a parser inflates it. A 65 KB .docx that unpacks to 21 MB of XML became 9,410 junk
passages and three minutes of work; real Word files unpack to a few times their size.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import IngestError

CHUNK = 1024 * 1024
# real .docx files (text, styles, images) unpack to at most a few dozen times their size
MAX_RATIO = 100
RATIO_FROM = 10 * CHUNK  # small parts may compress very well (repeated styles): judge the ratio past this


def check_zip_expansion(path: Path, data: bytes, max_bytes: int) -> None:
    """Raise IngestError when the archive unpacks to more than `max_bytes`, or more than
    MAX_RATIO times its own size. Counts the bytes really inflated, not the sizes the archive
    claims, and stops at the first byte over the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # not a zip at all: the loader says what is wrong with it
    limit = min(max_bytes, max(RATIO_FROM, MAX_RATIO * len(data)))
    total = 0
    with archive:
        for member in archive.infolist():
            try:
                with archive.open(member) as stream:
                    while block := stream.read(CHUNK):
                        total += len(block)
                        if total > limit:
                            raise IngestError(str(path), _reason(len(data), limit))
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, OSError):
                continue  # a damaged or encrypted part: the loader reports the file as unreadable


def _reason(size: int, limit: int) -> str:
    unpacked = f"{limit / CHUNK:.0f} MB" if limit >= CHUNK else f"{limit // 1024} kB"
    return (f"het bestand pakt uit tot meer dan {unpacked} (het weegt zelf {size / 1024:.0f} kB); "
            "zo'n bestand is beschadigd of bedoeld om de server te overbelasten. Sla het opnieuw op "
            "vanuit Word, of vraag de beheerder de grens (THUISWIJZER_MAX_EXPANDED_MB) te verhogen.")
