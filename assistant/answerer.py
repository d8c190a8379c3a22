"""The offline answerer: extractive, deterministic, and verifiable.

It picks the sentence(s) of the letters that answer the question, writes a short answer in plain
words with [n] markers, and cites each sentence by its exact span. It abstains, citing nothing,
when the evidence does not cover what was asked. The decision comes from the evidence (coverage
of the question's words, fit of the sentence to the kind of answer wanted), never from known questions.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import date

import numpy as np

from assistant.question import Analysis, QuestionType, analyse
from assistant.wording import ACTING, LAW, describe, fmt_date, how_often, join_names, name_for_role, resolve_people
from index.canonical import BULLET_MARK
from index.dates import Precision, find_deadlines
from index.ledger import recurrence_of
from index.references import Referent, sentence_referents
from index.segmenter import UnitKind
from index.store import Letter, Store
from index.text import stem, words

RECIPIENT_CUE = re.compile(r"\b(?:report(?:s|ing)?|recommendations?|submit\w*|send|sent|provide\w*|deliver\w*)\b[^.;]*?\bto\s+(?:me|you|your|the|him|her|them|[A-Z])", re.I)
CONSEQUENCE_CUE = re.compile(r"\b(?:if|unless|failing (?:this|which|that)|otherwise|in the event)\b", re.I)
LEGAL_CUE = re.compile(r"\b(?:section|sections|Act\b|powers?|statutory|regulations?|schedule)\b")
APPOINT_CUE = re.compile(r"\bappoint\w*\b|\bas (?:the )?(?:Commissioner|Chair|Director|Adviser|Advisor|Lead)\b", re.I)
AMOUNT_CUE = re.compile(r"£\s?\d|\b\d[\d,.]*\s?(?:million|billion|m\b|bn\b|%|per cent)", re.I)
ROLE_CUE = re.compile(r"\b(?:Commissioner|Council|Minister|Secretary|Panel|Department|Director|Chief|Board|Professor|Lord|Councillor|Leader|Ofsted|team)\b")
RECIPIENTS = re.compile(
    r"\b(?:report(?:s|ing)?|recommendations?|submit\w*|send|provide\w*)\b[^.;]*?\bto\s+(?P<to>(?:me|you|your|the|[A-Z])[^.;]*?)(?=\s+(?:with|by|on|in|about|for|setting|within|no later|that|which)\b|[.;:]|,\s+(?:by|with|in|on|no later)\b|$)"
)
PERSON = re.compile(r"\b(?:(?:Lord|Lady|Dame|Sir|Professor|Dr|Mr|Mrs|Ms|Miss|Councillor|Cllr)\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b(?<!\bCouncil)")
NOT_PERSON = frozenset(
    "Act Council Government Department Board Office Unit Service Services Authority Committee Panel Report Trust "
    "Agency Directorate Ministry Inspection City Borough County District State Secretary Commissioner Minister "
    "Children Care Social Local Education Parliamentary Street Road House Square Place Buildings Hall Centre "
    "Town London Westminster".split()
)
HOW_OFTEN = re.compile(r"\bhow (?:often|frequently)\b", re.I)
BACK_REFERENCE = re.compile(r"^(?:In the light of (?:its|their|this|these|that|those)|As a result|For (?:this|these) reasons?|Following (?:this|that|these)|Given (?:this|that|these)|Consequently|Therefore|In view of (?:this|that|these))\b")
ELABORATION = re.compile(r"^(?:In particular|Specifically|For example|For instance|This means|That is|Namely)\b")
LETTER_REFERENCE = re.compile(r"\bletter (?:sent )?(?:to|from|by)\s+(?P<who>(?:[A-Z][\w'’.-]*\s*){1,5})")
LIST_QUESTION = re.compile(r"\b(?:what (?:actions|steps|things|duties|requests|directions)|list|what (?:must|should|has|have|is|are) .* (?:do|asked)|all the|everything)\b", re.I)

# Evidence thresholds, set from measurements on our own answerable and unanswerable questions.
MIN_COVERAGE = 0.5
MIN_COVERAGE_WITH_STRONG_MEANING = 0.3
STRONG_MEANING = 0.55
REQUIRED_FIT = {QuestionType.CONSEQUENCE, QuestionType.WHEN, QuestionType.TO_WHOM, QuestionType.LEGAL_BASIS, QuestionType.AMOUNT, QuestionType.APPOINTMENT}


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


@dataclass
class Candidate:
    index: int  # position in the store's unit table
    source: str
    start: int
    end: int
    kind: str
    block: int
    lead_in: int | None
    dense: float = 0.0
    coverage: float = 0.0
    fit: float = 0.0
    rank_bonus: float = 0.0

    @property
    def score(self) -> float:
        line_penalty = 0.25 if self.kind == UnitKind.LINE.value else 0.0
        return 0.45 * self.dense + 0.55 * self.coverage + 0.3 * self.fit + 0.1 * self.rank_bonus - line_penalty


class ExtractiveAnswerer:
    """Answers from a store; needs the embedding model for the question and a hybrid retriever."""

    def __init__(self, store: Store, embeddings, retriever) -> None:
        self.store = store
        self.embeddings = embeddings
        self.retriever = retriever
        self._idf: tuple[int, dict[str, float]] | None = None
        self._records: tuple[list, dict[str, list]] | None = None
        self._acronyms: tuple[dict, set[str]] | None = None

    # -- evidence ---------------------------------------------------------------------------
    def idf(self) -> dict[str, float]:
        units, _ = self.store.units()
        if self._idf is None or self._idf[0] != id(units):
            letters = self.store.letters()
            df: Counter[str] = Counter()
            for u in units:
                df.update({stem(w) for w in words(letters[u["source"]].text[u["start"] : u["end"]])})
            n = max(len(units), 1)
            self._idf = (id(units), {s: math.log(1 + n / c) for s, c in df.items()})
        return self._idf[1]

    def coverage(self, analysis: Analysis, text: str) -> float:
        if not analysis.stems:
            return 0.0
        idf = self.idf()
        present = {stem(w) for w in words(text)}
        # A word no letter uses at all is the strongest sign the letters are about something else.
        unseen = 2 * max(idf.values(), default=1.0)
        weights = {s: idf.get(s, unseen) for s in analysis.stems}
        return sum(w for s, w in weights.items() if s in present) / sum(weights.values())

    def coverage_in_context(self, analysis: Analysis, c: Candidate, units: list[dict], i: int, letter: Letter) -> float:
        """Coverage of the question by the sentence read as the letter means it: with its list lead-in,
        who "I"/"you"/"this study" are, and what the letter is about (title, recipient); or, slightly
        discounted, together with the sentence before it in the same paragraph."""
        text = letter.text[c.start : c.end]
        context = [text]
        if c.lead_in is not None:
            context.append(letter.text[c.lead_in : c.start].split("\n")[0])
        context += [r.means for r in self.referents(letter, c)]
        record = self.record_for(c)
        if record:  # the ledger knows who acts and for whom, even when the sentence says "this" or "you"
            context += [record.actor or "", record.actor_name or "", " ".join(record.recipients)]
        meta = letter.metadata
        context += [letter.title, meta.get("recipient_role") or "", meta.get("sender_role") or ""]
        own = self.coverage(analysis, " ".join(context))
        prev = units[i - 1] if i > 0 else None
        if prev and prev["source"] == c.source and prev["block"] == c.block and prev["kind"] != UnitKind.LINE.value:
            before = letter.text[prev["start"] : prev["end"]]
            return max(own, 0.85 * self.coverage(analysis, " ".join([before, *context])))
        return own

    def fit(self, analysis: Analysis, text: str, letter: Letter) -> float:
        """How well the sentence gives the kind(s) of answer wanted, 0..1."""
        wanted = [t for t in analysis.wants if t != QuestionType.WHAT] or [analysis.type]
        return sum(self._fit_one(t, analysis, text, letter) for t in wanted) / len(wanted)

    def _fit_one(self, qtype: QuestionType, analysis: Analysis, text: str, letter: Letter) -> float:
        if qtype == QuestionType.WHEN and HOW_OFTEN.search(analysis.text):
            return 1.0 if recurrence_of(text) else 0.0
        if qtype in (QuestionType.WHEN, QuestionType.DUE_IN_PERIOD):
            deadlines = find_deadlines(text, _letter_date(letter))
            if qtype == QuestionType.DUE_IN_PERIOD and analysis.period:
                lo, hi = analysis.period
                return 1.0 if any(d.date and lo <= d.date <= hi for d in deadlines) else 0.0
            if any(d.stated for d in deadlines):
                return 1.0
            return 0.2 if deadlines else 0.0
        if qtype == QuestionType.WHO:
            # A person named in the sentence but not in the question is what a "who" question wants.
            asked = analysis.text.lower()
            names = [m.group(0) for m in PERSON.finditer(text)
                     if m.group(0).lower() not in asked and not set(m.group(0).split()) & NOT_PERSON]
            return 1.0 if names else (0.5 if ROLE_CUE.search(text) else 0.0)
        if qtype == QuestionType.LEGAL_BASIS:  # a named Act or section beats a mere "statutory"
            return 1.0 if LAW.search(text) else (0.5 if LEGAL_CUE.search(text) else 0.0)
        cue = {
            QuestionType.CONSEQUENCE: CONSEQUENCE_CUE,
            QuestionType.TO_WHOM: RECIPIENT_CUE,
            QuestionType.APPOINTMENT: APPOINT_CUE,
            QuestionType.AMOUNT: AMOUNT_CUE,
        }.get(qtype)
        return 1.0 if cue and cue.search(text) else 0.0

    def letters_named(self, question: str) -> list[str]:
        """Sources of the letters a question designates by writer or addressee ("the letter to Sir Albert Bore")."""
        m = LETTER_REFERENCE.search(question)
        if not m:
            return []
        who = set(words(m.group("who"))) - {"the", "sir", "mr", "mrs", "ms", "dr", "lord", "councillor", "professor"}
        return [
            s for s, v in self.store.letters().items()
            if who and who <= set(words(" ".join(filter(None, (v.metadata.get("sender"), v.metadata.get("recipient"), v.title)))))
        ]

    def letters_about(self, analysis: Analysis) -> list[str]:
        """The letters that mention the most of the question's names ("Kingsmere", "Dame Helen"),
        when that is fewer than all: a question about Birmingham is not answered from Kingsmere's letters."""
        names = [re.sub(r"['’]s$", "", n).lower() for n in analysis.names]
        if not names:
            return []
        letters = self.store.letters()
        flat = {s: t for s, t in self.store.flat_texts().items() if s in letters}
        counts = {s: sum(n in text for n in names) for s, text in flat.items()}
        best = max(counts.values(), default=0)
        scoped = [s for s, c in counts.items() if c == best]
        return scoped if best and len(scoped) < len(letters) else []

    def candidates(self, question: str, analysis: Analysis, k: int) -> list[Candidate]:
        named = self.letters_named(question)
        scope = named or self.letters_about(analysis)
        # A copy per question: the answerer serves concurrent questions in the app.
        retriever = self.retriever.model_copy(update={"k": k, "sources": scope or None})
        if named:  # the names pick the letter; they are not what the answer is about
            m = LETTER_REFERENCE.search(question)
            dropped = {stem(w) for w in words(m.group(0))}
            analysis = replace(analysis, stems=[s for s in analysis.stems if s not in dropped])
        chunks = retriever.invoke(question)
        units, vectors = self.store.units()
        letters = self.store.letters()
        q_vec = np.asarray(self.embeddings.embed_query(question), dtype=np.float32)
        by_source: dict[str, list[int]] = {}
        for i, u in enumerate(units):
            by_source.setdefault(u["source"], []).append(i)
        chosen: dict[int, float] = {}
        for doc in chunks:
            meta = doc.metadata
            bonus = 1.0 / (1 + meta["rank"])
            for i in by_source.get(meta["source"], []):
                u = units[i]
                if u["start"] < meta["end"] and meta["start"] < u["end"]:
                    chosen[i] = max(chosen.get(i, 0.0), bonus)
        out = []
        for i, bonus in chosen.items():
            u = units[i]
            if u["kind"] == UnitKind.LINE.value or u["source"] not in letters:  # (a letter removed meanwhile)
                continue
            letter = letters[u["source"]]
            text = letter.text[u["start"] : u["end"]]
            c = Candidate(i, u["source"], u["start"], u["end"], u["kind"], u["block"], u["lead_in"], rank_bonus=bonus)
            c.dense = float(vectors[i] @ q_vec)
            c.coverage = self.coverage_in_context(analysis, c, units, i, letter)
            c.fit = self.fit(analysis, text, letter)
            out.append(c)
        return sorted(out, key=lambda c: c.score, reverse=True)

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
            cands = self.candidates(f"{question} {context}" if context else question, analysis, k)
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

    def missing_names(self, analysis: Analysis) -> list[str]:
        corpus = " ".join(self.store.flat_texts().values())
        missing = [n for n in analysis.names if n.lower() not in corpus and stem(n) not in corpus
                   and not (n.isupper() and n in self.acronyms())]
        # The full name of a body or post must appear as written: "Local Safeguarding Children Board"
        # is not the "Birmingham Children Safeguarding Board".
        return missing + [t for t in analysis.titles if t.lower() not in corpus and not missing]

    def acronyms(self) -> set[str]:
        """Initials of the capitalised names in the letters: 'Department for Communities and Local Government'
        gives DCLG. Computed once per state of the store."""
        flat = self.store.flat_texts()
        if self._acronyms is not None and self._acronyms[0] is flat:
            return self._acronyms[1]
        found: set[str] = set()
        for letter in self.store.letters().values():
            for m in re.finditer(r"[A-Z][\w'’]*(?:\s+(?:for|of|and|the|on)?\s*[A-Z][\w'’]*)+", letter.text):
                initials = "".join(w[0] for w in m.group(0).split() if w[0].isupper())
                for a in range(len(initials)):
                    for b in range(a + 2, len(initials) + 1):
                        found.add(initials[a:b])
        self._acronyms = (flat, found)
        return found

    def compose(self, question: str, analysis: Analysis, cands: list[Candidate]) -> Answer:
        missing = self.missing_names(analysis)
        if missing:
            return self.abstain(question, f"No indexed letter mentions {', '.join(missing)}.")
        if not cands:
            return self.abstain(question, "No passage in the indexed letters relates to this question.")
        relevant = [
            c for c in cands
            if c.coverage >= MIN_COVERAGE or (c.dense >= STRONG_MEANING and c.coverage >= MIN_COVERAGE_WITH_STRONG_MEANING)
        ]
        if not relevant:
            return self.abstain(question, "No passage in the indexed letters covers what was asked.")
        if analysis.type in REQUIRED_FIT:
            fitting = [c for c in relevant if self._fit_one(analysis.type, analysis, self._text(c), self._letter(c)) >= 1.0]
            vague = [c for c in relevant[:2] if analysis.type == QuestionType.WHEN
                     and any(d.vague for d in find_deadlines(self._text(c), None))]
            if not fitting and vague:
                return self.no_date(question, analysis, vague[0])
            if not fitting:
                wanted = {
                    QuestionType.CONSEQUENCE: "what would follow",
                    QuestionType.WHEN: "a date or deadline",
                    QuestionType.TO_WHOM: "who receives it",
                    QuestionType.LEGAL_BASIS: "the legal powers used",
                    QuestionType.AMOUNT: "an amount or figure",
                    QuestionType.APPOINTMENT: "an appointment",
                }[analysis.type]
                return self.abstain(question, f"The passages on this subject do not give {wanted}.")
            relevant = fitting
        best = relevant[0]
        chosen = [best]
        if best.kind == UnitKind.ITEM.value and best.lead_in is not None and LIST_QUESTION.search(question):
            siblings = [c for c in self._items_of(best)]
            chosen = siblings or chosen
        else:
            chosen += [c for c in relevant[1:3] if c.score >= 0.92 * best.score and c.source == best.source][:1]
        return self.write(question, analysis, chosen)

    def due_in_period(self, question: str, analysis: Analysis) -> Answer:
        """Every ledger record due in the period asked about, soonest first, current ones before history;
        narrowed to the letters the question names and to the actor it names, when it names them."""
        lo, hi = analysis.period
        span = f"by {fmt_date(hi)}" if lo == date.min else f"between {fmt_date(lo)} and {fmt_date(hi)}"
        scope = set(self.letters_about(analysis))
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
        scope = self.letters_named(question) or self.letters_about(analysis)
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
                out.append(Candidate(i, u["source"], u["start"], u["end"], u["kind"], u["block"], u["lead_in"]))
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
                out.append(Candidate(i - 1, prev["source"], prev["start"], prev["end"], prev["kind"], prev["block"], prev["lead_in"]))
        if i + 1 < len(units):
            nxt = units[i + 1]
            if nxt["source"] == cand.source and nxt["block"] == cand.block and ELABORATION.match(text[nxt["start"] : nxt["end"]]):
                out.append(Candidate(i + 1, nxt["source"], nxt["start"], nxt["end"], nxt["kind"], nxt["block"], nxt["lead_in"]))
        return out

    def record_for(self, cand: Candidate):
        """The ledger record stated by this sentence, if any."""
        records = self.store.commitments()
        if self._records is None or self._records[0] is not records:
            by_source: dict[str, list] = {}
            for r in records:
                by_source.setdefault(r.source, []).append(r)
            self._records = (records, by_source)
        return next((r for r in self._records[1].get(cand.source, []) if r.start < cand.end and cand.start < r.end), None)

    def _candidate_of(self, record) -> Candidate:
        units, _ = self.store.units()
        for i, u in enumerate(units):
            if u["source"] == record.source and u["start"] <= record.start < u["end"]:
                return Candidate(i, u["source"], u["start"], u["end"], u["kind"], u["block"], u["lead_in"])
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
        record = self.record_for(chosen[0])
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
            notes = self.referents(letter, cand)
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
    def referents(letter: Letter, cand: Candidate) -> list[Referent]:
        text = letter.text
        paragraph_start = max(text.rfind("\n\n", 0, cand.start), 0)
        start = cand.start
        notes = sentence_referents(text, start, cand.end, paragraph_start, letter.metadata)
        if cand.lead_in is not None:
            notes += sentence_referents(text, cand.lead_in, cand.start, cand.lead_in, letter.metadata)
        unique: dict[str, Referent] = {}
        for note in notes:
            unique.setdefault(note.means, note)
        return list(unique.values())

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
            return f"{how_often(recurrence_of(text))}{first} [{cite.id}]."
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
