"""A corpus writer loads a question set; every mistake comes back with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.questions import Question, QuestionSetError, load_questions, question_files

GOOD = """\
questions:
  - id: seed-regionaal-lokaal
    question: "Wat regelen we regionaal en wat lokaal?"
    category: seed
    answerable: true
    gold_docs: [handreiking-regionaal-en-lokaal]
    gold_passages:
      - "de woningmarktregio"
    key_facts: ["huisvestingsverordening"]
  - id: vervolg-lokaal
    question: "En lokaal?"
    category: followup
    answerable: true
    history:
      - {role: user, content: "Wat regelen we regionaal?"}
      - {role: assistant, content: "Gemeenten in een regio ..."}
    filters: {type: handreiking, region: Parkstad Limburg}
    gold_docs: [handreiking-regionaal-en-lokaal]
  - id: buiten-het-corpus
    question: "Hoe vraag ik een paspoort aan?"
    category: unanswerable
    answerable: false
    gold_docs: []
"""


def write(tmp_path: Path, text: str, name: str = "vragen.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, **kwargs) -> list[str]:
    with pytest.raises(QuestionSetError) as caught:
        load_questions(path, **kwargs)
    return [str(p) for p in caught.value.problems]


def test_a_good_set_loads_into_questions(tmp_path):
    questions = load_questions(write(tmp_path, GOOD))
    assert [q.id for q in questions] == ["seed-regionaal-lokaal", "vervolg-lokaal", "buiten-het-corpus"]
    first, follow_up, refused = questions
    assert isinstance(first, Question) and first.line == 2 and first.source.endswith("vragen.yaml")
    assert first.gold_passages == ["de woningmarktregio"] and first.key_facts == ["huisvestingsverordening"]
    assert follow_up.is_follow_up and follow_up.history[0] == {"role": "user", "content": "Wat regelen we regionaal?"}
    assert follow_up.filters == {"type": "handreiking", "region": "Parkstad Limburg"}
    assert refused.answerable is False and refused.gold_docs == []


def test_each_mistake_names_file_line_question_and_field(tmp_path):
    path = write(tmp_path, """\
questions:
  - id: zonder-vraag
    category: factual
    answerable: true
    gold_docs: [a]
  - id: vreemde-categorie
    question: "Wat is een woonzorgvisie?"
    category: feitelijk
    answerable: true
    gold_docs: [a]
  - id: geen-gold
    question: "Wat is urgentie?"
    category: factual
    answerable: true
    gold_docs: []
  - id: verkeerde-rol
    question: "En daar?"
    category: followup
    answerable: true
    gold_docs: [a]
    history:
      - {role: gebruiker, content: "Wat is beschermd wonen?"}
  - id: vreemd-filter
    question: "Welke handreikingen zijn er?"
    category: filtered
    answerable: true
    gold_docs: [a]
    filters: {soort: handreiking}
  - id: zonder-vraag
    question: "Dubbel?"
    category: factual
    answerable: true
    gold_docs: [a]
