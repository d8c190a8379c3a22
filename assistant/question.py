"""Understand a question: what kind of answer it wants and what constrains it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from assistant.asked_period import period_asked
from assistant.parts import question_parts
from assistant.party_asked import LETTER_WORDS, LetterParty, party_asked
from index.calendar_days import month_end
from index.dates import MONTH_NUMBER, MONTHS
from index.parties import ORG_WORDS, POST_WORDS
from index.text import QUESTION_WORDS, content_terms, stem
from index.vocabulary import AMOUNT_NOUNS, LAW_NOUNS, POST_NOUNS


class QuestionType(str, Enum):
    LETTER_DATE = "letter-date"
    WHEN = "when"
    TO_WHOM = "to-whom"
    WHO = "who"
    APPOINTMENT = "appointment"
    LEGAL_BASIS = "legal-basis"
    DUE_IN_PERIOD = "due-in-period"
    AMOUNT = "amount"
    POST = "post"  # the post someone holds: "What is Simon Palmer's job title?"
    CONSEQUENCE = "consequence"
    REASON = "reason"  # why something is done: "Why did the Minister ask for more time?", "on what basis …"
    WHAT = "what"


PATTERNS: list[tuple[QuestionType, re.Pattern[str]]] = [
    (QuestionType.LETTER_DATE, re.compile(r"\b(?:what|which) (?:is the )?date\b[^?]*\bletter\b[^?]*\b(?:sent|dated|written|issued|signed)\b|\bwhen was\b[^?]*\bletter\b[^?]*\b(?:sent|written|dated|issued|signed)\b|\bdate of the letter\b", re.I)),
    (QuestionType.DUE_IN_PERIOD, re.compile(rf"\b(?:due|deadlines?|expected|happen\w*|owed)\b.*\b(?:in|during|by|before)\s+(?:the\s+end\s+of\s+)?(?:{MONTHS})\b(?:\s+\d{{4}})?\s*\??$", re.I)),
    (QuestionType.DUE_IN_PERIOD, re.compile(rf"^\s*what\b(?!.*\bwhen\b).*\b(?:do|done|deliver|submit|report|complete|achieve|provide|publish)\b.*\b(?:in|during|by|before)\s+(?:the\s+end\s+of\s+)?(?:{MONTHS})\b\s+\d{{4}}\s*\??$", re.I)),
    # The month first: "In March 2016, what is due?", "June 2015 deadlines?".
    (QuestionType.DUE_IN_PERIOD, re.compile(rf"^\W*(?:(?:in|during|by|before)\s+)?(?:{MONTHS})\s+\d{{4}}\b[^?]*\b(?:due|deadlines?|owed)\b", re.I)),
    (QuestionType.REASON, re.compile(r"^\W*(?:\w+\s+){0,2}why\b|(?:,|;|\band)\s+why\b|\bwhat (?:reasons?|grounds|justification|explanation|rationale)\b|"
                                     r"\b(?:for what|on what) (?:reasons?|purpose|basis|grounds)\b|\bwhat (?:is|was|were) the (?:reasons?|purpose|rationale)\b|"
                                     r"\bwhat (?:did|does|do|will) (?:it|they|he|she|we|the \w+) need (?:it|that|this|them|these) for\b|\bhow come\b", re.I)),
    (QuestionType.CONSEQUENCE, re.compile(r"\bwhat (?:happens|will happen|would happen|follows)\b|\bconsequences?\b|\bsanctions?\b|\bpenalt\w*|\bwhat if\b", re.I)),
    (QuestionType.AMOUNT, re.compile(r"\b(?:how much|how many|what (?:amount|sum|budget figure|funding level)|cost|£|fine[sd]?\b|salary|paid)\b", re.I)),
    (QuestionType.LEGAL_BASIS, re.compile(r"\b(?:under what|which|what)\s+(?:\w+\s+)?(?:powers?|legislation|acts?|sections?|statut\w*|laws?|legal basis|authority)\b|\blegal basis\b|\bstatutory\b", re.I)),
    # "to whom" asks only as the question's own words, not in a clause that picks someone out ("the Chancellor to whom
    # the proposal was made").
    (QuestionType.TO_WHOM, re.compile(r"(?:^\W*|[,;:]\s*|\b(?:and|or|but|then)\s+)to whom\b|\bto whom\s*\?|\bwho\b[^?]*\b(?:receives?|received|gets?|will receive|should receive|is sent|are sent|hears?|copied)\b|\bwho\b[^?]*\b(?:report|send|submit|deliver|provide|address|copy)\w*\b[^?]*\bto\b|\bwho else\b", re.I)),
    # "when" asks when only as the question's own word ("When …", "By when …", "…, and when …"), not inside a
    # clause it quotes ("Who was copied on the letter telling him when the Authority would respond?").
    (QuestionType.WHEN, re.compile(r"^\W*(?:\w+\s+){0,2}when\b|(?:,|;|\band)\s+(?:by\s+)?when\b|\b(?:what date|which date|deadline|how long|how often|how frequently|timescale|timetable|by what date|how soon)\b", re.I)),
    (QuestionType.APPOINTMENT, re.compile(r"\b(?:appoint\w*|named as|chosen as|nominat\w*)\b", re.I)),
    (QuestionType.WHO, re.compile(r"^\s*who\b", re.I)),  # and "which body …", read from the focus (assistant.focus)
]


# A numbered part of a report the question names: "recommendation 3", "action A7", "paragraph 4.2".
ITEM_REFERENCE = re.compile(r"\b(?P<word>recommendation|action|finding|conclusion|paragraph|section|annex|appendix|chapter|"
                            r"table|figure)s?\s+(?P<number>[A-Z]?\d+(?:\.\d+)*[a-z]?)\b", re.I)
# Words that say which kind of answer is wanted; they need not appear in the evidence.
TYPE_WORDS = {
    QuestionType.WHO: frozenset("own owns owned owner owners responsible responsibility accountable".split()),
    QuestionType.WHEN: frozenset("deadline deadlines".split()),
    QuestionType.LEGAL_BASIS: LAW_NOUNS | frozenset("legal basis statutory authority".split()),
    QuestionType.AMOUNT: AMOUNT_NOUNS | frozenset("much many figure".split()),
    QuestionType.CONSEQUENCE: frozenset("happens happen follows consequence consequences sanction sanctions penalty penalties".split()),
    QuestionType.REASON: frozenset("why reason reasons grounds basis purpose rationale justification explanation need".split()),
    QuestionType.TO_WHOM: frozenset("receive receives received sent".split()),
    QuestionType.POST: POST_NOUNS | frozenset("hold holds held occupy occupies".split()),
}
# The answer's own date is in a month (and year) the question names: "on what date in January", "which day in
# May 2022".
DATE_IN_MONTH = re.compile(rf"\b(?:date|day)\s+in\s+(?P<month>{MONTHS})\b(?:\s+(?P<year>\d{{4}})\b)?", re.I)
# An end is asked for, not a start: "closing date", "until when", "when does it close". (Not "deadline" or "by
# when": a duty that applies "from 1 April" is due then.)
ASKS_FOR_END = re.compile(r"\b(?:closing|end|final|last)\s+date\b|\b(?:until|till)\s+when\b|"
                          r"\bwhen\b[^?]*\b(?:close|closes|end|ends|expire|expires)\b", re.I)
# A person is asked for by name: "what is the name of the previous Chancellor", "name the official who …".
# …and by the post they hold: "Which Chancellor was he writing to?" asks who held it (a post alone does not say).
WHICH_POST = re.compile(rf"\b[Ww]hich (?P<post>{POST_WORDS.pattern})")
ASKS_FOR_NAME = re.compile(r"\b(?:what|which) (?:is|was|are|were) the names? of\b|^\W*name the\b|\bwhat is (?:his|her) name\b|"
                           rf"(?-i:{WHICH_POST.pattern})", re.I)
ASKS_WHO = re.compile(r"\bwho(?:m)?\b", re.I)  # anywhere: "Who was appointed, and when?", "…, and who chairs it?"
TO_WHICH = re.compile(r"\bto (?:whom|which|what)\b", re.I)  # a recipient asked for in so many words
# A day is asked for, not a month: "which day", "on what date …", "on what date in January", "the exact date",
# "on which day of the week".
ASKS_FOR_DAY = re.compile(r"\b(?:which|what) day\b|\b(?:exact|precise|actual) (?:date|day)\b|\bon (?:what|which) date\b", re.I)
MONTH_IN_QUESTION = re.compile(rf"\b(?P<month>{MONTHS})\b(?:\s+(?P<year>\d{{4}}))?", re.I)
# Capitalised words that are not names of anything in particular.
COMMON_CAPITALS = frozenset(
    "I What Who Whom When Which Why How Is Are Was Were Does Did Do Has Have Must Should Will Can Could Would "
    "The A An In On By For Of To And Or Under Within Dear Mr Mrs Ms Dr Sir Lord Lady Please Tell List Give "
    "Name Minister Secretary State Council Department Government MP".split()
)


@dataclass(frozen=True)
class Analysis:
    text: str
    type: QuestionType
    terms: list[str]  # content words, stopwords and question words removed
    stems: list[str]
    verbs: list[str] = field(default_factory=list)  # lemmas of its own verbs, when evidence asks for them
    names: list[str] = field(default_factory=list)  # capitalised words that name something
    period: tuple[date, date] | None = None  # a month asked about ("by June" reaches back to any date)
    period_read_from: date | None = None  # the day a period named relative to now was counted from
    has_year: bool = False
    wants: tuple[QuestionType, ...] = ()  # every kind of answer asked for ("by when, and to whom?")
    month_asked: int | None = None  # "on what date in January …": the answer's date falls in that month
    year_asked: int | None = None  # "… in January 2022": and in that year
    wants_end: bool = False  # "what is the closing date", "by when": an end, not a start ("from today")
    wants_day: bool = False  # "which day", "on what date in January": a month ("in January") does not give it
    wants_person: bool = False  # "what is the name of the previous Chancellor": a person by name
    letter_party: LetterParty | None = None  # "who signed …", "to whom was … letter addressed", "who was copied in"
    designating: tuple[date, ...] = ()  # the dates of the letters it designates by date ("his 2 November note"): no answer
    focus: str | None = None  # the thing a "which …" question asks about when it names no kind: "which developments"


# The letter whose date is asked is one a letter answers, not a letter indexed: "the date of the letter he was
# answering", "the letter the Minister replied to" (its date is in the reply's text: "Thank you for your letter of …").
ANSWERED_LETTER = re.compile(rf"\b{LETTER_WORDS} (?:that |which )?(?:[\w'’-]+ ){{1,4}}?(?:(?:was|were|is|had been) )?"
                             r"(?:answering|answered|replying to|replied to|responding to|responded to|acknowledging|acknowledged)\b", re.I)

FOLLOW_UP = re.compile(r"^\s*(?:and|also|what about|how about|who else|anything else|then)\b|\b(?:it|they|them|that|this|those|these|he|she)\b", re.I)


# "For my note: …", "For the Minister's briefing: …": what the answer is for, not what the question asks.
# Only a label that names a purpose: "For 2015: …" or "For Birmingham: …" scope the question and stay.
PURPOSE_LABEL = re.compile(
    r"^\s*for\s+(?:(?:my|our|your|the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:note|notes|brief|briefing|submission|records?|file|minute|update|box|pack|summary|reply)\s*:\s+(?=\S)",
    re.I,
)


def asked(question: str) -> str:
    """The question without a leading label saying what the answer is for."""
    return PURPOSE_LABEL.sub("", question.strip(), count=1)


def search_text(query: str, context: str | None = None) -> str:
    """What a question's passages are retrieved by: the question, with the one it follows when it is a follow-up."""
    return f"{query} {context}" if context else query


