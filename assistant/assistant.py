"""The assistant: condense a follow-up, retrieve, judge the evidence, compose or generate."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant import compose as extractive
from assistant.articles import article_passages, article_text, asked_article, asks_the_text
from assistant.as_typed import as_asked, asked_in_english, courtesy
from assistant.condense import (asks_of_another_place, asks_to_explain, condense, condense_with_model, er_pointer,
                                er_preposition, is_follow_up, is_joiner, points_back_first, topic_chain, topic_of,
                                topic_questions)
from assistant.definitions import Glossary, library_defines, opens_with_definition, with_definitions
from assistant.document_facts import asks_document_fact, document_fact
from assistant.expand import complete_passages
from assistant.evidence import (CAUTION_BELOW, EVIDENCE_PASSAGES, REFUSE_BELOW, Evidence, NoiseFloor,
                                applies_everywhere, idf_weights, named_where_asked, unknown_share, weigh)
from assistant.listing import with_listing
from assistant.generate import build_messages, check_citations, cited_numbers, make_chat_model
from assistant.models import Answer, Citation
from assistant.outline import guide_answer, outline_on, part_answer
from assistant.overview import described_law, overview, overview_text
from assistant.rerank import DENSE_BEST, LEXICAL_BEST, RERANK_DEPTH, rerank, with_dense_best, with_lexical_statements
from assistant.separable import with_whole_verbs
from assistant.spelling import Correction, Spelling, correction_note
from assistant.steps import guide_steps, steps_answer
from assistant.question_length import check_question_length
from assistant.quoted import quoted_law, with_earlier_passages, with_quoted_law
from assistant.sentences import (anchors, asked_statement, asks_date, asks_overview, defined_terms,
                                 hyphenated_names, name_terms, names_a_document, names_document, named_places,
                                 place_terms, places, question_terms, says_something, terms, without_places)
from assistant.versions import (article, as_asked_of_the_bill, as_asked_of_the_law, missing_laws, named_laws,
                                names_law, own_passage, text_of_year, with_other_versions,
                                without_superseded_steps)
from index.models import DocumentRecord, Filters, Hit
from index.searcher import LiveIndex
from ingest.dates import dutch_date
from thuiswijzer.config import Settings

ABSTAIN_TEXT = (
    "Daarover vind ik niets betrouwbaars in de kennisbank. De passages die het dichtst in de buurt komen, "
    "beantwoorden deze vraag niet goed genoeg om er een antwoord op te bouwen."
)
CAUTION_TEXT = (
    "_Voorzichtig: de bronnen raken deze vraag, maar beantwoorden haar misschien niet volledig. "
    "Controleer de passages hieronder._"
)
NO_NUMBER_TEXT = (
    "_Voorzichtig: u vraagt naar een aantal, bedrag of termijn, maar de gevonden passages noemen dat getal "
    "niet. Hieronder staat wat ze er wel over zeggen._"
)
UNSTATED_TEXT = (
    "_Voorzichtig: u vraagt naar {what}, maar de passage waarmee dit antwoord opent noemt {missing} niet. "
    "Controleer de passages hieronder._"
)
NO_DATE_TEXT = (
    "_Voorzichtig: u vraagt naar een datum, maar de gevonden passages noemen die niet. Hieronder staat wat "
    "ze er wel over zeggen._"
)
EXPLAIN_TEXT = (
    "Een eerder antwoord in andere woorden uitleggen kan ik niet: ik antwoord alleen met passages uit de bronnen. "
    "Lees de passage waarmee het vorige antwoord opende in haar context, of vraag naar één begrip of onderdeel "
    "eruit (\"Wat is …?\")."
)
NO_EARLIER_TEXT = (
    "In dit gesprek is nog geen eerdere vraag gesteld waarop uw vraag kan aansluiten (u schrijft \"{word}\"). "
    "Stel de vraag opnieuw en noem daarin het onderwerp"
)
ENGLISH_TEXT = (
    "Thuiswijzer zoekt in Nederlandstalige documenten en leest vragen in het Nederlands: in het Engels vind ik "
    "er geen betrouwbaar antwoord op. Stel uw vraag in het Nederlands, dan zoek ik opnieuw. "
    "_(Thuiswijzer answers questions in Dutch: please ask your question in Dutch.)_"
)
COURTESY_TEXT = {
    "groet": ("Goedendag. Stel uw vraag over het huisvesten van aandachtsgroepen, bijvoorbeeld \"Welke groepen "
              "krijgen urgentie?\" of \"Wat regelen we regionaal en wat lokaal?\". Ik antwoord met de passages uit "
              "de kennisbank waarop het antwoord steunt."),
    "dank": "Graag gedaan. Stel gerust een volgende vraag.",
    "leeg": ("Uw bericht bevat geen woorden om in de bronnen op te zoeken. Typ uw vraag in woorden, bijvoorbeeld "
             "\"Welke groepen krijgen urgentie?\""),
}
NO_SUBJECT_TEXT = (
    "Uw vraag noemt geen onderwerp om in de bronnen op te zoeken, en in dit gesprek is nog geen eerdere vraag "
    "gesteld waarop ze kan aansluiten. Stel de vraag opnieuw en noem daarin het onderwerp."
)
# a text the filters leave out is named when its best passage stands this many noise-floor spreads closer to the
# question than the best within them (a third of what counts as fully close, `evidence.CLOSENESS_SPREADS`)
FILTERED_OUT_SPREADS = 2.0
FLOORS_KEPT = 64  # noise floors of filtered searches kept (24 dense searches each; the probes are embedded once)
NO_DOCUMENT_TEXT = (
    "Uw vraag gaat over één document, maar welk? Kies het onder \"Alleen in\" (op de commandoregel: --doc DOC_ID) "
    "en stel de vraag opnieuw, of noem in de vraag het onderwerp dat u zoekt."
)
SEVERAL_DOCUMENTS_TEXT = (
    "U koos {n} documenten onder \"Alleen in\". Waar een document over gaat, laat ik zien als u alleen dat ene "
    "document kiest; of noem in de vraag het onderwerp dat u in deze documenten zoekt."
)
SEVERAL_TEXTS_TEXT = (
    "De kennisbank heeft meer dan één tekst van deze wet: {texts}. Kies onder \"Alleen in\" welke u bedoelt (op de "
    "commandoregel: --doc DOC_ID) en stel de vraag opnieuw."
)
NO_OVERVIEW_TEXT = (
    "{title} heeft geen samenvatting, inleiding of aanhef waaruit ik kan laten zien waar het over gaat. Stel een "
    "vraag over een onderwerp in dit document."
)
MISSING_LAW_TEXT = (
    "Geen document in de kennisbank heeft \"{law}\" in de titel, en geen van de gevonden passages zegt wat de "
    "{law} is. Hieronder staan bronnen die haar noemen; de wettekst zelf vindt u op wetten.overheid.nl."
)
UNNAMED_LAW_TEXT = (
    "Geen document in de kennisbank heeft \"{law}\" in de titel, en geen van de gevonden passages noemt de {law}: "
    "wat ik zou kunnen antwoorden, gaat over iets anders. De wettekst zelf vindt u op wetten.overheid.nl; een "
    "redacteur kan haar aan de kennisbank toevoegen."
)
# the title of a decree or regulation made under a law: "Uitvoeringsbesluit Wmo 2015", "Besluit betaalbare huur",
# "Regeling …"; not a summary of one, nor "Urgentieregeling voor aandachtsgroepen … – samenvatting"
_DECREE = re.compile(r"^(?!.*samenvatting).*(?:besluit\b|\bregeling\b)", re.I)
OTHER_PLACE_FIGURE_TEXT = (
    "Een antwoord voor {names} vond ik niet in de kennisbank. De passage die er het dichtst bij komt, geeft een "
    "getal uit {title}, en dat gaat over een andere plaats dan {names}."
)
OTHER_PLACE_TEXT = (
    "Een antwoord voor {names} vond ik niet in de kennisbank. De passage die er het dichtst bij komt, komt uit "
    "{title}, en dat gaat over een andere plaats dan {names}."
)
NEAREST = 3


class Assistant:
    def __init__(self, index: LiveIndex, settings: Settings | None = None, chat_model=None, k: int = 8):
        self.index = index
        self.settings = settings or Settings()
        self.k = k
        self.refuse_below, self.caution_below = REFUSE_BELOW, CAUTION_BELOW
        # (index generation, its off-topic noise floor per filters searched: "None" for the whole index)
        self._floor: tuple[object, dict[str, NoiseFloor]] | None = None
        self._floor_lock = threading.Lock()  # officers asking at once within new filters
        self._glossary: tuple[object, Glossary] | None = None  # (index generation, its definitions)
        self._spelling: tuple[object, Spelling] | None = None  # (index generation, its words)
        self.chat_model = chat_model
        if chat_model is None and self.settings.llm_provider:
            self.chat_model = make_chat_model(self.settings.llm_provider, self.settings.llm_model,
                                              self.settings.llm_base_url, self.settings.llm_api_key,
                                              self.settings.llm_timeout)

    @classmethod
    def load(cls, index_dir: str | Path, settings: Settings | None = None, chat_model=None) -> "Assistant":
        settings = settings or Settings()
        live = LiveIndex(index_dir, preferred_embedder=settings.embedder, dense_weight=settings.dense_weight)
        assistant = cls(live, settings, chat_model)
        # fail now, with the index's own message, rather than at the first question; and measure the
        # noise floor and read the definitions now, so the first officer does not wait for them
        assistant.noise_floor(live.get())
        assistant.glossary(live.get())
        return assistant

    # -- the public API ------------------------------------------------------------------
    def ask(self, question: str, history: list[dict] | None = None, filters: Filters | dict | None = None,
            k: int | None = None) -> Answer:
        answer = None
        for _, answer in self.stream(question, history, filters, k):
            pass
        return answer

    def stream(self, question: str, history: list[dict] | None = None, filters: Filters | dict | None = None,
               k: int | None = None, elliptic: bool = False) -> Iterator[tuple[str, Answer | None]]:
        """Yields (text so far, None) while a language model writes, then (text, Answer). A question
        in a conversation that the library cannot answer as it stands is asked once more as a follow-up
        that leaves its subject out (`elliptic`, `condense.condense`): "Wie beslist er over de
        toekenning?" after a question about urgentie. If that is refused too, the first refusal stands."""
        check_question_length(question, self.settings.max_question_chars)
        index = self.index.get()
        question, corrections = self.spelled(as_asked(question), index)
        history = [dict(m, content=self.spelled(as_asked(m.get("content", "")), index)[0])
                   if m.get("role") == "user" else m for m in history or []]
        query, notes = self.standalone_query(question, history, elliptic)
        if corrections:
            notes = notes + [correction_note(corrections)]
        chosen = _filters(filters)
        if chosen and not any(chosen.accepts(d) for d in index.documents()):
            # nothing was searched: "niets betrouwbaars gevonden" would blame the library, not the filters
            answer = Answer(no_documents_text(chosen), [], True, query, "extractief", notes)
            yield answer.text, answer
            return
        kind = courtesy(question)
        if kind:  # "hallo", "Bedankt!": nothing to search for, and nothing refused; nor carried on from the chat
            answer = Answer(COURTESY_TEXT[kind], [], False, question, "extractief", [])
            yield answer.text, answer
            return
        about = self._about_the_document(question, query, history, chosen, index, notes)
        if about is not None:  # "Waar gaat deze publicatie over?"
            yield about.text, about
            return
        if not topic_questions(history) and not question_terms(question):
            answer = self._abstain(query, [], notes, text=NO_SUBJECT_TEXT)  # "Waarom?" as the first question
            yield answer.text, answer
            return
        # "Welke voorwaarden gelden ervoor?" as the first question was answered about the OKEC (helper-63)
        pointer = "" if topic_questions(history) else points_back_first(question) or er_pointer(question)
        if pointer:
            # "Wat betekent dat voor kleine gemeenten?" as the first question: searched, its own
            # words find passages about small municipalities that answer nothing it asked
            answer = self._abstain(query, index.search(query, k or self.k, chosen), notes,
                                   text=_no_earlier_text(question.strip(), pointer))
            yield answer.text, answer
            return
        earlier = [m["content"] for m in history or [] if m.get("role") == "assistant"]
        opened = with_earlier_passages([], earlier[-1], index, chosen) if earlier and asks_to_explain(question) else []
        if opened:
            # searched, the last topic finds another passage that names it ("Wat houdt dat in?" after
            # the Wmo's definition of beschermd wonen brought the lid on its bijdrage); after a
            # refusal there is no passage to point at, and the question is searched as any other
            answer = self._abstain(query, opened, notes, text=EXPLAIN_TEXT)
            yield answer.text, answer
            return
        floor = self.noise_floor(index, chosen)
        asked_filters = chosen
        in_year = text_of_year(question, query, [d for d in index.documents() if not chosen or chosen.accepts(d)])
        if in_year is not None:  # "volgens de Huisvestingswet 2015": that text, as if chosen under "Alleen in"
            chosen = without_documents(chosen, in_year.others, index.documents())
        follow_up = question if query != question else None
        # "Hoe dien ik een Woo-verzoek in?" is searched and ranked as indienen too (`assistant.separable`;
        # not "Wat houdt opvang in?" as inhouden, which asks what a word means). The dense search, the
        # evidence and the answer keep the question's own words: texts write the verb's participle
        # ("ingevoerd") as often, and a word the best passages lack would count against them
        def known(word: str) -> bool:
            return all(index.document_frequencies(terms(word))[0])

        def asks_with(word: str) -> bool:
            return bool(question_terms(word))

        embedder = getattr(index, "embedder", None)

        def search(asked: str) -> tuple[str, list[Hit], dict[str, float]]:
            """The query as searched, the reranker's candidates and the idf weights of its terms."""
            searched = with_whole_verbs(asked, question, known, asks_with)
            weights = idf_weights(index, question_terms(searched))
            vector = embedder.embed_query(asked) if embedder is not None else None
            fused = index.search(searched, max(RERANK_DEPTH, k or self.k), chosen, query_vector=vector)
            fused = with_lexical_statements(searched, fused, index.search(searched, LEXICAL_BEST, chosen, mode="bm25"),
                                            weights)
            if vector is None:
                return searched, fused, weights
            return searched, with_dense_best(fused, index.search(asked, DENSE_BEST, chosen, mode="dense",
                                                                 query_vector=vector)), weights

        searched, fused, weights = search(query)
        asked_places, named = places(query), named_places(query)
        # "Hoe lang mag een verordening in Rotterdam gelden?" where no passage found speaks of it in
        # Rotterdam: what holds everywhere is searched and answered, with a notice; the name would
        # only draw the search to passages about other cities
        elsewhere = [place for place in asked_places if not named_where_asked(place, query, fused, weights)]
        if elsewhere:
            query = without_places(query, lambda name: name not in elsewhere)
            searched, fused, weights = search(query)
        wanted = question_terms(query)
        text_asked, in_article = self._article_asked(question, query, chosen, index, fused, notes)
        if text_asked is not None:  # "Wat staat er in artikel 12?": the article's own text
            yield text_asked.text, text_asked
            return
        # "Wie beslist volgens artikel 13 over urgentie?" is read in article 13, not in those that name it
        hits = complete_passages(in_article or rerank(searched, fused, weights, k or self.k, embedder=embedder),
                                 index)
        laws = quoted_law(hits, index, chosen)
        evidence = weigh(query, hits, weights, floor, unknown_share(index, wanted, weights), typed=question, quoted=laws)
        verdict = evidence.verdict(self.refuse_below, self.caution_below)
        # what a term means is answered by its definition however far its passage lies from the
        # question, if the answer opens with it; not one asked of a place or a year it does not name
        by_definition = verdict == "weigeren" and bool(hits) and not anchors(question) \
            and library_defines(query, lambda: self.glossary(index), index, chosen)
        if by_definition:
            verdict = "antwoorden"
        if in_article and verdict == "weigeren":
            # the library holds the article the officer names: what it says is worth reading, with a caution
            verdict = "voorzichtig"
        missing = missing_laws(query, index.documents())
        asks_missing_law = bool(missing) and defined_terms(query) == [tuple(terms(missing[0]))]
        # "Wanneer treedt de Wet betaalbare huur in werking?" of a library that nowhere names it was answered
        # with when the herziene Woningwet took effect, under a notice that its sources name the law (helper-66)
        unnamed_law = bool(missing) and not any(names_law(missing[0], hit) for hit in hits)
        # "Wat is de Wet betaalbare huur?" of a library without it: a refusal says which law it lacks
        def refusal() -> str:
            # asked only when refusing: the language check loads its model (0.6 s) on first use
            if asked_in_english(question):  # read with Dutch words, it was bound to be refused
                return ENGLISH_TEXT
            if unnamed_law:
                return UNNAMED_LAW_TEXT.format(law=missing[0])
            return MISSING_LAW_TEXT.format(law=missing[0]) if asks_missing_law else abstain_text(asked_filters)
        if not hits or verdict == "weigeren" or unnamed_law:
            # passages that do not name the law asked about are nothing to read on in
            answer = self._abstain(query, [] if unnamed_law else hits, notes, evidence.score, text=refusal())
            yield from self._elliptic(question, query, history, filters, k, answer, elliptic)
            return
        # every earlier turn (`earlier`), not only the last: after "… vergunninghouders?" the officer has
        # still read the ten groups, and "En voor jongeren?" should bring back only onderdeel g
        read = with_other_versions(with_quoted_law(hits, laws, index), index, query, weights, chosen)
        read = with_definitions(read, query, lambda: self.glossary(index), index, chosen)
        read = without_superseded_steps(with_listing(read, query, index), query, index)
        if earlier and is_follow_up(question):  # what it leans on is what the last answer opened with
            read = with_earlier_passages(read, earlier[-1], index, chosen)
        # what a follow-up adds is read with its split verb whole: "Wie wijst die aan?" asks who
        # "aanwijst", which the law writes "kan … aanwijzen"
        another_place = asks_of_another_place(question, history)
        adds = with_whole_verbs(follow_up, follow_up, known, asks_with) if follow_up and not another_place else None
        # a follow-up answers what is new; a question of its own is answered whole, also when an earlier
        # answer said it ("Welke groepen krijgen urgentie?" asked again lost the ten groups as said before),
        # and so is the same question of another place ("En in Utrecht?")
        said = earlier if (follow_up or is_follow_up(question)) and not another_place else []
        composition = extractive.compose(query, read, weights, said, adds)
        if not composition.text or (by_definition and not opens_with_definition(composition, defined_terms(query))):
            # no unit of the passages speaks to the question (or all were said before); or the
            # definition that let it answer is not what the composer opened with. The passages read
            # are named to read on: for a follow-up, first those the last answer stood on
            answer = self._abstain(query, read, notes, evidence.score, text=refusal())
            yield from self._elliptic(question, query, history, filters, k, answer, elliptic)
            return
        if asks_missing_law and not opens_with_definition(composition, defined_terms(query)):
            # "Wat is de Omgevingswet?" in a library without it: a lid of the Huisvestingswet that
            # refers to it says nothing of what it is
            answer = self._abstain(query, hits, notes, evidence.score, text=refusal())
            yield answer.text, answer
            return
        if verdict == "voorzichtig":
            notes = notes + ["Het bewijs is zwak: controleer de bronnen."]
        if self.chat_model is None:
            steps = guide_steps(query, composition.citations[0], index)
            outline = None if steps else outline_on(searched, composition.citations[0], index)
            if steps:  # "Hoe stel ik een woonzorgvisie op?": the guide's steps, not the one sharing words with it
                composition = steps_answer(steps, composition.citations[0])
            elif outline is not None:  # "Hoe richt je de procesorganisatie in?": the guide written on it, or
                guide, part = outline  # for "Hoe betrek ik ervaringsdeskundigen?" its part written on it
                composition = (part_answer(guide, part, index) if part else guide_answer(guide, index)) or composition
            elsewhere = answer_of_another_place(named, composition, index, asks_rule=bool(asked_places))
            if elsewhere:
                answer = self._abstain(query, read, notes, evidence.score, text=elsewhere)
                yield answer.text, answer
                return
            other_source, law_passage = other_source_text(query, composition.citations, index, chosen, missing,
                                                          weights, read)
            place = place_notice(named, composition.citations, index)
            outside = filtered_out_notice(hits, lambda: index.search(searched, 1), asked_filters, floor)
            dated = in_year.notice() if in_year is not None else ""
            other_source = "\n\n".join(filter(None, [outside, dated, place, other_source]))
            answer = self._extractive(query, composition, evidence, notes,
                                      caution=verdict == "voorzichtig" or opens_unstated(query, composition.text),
                                      other_source=other_source, law_passage=law_passage)
            answer.hits = read
            yield answer.text, answer
            return
        yield from self._generate(question, query, history, read, composition, evidence, notes)

    def _about_the_document(self, question: str, query: str, history, chosen: Filters | None, index,
                            notes: list[str]) -> Answer | None:
        """The answer to what the one chosen document is about (`assistant.overview`), or a request
        to choose one; None when the question asks something else."""
        only = only_document(chosen, index)
        leans_back = bool(topic_questions(history)) and bool(points_back_first(question))
        if not only and not topic_questions(history):
            # "Uit hoeveel hoofdstukken bestaat de Woningwet?" names the law it asks about; "Wanneer is de
            # publicatie verschenen?" with nothing chosen does not say which
            within = [d for d in index.documents() if not chosen or chosen.accepts(d)]
            texts, asked = as_asked_of_the_law(question, within)
            if asks_document_fact(asked):
                if len(texts) != 1:
                    return self._abstain(query, [], notes, text=which_text(texts))
                only, question = texts[0], asked
            else:
                if not texts:  # "Wat is de Veegwet wonen?" of a library with its memorie van toelichting only
                    texts, asked = as_asked_of_the_bill(question, within)
                # "Wat is de Wet betaalbare huur?", "Wat regelt de Woningwet?": what the law says it
                # regulates, in its own aanhef; searched, the question finds articles that only name it
                described = described_law(texts, index.chunks_of) if texts and asks_overview(asked) else None
                if described is not None:
                    only, question = described, asked
        fact = document_fact(question, list(index.chunks_of(only.doc_id)), only) \
            if only and not leans_back and asks_document_fact(question) else None
        if fact is not None:  # "Wanneer is de publicatie verschenen?"; or that the document does not say
            # nothing was searched: "Hoe lang is deze samenvatting?" after another question is no follow-up
            answer = Answer(fact.text, fact.citations, fact.missing, question, "extractief", notes)
            answer.hits = fact.hits
            return answer
        if only and not leans_back and asks_overview(question, only):
            found, where = overview(list(index.chunks_of(only.doc_id)), only)
            # a document without a summary, an aanhef or an introduction may still say what it is
            # about where the search finds it ("Waar gaat Housing Parkstad over?"): its opening is
            # shown only when the question names nothing to search for
            if found and (where != "het begin" or asks_overview(question)):
                text, citations = overview_text(found, where)
                # the chosen document is what "dit document" points at, not the last question: nothing
                # of that was read (helper-65 saw "Gelezen als vervolg op: …")
                answer = Answer(text, citations, False, question, "extractief", notes)
                answer.hits = [hit for hit, _ in found]
                return answer
            if not found and asks_overview(question):
                return self._abstain(question, [], notes, text=NO_OVERVIEW_TEXT.format(title=only.display_title))
        if not only and asks_overview(question) and names_a_document(question) and not topic_questions(history):
            several = sum(1 for d in index.documents() if chosen and chosen.doc_ids and chosen.accepts(d))
            return self._abstain(query, [], notes,
                                 text=SEVERAL_DOCUMENTS_TEXT.format(n=several) if several > 1 else NO_DOCUMENT_TEXT)
        return None

    def _article_asked(self, question: str, query: str, chosen: Filters | None, index, fused: list[Hit],
                       notes: list[str]) -> tuple[Answer | None, list[Hit]]:
        """For a question that names one article of law the library holds (`assistant.articles`):
        the answer with the article's text when that is all it asks, else (None, its passages) to
        answer from; (None, []) for any other question. The law is the one `query` names (a
        follow-up's "En artikel 13?" carries it), else the one whose article `fused` ranks first."""
        asked = asked_article(question)
        if asked is None:
            return None, []
        documents = index.documents()
        within = [d for d in documents if d.metadata.type == "regelgeving" and (not chosen or chosen.accepts(d))]
        laws = named_laws(query, within)
        texts = [d for named in laws.values() for d in named]
        if not texts and missing_laws(query, documents):
            return None, []  # "artikel 8 van de Vreemdelingenwet" of a library without it: refused as such
        passages = article_passages(asked, texts or within, index.chunks_of, fused)
        if passages and asks_the_text(question, asked, list(laws)):
            text, citations = article_text(passages[0], asked)
            answer = Answer(text, citations, False, query, "extractief", notes)
            answer.hits = passages
            return answer, passages
        return None, passages

    def noise_floor(self, index, filters: Filters | None = None) -> NoiseFloor:
        """The off-topic noise floor of this index generation, or of the part `filters` leave of
        it, measured once each (see assistant/evidence.py; the last FLOORS_KEPT filters are kept)."""
        key = repr(filters or None)
        with self._floor_lock:
            if self._floor is None or self._floor[0] is not index:
                self._floor = (index, {})
            floors = self._floor[1]
            if key not in floors:
                floors[key] = NoiseFloor.measure(index, filters or None)
                while len(floors) > FLOORS_KEPT:
                    floors.pop(next(k for k in floors if k != repr(None)))
            return floors[key]

    def glossary(self, index) -> Glossary:
        """The definitions of this index generation's passages, read once (see assistant/definitions.py)."""
        if self._glossary is None or self._glossary[0] is not index:
            self._glossary = (index, Glossary.read(index))
        return self._glossary[1]

    def spelled(self, question: str, index) -> tuple[str, list[Correction]]:
        """`question` with the words this index generation does not know read as its nearest
        words (see assistant/spelling.py), and what was read otherwise."""
        if self._spelling is None or self._spelling[0] is not index:
            self._spelling = (index, Spelling(index))
        return self._spelling[1].correct(question)

    def standalone_query(self, question: str, history: list[dict] | None,
                         elliptic: bool = False) -> tuple[str, list[str]]:
        if self.chat_model is not None and history:
            try:
                return condense_with_model(self.chat_model, question, history), []
            except Exception as error:  # any model failure: the rule still gives a usable query
                return (condense(question, history, elliptic),
                        [f"Herschrijven met het taalmodel mislukte ({_short(error)})."])
        return condense(question, history, elliptic), []

    def _elliptic(self, question: str, query: str, history: list[dict] | None, filters, k: int | None,
                  refused: Answer, retried_already: bool) -> Iterator[tuple[str, Answer | None]]:
        """`refused`, or the answer to `question` read as a follow-up that leaves its subject out,
        when it was read as standing alone (`query` is the question) in a conversation with a topic."""
        if not retried_already and query == question and topic_questions(history):
            retried = None
            for _, retried in self.stream(question, history, filters, k, elliptic=True):
                pass
            if retried is not None and not retried.abstained and _speaks_of_topic(retried, history):
                yield retried.text, retried
                return
        yield refused.text, refused

    # -- the three kinds of answer ---------------------------------------------------------
    def _extractive(self, query: str, composition, evidence: Evidence, notes: list[str], caution: bool = False,
                    other_source: str = "", law_passage: Hit | None = None) -> Answer:
        """The composed answer with its Bronnen; `law_passage`, which the `other_source` notice points
        at, is cited last, as a whole passage."""
        citations = composition.citations + (
            [extractive.to_citation(len(composition.citations) + 1, law_passage, [])] if law_passage else [])
        text = composition.text + "\n\n" + extractive.sources_block(citations)
        if other_source:
            text = f"{other_source}\n\n{text}"
        if caution:
            text = f"{_caution_text(query, evidence, composition.text)}\n\n{text}"
        return Answer(text, citations, False, query, "extractief", notes, evidence.score, caution)

    def _abstain(self, query: str, hits: list[Hit], notes: list[str], score: float = 0.0,
                 text: str = ABSTAIN_TEXT) -> Answer:
        nearest: list[Citation] = []
        for hit in hits:
            if all(c.doc_id != hit.document.doc_id for c in nearest) and says_something(hit):
                nearest.append(extractive.to_citation(len(nearest) + 1, hit, []))
            if len(nearest) == NEAREST:
                break
        if nearest:
            # the most likely place to read on: the best passage's section, then the other documents
            text += "\n\n**Lees eventueel verder in**\n" + "\n".join(f"- {c.label()}" for c in nearest)
        answer = Answer(text, nearest, True, query, "extractief", notes, score)
        answer.hits = hits
        return answer

    def _generate(self, question, query, history, hits, composition, evidence, notes) -> Iterator[tuple[str, Answer | None]]:
        citations = [extractive.to_citation(i + 1, hit, composition.used.get(i, [])) for i, hit in enumerate(hits)]
        written = ""
        try:
            for piece in self.chat_model.stream(build_messages(question if not history else query, citations, history)):
                written += getattr(piece, "content", str(piece))
                yield written, None
        except Exception as error:  # timeout, refused connection, bad key: the extractive answer still stands
            answer = self._extractive(query, composition, evidence, notes + [
                f"Het taalmodel gaf geen antwoord ({_short(error)}); dit is het extractieve antwoord uit de bronnen."])
            answer.text = f"_{answer.notes[-1]}_\n\n{answer.text}"
            yield answer.text, answer
            return
        checked, uncited = check_citations(written, {c.n for c in citations})
        used = [c for c in citations if c.n in cited_numbers(checked)]
        if uncited:
            notes = notes + [f"{len(uncited)} zin(nen) zonder bronverwijzing gemarkeerd."]
        text = checked + ("\n\n" + extractive.sources_block(used) if used else "")
        answer = Answer(text, used, False, query, "generatief", notes, evidence.score)
        answer.hits = hits
        yield text, answer


