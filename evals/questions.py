"""Gold question sets: load a YAML set (evals/SCHEMA.md) into `Question`s and validate it.

Every problem names the file, the line (from the YAML node marks), the question id and the
field, and says what is wrong; all problems of a set are collected and raised together as
one `QuestionSetError`, so a corpus writer fixes a file in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ingest.models import DOC_TYPES

CATEGORIES = ("seed", "factual", "howto", "comparison", "region", "followup", "filtered", "unanswerable")
FIELDS = ("id", "question", "category", "answerable", "history", "filters", "gold_docs", "gold_passages", "key_facts")
FILTER_KEYS = ("type", "region", "doc_id")
ROLES = ("user", "assistant")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

EVALS_DIR = Path(__file__).resolve().parent
DEFAULT_SET = EVALS_DIR / "gold.yaml"
DEFAULT_PARTS = EVALS_DIR / "gold"


@dataclass
class Question:
    """One gold question, as the schema describes it, with where it was written."""

    id: str
    question: str
    category: str
    answerable: bool
    gold_docs: list[str] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)  # [{"role": "user"|"assistant", "content": str}]
    filters: dict = field(default_factory=dict)  # keys: type, region, doc_id
    gold_passages: list[str] = field(default_factory=list)
    key_facts: list[str] = field(default_factory=list)
    source: str = ""  # file the question came from
    line: int = 0  # 1-based line of the item in that file

    @property
    def is_follow_up(self) -> bool:
        return bool(self.history)

    def to_json(self) -> dict:
        return {name: getattr(self, name) for name in FIELDS} | {"source": self.source, "line": self.line}


@dataclass(frozen=True)
class Problem:
    """What is wrong with one place in a question file."""

    file: str
    line: int
    message: str
    question_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [f"vraag '{self.question_id}'"] if self.question_id else []
        if self.field:
            where.append(f"veld '{self.field}'")
        return f"{self.file}:{self.line}: " + (" · ".join(where) + ": " if where else "") + self.message


class QuestionSetError(ValueError):
    """A question set with problems; `problems` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = len(problems)
        header = f"De vragenset bevat {count} {'fout' if count == 1 else 'fouten'}:"
        if all(p.message.startswith(UNKNOWN_DOCUMENT_PREFIXES) for p in problems):
            # an index of another library is no fault of the set: helper-66 read "176 fouten" after
            # evaluating the bundled set on an index of one other folder
            asked = len({p.question_id for p in problems})
            header = (f"De index mist de documenten van {asked} {'vraag' if asked == 1 else 'vragen'} van deze set. Is "
                      "het de index van hun bibliotheek? Kies die met --index, of laat --set de bibliotheek zelf "
                      "bouwen (thuiswijzer eval --set bundled).")
        shown = [f"  {p}" for p in problems[:MAX_PROBLEMS_SHOWN]]
        if count > MAX_PROBLEMS_SHOWN:
            shown.append(f"  … en nog {count - MAX_PROBLEMS_SHOWN}")
        super().__init__("\n".join([header] + shown))


MAX_PROBLEMS_SHOWN = 20
UNKNOWN_DOCUMENT_PREFIXES = ("document '", "filter op onbekend document '")


# -- finding and loading ----------------------------------------------------------------
def default_question_files() -> list[Path]:
    """`evals/gold.yaml` when it exists, else every `evals/gold/*.yaml` as one set."""
    if DEFAULT_SET.is_file():
        return [DEFAULT_SET]
    return sorted(DEFAULT_PARTS.glob("*.yaml")) if DEFAULT_PARTS.is_dir() else []


def question_files(path: str | Path | None = None) -> list[Path]:
    """The files of a set: a file, every *.yaml of a directory, or the default set."""
    if path is None:
        files = default_question_files()
        if not files:
            raise QuestionSetError([Problem(str(DEFAULT_SET), 0,
                                            f"geen vragenset gevonden: {DEFAULT_SET} en {DEFAULT_PARTS}/*.yaml ontbreken")])
        return files
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
        if not files:
            raise QuestionSetError([Problem(str(path), 0, "deze map bevat geen .yaml-bestanden met vragen")])
        return files
    if not path.is_file():
        raise QuestionSetError([Problem(str(path), 0, "dit bestand bestaat niet")])
    return [path]


