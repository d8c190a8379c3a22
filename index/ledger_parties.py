"""The parties of a duty as a letter names them: whom it is for ("report to me and to your Chief
Executive"), with "me", "you" and "your Council" resolved to the letter's own sender and recipient."""

from __future__ import annotations

import re

from index.ledger_records import UNNAMED_RECIPIENT, UNNAMED_SENDER, LetterView
from index.model import LetterMetadata
from index.parties import ORG_WORDS, POST_WORDS
from index.vocabulary import PROPER_RUN, owner_of_document

# Words of sending something to someone: "report to me", "copying this letter to the Chancellor", "put a formal
# proposal to your predecessor".
SENDING = (r"report(?:s|ing)?|recommendations?|submit\w*|send\w*|sent|provid\w*|deliver\w*|representations|reach|note|"
           r"cop(?:y|ying|ied)|writ(?:e|ing|ten)|respond\w*|repl(?:y|ies|ied|ying)|explain\w*|put|puts|putting")
TO_LIST = re.compile(
    rf"\b(?:{SENDING})\b[^.;]*?\bto\s+(?P<to>(?:me|you|your|the|him|her|[A-Z])[^.;]*?)(?=\s+(?:with|by|on|in|at|about|for|setting|within|no later|that|which|as|before|after|every|starting|must|again|jointly|should|will|monthly|quarterly|weekly|annually|each)\b|[.;:]|,\s+(?:by|with|in|on|no later|and\s+to|the first)\b|,\s+agreed\b|$)"
)
WITH_LIST = re.compile(r"\b(?:[Pp]rovide|[Ss]hare\s+[^.;]*?|[Ss]atisfy)\s+(?:it\s+)?(?:with\s+)?(?P<to>the [A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)*)")
REACH_ME = re.compile(r"\b(?:send|reach|tell|give)\s+(?P<to>me|you)\b")
# Reaching someone without sending anything: "will be in touch with David McGill", "engage further with staff and
# trade unions on the procedure", "meet the Committee" — without "with" or "to", only a party named as one ("meet
# the Committee", not "meet the deadline").
_PEOPLE = r"(?:staff|officials|stakeholders)\b"
CONTACT = re.compile(
    r"\b(?:(?:be|get|keep|stay)\s+in\s+touch|engag(?:e|es|ed|ing)(?:\s+further)?|liais\w*|meet|meets|meeting|met|"
    r"consult(?:s|ed|ing)?|speak|speaks|spoke|talk|talks|talked)\s+"
    rf"(?:(?:with|to)\s+(?=(?:me|you|us|the|your|our|their|its)\b|[A-Z]|{_PEOPLE})|(?=(?:(?:the|your|our|their|its)\s+)?[A-Z]|{_PEOPLE}))"
    r"(?P<to>(?:me|you|us|(?:the|your|our|their|its)\s+[\w'’-]+|[A-Z][\w'’-]*|staff|officials|stakeholders)(?:[^.;:,()]*?))"
    r"(?=\s+(?:to|on|about|in|at|for|before|after|by|from|as|so|regarding|over|during|last|next|this|today|tomorrow)\b|[.;:,()]|$)"
)


def recipient_body(metadata: LetterMetadata) -> str | None:
    """The body the recipient writes for: 'Leader of Birmingham City Council' -> 'Birmingham City Council'."""
    return body_of(metadata.recipient_org, metadata.recipient_role)


def sender_body(metadata: LetterMetadata) -> str | None:
    """The body the sender speaks for as "we": 'Chair of the Committee' -> 'the Committee'."""
    return body_of(metadata.sender_org, metadata.sender_role)


def sender_actor(metadata: LetterMetadata, plural: bool = False) -> tuple[str, str | None]:
    """(actor, person's name) for the writer: "I" is their post (or name); "we" the body they speak for
    when the letter makes it known."""
    body = sender_body(metadata) if plural else None
    return body or metadata.sender_role or metadata.sender or UNNAMED_SENDER, metadata.sender


def recipient_actor(metadata: LetterMetadata) -> tuple[str, str | None]:
    """(actor, person's name) for the reader: "you" is the body they write for, else their post or name."""
    actor = recipient_body(metadata) or metadata.recipient_role or metadata.recipient or UNNAMED_RECIPIENT
    return actor, metadata.recipient


def body_of(organisation: str | None, post: str | None) -> str | None:
    """A party's body: its organisation, else the body its post names ("Chair of the Committee",
    "Leader, Birmingham City Council", "Committee Chair")."""
    if organisation:
        return organisation
    m = BODY_IN_POST.search(post or "") or BODY_BEFORE_POST.match(post or "")
    return m.group("body").strip() if m else None


