"""Does a sentence give the kind of answer a question wants — a date, a person, a recipient, a law?

A score from 0 to 1 that re-ranks evidence; it never forces a refusal on its own.
"""

from __future__ import annotations

import re

from assistant.party_asked import LETTER_DATED_BY, LETTER_WORDS
from assistant.question import WHICH_POST, Analysis, QuestionType
from assistant.wording import LAW
from index.dates import MONTH_NUMBER, MONTHS, WEEKDAY
from index.deadlines import DURATION, Deadline, find_times
from index.ledger_parties import CONTACT, TO_LIST
from index.ledger_rows import Column, columns
from index.model import Letter, Precision
from index.parties import ORG_WORDS, PERSON_NAME, POST_WORDS
from index.recurrence import how_often
from index.text import STOPWORDS, words
from index.vocabulary import AGENT_GROUP, BODY_NOUNS, PARTY_AGENT, PROPER_RUN

CONSEQUENCE_CUE = re.compile(r"\b(?:if|unless|failing (?:this|which|that)|otherwise|in the event)\b", re.I)
LEGAL_CUE = re.compile(r"\b(?:section|sections|Act\b|powers?|statutory|regulations?|schedule|Code)\b")
# A code a body publishes and holds others to: "the Code of Practice for Statistics", "the Ministerial Code"
# (not "the Code", "any Code", "our Code").
CODE_OF = re.compile(r"\bCode of (?:Practice|Conduct|[A-Z][\w'’]*)")
NAMED_CODE = re.compile(r"\b(?P<name>[A-Z][\w'’]*)\s+Code\b")
# A reason given: "because …", "as the Omicron variant is absorbing …", "this will allow us to …", "to assist in our
# work", "the Code requires …".
REASON_CUE = re.compile(
    r"\b(?:because|since|due to|owing to|given (?:that|the)|in (?:order|time) to|so (?:that|as to)|in (?:the )?light of|"
    r"in view of|in line with|in accordance with|requires?|required (?:by|under)|reasons?|the aim|purpose|"
    r"(?:to|will|would|could|should|which will|that will|this will|it will) (?:allow|enable|help|assist|ensure|inform|support)\w*|"
    r"as (?:the|a|an|this|these|our|their|its|it|they|we|I|you|[A-Z]\w*)\b(?:\s+[\w'’-]+){0,6}?\s+(?:is|are|was|were|has|have|had|will|would|remains?)\b)",
    re.I,
)
APPOINT_CUE = re.compile(r"\bappoint\w*\b|\bas (?:the )?(?:Commissioner|Chair|Director|Adviser|Advisor|Lead)\b", re.I)
AMOUNT_CUE = re.compile(r"£\s?\d|\b\d[\d,.]*\s?(?:million|billion|m\b|bn\b|%|per cent)", re.I)
# A post written beside a name: "Ann Smith, the Director General for …" / "Director General Ann Smith".
# (pattern text, to be joined to a name)
POST_AFTER = rf",?\s+(?:(?:the|our|your|who is(?: the)?|as(?: the)?)\s+)?(?:[A-Z][\w'’-]*\s+)*?{POST_WORDS.pattern}"
POST_BEFORE = rf"{POST_WORDS.pattern}(?:\s+(?:[A-Z][\w'’-]*|for|of|and|the))*?\s+(?:[A-Z][\w'’-]*\s+)?"
# "which body", "which other agency", "which parliamentary committee"
ASKS_FOR_BODY = re.compile(rf"\b(?:which|what)\s+(?:other\s+)?(?:[a-z-]+\s+){{0,2}}?(?:{'|'.join(sorted(BODY_NOUNS))})\b", re.I)
# Who owns a duty ("who is responsible for …", "who owns recommendation 3", "which body leads …"): a body is a full
# answer, as a person is.
OWNER_ASKED = re.compile(r"\bwho\s+(?:is|are|will be|would be)\s+(?:responsible|accountable|in charge)\b|"
                         r"\bwho\s+(?:owns|leads|holds|should lead|must lead|will lead|is to lead)\b|"
                         r"\bwhose\s+(?:job|responsibility|task)\b|\b(?:the\s+)?owner\b|\blead\s+(?:body|organisation)\b",
                         re.I)
