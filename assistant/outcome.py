"""Questions about what happened after the letters: "What did the witness tell the committee at its 14 April
session?" asked of a letter written in March, or "Did the Department go on to publish its method?" asked of
letters that only ask it to. A letter can say what was planned or asked, never that it was then done unless
it says so; so the letters do not say, and the answer shows what they do say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.wording import fmt_date
from index.dates import MONTH_NAMES, MONTH_NUMBER
from index.language import tagged
from index.vocabulary import PLANNING_VERBS

# "did … at the 14 April 2021 session", "what happened on 4 September", "did … after questioning her on 14 April" —
# what someone did then, not what a letter planned, asked or said about it.
EVENT_ASKED = re.compile(
    rf"\b(?i:did|happened)\b(?P<between>[^?]*?)\b(?:at|on|in|by|after|following|during|to)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{MONTH_NAMES})(?:\s+(?P<year>\d{{4}}))?\b",
)
# "What did the Minister say the Council must do by 30 June?" asks what was required or planned for the day.
REQUIRED = re.compile(r"\b(?:must|should|shall|would|will|(?:is|was|are|were|has|had|have|need|needs|needed) to)\b", re.I)


@dataclass(frozen=True)
class Event:
    day: date  # its first day (the month's first when the question gives no day)
    named: str  # as the answer names it: "14 April 2021", "May 2014"


def event_asked(question: str, year: int | None) -> Event | None:
    """The event a question asks the outcome of, read in `year` when it gives none; None when it asks no such
    thing (or asks what a letter planned, asked or directed for that day)."""
    m = EVENT_ASKED.search(question)
    if not m or not (m["year"] or year):
        return None
    # Its verbs, and words the tagger may take for nouns ("did the Committee plan …") unless a determiner says
    # they are ("send its plan").
    verbs = {t.lemma_.lower() for t in tagged(question) if m.start() <= t.idx < m.end("between")
             and (t.pos_ == "VERB" or t.i and t.nbor(-1).pos_ not in ("DET", "ADJ") and t.nbor(-1).tag_ != "PRP$")}
    if verbs & PLANNING_VERBS or REQUIRED.search(m["between"]):
        return None
    day = date(int(m["year"] or year), MONTH_NUMBER[m["month"].lower()], int(m["day"] or 1))
    return Event(day, fmt_date(day) if m["day"] else f"{day:%B %Y}")


def written_before(event: Event, written: date | None) -> bool:
    """The letter was written before the event (before its month, when the question gives no day)."""
    return written is not None and written < event.day


# A question whether something was done after it was asked or planned: "Did DExEU go on to publish …?", "Has the
# Council since submitted its plan?", "Was the report ever published?".
LATER_DONE = re.compile(r"^\W*(?:did|has|have|had|was|were)\b[^?]*?\b(?:go(?:ne)? on to|ever|eventually|subsequently|"
                        r"later|since|in the end|finally|yet)\b", re.I)
# A question whether a recommendation, proposal or plan was taken up — which the document making it cannot say:
# "Has the Ministry accepted recommendation 4?", "Did the Council agree to the proposals?", "Has the Department
# approved the revised plan?".
TAKEN_UP = re.compile(r"^\W*(?:did|has|have|had|was|were)\b[^?]*?\b(?:accept(?:ed)?|reject(?:ed)?|agreed?|approved?|"
                      r"adopt(?:ed)?|endorsed?|implement(?:ed)?|take[sn]? up|took up)\b[^?]*\b(?:recommendations?|proposals?|plans?)\b",
                      re.I)
# What TAKEN_UP asks was taken up, as a passage that says so names it.
TAKEN_UP_OBJECT = re.compile(r"\b(?:recommendations?|proposals?|plans?)\b", re.I)
# What someone said or did in response to a report: "What did the Youth Justice Board say in its response to the
# review?", "How has the Government responded to the recommendations?" — which a report cannot say of itself.
RESPONSE_TO_REPORT = re.compile(r"^\W*(?:what|how)\b[^?]*\b(?:did|has|have|had|was|were)\b[^?]*\b(?:respon\w*|repl(?:y|ied|ies)|"
                                r"reacti?\w*)\b[^?]*\b(?:the|this|its|their) (?:[\w'’-]+ ){0,2}?(?:review|report|recommendations?)\b",
                                re.I)
# The forms of "do" that make a base-form verb a past fact: "they did publish it", "it did not arrive".
DID = frozenset({"did", "does", "do"})


def later_act(question: str) -> str | None:
    """The verb (lemma) of what a question asks was later done ("publish" in "Did DExEU go on to publish …?",
    "accept" in "Has the Ministry accepted recommendation 4?"); None when it asks no such thing."""
    if not (LATER_DONE.match(question) or TAKEN_UP.match(question)):
        return None
    verbs = [t for t in tagged(question) if t.pos_ == "VERB" and t.lemma_.lower() not in ("go", "do", "have", "be")]
    return verbs[0].lemma_.lower() if verbs else None


def only_asked_or_planned(text: str, lemma: str) -> bool:
    """The sentence writes the act only as something to do — after "will", "would", "should", "to" — or as
    what would have been ("it would have helped if it had been published"), never as done ("published", "has
    published", "did publish"); and writes it at least once."""
    forms = [t for t in tagged(text) if t.lemma_.lower() == lemma and t.pos_ == "VERB"]
    return bool(forms) and all((t.tag_ == "VB" and not _after_did(t)) or _unreal_past(t) or _in_general(t) for t in forms)


def _in_general(token) -> bool:
    """A participle after "being": the act as a kind of thing ("against recommendations being accepted and then
    forgotten"), not a fact."""
    return token.tag_ == "VBN" and token.i > 0 and token.doc[token.i - 1].lower_ == "being"


def _after_did(token) -> bool:
    """A base-form verb that "did" / "does" makes a fact, adverbs and "not" between."""
    for t in reversed(token.doc[max(0, token.i - 3) : token.i]):
        if t.lower_ in DID:
            return True
        if t.pos_ not in ("ADV", "PART"):
            return False
    return False


def _unreal_past(token) -> bool:
    """A past participle after "had" in an "if" clause: what would have been, and was not."""
    before = [t.lower_ for t in token.doc[: token.i]]
    return token.tag_ == "VBN" and "had" in before[-3:] and "if" in before