def is_follow_up(question: str) -> bool:
    """A short question leaning on the one before ("and by when?", "who else receives it?")."""
    own = [t for t in content_terms(question) if t not in QUESTION_WORDS and t not in {"else", "also", "receive", "receives"}]
    return len(own) <= 1 and (bool(FOLLOW_UP.search(question)) or len(question.split()) <= 4)


def type_words(analysis: Analysis) -> frozenset[str]:
    """The words of a question that say which kinds of answer it wants."""
    return frozenset().union(*(TYPE_WORDS.get(t, frozenset()) for t in analysis.wants))


def wanted_kinds(question: str) -> tuple[QuestionType, ...]:
    """Every kind of answer `question` asks for, the main one first."""
    from assistant.focus import (  # they read parts of speech; they need QuestionType
        focus_kind,
        named_kind,
        who_does_else,
    )

    found = (t for t, p in PATTERNS if p.search(question) and not (t == QuestionType.LETTER_DATE and ANSWERED_LETTER.search(question)))
    wants = tuple(dict.fromkeys(found)) or (focus_kind(question) or QuestionType.WHAT,)
    # "Which body must …, and what is its deadline?": a party asked for by its noun, beside the time.
    if QuestionType.WHO not in wants and re.match(r"^\W*which\b", question, re.I) \
            and focus_kind(question_parts(question)[0]) == QuestionType.WHO:
        wants += (QuestionType.WHO,)
    # The noun a one-part question's question word picks out says what it asks, whatever else it mentions: "Which
    # Chancellor … about the RPI timetable?" asks for someone, not a time.
    named = named_kind(question) if len(question_parts(question)) == 1 else None
    if named and wants[0] not in (QuestionType.LETTER_DATE, QuestionType.DUE_IN_PERIOD):
        wants = (named,)
    if QuestionType.TO_WHOM in wants and not TO_WHICH.search(question) and who_does_else(question):
        wants = tuple(dict.fromkeys(QuestionType.WHO if w == QuestionType.TO_WHOM else w for w in wants))
    if QuestionType.TO_WHOM in wants:  # "who receives…" asks for recipients, not an actor
        wants = tuple(w for w in wants if w != QuestionType.WHO)
    if wants[0] == QuestionType.POST and not names_someone(question):  # "which posts are advertised?": vacancies
        wants = (QuestionType.WHAT,) + tuple(w for w in wants[1:] if w != QuestionType.WHAT)
    if QuestionType.APPOINTMENT in wants and len(wants) > 1 and not ASKS_WHO.search(question):
        wants = tuple(w for w in wants if w != QuestionType.APPOINTMENT)  # "when does her appointment end?": a date
    # "What is action 1.1, and when is it due?": the thing itself is asked for as well as its date.
    parts = question_parts(question)
    if len(parts) > 1 and QuestionType.WHAT not in wants and re.match(r"^\W*what\b", parts[0], re.I) \
            and focus_kind(parts[0]) in (None, QuestionType.WHAT):
        wants += (QuestionType.WHAT,)
    return wants