# A group of officials named by their body: "DoH statisticians", "HM Treasury officials".
BODY_GROUP = re.compile(rf"\b(?P<body>(?:[A-Z][\w'’&-]*\s+)+){AGENT_GROUP.pattern}")
STARTS = re.compile(r"^(?:from|starting|beginning|as of|with effect from)\b", re.I)
# A date that dates a letter ("your letter of 17 November", "our letter dated 22 April"), and a question about letters.
DATES_A_LETTER = re.compile(rf"{LETTER_DATED_BY}\s*$", re.I)
LEADING_WORD = re.compile(r"(?:[a-z]+\s+)?")  # a time's own first word ("on 17 November", "of 6 October")
LETTER_ASKED = re.compile(rf"\b(?:{LETTER_WORDS}|wrote|write|written|replied|responded)\b", re.I)
# A letter dated by its day, with or without the year: "our letter dated 22 April", "your letter of 1 November";
# and a question asking for a letter's date ("the date of the OSR letter that …", "what date was DWP's reply …",
# "when did the Minister reply?"), not for a date a letter gave ("what date did he give in his reply?").
LETTER_OF_DAY = re.compile(rf"{LETTER_DATED_BY}\s+(?:the\s+)?(?P<day>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS}))\b", re.I)
LETTERS_DATE_ASKED = re.compile(rf"\bdate of (?:the |a |an |their |his |her |its )?(?:[\w'’-]+\s+){{0,3}}?{LETTER_WORDS}\b|"
                                rf"\b(?:what|which) date (?:was|were|is)\b[^?]*\b{LETTER_WORDS}\b|"
                                r"\bwhen (?:did|was|were)\b[^?]*\b(?:write|wrote|written|sent|reply|replied|respond|responded|answer|answered)\b", re.I)
HOW_MANY = re.compile(r"\bhow many\b", re.I)
# A number counting things: "27 children", "11 of the 30 cases" — not a year, a label's number ("Section 17",
# "page 3") or a length of time ("within 15 working days").
COUNTED = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?:of\s+(?:the\s+)?\d[\d,]*\s+)?(?P<next>(?:[a-z][\w-]*\s*){1,3})")
LABEL_BEFORE = re.compile(r"\b(?:sections?|pages?|paragraphs?|chapters?|parts?|annex|recommendations?|actions?|items?|"
                          r"clauses?|articles?|regulations?|schedules?|steps?|tables?|figures?|rules?)\s*$", re.I)
TIME_UNIT = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?|minutes?)\b")
HOW_OFTEN = re.compile(r"\bhow (?:often|frequently)\b", re.I)
HOW_LONG = re.compile(r"\bhow (?:long|much time)\b", re.I)
WEEKDAY_ASKED = re.compile(r"\bday of the week\b|\bwhich weekday\b", re.I)
# "Who is / was the …?": who holds a post or is someone, which a pronoun ("you should") does not show.
WHO_IS = re.compile(r"\bwho\s+(?:is|was|are|were)\b(?!\s+(?:\w+ly\s+)?\w+(?:ed|en)\b)", re.I)
# When something was done, which a letter's own act answers with the letter's date: "I have agreed that …".
DONE_ASKED = re.compile(r"\bwhen\s+(?:did|was|were|had)\b", re.I)
OWN_ACT = re.compile(r"\b(?:I|[Ww]e)\s+(?:(?:have|has)\s+(?:now\s+|today\s+)?\w+(?:ed|en)|am\s+(?:now\s+)?(?:writing|pleased|able|content|happy)|"
                     r"(?:can|would like to)\s+(?:now\s+)?(?:confirm|announce|inform)|(?:write|enclose|attach|confirm|announce|agree|accept))\b")
# A time something is due, not when something happened: "the deadline for reporting", "by when", "when is … due".
DUE_ASKED = re.compile(r"\b(?:deadlines?|due|by when|by what date|no later than)\b", re.I)
CUES = {
    QuestionType.CONSEQUENCE: CONSEQUENCE_CUE,
    QuestionType.REASON: REASON_CUE,
    QuestionType.APPOINTMENT: APPOINT_CUE,
    QuestionType.AMOUNT: AMOUNT_CUE,
}


