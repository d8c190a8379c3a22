"""Evidence for a question: the sentences of the retrieved passages, each with generic features.

Sentences are read in context — their list lead-in, who "I"/"you"/"this study" are, the ledger's
record of who acts for whom, the letter's title and parties — and ranked by `assistant.ranking`.
`insufficient` says when the evidence cannot answer: when the support model's probability that the
letters answer at all (`ranking.Support`, read from the best evidence: its probability, the key terms
it and any sentence giving the kind of answer wanted cover, names and words no letter uses) is below
the one threshold `make calibrate` fits. No single feature refuses by a rule of its own; what each
weighs is learned on the calibration sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from langchain_core.documents import Document

from assistant.coverage import Coverage
from assistant.fit import answering_dates, fit, fit_one
from assistant.item_refs import item_units
from assistant.parts import question_parts
from assistant.passages import Passages
from assistant.question import ITEM_REFERENCE, Analysis, QuestionType, type_words
from assistant.ranking import Features, RankingModel, Support
from assistant.scope import LETTER_REFERENCE, Scope
from assistant.similar_words import SimilarWords
from index.deadlines import find_deadlines, find_times
from index.language import tagged
from index.model import Letter, StoredUnit, UnitKind
from index.parties import letter_parties
from index.references import Referent, sentence_referents
from index.snapshot import Snapshot
from index.store import Store
from index.text import QUESTION_WORDS, STOPWORDS, stem, words
from index.vocabulary import KEY_POS, LIGHT_VERBS

# The kinds of answer a question can want, as a refusal names what the evidence lacks.
WANTED = {
    QuestionType.CONSEQUENCE: "what would follow", QuestionType.WHEN: "a date or deadline",
    QuestionType.TO_WHOM: "who receives it", QuestionType.LEGAL_BASIS: "the legal powers used",
    QuestionType.AMOUNT: "an amount or figure", QuestionType.APPOINTMENT: "an appointment",
    QuestionType.WHO: "who it is", QuestionType.POST: "the post they hold", QuestionType.REASON: "a reason",
}

# The kinds of answer a sentence shows on its face (a date, a name, a figure, a section). A reason or a
# consequence is said in too many ways to tell its absence ("to allow…", "given…").
SHOWN = frozenset(WANTED) - {QuestionType.REASON, QuestionType.CONSEQUENCE}


def kind_not_given(cited: list[Candidate], analysis: Analysis) -> bool:
    """The question wants one kind of answer a sentence shows on its face (a date, a person, an amount…)
    and no sentence the answer would cite shows any of it: quoting them would not answer what was asked.
    A question in parts ("what must they do, and by when?") is answered in part."""
    return analysis.wants == (analysis.type,) and analysis.type in SHOWN and len(question_parts(analysis.text)) == 1 \
        and bool(cited) and all(c.features.fit == 0.0 for c in cited)


def _tagged(question: str) -> tuple[tuple[str, str, str], ...]:
    """(word, part of speech, lemma) of each token of a question (tagged once, by `index.language.tagged`)."""
    return tuple((t.text, t.pos_, t.lemma_) for t in tagged(question))


def _content_tokens(question: str, analysis: Analysis) -> list[tuple[str, str, str]]:
    """The question's tagged tokens that say what it is about: no question words, stopwords, light verbs
    or words saying which kind of answer it wants."""
    skip = QUESTION_WORDS | STOPWORDS | type_words(analysis)
    return [(w, pos, lemma) for w, pos, lemma in _tagged(question)
            if lemma.lower() not in LIGHT_VERBS and w.lower() not in skip]


def _without(analysis: Analysis, dropped: set[str]) -> Analysis:
    """The analysis without the words whose stems are `dropped` (its stems and terms stay aligned)."""
    kept = [(s, t) for s, t in zip(analysis.stems, analysis.terms, strict=True) if s not in dropped]
    return replace(analysis, stems=[s for s, _ in kept], terms=[t for _, t in kept])


@dataclass
class Candidate:
    """A unit that may answer the question, with what was read of it."""

    index: int  # position in the snapshot's units
    unit: StoredUnit
    features: Features = field(default_factory=Features)
    probability: float = 0.0
    named: bool = False  # the very item the question names ("action 4.2"): evidence however few words it shares
    source = property(lambda self: self.unit.source)
    start = property(lambda self: self.unit.start)
    end = property(lambda self: self.unit.end)
    kind = property(lambda self: self.unit.kind)
    block = property(lambda self: self.unit.block)
    lead_in = property(lambda self: self.unit.lead_in)


class Evidence:
    """Finds and scores the sentences that may answer a question."""

    def __init__(self, store: Store, embeddings, retriever, model: RankingModel | None = None) -> None:
        self.store = store
        self.embeddings = embeddings
        self.retriever = retriever
        self.model = model or RankingModel.load()
        self.scope = Scope(store)
        self.words = Coverage(store, SimilarWords(embeddings))

    # -- context ---------------------------------------------------------------------------------
    def record_for(self, cand: Candidate, about: Analysis | None = None):
        """The ledger record stated by this sentence, if any; of several (a sentence binding two duties),
        the one whose words cover most of what the question is `about`."""
        of_letter = self.store.snapshot().commitments_by_source.get(cand.source, ())
        stated = [r for r in of_letter if r.start < cand.end and cand.start < r.end]
        if about is not None and len(stated) > 1:
            return max(stated, key=lambda r: self.words.coverage(about, r.quote))
        return stated[0] if stated else None

    @staticmethod
    def referents(letter: Letter, cand: Candidate) -> list[Referent]:
        text = letter.text
        paragraph_start = max(text.rfind("\n\n", 0, cand.start), 0)
        notes = sentence_referents(text, cand.start, cand.end, paragraph_start, letter.metadata)
        if cand.lead_in is not None:
            notes += sentence_referents(text, cand.lead_in, cand.start, cand.lead_in, letter.metadata)
        unique: dict[str, Referent] = {}
        for note in notes:
            unique.setdefault(note.means, note)
        return list(unique.values())

    def own_context(self, c: Candidate, letter: Letter) -> str:
        """The sentence with its lead-in and what its pronouns mean."""
        parts = [letter.text[c.start : c.end]]
        if c.lead_in is not None:
            parts.append(letter.text[c.lead_in : c.start].split("\n")[0])
        return " ".join(parts + [r.means for r in self.referents(letter, c)])

    def context(self, own: str, letter: Letter, record) -> str:
        """The sentence as the letter means it: its `own_context`, the ledger's parties, the letter's title
        and every name of its sender and recipient (name, post, organisation, acronym)."""
        parts = [own]
        if record:
            parts += [record.actor or "", record.actor_name or "", " ".join(record.recipients)]
        sender, recipient = letter_parties(letter.metadata)
        parts += [letter.title, *sender.aliases(), *recipient.aliases()]
        return " ".join(parts)

    def insufficient(self, cands: list[Candidate], analysis: Analysis) -> str | None:
        """Why the letters do not say, or None when the support model finds the best evidence probable
        enough to answer (one threshold, from calibration). The reason names what that evidence lacks most."""
        support = self.support(cands, analysis)
        if cands and (cands[0].named or self.model.support.probability(support) >= self.model.threshold):
            return None
        if support.most_names_unknown:
            return "No indexed letter mentions some of the names in the question."
        if cands and cands[0].features.kind_missing > 0 and support.wants_kind:
            return f"The passages on this subject do not give {WANTED[analysis.type]}."
        return "No passage in the indexed letters covers what was asked."

    @staticmethod
    def support(cands: list[Candidate], analysis: Analysis) -> Support:
        """The best evidence's support for any answer (candidates most probable first)."""
        if not cands:
            return Support()
        best = cands[0].features
        giving = [c.features for c in cands if analysis.type not in WANTED or c.features.fit >= 1.0]
        wanted = float(analysis.type in WANTED)
        covered = max((f.key_coverage for f in giving), default=0.0)
        doing = max((f.verb_match for f in giving), default=0.0)
        return Support(cands[0].probability, best.key_coverage, covered, best.unknown_names,
                       float(best.unknown_names >= 0.5), best.unseen, wanted, covered * wanted, doing)

    def vague_date(self, cands: list[Candidate], analysis: Analysis) -> str | None:
        """For a "when" question whose best sentence gives no date but "shortly" or "in due course": those words."""
        if analysis.type != QuestionType.WHEN or not cands or cands[0].features.fit >= 1.0:
            return None
        return next((d.text for d in find_deadlines(self.text_of(cands[0]), None) if d.vague), None)

    def cited(self, cands: list[Candidate]) -> list[Candidate]:
        """The sentences an answer cites: the most probable, and the next when it is nearly as probable."""
        return cands[:1] + [c for c in cands[1:2] if c.probability >= self.model.second * cands[0].probability]

    def coarse_date(self, cands: list[Candidate], analysis: Analysis) -> str | None:
        """For a question that wants the day ("on exactly which day …", "on what date in January …") when
        no sentence the answer would cite gives it: the coarser date the best one gives ("in February"), or ""
        when it gives none. None when the day is given, or was not asked for."""
        if analysis.type != QuestionType.WHEN or not analysis.wants_day or not cands:
            return None
        letters = self.store.letters()
        if any(fit_one(QuestionType.WHEN, analysis, self.text_of(c), letters[c.source]) >= 1.0 for c in self.cited(cands)):
            return None
        text, found = self.text_of(cands[0]), find_times(self.text_of(cands[0]), letters[cands[0].source].reading_date())
        return next((d.text for d in answering_dates(analysis, found, text) if d.stated), "")

    def text_of(self, c: Candidate) -> str:
        return self.store.letters()[c.source].text[c.start : c.end]

    @staticmethod
    def key_terms(question: str, analysis: Analysis) -> dict[str, str]:
        """Stem → word of the nouns, proper nouns and verbs that say what a question is about (not the words
        that say what kind of answer it wants: "powers", "how much")."""
        terms: dict[str, str] = {}
        for word, pos, _ in _content_tokens(question, analysis):
            if pos in KEY_POS:
                terms.setdefault(stem(word), word.lower())
        for m in ITEM_REFERENCE.finditer(question):  # "recommendation 3": which one is what it is about
            terms.setdefault(stem(m["number"]), m["number"].lower())
        return terms

    @staticmethod
    def key_verbs(question: str, analysis: Analysis) -> list[str]:
        """Lemmas of the verbs that say what happens in the question ("copy", "back", "oversee")."""
        return list(dict.fromkeys(lemma.lower() for _, pos, lemma in _content_tokens(question, analysis) if pos == "VERB"))

    # -- candidates --------------------------------------------------------------------------------
    def candidates(self, question: str, analysis: Analysis, k: int, found: list[Document] | None = None) -> list[Candidate]:
        """The sentences of the passages retrieved for `question` (`found`: those retrieved from all letters,
        when the chain has), most probable answer first. They are ranked as answers to when at all: whether
        they give the day asked for is judged after (`coarse_date`)."""
        analysis = replace(analysis, wants_day=False)
        named = self.scope.letters_named(question)
        key = self.key_terms(question, analysis)
        keyed = replace(analysis, stems=list(key), terms=list(key.values()), verbs=self.key_verbs(question, analysis))
        if named:  # the names pick the letter; they are not what the answer is about
            dropped = {stem(w) for w in words(LETTER_REFERENCE.search(question).group(0))}
            analysis, keyed = _without(analysis, dropped), _without(keyed, dropped)
        dated, designation = ([], "") if named else self.scope.letters_dated(question)
        if dated:  # so does a date ("his 2 November note"): it is not the answer, and the letter is read more fully
            dropped = {stem(w) for w in words(designation)}
            analysis, keyed = _without(analysis, dropped), _without(keyed, dropped)
            designating = tuple(self.store.letters()[s].reading_date() for s in dated)
            analysis, keyed = replace(analysis, designating=designating), replace(keyed, designating=designating)
        if dated and self.scope.answer_within(question, designation):
            named = dated  # "in his 26 October reply, by when …": that letter alone is read
        snapshot = self.store.snapshot()  # one state of the store for the whole question: unit positions agree
        read = Passages(snapshot, self.retriever, question, k)
        if found is not None and not named:
            read.read(found)
        else:
            read.retrieve(named or None)
        if dated and not named:
            read.retrieve(dated)
        if not named and (about := self.scope.letters_about(analysis)):
            # The letters mentioning most of the question's names are searched on their own as well as with
            # all letters: more of their passages are read, but the others are not shut out.
            read.retrieve(about)
        read.whole(named or dated)  # a letter the question designates is read whole
        read.add(item_units(question, snapshot, self.store.letters()))  # and an item it names ("recommendation 5")
        q_vec = np.asarray(self.embeddings.embed_query(question), dtype=np.float32)
        out = [self._scored(snapshot, i, bonus, analysis, keyed, q_vec) for i, bonus in read.units.items()]
        out = [c for c in out if c is not None]
        for c in out:
            c.features.designated = float(c.source in dated)
        self._relate(out, analysis)
        return sorted(out, key=lambda c: c.probability, reverse=True)

    def _scored(self, snapshot: Snapshot, i: int, bonus: float, analysis: Analysis, keyed: Analysis,
                q_vec: np.ndarray) -> Candidate | None:
        units, vectors = snapshot.units, snapshot.vectors
        u = units[i]
        letter = snapshot.letters[u.source]
        c = Candidate(i, u)
        text = letter.text[c.start : c.end]
        f = c.features
        f.dense = float(vectors[i] @ q_vec)
        record = self.record_for(c)
        own = self.own_context(c, letter)
        context = self.context(own, letter, record)
        prev = units[i - 1] if i > 0 else None
        if prev and prev.source == c.source and prev.block == c.block:
            pair = vectors[i] + vectors[i - 1]
            f.dense_pair = float(pair @ q_vec / (np.linalg.norm(pair) or 1.0))
            before = letter.text[prev.start : prev.end]
            f.coverage = self.words.coverage(analysis, before + " " + context)
        else:
            f.dense_pair = f.dense
        f.coverage = max(f.coverage, self.words.coverage(analysis, context))
        f.key_coverage = self.words.near_coverage(keyed, context)
        f.coverage_own = self.words.coverage(analysis, text)
        f.key_coverage_own = self.words.near_coverage(keyed, own)
        f.fit = fit(analysis, text, letter, is_line=c.kind == UnitKind.LINE, start=c.start)
        f.kind_missing = 1.0 - f.fit if analysis.type in WANTED else 0.0
        f.rank_bonus = bonus
        f.verb_match = self.words.verb_match(keyed.verbs, text)
        f.is_line = float(c.kind == UnitKind.LINE)
        f.is_item = float(c.kind == UnitKind.ITEM)
        f.duty = float(record is not None)
        f.dated_duty = float(record is not None and bool(record.deadline or record.recurrence))
        return c

    def _relate(self, cands: list[Candidate], analysis: Analysis) -> None:
        """Features relative to the other candidates, then each candidate's probability."""
        if not cands:
            return
        best_dense = max(c.features.dense for c in cands)
        best_cov = max(c.features.coverage for c in cands)
        unseen, unknown = self.words.unseen(analysis), self.scope.unknown_names(analysis)
        for c in cands:
            c.features.unseen = unseen
            c.features.dense_gap = c.features.dense - best_dense
            c.features.coverage_gap = c.features.coverage - best_cov
            c.features.unknown_names = unknown
            c.probability = self.model.sentence.probability(c.features)