def load_questions(path: str | Path | None = None, known_docs: set[str] | None = None) -> list[Question]:
    """Load and validate a question set (one file, a directory, or the default set).

    With `known_docs` (the document ids of an index), gold documents and doc_id filters must
    name documents that exist. Raises `QuestionSetError` listing every problem found.
    """
    problems: list[Problem] = []
    questions: list[Question] = []
    ids: list[tuple[str, str, int]] = []  # (id, file, line) of every item, valid or not
    files = question_files(path)
    for file in files:
        questions += _load_file(file, problems, ids)
    _check_unique(ids, problems)
    if known_docs is not None:
        problems += unknown_documents(questions, known_docs)
    if problems:
        order = {str(f): i for i, f in enumerate(files)}
        raise QuestionSetError(sorted(problems, key=lambda p: (order.get(p.file, -1), p.line)))
    return questions


def unknown_documents(questions: list[Question], known_docs: set[str]) -> list[Problem]:
    """Gold documents and doc_id filters that name no document of the index."""
    problems = []
    for q in questions:
        for doc_id in q.gold_docs:
            if doc_id not in known_docs:
                problems.append(Problem(q.source, q.line, f"document '{doc_id}' staat niet in de index "
                                        "(de id is de bestandsnaam zonder extensie, zoals `thuiswijzer docs` toont)",
                                        q.id, "gold_docs"))
        for doc_id in _as_list(q.filters.get("doc_id")):
            if doc_id not in known_docs:
                problems.append(Problem(q.source, q.line, f"filter op onbekend document '{doc_id}'", q.id, "filters"))
    return problems


def _load_file(file: Path, problems: list[Problem], ids: list[tuple[str, str, int]]) -> list[Question]:
    name = str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, 0, f"het bestand kon niet worden gelezen ({error})"))
        return []
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        problems.append(Problem(name, line, f"geen geldige YAML: {getattr(error, 'problem', None) or error}"))
        return []
    finally:
        loader.dispose()
    if root is None:
        problems.append(Problem(name, 1, "het bestand is leeg; verwacht een sleutel 'questions' met een lijst vragen"))
        return []
    top = _mapping(root)
    if top is None or "questions" not in top:
        problems.append(Problem(name, _line(root), "verwacht één sleutel 'questions' met een lijst vragen"))
        return []
    for key, (key_node, _) in top.items():
        if key != "questions":
            problems.append(Problem(name, _line(key_node), f"onbekende sleutel '{key}' bovenaan; alleen 'questions' hoort daar"))
    items = top["questions"][1]
    if not isinstance(items, yaml.SequenceNode):
        problems.append(Problem(name, _line(items), "'questions' moet een lijst vragen zijn"))
        return []
    loaded = []
    for item in items.value:
        question = _question(item, name, problems)
        item_id = _scalar(_mapping(item).get("id")) if _mapping(item) is not None else None
        if isinstance(item_id, str):
            ids.append((item_id, name, _line(item)))
        if question is not None:
            loaded.append(question)
    return loaded