def fit(analysis: Analysis, text: str, letter: Letter, is_line: bool = False, start: int | None = None) -> float:
    """How well the sentence gives the kind(s) of answer wanted, 0..1. A line of a letterhead, address
    or heading ("Letter from the Convener … of 6 October 2021") dates the letter, not a duty. `start`: where the
    sentence stands in the letter, when the caller knows."""
    wanted = [t for t in analysis.wants if t != QuestionType.WHAT] or [analysis.type]
    return sum(0.0 if is_line and t == QuestionType.WHEN else fit_one(t, analysis, text, letter, start)
               for t in wanted) / len(wanted)


def fit_one(qtype: QuestionType, analysis: Analysis, text: str, letter: Letter, start: int | None = None) -> float:
    if qtype == QuestionType.WHEN and HOW_OFTEN.search(analysis.text):
        return 1.0 if how_often(text) else 0.0
    if qtype == QuestionType.WHEN and HOW_LONG.search(analysis.text) and DURATION.search(text):
        return 1.0  # "how long …?" is answered by a length of time ("more than six months") as well as by a date
    if qtype == QuestionType.WHEN and WEEKDAY_ASKED.search(analysis.text) and WEEKDAY.search(text):
        return 1.0  # "on which day of the week …?" is answered by "every Thursday" as well as by a date
    if qtype in (QuestionType.WHEN, QuestionType.DUE_IN_PERIOD):
        return _dated(qtype, analysis, text, letter)
    if qtype == QuestionType.WHO:
        return 1.0 if _owner_cell(text, letter, start) else _names_someone(analysis, text)
    if qtype == QuestionType.POST:
        return _gives_post(analysis, text, letter)
    if qtype == QuestionType.LEGAL_BASIS:  # a named Act or section beats a mere "statutory"
        return 1.0 if LAW.search(text) or _names_a_code(text) else (0.5 if LEGAL_CUE.search(text) else 0.0)
    if qtype == QuestionType.TO_WHOM:  # sent "to" or met someone fully; someone named the question does not, in part
        someone = _names_someone(analysis, text)
        return 1.0 if TO_LIST.search(text) or CONTACT.search(text) and someone else someone / 2
    if qtype == QuestionType.AMOUNT and HOW_MANY.search(analysis.text) and _counts(text):
        return 1.0  # a count answers "how many": "27 children", "in 11 of the 30 cases sampled"
    cue = CUES.get(qtype)
    return 1.0 if cue and cue.search(text) else 0.0


def _counts(text: str) -> bool:
    return any(not LABEL_BEFORE.search(text[: m.start()]) and not TIME_UNIT.search(m["next"]) for m in COUNTED.finditer(text))


def _owner_cell(text: str, letter: Letter, start: int | None) -> bool:
    """Whether `text` (at `start`, else found in the letter) is a row of a table whose header names an owner column
    ("Lead", "Owner"), filled in: the header says who, whatever words the cell has ("Head of Workforce")."""
    start = letter.text.find(text) if start is None else start
    named = letter.layout.named_cells(letter.text, start) if start >= 0 else None
    owner = columns([name for name, _ in named[1]]).get(Column.OWNER) if named else None
    return owner is not None and bool(named[1][owner][1].strip())


def _names_a_code(text: str) -> bool:
    return bool(CODE_OF.search(text)) or any(m["name"].lower() not in STOPWORDS for m in NAMED_CODE.finditer(text))


def _dated(qtype: QuestionType, analysis: Analysis, text: str, letter: Letter) -> float:
    deadlines = find_times(text, letter.reading_date())
    if qtype == QuestionType.DUE_IN_PERIOD and analysis.period:
        lo, hi = analysis.period
        return 1.0 if any(d.date and lo <= d.date <= hi for d in deadlines) else 0.0
    if LETTERS_DATE_ASKED.search(analysis.text) and any(m["day"].lower() not in analysis.text.lower() for m in LETTER_OF_DAY.finditer(text)):
        return 1.0  # a letter's date asked for, given: "your letter of 1 November" (not a date the question itself gives)
    answering = answering_dates(analysis, deadlines, text)
    if HOW_LONG.search(analysis.text):  # "as soon as is practicable" gives no length of time, not even in part
        answering = [d for d in answering if d.stated]
    if any(d.stated and (d.precision == Precision.DAY or not analysis.wants_day) for d in answering):
        return 0.5 if _all_past(analysis, answering, letter) else 1.0
    if not answering and letter.date and DONE_ASKED.search(analysis.text) and OWN_ACT.search(text):
        return 0.5  # done in the letter itself ("I have agreed …"): on the letter's date, which it gives
    return 0.2 if answering else 0.0