def _no_earlier_text(question: str, pointer: str) -> str:
    """Why a question that points back (`condense.points_back_first`) is not answered as the first of a
    conversation, with the question as it could be asked when its `pointer` stands for a subject:
    "Wat betekent [onderwerp] voor kleine gemeenten?"."""
    text = NO_EARLIER_TEXT.format(word=pointer)
    words = question.split()
    at = [i for i, word in enumerate(words) if word.strip("?,.!").lower() == pointer.lower()]
    # "En voor jongeren?", "Wat zijn dan de nadelen?": no word to put the subject in place of
    if not at or is_joiner(pointer) or pointer.lower() == "dan":
        return text + "."
    # "Welke voorwaarden gelden voor [onderwerp]?", its question mark kept
    subject = f"{er_preposition(pointer)} [onderwerp]" if pointer.lower() == er_pointer(question).lower() else "[onderwerp]"
    asked = re.sub(re.escape(pointer), subject, words[at[0]], count=1, flags=re.I)
    return text + f", bijvoorbeeld: \"{' '.join(words[:at[0]] + [asked] + words[at[0] + 1:])}\"."


def opens_unstated(query: str, text: str) -> bool:
    """Whether the answer `text` to a question that asks a number or a date (`asked_statement`) opens
    without one: "Hoe hoog is de decentralisatie-uitkering …?" answered with a glossary row on who is
    in a kwetsbare positie is no answer to how high, however well its passages speak to the rest."""
    states = asked_statement(query)
    opening = " ".join(extractive.opening_lines(text))
    return states is not None and bool(opening) and not states(opening)


