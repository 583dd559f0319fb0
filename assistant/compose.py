"""The extractive answer: units chosen from the retrieved passages, each with its [n].

No language model and nothing invented: every line of the answer is a sentence, a lead-in
with its whole list, or a table row (with its column names) of a passage. The answer reads
as an officer wants it:
- a direct answer first: the unit that best answers the question, from the best passages;
- then supporting points, chosen with diversity (maximal marginal relevance), from as few
  documents as will do (one coherent source beats four stitched together);
- a question that contrasts two subjects ("regionaal en lokaal") gets a group for each;
- a sentence that leans on its neighbour ("Dit is …") comes with that neighbour or not at
  all; pitfalls ("Valkuilen") are shown as pitfalls, never as advice; disclaimers and
  cross-references are not content;
- sources of different dates are ordered newest first, and the answer says so;
- in a follow-up, what an earlier answer already said is not repeated, unless a point it
  only listed is what the follow-up asks for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import takewhile

from assistant.condense import asks_same_of_another, own_terms
from assistant.expand import one_passage
from assistant.models import Citation
from assistant.sentences import (ARTICLE_HEADING, DEFINITIONS_HEADING, FULL_DATE, LIST_MARK, NUMBER_WORDS,
                                 QUESTION_WORDS, Unit, analyzer_stopwords, anchors, as_quoted, asked_statement,
                                 asks_article, asks_quantity, asks_reason, coverage, credit, defined_terms, defines,
                                 entry_heads, example_paragraphs, form_fields, glossary_entry, glossary_row,
                                 is_boilerplate, laws_asked_in_effect, may_define, measure_nouns, name_terms,
                                 names_document, names_lid, near_quantity, nearest_heading, of_another_law, only_refers,
                                 question_terms, quotes, passage_units, same_verb, says_what_a_number_depends_on,
                                 shingles, states_article, states_date, states_reason, terms, tidy, without_lid_number)
from assistant.versions import (article_of, asks_about_change, asks_about_earlier_text_only, asks_about_other_text,
                                law_id, named_laws)
from index.models import Hit
from ingest.dates import ANY_DATE, MONTH_NAMES, date_from_groups, days_apart, dutch_date, latest_day
from ingest.models import Metadata
from ingest.tables import parse_row

MAX_SUPPORT = 4  # supporting points after the direct answer, besides the lids of law that complete one
RULE_POINTS = 2  # of those lids (`rest_of_rule`), at most, in one answer
# a unit's score: the weights of its own term coverage, its passage's, its passage's rank prior
# and its heading path's (`candidates`)
UNIT_WEIGHT = 0.45
PASSAGE_WEIGHT = 0.15
PRIOR_WEIGHT = 0.3
HEADING_WEIGHT = 0.1
FIRST_BONUS = 0.03  # a passage's first unit often says what the passage is about
RANK_DECAY = 0.3  # the rank prior of the passage at rank r (0 = best) is 1 / (1 + RANK_DECAY · r)
PER_FACET = 3
PITFALLS = 2  # pitfalls shown with a two-facet answer
PITFALL_HEADING = "Valkuilen volgens de bron"
OTHER_FIGURES_HEADING = "Met andere getallen in een andere bron"
PER_PASSAGE = 3
MAX_DOCUMENTS = 3  # more sources than this make an answer a patchwork
OTHER_DOCUMENT = 0.85  # a point from another document than the direct answer's must be this much better
REDUNDANT = 0.6  # share of shared terms above which a unit repeats one already chosen
SAME_WORDS = 0.8  # share of shared terms, both ways, above which a unit of another document says the same
_NAMES_SENTENCE = re.compile(r"\b(?:eerste|vorige|voorgaande)\s+(?:volzin|zin)\b", re.I)  # of its own lid
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_DENIAL = frozenset("niet geen nooit niets niemand nergens".split())
ECHOES = 2  # other documents cited beside a unit that say it in the same words, at most
SAME_POINT = 0.3  # share of shared terms above which two units speak to the same point
NAMED_LAW_WITHIN = 0.8  # a unit of the law a question names that states what it asks opens from this share of the best
STATING_WITHIN = 0.9  # a unit stating the number, reason or article asked opens from this share of the best
MAX_WORDS = 70  # longer "sentences" are usually run-on extraction artefacts
# a lid of law is written as one sentence, however long: 154 of the real library's 2,119 lids run past
# MAX_WORDS (art. 14 lid 1 of the Huisvestingswet 2026, the binding it allows: 92 words), nearly all below this
MAX_LID_WORDS = 130
# a row of a regression table ("1.375***: (0.0594) · 1.291***: (0.0760) · …"): coefficients marked for
# significance say nothing to an officer without the model they belong to
_COEFFICIENT = re.compile(r"\d\*{1,3}(?!\w)")
# a longer list is cut where it is shown, so the answer stays readable (the law's a–j lists fit);
# it is read whole, so a definition beyond the fifteenth of the Woningwet's forty still answers
MAX_ITEMS = 15
FOCUS_LIST_ITEMS = 5  # a list a follow-up has not seen shows only the items that speak to it from this length
DATES_APART = 365  # days between an answer's oldest and newest source before it says an older one may be outdated
AMOUNTS_AGE = 2 * 365  # days old a text is before its amounts in euro get a note that they may have changed
_AMOUNT = re.compile(r"€\s?\d|\b\d[\d.,]*\s?euro\b", re.I)
# an amount the text itself dates: "€ 4975,00 per 1 januari 2004: € 5.065,00" in the Participatiewet of 2025
_AMOUNT_DATED = re.compile(rf"\b(?:per|met\s+ingang\s+van|vanaf)\s+{ANY_DATE}", re.I)
ASKED_ITEMS = 2  # a question that names one or two items of such a list beyond its lead-in is answered by them

# "regionaal en (wat) lokaal", "beschermd wonen en maatschappelijke opvang", "X of Y", "X versus Y",
# "X vergeleken met Y" (a "met …" after Y says which Y: "een formele organisatie met gedetacheerde medewerkers")
_FACETS = re.compile(
    r"(?P<left>(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:en|of|versus|vs\.?|tegenover|(?:vergeleken|in vergelijking) met)\s+"
    r"(?P<asking>(?:(?:wat|wie|hoe)\s+)?)(?:(?:de|het|een)\s+)*(?P<right>[\w-]+(?:\s+[\w-]+){0,2})"
    r"(?:\s+met\s+[\w-]+(?:\s+[\w-]+){0,2}|(?P<where>\s+(?:bij|voor|rond|rondom|binnen)\s+[^?]+))?\s*$",
    re.I,
)
# a question compares when it says so ("het verschil tussen A en B", "A versus B", "vergeleken met")
# or asks again ("wat regionaal en wat lokaal"); "bij gemeenten en corporaties", "kwijt ben of niet
# ontvangen heb" and "dak- en thuislozen" join, they do not contrast
_COMPARES = re.compile(r"\b(?:verschil\w*|vergelijk\w*|vergeleken|versus|vs\b|tegenover|tussen|veranderd|verandert)",
                       re.I)
# a law's list of definitions: "In deze wet en de daarop berustende bepalingen wordt verstaan onder:"
_DEFINITIONS_LEAD = re.compile(r"\bverstaan\s+onder\s*:\s*$", re.I)
# "Met welke kennisvragen …", "Welke vraagstukken …", not "Hoe vraag ik … aan?"
_ASKS_FOR_QUESTIONS = re.compile(r"(?<!aan)(?:vragen|vraagstuk)", re.I)
_BLOCK = re.compile(r"\n\s*\n")  # the blocks of an answer text
_MARKER = re.compile(r"\[\d+\]")
# "Bent u uw stempas kwijt? Vraag dan …", "… niet op tijd? Dan heeft u recht op …": the answer to a
# question the text asks itself, which is its condition
_THEN = re.compile(r"^(?:dan\b|[\w-]+\s+dan\b)", re.I)
# a unit whose subject is only a pointer back ("Dit is een activiteit", "In de praktijk heet dit …",
# "Samen vormen zij de koplopersgroep": a personal pronoun after the verb of an inverted sentence;
# "Bijvoorbeeld als u uw paspoort beschadigt.", "Of ongeldig moet worden verklaard.": the rest of
# the sentence before it;
# "Als die afspraken …": a demonstrative right after the opening conjunction or preposition)
_LEANS_BACK = re.compile(
    r"^(dit|deze|dat|die|(?:hier|daar)(?:om|door|mee|bij|in|voor|over|naast|na|op|uit|van)|bovendien|zij|ze|"
    r"hij|zo'n|zulke|dan|ook|bijvoorbeeld|of|en|maar)\b|"
    # "Zo kan een regio de opgave anders verdelen": zo as "in that way", not "zo nodig", "zo snel
    # mogelijk", "zo zelfstandig mogelijk", "zo dichtbij"
    r"^zo\s+(?!(?:nodig|snel|spoedig|veel|vaak|lang|kort|min|goed|vroeg|laat|mogelijk|ver|weinig|klein|groot|"
    r"hoog|laag|dicht\w*|gauw|\S+\s+mogelijk)\b)|\b(heet|noemen we|noemt men) (dit|dat)\b|^(?:\S+\s+){1,2}(zij|ze|hij)\b"
    # "Als die afspraken niet worden vastgelegd …", "In dat geval …", "Met deze aanpak …"
    r"|^(als|omdat|wanneer|indien|zodra|met|voor|bij|in|op|van|door|na|naast|zonder|onder|uit)\s+(die|deze|dit|dat)\b"
    # "De woonruimte is dan onzelfstandig.", "Het college kan in dat geval …": a conclusion whose
    # condition is the sentence before; not the comparison "is hoger dan", "Indien hij jonger is dan …",
    # nor "in die gevallen dat …", which says its condition itself
    r"|^(?!(?:als|indien|wanneer|omdat|zodra|tenzij|nadat|voordat|doordat|zodat|hoewel|terwijl)\b)"
    r"(?:[\w’'-]+\s+){1,3}(?![\w-]*er\s|anders\s)[\w-]+\s+dan\b"
    r"|\bin (?:dat|dit|die) (?:geval|gevallen)\b(?!,?\s+(?:dat|waarin|waarbij|waar|als|wanneer|indien)\b)"
    # "Het gaat dus altijd om het cijfer ‘0’", after "De letter ‘O’ komt in het paspoortnummer niet voor":
    # a consequence of the sentence before, within its first seven words
    r"|^(?:[\w’'-]+\s+){1,6}(?:daarom|daardoor|derhalve|dus)\b"
    # "De urgentieregeling is het deel van de verordening waarin dat is geregeld": "dat" right before
    # the verb is no conjunction but what the sentence before says
    r"|\bwaar(?:in|mee|op|voor|door|bij|over|aan|uit|van)\s+(?:dat|dit)\s+(?:is|wordt|werd|was|staat|staan)\b"
    # "Het eerste risico is dat alles regionaal wordt besproken": one of the "twee risico's" the sentence
    # before announced; alone, a risk reads as a task. Not a law's "Het eerste lid is niet van toepassing",
    # which names its own referent
    r"|^(?:het|de)\s+(?:eerste|tweede|derde|vierde|vijfde|laatste)\s+"
    r"(?!(?:lid|artikel|onderdeel|volzin|hoofdstuk|afdeling|paragraaf|titel|bijlage)\b)[\w-]+\s+(?:is|was|betreft)\b"
    # "De bovengenoemde regel geldt namelijk niet voor:", "Ten tweede worden de maximale huurprijzen …",
    # "Met andere woorden: …": a rule, a series or a point of the text before (helper-54)
    r"|^(?:de|het|die|deze)\s+(?:(?:boven|hierboven\s*|voor|eerder|reeds\s+|voren)"
    r"(?:genoemde|vermelde|bedoelde|beschreven)|genoemde|voornoemde)\b"
    r"|^ten\s+(?:tweede|derde|vierde|vijfde|zesde)\b|^met\s+andere\s+woorden\b"
    # "Zoals hierboven beschreven is het onze ambitie om dakloosheid tegen te gaan." opened Utrecht's answer on how it
    # defines dakloosheid (helper-67): what it says is above, where the officer cannot see it
    r"|^zoals\s+(?:hierboven|hiervoor|eerder|boven|reeds|al)\s+(?:\w+\s+)?(?:beschreven|genoemd|aangegeven|gezegd"
    r"|vermeld|toegelicht|besproken|vastgesteld)\b",
    re.I,
)
# "Welke groepen …?", "Op welke thema's …?", "Wat zijn de voorwaarden …?": an enumeration answers best
_LIST_OPENING = r"^\s*(?:(?:en|op|aan|in|met|voor|van|onder|bij|uit|over|tot|naar)\s+)?(?:welke|wie zijn|wat zijn|noem)"
_ASKS_FOR_LIST = re.compile(_LIST_OPENING + r"\b", re.I)
_LIST_HEAD = re.compile(_LIST_OPENING + r"\s+(?:de\s+|alle\s+)?([\w-]+(?:\s+[\w-]+)?)", re.I)
LIST_BONUS = 0.1
# "X staat in artikel 22a van …", "X is geregeld in de Wmo 2015": where a term is written, not what it is
_LOCATES = re.compile(r"\b(?:staat|staan|is|zijn|wordt|worden)\s+(?:geregeld\s+|opgenomen\s+|vastgelegd\s+)?in\s+"
                      r"(?:artikel|art\.|hoofdstuk|paragraaf|de|het)\b", re.I)
LOCATING_WORDS = 14  # a longer sentence says more than where
SECOND_WITHIN = 0.7  # a second sentence of the same passage joins the direct answer from this share of its score
DEFINITION_BONUS = 0.3  # the unit that gives the meaning asked for opens the answer
# "daarbij", "hiervan": a follow-up's pointer back, no term of what it asks
_POINTING = re.compile(r"^(?:daar|hier|er)(?:van|bij|mee|voor|aan|over|in|uit|op|onder|tussen|naast)$")
MAX_KEY_CHARS = 12  # a row's first cell that is a label ("A", "A+", "2024", "Categorie C"), not a sentence
# "Levert een balkon punten op … voor een zelfstandige huurwoning?" opened with the points of a balcony shared by
# four onzelfstandige woonruimten (helper-62): a unit about the opposite of what is asked weighs this much
OPPOSITE_FACTOR = 0.6
# "Moeten mensen die uit de gevangenis komen ook als urgent woningzoekende worden aangemerkt?": the item of the
# law's list that names them answers yes (`_items_asked`), over a sentence that shares the rest of the words
ITEM_ASKED_BONUS = 0.1
ROW_KEY_BONUS = 0.15  # a table row whose first cell the question names ("energielabel A": the row of A, not of A++++)
TYPED_BONUS = 0.2  # a unit that states the kind of answer asked for (a date, a number, a reason)
LIST_WITHIN = 0.7
FOCUS_MISSED = 0.6
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}[a-z]?[.)]?|[a-z][.)])\s+(?=\S)")  # "1 Bij de …", "2. …", "a. …"
_LID_LABEL = re.compile(r"^Lid \d{1,2}: ")  # see `_shown`
_LAW_ARTICLE = re.compile(r"^[Aa]rtikel\s+\d+[a-z]*(?:[.:]\d+[a-z]*)*(?:\s+[A-ZÀ-Ý][^,:]*)?$")
_IDENTIFIER = r"[a-z0-9]+(?:-[a-z0-9]+){2,}"
_IDENTIFIER_CELL = re.compile(rf":\s*{_IDENTIFIER}(?:\s*,\s*{_IDENTIFIER})*\s*(?:·|$)")  # one or more, by commas
# a question about an earlier text of the law wants that text, not the one in force now
_ASKS_ABOUT_THE_PAST = re.compile(r"\b(?:oorspronkelijk\w*|vroeger\w*|destijds|voorheen|toen|oude)\b", re.I)
_EXCEPTIONS = re.compile(r"^\s*uitzondering(?:en)?\b", re.I)
_ASKS_EXCEPTION = re.compile(r"\buitzondering|\bbehalve\b|\bniet van toepassing\b|\bvrijgesteld|\bvrijstelling", re.I)
# "Rekenvoorbeeld 3: door toepassing van de cap op de WOZ krijgt de woning …" illustrates the rule "Hoe werkt de
# cap op de WOZ-punten?" asks for; opening with it, the answer read as a case, not the rule (helper-54)
_EXAMPLE = re.compile(r"^\s*(?:reken)?voorbeeld(?:\s+\d+)?\s*[:.]", re.I)
# a law's aanhef and slotformulier, the formulae around its articles: on whose voordracht, on which articles, after
# whose advice it was made, and that it be published ("Lasten en bevelen dat deze in het Staatsblad …"). "Op de
# voordracht van Onze Minister … van 28 maart 2024" answered "Wat zei de minister daarover in maart 2024?" by its
# words alone (helper-67). It answers only a question about those (`_ASKS_BASIS`)
_PREAMBLE = re.compile(r"^\s*(?:op\s+de\s+voordracht\s+van\s+(?:onze|de)\s+(?:minister|staatssecretaris)"
                       r"|gelet\s+op\s+(?:de\s+)?artikel|gezien\s+het\s+nader\s+rapport"
                       r"|de\s+afdeling\s+advisering\s+van\s+de\s+raad\s+van\s+state\s+gehoord"
                       r"|hebben\s+goedgevonden\s+en\s+verstaan|wij\s+willem-alexander\b"
                       r"|allen,?\s+die\s+deze\s+zullen\s+zien|lasten\s+en\s+bevelen\s+dat)", re.I)
_ASKS_BASIS = re.compile(r"\b(?:grondslag|gelet\s+op|op\s+grond\s+van\s+welk\w*|voordracht|raad\s+van\s+state"
                         r"|aanhef|nader\s+rapport)\b", re.I)
# "Krijgen jongeren uit de jeugdzorg urgentie?", "Vallen sekswerkers onder …?": a closed question, which asks
# whether something is so and opens with its verb; no question word anywhere ("… die met hun werk willen stoppen")
_ASKS_WHETHER = re.compile(r"^(?!.*\b(?:wat|wie|hoe|welk|welke|waar\w*|wanneer|hoeveel|hoelang|waarom|hoezo)\b)",
                           re.I | re.S)
_PITFALL = re.compile(r"valkuil|veelgemaakte fout|veel gemaakte fout|\bfouten\b|wat niet te doen|misverst", re.I)


@dataclass
class Candidate:
    unit: Unit
    hit_rank: int
    position: int
    terms: set[str]  # stems of the unit (with its items)
    section_terms: set[str]  # stems of the heading path it stands under
    score: float = 0.0
    context: Unit | None = None  # the unit a leaning sentence needs before it
    pitfall: bool = False
    above: set[str] = field(default_factory=set)  # stems of the nearest heading
    defined: tuple[str, ...] | None = None  # the asked term whose meaning the unit gives
    repeated: bool = False  # a sentence an earlier answer showed (a follow-up may still need it)
    opened: bool = False  # … in its opening block, the direct answer the officer read first
    shown: tuple[int, ...] | None = None  # of a list longer than MAX_ITEMS, the items shown (`shown_items`)
    example: bool = False  # a worked example ("Rekenvoorbeeld 3: …") where none is asked for: it opens no answer

    @property
    def parts(self) -> list[str]:
        """What the answer shows of the candidate, as highlighted in its source."""
        return (([self.context.text] if self.context else []) + [self.unit.text, *(i for i, _, _ in self.marked_shown())]
                + ([self.unit.tail] if self.unit.tail else []))

    def marked_shown(self) -> list[tuple[str, str, int]]:
        """(item, mark, depth) of the items the answer shows: all of a list up to MAX_ITEMS long; the depth
        says how many items it stands under ("2°." under "b.", `Unit.depth`)."""
        marked = self.unit.marked_items()
        shown = self.shown if self.shown is not None else range(min(len(marked), MAX_ITEMS))
        return [(*marked[i], self.unit.depth(i)) for i in shown]


@dataclass
class Composition:
    text: str
    citations: list[Citation]
    used: dict[int, list[str]] = field(default_factory=dict)


def facets_of(question: str) -> list[tuple[str, set[str]]]:
    """Two contrasted subjects of a question, as (label, stems), or [] when there are none or
    the question does not compare them (`_COMPARES`)."""
    for match in _FACETS.finditer(question.rstrip("?")):
        if question[:match.start("left")].rstrip().endswith(","):
            continue  # "tussen gemeente, woningcorporatie en huurdersorganisatie": three parties, not two sides
        if match.group("asking") and len(match.group("right").split()) > 1:
            continue  # "… en wie heeft het ingericht?" asks a second question; "… en wat lokaal?" contrasts
        if match.group("where") and not match.group("asking"):
            # only "… en wat lokaal bij …" says where after a side, not "… tussen 2015 en 2021 en bij welke …"
            continue
        if not (match.group("asking") or _COMPARES.search(question)):
            continue
        sides = []
        for side in (match.group("left"), match.group("right")):
            words = [w for w in side.split() if w.lower() not in QUESTION_WORDS]
            stems = set(question_terms(" ".join(words)))
            if not stems:
                break
            sides.append((" ".join(words[-2:]), stems))
        if len(sides) == 2 and not sides[0][1] & sides[1][1]:
            return sides
    return []


def candidates(hits: list[Hit], question: str, weights: dict[str, float], already_said: str = "",
               focus: set[str] | None = None, opened: str = "") -> list[Candidate]:
    """Every answer-like unit of the passages, scored against the question.

    score = 0.45 · term coverage of the unit + 0.15 · term coverage of its whole passage
            + 0.3 · the passage's rank prior + 0.1 · term coverage of its heading path
            (+ LIST_BONUS for a lead-in with its list when the question asks "welke …" and the
               list enumerates what it asks for (`enumerates`),
             + DEFINITION_BONUS for a unit that gives the meaning a "Wat verstaat … onder X?" or
               "Wat is X?" question asks for,
             + TYPED_BONUS for a unit that states the kind of answer asked: a date for "Sinds
               wanneer …", a number the question does not name itself for "Hoeveel …", a reason
               or purpose for "Waarom …",
            + a little for a passage's first unit).
    The passage's coverage counts because a law's "Tot de woningzoekenden, bedoeld in het eerste
    lid, behoren:" answers with the words of the lid it refers to. In a follow-up, `focus` holds
    the terms of the follow-up itself: a unit without any of them is about the earlier question
    and weighs FOCUS_MISSED as much; `already_said` and `opened` are the folded text of the
    earlier answers and of their opening blocks (`Candidate.repeated`, `Candidate.opened`).
    """
    wanted = set(question_terms(question))
    named = listed_kind(question)
    asked = defined_terms(question)
    typed = answer_type(question)
    # what a number asked for must be said of: the question's terms, not the measure ("duur") it names, nor
    # its names and years: Utrecht's "woningvoorraad in 2040 voor 60% …" is no decentralisatie-uitkering
    counts = (wanted - set(terms(" ".join(measure_nouns(question)))) - set(anchors(question))
              if asks_quantity(question) else set())
    wants_questions = bool(_ASKS_FOR_QUESTIONS.search(question))
    wants_example = "voorbeeld" in question.lower()
    asks_basis = bool(_ASKS_BASIS.search(question))
    # "Wanneer is de Veegwet wonen in werking getreden?": when another law took effect is no point of its answer
    in_effect = laws_asked_in_effect(question)
    whether = not focus and bool(_ASKS_WHETHER.match(question))
    # a follow-up that asks for a kind of thing and nothing else ("Welke principes horen daarbij?"); "En
    # welke groepen voegen gemeenten daar zelf nog aan toe?" asks for other groups than those listed
    asks_list_again = bool(focus) and named is not None and not {t for t in focus - named if not _POINTING.match(t)}
    found: list[Candidate] = []
    silent: list[Candidate] = []  # units of law that share no word with the question
    articles = lid_terms(hits)
    for rank, hit in enumerate(hits):
        prior = 1.0 / (1.0 + RANK_DECAY * rank)
        section = hit.chunk.section or ""
        section_terms = set(terms(section))
        above = set(terms(nearest_heading(section)))
        where = section_terms | set(terms(hit.document.title))  # where its units stand, for `opposes`
        passage = passage_units(hit)
        examples = set() if wants_example else example_paragraphs(hit.chunk.text)
        if asked:
            passage = with_definitions_apart(passage, asked)
        passage_coverage = coverage(wanted, set(terms(hit.chunk.text)), weights)
        # a glossary's entry says what its heading names: "Afspraken tussen gemeente, …" under "Prestatieafspraken"
        entry = [term for term in asked if passage and may_define(passage[0])
                 and (glossary_entry(passage[0].text, nearest_heading(section), [term])
                      or (entry_heads(nearest_heading(section)) and names_as_alias(passage[1:], term)))]
        lids = articles.get((hit.document.doc_id, section), {})
        for position, unit in enumerate(passage):
            # a law's definition may run past MAX_WORDS
            defining = next((term for term in asked if may_define(unit) and (
                defines(unit.definition_text, [term]) or (position == 0 and term in entry))), None)
            # a filled-in form's field ("Aantal gevraagde plekken: 14 plekken") ends on no full stop
            fields = form_fields(passage, position)
            if not (defining or _answer_like(unit) or fields) or is_boilerplate(unit.text) or cut_row(unit) or (
                    not asks_basis and _PREAMBLE.match(unit.text)) or (
                    in_effect and of_another_law(" ".join(unit.parts), in_effect)):
                continue
            if unit.items and _DEFINITIONS_LEAD.search(unit.text) and not defining:
                # "In deze wet wordt verstaan onder:" with thirty definitions: only those of a term
                # the question names ("huisvestingsvergunning: …" for "… huisvestingsvergunning …")
                unit = unit.with_items(lambda item: bool(wanted & set(terms(item.split(":", 1)[0]))))
                if not unit.items:
                    continue
            if unit.from_heading and named and not enumerates(unit, above, named):
                continue  # "Voordelen" lists nothing "Wat zijn de nadelen …?" asks for
            if lists_questions(unit) and not wants_questions:
                # "… zou graag de volgende vraagstukken beantwoord zien:" with its questions asks
                # what the officer asks; it answers only "Met welke kennisvragen …?"
                continue
            repeated = bool(already_said) and _core(unit.text) in already_said
            if (repeated and asks_list_again and len(unit.items) >= 2 and enumerates(unit, above, named)
                    and _core(unit.text) not in opened):
                # "Welke principes horen daarbij?" after the principles were listed below "Wat is Housing
                # First?": the list asked for is the answer, shown whole, not a point said before. Not the
                # list the last answer opened with, which was its answer
                repeated = False
            if repeated:
                # said before: only what of it speaks to the follow-up ("En voor jongeren?" after the
                # ten groups: the one item about jongeren), else nothing
                unit = _focused(unit, focus)
                if unit is None:
                    continue
            context, aside = None, False
            before = passage[position - 1] if position else None
            if before and before.paragraph == unit.paragraph and _THEN.search(unit.text) and _condition(before):
                context = before  # "Bent u uw stempas kwijt? Vraag dan …": the question is its condition
            elif ((_LEANS_BACK.search(unit.text) or (unit.lid is not None and _NAMES_SENTENCE.search(unit.text)))
                  and not names_its_own_text(unit.text, hit)):
                if (before is None or before.paragraph != unit.paragraph or not _answer_like(before)
                        or is_boilerplate(before.text) or _LEANS_BACK.search(before.text) or before.items):
                    # what it refers to is not in this passage, is the text itself ("Het is een
                    # samenvatting, geen officiële tekst. Zij beschrijft …"), leans back in turn
                    # ("Bijvoorbeeld om straten schoon te maken. Die extra kosten …") or is a list, whose
                    # lead-in alone says nothing ("Verhouding tot de urgentieregeling:" before "Gemeenten
                    # kunnen dus kiezen …"): leave it out rather than mislead
                    continue
                context = before
            elif (before is not None and before.paragraph == unit.paragraph
                  and points_back_within(unit.text, before.text)
                  and _answer_like(before) and not before.items and not is_boilerplate(before.text)):
                # its subject names what it points at, so it may stand alone where nothing comes before it;
                # shown for the reader, the sentence before adds nothing to what it says
                context, aside = before, True
            # a context said before adds nothing new: "Deze vorm wordt vaak beschermd thuis genoemd"
            # after "Steeds vaker wordt beschermd wonen ook in een eigen woning geboden" was read
            # speaks to "En krijgt iemand die daar vertrekt voorrang op een woning?" by its own words
            heard = context is not None and bool(already_said) and _core(context.text) in already_said
            if heard and focus and not any(in_focus(t, set(terms(unit.text))) for t in focus):
                # shown, it would bring back the sentence it leans on: "Deze vorm wordt vaak beschermd
                # thuis genoemd" under a heading that names maatschappelijke opvang says nothing of it
                continue
            unit_terms = set(terms(" ".join(unit.parts + ([context.text] if context and not heard and not aside
                                                          else []))))
            if unit.items or (position == 0 and entry):
                # a list is about what the heading above it names ("De tien groepen …"), and so is the
                # entry under a glossary's term
                unit_terms |= above
            # "De opdracht, bedoeld in het eerste lid, heeft een werkingsduur van 25 jaar" is about
            # what the first lid names: the diensten van algemeen economisch belang of corporaties (its
            # own words alone tell whether it repeats another point)
            read = unit_terms.union(*(named for lid, named in lids.items()
                                      if lid != unit.lid and names_lid(" ".join(unit.parts), lid)))
            if before and unit.lid is not None and before.lid == unit.lid and _NAMES_SENTENCE.search(unit.text):
                read |= set(terms(before.text))  # "de in de eerste zin genoemde bedragen": what that sentence names
            read |= set(terms(fields))  # a form's field is of the gemeente another field names
            if (wanted and not coverage(wanted, read | section_terms, weights)
                    and not (focus and any(in_focus(t, read | section_terms) for t in focus))):
                if hit.document.metadata.type == "regelgeving":  # unless an older text quotes it (`lift_newer_law`)
                    silent.append(Candidate(unit, rank, position, unit_terms, section_terms, 0.0, context,
                                            above=above))
                continue  # shares nothing with the question: at most context, never a point of the answer
            score = (UNIT_WEIGHT * coverage(wanted, read, weights) + PASSAGE_WEIGHT * passage_coverage
                     + PRIOR_WEIGHT * prior + HEADING_WEIGHT * coverage(wanted, section_terms, weights)
                     + (FIRST_BONUS if position == 0 else 0.0)
                     + (LIST_BONUS if named is not None and (len(unit.items) >= 2 and enumerates(unit, above, named)
                                                             or lists_inline(unit.text, named))
                        else 0.0))
            if defining:
                score += DEFINITION_BONUS
            if unit.kind == "row" and names_row_key(question, unit.text):
                score += ROW_KEY_BONUS
            if typed and typed(" ".join(unit.parts)):
                # "Sinds wanneer …" is answered by a date, "Hoeveel …" by a number: for a number, one said
                # of what the question asks about
                near = near_quantity(" ".join(unit.parts), question) if counts else set()
                said_of = not counts or any(credit(t, near) for t in counts)
                score += TYPED_BONUS if said_of else TYPED_BONUS / 2
            elif counts and says_what_a_number_depends_on(" ".join(unit.parts)):
                score += TYPED_BONUS / 2  # what the number asked depends on, where the text gives none
            if focus and not any(in_focus(t, read | section_terms) for t in focus):
                score *= FOCUS_MISSED
            # by its own words ("… gedeeld door vier onzelfstandige woonruimten" under a heading on zelfstandige
            # woonruimte), or by where it stands (the Beleidsboek … onzelfstandige woonruimte)
            if opposes(wanted, read) or opposes(wanted, where):
                score *= OPPOSITE_FACTOR
            asked_items = whether and _items_asked(unit, section_terms, wanted)
            if asked_items:
                score += ITEM_ASKED_BONUS
            pitfall = bool(_PITFALL.search(section) or _PITFALL.search(unit.text[:40]))
            # a list stays a point of a follow-up (`_focused` keeps its items that speak to it), unless its
            # heading leads it in: then its items are statements, said before as sentences are
            said = repeated and (not unit.items or unit.from_heading)
            found.append(Candidate(unit, rank, position, unit_terms, section_terms, score, context, pitfall, above,
                                   defining, said, said and _core(unit.text) in opened,
                                   (focus and not repeated and not asks_list_again and _items_in_focus(unit, focus))
                                   or asked_items
                                   or shown_items(unit, wanted, weights),
                                   example=not wants_example and (bool(_EXAMPLE.match(unit.text))
                                                                  or unit.paragraph in examples)))
    if not _ASKS_ABOUT_THE_PAST.search(question) or asks_about_change(question):  # not the past alone
        found += lift_newer_law(found, silent, hits)
    return pointers_below_definitions(found)


# "Deze beleidsregel geldt vanaf …", "Deze wet wordt aangehaald als …": "deze" or "dit" and its noun; "die"
# and "dat" point further back ("Die afspraken zijn lokaal" after the sentence that names them)
_DEMONSTRATIVE_NOUN = re.compile(r"^(?:deze|dit)\s+([\w-]{3,})\b", re.I)


# "Het college brengt de cliënt van deze mogelijkheid op de hoogte" after "… kan de cliënt het college een
# persoonlijk plan overhandigen": a demonstrative and its noun within the sentence that the sentence has not
# named before it (helper-70: shown alone in seven answers). Not the text itself ("deze wet", "dit lid"),
# nor a time ("dit jaar")
_DEMONSTRATIVE_WITHIN = re.compile(
    r"(?<=\s)(?:deze|dit)\s+(?!(?:wet|wetten|artikel|artikelen|lid|leden|hoofdstuk|paragraaf|afdeling|onderdeel|"
    r"besluit|regeling|verordening|titel|bijlage|handreiking|document|notitie|nota|rapport|tekst|publicatie|pagina|"
    r"factsheet|samenvatting|circulaire|beleidsregel|brief|jaar|week|maand|moment)\b)([\w-]{4,})(?:\s+([\w-]{4,}))?",
    re.I)


def points_back_within(sentence: str, before: str) -> bool:
    """Whether `sentence` refers back within itself, past its first word, to what the sentence `before` it
    says in other words (`_DEMONSTRATIVE_WITHIN`): "deze mogelijkheid" for a plan the cliënt may hand in.
    Not when the sentence has written its noun before, nor when `before` names it ("de punten voor deze
    gedeelde ruimtes" after "… gedeelde ruimtes of voorzieningen": clear as it stands)."""
    for found in _DEMONSTRATIVE_WITHIN.finditer(sentence):
        named = set(terms(" ".join(filter(None, found.groups()))))
        if named and not named & set(terms(f"{sentence[:found.start()]} {before}")):
            return True
    return False


def names_its_own_text(sentence: str, hit: Hit) -> bool:
    """Whether `sentence` opens with "deze"/"dit" and a noun that the passage's own document or
    heading names ("Deze beleidsregel …" in the Beleidsregel woonruimteverdeling Vlinderveen, "Deze
    wet …" in the Huisvestingswet 2014): it points at the text it stands in, which the citation
    names, not at a sentence before it. Of a title only its head counts, the word it opens with: "Deze vorm
    wordt vaak beschermd thuis genoemd" points at the sentence before it, not at the handreiking "Housing First en
    andere vormen van wonen met begeleiding" (helper-68)."""
    found = _DEMONSTRATIVE_NOUN.match(sentence)
    if not found:
        return False
    noun = terms(found.group(1))
    heads = [terms(title)[:1] for title in (hit.document.display_title, hit.document.title)]
    own = [word for head in heads for word in head] + terms(nearest_heading(hit.chunk.section))
    return bool(noun) and any(word == noun[0] or word.endswith(noun[0]) for word in own)


# "In het Nederlands wordt ook wel "Wonen Eerst" gezegd.", "… ook bekend als …", "… heet ook …"
_ALIAS = re.compile(r"\book\s+(?:wel\s+)?(?:bekend\s+als|genoemd|gezegd|aangeduid|heet|noemt\s+men)\b"
                    r"|\bwordt\s+ook\s+wel\b|\bandere\s+naam\s+voor\b", re.I)


def names_as_alias(units: list[Unit], term: tuple[str, ...]) -> bool:
    """Whether one of `units` gives the asked `term` as another name of what the glossary entry they stand
    in defines: "Wat is Wonen Eerst?" is answered by the entry "Housing First", whose last sentence is "In
    het Nederlands wordt ook wel "Wonen Eerst" gezegd." (helper-47 got that sentence alone)."""
    return any(_ALIAS.search(unit.text) and all(credit(stem, set(terms(unit.text))) == 1.0 for stem in term)
               for unit in units)


def pointers_below_definitions(found: list[Candidate]) -> list[Candidate]:
    """`found` with a definition that only points at another law ("X: X als bedoeld in artikel 3.6
    van de Omgevingswet", `sentences.only_refers`) losing its DEFINITION_BONUS when another unit
    says what the asked term is; without one, the pointer still answers better than a sentence
    that merely names the term ("Wat is een dochtermaatschappij?": "… als bedoeld in artikel 24a
    van Boek 2 van het Burgerlijk Wetboek van een toegelaten instelling")."""
    defining = [c for c in found if c.defined]
    pointers = [c for c in defining if only_refers(c.unit.text)]
    if len(pointers) < len(defining):
        for c in pointers:
            c.score -= DEFINITION_BONUS
    return found


def lid_terms(hits: list[Hit]) -> dict[tuple[str, str], dict[int, set[str]]]:
    """Per article of law among the passages (document and heading path), per numbered lid the
    stems of its units, read from every passage of that article in `hits`."""
    found: dict[tuple[str, str], dict[int, set[str]]] = {}
    for hit in hits:
        if article_of(hit.chunk.section) is None:
            continue
        lids = found.setdefault((hit.document.doc_id, hit.chunk.section), {})
        for unit in passage_units(hit):
            if unit.lid is not None:
                lids.setdefault(unit.lid, set()).update(terms(" ".join(unit.parts)))
    return found


def lift_newer_law(found: list[Candidate], silent: list[Candidate], hits: list[Hit]) -> list[Candidate]:
    """Units of a newer law text that an older, non-legal text quotes score as the quoting unit
    does: they say its point as the law now stands, and the newest-first rule of `direct_answer`
    lets them answer. Returns the `silent` ones (law units sharing no word with the question)
    that were lifted; those in `found` are lifted in place.

    The Kamervragen of March 2024 answer "welke groepen …" with two groups, one of them in the
    words of the Huisvestingswet of that time ("woningzoekenden die mantelzorg als bedoeld in …
    verlenen of ontvangen"); article 12 of the law as of 1 July 2026 has that group as onderdeel
    a of ten. An officer must read the ten first, and the two below them, dated."""
    def dated(c: Candidate, law: bool) -> bool:
        metadata = hits[c.hit_rank].document.metadata
        return bool(metadata.date) and (metadata.type == "regelgeving") == law

    older = [c for c in found if dated(c, law=False)]
    laws = [c for c in found + silent if dated(c, law=True)] if older else []
    said = {id(c): shingles(" ".join(c.unit.parts)) for c in laws}  # only when an older text could quote them
    lifted: dict[int, Candidate] = {}
    for old in older:
        when = latest_day(hits[old.hit_rank].document.metadata.date)  # "maart 2024": any day of March
        for law in laws:
            newer = hits[law.hit_rank].document.metadata.date > when
            if newer and law.score < old.score and any(quotes(part, said[id(law)]) for part in old.unit.parts):
                law.score = old.score
                law.above = law.above | old.terms  # what the older text calls it ("de volgende groepen")
                lifted[id(law)] = law
    return [c for c in silent if id(c) in lifted]


def answer_type(question: str):
    """A test a unit must pass to state what kind of answer is asked (a date, a number, a
    reason, an article), or None."""
    if asks_article(question):  # "Op welk wetsartikel baseert de minister de regeling …?"
        return states_article
    return asked_statement(question) or (states_reason if asks_reason(question) else None)


def _said_and_asked_again(pool: list[Candidate], focus: set[str], weights: dict[str, float],
                          typed: Callable[[str], bool] | None = None,
                          referent: set[str] = frozenset(), counts: bool = False) -> Candidate | None:
    """The supporting point of an earlier answer (its opening only when that states what is asked) that
    outscores the best new unit speaking to what the follow-up adds (`focus`) and names as much of it
    itself (by idf), or None. It must state the kind of answer asked (`answer_type`: a reason for "En
    waarom …?"; for a number, with `counts`, what it depends on) when the new unit does. Of several, one that names what the follow-up leans on (`referent`: the terms
    the standalone question took from the earlier turns) comes first: "En welke groepen voegen
    gemeenten daar zelf nog aan toe?" after the groups of the urgentieregeling asks about those,
    not about a group "in de praktijk toegevoegd aan de taakstelling"."""
    def named(c: Candidate) -> float:
        return coverage(focus, c.terms, weights)

    def states(c: Candidate) -> bool:
        text = " ".join(c.unit.parts)
        return bool(typed and (typed(text) or (counts and says_what_a_number_depends_on(text))))

    fresh = max((c for c in pool if not c.repeated and not c.pitfall and _speaks_to(c, focus)),
                key=lambda c: c.score, default=None)
    # the earlier opening too, when it said what the follow-up now asks: "Hoeveel woningen worden daarvoor in
    # 2026 gereserveerd?" after an answer that opened with "Het aantal woningen dat in 2026 wordt gereserveerd
    # … is afhankelijk van …" (helper-48); answered instead with another number, the officer is misled
    said = [c for c in pool if c.repeated and (not c.opened or states(c)) and not c.pitfall
            and c.score > fresh.score] if fresh else []
    back = max(said, key=lambda c: (_speaks_to(c, referent), named(c), c.score), default=None)
    return back if back and named(back) >= named(fresh) and (states(back) or not states(fresh)) else None


def in_focus(term: str, found: set[str]) -> bool:
    """Whether `found` names a term of what a follow-up adds, as coverage counts it (`credit`), or
    as the verb it conjugates (`same_verb`): "Wie beslist dat?" asks what article 13's "beslissen"
    says. Only here: over whole questions, "Hoe verschilt …" would be asked by every "verschillen"."""
    return bool(credit(term, found)) or any(same_verb(term, other) for other in found)


def _speaks_to(c: Candidate, focus: set[str]) -> bool:
    """Whether the unit or its headings name a term of the follow-up's `focus`, in the law's word
    ("beschikking" for "beslissing") or as part of a compound, as coverage counts them (`credit`)."""
    return any(in_focus(t, c.terms | c.section_terms) for t in focus)


def _items_in_focus(unit: Unit, focus: set[str]) -> tuple[int, ...] | None:
    """Of a list of FOCUS_LIST_ITEMS or more that a follow-up has not seen, whose lead-in does not
    name what it adds (`focus`), the positions of the items that do; None when the lead-in does or
    no item does. Shown, not scored: "En voor jongeren?" after "Hoe organiseer je de uitstroom uit
    beschermd wonen?" showed all ten groups with group 7 in the middle (helper-53); narrowed before scoring, a list
    scored below the units it beat. A shorter list is read at a glance, and its other items are
    often about the same ("Hoe doet Parkstad dat?": three points of Parkstad's profile, one naming it)."""
    if len(unit.items) < FOCUS_LIST_ITEMS or any(in_focus(t, set(terms(unit.text))) for t in focus):
        return None
    named = tuple(i for i, item in enumerate(unit.items) if any(in_focus(t, set(terms(item))) for t in focus))
    return named or None


def cut_row(unit: Unit) -> bool:
    """Whether `unit` is a table row whose cells a PDF's layout cut mid-phrase, as a bracket opened in one
    cell and closed in the next line shows: "Wijzigingen Besluit huurprijzen woonruimte: Bovengrens
    regulering middenhuur (inclusief · Wetswijzigingen …: Maximale jaarlijkse huurprijsstijging regulering"
    opened an answer (helper-58); 17 of the 965 rows of the real library are cut so."""
    return unit.kind == "row" and any(value.count("(") != value.count(")") for _, value in parse_row(unit.text) or [])


def opposes(wanted: set[str], found: set[str]) -> bool:
    """Whether `found` (the stems of a unit, or of its headings and its text's title) names the opposite of
    a term the question asks, written with "on-", and not the term itself: "onzelfstandig" for "zelfstandig",
    "onbewoonbaar" for "bewoonbaar"; unless the question asks both ("Wanneer is een woonruimte zelfstandig
    en wanneer onzelfstandig?")."""
    return any(f"on{t}" in found and t not in found and f"on{t}" not in wanted for t in wanted)


def names_row_key(question: str, row: str) -> bool:
    """Whether `question` names the first cell of a table row as it is written, a word of its own: "Hoeveel
    punten krijgt een woning met energielabel A?" names the row "Energielabel …: A · Punten …: 41", whose
    cells share no other word with the question than those of the rows above and below it (A++++, A+++, …),
    and which a term, a stem of two letters or more, does not see (helper-58)."""
    cells = parse_row(row)
    key = cells[0][1].strip() if cells else ""
    # a date is a label however long it is written: "Wat is de liberalisatiegrens per 1 januari 2026?" names
    # the row "Ingang huurovereenkomst op/na: 1 januari 2026 · …", not that of 1 januari 2024 (helper-62)
    label = 0 < len(key) <= MAX_KEY_CHARS or FULL_DATE.fullmatch(key) is not None
    return (label and any(c.isalnum() for c in key)
            and re.search(rf"(?<![\w+-]){re.escape(key)}(?![\w+-])", question) is not None)


def _items_asked(unit: Unit, section_terms: set[str], wanted: set[str]) -> tuple[int, ...] | None:
    """Of a list of FOCUS_LIST_ITEMS or more, the positions of the one or two (ASKED_ITEMS) items that name
    what a closed question (`_ASKS_WHETHER`) asks beyond the list's lead-in and headings (`wanted`, its
    stems); None when no item or more items do. "Krijgen jongeren uit de jeugdzorg urgentie?" is answered
    by group 7 of the ten under "… horen in ieder geval deze woningzoekenden tot de urgent
    woningzoekenden:", not by all ten; the answer notes the others (`_render`). An open question may ask
    for the whole list: "Hoe maak ik de doelen voor aandachtsgroepen concreet?" is answered by five
    questions to ask, the first of which names aandachtsgroepen."""
    if len(unit.items) < FOCUS_LIST_ITEMS:
        return None
    led = set(terms(unit.text)) | section_terms
    own = {t for t in wanted if not in_focus(t, led)}
    named = _items_in_focus(unit, own) if own else None
    if named:
        # "Horen mensen die beschermd wonen verlaten bij de urgente woningzoekenden?": four groups "verlaten"
        # a place, one of them beschermd wonen; the items that name most of what is asked answer it
        # (by two words at least: "… klopt dat nog voor de wet …?" names no group, though most items name a wet)
        counts = {i: sum(in_focus(t, set(terms(unit.items[i]))) for t in own) for i in named}
        if max(counts.values()) >= 2:
            named = tuple(i for i in named if counts[i] == max(counts.values()))
    return named if named and len(named) <= ASKED_ITEMS else None


def supporting_list(c: Candidate, wanted: set[str]) -> Candidate:
    """A list of FOCUS_LIST_ITEMS or more items as a supporting point of a question that asks for no
    list: with only the items that name a term of the question (`wanted`, its stems) which neither
    its lead-in nor its headings name, each under the item it is nested in; whole when no item
    does, for then the list came in by what it stands under (art. 12 lid 3's ten groups for "… twee
    groepen verplicht in de urgentieregeling; klopt dat nog …?"). A list's score counts the words of
    all its items: "Wat kost de begeleiding bij Housing First in Voorbeeldstad per deelnemer?" had
    the right sentence followed by all six lessons of another gemeente's Housing First, and all five
    conditions of Housing First (helper-65)."""
    if len(c.unit.items) < FOCUS_LIST_ITEMS or c.shown is not None:
        return c
    led = set(terms(c.unit.text)) | c.section_terms
    # a word of three letters ("per deelnemer", "telt mee") is too common to pick an item by
    own = {t for t in wanted if len(t) > 3 and not in_focus(t, led)}
    named: set[int] = set()
    for i, item in enumerate(c.unit.items):
        if any(in_focus(t, set(terms(item))) for t in own):
            while i is not None and i not in named:
                named.add(i)
                i = c.unit.parent_position(i)
    for i in list(named):
        # an item that announces its parts is read with all of them: "c. die jonger is dan 27 jaar en … onderwijs
        # kan volgen en:" showed only "2°.", and lost the "dan wel" of "1°." (helper-70)
        if c.unit.items[i].rstrip().endswith(":"):
            named |= set(range(i + 1, i + 1 + len(c.unit.nested(i))))
    return c if not named or len(named) == len(c.unit.items) else replace(c, shown=tuple(sorted(named)))


def _named_focus(c: Candidate, focus: set[str]) -> int:
    """How many terms of a follow-up's `focus` the unit or its headings name (`in_focus`)."""
    return sum(in_focus(t, c.terms | c.section_terms) for t in focus)


def _focused(unit: Unit, focus: set[str] | None) -> Unit | None:
    """The part of a unit the previous answer showed that speaks to a follow-up's `focus`: a
    lead-in with only the items that name it, a sentence that names it; None when none does. A list
    whose lead-in names all of the focus is asked for whole: "En waarover mag die verordening regels
    geven?" after art. 4's "… regels geven met betrekking tot: a. …, b. …" lost item b. ("En welke
    groepen voegen gemeenten zelf toe?" asks for other groups than a lead-in's "de volgende groepen".)"""
    if not focus:
        return None
    if unit.items:
        if all(in_focus(t, set(terms(unit.text))) for t in focus):
            return unit
        named = unit.with_items(lambda item: any(in_focus(t, set(terms(item))) for t in focus))
        return named if named.items else None
    return unit if any(in_focus(t, set(terms(unit.text))) for t in focus) else None


def with_definitions_apart(passage: list[Unit], asked: list[tuple[str, ...]]) -> list[Unit]:
    """`passage` with each list item that defines an asked term (`assistant.sentences.defines`)
    also as a unit of its own: "opvang: onderdak en begeleiding …" answers "Wat verstaat de Wmo
    onder opvang?", the law's other thirty definitions around it do not. A glossary row that
    defines it is one unit with all the sentences of its description ("Begrip: Geliberaliseerde
    huur · Beschrijving: Vrije huursector." without "Huurprijs ligt boven … € 879,66." leaves out
    what an officer asked for); for other questions its sentences stay apart, each no more than
    a sentence of prose."""
    apart = []
    absorbed = 0  # the sentences of a glossary row taken into its first
    for position, unit in enumerate(passage):
        if absorbed:
            absorbed -= 1
            continue
        if glossary_row(unit.text) and defines(unit.text, asked):
            rest = list(takewhile(lambda later: later.kind == "sentence" and later.paragraph == unit.paragraph
                                  and not glossary_row(later.text), passage[position + 1:]))
            unit, absorbed = replace(unit, text=" ".join([unit.text, *(later.text for later in rest)])), len(rest)
        apart.append(unit)
        apart += [_item_apart(unit, position) for position in range(len(unit.items))
                  if defines(unit.item_definition(position), asked)]
    return apart


def _item_apart(unit: Unit, position: int) -> Unit:
    """Item `position` of `unit` as a unit of its own, an item that ends in a colon with the items
    nested under it ("woongelegenheid:" or "verbonden onderneming: rechtspersoon of vennootschap:"
    with its a. to c.); it keeps its lid, but is not the lid's first sentence: "Lid 1:" would not
    be its place."""
    inner = unit.nested(position) if unit.items[position].rstrip().endswith(":") else []
    return replace(unit, text=unit.items[position], kind="lead" if inner else "sentence", opens_lid=False,
                   items=[item for item, _ in inner], marks=[mark for _, mark in inner])


# "Doorstroom: hoeveel mensen stromen … uit?": an item that names something and says by a question what it is
_LABELLED = re.compile(r"^\s*[^:?]{1,40}:\s")


def lists_questions(unit: Unit) -> bool:
    """A lead-in whose items are mostly questions ("Welk resultaat streef je na?", …); not a list of labelled
    items that each say by a question what they measure ("Doorstroom: hoeveel mensen …?", the indicators that
    "Welke indicatoren gebruik je …?" asks for, helper-68)."""
    asked = sum(item.rstrip().endswith("?") and not _LABELLED.match(item) for item in unit.items)
    return unit.kind == "lead" and asked * 2 >= len(unit.items)


def _condition(unit: Unit) -> bool:
    """A question a text asks itself as the condition of what follows ("Bent u uw stempas
    kwijt?"), itself whole: "Of gaat u die sluiten?" leans on the question before it."""
    return unit.text.endswith("?") and not _LEANS_BACK.search(unit.text)


def _answer_like(unit: Unit) -> bool:
    """Statements, lead-ins with their list and table rows; not questions, headings or debris."""
    if unit.kind == "row":
        # a row that names a document by its identifier ("Vraag: Hoeveel statushouders …? · Document
        # in deze kennisbank: regelgeving-taakstelling-vergunninghouders") points to where the
        # answer stands, as "Zie ook …" does; it is none itself
        return not _IDENTIFIER_CELL.search(unit.text) and len(_COEFFICIENT.findall(unit.text)) < 2
    sentence = unit.text
    limit = MAX_LID_WORDS if unit.lid is not None else MAX_WORDS
    if unit.kind == "lead":
        return len(sentence.split()) <= limit
    if len(sentence.split()) > limit or sentence.endswith(("?", ":")) or sentence.startswith("|"):
        return False
    if not sentence.endswith((".", "!", ")", ";", "”", '"', "'")):
        return False  # a heading, a table cell or a fragment cut off by the page, not a statement
    letters = sum(ch.isalpha() for ch in sentence)
    return letters >= 0.6 * len(sentence.replace(" ", ""))


def under_a_sibling(c: Candidate, facets: list[set[str]]) -> bool:
    """Whether the unit stands under a heading that shares words with a facet without naming any:
    "De intensiteit is lager dan bij Housing First of beschermd wonen" under "Begeleid zelfstandig
    wonen" is about a third form of housing, not about either side of the comparison."""
    return (any(stems & c.above for stems in facets) and not any(stems <= c.above for stems in facets))


def facet_pool(pool: list[Candidate], facet: set[str], others: set[str]) -> list[Candidate]:
    """The units about one facet, rescored: one under a heading that names the facet
    ("Regionaal") belongs to it most; one that names the other facet too, less."""
    rescored = []
    for c in pool:
        if not (facet <= (c.terms | c.section_terms) or (c.defined and set(c.defined) == facet)):
            continue  # "Mensen wonen zelfstandig …" is not about "beschermd wonen"; the law's "opvang: …" is
        if under_a_sibling(c, [facet, others]):
            continue
        bonus = (0.25 if c.section_terms & facet and not c.section_terms & others else 0.0) - (
            0.15 if (c.terms | c.section_terms) & others else 0.0)
        rescored.append(replace(c, score=c.score + bonus))
    return rescored


def choose(pool: list[Candidate], limit: int, chosen: list[Candidate], hits: list[Hit]) -> list[Candidate]:
    """Best-scoring units first, skipping repeats of chosen ones (maximal marginal relevance),
    and preferring the documents already used over opening another."""
    picked: list[Candidate] = []
    best = max((c.score for c in pool + chosen), default=0.0)

    def documents() -> set[str]:
        return {hits[c.hit_rank].document.doc_id for c in chosen + picked}

    def adjusted(c: Candidate) -> float:
        used = documents()
        return c.score * (OTHER_DOCUMENT if used and hits[c.hit_rank].document.doc_id not in used else 1.0)

    remaining = list(pool)
    while remaining and len(picked) < limit:
        candidate = max(remaining, key=adjusted)
        remaining.remove(candidate)
        if adjusted(candidate) < 0.5 * best:
            break
        doc_id = hits[candidate.hit_rank].document.doc_id
        if any(_similar(candidate, other) and not _dated_apart(candidate, other, hits) for other in chosen + picked):
            continue
        if sum(1 for c in chosen + picked if c.hit_rank == candidate.hit_rank) >= PER_PASSAGE:
            continue
        if doc_id not in documents() and len(documents()) >= MAX_DOCUMENTS:
            continue
        picked.append(candidate)
    return picked


def _same_lid_in(doc_id: str, unit: Candidate, pool: list[Candidate], hits: list[Hit]) -> Candidate | None:
    """The best unit of text `doc_id` under the same article and lid as `unit`, or None."""
    article = article_of(hits[unit.hit_rank].chunk.section)
    same = [c for c in pool if hits[c.hit_rank].document.doc_id == doc_id and article is not None
            and article_of(hits[c.hit_rank].chunk.section) == article and c.unit.lid == unit.unit.lid]
    return max(same, key=lambda c: c.score, default=None)


def law_editions(pool: list[Candidate], hits: list[Hit]) -> list[tuple[str, str]]:
    """(label, doc_id) of each text of one law in `pool`, one per date, newest first: of the law
    (`versions.law_id`) whose unit under an article scores best, when it has texts of two or
    more dates there; else []. Only units under an article count: a summary that links to the
    law is no text of it. The label names the text and its date."""
    texts: dict[str, Hit] = {}
    law = None
    for c in sorted(pool, key=lambda c: -c.score):
        hit = hits[c.hit_rank]
        if hit.document.metadata.type != "regelgeving" or not hit.document.metadata.date:
            continue
        own_law = law_id(hit.document) if article_of(hit.chunk.section) else None
        if own_law is None:
            continue
        law = law or own_law
        if own_law == law:
            texts.setdefault(hit.document.metadata.date, hit)
    if len(texts) < 2:
        return []
    return [(f"{h.document.display_title} ({dutch_date(h.document.metadata.date)})", h.document.doc_id)
            for h in sorted(texts.values(), key=_age)]


def edition_points(pool: list[Candidate], doc_id: str, chosen: list[Candidate], hits: list[Hit]) -> list[Candidate]:
    """The PER_FACET best units of one text of a law (`law_editions`) not chosen yet, article by
    article in the order the search found the articles (in any text of the law: the officer
    compares the same article), by score within one; none under half the best score of this
    text, and no repeat within it. The other text's passages come lower among the hits, so
    their scores are measured against each other, not against the answer's best."""
    def own(c: Candidate) -> bool:
        return hits[c.hit_rank].document.doc_id == doc_id

    found_at: dict[str, int] = {}
    for rank, hit in enumerate(hits):
        found_at.setdefault(article_of(hit.chunk.section) or "", rank)
    mine = [c for c in pool if own(c) and c not in chosen]
    floor = 0.5 * max((c.score for c in mine), default=0.0)
    picked: list[Candidate] = []
    for c in sorted(mine, key=lambda c: (found_at[article_of(hits[c.hit_rank].chunk.section) or ""], -c.score)):
        if c.score >= floor and len(picked) < PER_FACET and not any(_similar(c, o) for o in chosen + picked if own(o)):
            picked.append(c)
    return picked


def rest_of_rule(pool: list[Candidate], points: list[Candidate], chosen: list[Candidate], hits: list[Hit],
                 limit: int = RULE_POINTS) -> list[Candidate]:
    """The lids of law that point at the lid of one of `points` in their own article, in the
    article's order, at most `limit`, each scoring at least half the best of `chosen`: one rule
    often runs over several lids, and lid 1 of Uitvoeringsbesluit Wmo art. 3.12 (12,5 % of the
    income in the first six months) misleads without lid 3 ("De bijdrage voor beschermd wonen,
    bedoeld in het eerste lid, bedraagt ten minste € 158,60 …")."""
    found: list[Candidate] = []
    floor = 0.5 * max((c.score for c in chosen), default=0.0)
    for point in points:
        home = hits[point.hit_rank]
        article = article_of(home.chunk.section)
        if point.unit.lid is None or article is None:
            continue
        for c in sorted(pool, key=lambda c: (c.unit.lid or 0, c.position)):
            hit = hits[c.hit_rank]
            if (len(found) < limit and not c.pitfall and c.score >= floor
                    and c.unit.lid not in (None, point.unit.lid) and hit.document.doc_id == home.document.doc_id
                    and article_of(hit.chunk.section) == article and names_lid(" ".join(c.unit.parts), point.unit.lid)
                    and not any(c is other or _similar(c, other) for other in chosen + found)):
                found.append(c)
    return found


def with_best_passage(pool: list[Candidate], chosen: list[Candidate], hits: list[Hit]) -> list[Candidate]:
    """The best unit of the best-ranked passage, when nothing of that passage or its document is
    in the answer yet: the reranker's first pick is always shown, whatever the answer leans on."""
    if not hits or any(hits[c.hit_rank].document.doc_id == hits[0].document.doc_id for c in chosen):
        return []
    # not a lid the answer already shows from another edition of the law
    own = [c for c in pool if c.hit_rank == 0 and not c.pitfall
           and not any(_similar(c, other) and not _dated_apart(c, other, hits) for other in chosen)]
    return [max(own, key=lambda c: c.score)] if own else []


def _names_in_title(called: set[str], hit: Hit) -> int:
    """How many of the names a question writes (`called`, stems; numbers aside) a passage's
    document has in its title or id."""
    return len({t for t in called if not t.isdigit()} & set(terms(f"{hit.document.title} {hit.document.doc_id}")))


def _dated_apart(a: Candidate, b: Candidate, hits: list[Hit]) -> bool:
    """Two texts of different dates on one point: both stay, so the reader sees what changed. Not when
    they say the same in the same words (`says_the_same`): "De gemeenteraad stelt in de
    huisvestingsverordening het bedrag vast van de bestuurlijke boete …" of 2014 and of 2026 were two
    points a word apart, and an officer could not tell what had changed (helper-60)."""
    dates = {hits[a.hit_rank].document.metadata.date, hits[b.hit_rank].document.metadata.date}
    return None not in dates and len(dates) == 2 and not says_the_same(a, b)


def _other_articles(a: Candidate, b: Candidate, hits: list[Hit]) -> bool:
    """Two units under different articles of law: laws share their words, so artikel 33a of the
    2026 edition is not a newer text on the point of artikel 4 of the 2014 one."""
    found = [ARTICLE_HEADING.match(nearest_heading(hits[c.hit_rank].chunk.section)) for c in (a, b)]
    return all(found) and found[0].group(1).lower() != found[1].group(1).lower()


def _shared(a: Candidate, b: Candidate) -> float:
    """The share of the smaller unit's terms that the other has too."""
    return len(a.terms & b.terms) / (min(len(a.terms), len(b.terms)) or 1)


def _similar(a: Candidate, b: Candidate) -> bool:
    """Whether `a` says nothing that `b`, already chosen, does not: the same unit, one inside the
    other, or most of `a`'s terms in `b`. A list that holds all the terms of a short sentence
    chosen before still says more than it."""
    if a.defined and b.defined and a.defined != b.defined:
        return False  # the meanings of the two terms a "verschil tussen …" question asks about
    if a.unit is b.unit or a.unit.text in b.parts or b.unit.text in a.parts:
        return True
    if _core(a.unit.text) in _core(b.unit.text) or _core(b.unit.text) in _core(a.unit.text):
        return True  # also the same lid in two editions of a law, numbered "1 …" in one and not in the other
    return len(a.terms & b.terms) / (len(a.terms) or 1) > REDUNDANT


def direct_answer(pool: list[Candidate], facets: list[tuple[str, set[str]]], hits: list[Hit],
                  focus: set[str] | None = None, named: set[int] | frozenset[int] = frozenset(),
                  law: set[int] | frozenset[int] = frozenset(),
                  typed: Callable[[str], bool] | None = None, lists: bool = False) -> Candidate | None:
    """The unit that answers the question most directly; for two facets, one that names both;
    in a follow-up, one that speaks to what the follow-up adds (`focus`) when there is one.

    Laws and policies change, so the newest source answers first: among near-equals (within
    10 %), and over an older text on the same point (sharing a third of its terms) that
    scores up to 40 % better (the reader still sees the older one, dated, below it). Another
    article of law is never the same point, however close its score, and a definition and a
    sentence that does not define that term are never the same point either way ("Wat is een
    briefadres?" is answered by what a briefadres is, not by a newer sentence on who must
    register one). But the text the question names (`named`: positions in `hits`) answers
    before those: "Wat is het huishoudinkomen volgens de Woningwet?" asks the Woningwet of 1991,
    not the Huisvestingswet of 2026 that defines it in almost the same words. And a text of the law
    the question names (`law`: positions in `hits`, `versions.named_laws`) answers before a near
    as good unit of another article: "… voor Wmo-ondersteuning?" is answered by the Wmo's six weeks,
    not the five days of the Uitvoeringsbesluit Wmo 2015, which has "Wmo" in its name too. When the
    law's unit states the kind of answer asked (`typed`), it opens from NAMED_LAW_WITHIN of the best:
    "Binnen welke termijn moet de gemeente beslissen op een Wmo-aanvraag?" is answered by the Wmo's
    "beschikking binnen twee weken", not the Huisvestingswet's "beslissen … binnen acht weken". So does the law's
    list for a question that asks for one (`lists`): "Welke groepen moeten volgens de Huisvestingswet verplicht
    urgentie krijgen?" is answered by art. 12 lid 3's ten groups, not by a circular's "Bij deze doelgroepen
    concurreert ‘urgentie’ …" (helper-68). Any unit that states it opens from STATING_WITHIN of a best unit that
    does not."""
    if facets:
        pool = [c for c in pool if all((c.terms | c.section_terms) & stems for _, stems in facets)
                and not under_a_sibling(c, [stems for _, stems in facets])]
    if focus:
        pool = [c for c in pool if _speaks_to(c, focus)] or pool
        # "En waarom doen ze mee …?" asks a reason: one that gives it answers before one that names more
        # of the question ("De stadsregio is een van de koploperregio's in … Een thuis voor iedereen").
        # Not any number for "Hoeveel …": Utrecht's "in 2040 voor 60 %" is not the woningen reserved
        if typed in (states_reason, states_article):
            pool = [c for c in pool if typed(" ".join(c.unit.parts))] or pool
        # "Wie beslist er uiteindelijk of iemand in zo'n urgentiecategorie valt?" after the ten groups: art.
        # 13's "beslissen over de indeling … in de urgentiecategorieën" names two of what it adds, art. 12
        # lid 2 on the criteria one, though the carried topic (the groups of lid 3) scores it higher
        most = max((_named_focus(c, focus) for c in pool), default=0)
        pool = [c for c in pool if most and _named_focus(c, focus) == most] or pool
    plain = [c for c in pool if not c.pitfall]
    if not plain:
        return None
    plain = [c for c in plain if not c.example] or plain
    if focus:
        # "En wat is mantelzorg?" after the ten groups: onderdeel a names mantelzorg and shares the
        # carried-over topic's words, the Wmo's definition of the word the follow-up asks about says what it is
        plain = [c for c in plain if c.defined and set(c.defined) <= focus and not only_refers(c.unit.text)] or plain
    best = max(plain, key=lambda c: c.score)
    if best.hit_rank not in law:
        own = [c for c in plain if c.hit_rank in law and c.defined == best.defined and c.score >= (
            NAMED_LAW_WITHIN if (typed and typed(" ".join(c.unit.parts))) or (lists and len(c.unit.items) >= 2)
            else 0.9) * best.score]
        best = max(own, key=lambda c: c.score, default=best)
    if typed and typed is not states_date and not typed(" ".join(best.unit.parts)):
        # "Voor hoeveel procent van de woningen mag een gemeente voorrang geven … lokale binding?" opened
        # with lid 5, which states no share, over lid 2's "ten hoogste 50 procent" scoring as well. Not
        # for a date: the caution reads the best passages, and a date opening from one further down
        # ("uitgesteld tot 1 oktober 2024") would be cautioned as named by none
        stating = [c for c in plain if c.score >= STATING_WITHIN * best.score and typed(" ".join(c.unit.parts))]
        if stating:
            plain, best = stating, max(stating, key=lambda c: c.score)
    # a law's article of definitions is the source of the words another text copies: the Wmo's article 1.1.1 gives
    # what a maatwerkvoorziening is, not the Besluit huurprijzen of 2026 that lists it (helper-70)
    defining = best.defined and DEFINITIONS_HEADING.search(hits[best.hit_rank].chunk.section or "")

    def copies(c: Candidate) -> bool:  # another law's words, not another text of the same law
        return (law_id(hits[c.hit_rank].document) != law_id(hits[best.hit_rank].document)
                and not DEFINITIONS_HEADING.search(hits[c.hit_rank].chunk.section or ""))

    rivals = [c for c in plain if not _other_articles(c, best, hits) and c.defined == best.defined
              and not (defining and copies(c)) and (
        c.score >= 0.9 * best.score
        or (c.score >= 0.6 * best.score and _shared(c, best) > SAME_POINT
            and hits[best.hit_rank].document.metadata.date is not None
            and _age(hits[c.hit_rank]) < _age(hits[best.hit_rank])))]
    return min([c for c in rivals if c.hit_rank in named] or rivals, key=lambda c: (_age(hits[c.hit_rank]), -c.score))


def next_sentence(pool: list[Candidate], first: Candidate | None, wanted: set[str],
                  focus: set[str] | None = None) -> Candidate | None:
    """The second sentence of a direct answer: the best sentence that follows the first in the
    same passage, names one of the question's terms (`wanted`) itself, scores at least
    SECOND_WITHIN of the first and says something else; in a follow-up, one that speaks to what
    the follow-up adds (`focus`). A direct answer is the one or two sentences that answer the
    question, in the passage's order; a list or a table row stands alone."""
    if first is None or first.unit.kind != "sentence":
        return None
    if _LOCATES.search(first.unit.text) and len(first.unit.text.split()) <= LOCATING_WORDS:
        # "De kostendelersnorm staat in artikel 22a van de Participatiewet." says where, not what: the
        # sentence after it in its paragraph says what ("Het idee: wie met … een woning deelt, …")
        following = [c for c in pool if c.hit_rank == first.hit_rank and c.position == first.position + 1
                     and c.unit.kind == "sentence" and c.unit.paragraph == first.unit.paragraph and not c.pitfall]
        if following:
            return following[0]
    # "Is het antwoord op alle drie de vragen nee, dan hoort de taak lokaal. Lokaal is dan niet minder
    # belangrijk: …": a sentence that leans on the first goes on from it, read without it
    pool = [replace(c, context=None, terms=set(terms(" ".join(c.unit.parts))))
            if c.context is first.unit and c.hit_rank == first.hit_rank else c for c in pool]
    # "De gemeenteraad kan … de in de eerste zin genoemde bedragen hoger vaststellen.": the rest of
    # the lid the first sentence opens says what holds for what that sentence names
    rest_of_lid = [c for c in pool if c.hit_rank == first.hit_rank and c.position == first.position + 1
                   and c.unit.kind == "sentence" and first.unit.lid is not None and c.unit.lid == first.unit.lid
                   and _NAMES_SENTENCE.search(c.unit.text) and not c.pitfall]
    if rest_of_lid:
        return rest_of_lid[0]
    after = [c for c in pool if c.hit_rank == first.hit_rank and c.position > first.position
             and c.unit.kind == "sentence" and not c.pitfall and c.score >= SECOND_WITHIN * first.score
             and any(credit(t, c.terms) for t in wanted) and not _similar(c, first)
             and (not focus or _speaks_to(c, focus))]
    return max(after, key=lambda c: c.score, default=None)


def enumeration(pool: list[Candidate], first: Candidate | None, question: str) -> Candidate | None:
    """For a "welke …" question whose direct answer is a statement ("… met tien groepen die er in
    moeten staan") or a list of something else, the list that enumerates what is asked, when one
    scores within LIST_WITHIN of it: the officer asked *which*, so the items belong up front."""
    named = listed_kind(question)
    if first is None or named is None or (first.unit.items and enumerates(first.unit, first.above, named)):
        return None
    # not `_similar`: a list that spells out a statement shares its words, and is not a repeat
    lists = [c for c in pool if not c.pitfall and c.unit.text != first.unit.text and c.score >= LIST_WITHIN * first.score
             and (len(c.unit.items) >= 2 and enumerates(c.unit, c.above, named) or lists_inline(c.unit.text, named))]
    return max(lists, key=lambda c: c.score, default=None)


def other_meanings(pool: list[Candidate], first: Candidate | None) -> list[Candidate]:
    """When the direct answer gives the meaning of one of the terms a "verschil tussen A en B"
    question asks about, the best definitions of the others: the difference is read from both."""
    if first is None or first.defined is None:
        return []
    best: dict[tuple[str, ...], Candidate] = {}
    for c in pool:
        if c.defined and c.defined != first.defined and not c.pitfall and (
                c.defined not in best or c.score > best[c.defined].score):
            best[c.defined] = c
    return list(best.values())


def listed_kind(question: str) -> set[str] | None:
    """The stems of the (at most two) words that say what a "welke …" question asks to have listed
    ("Welke groepen woningzoekenden …" → {"groep", "woningzoek"}), empty when it does not say;
    None when the question asks for no list, or for one thing ("Welke vorm … past bij Parkstad?": a list
    that names "vormen" is not its answer)."""
    if not _ASKS_FOR_LIST.search(question) or not asks_for_several(question):
        return None
    head = _LIST_HEAD.search(question)
    return set(question_terms(head.group(1))) if head else set()


# "groepen", "taken", "regio's": a plural that asks for several
_PLURAL = re.compile(r"[\w-]{2,}(?:en|s|'s)$", re.I)


def asks_for_several(question: str) -> bool:
    """Whether a list question asks for several things: "Welke groepen …?", "Met welke landelijke
    prioriteiten …?", "Wat zijn …?"; not "Welke vorm van procesorganisatie past bij Parkstad?"."""
    head = _LIST_HEAD.search(question)
    if head is None or re.search(r"\b(?:wie|wat)\s+zijn\b", question[:head.start(1)], re.I):
        return bool(_ASKS_FOR_LIST.search(question))
    words = [word.strip("?,.") for word in question[head.start(1):].split()[:2]]
    noun = next((word for word in words if not word.lower().endswith("e")), words[-1])  # past "landelijke"
    return bool(_PLURAL.match(noun))


# "De gemeenten werken samen op drie thema's:": a lead-in that counts what it lists names it last
# (not "in de periode 2016 tot en met 2019 zijn:", nor "… die geldt vanaf 1 juli 2026:")
_COUNT = rf"\b(?:\d{{1,3}}|{NUMBER_WORDS})\s+"  # "drie ", "7 "
_MONTH_NAME = "|".join(MONTH_NAMES)
_COUNTED_LEAD = re.compile(rf"{_COUNT}(?!(?:{_MONTH_NAME})\b)(?:[^\W\d_][\w-]*\s+)?"
                           r"(?!(?:zijn|is|worden|wordt)\b)([^\W\d_][\w'-]*)\s*:\s*$", re.I)


# "… tussen zeven gemeenten: Beekdaelen, Brunssum, Heerlen, Kerkrade, Landgraaf, Simpelveld en Voerendaal."
_INLINE_LIST = re.compile(rf"{_COUNT}(?:[\w-]+\s+)?([\w'-]+)\s*:\s*[^.:;]+,[^.:;]+\s(?:en|of)\s", re.I)


def lists_inline(sentence: str, named: set[str]) -> bool:
    """Whether `sentence` counts and names what a "Welke …?" question asks for in one line ("tussen zeven
    gemeenten: Beekdaelen, Brunssum, …"): as much an enumeration as a list under a lead-in."""
    found = _INLINE_LIST.search(sentence)
    return bool(found) and bool(named) and any(credit(t, set(terms(found.group(1)))) for t in named)


def enumerates(unit: Unit, above: set[str], named: set[str]) -> bool:
    """A list enumerates what is asked when its lead-in or its heading names it: under "De tien
    groepen …" it does; "Het overgangsrecht bepaalt dat:" with "groepen" in an item does not. A
    heading that names the list ("Voordelen", below "Voordelen en nadelen van …") names it alone, and
    so does a lead-in that counts it: "De gemeenten werken samen op drie thema's:" lists thema's, not
    the gemeenten "Welke gemeenten werken samen …?" asks for (helper-47)."""
    counted = None if unit.from_heading else _COUNTED_LEAD.search(unit.text)
    if counted:
        return not named or any(credit(t, set(terms(counted.group(1)))) for t in named)
    about = (set() if unit.from_heading else set(terms(unit.text))) | above
    return not named or any(credit(t, about) for t in named)


def compose(question: str, hits: list[Hit], weights: dict[str, float], previous_answers: list[str] | None = None,
            follow_up: str | None = None) -> Composition:
    """The answer text with [n] markers, its citations (numbered in order of use) and the
    sentences used per hit. In a follow-up, `question` is the standalone query, `follow_up` what
    the officer typed and `previous_answers` the assistant's earlier turns (their texts)."""
    previous_answers = previous_answers or []
    already_said = _fold(" ".join(line for text in previous_answers for line in answer_lines(text)))
    opened = _fold(" ".join(line for text in previous_answers for line in opening_lines(text)))
    focus = set(own_terms(follow_up, " ".join(previous_answers))) if follow_up else None
    pool = candidates(hits, question, weights, already_said, focus, opened)
    if not defined_terms(question):
        # a definition by reference alone says where to read, and only of a term asked about: "… verantwoordelijke
        # en bewerker: hetgeen daaronder wordt verstaan in artikel 1 van de Wet bescherming persoonsgegevens"
        # answered "Wie is daarvoor verantwoordelijk?" after beschermd wonen (helper-70)
        pool = [c for c in pool if not only_refers(c.unit.text)]
    if focus and not any(_speaks_to(c, focus) for c in pool):
        # "En voor jongeren?" when no passage mentions jongeren: repeating the earlier answer
        # would pass it off as the answer for jongeren; no composition makes the assistant refuse
        return Composition("", [], {})
    back = None
    # "Geldt dat ook voor mensen die uitstromen uit beschermd wonen?" after the ten groups of art. 12 lid 3: the
    # list the officer read names them (onderdeel e), and that is the answer, not Utrecht's own groups that name
    # them in the officer's words (helper-67)
    asking = asks_same_of_another(follow_up) if focus else ""
    # of whom it asks, not how: "Geldt dat ook voor kamers?" was answered by "… verandert er niet direct iets, omdat
    # de wijziging geldt voor contracten …", which names "geldt" but no kamers
    of_whom = focus - set(terms(asking)) if asking else set()
    held = max((c for c in pool if not c.pitfall and _core(c.unit.text) in opened and _speaks_to(c, of_whom)),
               key=lambda c: c.score, default=None) if asking and of_whom else None
    if focus and any(not c.repeated and _speaks_to(c, focus) for c in pool):
        # something new speaks to the follow-up: the sentences the officer has just read stay out,
        # except the supporting point of an earlier answer that answers the follow-up best ("En
        # welke groepen voegen gemeenten zelf toe?" after "Het verschilt erg per gemeente welke
        # groepen verder worden opgenomen" was listed below the ten groups): asked about, it opens
        referent = set(question_terms(question)) - set(question_terms(follow_up))
        back = _said_and_asked_again(pool, focus, weights, answer_type(question), referent, asks_quantity(question))
        pool = [c for c in pool if not c.repeated or c is back or c is held]
    # "tussen de oude en de nieuwe Huisvestingswet": the two sides are two texts of the law, not two words
    editions = law_editions([c for c in pool if not c.pitfall], hits) if asks_about_other_text(question) else []
    facets = facets_of(question) if not (editions or asks_about_change(question)) else []
    wanted = set(question_terms(question))
    named_kind = listed_kind(question)
    # named by a word written as a name, or by every word of the name a law gives itself ("de Wet
    # maatschappelijke ondersteuning"): "huisvesten" does not name "Kamervragen huisvesting …"
    called = name_terms(question)
    named = {rank for rank, hit in enumerate(hits)
             if names_document(called, hit.document) or names_document(wanted, hit.document, by_word=False)}
    # "Waarom wilde de Veegwet wonen standplaatsen … in de Huisvestingswet brengen?" names the Veegwet's
    # memorie van toelichting by both names, a circular on the Huisvestingswet by one (helper-52)
    most = max((_names_in_title(called, hits[rank]) for rank in named), default=0)
    named = {rank for rank in named if _names_in_title(called, hits[rank]) == most}
    # "volgens de Huisvestingswet 2014": the law, not the memorie van toelichting of a law that changes it;
    # "voor Wmo-ondersteuning": the Wmo, not the Uitvoeringsbesluit Wmo 2015 (`versions.named_laws`)
    documents = list({h.document.doc_id: h.document for h in hits}.values())
    laws = {d.doc_id for texts in named_laws(question, documents).values() for d in texts}
    # "Uitzonderingen:" with its list does not say how much a rule asks ("Welk deel … moet een corporatie
    # toewijzen …?" opened with the BTIV's exceptions to the income test); it may follow as a point. Asked
    # whether a case is one ("Tellen statushouders mee bij passend toewijzen …?"), it is the answer
    rule = [c for c in pool if not _EXCEPTIONS.match(c.unit.text)] if asks_quantity(
        question) and not _ASKS_EXCEPTION.search(question) else pool
    named_texts = {rank for rank in named if hits[rank].document.metadata.type == "regelgeving"} or named
    law_ranks = {rank for rank, hit in enumerate(hits) if hit.document.doc_id in laws}
    first = held or direct_answer(rule or pool, facets, hits, focus, named_texts, law_ranks, answer_type(question),
                                  named_kind is not None)
    if first and editions and asks_about_earlier_text_only(question):
        # "Welke groepen moesten in de oorspronkelijke Huisvestingswet 2014 …?" is answered by the oldest text's
        # lid that the best answer is in the newest (art. 12 lid 3 of 2014, not of 2026 nor Kamervragen of 2024);
        # the oldest text's own best unit may be another article (art. 13 on who decides)
        oldest = [c for c in pool if hits[c.hit_rank].document.doc_id == editions[-1][1]]
        if hits[first.hit_rank].document.doc_id not in {doc_id for _, doc_id in editions} and oldest:
            # "En hoe zat dat vóór die wetswijziging?" opened with a Kamervragen example: the oldest text answers
            first = max(oldest, key=lambda c: c.score)
        else:
            first = _same_lid_in(editions[-1][1], first, pool, hits) or first
    if back is not None and first is not back:
        pool.remove(back)  # it came back to answer, not to be read again among the points below
    listing = enumeration(pool, first, question)
    if listing and first and first.unit.items:
        first = listing  # a list of something else than was asked is no direct answer next to the list asked for
        listing = None
    opening = [c for c in (first, listing) if c] + other_meanings(pool, first)
    second = next_sentence(pool, first, wanted, focus) if opening == [first] else None
    if second:
        opening = [first, second]
        pool = [second if (c.hit_rank, c.position) == (second.hit_rank, second.position) else c for c in pool]
    chosen: list[Candidate] = list(opening)
    groups: list[tuple[str | None, list[Candidate]]] = []
    advice = [c for c in pool if not c.pitfall]
    for label, doc_id in editions:  # "… in de oorspronkelijke wet?": each text of the law, newest first
        picked = edition_points(advice, doc_id, chosen, hits)
        if picked:
            groups.append((label, picked))
            chosen += picked
    if editions and len({hits[c.hit_rank].document.doc_id for c in chosen} & {d for _, d in editions}) < 2:
        groups, chosen = [], list(opening)  # one text of the law alone compares nothing: an ordinary answer
    for i, (label, stems) in enumerate(facets):
        picked = choose(facet_pool(advice, stems, facets[1 - i][1]), PER_FACET, chosen, hits)
        if picked:
            groups.append((label[:1].upper() + label[1:], picked))
            chosen += picked
    if len(groups) == 2 or (editions and groups):  # pitfalls under their own heading, never inside a facet's advice
        pitfalls = choose([c for c in pool if c.pitfall], PITFALLS, chosen, hits)
        groups.append((PITFALL_HEADING, pitfalls))
        chosen += pitfalls
    else:  # one facet alone is no contrast: answer without grouping
        if not opening:
            # no unit named both sides: the best unit opens all the same (an answer without an opening began
            # with "Verder in de bronnen", helper-58)
            opening = [c for c in [direct_answer(rule or pool, [], hits, focus, named_texts, law_ranks,
                                                 answer_type(question), named_kind is not None)] if c]
        chosen = list(opening)
        rule = rest_of_rule(pool, opening, chosen, hits)
        points = [c for c in pool if c not in opening and c not in rule]
        if not (named_kind or _ASKS_FOR_LIST.search(question) or _COMPARES.search(question)):
            points = [supporting_list(c, wanted) for c in points]
        support = rule + choose(points, MAX_SUPPORT - len(rule), chosen + rule, hits)
        support += rest_of_rule(pool, support, chosen + support, hits, RULE_POINTS - len(rule))
        support = with_best_passage(pool, chosen + support, hits) + support
        groups = [("Verder in de bronnen", [c for c in support if not c.pitfall]),
                  (PITFALL_HEADING, [c for c in support if c.pitfall])]
        chosen += support
    # "… bedraagt 450 euro" in one note and "… 475 euro" in another, both undated: the officer must see both
    disputed = other_figures(opening[0], pool, chosen, hits) if opening else []
    if disputed:
        groups.insert(0, (OTHER_FIGURES_HEADING, disputed))
        chosen += disputed
    agreeing = {id(c): echoes(c, pool, chosen, hits) for c in chosen}
    # passages the Bronnen list would name alike (an article cut into two chunks, two paragraphs
    # of one page) are one source: the officer saw "[1] … Artikel 14" and "[3] … Artikel 14"
    numbering: dict[int, int] = {}
    places: dict[tuple[str, str], int] = {}
    for candidate in chosen:
        for c in [candidate, *agreeing[id(candidate)]]:
            if c.hit_rank not in numbering:
                numbering[c.hit_rank] = places.setdefault(place(hits[c.hit_rank]), len(places) + 1)

    def render(c: Candidate, bullet: bool) -> list[str]:
        return _render(c, numbering[c.hit_rank], hits, bullet, [numbering[e.hit_rank] for e in agreeing[id(c)]])

    lines: list[str] = []
    if second:  # two sentences of one passage read as one paragraph
        lines.append(" ".join(render(c, bullet=False)[0] for c in opening))
    else:
        for c in opening:
            lines += render(c, bullet=False)
    if disputed:
        lines += ["", _figures_note([opening[0], *disputed], numbering)]
    dated = _dates_differ(chosen, hits)
    for label, picked in groups:
        if not picked:
            continue
        if label:
            lines += ["", f"**{label}**"]
        # newest source first when dates differ; otherwise units of one source together, in its order
        for c in sorted(picked, key=lambda c: (_age(hits[c.hit_rank]) if dated else 0, numbering[c.hit_rank],
                                               hits[c.hit_rank].chunk.char_start, c.position)):
            lines += render(c, bullet=True)
    stated = _amounts_of_old_dates(chosen)
    old_amounts = [] if dated else [r for r in _old_amounts(chosen, hits) if r not in stated]
    if dated:
        lines += ["", _date_note(chosen, hits, numbering)]
    elif old_amounts:
        lines += ["", _amounts_note(old_amounts, hits, numbering)]
    if stated:
        lines += ["", _stated_amounts_note(stated, numbering)]
    used: dict[int, list[str]] = {}
    for candidate in chosen:
        used.setdefault(candidate.hit_rank, []).extend(candidate.parts)
        for echo in agreeing[id(candidate)]:
            used.setdefault(echo.hit_rank, []).extend(echo.parts)
    sources: dict[int, list[int]] = {}
    for rank, n in numbering.items():
        sources.setdefault(n, []).append(rank)
    citations = [to_citation(n, one_passage([hits[r] for r in ranks]), [part for r in ranks for part in used.get(r, [])])
                 for n, ranks in sorted(sources.items())]
    return Composition("\n".join(lines).strip(), citations, used)


def shown_items(unit: Unit, wanted: set[str], weights: dict[str, float]) -> tuple[int, ...] | None:
    """The positions of the items an answer shows of a list longer than MAX_ITEMS, in the list's
    order: those that share most of the question's terms (`wanted`), then the first others; None
    for a shorter list. Article 30 of the Besluit toegelaten instellingen lists nineteen
    provisions that do not apply; "Is artikel 414 lid 5 van Boek 2 BW van toepassing …?" is
    answered by the nineteenth."""
    if len(unit.items) <= MAX_ITEMS:
        return None
    share = [coverage(wanted, set(terms(item)), weights) for item in unit.items]
    named = sorted((i for i in range(len(share)) if share[i]), key=lambda i: -share[i])[:MAX_ITEMS]
    first = [i for i in range(len(share)) if i not in named][:MAX_ITEMS - len(named)]
    return tuple(sorted(named + first))


def echoes(c: Candidate, pool: list[Candidate], chosen: list[Candidate], hits: list[Hit]) -> list[Candidate]:
    """Units of other documents, of the same date or undated, that say what `c` says in (nearly)
    the same words (SAME_WORDS of the terms both ways), at most ECHOES, best first: cited beside
    `c`, so the officer sees that the sources agree and can check either. Rijksoverheid pages
    repeat one another ("U krijgt een bsn als u zich inschrijft in de Basisregistratie Personen"),
    a guide quotes the law. A unit already in the answer is no echo."""
    return _said_elsewhere(c, pool, chosen, hits, says_the_same)


def _said_elsewhere(c: Candidate, pool: list[Candidate], chosen: list[Candidate], hits: list[Hit],
                    alike: Callable[[Candidate, Candidate], bool]) -> list[Candidate]:
    """The best units of `pool`, one per other document of the same date as `c` (or undated), of the
    same kind (advice or pitfall) and not in the answer (`chosen`), that are `alike` `c`: at most ECHOES."""
    home = hits[c.hit_rank].document
    found: list[Candidate] = []
    for other in sorted(pool, key=lambda o: -o.score):
        document = hits[other.hit_rank].document
        dates = {home.metadata.date, document.metadata.date}
        if (document.doc_id == home.doc_id or other.pitfall != c.pitfall or any(other is x for x in chosen)
                or any(hits[e.hit_rank].document.doc_id == document.doc_id for e in found)
                or (None not in dates and len(dates) == 2)):
            continue
        if alike(c, other):
            found.append(other)
            if len(found) == ECHOES:
                break
    return found


def says_the_same(a: Candidate, b: Candidate) -> bool:
    """Whether two units say the same in (nearly) the same words: SAME_WORDS of the terms both
    ways, no word of one in place of a word of the other, the same figures, and neither denies
    or reverses what the other says. The Huurcommissie's two beleidsboeken word their rules alike,
    for "zelfstandige" and "onzelfstandige" woonruimte, with "5 punten" in one and "5,75 punten" in
    the other."""
    (a_terms, a_text), (b_terms, b_text) = _unnumbered(a), _unnumbered(b)
    shared = len(a_terms & b_terms)
    if shared < SAME_WORDS * max(len(a_terms), len(b_terms), 1):
        return False
    if (a_terms - b_terms) and (b_terms - a_terms):
        return False  # one word in place of another: "gemeenschappelijke vertrekken" / "buitenruimten"
    if sorted(_FIGURE.findall(a_text)) != sorted(_FIGURE.findall(b_text)):
        return False
    words = [set(re.findall(r"\w+", text)) for text in (a_text, b_text)]
    # …nor a letter that names something, which makes no term: "versie C" is no echo of "versie B" (helper-65)
    letters = [{w for w in found if not w.isdigit() and not terms(w) and w not in analyzer_stopwords()}
               for found in words]
    if letters[0] != letters[1]:
        return False
    if words[0] & _DENIAL != words[1] & _DENIAL:
        return False
    return not any(f"on{w}" in words[1 - i] for i in (0, 1) for w in words[i])


def other_figures(c: Candidate, pool: list[Candidate], chosen: list[Candidate], hits: list[Hit]) -> list[Candidate]:
    """Units of other documents of the same date or undated, not in the answer yet, that say what `c`
    says in the same words but with other figures (`gives_another_figure`), at most ECHOES: two notes
    on the maximum rent for young people, one of 450 and one of 475 euro a month, were answered with
    475 alone (helper-65). Texts of different dates are the date note's (`_date_note`)."""
    return _said_elsewhere(c, pool, chosen, hits, gives_another_figure)


def gives_another_figure(a: Candidate, b: Candidate) -> bool:
    """Whether two units say the same in the same words but with other figures: "De maximale huur voor
    jongeren onder 23 jaar bedraagt 450 euro per maand." and "… 475 euro per maand."."""
    (a_terms, a_text), (b_terms, b_text) = _unnumbered(a), _unnumbered(b)
    a_figures, b_figures = _FIGURE.findall(a_text), _FIGURE.findall(b_text)
    if not a_figures or sorted(a_figures) == sorted(b_figures):
        return False
    figures = set(a_figures) | set(b_figures)
    words = a_terms - figures
    denials = [set(re.findall(r"\w+", text)) & _DENIAL for text in (a_text, b_text)]
    return len(words) >= 3 and words == b_terms - figures and denials[0] == denials[1]


def _figures_note(units: list[Candidate], numbering: dict[int, int]) -> str:
    """The notice under an opening that another source gives other figures for the same statement."""
    figures = [_FIGURE.findall(_unnumbered(c)[1]) for c in units]
    shared = set.intersection(*(set(f) for f in figures))  # "onder 23 jaar" in both is not in dispute
    said = "; ".join(f"{', '.join(f for f in found if f not in shared)} [{numbering[c.hit_rank]}]"
                     for c, found in zip(units, figures))
    return f"_Let op: de bronnen noemen hier verschillende getallen ({said}). Controleer welke geldt._"


def _unnumbered(c: Candidate) -> tuple[set[str], str]:
    """A unit's terms and lower-case text without its leading lid or item number: regelrecht writes
    "1 Op verzoek van …" where the BWB text of 2014 writes "Op verzoek van …"."""
    text = " ".join([_NUMBERED.sub("", c.unit.text, count=1), *c.unit.parts[1:]]).lower()
    number = _NUMBERED.match(c.unit.text)
    mark = number.group().strip(" .)") if number else None
    return (c.terms - {mark} if mark and mark not in _FIGURE.findall(text) else c.terms), text


def _render(c: Candidate, n: int, hits: list[Hit], bullet: bool, also: list[int] | None = None) -> list[str]:
    """The lines of one unit, cited [n]; the units of other sources that say the same (`also`,
    `echoes`) are cited after its own line."""
    # the sentence a leaning one needs carries its own [n]: every sentence of an answer is cited
    in_article = in_article_of_law(hits[c.hit_rank].chunk.section)
    text = tidy(f"{_shown(c.context, in_article)} [{n}] {_shown(c.unit, in_article)}" if c.context
                else _shown(c.unit, in_article))
    markers = "".join(f"[{m}]" for m in sorted([n, *(also or [])]))
    shown = c.marked_shown()
    # a nested item is indented under the item it belongs to: "  - 2°. ten minste zes jaar …" under "- b. … indien hij:"
    items = [(depth, f"{tidy(as_quoted(f'{mark} {item}' if mark else item))} [{n}]") for item, mark, depth in shown]
    if len(c.unit.items) > len(shown):  # a note, no claim
        hidden = len(c.unit.items) - len(shown)
        items.append((0, f"_… en nog {hidden} {'onderdeel' if hidden == 1 else 'onderdelen'} in de bron [{n}]_"))
    # the words that close the list's sentence, as a paragraph after it (in Markdown a line right
    # after an item would run on in that item)
    tail = ["", f"{tidy(as_quoted(c.unit.tail))} [{n}]"] if c.unit.tail else []
    if not bullet:
        return [f"{text} {markers}", *[f"{'  ' * depth}- {item}" for depth, item in items], *tail]
    return [f"- {text} {markers}", *[f"  {'  ' * depth}- {item}" for depth, item in items],
            *[f"  {line}" if line else "" for line in tail]]


def quoted_lines(unit: Unit, n: int, hit: Hit) -> list[str]:
    """The lines an answer shows `unit` of `hit` with, cited [n]: a lid of law labelled ("Lid 3: …"),
    a list with its own marks, up to MAX_ITEMS items."""
    return _render(Candidate(unit, 0, 0, set(), set()), n, [hit], bullet=False)


def in_article_of_law(section: str | None) -> bool:
    """Whether the nearest article heading of a passage's heading path names an article of law
    ("Artikel 12", "Artikel 2.3.5", "Artikel 13 Uitsluiting van bijstand"): not an amending act's
    step ("Artikel 2, tweede lid, onderdeel e, wordt als volgt gewijzigd:", "ARTIKEL I"), whose
    "1." and "2." are no lids."""
    for heading in reversed((section or "").split("›")):
        if ARTICLE_HEADING.match(heading):
            return bool(_LAW_ARTICLE.match(heading.strip()))
    return False


def _shown(unit: Unit, in_article: bool) -> str:
    """A unit's text as an answer shows it: the first sentence of a lid of law says which lid
    ("Lid 3: Tot de woningzoekenden …"), as an officer cites it, whether the text numbered it
    "3." or "3"."""
    if in_article and unit.opens_lid and unit.lid is not None:
        return f"Lid {unit.lid}: {as_quoted(without_lid_number(unit.text))}"
    return as_quoted(unit.text)


def _dates_differ(chosen: list[Candidate], hits: list[Hit]) -> bool:
    """Whether the sources of an answer lie more than DATES_APART apart, so that an older one may be outdated
    by a newer: not the Besluit huurprijzen woonruimte of 1 January 2026 beside the Huurcommissie's
    beleidsboek of that month (helper-57 read "oudere teksten kunnen achterhaald zijn" as a false alarm)."""
    dates = sorted({d for c in chosen if (d := hits[c.hit_rank].document.metadata.date)})
    return len(dates) > 1 and days_apart(dates[0], dates[-1]) > DATES_APART


def _old_amounts(chosen: list[Candidate], hits: list[Hit]) -> list[int]:
    """The positions in `hits` of the sources whose amounts in euro the answer shows from a text more than
    AMOUNTS_AGE days old: the Uitvoeringsbesluit Wmo 2015's "ten minste € 158,60 en niet meer dan € 832,60 per
    maand" (text of 27 oktober 2014) was shown without a word on its age (helper-67). One text alone gets no
    date note (`_dates_differ`), and amounts change every year."""
    today = dt.date.today().isoformat()
    return sorted({c.hit_rank for c in chosen if _AMOUNT.search(" ".join(c.parts))
                   and (date := hits[c.hit_rank].document.metadata.date) and days_apart(date, today) > AMOUNTS_AGE})


def _amounts_of_old_dates(chosen: list[Candidate]) -> dict[int, str]:
    """The positions in `hits` of the sources whose shown amounts in euro the text itself dates more than
    AMOUNTS_AGE days ago, with the newest such date (ISO). The Participatiewet as of 1 January 2025 gives
    the vermogensgrens as "€ 4975,00 per 1 januari 2004: € 5.065,00", and the answer called it the newest
    text without a word on the amounts' age (helper-70)."""
    today = dt.date.today().isoformat()
    found: dict[int, str] = {}
    for c in chosen:
        text = " ".join(c.parts)
        if not _AMOUNT.search(text):
            continue
        for match in _AMOUNT_DATED.finditer(text):
            day = date_from_groups(match.groups())
            if day is not None and days_apart(day.isoformat(), today) > AMOUNTS_AGE:
                found[c.hit_rank] = max(found.get(c.hit_rank, ""), day.isoformat())
    return found


def _stated_amounts_note(stated: dict[int, str], numbering: dict[int, int]) -> str:
    (first, day), *others = [(f"[{numbering[r]}]", dutch_date(day)) for r, day in sorted(stated.items())]
    where = ", ".join([f"{first} noemt bedragen per {day}", *(f"{n} per {d}" for n, d in others)])
    return f"_Let op: {where}. Bedragen worden meestal elk jaar aangepast; controleer het actuele bedrag._"


def _amounts_note(ranks: list[int], hits: list[Hit], numbering: dict[int, int]) -> str:
    sources = ", ".join(f"[{numbering[r]}] ({dutch_date(hits[r].document.metadata.date)})" for r in ranks)
    return (f"_Let op: de bedragen komen uit een oudere tekst: {sources}. Bedragen worden meestal elk jaar "
            f"aangepast; controleer het actuele bedrag._")


def _age(hit: Hit) -> str:
    # ISO dates sort as text; inverted so the newest comes first, undated last
    stamp = hit.document.metadata.date or "0000-00-00"
    return "".join(chr(ord("9") - ord(ch) + ord("0")) if ch.isdigit() else ch for ch in stamp)


def _date_note(chosen: list[Candidate], hits: list[Hit], numbering: dict[int, int]) -> str:
    newest = min((c for c in chosen if hits[c.hit_rank].document.metadata.date), key=lambda c: _age(hits[c.hit_rank]))
    hit = hits[newest.hit_rank]
    return (f"_Let op: deze bronnen zijn van verschillende datum. De nieuwste is [{numbering[newest.hit_rank]}] "
            f"{hit.document.display_title} ({dutch_date(hit.document.metadata.date)}); oudere teksten kunnen achterhaald zijn._")


def answer_lines(text: str) -> list[str]:
    """The statements of an earlier answer, without markers, bullets, lid labels and item marks,
    and without the Bronnen block."""
    body = text.split("**Bronnen**")[0]
    lines = []
    for line in body.splitlines():
        line = re.sub(r"\s*\[\d+\]", "", line).strip().lstrip("-").strip()
        line = LIST_MARK.sub("", _LID_LABEL.sub("", line))  # what `_render` put before the text's own words
        if line and not line.startswith(("**", "_")):
            lines.append(line)
    return lines


def opening_lines(text: str) -> list[str]:
    """The statements of an earlier answer's opening block (its direct answer: the first block that
    cites, before "Verder in de bronnen", a facet's heading or a note); none for a refusal."""
    blocks = [b for b in _BLOCK.split(text.split("**Bronnen**")[0])
              if _MARKER.search(b) and not b.strip().startswith(("_", "**"))]
    return answer_lines(blocks[0]) if blocks else []


def _fold(text: str) -> str:
    return " ".join(tidy(re.sub(r"\s*\[\d+\]", "", text)).casefold().split())


def _core(text: str) -> str:
    """The text as compared for repeats: folded, without a leading lid or item number (an answer
    shows regelrecht's "3 Tot de …" as "Lid 3: Tot de …", `_shown`)."""
    return _fold(_NUMBERED.sub("", text))


def place(hit: Hit) -> tuple[str, str]:
    """Where a passage stands, as the Bronnen list names it (document, section, pages)."""
    return hit.document.doc_id, to_citation(0, hit, []).label()


def to_citation(n: int, hit: Hit, highlights: list[str]) -> Citation:
    meta: Metadata = hit.document.metadata
    return Citation(
        n=n, doc_id=hit.document.doc_id, title=hit.document.display_title, source=hit.document.source,
        page=hit.chunk.page_start, section=hit.chunk.section, text=hit.chunk.text, score=hit.score,
        type=meta.type, region=meta.region, page_end=hit.chunk.page_end, source_url=meta.source_url,
        highlights=highlights, date=meta.date, document_heading=meta.document_heading,
    )


def sources_block(citations: list[Citation]) -> str:
    return "**Bronnen**\n" + "\n".join(f"[{c.n}] {c.label()}" for c in citations)