CAPITAL_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:for|of|and|the|on|in|&)[ \t]+)*[A-Z][\w'’-]*)*")


def names_someone(question: str) -> bool:
    """The question names a person, not only bodies and posts: "What is Palmer's job title?" does; "Which
    posts is the Scottish Government advertising?" does not (the post someone holds cannot be what it asks)."""
    for m in CAPITAL_RUN.finditer(question):
        run = m.group(0).split()
        while run and run[0] in COMMON_CAPITALS:
            run = run[1:]
        name = " ".join(run)
        if name and not (ORG_WORDS.search(name) or POST_WORDS.search(name) or name.lower() in MONTH_NUMBER):
            return True
    return False


def _month_asked(question: str, default_year: int | None) -> tuple[tuple[date, date] | None, bool]:
    """(the month a question names as a period — from its first day, or from any date for "by June" — and
    whether it gives the month's year)."""
    m = MONTH_IN_QUESTION.search(question)
    if not m or (m.group("month") == "may" and not m.group("year")):
        return None, False
    month = MONTH_NUMBER[m.group("month").lower()]
    year = int(m.group("year")) if m.group("year") else default_year
    if not year:
        return None, bool(m.group("year"))
    cumulative = re.search(rf"\b(?:by|before|no later than)\s+(?:the\s+end\s+of\s+)?{m.group('month')}", question, re.I)
    return (date.min if cumulative else date(year, month, 1), month_end(year, month)), bool(m.group("year"))


def analyse(question: str, default_year: int | None = None, context: str | None = None,
            reading_day: date | None = None) -> Analysis:
    """What `question` asks; `context` (the previous question of a conversation) lends its subject; `reading_day`
    is the day a period named relative to now ("the next quarter") is counted from (assistant.asked_period)."""
    from assistant.focus import focus_noun  # it reads parts of speech; it needs QuestionType

    wants = wanted_kinds(question)
    qtype = wants[0]
    ignored = QUESTION_WORDS.union(*(TYPE_WORDS.get(t, frozenset()) for t in wants))
    subject = f"{question} {context}" if context else question
    terms = [t for t in content_terms(subject) if t not in ignored]
    asked = period_asked(question, reading_day)
    period = (asked.start, asked.end) if asked else None
    if asked:
        wants = (QuestionType.DUE_IN_PERIOD,) + tuple(w for w in wants if w != QuestionType.DUE_IN_PERIOD)
        qtype = wants[0]
    month_period, has_year = _month_asked(question, default_year)
    period = period or month_period
    if qtype == QuestionType.DUE_IN_PERIOD and period is None:
        qtype = QuestionType.WHEN
        wants = (QuestionType.WHEN,) + tuple(w for w in wants if w not in (QuestionType.WHEN, QuestionType.DUE_IN_PERIOD))
    tokens = re.findall(r"\b[A-Z][A-Za-z'’-]+\b", subject)
    names = [t for t in tokens if re.sub(r"['’]s$", "", t) not in COMMON_CAPITALS and not MONTH_IN_QUESTION.fullmatch(t)]
    in_month = DATE_IN_MONTH.search(question)
    return Analysis(
        question, qtype, terms, [stem(t) for t in terms], names=names,
        period=period, period_read_from=asked.read_from if asked else None, has_year=has_year, wants=wants,
        month_asked=MONTH_NUMBER[in_month.group("month").lower()] if in_month else None,
        year_asked=int(in_month.group("year")) if in_month and in_month.group("year") else None,
        wants_end=bool(ASKS_FOR_END.search(question)), wants_day=bool(in_month or ASKS_FOR_DAY.search(question)),
        wants_person=bool(ASKS_FOR_NAME.search(question)),
        letter_party=party_asked(question),
        focus=focus_noun(question),
    )
