"""A role asked of someone that the letters give no one: "Who will chair the implementation board?" answered by
the sentence saying who will establish the board is a near miss, not an answer. A question asking who will hold a
particular role — chair, convene, fund, host, sit on — needs a cited passage that speaks of that role."""

from __future__ import annotations

import re

# The role asked, and the words of a passage that speak of it.
ROLE_ASKED = re.compile(r"^\W*who\s+(?:will|would|is\s+to|is\s+going\s+to|should|shall|is\s+expected\s+to)\s+"
                        r"(?P<role>chair|convene|fund|pay\s+for|host|sit\s+on|be\s+a\s+member\s+of|staff)\b", re.I)
ROLE_WORDS = {"chair": r"chair\w*", "convene": r"conven\w*", "fund": r"fund(?:s|ed|ing)?|pays?|paid|meets? the cost",
              "pay for": r"pays?|paid|fund(?:s|ed|ing)?|meets? the cost", "host": r"host\w*",
              "sit on": r"sits?|sat|members?|membership", "be a member of": r"members?|membership|sits?",
              "staff": r"staff\w*|secretariat"}


def role_not_given(question: str, passages: list[str]) -> str | None:
    """The role a question asks who will hold ("chair") when none of the passages speaks of it; else None."""
    m = ROLE_ASKED.match(question)
    if not m:
        return None
    role = " ".join(m["role"].lower().split())
    said = re.compile(rf"\b(?:{ROLE_WORDS[role]})\b", re.I)
    return None if any(said.search(text) for text in passages) else role
