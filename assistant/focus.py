"""The kind of answer a question asks for when its wording names no kind: read from its focus, the noun
its question word picks out ("which body", "what date", "whose budget") or the head of a question
without one ("Date of the next inspection?", "number of inspectors to recruit?"), and from a "who" that
is not at its start ("According to the letter, who has backed the proposal?").

The kinds of noun are the vocabulary's (`index.vocabulary`): posts, bodies and groups of people ask who;
days and deadlines ask when; sums and counts ask how much; codes and Acts ask under what law. Asked
"to which body" or "which committee was copied", the party wanted is a recipient.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.question import QuestionType
from index.language import tagged
from index.parties import ORG_WORDS, POST_WORDS
from index.vocabulary import (
    AMOUNT_NOUNS,
    COMMUNICATING_VERBS,
    HELD_POST_NOUNS,
    LAW_NOUNS,
    LIGHT_VERBS,
    PARTY_NOUNS,
    POST_NOUNS,
    RECEIVING_VERBS,
    TIME_NOUNS,
)

WH_DETERMINERS = frozenset({"what", "which"})


def _is_party(word: str) -> bool:
    return word in PARTY_NOUNS or bool(POST_WORDS.fullmatch(word.title()) or ORG_WORDS.fullmatch(word.title()))


def _kind_of(doc, noun) -> QuestionType | None:
    word = noun.lemma_.lower()
    if word in TIME_NOUNS:
        return QuestionType.WHEN
    if word in AMOUNT_NOUNS:
        return QuestionType.AMOUNT
    if word in LAW_NOUNS:
        return QuestionType.LEGAL_BASIS
    if word in POST_NOUNS or word in HELD_POST_NOUNS and any(t.lemma_ in ("hold", "occupy") for t in doc):
        return QuestionType.POST
    if _is_party(word) or _is_party(noun.text.lower()):
        return QuestionType.TO_WHOM if _sent_to(doc, noun) else QuestionType.WHO
    return None


NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
BE = frozenset({"be", "'s", "’s"})


def _noun_run(tokens) -> int | None:
    """Index of the head of the noun phrase starting the tokens (its last noun, before any "'s" or verb)."""
    head = None
    for t in tokens:
        if t.tag_ in NOUN_TAGS:
            head = t.i
        elif t.tag_ == "POS" or (head is not None and t.tag_ not in NOUN_TAGS):
            break
        elif t.tag_ not in ("JJ", "JJR", "JJS", "DT", "CD", "HYPH"):
            break
    return head


def _asks(doc, t) -> bool:
    """`t` is a question word, not a relative one ("the report which the Council sent")."""
    return t.i == 0 or doc[t.i - 1].tag_ not in NOUN_TAGS


def _owned(doc, head: int | None, limit: int) -> int | None:
    """Past an owner's name to what is owned: "Simon Palmer's job title" -> title."""
    if head is not None and head + 1 < len(doc) and doc[head + 1].tag_ == "POS":
        return _noun_run(doc[head + 2 : head + 2 + limit])
    return head


def _past_name(doc, i: int) -> int:
    """The first token at or after `i` past a name's "of …"/"for …"/"and …" continuation ("for Education")."""
    while i + 1 < len(doc) and doc[i].lower_ in ("of", "for", "and", "&") and doc[i + 1].tag_ in ("NNP", "NNPS", "DT"):
        i += 1
        while i < len(doc) and doc[i].tag_ in ("NNP", "NNPS", "DT"):
            i += 1
    return i


def _focus(doc):
    """The noun the question asks about ("which body", "what date", "Date of …?"), or None."""
    for t in doc:
        if t.lower_ in WH_DETERMINERS and t.i + 1 < len(doc) and _asks(doc, t):
            head = _noun_run(doc[t.i + 1 : t.i + 6])
            if head is not None:
                return doc[head]
            if doc[t.i + 1].lemma_ in BE:  # "What is the name of …?": the subject says what is wanted
                head = _owned(doc, _noun_run(doc[t.i + 2 : t.i + 7]), 5)
                # … unless it goes on to act: "what is the committee asking for?" wants what it asks
                # (past all of its name: "what is the Department for Education asked to deliver?"; after "is" a
                # past form is a participle, whatever the tagger says)
                after = _past_name(doc, head + 1) if head is not None else len(doc)
                acts = after < len(doc) and doc[after].tag_ in ("VBG", "VBN", "VBD") and doc[after].lower_ not in ("called", "named")
                return doc[head] if head is not None and not acts else None
    if not any(t.tag_ in ("WP", "WDT", "WRB", "WP$") for t in doc):
        # A question without a question word is a noun phrase ("Date of the next inspection?", "Report
        # deadlines?"), not a statement asked ("The Council must publish its plan?").
        head = _owned(doc, _noun_run(doc[:5]), 5)
        ends = head is not None and (head + 1 == len(doc) or doc[head + 1].lower_ == "of" or doc[head + 1].is_punct)
        return doc[head] if ends else None
    return None


