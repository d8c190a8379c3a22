"""A sentence's duty as its words state it: its kind (a direction, a request, a commitment, an
appointment), who acts, and the words of the action."""

from __future__ import annotations

import re

from index.canonical import BULLET_MARK
from index.deadlines import Deadline, find_deadlines
from index.ledger_changes import CHANGE, WITHDRAW
from index.ledger_parties import recipient_actor, sender_actor
from index.ledger_records import LetterView
from index.model import Kind, LetterMetadata, Unit
from index.references import DEMONSTRATIVE, antecedent, demonstrative_referent
from index.segmenter import IMPERATIVE

DIRECTING_LEAD_IN = re.compile(r"\b(?:direct\w*|require\w*|must)\b", re.I)
ASKING_LEAD_IN = re.compile(r"\b(?:ask(?:ing)?|invite|would like|request\w*)\s+(?:you|the [A-Z][\w' ]+)\s+to\b|\bthe next key actions\b", re.I)
# A list under a lead-in that only ends with a colon ("Its terms of reference asked the Panel to:", "Our main
# findings are these:") holds duties only when its items are actions: they go on from the lead-in ("examine how
# …") or open with their verb ("Publish the plan by …") — not sentences of their own ("Two in five placements …").
LEAD_IN_COLON = re.compile(r":\s*$")
# A change of a duty's time, not a past event told with a date ("The Council moved to a zoned model in 2023"): it
# speaks of a deadline or of what is to happen.
CHANGES_A_DUTY = re.compile(r"\b(?:deadlines?|dates?|timetable|timescales?|due|will|shall|should|must|agree\w*|now|"
                            r"request\w*|ask\w*|expect\w*|deferred|postponed|brought forward|extended|"
                            r"(?:have|has)\s+(?:been\s+)?(?:\w+\s+)?(?:moved|replaced|changed|revised))\b", re.I)
ANNOUNCES_DIRECTION = re.compile(r"\b(?:I (?:will be |am |have decided to )?direct(?:ing)?|a (?:formal |draft |statutory )?direction|directions? (?:to|would|will))\b", re.I)
APPOINT_AS = re.compile(
    r"\b(?:appoint(?:ing|ed|s)?|nominat(?:e|ing|ed)|nam(?:e|ing))\s+(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}?)as\s+(?:the\s+|a\s+|an\s+)?(?P<role>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|for|of|in|on|and))*)"
)
APPOINT_DASH = re.compile(r"\bappoint\s+(?:a|an|the)\s+(?P<role>[A-Z][^–—\n]*?)\s+[–—-]\s+(?P<name>(?:[A-Z][\w'’.-]*\s*){2,5})")
REQUEST = re.compile(r"\b(?:I would (?:also )?like|I should be grateful|[Pp]lease|I invite|I am asking|I ask)\b")
FIRST_PERSON_WILL = re.compile(r"\b(?:I|[Ww]e)\s+(?:will|shall|plan to|intend to)\s+(?:(?:be|also|then|now|shortly|subsequently)\s+)*(?P<verb>[a-z]+)")
OBLIGATION = re.compile(r"\b(?:must|is required to|are required to|shall|will need to|is to|are to)\b")
THIRD_PARTY_WILL = re.compile(
    r"^(?:[^,]*,\s*)?(?P<subject>The [A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*|This(?:\s+[\w-]+){0,3}?|That(?:\s+[\w-]+){0,3}?|She|He|It|They)\s+will\s+(?:(?:also|then|subsequently|now)\s+)*(?P<verb>report|make|submit|provide|publish|deliver|send|set|agree|produce|complete|carry|look|draw|consult|meet|review|support)\b"
)
ACTION_VERBS = re.compile(r"\b(?:report|submit|provide|publish|deliver|send|appoint|agree|produce|prepare|complete|carry out|commission|share|make recommendations|respond|confirm|consult|review|work with|support|satisfy|meet)(?:s|ed|ing|es|ting)?\b", re.I)
# The mandative subjunctive of reports: "We recommend that the Cabinet Member for Housing lead a review …", "The
# Panel recommends that the Council and the Board jointly agree …" — the party named is bound to the verb after it.
RECOMMENDED = re.compile(
    r"\b(?i:we|I|the (?:panel|review|committee|inquiry|reviewers?))\s+(?i:(?:would\s+)?(?:therefore\s+|also\s+|strongly\s+|"
    r"further\s+)?recommends?)\s+that\s+(?P<who>(?:the\s+|each\s+|every\s+|all\s+)?[A-Z][\w'’-]*(?:,?\s+(?:(?:for|of|and|"
    r"the|on|in|&)\s+)*[A-Z][\w'’-]*)*)\s+(?:(?:should|must|jointly|urgently|immediately|now|together|also)\s+)*"
    r"(?P<verb>(?!is\b|are\b|be\b|has\b|have\b|was\b|were\b)[a-z]+)\b")