def _caution_text(query: str, evidence: Evidence, text: str) -> str:
    states = asked_statement(query)
    # the evidence reads the best EVIDENCE_PASSAGES; a point further down the answer may state it
    # ("uitgesteld tot 1 oktober 2024"), and then "de gevonden passages noemen die niet" would be
    # false: the opening does not. A date in the opening itself is of something else ("… het
    # VN-verdrag, welke sinds juli 2016 van kracht is" for the Wet versterking regie volkshuisvesting)
    stated_below = bool(states) and states(text) and opens_unstated(query, text)
    if evidence.untyped >= 1.0 and not stated_below:
        return NO_DATE_TEXT if asks_date(query) else NO_NUMBER_TEXT
    if opens_unstated(query, text):
        if asks_date(query):
            return UNSTATED_TEXT.format(what="een datum", missing="die datum")
        return UNSTATED_TEXT.format(what="een aantal, bedrag of termijn", missing="dat getal")
    return CAUTION_TEXT


def unnamed_places(asked: list[str], opening: Citation) -> list[str]:
    """The places of `asked` that the passage `opening` names nowhere: not in its title, section or text."""
    named = set(terms(f"{opening.title} {opening.section or ''} {opening.text}")) | hyphenated_names(opening.text)
    return [place for place in asked if not place_terms(place) <= named]


