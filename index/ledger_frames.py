"""Ledger records from the frames of a sentence (index.frames): duties no pattern of
index.ledger_sentences states, read from the parse — "we will publish …", "you should ensure …"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from index.deadlines import Deadline, duty_deadlines, principal
from index.frames import Binding, Frame, Side, frames
from index.ledger_parties import recipient_actor, resolve_party, sender_actor
from index.ledger_records import LetterView, new_record
from index.ledger_sentences import Actor, short
from index.model import Commitment, Kind
from index.parties import ORG_WORDS, PERSON_NAME, POST_WORDS
from index.recurrence import recurrence_of
from index.vocabulary import ACTION_VERBS as ACTION_VERBS_SET
from index.vocabulary import AGENT_GROUP

KIND_OF = {Binding.OBLIGATION: Kind.DIRECTION, Binding.COMMITMENT: Kind.COMMITMENT, Binding.REQUEST: Kind.REQUEST}


def frame_records(body: str, start: int, letter: LetterView, when: date | None) -> list[Commitment]:
    """Records from the frames of a sentence no duty pattern matched: each binding of someone to an action
    with a time (a date, a period, "later in the year", a recurrence), and each binding of the sender or
    the recipient themselves ("we will publish …", "you should ensure …") to an action an official tracks."""
    out: list[Commitment] = []
    if body.rstrip().endswith(":"):
        return out  # a lead-in: the duties are its list's items
    for frame in _frames_of(body, start, letter):
        if any(r.start == frame.start and r.end == frame.end for r in out):
            continue  # two actions under one governing verb: one record for the clause
        clause = letter.text[frame.start : frame.end]
        recurrence = recurrence_of(clause)
        # "advertising from today" starts something; only a recurring duty is first due at its start.
        deadlines = [d for d in duty_deadlines(clause, when) if recurrence or not d.text.lower().startswith("from")]
        if any(d.stated for d in deadlines) or recurrence or _undated_duty(frame):
            out.append(_record(frame, letter, principal(deadlines), recurrence))
    # "… a second piece of work, reporting in December, which will look at …": a clause describing what another
    # of the sentence's duties concerns is part of that duty, not one of its own
    bound = [r for r in out if (r.actor or "").lower() not in RELATIVE_PRONOUNS]
    return bound or out


RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})


def first_frame(body: str, start: int, letter: LetterView) -> Frame | None:
    """The sentence's first frame, read once for both its actor and whom it reaches."""
    return next(iter(_frames_of(body, start, letter)), None)


def framed_recipients(frame: Frame | None, letter: LetterView) -> list[str]:
    """Whom the frame reaches, as the letter names them ("we will invite Shan Morgan to …")."""
    return [p for p in (resolve_party(r, letter) for r in frame.recipients) if p] if frame else []


def framed_actor(frame: Frame | None, letter: LetterView) -> Actor | None:
    """Who the frame binds, when that is a party of the letter or someone named."""
    if frame is None or frame.party is None and not names_agent(frame.actor):
        return None
    return frame_actor(frame, letter)


def _frames_of(body: str, start: int, letter: LetterView) -> Sequence[Frame]:
    """The sentence's frames as the indexer stored them; parsed here only when the letter has none stored
    (or none for this span: the letter was segmented differently when it was stored)."""
    stored = letter.frames.get((start, start + len(body))) if letter.frames is not None else None
    return stored if stored is not None else frames(body, start)


def _undated_duty(frame: Frame) -> bool:
    """A party, or someone named, bound to an action an official tracks even without a time."""
    # "We should explore …", "we need to work together …": the sender exhorting itself binds no one.
    exhortation = frame.binding == Binding.OBLIGATION and frame.party == Side.SENDER
    return (frame.party is not None or names_agent(frame.actor)) and frame.verb in ACTION_VERBS_SET and not exhortation


def _record(frame: Frame, letter: LetterView, deadline: Deadline | None, recurrence: str | None) -> Commitment:
    actor, actor_name = frame_actor(frame, letter)
    return new_record(
        letter, KIND_OF[frame.binding], frame.start, frame.end, actor=short(actor), actor_name=actor_name,
        action=letter.text[frame.action_start : frame.action_end],
        recipients=[p for p in (resolve_party(r, letter) for r in frame.recipients) if p],
        deadline=deadline, due=deadline.date if deadline else None, recurrence=recurrence,
    )


def names_agent(actor: str | None) -> bool:
    """A noun phrase that names someone who can act: a named body or person ("the Statistics Authority",
    "Ed Smith", "the Department's statisticians", "OSR"), not "this", "it", "the documents"."""
    if not actor or actor.split()[0].lower() in NOT_AGENTS:
        return False
    bare = re.sub(r"^(?:the|a|an|our|your|their)\s+", "", actor, flags=re.I)
    # "the department", "the council": letters write bodies in lower case too
    return bool(PERSON_NAME.match(bare) or POST_WORDS.search(bare) or ORG_WORDS.search(bare.title()) or AGENT_GROUP.search(bare)
                or ACRONYM.match(bare))


ACRONYM = re.compile(r"^[A-Z]{2,6}(?:['’]s)?$")  # "OSR", "DWP", "ONS's": a body by its initials


NOT_AGENTS = frozenset("this that these those it they which who what there here such".split())


def frame_actor(frame: Frame, letter: LetterView) -> Actor:
    """(actor as post or body, person's name) — "I" is the sender, "we" the sender's body when the letter
    names it (else the sender), "you" the recipient; "my officials", "your team" are those people."""
    meta = letter.metadata
    words = (frame.actor or "").split()
    if len(words) > 1 and words[0].lower() in ("my", "our", "your") and AGENT_GROUP.search(frame.actor):
        return " ".join(words[1:]), None
    if frame.party == Side.SENDER:
        return sender_actor(meta, plural=words[0].lower() in ("we", "us"))
    if frame.party == Side.RECIPIENT:
        return recipient_actor(meta)
    return frame.actor, None
