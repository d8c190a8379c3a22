"""The commitments ledger: who must do what, for whom, by when — extracted from the letters.

Each sentence or list item that directs, requests, commits or appoints becomes a record with its
actor, action, recipients and deadline (normalised against the letter's date), pointing at its
exact span. Cross-letter links — a date inferred from a covering letter, a deadline a later letter
extends, a request it withdraws, a duty two letters both state — are recomputed over the whole
ledger after every index run (no embedding involved), so nothing stale survives a change.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from enum import Enum

from index.canonical import BULLET_MARK
from index.dates import Deadline, Precision, find_deadlines, month_end, recurrence_of
from index.frames import Binding, Frame, Side, frames
from index.references import DEMONSTRATIVE, antecedent, demonstrative_referent
from index.segmenter import IMPERATIVE, Unit, UnitKind, segment
from index.text import STOPWORDS, stem, words
from index.vocabulary import ACTION_VERBS as ACTION_VERBS_SET


class Kind(str, Enum):
    DIRECTION = "direction"
    REQUEST = "request"
    COMMITMENT = "commitment"
    APPOINTMENT = "appointment"


class Status(str, Enum):
    CURRENT = "current"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


@dataclass
class Commitment:
    id: str
    kind: str
    actor: str | None
    actor_name: str | None
    action: str
    recipients: list[str]
    deadline: str | None
    deadline_text: str | None
    deadline_precision: str
    recurrence: str | None
    status: str
    superseded_by: str | None
    supersedes: str | None
    same_as: str | None
    source: str
    title: str
    letter_date: str | None
    letter_date_basis: str | None
    quote: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class LetterView:
    """What extraction needs of a letter."""

    source: str
    title: str
    text: str
    metadata: dict
    date: str | None = None
    date_basis: str | None = None
    units: list[Unit] = field(default_factory=list)


DIRECTING_LEAD_IN = re.compile(r"\b(?:direct\w*|require\w*|must)\b", re.I)
ASKING_LEAD_IN = re.compile(r"\b(?:ask(?:ing)?|invite|would like|request\w*)\s+(?:you|the [A-Z][\w' ]+)\s+to\b|\bthe next key actions\b|:\s*$", re.I)
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
NOT_DUTIES = re.compile(r"^(?:I am (?:copying|writing|pleased|grateful|clear|sure)|Thank you|I look forward|I know|I accept|It is)\b")
CHANGE = re.compile(r"\b(?:extended|moved|deferred|postponed|brought forward|changed|revised|now due|replaced|new deadline|instead of)\b", re.I)
WITHDRAW = re.compile(r"\b(?:(?:is|are|has been|have been|be)\s+(?:withdrawn|dropped|cancelled|rescinded)|no longer (?:require[sd]?|need(?:ed|s)?|necessary|expect(?:ed)?|ask(?:ing)?)|(?:is|are) not (?:now )?required|rescind\w*|cancel\w*)\b", re.I)
TO_LIST = re.compile(
    r"\b(?:report(?:s|ing)?|recommendations?|submit\w*|send\w*|sent|provid\w*|deliver\w*|representations|reach|note)\b[^.;]*?\bto\s+(?P<to>(?:me|you|your|the|him|her|[A-Z])[^.;]*?)(?=\s+(?:with|by|on|in|about|for|setting|within|no later|that|which|as|before|after|every|starting|must|again|jointly|should|will|monthly|quarterly|weekly|annually|each)\b|[.;:]|,\s+(?:by|with|in|on|no later|and\s+to|the first)\b|,\s+agreed\b|$)"
)
WITH_LIST = re.compile(r"\b(?:[Pp]rovide|[Ss]hare\s+[^.;]*?|[Ss]atisfy)\s+(?:it\s+)?(?:with\s+)?(?P<to>the [A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*)")
REACH_ME = re.compile(r"\b(?:send|reach|tell|give)\s+(?P<to>me|you)\b")
ROLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?P<role>[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*)\s+(?:then\b|who will\b|will\b|is to\b|must\b|to make\b)")


# An actor a letter does not name: better said than left out of a record, but no answer to "who?".
UNNAMED_SENDER, UNNAMED_RECIPIENT = "the sender", "the recipient"


def record_id(source: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{source}\x00{start}\x00{end}".encode()).hexdigest()[:16]


def recipient_body(metadata: dict) -> str | None:
    """The body the recipient writes for: 'Leader of Birmingham City Council' -> 'Birmingham City Council'."""
    if metadata.get("recipient_org"):
        return metadata["recipient_org"]
    role = metadata.get("recipient_role") or ""
    m = re.search(r"\b(?:of|,)\s+(?P<body>(?:the\s+)?[A-Z][\w'’ ]*(?:Council|Authority|Trust|Board|Department|Agency))\b", role)
    return m.group("body") if m else None


def resolve_party(phrase: str, letter: LetterView) -> str:
    """Name a party the way the letter makes it known: me -> the sender, your Council -> the Council."""
    p = phrase.strip().strip(",").strip()
    meta = letter.metadata
    p = re.sub(r"^(?:to|and)\s+", "", p)
    low = p.lower()
    if low in ("me", "us", "i", "myself"):
        return meta.get("sender") or UNNAMED_SENDER
    if low in ("you", "yourself"):
        return meta.get("recipient") or UNNAMED_RECIPIENT
    if low.startswith("your council") or low == "your authority":
        return recipient_body(meta) or "the Council"
    if low.startswith("your "):
        return p[5:]
    return p


def split_parties(text: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?(?:to\s+)?|\s+and\s+(?:to\s+)?", text)
    return [p for p in (x.strip() for x in parts) if p and p.lower() not in ("jointly", "both")]


def recipients_of(text: str, letter: LetterView) -> list[str]:
    found: list[str] = []
    for pattern in (TO_LIST, WITH_LIST, REACH_ME):
        for m in pattern.finditer(text):
            for part in split_parties(m.group("to")):
                name = resolve_party(part, letter)
                if name not in found and len(name.split()) <= 10:
                    found.append(name)
    return found


NEW_BEFORE_OLD = re.compile(r"^\W*(?:,\s*)?(?:rather than|instead of|and not|not)\b", re.I)


def change_dates(text: str, when: date | None) -> tuple[Deadline | None, Deadline | None]:
    """(old, new) deadline of a sentence that changes one: "from 30 September to 30 November",
    "now due by 30 June rather than by the end of May", "the new deadline is …"."""
    stated = [d for d in find_deadlines(text, when) if d.stated]
    if not stated:
        return None, None
    if len(stated) == 1:
        return None, stated[0]
    first, second = stated[0], stated[1]
    between = text[first.end : second.start]
    if NEW_BEFORE_OLD.match(between) or re.match(r"^\W*(?:rather than|instead of)", text[first.end : second.start + len(second.text)], re.I):
        return second, first
    return first, second


def classify(text: str, lead_in: str | None, letter_text: str) -> Kind | None:
    body = BULLET_MARK.sub("", text)
    if APPOINT_AS.search(body) or APPOINT_DASH.search(body):
        return Kind.APPOINTMENT
    if NOT_DUTIES.match(body):
        return None
    if WITHDRAW.search(body):
        return Kind.REQUEST  # the kind of what it withdraws is set when the two are linked
    if CHANGE.search(body) and any(d.stated for d in find_deadlines(body, None)):
        return Kind.DIRECTION  # likewise for a changed deadline
    if lead_in is not None and not THIRD_PARTY_WILL.match(body):
        if DIRECTING_LEAD_IN.search(lead_in):
            return Kind.DIRECTION
        if ASKING_LEAD_IN.search(lead_in):
            if re.search(r"\bI plan to\b|\bI will\b|next key actions", lead_in):
                return Kind.COMMITMENT
            return Kind.DIRECTION if ANNOUNCES_DIRECTION.search(letter_text) else Kind.REQUEST
    if re.search(r"\bI (?:am|will be) directing\b|\bI direct\b", body):
        return Kind.DIRECTION
    if IMPERATIVE.match(body) and any(d.stated for d in find_deadlines(body, None)):
        return Kind.DIRECTION  # an action with its deadline, as in a table of actions
    asked, obliged = REQUEST.search(body), OBLIGATION.search(body) or THIRD_PARTY_WILL.search(body)
    if asked and not (obliged and obliged.start() < asked.start()):
        return Kind.REQUEST
    if obliged:
        return Kind.DIRECTION if ANNOUNCES_DIRECTION.search(letter_text) else Kind.COMMITMENT
    m = FIRST_PERSON_WILL.search(body)
    if m and m.group("verb") not in {"want", "be", "need", "continue"}:
        return Kind.COMMITMENT
    return None


def actor_of(kind: Kind, body: str, lead_in: str | None, deadline: Deadline | None, letter: LetterView,
             unit: Unit, previous_actor: str | None) -> tuple[str | None, str | None]:
    """(actor as role or body, person's name when known) for the duty the text states."""
    meta = letter.metadata
    sender, sender_role = meta.get("sender"), meta.get("sender_role")
    body_name = recipient_body(meta)
    if kind == Kind.APPOINTMENT:
        m = APPOINT_AS.search(body) or APPOINT_DASH.search(body)
        return m.group("role").strip(), " ".join(m.group("name").split())
    # The party acting at the deadline, when the sentence names one ("with the Commissioner then, by …").
    window = body[: deadline.end] if deadline else body
    roles = [m for m in ROLE_BEFORE.finditer(window) if m.group("role") not in ("Council",)] if deadline else []
    if roles and not re.match(r"^I\b", body):
        return f"the {roles[-1].group('role')}", None
    third = THIRD_PARTY_WILL.search(body)
    if third:
        subject = third.group("subject")
        if subject in ("She", "He", "It", "They"):
            return previous_actor, None
        if DEMONSTRATIVE.match(body):
            ref = demonstrative_referent(letter.text, unit.start, _paragraph_start(letter.text, unit.start))
            if ref:
                return ref.means, None
        return subject[0].lower() + subject[1:] if subject.startswith("The ") else subject, None
    if IMPERATIVE.match(body):  # "Submit a plan by …": the addressee acts
        return ("the Council" if body_name and "Council" in body_name else body_name or meta.get("recipient")), None
    obliged = re.search(r"(?:^|,\s+)(?P<who>the [A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*|you|[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*)\s+(?:must|is required to|shall|will need to)\b", body)
    if obliged and not re.match(r"^(?:I|We)\b", body[: obliged.start()].strip() or "x"):
        who = obliged.group("who")
        if who == "you":
            return ("the Council" if body_name else meta.get("recipient")), None
        return who, None
    if re.match(r"^(?:[Pp]lease)\b", body) or re.search(r"\b[Pp]lease\b", body[:40]):
        return ("the Council" if body_name else meta.get("recipient") or UNNAMED_RECIPIENT), None
    liked = re.search(r"\bI (?:would (?:also )?like|ask|invite|request|expect|am asking|will be expecting) (?P<who>you|the [A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*|this|them|[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*) to\b", body)
    if liked:
        who = liked.group("who")
        if who == "you":
            return (body_name and "the Council") or meta.get("recipient_role") or meta.get("recipient") or UNNAMED_RECIPIENT, None if body_name else meta.get("recipient")
        if who in ("them", "him", "her"):
            return previous_actor, None
        if who == "this":
            means = antecedent(letter.text, unit.start, _paragraph_start(letter.text, unit.start), "study")
            return (means or "this work"), None
        return who, None
    if lead_in is not None:
        directed = re.search(r"\bdirect\w*\s+(?P<who>the [A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)\s+to\b", lead_in)
        if directed:
            return directed.group("who"), None
        if re.search(r"\bI\b", lead_in) and not re.search(r"\byou\b", lead_in):
            return sender_role or sender or UNNAMED_SENDER, sender
        return ("the Council" if body_name else meta.get("recipient") or UNNAMED_RECIPIENT), None
    if re.search(r"\b(?:I|[Ww]e)\b", body):
        return sender_role or sender or UNNAMED_SENDER, sender
    return None, None


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


def extract(letter: LetterView) -> list[Commitment]:
    """Ledger records stated in one letter, read against its (stated or inferred) date."""
    text = letter.text
    units = letter.units or segment(text)
    when = date.fromisoformat(letter.date) if letter.date else None
    records: list[Commitment] = []
    previous_actor: str | None = None
    for unit in units:
        if unit.kind == UnitKind.LINE:
            continue
        raw = text[unit.start : unit.end]
        bullet = BULLET_MARK.match(raw)
        start = unit.start + (bullet.end() if bullet else 0)
        body = text[start : unit.end]
        lead_in = text[unit.lead_in : unit.start].split("\n")[0] if unit.lead_in is not None else None
        kind = classify(body, lead_in, text)
        if kind is None:
            records += frame_records(body, start, letter, when)
            continue
        deadlines = find_deadlines(body, when)
        stated = [d for d in deadlines if d.stated]
        if kind != Kind.APPOINTMENT and not deadlines and not ACTION_VERBS.search(body):
            records += frame_records(body, start, letter, when)
            continue
        if CHANGE.search(body) and stated:
            deadline = change_dates(body, when)[1]
        else:
            deadline = stated[0] if stated else (deadlines[0] if deadlines else None)
        actor, actor_name = actor_of(kind, body, lead_in, deadline, letter, unit, previous_actor)
        actor = short(actor)
        previous_actor = actor or previous_actor
        recurrence = recurrence_of(body)
        first_due = deadline.date if deadline else None
        if recurrence and deadline and deadline.precision == Precision.MONTH and first_due:
            first_due = month_end(first_due.year, first_due.month)
        if any(r.start == start and r.end == unit.end for r in records):
            continue
        records.append(
            Commitment(
                id=record_id(letter.source, start, unit.end), kind=kind.value, actor=actor, actor_name=actor_name,
                # A list item is an imperative ("submit a plan …"): the whole item is the action.
                action=body.rstrip(" ;,.") if unit.lead_in is not None else action_of(body),
                recipients=recipients_of(body, letter),
                deadline=first_due.isoformat() if first_due else None,
                deadline_text=deadline.text if deadline else None,
                deadline_precision=(deadline.precision.value if deadline else Precision.NONE.value),
                recurrence=recurrence, status=Status.CURRENT.value, superseded_by=None, supersedes=None, same_as=None,
                source=letter.source, title=letter.title, letter_date=letter.date, letter_date_basis=letter.date_basis,
                quote=body, start=start, end=unit.end,
            )
        )
    return records


# -- from frames ---------------------------------------------------------------------------------
KIND_OF = {Binding.OBLIGATION: Kind.DIRECTION, Binding.COMMITMENT: Kind.COMMITMENT, Binding.REQUEST: Kind.REQUEST}


def frame_records(body: str, start: int, letter: LetterView, when: date | None) -> list[Commitment]:
    """Records from the frames of a sentence no duty pattern matched: each binding of someone to an action
    with a time (a date, a period, "later in the year", a recurrence), and each binding of the sender or
    the recipient themselves ("we will publish …", "you should ensure …") to an action an official tracks."""
    out: list[Commitment] = []
    if body.rstrip().endswith(":"):
        return out  # a lead-in: the duties are its list's items
    for frame in frames(body, start):
        if any(r.start == frame.start and r.end == frame.end for r in out):
            continue  # two actions under one governing verb: one record for the clause
        clause = letter.text[frame.start : frame.end]
        recurrence = recurrence_of(clause)
        # "advertising from today" starts something; only a recurring duty is first due at its start.
        deadlines = [d for d in find_deadlines(clause, when) if recurrence or not d.text.lower().startswith("from")]
        stated = [d for d in deadlines if d.stated]
        # "We should explore …", "we need to work together …": the sender exhorting itself binds no one.
        exhortation = frame.binding == Binding.OBLIGATION and frame.party == Side.SENDER
        undated_duty = (frame.party is not None or names_agent(frame.actor)) and frame.verb in ACTION_VERBS_SET \
            and not exhortation
        if not (stated or recurrence or undated_duty):
            continue
        actor, actor_name = frame_actor(frame, letter)
        deadline = stated[0] if stated else (deadlines[0] if deadlines else None)
        out.append(Commitment(
            id=record_id(letter.source, frame.start, frame.end), kind=KIND_OF[frame.binding].value,
            actor=short(actor), actor_name=actor_name, action=letter.text[frame.action_start : frame.action_end],
            recipients=[resolve_party(r, letter) for r in frame.recipients],
            deadline=deadline.date.isoformat() if deadline and deadline.date else None,
            deadline_text=deadline.text if deadline else None,
            deadline_precision=deadline.precision.value if deadline else Precision.NONE.value,
            recurrence=recurrence, status=Status.CURRENT.value, superseded_by=None, supersedes=None, same_as=None,
            source=letter.source, title=letter.title, letter_date=letter.date, letter_date_basis=letter.date_basis,
            quote=clause, start=frame.start, end=frame.end,
        ))
    return out


def names_agent(actor: str | None) -> bool:
    """A noun phrase that names someone who can act: a named body or person ("the UK Statistics
    Authority", "Ed Humpherson", "DoH statisticians"), not "this", "it", "the documents"."""
    if not actor:
        return False
    head = actor.split()[-1]
    return actor.split()[0].lower() not in NOT_AGENTS and (head[:1].isupper() or any(w[:1].isupper() for w in actor.split()[:2]))


NOT_AGENTS = frozenset("this that these those it they which who what there here such".split())


def frame_actor(frame: Frame, letter: LetterView) -> tuple[str | None, str | None]:
    """(actor as post or body, person's name) — "I"/"we" are the sender, "you" the recipient."""
    meta = letter.metadata
    if frame.party == Side.SENDER:
        return meta.get("sender_role") or meta.get("sender_org") or meta.get("sender") or UNNAMED_SENDER, meta.get("sender")
    if frame.party == Side.RECIPIENT:
        body = recipient_body(meta)
        return body or meta.get("recipient_role") or meta.get("recipient") or UNNAMED_RECIPIENT, meta.get("recipient")
    return frame.actor, None


# -- across letters ------------------------------------------------------------------------------
WRITTEN_TODAY = re.compile(r"\bI have (?:today|also today|this day) written to (?P<who>[^.]{3,200}?)(?:,\s*to\b|\.|\s+to\s+(?:set|make|explain|confirm))", re.I)
ATTACHED = re.compile(r"\bI (?:attach|enclose) a copy of (?:that|the|my) letter\b", re.I)


def infer_dates(letters: list[LetterView]) -> list[LetterView]:
    """An undated covering letter ('I have today written to …; I attach a copy') takes that letter's date."""
    out = []
    for letter in letters:
        if letter.date is None:
            m = WRITTEN_TODAY.search(letter.text)
            if m and ATTACHED.search(letter.text):
                named = set(words(m.group("who"))) - STOPWORDS
                for other in letters:
                    if other is letter or not other.date:
                        continue
                    about = set(words(" ".join(filter(None, (other.metadata.get("recipient"), other.metadata.get("recipient_role"))))))
                    if about and len(named & about - {"councillor", "sir", "leader", "council"}) >= 1:
                        letter = replace(letter, date=other.date, date_basis="inferred")
                        break
        elif letter.date_basis is None:
            letter = replace(letter, date_basis="stated")
        out.append(letter)
    return out


def _terms(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 2}


def _similar(a: Commitment, b: Commitment) -> float:
    ta, tb = _terms(a.quote), _terms(b.quote)
    return len(ta & tb) / max(1, min(len(ta), len(tb)))


def _order(letter_date: str | None) -> str:
    return letter_date or "9999"


def _seniority(r: Commitment) -> tuple[str, bool, str]:
    """Earlier letters first; of two with the same date, the one that states its date."""
    return (_order(r.letter_date), r.letter_date_basis != "stated", r.source)


def _letter_day(record: Commitment) -> date | None:
    return date.fromisoformat(record.letter_date) if record.letter_date else None


def _group(record: Commitment, records: list[Commitment]) -> list[Commitment]:
    """A record and every record stating the same duty in another letter."""
    return [r for r in records if r is record or r.same_as == record.id or record.same_as == r.id]


def link(records: list[Commitment]) -> list[Commitment]:
    """Same-duty, supersession and withdrawal links across letters (records are updated in place)."""
    changes = [r for r in records if WITHDRAW.search(r.quote) or (CHANGE.search(r.quote) and r.deadline)]
    plain = [r for r in records if r not in changes]
    for r in plain:
        for other in sorted(plain, key=_seniority):
            if other is r or other.source == r.source or not r.deadline:
                continue
            if other.deadline == r.deadline and _similar(other, r) >= 0.3:
                r.same_as = other.id
                break
    for later in sorted(changes, key=_seniority):
        earlier = [r for r in records if r.source != later.source and _seniority(r) <= _seniority(later)]
        withdrawing = bool(WITHDRAW.search(later.quote))
        if withdrawing:
            pool = earlier
        else:
            before, _ = change_dates(later.quote, _letter_day(later))
            old = before.date.isoformat() if before and before.date else None
            pool = [r for r in earlier if r.deadline and (old is None or r.deadline == old) and r.status == Status.CURRENT.value]
        match = max(pool, key=lambda r: _similar(r, later), default=None)
        if not match or _similar(match, later) < (0.4 if withdrawing or not pool or not old else 0.2):
            continue
        status = Status.WITHDRAWN if withdrawing else Status.SUPERSEDED
        for r in _group(match, records):
            r.status, r.superseded_by = status.value, later.id
        later.supersedes = match.id
        later.kind, later.actor, later.actor_name = match.kind, match.actor, match.actor_name
        # The duty is the earlier one's; its old deadline words no longer apply.
        cut = " ".join(match.action.replace(match.deadline_text or "\0", "").split())
        later.action = re.sub(r"\s*,(?:\s*,)+", ",", cut).replace(" ,", ",")
        later.recipients = later.recipients or match.recipients
        if withdrawing:
            later.status = Status.WITHDRAWN.value
    return records


def name_actors(records: list[Commitment], texts: dict[str, str]) -> None:
    """Give an actor its person's name when an appointment makes it known: one in the same letter,
    else one whose appointee the letter itself names."""
    appointed = [r for r in records if r.kind == Kind.APPOINTMENT.value and r.actor and r.actor_name]
    for r in records:
        if r.actor_name or not r.actor or r.kind == Kind.APPOINTMENT.value:
            continue
        role = set(words(r.actor.lower().removeprefix("the "))) - STOPWORDS
        fits = [a for a in appointed if role and role <= set(words(a.actor.lower()))]
        local = {a.actor_name for a in fits if a.source == r.source}
        named = {a.actor_name for a in fits if a.actor_name in texts.get(r.source, "")}
        for pool in (local, named):
            if len(pool) == 1:
                r.actor_name = pool.pop()
                break


def build_ledger(letters: list[LetterView]) -> list[Commitment]:
    """The whole ledger from every committed letter: dates inferred, records extracted, links made."""
    dated = infer_dates(letters)
    records = [r for letter in dated for r in extract(letter)]
    name_actors(records, {letter.source: letter.text for letter in dated})
    return link(records)