def answer_of_another_place(asked: list[str], composition, index, asks_rule: bool) -> str:
    """A refusal, in Dutch, when the answer would open with a text about another place than the places
    `asked` about, which its region, municipalities or title name, and says what that place has or
    did: a figure (a number, an amount, a year), or anything when the question does not ask a rule
    (`asks_rule`, which a law or another place's text may state for every place); "" otherwise.
    "Wat is de gemiddelde wachttijd voor een sociale huurwoning in Amsterdam?" opened with Utrecht's
    "11 jaar" under "Ga na of het ook daar geldt" (helper-60); "Welke afspraken … staan in de
    prestatieafspraken van Rotterdam …?" with Utrecht's own agreements."""
    if not asked or not composition.citations:
        return ""
    opening = composition.citations[0]
    unnamed = unnamed_places(asked, opening)
    document = index.document(opening.doc_id)
    figure = re.search(r"\d", " ".join(extractive.opening_lines(composition.text)))
    if not unnamed or document is None or not (figure or not asks_rule):
        return ""
    metadata = document.metadata
    own = [place for place in (metadata.region, *metadata.municipalities,
                               *named_places(document.display_title or "")) if place]
    if not own or any(place_terms(name) <= set().union(*map(terms, own)) for name in unnamed):
        return ""  # a law or a national text: `place_notice` says it holds everywhere, or where it comes from
    names = " en ".join(unnamed)
    return (OTHER_PLACE_FIGURE_TEXT if figure else OTHER_PLACE_TEXT).format(names=names, title=document.display_title)


