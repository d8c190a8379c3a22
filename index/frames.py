"""Frames: who is bound to do what, for whom, by when — read from a sentence's dependency parse.

A frame is a predicate that binds someone: an obligation ("you should look to ensure …", "the Council
must …"), a commitment ("we will publish …", "I propose to engage …", "the documents will be available
… before recess"), or a request ("I would be grateful if the Committee would give …", "we would welcome
a response …", "I have asked Ed Humpherson … to make this point …"). Each frame knows its exact span,
its actor as written and which party that is (the sender for I/we, the recipient for you), the words of
its action, whom it is for, and its time (index.deadlines reads the words). The vocabulary of binding verbs
is in index.vocabulary, the tests on single tokens in index.frame_cues; the parse is spaCy's (index.language).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum

from index.frame_cues import (
    RECIPIENT_WORDS,
    SENDER_WORDS,
    agentive_subject,
    ahead,
    asks_for,
    binds_though_stative,
    due,
    enabled,
    first_person,
    grateful,
    in_touch,
    modal,
    opines,
    passive_subject,
    refers,
    reported,
    scheduled,
    states_deadline,
    xcomp,
)
from index.frame_parties import agent_of, phrase_of, recipients_of_verb, subject_of
from index.language import pipeline
from index.vocabulary import (
    ACTION_VERBS,
    BINDING_CUE,
    COMMITMENT_NOUNS,
    DIRECTING_HEADS,
    DISCOURSE_VERBS,
    FUTURE_HEADS,
    GETTING_VERBS,
    NOMINAL_REQUESTS,
    OBLIGATION_AUX,
    OBLIGATION_HEADS,
    REQUEST_HEADS,
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
    if binding is None or v.lemma_.lower() in STATIVE_VERBS and not binds_though_stative(v) or refers(v) \
            or opines(v) and binding != Binding.REQUEST:  # "we would welcome your views" asks for them
        return None
    if reported(v) or v.lemma_.lower() in DISCOURSE_VERBS and first_person(v):
        return None  # "I should also mention that …" is how the writer speaks
    if binding == Binding.COMMITMENT and any(c.dep_ == "neg" for t in (v, subject_from) if t is not None for c in t.children):
        return None  # "you will not be able to attend", "we will not publish": nothing to be done
    governed = xcomp(v)
    if v.lemma_.lower() in OBLIGATION_HEADS | FUTURE_HEADS | REQUEST_HEADS | DIRECTING_HEADS and governed is not None \
            and not refers(governed) and not promises_to_ask(v):
        return None  # "I propose to engage": the frame is the engaging
    actor = enabled(v) or subject_of(subject_from)
    if subject_from is not v and any(c.dep_ == "auxpass" for c in v.children):
        # "Data … will continue to be published": what the governing verb's subject undergoes, not who acts.
        actor = agent_of(v)
    governor = v.head if v.dep_ in ("xcomp", "advcl", "acl") and v.head.i != v.i else v
    start, end = _clause(governor if governor.pos_ in ("VERB", "AUX") else v)
    act_start, act_end = _action(v)
    verb = "contact" if in_touch(v) else v.lemma_.lower()
    asked = (phrase_of(asked_object(v)),) if promises_to_ask(v) else ()
    return Frame(binding, start + offset, end + offset, verb, actor, _party(actor),
                 recipients_of_verb(v) + asked, act_start + offset, act_end + offset)


Found = tuple  # (binding or None, the token whose subject acts): what one way of binding makes of a predicate


def _binding(v) -> Found:
    """(binding, the token whose subject acts) for predicate `v`, or (None, None). The ways are tried in
    order: someone asked or directed by a governing verb, a plan or obligation, a request naming no verb."""
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    head = v.head if v.dep_ in ("xcomp", "ccomp", "advcl") else None
    found = _asked_or_directed(v, head, aux) if head is not None else None
    if found is None:
        found = _planned_or_obliged(v, head, aux)
    return found if found is not None else _asked_for(v, aux)


def _asked_or_directed(v, head, aux: set[str]) -> Found | None:
    """Bound by the verb that governs it: 'the Council is required to …', 'I have asked Ed Humpherson to …',
    'I would be grateful if the Committee would …'. None when no such verb governs it."""
    passive = passive_subject(head)
    if passive is not None and head.lemma_.lower() in OBLIGATION_HEADS | DIRECTING_HEADS and v.dep_ == "xcomp":
        return Binding.OBLIGATION, passive  # "the Council is required to submit …": the Council is bound
    if passive is not None and head.lemma_.lower() in REQUEST_HEADS and v.dep_ == "xcomp":
        return Binding.REQUEST, passive  # "you are invited to give evidence …"
    obj = asked_object(head)
    if head.lemma_.lower() in DIRECTING_HEADS:
        return Binding.OBLIGATION, obj if obj is not None else head  # "directing the Council to take …"
    if head.lemma_.lower() in REQUEST_HEADS:
        return _asked(v, head, obj, aux)
    if head.lemma_ == "see" and v.dep_ == "ccomp" and head.dep_ == "xcomp" \
            and head.head.lemma_.lower() in REQUEST_HEADS and any(c.dep_ == "nsubj" for c in v.children):
        return Binding.REQUEST, v  # "we would like to see the Department set out a timetable …"
    if v.dep_ == "advcl" and head.lemma_ == "be" and grateful(head):
        return Binding.REQUEST, v  # "I would be grateful if the Committee would give …", "it would be helpful if …"
    if v.dep_ == "xcomp" and head.lemma_ == "be" and grateful(head) and v.lemma_ in GETTING_VERBS:
        return Binding.REQUEST, None  # "I should be grateful to receive examples by …": the reader is asked
    return None


def _asked(v, head, obj, aux: set[str]) -> Found:
    """Under a verb of asking: who is asked, or the writer's own plan ('we expect to lay …')."""
    if obj is None and v.dep_ == "xcomp" and head.lemma_.lower() in FUTURE_HEADS and ahead(head):
        return Binding.COMMITMENT, head  # "we expect to lay the regulations …": a plan, no one asked
    if obj is None and v.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in v.children) \
            and ("to" in aux or v.lemma_.lower() in ACTION_VERBS and not modal(v) - {"to"}):
        return Binding.REQUEST, v  # "I would ask that the Department publishes …", "I expect the Department to comply"
    if obj is None:
        return None, None  # "I would like to thank you": the writer's own wish asks no one
    if promises_to_ask(head):
        return None, None  # "we will invite Shan Morgan to attend …": the frame is the inviting, not the attending
    return Binding.REQUEST, obj  # "I have asked Ed Humpherson … to make this point"