def _sent_to(doc, noun) -> bool:
    """The party asked about receives: "to which bodies …", "which chair was copied", "which body received …"."""
    before = doc[noun.i - 1].lower_ if noun.i else ""
    if any(t.lower_ == "to" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in WH_DETERMINERS for t in doc):
        return True
    after = list(doc[noun.i + 1 :])
    relative = next((t.i for t in after if t.tag_ in ("WP", "WDT", "WP$")), None)
    if relative is not None:  # "the Minister to whom the plan was sent": that clause picks the party out
        after = [t for t in after if t.i < relative]
    passive = any(t.lemma_ in BE for t in after) and any(t.tag_ == "VBN" and t.lemma_ in COMMUNICATING_VERBS - LIGHT_VERBS for t in after)
    return passive or any(t.lemma_ in RECEIVING_VERBS for t in after) or before == "to"


def who_does_else(question: str) -> bool:
    """"Who" asks who does something other than send or receive, whatever a later clause says: "Who chaired
    PACAC at the time Norgrove copied it …?" (its first verb after "who" is its own)."""
    doc = tagged(question)
    if doc[-1].is_punct and len(doc) > 1 and doc[-2].lower_ == "to":  # "Who was the letter addressed to?"
        return False
    who = next((t for t in doc if t.lower_ == "who" and _asks(doc, t)), None)
    verb = next((t for t in doc[who.i + 1 :] if t.pos_ == "VERB"), None) if who is not None else None
    return verb is not None and verb.lemma_ not in COMMUNICATING_VERBS | RECEIVING_VERBS | {"hear", "get", "copy", "address"}


@lru_cache(maxsize=1024)
def focus_noun(question: str) -> str | None:
    """The thing a "what"/"which" question asks about when it names no kind of answer ("which developments",
    "what step"): what the answer must mention."""
    doc = tagged(question)
    focus = _focus(doc)
    return focus.lower_ if focus is not None and _kind_of(doc, focus) is None else None


@lru_cache(maxsize=1024)
def named_kind(question: str) -> QuestionType | None:
    """The kind the noun its question word picks out names ("which Chancellor", "what date"), or None."""
    doc = tagged(question)
    focus = _focus(doc)
    return _kind_of(doc, focus) if focus is not None else None


@lru_cache(maxsize=1024)
def focus_kind(question: str) -> QuestionType | None:
    """The kind of answer `question` wants, read from its parse; None when its focus names no kind."""
    doc = tagged(question)
    if any(t.lower_ == "whose" and _asks(doc, t) for t in doc):  # "whose budget pays …": whoever owns it
        return QuestionType.WHO
    focus = _focus(doc)
    if focus is not None and (kind := _kind_of(doc, focus)) is not None:
        return kind
    if any(t.lower_ == "whom" for t in doc):  # "whom will she contact?" asks for a recipient; "whom is he appointing?" not
        # (the tagger takes some verbs for nouns: "will the Director General contact"; "the report" is a noun;
        # a light verb sends nothing: "whom did the Minister make Commissioner?")
        sending = any(t.lemma_ in COMMUNICATING_VERBS - LIGHT_VERBS and (t.i == 0 or doc[t.i - 1].pos_ != "DET") for t in doc)
        return QuestionType.TO_WHOM if sending else QuestionType.WHO
    if any(t.lower_ == "who" and (t.i == 0 or doc[t.i - 1].tag_ not in NOUN_TAGS) for t in doc):
        return QuestionType.WHO  # "According to the letter, who has backed …" (not "the official who …")
    return None
