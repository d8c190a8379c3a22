"""Who speaks for which body, across the letters: a writer whose signature names no body in one letter is
known by the body another letter gives them ("Ed Humpherson, Director General, Office for Statistics
Regulation" signs one letter; "Ed Humpherson" alone another), or the body a letter's text gives them when it
introduces them ("Sir David Norgrove, Chair of the UK Statistics Authority, received …"). Read once over the
whole ledger, so that "we" in every letter of theirs is that body."""

from __future__ import annotations

import re
from dataclasses import replace

from index.ledger_parties import body_of
from index.ledger_records import LetterView
from index.model import LetterMetadata, Person
from index.parties import NAME_WORD, PERSON_NAME, POST_WORDS
from index.vocabulary import HONORIFIC, HONORIFIC_RUN

SIDES = ("sender", "recipient")
# A person introduced with their post: "Sir David Norgrove, Chair of the UK Statistics Authority, …".
INTRODUCED = re.compile(
    r"(?P<name>" + HONORIFIC_RUN +
    NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,2}),\s+(?:the\s+)?(?P<post>" + POST_WORDS.pattern + r"[^,.;()\n]*)"
)


def person_key(name: str | None) -> str | None:
    """A person's name as the directory files it: without honorifics or post-nominals ("Sir David
    Norgrove" and "David Norgrove" are one person); None for what is no person's name ("Chancellor")."""
    if not name or not PERSON_NAME.match(name.strip()):
        return None
    bare = name.strip()
    while HONORIFIC.match(bare):
        bare = HONORIFIC.sub("", bare, count=1)
    words = [w for w in bare.split() if not re.fullmatch(r"[A-Z]{2,4}", w)]  # "MP", "MSP", "AM"
    return " ".join(words).lower() if len(words) >= 2 else None


def letter_people(metadata: LetterMetadata, text: str) -> tuple[Person, ...]:
    """The people one letter names with a body (as writer or addressee, or introducing them in its text): what
    it adds to the directory, read once when it is indexed and kept with it (index.store)."""
    named = [(getattr(metadata, side), body_of(getattr(metadata, f"{side}_org"), getattr(metadata, f"{side}_role")))
             for side in SIDES]
    named += [(m.group("name"), body_of(None, m.group("post"))) for m in INTRODUCED.finditer(text)]
    found = ((person_key(name), body) for name, body in named)
    return tuple(dict.fromkeys((key, re.sub(r"^the\s+", "", body)) for key, body in found if key and body))


def known_bodies(letters: list[LetterView]) -> dict[str, str]:
    """Each person's body, from every letter that names it; a person two letters give different bodies is
    left out rather than guessed."""
    seen: dict[str, set[str]] = {}
    for letter in letters:
        people = letter.people if letter.people is not None else letter_people(letter.metadata, letter.text)
        for key, body in people:
            seen.setdefault(key, set()).add(body)
    return {key: next(iter(bodies)) for key, bodies in seen.items() if len(bodies) == 1}


def with_known_bodies(letters: list[LetterView]) -> list[LetterView]:
    """The letters, each party whose own letter names no body given the one the others do."""
    directory = known_bodies(letters)
    out = []
    for letter in letters:
        meta = letter.metadata
        for side in SIDES:
            body = directory.get(person_key(getattr(meta, side)) or "")
            if body and not body_of(getattr(meta, f"{side}_org"), getattr(meta, f"{side}_role")):
                meta = replace(meta, **{f"{side}_org": body})
        out.append(replace(letter, metadata=meta) if meta != letter.metadata else letter)
    return out