def asked_object(v):
    """Whom a verb of asking or directing addresses: "invite Shan Morgan", "direct the Council"."""
    return next((c for c in v.children if c.dep_ in ("dobj", "dative")), None)


def promises_to_ask(v) -> bool:
    """"We will invite Shan Morgan to attend …": the writer's promise is to ask someone, who is its recipient."""
    return v.lemma_.lower() in REQUEST_HEADS and bool(modal(v) & {"will", "'ll", "shall"}) and asked_object(v) is not None


def _planned_or_obliged(v, head, aux: set[str]) -> Found | None:
    """A plan, a promise or an obligation: 'is to publish', 'I am content to', 'we will', 'must', 'plan to'."""
    if head is not None and v.dep_ == "xcomp" and head.lemma_ == "be" and v.i == head.i + 2 and v.nbor(-1).lower_ == "to" \
            and agentive_subject(head):
        return Binding.COMMITMENT, head  # "the Department is to publish its response …"
    to_infinitive = v.dep_ == "xcomp" or v.dep_ == "advcl" and "to" in aux  # "look to ensure" as "need to ensure"
    if head is not None and v.dep_ == "xcomp" and head.lemma_.lower() in WILLING_ADJECTIVES:
        return Binding.COMMITMENT, head.head  # "I am content to give evidence …"
    if head is not None and to_infinitive and head.lemma_.lower() in FUTURE_HEADS and modal(head) & OBLIGATION_AUX:
        return Binding.OBLIGATION, head  # "you should look to ensure …"
    if head is None and v.dep_ == "acl" and v.head.lemma_.lower() in COMMITMENT_NOUNS and "to" in aux:
        return Binding.COMMITMENT, v.head  # "the Government's commitment to report to Parliament before …"
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and not aux - {"to"}:
        return _binding(v.head)  # "… to report to Parliament …, and to produce an updated policy …"
    if aux & OBLIGATION_AUX and not (aux & OBLIGATION_AUX == {"shall"} and first_person(v)):
        return Binding.OBLIGATION, v  # "the Council shall submit …" obliges; "we shall report …" promises
    if head is not None and to_infinitive and head.lemma_.lower() in OBLIGATION_HEADS:
        return Binding.OBLIGATION, head  # "is required to", "need to", "have to"
    if head is not None and to_infinitive and head.lemma_.lower() in FUTURE_HEADS and ahead(head):
        return Binding.COMMITMENT, head  # "plan to", "intend to", "propose to", "is scheduled to"
    if aux & {"will", "'ll", "shall"}:
        return Binding.COMMITMENT, v
    return None


def _asked_for(v, aux: set[str]) -> Found:
    """A request or a plan that names no verb of the one bound: 'we would welcome a response', 'please …',
    'the deadline for responses is …', 'has committed to publishing …', 'is due on 1 May'."""
    if v.lemma_.lower() in ("welcome", "appreciate") and "would" in aux:
        return Binding.REQUEST, None  # "we would welcome a response": the recipient is asked
    if v.lemma_.lower() in NOMINAL_REQUESTS and any(c.dep_ == "dobj" for c in v.children) and v.dep_ == "ROOT":
        return Binding.REQUEST, None  # "the Committee requests a written update": of the recipient
    if asks_for(v):
        return Binding.REQUEST, None  # "I would be grateful for a response by …", "I look forward to receiving …"
    committing = v.head.head if v.dep_ == "pcomp" and v.head.lower_ == "to" else None
    if committing is not None and committing.lemma_.lower() in FUTURE_HEADS and ahead(committing) \
            and not any(c.lower_ == "forward" for c in committing.children):  # "look forward to meeting" promises nothing
        return Binding.COMMITMENT, committing  # "the Department has committed to publishing …"
    if v.dep_ == "ROOT" and any(c.lower_ == "please" for c in v.children):
        return Binding.REQUEST, None
    if states_deadline(v):
        return Binding.REQUEST, None  # "the deadline for responses is 21 August": of the reader
    if due(v) or scheduled(v):
        return Binding.COMMITMENT, v  # "the report is due on 1 May", "are scheduled for publication on 12 May"
    return None, None


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
