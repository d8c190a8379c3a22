"""The offline answerer: extractive, deterministic, and verifiable.

It picks the sentence(s) of the letters most likely to answer the question (`assistant.evidence`,
ranked by `assistant.ranking`), writes a short answer in plain words with [n] markers, and cites each
sentence by its exact span. It abstains, citing nothing, when the evidence does not cover what was
asked (`Evidence.insufficient`).
"""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from assistant.evidence import Candidate, Evidence
from assistant.fit import HOW_OFTEN
from assistant.question import Analysis, QuestionType, analyse
from assistant.ranking import RankingModel
from assistant.wording import ACTING, LAW, describe, fmt_date, join_names, name_for_role, resolve_people
from index.canonical import BULLET_MARK
from index.dates import Precision, find_deadlines
from index.ledger import recurrence_of, recurrence_words
from index.segmenter import UnitKind
from index.store import Letter, Store

RECIPIENTS = re.compile(
    r"\b(?:report(?:s|ing)?|recommendations?|submit\w*|send|provide\w*)\b[^.;]*?\bto\s+(?P<to>(?:me|you|your|the|[A-Z])[^.;]*?)(?=\s+(?:with|by|on|in|about|for|setting|within|no later|that|which)\b|[.;:]|,\s+(?:by|with|in|on|no later)\b|$)"
)
BACK_REFERENCE = re.compile(r"^(?:In the light of (?:its|their|this|these|that|those)|As a result|For (?:this|these) reasons?|Following (?:this|that|these)|Given (?:this|that|these)|Consequently|Therefore|In view of (?:this|that|these))\b")
ELABORATION = re.compile(r"^(?:In particular|Specifically|For example|For instance|This means|That is|Namely)\b")
LIST_QUESTION = re.compile(r"\b(?:what (?:actions|steps|things|duties|requests|directions)|list|what (?:must|should|has|have|is|are) .* (?:do|asked)|all the|everything)\b", re.I)

@dataclass
class Citation:
    id: int
    source: str
    title: str
    date: str | None
    quote: str
    start: int
    end: int
    page: int | None


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


