"""A count asked of something the passages count nothing of: "How many repairs did the Council order in 2011/12?"
answered by "We read some 400 documents …" is a near miss, not an answer. A passage gives a count of a thing when
a number stands before its noun ("41,000 repairs", "two in five placements", "11 recommendations") or when it
tells the number of it ("the number of repairs ordered fell to 38,500")."""

from __future__ import annotations

import re

from index.text import stem

# "How many repairs …", "how many council homes …", "How many of the Council's homes …": the noun counted, its last
# word the one a passage must count.
COUNT_ASKED = re.compile(r"^\W*how many (?:of (?:the|its|their) (?:[\w'’]+\s+)?)?(?P<noun>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\b"
                         r"(?=\s+(?:did|do|does|were|was|are|is|have|has|had|will|would|could|can|in|on|at|for|of|by|from|"
                         r"were|under|across|\?)|\s*\?)", re.I)
NUMBER = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
          r"hundred|thousand|million|dozen|several|all|none|no)")


def counted_noun(question: str) -> str | None:
    """The noun a "how many" question counts ("repairs"); None for any other question."""
    m = COUNT_ASKED.match(question)
    return m["noun"].split()[-1].lower() if m else None


def counts(text: str, noun: str) -> bool:
    """`text` gives a number of `noun`: a number up to three words before it, or "the number of" it."""
    root = f"(?:{re.escape(noun)}|{re.escape(stem(noun))})"  # "properties" or "property"
    before = rf"\b{NUMBER}(?:%|\s+per\s?cent)?(?:\s+(?!and\b|or\b)[\w'’-]+){{0,3}}?\s+{root}\w*\b"
    told = rf"\b(?:number|total|count|numbers)\s+of\s+(?:[\w'’-]+\s+){{0,2}}?{root}\w*\b[^.;]*?\b{NUMBER}\b"
    return bool(re.search(before, text, re.I) or re.search(told, text, re.I))


def count_not_given(question: str, passages: list[str]) -> str | None:
    """The noun a "how many" question counts when none of `passages` gives a number of it; else None."""
    noun = counted_noun(question)
    if noun is None or any(counts(text, noun) for text in passages):
        return None
    return noun
