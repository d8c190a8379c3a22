"""Word-level helpers shared by the lexical index and the answerer: tokens, stems, stopwords."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be been before being below between
    both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such
    than that the their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your yours yourself
    yourselves shall must may might also whose within upon per via s t don""".split()
)
# Words of a question that say what kind of answer is wanted rather than what it is about.
QUESTION_WORDS = frozenset(
    """whom when which what who why how date dates letter letters say says said
    tell told required require requires requirement need needs needed expected expect
    expects supposed exactly please give list name named does did done get make made take taken happen
    happens put set going go often cited cite cites mentioned mention mentions referred refer refers quoted
    listed""".split()
)


CLITICS = frozenset({"s", "ll", "re", "ve", "d", "m"})  # "what's", "we'll" — not "n't", which negates


def words(text: str) -> list[str]:
    """Lower-cased words; a stopword's clitic is dropped ("what's" is "what", "we'll" is "we"), so that it stays a stopword."""
    out = []
    for w in WORD.findall(text):
        w = w.lower().replace("’", "'")
        base, _, clitic = w.partition("'")
        out.append(base if clitic in CLITICS and base in STOPWORDS else w)
    return out


@lru_cache(maxsize=1 << 16)  # a pure function of a word, called for every word of every record and question
def stem(word: str) -> str:
    """A light suffix stripper: enough to match report/reports/reporting, recommend/recommendations."""
    word = word.lower().removesuffix("'s")
    for suffix in ("ies", "ied"):
        if word.endswith(suffix) and len(word) > 4:
            return word[:-3] + "y"
    for suffix in ("ations", "ation", "ings", "ing", "ments", "ment", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:  # issue/issued, continue/continued
        word = word[:-1]
    # Six letters join adequate/adequacy, inspector/inspection, improve/improvement.
    return word[:6]


def content_terms(text: str) -> list[str]:
    """Distinct meaningful words of `text`, in order, without stopwords."""
    seen: dict[str, None] = {}
    for w in words(text):
        if w not in STOPWORDS and len(w) > 1:
            seen.setdefault(w, None)
    return list(seen)
