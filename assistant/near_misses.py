"""Why the passages on a question's subject do not answer it, when they are near misses rather than answers: they
give no fact of the kind asked, figures for other years or no figure for the place asked, no word of the role asked
about, what others are to do rather than the party asked about — or, of a report, the response to it, which the
report itself cannot give."""

from __future__ import annotations

from assistant.asked_deadline import Passage, asks_deadline, deadline_not_given
from assistant.asked_doer import doer_asked, doer_not_named
from assistant.asked_places import place_not_given, scope_of
from assistant.asked_roles import role_not_given
from assistant.asked_years import money_not_given, year_not_given
from assistant.evidence import WANTED, Candidate, Evidence, kind_not_given
from assistant.outcome import RESPONSE_TO_REPORT
from assistant.question import Analysis
from assistant.wording import join_names


def not_given(question: str, analysis: Analysis, cands: list[Candidate], evidence: Evidence) -> str | None:
    """What the passages the answer would cite do not give, in words to follow "The letters do not say: "; None
    when they answer."""
    cited = evidence.cited(cands)
    letters = evidence.store.letters()
    texts = [evidence.text_of(c) for c in cited]
    if kind_not_given(cited, analysis):
        return f"the passage on this subject does not give {WANTED[analysis.type]}"
    other_years = year_not_given(question, texts)
    if other_years:
        asked, given = other_years
        return f"the passage on this subject gives figures for {join_names(given)}, not {asked}"
    if asks_deadline(question) and deadline_not_given(question, [
            Passage(text, letters[c.source].reading_date(), evidence.record_for(c) is not None)
            for c, text in zip(cited, texts, strict=True)]):
        return "the passages on this subject give no deadline for it"
    if money_not_given(question, texts):
        return "the passage on this subject gives no sum of money"
    place = place_not_given(question, [scope_of(letters[c.source], c.start) for c in cited])
    if place:
        return f"the passage on this subject gives no figure for {place}"
    role = role_not_given(question, texts)
    if role:
        return f"the passage on this subject does not say who will {role} it"
    # The passages as their documents mean them are read only for a question asking when a party acts, of reports.
    doer = doer_asked(question) and all(letters[c.source].is_report for c in cited) and doer_not_named(question, [
        evidence.context(evidence.own_context(c, letters[c.source]), letters[c.source], evidence.record_for(c, analysis))
        for c in cited])
    if doer:
        return f"the passage on this subject says what others are to do, not {doer}"
    if RESPONSE_TO_REPORT.match(question) and all(letters[c.source].is_report for c in cands[:3]):
        return "a report does not give the response to itself, and no later letter here does"
    return None