# -- one item ---------------------------------------------------------------------------
def _question(node: yaml.Node, file: str, problems: list[Problem]) -> Question | None:
    line = _line(node)
    fields = _mapping(node)
    if fields is None:
        problems.append(Problem(file, line, "een vraag moet een mapping zijn (id, question, category, ...)"))
        return None
    before = len(problems)
    raw_id = _scalar(fields.get("id"))
    qid = raw_id if isinstance(raw_id, str) and raw_id else None

    def problem(field_name: str, message: str, at: yaml.Node | None = None) -> None:
        problems.append(Problem(file, _line(at) if at is not None else line, message, qid, field_name))

    for key, (key_node, _) in fields.items():
        if key not in FIELDS:
            hint = _close_match(str(key), FIELDS)
            problem(str(key), f"onbekend veld{f'; bedoelde je {hint!r}?' if hint else ''} "
                              f"(toegestaan: {', '.join(FIELDS)})", key_node)

    if "id" not in fields:
        problem("id", "ontbreekt; geef elke vraag een unieke id van kleine letters, cijfers en streepjes")
    elif not isinstance(raw_id, str) or not ID_PATTERN.match(raw_id):
        problem("id", f"{raw_id!r} is geen geldige id; gebruik kleine letters, cijfers en streepjes ([a-z0-9-])",
                fields["id"][1])

    text = _scalar(fields.get("question"))
    if "question" not in fields:
        problem("question", "ontbreekt; schrijf de vraag zoals een beleidsmedewerker hem stelt")
    elif not isinstance(text, str) or not text.strip():
        problem("question", "moet een niet-lege tekst zijn", fields["question"][1])

    category = _scalar(fields.get("category"))
    if "category" not in fields:
        problem("category", f"ontbreekt; kies uit {', '.join(CATEGORIES)}")
    elif category not in CATEGORIES:
        problem("category", f"onbekende categorie {category!r}; kies uit {', '.join(CATEGORIES)}", fields["category"][1])

    answerable = _scalar(fields.get("answerable"))
    if "answerable" not in fields:
        problem("answerable", "ontbreekt; true als het corpus de vraag beantwoordt, false als de assistent moet weigeren")
    elif not isinstance(answerable, bool):
        problem("answerable", f"moet true of false zijn, niet {answerable!r}", fields["answerable"][1])

    gold_docs = _string_list(fields, "gold_docs", problem)
    gold_passages = _string_list(fields, "gold_passages", problem)
    key_facts = _string_list(fields, "key_facts", problem)
    history = _history(fields, problem)
    filters = _filters(fields, problem)

    if "gold_docs" not in fields:
        problem("gold_docs", "ontbreekt; noem de documenten die de vraag beantwoorden ([] als geen enkel document dat doet)")
    if isinstance(answerable, bool):
        if answerable and "gold_docs" in fields and not gold_docs:
            problem("gold_docs", "answerable is true maar gold_docs is leeg; noem minstens één document",
                    fields["gold_docs"][1])
        if not answerable:
            for name, values in (("gold_docs", gold_docs), ("gold_passages", gold_passages), ("key_facts", key_facts)):
                if values:
                    problem(name, "answerable is false (de assistent moet weigeren), dus dit veld moet leeg zijn",
                            fields[name][1])
        if category == "unanswerable" and answerable:
            problem("answerable", "categorie unanswerable hoort bij answerable: false", fields["answerable"][1])
        if category in CATEGORIES and category != "unanswerable" and not answerable:
            problem("category", "answerable is false; gebruik dan categorie unanswerable", fields["category"][1])
    if category == "followup" and "history" not in fields:
        problem("history", "categorie followup vraagt om eerdere beurten in history")
    if category == "filtered" and "filters" not in fields:
        problem("filters", "categorie filtered vraagt om filters (type, region of doc_id)")
    for name, values in (("gold_docs", gold_docs), ("key_facts", key_facts), ("gold_passages", gold_passages)):
        repeated = sorted({v for v in values if values.count(v) > 1})
        if repeated:
            problem(name, f"staat dubbel in de lijst: {', '.join(repeated)}", fields[name][1])

    if len(problems) > before:
        return None
    return Question(
        id=raw_id, question=text.strip(), category=category, answerable=answerable, gold_docs=gold_docs,
        history=history, filters=filters, gold_passages=gold_passages, key_facts=key_facts, source=file, line=line,
    )


def _string_list(fields: dict, name: str, problem) -> list[str]:
    if name not in fields:
        return []
    node = fields[name][1]
    value = _scalar((None, node))
    if isinstance(node, yaml.ScalarNode) and value is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        problem(name, "moet een lijst zijn, bijvoorbeeld [a, b]", node)
        return []
    values = []
    for element in node.value:
        item = _scalar((None, element))
        if not isinstance(element, yaml.ScalarNode) or not isinstance(item, str) or not item.strip():
            problem(name, f"elk element moet een niet-lege tekst zijn, niet {_show(element)}", element)
            continue
        values.append(item.strip())
    return values


