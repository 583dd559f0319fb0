"""Passages completed to the ends of their list and to the start of their first sentence.

A chunk has a token budget; a law's "behoren in ieder geval:" with ten groups a–j runs over
it and is cut into several chunks. An officer who asks which groups must be in the
urgentieregeling must get all ten with their lead-in, so a retrieved passage that ends inside
a list is extended with the following passages of the same document and section until the
list closes, and one that starts inside a list, or right after one under the same heading,
gets the passages before it back to the lead-in (at most MAX_NEIGHBOURS each way), as
small-to-big retrieval does. The citation then covers the pages of all of them.

The chunker cuts a sentence that runs past the token budget, so a passage can open with its
tail ("in welke formule voorstelt:", "wordt aangewezen, zal in de praktijk …"); shown like
that, a point reads as nonsense. Such a passage gets the start of that sentence back from the
passage before it; one that the chunker cut from the label over it ("VOORBEELD") gets the label.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.sentences import EXAMPLE_LABEL, LIST_MARK, announces_list, logical_lines
from index.models import Hit
from ingest.models import Chunk

MAX_NEIGHBOURS = 4
_PLACEHOLDER = re.compile(r"\[[^\]]*\]")  # "[formule niet in tekst beschikbaar]"
# where a sentence may begin: after a sentence end or a paragraph break (a single line break
# may be a PDF's wrapped line, in the middle of a sentence)
_SENTENCE_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*\n\s*")


def _lines(text: str) -> list[str]:
    return [line for _, line in logical_lines(text)]


def ends_inside_list(text: str) -> bool:
    """The passage stops at a lead-in or at a list item that does not close the list."""
    lines = _lines(text)
    if not lines:
        return False
    last = lines[-1]
    return announces_list(last) or (bool(LIST_MARK.match(last)) and not last.endswith((".", "!", "?")))


def ends_with_item(text: str) -> bool:
    lines = _lines(text)
    return bool(lines) and bool(LIST_MARK.match(lines[-1]))


def starts_with_item(text: str) -> bool:
    lines = _lines(text)
    return bool(lines) and bool(LIST_MARK.match(lines[0]))


def starts_inside_list(text: str) -> bool:
    """The passage opens with a list item whose lead-in is not in it."""
    lines = _lines(text)
    if not lines or not LIST_MARK.match(lines[0]):
        return False
    return not any(announces_list(line) for line in lines if not LIST_MARK.match(line))


def opens_mid_sentence(text: str) -> bool:
    """The passage begins inside a sentence: its first line starts in lower case and is no list
    item. A placeholder line before it ("[formule niet in tekst beschikbaar]") does not count: a
    formula's legend ("in welke formule voorstelt:") goes on from the sentence before the formula."""
    lines = [line for line in _lines(text) if not _PLACEHOLDER.fullmatch(line)]
    return bool(lines) and lines[0][:1].islower() and not LIST_MARK.match(lines[0])


def with_sentence_start(before: Chunk, chunk: Chunk) -> Chunk:
    """`chunk` with the start of its first sentence, taken from the end of `before` (the
    chunk before it in the same document)."""
    joined = join(before, chunk)
    own = len(joined.text) - len(chunk.text)  # where `chunk`'s own text begins
    starts = [m.end() for m in _SENTENCE_BOUNDARY.finditer(joined.text[:own].rstrip())]
    start = starts[-1] if starts else 0
    return replace(chunk, text=joined.text[start:], char_start=joined.char_start + start,
                   page_start=before.page_start if start < len(before.text) else chunk.page_start)


def with_label(before: Chunk, chunk: Chunk) -> Chunk:
    """`chunk` under the label that closes `before` (the chunk before it in the same document) when
    `before` ends on one ("VOORBEELD", `sentences.EXAMPLE_LABEL`) and `chunk` does not open with it: the
    chunker cut a worked example from the line that says it is one."""
    lines = _lines(before.text)
    if not lines or not EXAMPLE_LABEL.fullmatch(lines[-1]) or _lines(chunk.text)[:1] == lines[-1:]:
        return chunk
    label = lines[-1]
    return replace(chunk, text=f"{label}\n\n{chunk.text}", char_start=before.char_start + before.text.rfind(label))


def join(first: Chunk, second: Chunk) -> Chunk:
    """Two consecutive chunks of one document as one, without their overlap twice."""
    overlap = first.char_end - second.char_start
    if 0 < overlap <= len(second.text) and first.text.endswith(second.text[:overlap]):
        text = first.text + second.text[overlap:]
    else:
        text = f"{first.text}\n{second.text}"
    return replace(first, text=text, char_end=second.char_end,
                   page_end=second.page_end if second.page_end is not None else first.page_end)


def one_passage(hits: list[Hit]) -> Hit:
    """Passages of one document as one hit: the first of `hits` with the text of all, in the
    document's order, what two of them share once and a gap between them marked "…"."""
    chunks = sorted((h.chunk for h in hits), key=lambda c: (c.char_start, -c.char_end))
    whole = chunks[0]
    for chunk in chunks[1:]:
        if chunk.char_end <= whole.char_end or chunk.text in whole.text:
            continue  # a passage completed to its list may hold another
        if chunk.char_start <= whole.char_end:
            whole = join(whole, chunk)
        else:
            whole = replace(whole, text=f"{whole.text}\n\n…\n\n{chunk.text}", char_end=chunk.char_end,
                            page_end=chunk.page_end if chunk.page_end is not None else whole.page_end)
    return replace(hits[0], chunk=replace(whole, ordinal=hits[0].chunk.ordinal))


def complete_passages(hits: list[Hit], index) -> list[Hit]:
    """`hits` with every passage that is cut off inside a list, or that follows a list under the
    same heading ("De voorwaarden waaraan woningzoekenden uit deze groepen …"), joined with its
    neighbours, and every passage that opens mid-sentence given the start of that sentence."""
    completed = []
    neighbours: dict[str, list[Chunk]] = {}
    for hit in hits:
        chunk = hit.chunk
        if chunk.doc_id not in neighbours:
            neighbours[chunk.doc_id] = index.chunks_of(chunk.doc_id)
        same_section = {c.ordinal: c for c in neighbours[chunk.doc_id] if c.section == chunk.section}
        for step in range(1, MAX_NEIGHBOURS + 1):
            following = same_section.get(hit.chunk.ordinal + step)
            # an item that ends with a full stop may still be followed by more items ("6. … (f)." | "7. …")
            if following is None or not (ends_inside_list(chunk.text) or (
                    ends_with_item(chunk.text) and starts_with_item(following.text))):
                break
            chunk = join(chunk, following)
        first = hit.chunk.ordinal  # of the passages joined, the first
        for step in range(1, MAX_NEIGHBOURS + 1):
            before = same_section.get(hit.chunk.ordinal - step)
            if before is None or not (starts_inside_list(chunk.text) or (step == 1 and ends_with_item(before.text))):
                break
            chunk, first = replace(join(before, chunk), ordinal=hit.chunk.ordinal), before.ordinal
        before = same_section.get(first - 1)
        if before is not None and opens_mid_sentence(chunk.text):
            chunk = with_sentence_start(before, chunk)
        elif before is not None:
            chunk = with_label(before, chunk)
        completed.append(replace(hit, chunk=chunk) if chunk is not hit.chunk else hit)
    return completed
