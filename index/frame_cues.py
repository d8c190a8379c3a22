"""What in a sentence's parse binds someone: tests on one token and its children that index.frames
combines — a passive's subject, a verb that only points at duties stated elsewhere, a modal, gratitude
that asks, a stative verb that still binds ("will be available", "is due on")."""

from __future__ import annotations

from index.vocabulary import (
    DEADLINE_DATES,
    DIRECTING_HEADS,
    DUTY_NOUNS,
    ENABLING_VERBS,
    GRATEFUL_WORDS,
    ONGOING_HEADS,
    OPINION_NOUNS,
    PROPOSING_VERBS,
    REFERRING_VERBS,
    REQUEST_HEADS,
    SCHEDULING,
)

SENDER_WORDS = {"i", "we", "me", "us", "my", "our"}
OTHERS = {"you", "he", "she", "they"}  # who may speak of a duty in a letter besides its writer
RECIPIENT_WORDS = {"you", "your"}


def first_person(v) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in v.children)


def agentive_subject(v) -> bool:
    """A subject that can act: a name ("the Department", "OSR") or a person ("we", "you"), not "the aim"."""
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in SENDER_WORDS | RECIPIENT_WORDS)


def enabled(v) -> str | None:
    """'This will allow us to report …': the one enabled is who acts, not 'this'."""
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if v.lemma_.lower() not in ENABLING_VERBS or subject is None or subject.pos_ != "PRON" or subject.lower_ in SENDER_WORDS | OTHERS:
        return None
    enabled = next((g for c in v.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"), None)
    if enabled is None:
        enabled = next((c for c in v.children if c.dep_ in ("dobj", "dative")), None)
    return enabled.text if enabled is not None else None


def passive_subject(v):
    """The subject of a passive verb ("the Council" of "the Council is required to …"), or None."""
    if not any(c.dep_ == "auxpass" for c in v.children):
        return None
    return next((c for c in v.children if c.dep_ == "nsubjpass"), None)


def refers(v) -> bool:
    """'Take the actions set out in this letter', 'the actions I am directing the Council to take': an action
    that only points at duties stated elsewhere (they are frames of their own); what binds is the directing.
    Passive, what is taken is the subject: "a decision will be taken by the Board" binds the Board."""
    if v.lemma_.lower() not in REFERRING_VERBS:
        return False
    passive = passive_subject(v)
    objects = [passive] if passive is not None else [c for c in v.children if c.dep_ == "dobj"]
    # "a number of actions", "the following steps": the duty noun may sit under a quantity
    named = {t.lemma_.lower() for o in objects for t in (o, *(p for c in o.children if c.dep_ == "prep" for p in c.children))}
    return not objects or bool(named & DUTY_NOUNS)


def ahead(head) -> bool:
    """'We will continue to monitor' looks ahead; 'the Government continue to discuss' only says what is
    going on. Verbs of going on bind only with a future or modal auxiliary, or when someone is asked to."""
    if head.lemma_.lower() not in ONGOING_HEADS:
        return True
    if head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in REQUEST_HEADS | DIRECTING_HEADS:
        return True  # "I suggest our officials continue to discuss": asked to go on
    return bool(modal(head) & {"will", "'ll", "shall", "must", "should", "would"})


def modal(v) -> set[str]:
    return {c.lower_ for c in v.children if c.dep_ == "aux"}


def reported(v) -> bool:
    """'You have suggested we invite …': a duty someone other than the writer proposed is their proposal,
    not a binding this letter makes."""
    node = v
    while node.head.i != node.i:
        node = node.head
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if node.lemma_.lower() in PROPOSING_VERBS and subject is not None and subject.lower_ in OTHERS:
            return True
    return False


def opines(v) -> bool:
    """'You will share my view that …': an opinion for object states a view, not an action."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in OPINION_NOUNS for c in v.children)


def grateful(be) -> bool:
    return any(c.lemma_.lower() in GRATEFUL_WORDS for c in be.children if c.dep_ == "acomp")


def asks_for(v) -> bool:
    """'I would be grateful for a response by …', 'I look forward to receiving your reply': the writer
    asks the recipient for something, naming no verb of theirs."""
    if v.lemma_ == "be" and grateful(v) and "would" in modal(v):
        return any(p.lower_ == "for" for c in v.children if c.dep_ == "acomp" for p in c.children if p.dep_ == "prep")
    if v.lemma_ == "look" and any(c.lower_ == "forward" for c in v.children):
        return any(t.lemma_ in ("receive", "hear") for t in v.subtree if t.dep_ == "pcomp")
    return False


def available(v) -> bool:
    """'will be available / published / ready': a stative verb that still binds at a time."""
    return v.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_ in ("available", "ready", "published") for c in v.children)


def in_touch(v) -> bool:
    """'Will be in touch', 'will be in contact': to be in touch is to contact."""
    return v.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_ in ("touch", "contact") for o in c.children)
                                    for c in v.children)


def binds_though_stative(v) -> bool:
    """'Will be available', 'would be grateful for', 'the deadline is', 'is due on': 'be' that still binds."""
    return available(v) or in_touch(v) or asks_for(v) or states_deadline(v) or due(v)


def states_deadline(v) -> bool:
    """'The deadline for responses is 21 August', 'the closing date is 30 June': a deadline stated as a fact."""
    if v.lemma_ != "be":
        return False
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    kinds = {c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "amod")}
    return subject.lemma_.lower() == "deadline" or subject.lemma_.lower() == "date" and bool(kinds & DEADLINE_DATES)


def due(v) -> bool:
    """'The report is due on 1 May' (not 'is due to report', a plan read from its verb, nor 'due to', a cause)."""
    return v.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_ == "due" and not any(x.dep_ == "xcomp" or x.lower_ == "to" for x in c.children)
        for c in v.children)  # "this is due to the pandemic" is a cause


def scheduled(v) -> bool:
    """'The statistics are scheduled for publication on 12 May': planned for an event, with no verb of doing."""
    return v.lemma_.lower() in SCHEDULING and passive_subject(v) is not None and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in v.children)


def xcomp(v):
    """The action a verb governs by a to-infinitive: 'plan to publish', 'look to ensure'."""
    return next((c for c in v.children if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children))), None)
