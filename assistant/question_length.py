"""The one length check every question passes (CLI, Python API, web app): a cap in characters.

A question is read by the embedder, BM25 and the sentence scorer; without a cap one long
paste (50 KB took 22 s of CPU) blocks the chat for everyone else.
"""

from __future__ import annotations


class QuestionTooLong(ValueError):
    """A question over the configured cap; the message is Dutch and says what to do."""

    def __init__(self, length: int, limit: int):
        self.length, self.limit = length, limit
        super().__init__(f"Uw vraag is {length} tekens lang; het maximum is {limit}. "
                         "Maak de vraag korter, of stel haar in delen.")


def check_question_length(question: str, limit: int) -> None:
    """Raise QuestionTooLong when `question` (stripped) has more than `limit` characters."""
    length = len((question or "").strip())
    if length > limit:
        raise QuestionTooLong(length, limit)