def place_notice(asked: list[str], citations: list[Citation], index) -> str:
    """A notice that the passage the answer opens with (`citations[0]`) does not name the places
    `asked` about, and whether it holds everywhere (a law without a region, `evidence.applies_everywhere`);
    "" when it names them all."""
    if not asked or not citations:
        return ""
    opening = citations[0]
    unnamed = unnamed_places(asked, opening)
    if not unnamed:
        return ""
    names = " en ".join(unnamed)
    document = index.document(opening.doc_id)
    if document is not None and applies_everywhere(document.metadata):
        return f"_Let op: u vraagt naar {names}, maar dit antwoord noemt {names} niet: het komt uit de wet, die voor " \
               "elke gemeente geldt._"
    # "Wat is de wachttijd in Amersfoort?" answered from Utrecht's policy: the title says whose figure it is
    return f"_Let op: u vraagt naar {names}, maar dit antwoord noemt {names} niet: het komt uit {opening.title}. " \
           "Ga na of het ook daar geldt._"


def other_source_text(question: str, citations: list[Citation], index, filters: Filters | None,
                      missing: list[str], weights: dict[str, float], read: list[Hit] = ()) -> tuple[str, Hit | None]:
    """A notice when `question` names a law the library holds (`versions.named_laws`), within
    `filters`, and the answer opens with another text that the question does not name: "Wat is
    extramuralisering in de Participatiewet?" is answered by Utrecht's begrippenlijst, which the
    officer must not take for the law. When the law is cited further on, the notice points there;
    else to the law's own passage on the question (`versions.own_passage`), or its best passage among those
    the answer was composed from (`read`), returned to be cited after the others; else it says that no
    passage of the law holds the question's words, and how to search that text alone (helper-57: "vond ik
    niet" read as the law's silence). A notice too when the question names a law of which the library holds
    no text (`missing`, from `versions.missing_laws`). ("", None) otherwise."""
    if missing:
        # "Wanneer krijg ik te maken met de Omgevingswet?" is answered by a page about it, not by the law
        return (f"_Let op: geen document in de kennisbank heeft \"{missing[0]}\" in de titel; het antwoord komt uit "
                f"bronnen die de {missing[0]} noemen._"), None
    documents = [d for d in index.documents() if not filters or filters.accepts(d)]
    named = named_laws(question, documents)
    laws = [d for texts in named.values() for d in texts]
    opener = index.document(citations[0].doc_id) if citations else None
    # "Wat veranderde de Veegwet wonen aan de Huisvestingswet?" asks the Veegwet's memorie van
    # toelichting, which the answer opens with: another name the question writes that the opener's
    # title holds (not the law's name, nor a common word such as "wonen")
    other = name_terms(question) - set(terms(" ".join(named)))
    if not laws or opener is None or opener in laws or names_document(other, opener):
        return "", None
    name, texts = next(iter(named.items()))
    the = f"{article(name)} {name}"
    own = next((c for c in citations if c.doc_id in {d.doc_id for d in texts}), None)
    # else the law's best passage among those the answer was composed from (`read`): article 12 of the
    # Huisvestingswet, fused first for "Welke urgentiegroepen noemt de Huisvestingswet?", does not write
    # "urgentiegroepen", and "vond ik geen passage" was read as the law's silence (helper-70)
    passage = None if own is not None else own_passage(question, name, texts, index, weights) or next(
        (hit for hit in read if hit.document.doc_id in {d.doc_id for d in texts}), None)
    comes = "opent met" if own is not None else "hieronder komt uit"
    # a summary or circular with the law's name in its title is about the law: "een andere bron" read
    # as if the answer were beside the question (helper-47), and "u vraagt naar de Wet betaalbare huur,
    # maar het antwoord komt uit een tekst over de Wet betaalbare huur" as circular (helper-52); what
    # it is not, is the law's own text
    if set(terms(name)) <= set(terms(citations[0].title)) and _DECREE.search(citations[0].title):
        # the Uitvoeringsbesluit Wmo 2015 is binding law of its own, no "tekst over de Wmo" (helper-60); a
        # circular is not
        lead = f"_Let op: het antwoord {comes} {citations[0].title}: een andere regeling dan {the} zelf"
    elif set(terms(name)) <= set(terms(citations[0].title)):
        lead = f"_Let op: het antwoord {comes} {citations[0].title}: een tekst over {the}, niet de wettekst zelf"
    else:
        lead = f"_Let op: u vraagt naar {the}, maar het antwoord {comes} een andere bron ({citations[0].title})"
    if own is not None:
        return f"{lead}; wat {the} zelf zegt, staat bij [{own.n}]._", None
    if passage is not None:
        # cited by no line of the answer, only listed: "staat bij [4]" sent readers looking for a [4] in the text
        # (helper-67, helper-69)
        where = f"staat in bron [{len(citations) + 1}], onderaan bij Bronnen"
        return f"{lead}; wat {the} er zelf over zegt, {where}._", passage
    # a search by the question's words, which the law may put otherwise ("energieprestatie" for the
    # "energielabel" asked): said as what was searched, with where to read on, not as the law's silence
    return (f"{lead}. In {the} zelf vond ik geen passage met de woorden van uw vraag; kies \"{name}\" bij "
            f"\"Alleen in\" (commandoregel: --doc {texts[0].doc_id}) om in die tekst te zoeken._"), None


