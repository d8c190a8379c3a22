"""Frames: who is bound to do what, for whom, by when — read from a sentence's dependency parse.

A frame is a predicate that binds someone: an obligation ("you should look to ensure …", "the Council
must …"), a commitment ("we will publish …", "I propose to engage …", "the documents will be available
… before recess"), or a request ("I would be grateful if the Committee would give …", "we would welcome
a response …", "I have asked Ed Humpherson … to make this point …"). Each frame knows its exact span,
its actor as written and which party that is (the sender for I/we, the recipient for you), the words of
its action, whom it is for, and its time (index.dates reads the words). The vocabulary of binding verbs
is in index.vocabulary; the parse is spaCy's (index.language).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum

from index.frame_parties import agent_of, recipients_of_verb, subject_of
from index.language import pipeline
from index.vocabulary import (
    ACTION_VERBS,
    BINDING_CUE,
    COMMITMENT_NOUNS,
    DEADLINE_DATES,
    DIRECTING_HEADS,
    DISCOURSE_VERBS,
    DUTY_NOUNS,
    ENABLING_VERBS,
    FUTURE_HEADS,
    GRATEFUL_WORDS,
    NOMINAL_REQUESTS,
    OBLIGATION_AUX,
    OBLIGATION_HEADS,
    ONGOING_HEADS,
    OPINION_NOUNS,
    PROPOSING_VERBS,
    REFERRING_VERBS,
    REQUEST_HEADS,
    SCHEDULING,
    STATIVE_VERBS,
    WILLING_ADJECTIVES,
)


class Binding(str, Enum):
    OBLIGATION = "obligation"  # must, should, is required to → a direction
    COMMITMENT = "commitment"  # will, plans to, is scheduled to → a commitment
    REQUEST = "request"  # asks, invites, would welcome, would be grateful if → a request


class Side(str, Enum):
    """Which side of the letter an actor is on."""

    SENDER = "sender"
    RECIPIENT = "recipient"


@dataclass(frozen=True)
class Frame:
    binding: Binding
    start: int  # the clause, as offsets into the text given to `frames`
    end: int
    verb: str  # the lemma of the bound action ("publish", "respond", "be")
    actor: str | None  # as written: "you", "the UK Statistics Authority", "the Committee"
    party: Side | None  # which party the actor is, when the letter makes it one
    recipients: tuple[str, ...] = ()  # "to the Committee" of a communicating verb, as written
    action_start: int = 0  # the action's words: the verb with what it governs
    action_end: int = 0

    def to_dict(self) -> dict:
        """The frame in plain values, as the store keeps it in JSON: enums by their value."""
        return asdict(self) | {"binding": self.binding.value, "party": self.party.value if self.party else None,
                               "recipients": list(self.recipients)}

    @classmethod
    def from_dict(cls, data: dict) -> Frame:
        """The frame `to_dict` gave, read back (JSON gives its recipients back as a list)."""
        return cls(**data | {"binding": Binding(data["binding"]), "party": Side(data["party"]) if data["party"] else None,
                             "recipients": tuple(data["recipients"])})


SENDER_WORDS = {"i", "we", "me", "us", "my", "our"}
OTHERS = {"you", "he", "she", "they"}  # who may speak of a duty in a letter besides its writer
RECIPIENT_WORDS = {"you", "your"}


def frames(text: str, offset: int = 0) -> list[Frame]:
    """The binding frames of one sentence (or list item) `text`; offsets are shifted by `offset`."""
    if not BINDING_CUE.search(text):
        return []  # no word that binds anyone: no need to parse
    doc = pipeline(parse=True)(text)
    out = []
    for token in doc:
        frame = _frame(token, offset)
        if frame is not None:
            out.append(frame)
    return out


def _frame(v, offset: int) -> Frame | None:
    if v.pos_ not in ("VERB", "AUX") or v.dep_ in ("aux", "auxpass"):
        return None
    binding, subject_from = _binding(v)
    if binding is None or v.lemma_.lower() in STATIVE_VERBS and not _binds_though_stative(v) or _refers(v) \
            or _opines(v) and binding != Binding.REQUEST:  # "we would welcome your views" asks for them
        return None
    if _reported(v) or v.lemma_.lower() in DISCOURSE_VERBS and _first_person(v):
        return None  # "I should also mention that …" is how the writer speaks
    if binding == Binding.COMMITMENT and any(c.dep_ == "neg" for t in (v, subject_from) if t is not None for c in t.children):
        return None  # "you will not be able to attend", "we will not publish": nothing to be done
    governed = _xcomp(v)
    if v.lemma_.lower() in OBLIGATION_HEADS | FUTURE_HEADS | REQUEST_HEADS | DIRECTING_HEADS and governed is not None \
            and not _refers(governed):
        return None  # "I propose to engage": the frame is the engaging
    actor = _enabled(v) or subject_of(subject_from)
    if subject_from is not v and any(c.dep_ == "auxpass" for c in v.children):
        # "Data … will continue to be published": what the governing verb's subject undergoes, not who acts.
        actor = agent_of(v)
    governor = v.head if v.dep_ in ("xcomp", "advcl", "acl") and v.head.i != v.i else v
    start, end = _clause(governor if governor.pos_ in ("VERB", "AUX") else v)
    act_start, act_end = _action(v)
    verb = "contact" if _in_touch(v) else v.lemma_.lower()
    return Frame(binding, start + offset, end + offset, verb, actor, _party(actor),
                 recipients_of_verb(v), act_start + offset, act_end + offset)


def _binding(v):
    """(binding, the token whose subject acts) for predicate `v`, or (None, None)."""
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    head = v.head if v.dep_ in ("xcomp", "ccomp", "advcl") else None
    passive = _passive_subject(head) if head is not None else None
    if passive is not None and head.lemma_.lower() in OBLIGATION_HEADS | DIRECTING_HEADS and v.dep_ == "xcomp":
        return Binding.OBLIGATION, passive  # "the Council is required to submit …": the Council is bound
    if passive is not None and head.lemma_.lower() in REQUEST_HEADS and v.dep_ == "xcomp":
        return Binding.REQUEST, passive  # "you are invited to give evidence …"
    if head is not None and head.lemma_.lower() in DIRECTING_HEADS:
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        return Binding.OBLIGATION, obj if obj is not None else head  # "directing the Council to take …"
    if head is not None and head.lemma_.lower() in REQUEST_HEADS:
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is None and v.dep_ == "xcomp" and head.lemma_.lower() in FUTURE_HEADS and _ahead(head):
            return Binding.COMMITMENT, head  # "we expect to lay the regulations …": a plan, no one asked
        if obj is None and v.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in v.children) \
                and ("to" in aux or v.lemma_.lower() in ACTION_VERBS and not _modal(v) - {"to"}):
            return Binding.REQUEST, v  # "I would ask that the Department publishes …", "I expect the Department to comply"
        if obj is None:
            return None, None  # "I would like to thank you": the writer's own wish asks no one
        if _modal(head) & {"will", "'ll", "shall"}:
            return Binding.COMMITMENT, head  # "we will invite Shan Morgan to attend …": the writer will ask
        return Binding.REQUEST, obj  # "I have asked Ed Humpherson … to make this point"
    if head is not None and head.lemma_ == "see" and v.dep_ == "ccomp" and head.dep_ == "xcomp" \
            and head.head.lemma_.lower() in REQUEST_HEADS and any(c.dep_ == "nsubj" for c in v.children):
        return Binding.REQUEST, v  # "we would like to see the Department set out a timetable …"
    if head is not None and v.dep_ == "advcl" and head.lemma_ == "be" and _grateful(head):
        return Binding.REQUEST, v  # "I would be grateful if the Committee would give …", "it would be helpful if …"
    if head is not None and v.dep_ == "xcomp" and head.lemma_ == "be" and _grateful(head) and v.lemma_ in RECEIVING:
        return Binding.REQUEST, None  # "I should be grateful to receive examples by …": the reader is asked
    if head is not None and v.dep_ == "xcomp" and head.lemma_ == "be" and v.i == head.i + 2 and v.nbor(-1).lower_ == "to" \
            and _agentive_subject(head):
        return Binding.COMMITMENT, head  # "the Department is to publish its response …"
    to_infinitive = v.dep_ == "xcomp" or v.dep_ == "advcl" and "to" in aux  # "look to ensure" as "need to ensure"
    if head is not None and v.dep_ == "xcomp" and head.lemma_.lower() in WILLING_ADJECTIVES:
        return Binding.COMMITMENT, head.head  # "I am content to give evidence …"
    if head is not None and to_infinitive and head.lemma_.lower() in FUTURE_HEADS and _modal(head) & OBLIGATION_AUX:
        return Binding.OBLIGATION, head  # "you should look to ensure …"
    if head is None and v.dep_ == "acl" and v.head.lemma_.lower() in COMMITMENT_NOUNS and "to" in aux:
        return Binding.COMMITMENT, v.head  # "the Government's commitment to report to Parliament before …"
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and not aux - {"to"}:
        return _binding(v.head)  # "… to report to Parliament …, and to produce an updated policy …"
    if aux & OBLIGATION_AUX and not (aux & OBLIGATION_AUX == {"shall"} and _first_person(v)):
        return Binding.OBLIGATION, v  # "the Council shall submit …" obliges; "we shall report …" promises
    if head is not None and to_infinitive and head.lemma_.lower() in OBLIGATION_HEADS:
        return Binding.OBLIGATION, head  # "is required to", "need to", "have to"
    if head is not None and to_infinitive and head.lemma_.lower() in FUTURE_HEADS and _ahead(head):
        return Binding.COMMITMENT, head  # "plan to", "intend to", "propose to", "is scheduled to"
    if aux & {"will", "'ll", "shall"}:
        return Binding.COMMITMENT, v
    if v.lemma_.lower() in ("welcome", "appreciate") and "would" in aux:
        return Binding.REQUEST, None  # "we would welcome a response": the recipient is asked
    if v.lemma_.lower() in NOMINAL_REQUESTS and any(c.dep_ == "dobj" for c in v.children) and v.dep_ == "ROOT":
        return Binding.REQUEST, None  # "the Committee requests a written update": of the recipient
    if _asks_for(v):
        return Binding.REQUEST, None  # "I would be grateful for a response by …", "I look forward to receiving …"
    committing = v.head.head if v.dep_ == "pcomp" and v.head.lower_ == "to" else None
    if committing is not None and committing.lemma_.lower() in FUTURE_HEADS and _ahead(committing) \
            and not any(c.lower_ == "forward" for c in committing.children):  # "look forward to meeting" promises nothing
        return Binding.COMMITMENT, committing  # "the Department has committed to publishing …"
    if v.dep_ == "ROOT" and any(c.lower_ == "please" for c in v.children):
        return Binding.REQUEST, None
    if _states_deadline(v):
        return Binding.REQUEST, None  # "the deadline for responses is 21 August": of the reader
    if _due(v) or _scheduled(v):
        return Binding.COMMITMENT, v  # "the report is due on 1 May", "are scheduled for publication on 12 May"
    return None, None


RECEIVING = frozenset({"receive", "have", "hear", "see"})


def _first_person(v) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in v.children)


def _agentive_subject(v) -> bool:
    """A subject that can act: a name ("the Department", "OSR") or a person ("we", "you"), not "the aim"."""
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in SENDER_WORDS | RECIPIENT_WORDS)


def _enabled(v) -> str | None:
    """'This will allow us to report …': the one enabled is who acts, not 'this'."""
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if v.lemma_.lower() not in ENABLING_VERBS or subject is None or subject.pos_ != "PRON" or subject.lower_ in SENDER_WORDS | OTHERS:
        return None
    enabled = next((g for c in v.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"), None)
    if enabled is None:
        enabled = next((c for c in v.children if c.dep_ in ("dobj", "dative")), None)
    return enabled.text if enabled is not None else None


def _passive_subject(v):
    """The subject of a passive verb ("the Council" of "the Council is required to …"), or None."""
    if not any(c.dep_ == "auxpass" for c in v.children):
        return None
    return next((c for c in v.children if c.dep_ == "nsubjpass"), None)


def _refers(v) -> bool:
    """'Take the actions set out in this letter', 'the actions I am directing the Council to take': an action
    that only points at duties stated elsewhere (they are frames of their own); what binds is the directing.
    Passive, what is taken is the subject: "a decision will be taken by the Board" binds the Board."""
    if v.lemma_.lower() not in REFERRING_VERBS:
        return False
    passive = _passive_subject(v)
    objects = [passive] if passive is not None else [c for c in v.children if c.dep_ == "dobj"]
    # "a number of actions", "the following steps": the duty noun may sit under a quantity
    named = {t.lemma_.lower() for o in objects for t in (o, *(p for c in o.children if c.dep_ == "prep" for p in c.children))}
    return not objects or bool(named & DUTY_NOUNS)


def _ahead(head) -> bool:
    """'We will continue to monitor' looks ahead; 'the Government continue to discuss' only says what is
    going on. Verbs of going on bind only with a future or modal auxiliary, or when someone is asked to."""
    if head.lemma_.lower() not in ONGOING_HEADS:
        return True
    if head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in REQUEST_HEADS | DIRECTING_HEADS:
        return True  # "I suggest our officials continue to discuss": asked to go on
    return bool(_modal(head) & {"will", "'ll", "shall", "must", "should", "would"})


def _modal(v) -> set[str]:
    return {c.lower_ for c in v.children if c.dep_ == "aux"}


def _reported(v) -> bool:
    """'You have suggested we invite …': a duty someone other than the writer proposed is their proposal,
    not a binding this letter makes."""
    node = v
    while node.head.i != node.i:
        node = node.head
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if node.lemma_.lower() in PROPOSING_VERBS and subject is not None and subject.lower_ in OTHERS:
            return True
    return False


def _opines(v) -> bool:
    """'You will share my view that …': an opinion for object states a view, not an action."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in OPINION_NOUNS for c in v.children)