def _history(fields: dict, problem) -> list[dict]:
    if "history" not in fields:
        return []
    node = fields["history"][1]
    if isinstance(node, yaml.ScalarNode) and _scalar((None, node)) is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        problem("history", "moet een lijst beurten zijn: - {role: user, content: \"...\"}", node)
        return []
    turns = []
    for position, element in enumerate(node.value, start=1):
        turn = _mapping(element)
        if turn is None:
            problem("history", f"beurt {position} moet een mapping met role en content zijn", element)
            continue
        role = _scalar(turn.get("role"))
        content = _scalar(turn.get("content"))
        extra = [k for k in turn if k not in ("role", "content")]
        if role not in ROLES:
            problem("history", f"beurt {position}: role {role!r} is ongeldig; gebruik user of assistant",
                    turn["role"][1] if "role" in turn else element)
        if not isinstance(content, str) or not content.strip():
            problem("history", f"beurt {position}: content ontbreekt of is leeg",
                    turn["content"][1] if "content" in turn else element)
        if extra:
            problem("history", f"beurt {position}: onbekende sleutel(s) {', '.join(map(str, extra))}", element)
        if role in ROLES and isinstance(content, str) and content.strip() and not extra:
            turns.append({"role": role, "content": content.strip()})
    return turns


def _filters(fields: dict, problem) -> dict:
    if "filters" not in fields:
        return {}
    node = fields["filters"][1]
    if isinstance(node, yaml.ScalarNode) and _scalar((None, node)) is None:
        return {}
    given = _mapping(node)
    if given is None:
        problem("filters", "moet een mapping zijn, bijvoorbeeld {type: handreiking, region: Parkstad Limburg}", node)
        return {}
    filters = {}
    for key, (key_node, value_node) in given.items():
        if key not in FILTER_KEYS:
            problem("filters", f"onbekende filtersleutel {key!r}; gebruik {', '.join(FILTER_KEYS)}", key_node)
            continue
        value = _scalar((None, value_node)) if isinstance(value_node, yaml.ScalarNode) else None
        values = [value] if isinstance(value, str) else None
        if isinstance(value_node, yaml.SequenceNode):
            values = [_scalar((None, e)) for e in value_node.value]
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            problem("filters", f"{key} moet een tekst of een lijst teksten zijn", value_node)
            continue
        if key == "type":
            wrong = [v for v in values if v not in DOC_TYPES]
            if wrong:
                problem("filters", f"onbekend documenttype {', '.join(wrong)}; kies uit {', '.join(DOC_TYPES)}",
                        value_node)
                continue
        filters[key] = values[0] if isinstance(value, str) else values
    return filters


def _check_unique(ids: list[tuple[str, str, int]], problems: list[Problem]) -> None:
    first: dict[str, tuple[str, int]] = {}
    for qid, file, line in ids:
        if qid in first:
            problems.append(Problem(file, line, f"dubbele id; al gebruikt op {first[qid][0]}:{first[qid][1]}", qid, "id"))
        else:
            first[qid] = (file, line)


# -- YAML nodes -------------------------------------------------------------------------
def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None and node.start_mark else 0


def _mapping(node: yaml.Node) -> dict | None:
    """A mapping node as {key: (key node, value node)}; None when it is not a mapping."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return {_construct(k): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _scalar(entry: tuple | None):
    """The Python value of a scalar node from a (key node, value node) pair; None otherwise."""
    if entry is None or not isinstance(entry[1], yaml.ScalarNode):
        return None
    return _construct(entry[1])


def _construct(node: yaml.ScalarNode):
    return yaml.SafeLoader("").construct_object(node, deep=True)


def _show(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return repr(_construct(node))
    return "een lijst" if isinstance(node, yaml.SequenceNode) else "een mapping"


def _close_match(word: str, choices: tuple[str, ...]) -> str | None:
    from difflib import get_close_matches

    found = get_close_matches(word, choices, n=1, cutoff=0.7)
    return found[0] if found else None


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