def without_documents(filters: Filters | None, left_out: tuple[DocumentRecord, ...],
                      documents: list[DocumentRecord]) -> Filters:
    """`filters` that also leave out the documents `left_out`, by naming every other document they accept."""
    gone = {d.doc_id for d in left_out}
    kept = [d.doc_id for d in documents if d.doc_id not in gone and (not filters or filters.accepts(d))]
    return Filters(doc_ids=kept)


def only_document(filters: Filters | None, index):
    """The one document `filters` leave in `index` (`index.models.DocumentRecord`), or None."""
    if not filters:
        return None
    left = [d for d in index.documents() if filters.accepts(d)]
    return left[0] if len(left) == 1 else None


def which_text(texts: list[DocumentRecord]) -> str:
    """The request to choose the document a question about one document means: one of the law's
    `texts`, or, without them, any."""
    if not texts:
        return NO_DOCUMENT_TEXT
    return SEVERAL_TEXTS_TEXT.format(texts=" of ".join(
        f"{d.display_title} ({dutch_date(d.metadata.date) if d.metadata.date else 'zonder datum'})" for d in texts))


def abstain_text(filters: Filters | None) -> str:
    """ABSTAIN_TEXT, saying where was searched when `filters` narrowed it: the rest of the library
    may still hold the answer."""
    if not filters:
        return ABSTAIN_TEXT
    only_documents = filters.doc_ids and not (filters.types or filters.regions or filters.since)
    place = "binnen de gekozen filters"
    if only_documents:
        place = "in het gekozen document" if len(filters.doc_ids) == 1 else "in de gekozen documenten"
    # "Niet ouder dan" keeps only texts with a date: most guides and practice examples have none
    undated = (" Documenten zonder datum tellen bij \"niet ouder dan\" alleen mee als hun titel een jaar vanaf dan "
               "noemt.") if filters.since else ""
    return (ABSTAIN_TEXT.replace("in de kennisbank", place) + undated
            + " Zonder filters zoek ik in de hele kennisbank.")