def _all_past(analysis: Analysis, dates: list[Deadline], letter: Letter) -> bool:
    """A time something is due is asked for, and every date the sentence gives is before its letter was
    written ("On 2 November, officials informed the Committee …"): it tells what happened, not what is due."""
    written = letter.date
    return bool(written and DUE_ASKED.search(analysis.text) and all(d.date and d.date < written for d in dates))


def answering_dates(analysis: Analysis, deadlines: list[Deadline], text: str) -> list[Deadline]:
    """The dates that can answer: a start ("from today") is no answer to "what is the closing date?", a date
    outside the month (or year) the question names ("on what date in January 2022 …") none to it, nor the
    date of the letter the question designates by it ("in his 26 October reply, by when …"), nor the date of
    a letter the sentence mentions ("thank you for your letter of 17 November") unless letters are asked about."""
    if not LETTER_ASKED.search(analysis.text):
        deadlines = [d for d in deadlines if not DATES_A_LETTER.search(text[: d.start] + LEADING_WORD.match(d.text).group(0))]
    return [d for d in deadlines if not (analysis.wants_end and STARTS.match(d.text))
            and not (analysis.month_asked and d.date and d.date.month != analysis.month_asked)
            and not (analysis.year_asked and d.date and d.date.year != analysis.year_asked)
            and d.date not in analysis.designating]


def _gives_post(analysis: Analysis, text: str, letter: Letter) -> float:
    """The post of someone the question names, written beside their name: "Steve Ellerd-Elliott, Chief
    Statistician for …", "Lesley Fraser, the Director General for Corporate", "Director General Ed Smith" —
    not a post of someone else in the same sentence. A letter's signature or address gives its own
    writer's and addressee's posts on lines of their own."""
    meta = letter.metadata
    parties = ((meta.sender, meta.sender_role), (meta.recipient, meta.recipient_role))
    runs = (re.sub(r"['’]s$", "", m.group(0)) for m in PROPER_RUN.finditer(analysis.text))
    for surname in (r.split()[-1] for r in runs if not (POST_WORDS.search(r) or ORG_WORDS.search(r))):
        name = rf"\b{re.escape(surname)}[\w'’-]*"
        if re.search(name + POST_AFTER, text) or re.search(POST_BEFORE + name, text):
            return 1.0
        if any(who and post and re.search(name, who) and post in text for who, post in parties):
            return 1.0
    return 0.0


def _names_someone(analysis: Analysis, text: str) -> float:
    """Someone the question does not name is what a "who" question wants: a person or a named body's officials
    ("DoH statisticians") fully (1); a post, a body or a group of officials in part (0.5) — they are as often
    what the question starts from — unless the question asks for a body ("which other body …"): then a body
    fully."""
    asked = set(words(analysis.text))
    which = WHICH_POST.search(analysis.text)
    post = which["post"] if which else None
    asks_body = ASKS_FOR_BODY.search(analysis.text) or OWNER_ASKED.search(analysis.text)
    body = 1.0 if asks_body else 0.0 if analysis.wants_person else 0.5
    found = 0.0
    for m in PROPER_RUN.finditer(text):
        run = re.sub(r"^(?:The|A|An|This|That|In|On|By)\s+", "", m.group(0))
        if set(words(run)) <= asked or any(w.lower() in MONTH_NUMBER for w in run.split()):
            continue
        if PERSON_NAME.match(run) and not (POST_WORDS.search(run) or ORG_WORDS.search(run)):
            return 1.0 if not post or post in text else 0.5  # "which Chancellor": the sentence also names the post
        if ORG_WORDS.search(run):
            found = max(found, body)
        elif POST_WORDS.search(run) and not analysis.wants_person:
            found = max(found, 0.5)
    for m in BODY_GROUP.finditer(text):  # "DoH statisticians", "Treasury officials": whose people, and which
        body = set(words(m["body"])) - STOPWORDS - BODY_NOUNS  # named: not "The team", "Department officials"
        if body and not body <= asked and not analysis.wants_person:
            return 1.0
    groups = set(words(" ".join(AGENT_GROUP.findall(text))))
    if groups - asked and not analysis.wants_person or PARTY_AGENT.search(text) and not WHO_IS.search(analysis.text):
        found = max(found, 0.5)  # officials, or the letter's own writer or reader ("I will", "you should")
    return found