""")
    problems = problems_of(path)
    name = str(path)
    assert f"{name}:2: vraag 'zonder-vraag' · veld 'question': ontbreekt" in problems[0]
    assert any(p.startswith(f"{name}:8: vraag 'vreemde-categorie' · veld 'category': onbekende categorie 'feitelijk'")
               for p in problems)
    assert any(p.startswith(f"{name}:15: vraag 'geen-gold' · veld 'gold_docs': answerable is true maar gold_docs is leeg")
               for p in problems)
    assert any(p.startswith(f"{name}:22: vraag 'verkeerde-rol' · veld 'history': beurt 1: role 'gebruiker' is ongeldig")
               for p in problems)
    assert any(p.startswith(f"{name}:28: vraag 'vreemd-filter' · veld 'filters': onbekende filtersleutel 'soort'")
               for p in problems)
    assert any(p.startswith(f"{name}:29: vraag 'zonder-vraag' · veld 'id': dubbele id; al gebruikt op {name}:2")
               for p in problems)
    assert len(problems) == 6


def test_the_error_message_lists_every_problem(tmp_path):
    path = write(tmp_path, "questions:\n  - id: a\n    question: x\n    category: nieuws\n    answerable: ja\n    gold_docs: []\n")
    with pytest.raises(QuestionSetError) as caught:
        load_questions(path)
    message = str(caught.value)
    assert message.startswith("De vragenset bevat 2 fouten:")
    assert "onbekende categorie 'nieuws'" in message and "moet true of false zijn, niet 'ja'" in message


def test_the_bundled_set_against_an_index_of_another_library_blames_the_index_not_the_set():
    # helper-66: "De vragenset bevat 176 fouten", 176 lines, for an index built from one other folder
    with pytest.raises(QuestionSetError) as caught:
        load_questions(None, known_docs={"nota-wonen-zonnedal"})
    lines = str(caught.value).splitlines()

    assert lines[0].startswith("De index mist de documenten van ") and "--set bundled" in lines[0]
    assert len(lines) == 22 and lines[-1].startswith("  … en nog ")
    assert len(caught.value.problems) > 100  # every problem is still there for a script


def test_a_typo_in_a_field_name_gets_a_suggestion(tmp_path):
    path = write(tmp_path, GOOD.replace("    gold_docs: [handreiking-regionaal-en-lokaal]\n    gold_passages",
                                        "    gold_doc: [handreiking-regionaal-en-lokaal]\n    gold_passages"))
    problems = problems_of(path)
    assert any(":6: vraag 'seed-regionaal-lokaal' · veld 'gold_doc': onbekend veld; bedoelde je 'gold_docs'?" in p
               for p in problems)


def test_unanswerable_questions_carry_no_gold(tmp_path):
    path = write(tmp_path, GOOD.replace('    gold_docs: []\n', '    gold_docs: [handreiking-regionaal-en-lokaal]\n'))
    assert any(":23: vraag 'buiten-het-corpus' · veld 'gold_docs': answerable is false" in p for p in problems_of(path))


def test_broken_yaml_points_at_the_line(tmp_path):
    path = write(tmp_path, "questions:\n  - id: a\n    question: [niet afgesloten\n    category: seed\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:4: geen geldige YAML")


def test_a_file_without_questions_key_is_refused(tmp_path):
    (problem,) = problems_of(write(tmp_path, "vragen:\n  - id: a\n"))
    assert problem == f"{tmp_path / 'vragen.yaml'}:1: verwacht één sleutel 'questions' met een lijst vragen"


def test_duplicate_ids_across_files_of_a_directory(tmp_path):
    write(tmp_path, GOOD, "part_a.yaml")
    write(tmp_path, GOOD.split("  - id: vervolg-lokaal")[0], "part_b.yaml")
    problems = problems_of(tmp_path)
    assert problems == [f"{tmp_path / 'part_b.yaml'}:2: vraag 'seed-regionaal-lokaal' · veld 'id': "
                        f"dubbele id; al gebruikt op {tmp_path / 'part_a.yaml'}:2"]


def test_gold_documents_must_exist_in_the_index(tmp_path):
    problems = problems_of(write(tmp_path, GOOD), known_docs={"iets-anders"})
    assert len(problems) == 2
    assert "veld 'gold_docs': document 'handreiking-regionaal-en-lokaal' staat niet in de index" in problems[0]


def test_a_missing_file_is_a_clear_problem(tmp_path):
    (problem,) = problems_of(tmp_path / "bestaat-niet.yaml")
    assert problem.endswith("bestaat-niet.yaml:0: dit bestand bestaat niet")


def test_the_default_set_is_gold_yaml_or_the_parts():
    files = question_files()
    assert files and all(f.suffix == ".yaml" for f in files)


def test_the_bundled_gold_set_is_valid():
    questions = load_questions()
    assert len(questions) >= 20
    assert any(not q.answerable for q in questions) and any(q.history for q in questions)