def filter_names(filters: Filters) -> list[str]:
    """Each filter in Dutch, as the officer set it: "type handreiking", "regio Parkstad Limburg"."""
    return ([f"type {', '.join(filters.types)}"] if filters.types else []) + (
        [f"regio {', '.join(filters.regions)}"] if filters.regions else []) + (
        [f"{len(filters.doc_ids)} gekozen document(en)"] if filters.doc_ids else []) + (
        [f"niet ouder dan {dutch_date(filters.since) or filters.since}"] if filters.since else [])


def filtered_out_notice(filtered: list[Hit], search_everywhere: Callable[[], list[Hit]], filters: Filters | None,
                        floor: NoiseFloor) -> str:
    """A notice when the filters leave out the text that lies closest to the question: its passage's
    cosine (`search_everywhere`: the search without filters, made only under filters that can leave
    a text out) stands FILTERED_OUT_SPREADS noise-floor spreads above the best one within them
    (`filtered`). With region Parkstad Limburg, "Hoe richt je de procesorganisatie in?" was answered
    from why Parkstad asks it, with no word that the guide written on it (no region) was filtered out
    (helper-55). Not for documents the officer chose ("Alleen in")."""
    if not filters or not (filters.types or filters.regions or filters.since):
        return ""
    everywhere = search_everywhere()
    if not everywhere:
        return ""
    inside = max((h.dense_score for h in filtered[:EVIDENCE_PASSAGES] if h.dense_score is not None), default=None)
    best = everywhere[0]
    if best.dense_score is None or filters.accepts(best.document) or (
            inside is not None and best.dense_score < inside + FILTERED_OUT_SPREADS * floor.spread):
        return ""
    return (f"_Let op: de filters ({'; '.join(filter_names(filters))}) laten \"{best.document.title}\" buiten de "
            "zoekopdracht; die tekst past beter bij uw vraag. Wis de filters om ook daarin te zoeken._")