def _grateful(be) -> bool:
    return any(c.lemma_.lower() in GRATEFUL_WORDS for c in be.children if c.dep_ == "acomp")


def _asks_for(v) -> bool:
    """'I would be grateful for a response by …', 'I look forward to receiving your reply': the writer
    asks the recipient for something, naming no verb of theirs."""
    if v.lemma_ == "be" and _grateful(v) and "would" in _modal(v):
        return any(p.lower_ == "for" for c in v.children if c.dep_ == "acomp" for p in c.children if p.dep_ == "prep")
    if v.lemma_ == "look" and any(c.lower_ == "forward" for c in v.children):
        return any(t.lemma_ in ("receive", "hear") for t in v.subtree if t.dep_ == "pcomp")
    return False


def _available(v) -> bool:
    """'will be available / published / ready': a stative verb that still binds at a time."""
    return v.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_ in ("available", "ready", "published") for c in v.children)


def _in_touch(v) -> bool:
    """'Will be in touch', 'will be in contact': to be in touch is to contact."""
    return v.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_ in ("touch", "contact") for o in c.children)
                                    for c in v.children)


def _binds_though_stative(v) -> bool:
    """'Will be available', 'would be grateful for', 'the deadline is', 'is due on': 'be' that still binds."""
    return _available(v) or _in_touch(v) or _asks_for(v) or _states_deadline(v) or _due(v)


