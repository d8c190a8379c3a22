"""Which party of a letter or report itself a question asks for — who wrote it, to whom, who was copied in, who
commissioned or led a review, what date it bears — answered from its own lines rather than from the sentence most
like the question (assistant.letter_facts)."""

from __future__ import annotations

import re
from enum import Enum


class LetterParty(str, Enum):
    SENDER = "sender"  # who wrote or signed it; of a report, who prepared or led it
    RECIPIENT = "recipient"  # to whom it was written; of a report, to whom it was presented
    COPIED = "copied"
    LEADER = "leader"  # of a report only: who led, chaired or carried out the review
    COMMISSIONER = "commissioner"  # of a report only: who commissioned it
    DATE = "date"  # of a report only: the date it bears


LETTER_WORDS = r"(?:letter|reply|note|response|correspondence)"
# When a party wrote: "When did the Convener write asking for a timetable?", "when did the DFM first reply?" — the
# date of a letter they wrote, not a date a letter gives ("when did the Minister say she would reply?" is not).
WRITTEN_WHEN = re.compile(
    r"\bwhen did (?P<who>(?:(?!\b(?:say|said|tell|told|promise\w*|agree\w*|would|will|to|expect\w*|plan\w*|intend\w*|"
    r"receiv\w*|get|got|acknowledg\w*|see|saw|hear|heard)\b)"
    r"[^?,;])+?)\s+(?:(?P<first>first)\s+|(?:then|eventually|finally|next)\s+)?"
    r"(?:write|reply|respond|answer|send|sign)\b",
    re.I,
)
# A letter dated by the words after it: "your letter of", "our letter dated", "the reply sent on".
LETTER_DATED_BY = rf"\b{LETTER_WORDS}\s+(?:of|on|dated|sent on|written on)"
# The report itself, not one it mentions: "the review", "this independent panel", "the school transport review",
# "the final report" — but not "the YJB's first progress report" or "the annual report", which are duties it sets.
_SELF = r"(?:panel|review)['’]s"
_OTHER = (r"(?:progress|annual|interim|first|second|third|next|last|latest|monthly|quarterly|yearly|update|"
          r"implementation|further|new|own|each|every|future|later|previous|earlier)")
THE_REPORT = (rf"(?:the|this)\s+(?:(?:{_SELF}|(?!{_OTHER}\b)[\w-]+)\s+){{0,4}}?"
              rf"(?:report|review|inquiry|panel|investigation|evaluation|audit|study)\b")
_LED = r"(?:led|chaired|headed|conducted|carried out|undertook|undertaken|prepared|produced|compiled|wrote|written|authored)"
_PRESENTED = r"(?:presented|submitted|addressed|made|delivered|laid|sent|given)"
PARTY_ASKED: list[tuple[LetterParty, re.Pattern[str]]] = [
    (LetterParty.COMMISSIONER, re.compile(
        rf"\bwho (?:commissioned|requested|ordered|set up|asked for|called for|established) {THE_REPORT}|"
        rf"\b(?:by whom|who) (?:was|were|is) {THE_REPORT} (?:commissioned|requested|ordered|set up|established)\b|"
        rf"\bat whose (?:request|behest|instigation)\b|\bwho (?:asked|tasked|instructed) {THE_REPORT} to\b", re.I)),
    (LetterParty.DATE, re.compile(
        rf"\bdate (?:of|on) {THE_REPORT}|\b(?:what|which) date (?:is|was|does) {THE_REPORT}|"
        rf"\bwhen (?:was|is) {THE_REPORT} (?:published|dated|issued|completed|signed|released|finished|"
        rf"{_PRESENTED})\b(?! (?:to|before) \w)", re.I)),
    (LetterParty.LEADER, re.compile(
        rf"^\W*who {_LED} {THE_REPORT}|\bwho (?:is|was) the (?:chair|chairman|chairwoman|chairperson|lead reviewer|"
        rf"reviewer|lead author|head|leader) of {THE_REPORT}|\b(?:by whom|who) (?:was|were|is) {THE_REPORT} {_LED}\b|"
        rf"\bwhich (?:body|organisation|organization|firm|team|panel|committee) {_LED} {THE_REPORT}", re.I)),
    # Copied as what is asked ("who was copied in", "got a cc"), not as a clause naming the letter ("when he copied it").
    (LetterParty.COPIED, re.compile(r"\b(?:was|were|been|is|are|get|gets|got) (?:\w+ )?(?:copied|cc'?e?d)\b|\bcopied (?:in|into|to whom)\b|"
                                    r"\b(?:a|the) cc\b|\b(?:received|got|was sent|were sent) (?:a )?cop(?:y|ies)\b|\bcopy list\b", re.I)),
    (LetterParty.SENDER, re.compile(rf"^\W*who (?:signed|wrote|penned|authored)\b|^\W*who sent (?:[\w'’-]+\s+){{0,6}}?{LETTER_WORDS}\b|\bwho (?:is|was) the (?:author|signatory|"
                                    rf"sender|writer) of\b|\b(?:from|by) whom (?:is|was|were)\b[^?]*\b{LETTER_WORDS}\b", re.I)),
    (LetterParty.RECIPIENT, re.compile(rf"\b(?:to whom|who) (?:is|was|were) (?:[\w'’-]+\s+){{0,6}}?{LETTER_WORDS}\b[^?]*\b"
                                       rf"(?:addressed|sent|written|directed)\b|\b{LETTER_WORDS}\b[^?]*\b(?:went|was sent|was addressed|"
                                       rf"was written) to (?:whom|which|what)\b|\bwho (?:was|is) the (?:addressee|recipient) of\b|"
                                       rf"^\W*who received (?:the|this|that|[\w'’-]+['’]s?) {LETTER_WORDS}\b|"
                                       rf"\bto whom did\b[^?]*\b(?:send|address|direct)\b[^?]*\b{LETTER_WORDS}\b|"
                                       rf"\b(?:to whom|who) (?:was|is|were) {THE_REPORT} {_PRESENTED}\b|"
                                       rf"\bwho (?:is|was) {THE_REPORT} (?:for|addressed to|written for|prepared for)\b|"
                                       rf"^\W*who received {THE_REPORT}|"
                                       rf"\b(?:to whom|who) (?:did|does) {THE_REPORT} (?:make|submit|present|address|send|deliver|"
                                       rf"give) (?:its|their) (?:report|findings)\b", re.I)),
]


def party_asked(question: str) -> LetterParty | None:
    return next((party for party, pattern in PARTY_ASKED if pattern.search(question)), None)
