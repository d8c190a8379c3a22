"""Say who "I", "you" and "this study" are, from the letter itself.

First person resolves to the sender, second person to the recipient (from the letter's metadata);
a sentence opening with "This …"/"That study …" resolves to the nearest earlier noun phrase of the
same kind in its paragraph. Nothing is resolved that the letter does not make known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.model import LetterMetadata

FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")
SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.I)
DEMONSTRATIVE = re.compile(
    r"^(?:[-•*]\s+)?(?P<word>This|That|It|These|Those)(?:\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:study|report|review|piece of work|work|plan|team|panel|direction|programme|analysis|exercise|group)))?\s+(?:will|would|is|was|should|must|shall|has|have|can|are|were)\b"
)
NOUN_PHRASE = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<head>study|report|review|piece of work|plan|team|panel|direction|programme|analysis|exercise|group)\b"
)
PHRASE_TAIL = re.compile(r"[^.;:–]*")


@dataclass(frozen=True)
class Referent:
    words: str  # as written: "This", "That study", "me", "you"
    means: str  # what the letter makes it mean


def person(name: str | None, role: str | None) -> str | None:
    if name and role:
        return f"{name}, {role}"
    return name or role


def antecedent(text: str, start: int, paragraph_start: int, noun: str | None = None) -> str | None:
    """The earlier noun phrase in the paragraph that "this"/"that <noun>" at `start` points back to."""
    phrases = list(NOUN_PHRASE.finditer(text[paragraph_start:start]))
    if not phrases:
        return None
    kin = {"study", "piece of work", "work", "review"}
    same_kind = [p for p in phrases if noun and (p.group("head").split()[-1] == noun or {p.group("head"), noun} <= kin)]
    chosen = same_kind[0] if same_kind else phrases[-1]
    offset = paragraph_start + chosen.end()
    tail = PHRASE_TAIL.match(text, offset, start)
    return " ".join((chosen.group(0) + (tail.group(0) if tail else "")).split()[:24]).rstrip(" ,")


def demonstrative_referent(text: str, start: int, paragraph_start: int) -> Referent | None:
    """What the sentence at `start` means by an opening "This"/"That study", from earlier in its paragraph."""
    m = DEMONSTRATIVE.match(text[start : start + 200])
    if not m:
        return None
    noun = m.group("noun").split()[-1] if m.group("noun") else None
    means = antecedent(text, start, paragraph_start, noun)
    if not means:
        return None
    label = f"{m.group('word')} {m.group('noun')}" if m.group("noun") else m.group("word")
    return Referent(label, means)


def sentence_referents(text: str, start: int, end: int, paragraph_start: int, metadata: LetterMetadata) -> list[Referent]:
    found: list[Referent] = []
    sentence = text[start:end]
    demonstrative = demonstrative_referent(text, start, paragraph_start)
    if demonstrative:
        found.append(demonstrative)
    sender = person(metadata.sender, metadata.sender_role)
    recipient = person(metadata.recipient, metadata.recipient_role)
    first = FIRST_PERSON.search(sentence)
    if first and sender:
        found.append(Referent(f"“{first.group(0)}”", f"{sender} (the sender)"))
    second = SECOND_PERSON.search(sentence)
    if second and recipient:
        found.append(Referent(f"“{second.group(0)}”", f"{recipient} (the recipient)"))
    return found