NOT_DUTIES = re.compile(r"^(?:I am (?:copying|writing|pleased|grateful|clear|sure)|Thank you|I look forward|I know|I accept|It is)\b")
ROLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?P<role>[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*)\s+(?:then\b|who will\b|will\b|is to\b|must\b|to make\b)")


def classify(text: str, lead_in: str | None, letter_text: str) -> Kind | None:
    body = BULLET_MARK.sub("", text)
    if APPOINT_AS.search(body) or APPOINT_DASH.search(body):
        return Kind.APPOINTMENT
    if NOT_DUTIES.match(body):
        return None
    if WITHDRAW.search(body):
        return Kind.REQUEST  # the kind of what it withdraws is set when the two are linked
    if CHANGE.search(body) and CHANGES_A_DUTY.search(body) and any(d.stated for d in find_deadlines(body, None)):
        return Kind.DIRECTION  # likewise for a changed deadline
    if lead_in is not None and not THIRD_PARTY_WILL.match(body):
        if DIRECTING_LEAD_IN.search(lead_in):
            return Kind.DIRECTION
        if ASKING_LEAD_IN.search(lead_in) or (LEAD_IN_COLON.search(lead_in) and (body[:1].islower() or IMPERATIVE.match(body))):
            if re.search(r"\bI plan to\b|\bI will\b|next key actions", lead_in):
                return Kind.COMMITMENT
            return Kind.DIRECTION if ANNOUNCES_DIRECTION.search(letter_text) else Kind.REQUEST
    if re.search(r"\bI (?:am|will be) directing\b|\bI direct\b", body):
        return Kind.DIRECTION
    if IMPERATIVE.match(body) and any(d.stated for d in find_deadlines(body, None)):
        return Kind.DIRECTION  # an action with its deadline, as in a table of actions
    if RECOMMENDED.search(body):
        return Kind.DIRECTION
    asked, obliged = REQUEST.search(body), OBLIGATION.search(body) or THIRD_PARTY_WILL.search(body)
    if asked and not (obliged and obliged.start() < asked.start()):
        return Kind.REQUEST
    if obliged:
        return Kind.DIRECTION if ANNOUNCES_DIRECTION.search(letter_text) else Kind.COMMITMENT
    m = FIRST_PERSON_WILL.search(body)
    if m and m.group("verb") not in {"want", "be", "need", "continue"}:
        return Kind.COMMITMENT
    return None


# (actor as role or body, person's name when known)
Actor = tuple[str | None, str | None]

OBLIGED_PARTY = re.compile(r"(?:^|,\s+)(?P<who>the [A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*|you|[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*)\s+(?:must|is required to|shall|will need to)\b")
ASKED_PARTY = re.compile(r"\bI (?:would (?:also )?like|ask|invite|request|expect|am asking|will be expecting) (?P<who>you|the [A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*|this|them|[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*) to\b")
DIRECTED_PARTY = re.compile(r"\b(?:direct\w*|ask(?:s|ed)?|invit\w*|requir\w*)\s+(?P<who>the [A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)\s+to\b")