def _states_deadline(v) -> bool:
    """'The deadline for responses is 21 August', 'the closing date is 30 June': a deadline stated as a fact."""
    if v.lemma_ != "be":
        return False
    subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    kinds = {c.lemma_.lower() for c in subject.children if c.dep_ in ("compound", "amod")}
    return subject.lemma_.lower() == "deadline" or subject.lemma_.lower() == "date" and bool(kinds & DEADLINE_DATES)


def _due(v) -> bool:
    """'The report is due on 1 May' (not 'is due to report', a plan read from its verb, nor 'due to', a cause)."""
    return v.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_ == "due" and not any(x.dep_ == "xcomp" or x.lower_ == "to" for x in c.children)
        for c in v.children)  # "this is due to the pandemic" is a cause


def _scheduled(v) -> bool:
    """'The statistics are scheduled for publication on 12 May': planned for an event, with no verb of doing."""
    return v.lemma_.lower() in SCHEDULING and _passive_subject(v) is not None and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in v.children)


def _xcomp(v):
    """The action a verb governs by a to-infinitive: 'plan to publish', 'look to ensure'."""
    return next((c for c in v.children if c.pos_ in ("VERB", "AUX") and (
        c.dep_ == "xcomp" or c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children))), None)


def _party(actor: str | None) -> Side | None:
    word = (actor or "").lower().split()
    if word and word[0] in SENDER_WORDS:
        return Side.SENDER
    if word and word[0] in RECIPIENT_WORDS:
        return Side.RECIPIENT
    return None


def _clause(v) -> tuple[int, int]:
    """Character span of the predicate's clause, leaving out clauses joined to it that bind on their own."""
    own = sorted((t for t in v.subtree if not _inside_other(t, v)), key=lambda t: t.i)
    while len(own) > 1 and (own[-1].is_punct or own[-1].dep_ == "cc"):
        own.pop()
    return own[0].idx, own[-1].idx + len(own[-1].text)


def _inside_other(t, v) -> bool:
    node = t
    while node.i != v.i:
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and _binding(node)[0]:
            return True
        if node.head.i == node.i:  # the root: `t` was not under `v` after all
            return False
        node = node.head
    return False


def _action(v) -> tuple[int, int]:
    """The verb and what it governs after it (objects, complements, particles)."""
    right = sorted((t for t in v.subtree if t.i >= v.i and not _inside_other(t, v)), key=lambda t: t.i)
    while len(right) > 1 and (right[-1].is_punct or right[-1].dep_ == "cc"):
        right.pop()
    return v.idx, right[-1].idx + len(right[-1].text)