class ExtractiveAnswerer:
    """Answers from a store; needs the embedding model for the question and a hybrid retriever."""

    def __init__(self, store: Store, embeddings, retriever, model: RankingModel | None = None) -> None:
        self.store = store
        self.evidence = Evidence(store, embeddings, retriever, model)

    # -- answering --------------------------------------------------------------------------
    def answer(self, question: str, k: int = 8, context: str | None = None) -> Answer:
        """Answer `question`; `context` is the previous question when this one is a follow-up."""
        started = time.perf_counter()
        question = question.strip()
        analysis = analyse(question, default_year=self._default_year(), context=context)
        if not question:
            return Answer(question, "Please ask a question about the letters.", True)
        if analysis.type == QuestionType.DUE_IN_PERIOD:
            retrieved = time.perf_counter()
            result = self.due_in_period(question, analysis)
        elif analysis.type == QuestionType.LETTER_DATE:
            retrieved = time.perf_counter()
            result = self.letter_dates(question, analysis)
        else:
            cands = self.evidence.candidates(f"{question} {context}" if context else question, analysis, k)
            retrieved = time.perf_counter()
            result = self.compose(question, analysis, cands)
        done = time.perf_counter()
        result.timings_ms = {
            "retrieve": round((retrieved - started) * 1000, 1),
            "answer": round((done - retrieved) * 1000, 1),
            "total": round((done - started) * 1000, 1),
        }
        return result

    def _default_year(self) -> int | None:
        years = [int(v.date[:4]) for v in self.store.letters().values() if v.date]
        return max(set(years), key=years.count) if years else None

    def abstain(self, question: str, why: str) -> Answer:
        return Answer(question, f"The letters do not say. {why}".strip(), True)

    def compose(self, question: str, analysis: Analysis, cands: list[Candidate]) -> Answer:
        """The most probable answering sentence among the evidence that covers the question and gives
        the kind of answer wanted; otherwise the letters do not say, and why."""
        why = self.evidence.insufficient(cands, analysis)
        if why:
            return self.abstain(question, why)
        answering = self.evidence.answering(cands, analysis)
        if not answering:  # a "when" question answered only by "shortly" or "in due course"
            return self.no_date(question, analysis, self.evidence.vague_date(cands, analysis))
        best = answering[0]
        chosen = [best]
        if best.kind == UnitKind.ITEM.value and best.lead_in is not None and LIST_QUESTION.search(question):
            chosen = self._items_of(best) or chosen
        else:
            model = self.evidence.model
            chosen += [c for c in answering[1:2] if c.probability >= model.second * best.probability]
        return self.write(question, analysis, chosen)

    def due_in_period(self, question: str, analysis: Analysis) -> Answer:
        """Every ledger record due in the period asked about, soonest first, current ones before history;
        narrowed to the letters the question names and to the actor it names, when it names them."""
        lo, hi = analysis.period
        span = f"by {fmt_date(hi)}" if lo == date.min else f"between {fmt_date(lo)} and {fmt_date(hi)}"
        scope = set(self.evidence.letters_about(analysis))
        records = [r for r in self.store.commitments() if r.deadline and lo <= date.fromisoformat(r.deadline) <= hi
                   and (not scope or r.source in scope)]
        actors = [t for t in analysis.terms if any(t in (r.actor or "").lower() for r in records)]
        if actors:
            records = [r for r in records if any(t in f"{r.actor} {r.actor_name}".lower() for t in actors)]
        if not records:
            return self.abstain(question, f"No deadline in the indexed letters falls {span}.")
        records.sort(key=lambda r: (r.status != "current", r.deadline, r.source, r.start))
        letters = self.store.letters()
        citations, lines = [], []
        for n, r in enumerate(records, start=1):
            letter = letters[r.source]
            citations.append(Citation(n, r.source, letter.title, letter.date, r.quote, r.start, r.end, letter.page_at(r.start)))
            line = f"{n}. {describe(r)} [{n}]"
            if r.status != "current":
                line += f" — {r.status}, no longer in force"
                current, _ = self.history(r)
                if r.status == "superseded" and current.deadline:
                    line += f" (now due {fmt_date(date.fromisoformat(current.deadline))})"
            lines.append(line)
        count = len(records)
        head = f"{count} item{'s' if count > 1 else ''} due {span}:"
        return Answer(question, head + "\n" + "\n".join(lines), False, citations)

    def no_date(self, question: str, analysis: Analysis, cand: Candidate) -> Answer:
        """The sentence that answers says only "shortly" or "in due course": say so, and cite it."""
        answer = self.write(question, replace(analysis, wants=(QuestionType.WHAT,)), [cand])
        words_ = next(d.text for d in find_deadlines(answer.citations[0].quote, None) if d.vague)
        answer.answer = f"No date is given: the letter says only “{words_}” [1].\n\n" + answer.answer
        return answer

    def letter_dates(self, question: str, analysis: Analysis) -> Answer:
        """The date of the letter(s) a question designates, citing the date line; an undated letter's
        date is given only when the ledger could infer it, citing the sentence it was inferred from."""
        scope = self.evidence.letters_named(question) or self.evidence.letters_about(analysis)
        if not scope or len(scope) > 3:
            return self.abstain(question, "Name the letter (its writer, addressee or subject) to get its date.")
        letters = self.store.letters()
        parts, citations = [], []
        for source in scope:
            letter = letters[source]
            n = len(citations) + 1
            if letter.date:
                when = date.fromisoformat(letter.date)
                m = re.search(rf"^[^\n]*\b{when.day}(?:st|nd|rd|th)?\s+{when:%B}\s+{when.year}\b[^\n]*$|^[^\n]*{when:%B}\s+{when.day},?\s+{when.year}[^\n]*$", letter.text, re.M)
                if not m:
                    continue
                citations.append(Citation(n, source, letter.title, letter.date, m.group(0), m.start(), m.end(), letter.page_at(m.start())))
                parts.append(f"The letter “{letter.title}” is dated {fmt_date(when)} [{n}].")
                continue
            inferred = next((r for r in self.store.commitments() if r.source == source and r.letter_date_basis == "inferred"), None)
            written = re.search(r"[^.\n]*\bI have (?:today|also today) written to[^.]*\.", letter.text)
            if inferred and written:
                citations.append(Citation(n, source, letter.title, None, written.group(0).strip(),
                                          written.start() + len(written.group(0)) - len(written.group(0).lstrip()),
                                          written.end(), letter.page_at(written.start())))
                parts.append(f"The letter “{letter.title}” is undated; it says it was written the same day as the letter it encloses, "
                             f"which is dated {fmt_date(date.fromisoformat(inferred.letter_date))} [{n}].")
            else:
                parts.append(f"The letter “{letter.title}” gives no date.")
        if not citations:
            return self.abstain(question, " ".join(parts))
        return Answer(question, " ".join(parts), False, citations)

    def _text(self, c: Candidate) -> str:
        return self._letter(c).text[c.start : c.end]

    def _letter(self, c: Candidate) -> Letter:
        return self.store.letters()[c.source]

    def _items_of(self, item: Candidate) -> list[Candidate]:
        units, _ = self.store.units()
        out = []
        for i, u in enumerate(units):
            if u["source"] == item.source and u["lead_in"] == item.lead_in and u["kind"] == UnitKind.ITEM.value:
                out.append(Candidate.of_unit(i, u))
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
            out.append(Citation(n, c.source, letter.title, letter.date, letter.text[start : c.end], start, c.end, letter.page_at(start)))
        return out

    def neighbours(self, cand: Candidate) -> list[Candidate]:
        """Sentences the answer needs beside its own: the one a "In the light of this…" sentence points
        back to, and one that spells it out next ("In particular, …")."""
        units, _ = self.store.units()
        letters = self.store.letters()
        i = cand.index
        out = []
        text = letters[cand.source].text
        if BACK_REFERENCE.match(text[cand.start : cand.end]) and i > 0:
            prev = units[i - 1]
            if prev["source"] == cand.source and prev["kind"] != UnitKind.LINE.value:
                out.append(Candidate.of_unit(i - 1, prev))
        if i + 1 < len(units):
            nxt = units[i + 1]
            if nxt["source"] == cand.source and nxt["block"] == cand.block and ELABORATION.match(text[nxt["start"] : nxt["end"]]):
                out.append(Candidate.of_unit(i + 1, nxt))
        return out

    def _candidate_of(self, record) -> Candidate:
        units, _ = self.store.units()
        for i, u in enumerate(units):
            if u["source"] == record.source and u["start"] <= record.start < u["end"]:
                return Candidate.of_unit(i, u)
        raise LookupError(record.id)

    def history(self, record) -> tuple[object, list]:
        """(the current record, the earlier ones it replaced, newest first) for a changed duty."""
        by_id = {r.id: r for r in self.store.commitments()}
        current = record
        while current.superseded_by and current.superseded_by in by_id and current.status != "withdrawn":
            current = by_id[current.superseded_by]
        earlier, r = [], current
        while r.supersedes and r.supersedes in by_id:
            r = by_id[r.supersedes]
            earlier.append(r)
        return current, earlier

    def write(self, question: str, analysis: Analysis, chosen: list[Candidate]) -> Answer:
        letters = self.store.letters()
        parts: list[str] = []
        about = replace(analysis, stems=self.evidence.key_terms(question, analysis))
        record = self.evidence.record_for(chosen[0], about)
        change_note = None
        if record and (record.supersedes or record.superseded_by):
            current, earlier = self.history(record)
            linked = [self._candidate_of(current)] + [self._candidate_of(r) for r in earlier]
            chosen = linked + [c for c in chosen[1:] if (c.source, c.start) not in {(x.source, x.start) for x in linked}]
            change_note = (current, earlier)
            record = current
        chosen = chosen + [n for n in self.neighbours(chosen[0]) if (n.source, n.start) not in {(c.source, c.start) for c in chosen}]
        citations = self.cite(chosen)
        if change_note:
            parts.append(self.change_lead(*change_note))
        else:
            order = sorted(analysis.wants, key=lambda t: t != QuestionType.WHEN)  # the date first
            leads = [self.lead(t, analysis, letters[chosen[0].source], citations[0], record) for t in order]
            lead = " ".join(x for x in leads if x)
            if lead:
                parts.append(lead)
        for cand, cite in zip(chosen, citations, strict=True):
            letter = letters[cand.source]
            intro = self.introduce(letter, cand)
            notes = self.evidence.referents(letter, cand)
            sentence = f"{intro}“{cite.quote}” [{cite.id}]"
            if notes:
                sentence += " (" + "; ".join(f"{r.words} means {r.means}" for r in notes) + ")"
            parts.append(sentence + ".")
        return Answer(question, "\n\n".join(parts), False, citations)

    @staticmethod
    def introduce(letter: Letter, cand: Candidate) -> str:
        meta = letter.metadata
        described = "The letter"
        if not (meta.get("sender") or meta.get("recipient")):
            described += f" “{letter.title}”"
        if letter.date:
            described += f" of {fmt_date(date.fromisoformat(letter.date))}"
        if meta.get("sender"):
            described += f" from {meta['sender']}"
        if meta.get("recipient"):
            described += f" to {meta['recipient']}"
        if cand.lead_in is not None:
            lead_in = letter.text[cand.lead_in : cand.start].split("\n")[0].strip()
            return f"{described}, under “{lead_in}”, says: "
        return f"{described} says: "

    @staticmethod
    def change_lead(current, earlier: list) -> str:
        """The current state of a changed duty, citing the change [1] and what it replaced [2…]."""
        if current.status == "withdrawn":
            return f"This was withdrawn [1] and no longer applies. What was withdrawn: {describe(earlier[0])} [2]." if earlier else "This was withdrawn [1]."
        due = current.deadline_text or "no date given"
        if current.deadline:
            due = fmt_date(date.fromisoformat(current.deadline))
        replaced = "; ".join(
            f"{fmt_date(date.fromisoformat(r.deadline)) if r.deadline else r.deadline_text} [{n}]"
            for n, r in enumerate(earlier, start=2)
        )
        text = f"The current deadline is {due} [1]"
        if replaced:
            text += f", which replaced the earlier deadline of {replaced}"
        who = current.actor or ""
        return f"{text}. ({who[:1].upper() + who[1:]}: {current.action}.)" if who else text + "."

    def lead(self, qtype: QuestionType, analysis: Analysis, letter: Letter, cite: Citation, record=None) -> str | None:
        """A plain-words answer to one kind of question, from the cited sentence (and its ledger record)."""
        text = cite.quote
        if qtype == QuestionType.TO_WHOM and record and record.recipients:
            return f"To {join_names(record.recipients)} [{cite.id}]."
        if qtype == QuestionType.APPOINTMENT and record and record.kind == "appointment" and record.actor_name:
            return f"{record.actor_name}, as {record.actor} [{cite.id}]."
        if qtype == QuestionType.LEGAL_BASIS:
            laws = [m.group(0) for m in LAW.finditer(text)]
            if laws:
                said = join_names(laws)
                return f"{said[0].upper()}{said[1:]} [{cite.id}]."
        if qtype == QuestionType.WHO:
            named = name_for_role(analysis.text, text)
            if named:
                return f"{named} [{cite.id}]."
        if qtype == QuestionType.WHO and record and record.actor and ACTING.search(analysis.text):
            who = record.actor + (f" ({record.actor_name})" if record.actor_name and record.actor_name != record.actor else "")
            return f"{who[0].upper()}{who[1:]} [{cite.id}]."
        if qtype == QuestionType.WHEN and HOW_OFTEN.search(analysis.text) and recurrence_of(text):
            first = f", first due {fmt_date(date.fromisoformat(record.deadline))}" if record and record.deadline else ""
            said = recurrence_words(text)
            return f"{said[0].upper()}{said[1:]}{first} [{cite.id}]."
        if qtype == QuestionType.WHEN and record and record.deadline_text and record.deadline_precision != "none":
            exact = f" ({fmt_date(date.fromisoformat(record.deadline))})" if record.deadline else ""
            said = record.deadline_text
            if exact and fmt_date(date.fromisoformat(record.deadline)) in said:
                exact = ""
            return f"{said[0].upper()}{said[1:]}{exact} [{cite.id}]."
        if qtype == QuestionType.WHEN:
            deadlines = [d for d in find_deadlines(text, _letter_date(letter)) if d.stated]
            if not deadlines:
                return None
            d = _nearest_deadline(deadlines, text, analysis)
            said = d.text[0].upper() + d.text[1:]
            exact = f" ({fmt_date(d.date)})" if d.date and d.precision in (Precision.DAY, Precision.MONTH) and fmt_date(d.date) not in d.text else ""
            return f"{said}{exact} [{cite.id}]."
        if qtype == QuestionType.TO_WHOM:
            m = RECIPIENTS.search(text)
            if m:
                return f"To {resolve_people(m.group('to').strip(), letter.metadata)} [{cite.id}]."
        return None


def _nearest_deadline(deadlines, text: str, analysis: Analysis):
    """The deadline closest to the words of the question within the sentence."""
    positions = [m.start() for s in analysis.stems for m in re.finditer(re.escape(s), text, re.I)]
    if not positions:
        return deadlines[0]
    return min(deadlines, key=lambda d: min(abs(d.start - p) for p in positions))


def _letter_date(letter: Letter) -> date | None:
    return date.fromisoformat(letter.date) if letter.date else None