def actor_of(kind: Kind, body: str, lead_in: str | None, deadline: Deadline | None, letter: LetterView,
             unit: Unit, previous_actor: str | None) -> Actor:
    """(actor as role or body, person's name when known) for the duty the text states."""
    if kind == Kind.APPOINTMENT:
        m = APPOINT_AS.search(body) or APPOINT_DASH.search(body)
        return m.group("role").strip(), " ".join(m.group("name").split())
    # The first way of naming the actor that the sentence uses decides; a rule that does not apply gives None.
    recommended = RECOMMENDED.search(body)
    found = (
        ((recommended.group("who"), None) if recommended else None)
        or _role_at_deadline(body, deadline)
        or _third_party(body, letter, unit, previous_actor)
        or _addressed(body, letter.metadata)
        or _asked(body, letter, unit, previous_actor)
        or _from_lead_in(lead_in, letter.metadata)
    )
    if found:
        return found
    if re.search(r"\b(?:I|[Ww]e)\b", body):
        return sender_actor(letter.metadata, plural=not re.search(r"\bI\b", body))
    return None, None


def _role_at_deadline(body: str, deadline: Deadline | None) -> Actor | None:
    """The party acting at the deadline, when the sentence names one ("with the Commissioner then, by …")."""
    if deadline is None or re.match(r"^I\b", body):
        return None
    roles = [m.group("role") for m in ROLE_BEFORE.finditer(body[: deadline.end])]
    return (f"the {roles[-1]}", None) if roles else None


def _third_party(body: str, letter: LetterView, unit: Unit, previous_actor: str | None) -> Actor | None:
    """'The Commissioner will report …'; 'She will …' is the actor named before; 'This review will …'
    is what 'this' refers to."""
    third = THIRD_PARTY_WILL.search(body)
    if not third:
        return None
    subject = third.group("subject")
    if subject in ("She", "He", "It", "They"):
        return previous_actor, None
    if DEMONSTRATIVE.match(body):
        ref = demonstrative_referent(letter.text, unit.start, _paragraph_start(letter.text, unit.start))
        if ref:
            return ref.means, None
    return (subject[0].lower() + subject[1:] if subject.startswith("The ") else subject), None


def _addressed(body: str, meta: LetterMetadata) -> Actor | None:
    """The party a command, an obligation or a 'please' binds: the addressee unless another is named."""
    if IMPERATIVE.match(body):  # "Submit a plan by …": the addressee acts
        return recipient_actor(meta)
    obliged = OBLIGED_PARTY.search(body)
    if obliged and not re.match(r"^(?:I|We)\b", body[: obliged.start()].strip() or "x"):
        who = obliged.group("who")
        return recipient_actor(meta) if who == "you" else (who, None)
    if re.match(r"^(?:[Pp]lease)\b", body) or re.search(r"\b[Pp]lease\b", body[:40]):
        return recipient_actor(meta)
    return None


def _asked(body: str, letter: LetterView, unit: Unit, previous_actor: str | None) -> Actor | None:
    """Whom the sender asks to act: 'I would like you to …', 'I invite the Panel to …', 'I would like this to …'."""
    asked = ASKED_PARTY.search(body)
    if not asked:
        return None
    who, meta = asked.group("who"), letter.metadata
    if who == "you":
        return recipient_actor(meta)
    if who in ("them", "him", "her"):
        return previous_actor, None
    if who == "this":
        means = antecedent(letter.text, unit.start, _paragraph_start(letter.text, unit.start), "study")
        return (means or "this work"), None
    return who, None


def _from_lead_in(lead_in: str | None, meta: LetterMetadata) -> Actor | None:
    """A list item's actor as its lead-in says: 'I am directing the Council to:', 'I will:', 'you should:'."""
    if lead_in is None:
        return None
    directed = DIRECTED_PARTY.search(lead_in)
    if directed:
        return directed.group("who"), None
    if re.search(r"\bI\b", lead_in) and not re.search(r"\byou\b", lead_in):
        return sender_actor(meta)
    return recipient_actor(meta)


def short(phrase: str | None, words_kept: int = 10) -> str | None:
    """An actor named by a long noun phrase, cut to its first words for tables and calendars."""
    if not phrase:
        return phrase
    parts = phrase.split()
    return phrase if len(parts) <= words_kept else " ".join(parts[:words_kept]).rstrip(",;") + " …"


def _paragraph_start(text: str, offset: int) -> int:
    return max(text.rfind("\n\n", 0, offset), 0)


def action_of(body: str) -> str:
    m = ACTION_VERBS.search(body)
    action = body[m.start():] if m and m.start() < len(body) * 0.6 else body
    return action.rstrip(" ;,.") if len(action) > 12 else body.rstrip(" ;,.")
