"""Who a frame's verb concerns, read from its parse: who acts (the subject, or a passive verb's agent)
and whom its action goes to ("respond to the Committee", "reply to your letter"), each as the noun
phrase the letter writes."""

from __future__ import annotations

from index.frame_cues import in_touch, modal
from index.vocabulary import AGENT_GROUP, COMMUNICATING_VERBS, DOCUMENT_NOUNS, owner_of_document

# Verbs that reach someone "with": "engage further with staff", "meet with officials", "be in touch with David McGill".
MEETING_VERBS = frozenset("engage meet consult liaise speak talk".split())


def _bound_alike(token):
    """Of a coordinated verb with its own modal and no subject, the nearest verb above it bound by the same modal
    with a subject of its own — the clause it goes on from, past any clause between; None when there is none."""
    modals = modal(token) - {"to"}
    return next((a for a in token.ancestors if modals and modals & modal(a)
                 and any(c.dep_ == "nsubj" for c in a.children)), None) if modals else None


def subject_of(token) -> str | None:
    if token is None:
        return "you"  # a request with no one named ("please …", "we would welcome …") asks the recipient
    if token.dep_ in ("dobj", "dative", "nsubjpass"):  # the one asked, directed or required
        return phrase_of(token)
    if token.pos_ == "NOUN":  # a commitment noun: whose commitment it is
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        return phrase_of(owner).removesuffix("’s").removesuffix("'s") if owner is not None else None
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    bound = _bound_alike(token) if subject is None and token.dep_ == "conj" else None
    if bound is not None:  # "The Officer should revise … so that … is told …, and should bring …": the Officer brings
        return subject_of(bound)
    if subject is None and token.dep_ in ("xcomp", "conj") and token.head.i != token.i:
        return subject_of(token.head)
    if subject is not None and subject.dep_ == "nsubjpass":
        return agent_of(token)
    return phrase_of(subject) if subject is not None else None


def agent_of(verb) -> str | None:
    """Who does what a passive verb says: "will be supported by a team" — the team; else nobody named."""
    from index.deadlines import find_deadlines  # index.model holds frames: deadlines, through it, imports this module
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    # "should be filled by Christmas", "by the end of March": a time, not who fills them
    return phrase_of(by) if by is not None and not find_deadlines(f"by {phrase_of(by)}", None) else None


def phrase_of(token) -> str:
    """The noun phrase of `token` without trailing appositions and clauses ("Ed Humpherson, Director …"); a
    group keeps where it sits ("officials in the Department's Intervention Unit")."""
    placed = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "from") and
              AGENT_GROUP.fullmatch(token.lower_) for t in c.subtree} | _name_rest(token)
    kept = [t for t in token.subtree if t.i <= token.i or t.i in placed or t.dep_ in ("compound", "amod", "flat", "case", "poss")]
    left = min(t.i for t in kept)
    right = max(t.i for t in kept if t.i <= token.i or t.head.i <= token.i or t.i in placed)
    return token.doc[left : right + 1].text


def _name_rest(token) -> set[int]:
    """The rest of a body's name after its head word, and the body named beside it: "Ministry| of Justice",
    "Department| for Education and the Ministry of Justice" — not a clause or a common noun after it."""
    if not token.text[:1].isupper():
        return set()
    rest: set[int] = set()
    for c in token.children:
        obj = next((o for o in c.children if o.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if obj is not None and c.lower_ in ("of", "for") and obj.pos_ == "PROPN":
            rest |= {c.i} | {t.i for t in obj.subtree if t.i <= obj.i} | _name_rest(obj)
    end = max(rest | {token.i})
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i - end <= 3 and all(
                token.doc[i].dep_ in ("cc", "det") for i in range(end + 1, c.i)):
            rest |= set(range(end + 1, c.i + 1)) | {t.i for t in c.subtree if t.i <= c.i} | _name_rest(c)
    return rest


def recipients_of_verb(v) -> tuple[str, ...]:
    """Whom a communicating verb's action goes to: 'respond to the Committee', 'sending the documents to you',
    and whom a meeting one reaches: 'engage further with staff', 'be in touch with David McGill'."""
    lemma = v.lemma_.lower()
    if lemma not in COMMUNICATING_VERBS | MEETING_VERBS:
        return ()
    meets = lemma in MEETING_VERBS or in_touch(v)
    out = []
    met = next((c for c in v.children if c.dep_ == "dobj"), None) if lemma in MEETING_VERBS else None
    if met is not None and (met.pos_ in ("PROPN", "PRON") or met.text[:1].isupper()):
        out.append(phrase_of(met))  # "we will be consulting you on a draft direction", "meet the Committee"
    # "with" reaches whom the verb is with — not a partner in the acting ("together with the Department, we will …")
    for prep in (c for c in v.subtree if c.dep_ == "prep" and (c.lower_ == "to" or meets and c.lower_ == "with"
                                                               and c.doc[c.i - 1].lower_ not in ("together", "along"))):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lower_ in DOCUMENT_NOUNS:  # "respond to the Committee's report": the Committee
            # the document's own phrase: its owner before it, "of the Panel" after it, not what follows
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            end = max(t.i for t in of.subtree) if of is not None else obj.i
            owner = owner_of_document(obj.doc[min(t.i for t in obj.subtree) : end + 1].text)
            if owner:
                out.append(owner)
            continue
        if obj is not None and (obj.pos_ in ("PROPN", "PRON") or obj.text[:1].isupper() or obj.lower_ in ("committee", "council")):
            out.append(_with_of(obj))
    return tuple(dict.fromkeys(out))


def _with_of(token) -> str:
    """A party's phrase with the body its post belongs to: "the Leader of the Council", not "the Leader"."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return phrase_of(token)
    return token.doc[min(t.i for t in token.subtree) : max(t.i for t in of.subtree) + 1].text