_BODY = rf"(?P<body>(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*?{ORG_WORDS.pattern})"
BODY_IN_POST = re.compile(rf"\b(?:of|,)\s+{_BODY}")
BODY_BEFORE_POST = re.compile(rf"^{_BODY}\s+{POST_WORDS.pattern}")


# A body by its bare noun ("the Government", "the Council"), or the commitment a body owns ("the Government's
# commitment to report …" binds the Government).
BARE_BODY = re.compile(rf"^(?:the\s+)?(?P<head>{ORG_WORDS.pattern})$", re.I)
OWNED_PLAN = re.compile(r"^(?P<owner>.+?)['’]s\s+(?:commitment|undertaking|intention|plan|promise|pledge|decision|proposal)s?$", re.I)


def in_full(actor: str | None, letter: LetterView) -> str | None:
    """An actor as the letter names it in full: the owner of a commitment noun, and a body written by its bare
    noun given the one fuller name the letter (its text or its parties) gives a body of that noun ("the
    Government" → "the Scottish Government"); left as it is when the letter gives none, or several."""
    if not actor:
        return actor
    owned = OWNED_PLAN.match(actor)
    actor = owned.group("owner") if owned else actor
    goes_on = name_going_on(actor, letter.text)
    if goes_on:
        return goes_on
    bare = BARE_BODY.match(actor)
    if not bare:
        return actor
    head = bare.group("head").title()
    named = [getattr(letter.metadata, f"{side}_org") or "" for side in ("sender", "recipient")]
    # "Scottish Government", "Department for Education" — not "Committee Clerk", a post
    fuller = {name for name in _names(letter.text, *named)
              if name.split()[-1] == head or name.split()[:1] == [head] and name.split()[1] in ("for", "of", "on")}
    return f"the {fuller.pop()}" if len(fuller) == 1 else actor


# A name whose words are listed with commas, cut at its first comma: "the Ministry of Housing" + ", Communities and
# Local Government"; "the Department for Digital" + ", Culture, Media and Sport" — not a list of bodies each with its
# article ("…, the Youth Justice Board and NHS England").
NAME_GOES_ON = re.compile(r",\s+(?P<rest>(?!(?:the|The)\b)(?:[A-Z][\w'’-]*,?\s+)+?and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


def name_going_on(actor: str, text: str) -> str | None:
    """The actor's name in full when the letter writes it on past a comma; None when it does not."""
    if not re.search(r"\b[A-Z][\w'’-]*$", actor):
        return None
    core = re.sub(r"^the\s+", "", actor, flags=re.I)
    for m in re.finditer(rf"\b{re.escape(core)}\b", text):
        rest = NAME_GOES_ON.match(text, m.end())
        if rest:
            return f"{actor}, {rest['rest']}"
    return None


def _names(*texts: str) -> set[str]:
    """The names of several capitalised words in `texts` ("Scottish Government", "Department for Education"),
    each run cut where "the" joins two ("In May the Scottish Government") and without a leading "The"."""
    out = set()
    for text in texts:
        for m in PROPER_RUN.finditer(text):
            for part in re.split(r"\s+the\s+", re.sub(r"['’]s\b", "", m.group(0))):
                name = re.sub(r"\s+(?:for|of|and|on|in|&)$", "", re.sub(r"^The\s+", "", part))
                if len(name.split()) > 1:
                    out.add(name)
    return out


def resolve_party(phrase: str, letter: LetterView) -> str | None:
    """Name a party the way the letter makes it known: me -> the sender, your Council -> the reader's body, the
    Committee's report -> the Committee; None for a document that is nobody's ("the consultation")."""
    p = phrase.strip().strip(",").strip()
    meta = letter.metadata
    p = re.sub(r"^(?:to|and)\s+", "", p)
    owner = owner_of_document(p)
    if owner == "":
        return None
    p = owner or p
    low = p.lower()
    if low in ("me", "us", "i", "myself"):
        return meta.sender or UNNAMED_SENDER
    if low in ("you", "yourself"):
        return meta.recipient or UNNAMED_RECIPIENT
    if low.startswith("your "):  # "your Council" is the body the reader writes for, "your officials" theirs
        body = recipient_body(meta) if ORG_WORDS.fullmatch(p.split()[-1].title()) else None
        return body or p[5:]
    return p


def split_parties(text: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?(?:to\s+)?|\s+and\s+(?:to\s+)?", text)
    return [p for p in (x.strip() for x in parts) if p and p.lower() not in ("jointly", "both")]


def recipients_of(text: str, letter: LetterView) -> list[str]:
    found: list[str] = []
    for pattern in (TO_LIST, WITH_LIST, REACH_ME, CONTACT):
        for m in pattern.finditer(text):
            for part in split_parties(m.group("to")):
                name = resolve_party(part, letter)
                if name and name not in found and len(name.split()) <= 10:
                    found.append(name)
    return found
