"""A figure asked for a place the letters give no figure for: "What share of placements in Wales were more than 20
miles from home?" answered by a passage about placements in general is a near miss, not an answer. The place a
figure question names must be one the cited passage, its paragraph or heading, or the document's own scope (its
title, parties and opening pages) names — a letter to Birmingham need not say "Birmingham" in every sentence."""

from __future__ import annotations

import re

from assistant.asked_years import FIGURE_ASKED
from index.dates import MONTH_NUMBER
from index.model import Letter
from index.parties import ORG_WORDS, POST_WORDS
from index.report_metadata import FRONT

# "in Wales", "across the North West", "for Greater Manchester": a capitalised place after a preposition of place.
PLACE_ASKED = re.compile(r"\b(?:in|for|across|within|throughout)\s+(?:the\s+)?"
                         r"(?P<place>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|upon|on|and)){0,3})")

# The preposition is inside a name: "the Department for Education", "the Secretary of State for Justice".
IN_A_NAME = re.compile(r"[A-Z][\w'’-]*\s+$")


def places_asked(question: str) -> list[str]:
    """The places a figure question confines its figure to; none when it asks no figure."""
    if not FIGURE_ASKED.search(question):
        return []
    return [m["place"] for m in PLACE_ASKED.finditer(question)
            if not (ORG_WORDS.search(m["place"]) or POST_WORDS.search(m["place"]) or m["place"].lower() in MONTH_NUMBER
                    or IN_A_NAME.search(question[:m.start()]))]


def place_not_given(question: str, scopes: list[str]) -> str | None:
    """The place a figure question names that none of the cited passages' scopes (each: the passage with its
    paragraph, heading and document's opening) names; None when there is none."""
    return next((place for place in places_asked(question)
                 if not any(re.search(rf"\b{re.escape(place)}\b", scope) for scope in scopes)), None)


def scope_of(letter: Letter, start: int) -> str:
    """What a passage of a letter is about, beyond its own words: its paragraph, its heading, the letter's title and
    parties, and its opening pages, where a report states what it covers."""
    text = letter.text
    end = text.find("\n\n", start)
    paragraph = text[max(text.rfind("\n\n", 0, start), 0):end if end >= 0 else len(text)]
    meta = letter.metadata
    parties = " ".join(p for p in (meta.sender, meta.sender_org, meta.recipient, meta.recipient_org) if p)
    return "\n".join((paragraph, letter.section_at(start) or "", letter.title, parties, text[:FRONT]))
