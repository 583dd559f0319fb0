"""A policy officer keeps asking in one chat, on the bundled corpus: a follow-up answers what is
new to the whole conversation, not only to the answer just before it."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.compose import answer_lines
from index.searcher import LiveIndex

pytestmark = pytest.mark.slow


def test_a_third_question_does_not_get_the_list_the_first_answer_showed_again(bundled_index, embedder):
    officer = Assistant(LiveIndex(bundled_index, embedder))
    history: list[dict] = []
    answers = []
    for question in ("Welke groepen woningzoekenden moeten gemeenten in ieder geval voorrang geven in de "
                     "urgentieregeling?", "En hoe zit het met vergunninghouders?", "En voor jongeren?"):
        answer = officer.ask(question, history=history)
        answers.append(answer)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text}]
    first, _, third = answers

    assert not third.abstained, third.text
    assert "Jeugdwet" in third.text  # onderdeel g: jongeren who leave jeugdzorg
    again = [line for line in answer_lines(third.text) if line in answer_lines(first.text)]
    # at most the list's lead-in comes back, with the one item about jongeren under it
    assert len(again) <= 2, again
    assert "Mantelzorg" not in third.text.split("**Bronnen**")[0]
