"""The offline answerer: extractive, deterministic, and verifiable.

It picks the sentence(s) of the letters most likely to answer the question (`assistant.evidence`,
ranked by `assistant.ranking`), writes a short answer in plain words with [n] markers, and cites each
sentence by its exact span. It abstains, citing nothing, when the calibrated support for any answer
is below its threshold (`Evidence.insufficient`).
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import date

from langchain_core.documents import Document

from assistant.answer import Answer, Citation
from assistant.asked_period import DUE_ASKED, FROM_REPORT
from assistant.duties_of import DutiesOf
from assistant.evidence import Candidate, Evidence
from assistant.leads import change_lead, introduce, lead, row_words
from assistant.ledger_answers import LedgerAnswers
from assistant.letter_facts import LetterFacts
from assistant.near_misses import not_given
from assistant.numbered_items import NumberedItems
from assistant.outcome import (
    TAKEN_UP,
    TAKEN_UP_OBJECT,
    Event,
    event_asked,
    later_act,
    only_asked_or_planned,
    written_before,
)
from assistant.parts import joined, question_parts, quote_in_lead
from assistant.question import Analysis, QuestionType, analyse, asked, search_text, wanted_kinds
from assistant.ranking import RankingModel
from index.canonical import BULLET_MARK
from index.language import tagged
from index.model import UnitKind
from index.store import Store

BACK_REFERENCE = re.compile(r"^(?:In the light of (?:its|their|this|these|that|those)|As a result|For (?:this|these) reasons?|Following (?:this|that|these)|Given (?:this|that|these)|Consequently|Therefore|In view of (?:this|that|these))\b")
ELABORATION = re.compile(r"^(?:In particular|Specifically|For example|For instance|This means|That is|Namely)\b")
LIST_QUESTION = re.compile(r"\b(?:what (?:actions|steps|things|duties|requests|directions)|list|what (?:must|should|has|have|is|are) .* (?:do|asked)|all the|everything)\b", re.I)


class ExtractiveAnswerer:
    """Answers from a store; needs the embedding model for the question and a hybrid retriever."""

    def __init__(self, store: Store, embeddings, retriever, model: RankingModel | None = None) -> None:
        self.store = store
        self.evidence = Evidence(store, embeddings, retriever, model)
        self.ledger = LedgerAnswers(store, self.evidence)
        self.letter_facts = LetterFacts(store, self.evidence)
        self.numbered = NumberedItems(store)
        self.duties = DutiesOf(store)

    # -- answering --------------------------------------------------------------------------
    def answer(self, question: str, k: int = 8, context: str | None = None,
               passages: list[Document] | None = None) -> Answer:
        """Answer `question`; `context` is the previous question when this one is a follow-up; `passages`, those
        the chain retrieved for it (`assistant.chain`). A question asking several things (`assistant.parts`) gets
        each later part answered too, read with the first (whose subject it often leans on: "…, and when are
        they now expected?")."""
        started = time.perf_counter()
        question = question.strip()
        if not question:
            return Answer(question, "Please ask a question about the letters.", True)
        query = asked(question)
        result, retrieve = self._answered(query, k, context, passages)
        parts = question_parts(query)
        for part in parts[1:] if not result.abstained else []:
            more, seconds = self._answered(part, k, parts[0])
            retrieve += seconds
            result = result if more.abstained else joined(result, more)
        if not result.abstained and QuestionType.WHAT in wanted_kinds(query)[1:]:
            result = quote_in_lead(result)
        result.question = question
        total = time.perf_counter() - started
        result.timings_ms = {"retrieve": round(retrieve * 1000, 1), "answer": round((total - retrieve) * 1000, 1),
                             "total": round(total * 1000, 1)}
        return result

    def _answered(self, query: str, k: int, context: str | None,
                  passages: list[Document] | None = None) -> tuple[Answer, float]:
        """The answer to one question, and the seconds its retrieval took."""
        started = time.perf_counter()
        # Only a question asking what falls due can name a period relative to the letters' day: read it only then.
        day = self._reading_day(query) if DUE_ASKED.search(query) else None
        analysis = analyse(query, default_year=self._default_year(), context=context, reading_day=day)
        if analysis.type in (QuestionType.DUE_IN_PERIOD, QuestionType.LETTER_DATE):
            found = (self.ledger.due_in_period if analysis.type == QuestionType.DUE_IN_PERIOD else self.ledger.letter_dates)(query, analysis)
            return (found if isinstance(found, Answer) else self.abstain(query, found)), time.perf_counter() - started
        cands = self.evidence.candidates(search_text(query, context), analysis, k, passages)
        cands = self.numbered.named_first(search_text(query, context), cands)
        retrieved = time.perf_counter() - started
        counted = self.numbered.counted(query, cands)
        if counted is not None:  # "how many recommendations …?": counted from the report's structure
            return self._quoting(query, analysis, counted.cited, counted.lead(len(counted.cited)), abstained=False), retrieved
        found = self.duties.answer(query, cands) or self.letter_facts.answer(query, analysis, cands)
        return found or self.compose(query, analysis, cands), retrieved

    def _default_year(self) -> int | None:
        years = [v.date.year for v in self.store.letters().values() if v.date]
        return max(set(years), key=years.count) if years else None

    def _reading_day(self, question: str) -> date | None:
        """The day the letters speak from: the newest letter's date, or the newest report's when the question
        counts from a report ("the quarter after the report")."""
        letters = [v for v in self.store.letters().values() if v.date]
        reports = [v for v in letters if v.is_report]
        if reports and FROM_REPORT.search(question):
            letters = reports
        return max((v.date for v in letters), default=None)

    def abstain(self, question: str, why: str) -> Answer:
        return Answer(question, f"The letters do not say. {why}".strip(), True)

    def compose(self, question: str, analysis: Analysis, cands: list[Candidate]) -> Answer:
        """The most probable sentence, when it is probable enough to answer; otherwise the letters do not
        say, and why."""
        why = self.evidence.insufficient(cands, analysis)
        if why:
            return self.abstain(question, why)
        event = self._event_after_letters(question, analysis, cands)
        if event is not None:  # what happened on a day after the letters were written
            return self.before_event(question, analysis, cands[0], event)
        asked_only = self._only_asked(question, cands)
        if asked_only is not None:  # whether something was later done, of letters that only ask or plan it
            return self._quoting(question, analysis, [asked_only], "The letters do not say whether it was done: they say "
                                 "only what was asked or planned [1].", abstained=True)
        coarse = self.evidence.coarse_date(cands, analysis)
        if coarse is not None:  # the day was asked for, and the letters give at most its month or year
            return self.no_day(question, analysis, cands[0], coarse)
        vague = self.evidence.vague_date(cands, analysis)
        if vague:  # a "when" question answered only by "shortly" or "in due course"
            return self.no_date(question, analysis, cands[0], vague)
        missing = not_given(question, analysis, cands, self.evidence)
        if missing:  # the passage on the subject does not give what was asked
            return self._quoting(question, analysis, [cands[0]], f"The letters do not say: {missing} [1].", abstained=True)
        best = cands[0]
        if best.kind == UnitKind.ITEM and best.lead_in is not None and LIST_QUESTION.search(question):
            chosen = self._items_of(best) or [best]
        else:
            chosen = self.evidence.cited(cands)
        return self.write(question, analysis, chosen)

    def _event_after_letters(self, question: str, analysis: Analysis, cands: list[Candidate]) -> Event | None:
        """The day of the event the question asks the outcome of, when the letters it would cite, and those
        mentioning the names it uses, were all written before it — and no letter is of that very day (then
        the event is that letter's writing: "what did the DFM report on 2 November?")."""
        letters = self.store.letters()
        cited = [letters[c.source].reading_date() for c in self.evidence.cited(cands)]
        event = event_asked(question, cited[0].year if cited and cited[0] else None)
        if event is None or any(v.reading_date() == event.day for v in letters.values()):
            return None
        about = [letters[s].reading_date() for s in self.evidence.scope.letters_about(analysis)]
        return event if all(written_before(event, w) for w in cited + about) else None

    def _only_asked(self, question: str, cands: list[Candidate]) -> Candidate | None:
        """For a question whether something was later done ("Did DExEU go on to publish …?"): the first sentence
        the answer would cite that writes the act, when every one that writes it does so only as asked or planned."""
        act = later_act(question)
        if act is None:
            return None
        letters = self.store.letters()
        cited = self.evidence.cited(cands)
        writing = [c for c in cited if act in {t.lemma_.lower() for t in tagged(letters[c.source].text[c.start : c.end])}]
        if TAKEN_UP.match(question):  # "does not accept our estimate" is no word of a recommendation's being taken up
            writing = [c for c in writing if TAKEN_UP_OBJECT.search(letters[c.source].text[c.start : c.end])]
        texts = [letters[c.source].text[c.start : c.end] for c in writing]
        if not writing and TAKEN_UP.match(question):  # the recommendation, with no word of its being taken up
            return cited[0]
        return writing[0] if writing and all(only_asked_or_planned(t, act) for t in texts) else None

    def before_event(self, question: str, analysis: Analysis, cand: Candidate, event: Event) -> Answer:
        """The letters were written before the day asked about: they do not say what happened then, only
        what the best sentence says of it (a plan, an invitation, a request)."""
        return self._quoting(question, analysis, [cand], f"The letters do not say: they were written before {event.named}, "
                             "and say only what was planned or asked [1].", abstained=True)

    def no_date(self, question: str, analysis: Analysis, cand: Candidate, vague: str) -> Answer:
        """The sentence that answers says only "shortly" or "in due course": say so, and cite it."""
        return self._quoting(question, analysis, [cand], f"No date is given: the letter says only “{vague}” [1].", abstained=False)

    def no_day(self, question: str, analysis: Analysis, cand: Candidate, coarse: str) -> Answer:
        """The day was asked for and no sentence gives it: the letters do not say — citing the month or year
        the best sentence gives, when it gives one, so the reader sees how far the letters go."""
        if not coarse:
            return self.abstain(question, "The passages on this subject give no day.")
        return self._quoting(question, analysis, [cand], f"The letters do not give the day: the letter says only “{coarse}” [1].",
                             abstained=True)

    def _quoting(self, question: str, analysis: Analysis, shown: list[Candidate], lead: str, abstained: bool) -> Answer:
        """`lead` (how far the letters go, or a count), then the sentences that show it, quoted and cited [1], [2] …"""
        answer = self.write(question, replace(analysis, wants=(QuestionType.WHAT,)), shown)
        answer.answer = f"{lead}\n\n{answer.answer}"
        answer.abstained = abstained
        return answer

    def _items_of(self, item: Candidate) -> list[Candidate]:
        units = self.store.snapshot().units
        out = []
        for i, u in enumerate(units):
            if u.source == item.source and u.lead_in == item.lead_in and u.kind == UnitKind.ITEM:
                out.append(Candidate(i, u))
        return out

    def cite(self, cands: list[Candidate]) -> list[Citation]:
        letters = self.store.letters()
        out = []
        for n, c in enumerate(cands, start=1):
            letter = letters[c.source]
            start = c.start
            bullet = BULLET_MARK.match(letter.text[c.start : c.end])
            if bullet:
                start += bullet.end()
            out.append(Citation.span(n, letter, start, c.end))
        return out

    def neighbours(self, cand: Candidate) -> list[Candidate]:
        """Sentences the answer needs beside its own: the one a "In the light of this…" sentence points
        back to, and one that spells it out next ("In particular, …")."""
        units = self.store.snapshot().units
        letters = self.store.letters()
        i = cand.index
        out = []
        text = letters[cand.source].text
        if BACK_REFERENCE.match(text[cand.start : cand.end]) and i > 0:
            prev = units[i - 1]
            if prev.source == cand.source and prev.kind != UnitKind.LINE:
                out.append(Candidate(i - 1, prev))
        if i + 1 < len(units):
            nxt = units[i + 1]
            if nxt.source == cand.source and nxt.block == cand.block and ELABORATION.match(text[nxt.start : nxt.end]):
                out.append(Candidate(i + 1, nxt))
        return out

    def _candidate_of(self, record) -> Candidate:
        units = self.store.snapshot().units
        for i, u in enumerate(units):
            if u.source == record.source and u.start <= record.start < u.end:
                return Candidate(i, u)
        raise LookupError(record.id)

    def write(self, question: str, analysis: Analysis, chosen: list[Candidate]) -> Answer:
        letters = self.store.letters()
        parts: list[str] = []
        key = self.evidence.key_terms(question, analysis)
        about = replace(analysis, stems=list(key), terms=list(key.values()))
        record = self.evidence.record_for(chosen[0], about)
        change_note = None
        if record and (record.supersedes or record.superseded_by):
            current, earlier = self.ledger.history(record)
            linked = [self._candidate_of(current)] + [self._candidate_of(r) for r in earlier]
            chosen = linked + [c for c in chosen[1:] if (c.source, c.start) not in {(x.source, x.start) for x in linked}]
            change_note = (current, earlier)
            record = current
        chosen = chosen + [n for n in self.neighbours(chosen[0]) if (n.source, n.start) not in {(c.source, c.start) for c in chosen}]
        citations = self.cite(chosen)
        if change_note:
            parts.append(change_lead(*change_note))
        else:
            order = sorted(analysis.wants, key=lambda t: t != QuestionType.WHEN)  # the date first
            leads = [lead(t, analysis, letters[chosen[0].source], citations[0], record) for t in order]
            if any(leads):
                parts.append(" ".join(x for x in leads if x))
        for cand, cite in zip(chosen, citations, strict=True):
            letter = letters[cand.source]
            row = row_words(letter, cand.start) if cand.kind == UnitKind.ROW else None
            # A row's lead-in is its table's header row, which `row_words` names the cells by.
            lead_in = letter.text[cand.lead_in : cand.start].split("\n")[0].strip() \
                if cand.lead_in is not None and cand.kind != UnitKind.ROW else None
            section = cite.section if letter.is_report else None
            notes = self.evidence.referents(letter, cand)
            sentence = (f"{introduce(letter, lead_in, section, 'has the row')}{row} [{cite.id}]" if row
                        else f"{introduce(letter, lead_in, section)}“{cite.quote}” [{cite.id}]")
            if notes:
                sentence += " (" + "; ".join(f"{r.words} means {r.means}" for r in notes) + ")"
            parts.append(sentence + ".")
        return Answer(question, "\n\n".join(parts), False, citations)