def no_documents_text(filters: Filters) -> str:
    """Why nothing was searched: no document passes `filters` (Dutch, naming each filter)."""
    named = filter_names(filters)
    text = (f"Geen document in de kennisbank past bij de filters ({'; '.join(named)}), dus er is niets doorzocht. "
            "Verruim of wis de filters en stel de vraag opnieuw.")
    if filters.since:
        text += " Documenten zonder datum vallen buiten 'niet ouder dan', tenzij hun titel een jaar vanaf dan noemt."
    return text


def _filters(filters: Filters | dict | None) -> Filters | None:
    if filters is None or isinstance(filters, Filters):
        return filters or None
    made = Filters.of(filters.get("type"), filters.get("region"), filters.get("doc_id"), filters.get("since"))
    return made or None



def _speaks_of_topic(answer: Answer, history: list[dict] | None) -> bool:
    """Whether the passages `answer` cites name a word of the conversation's topic (`topic_of` its chain of
    questions), a number aside. A question read as leaving its subject out is answered from that subject: "Welke
    afspraken heeft de regio Twente gemaakt over uitstroom uit beschermd wonen?" after a question about huurtoeslag
    in 2026 was answered with Twente's WOZ values of 2026, which share a place and a year with the reading and
    nothing of the topic (helper-67)."""
    topic = {t for t in question_terms(" ".join(topic_of(q) for q in topic_chain(topic_questions(history))))
             if not t.isdigit()}
    read = " ".join(" ".join((c.title, c.section or "", c.text)) for c in answer.citations).lower()
    return any(t in read for t in topic)

def _short(error: Exception) -> str:
    return (type(error).__name__ + (f": {error}" if str(error) else ""))[:160]
