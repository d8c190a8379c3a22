"""The words letters use to name people and bodies, defined once: honorifics, the acronyms a letter's own
names make ("UK Statistics Authority" → UKSA, "Department for Work and Pensions" → DWP), and the
forms a name takes in a question ("DWP's", "Welsh-language").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.text import stem

HONORIFICS = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Professor", "Prof", "Sir", "Dame", "Lord", "Lady", "Baroness",
    "Baron", "Councillor", "Cllr", "Rt Hon", "The Rt Hon", "Right Honourable",
)
# Any of them, longest first, as a pattern to build names with; and a run of them before a name ("The Rt Hon Sir").
_HONORIFIC_WORDS = "(?:" + "|".join(sorted(map(re.escape, HONORIFICS), key=len, reverse=True)) + ")"
HONORIFIC_RUN = rf"(?:{_HONORIFIC_WORDS}\.?\s+)*"
HONORIFIC = re.compile(rf"^{_HONORIFIC_WORDS}\b\.?\s")
# Verbs that carry no subject of their own in a question ("what must the Council do", "when will it take place").
LIGHT_VERBS = frozenset(
    "be do have will would can could should must may might shall take make give get say tell happen place "
    "expect require need ask plan intend want".split()
)
# Verbs of binding, read from a sentence's parse (index/frames.py).
OBLIGATION_AUX = frozenset({"must", "should", "shall"})
OBLIGATION_HEADS = frozenset({"need", "have", "require", "oblige", "expect"})  # "is required to", "need to"
FUTURE_HEADS = frozenset({"plan", "intend", "propose", "aim", "undertake", "commit", "schedule", "due", "seek",
                          "hope", "want", "look", "continue", "expect", "agree"})
# "I am content to give evidence", "we are prepared to meet": a willingness that commits the writer. Not
# "happy to", which letters mostly use as a courtesy ("happy to discuss further").
WILLING_ADJECTIVES = frozenset({"content", "willing", "prepared", "ready", "keen"})
# Verbs of going on: "continue to" binds only with a future or modal ("we will continue to monitor").
ONGOING_HEADS = frozenset({"continue"})
# "This will allow us to report …": the one enabled acts, not "this".
ENABLING_VERBS = frozenset({"allow", "enable", "help", "permit"})
# Verbs by which a letter reports what someone else proposed ("You have suggested we invite …"): their
# proposal, not a duty. ("You have said that you will publish …" still binds the one who said it.)
PROPOSING_VERBS = frozenset({"suggest", "propose"})
REQUEST_HEADS = frozenset({"ask", "invite", "urge", "encourage", "request", "like", "suggest", "recommend", "expect"})
# Words by which a writer asks for something without naming the recipient's verb: "the Committee requests a
# written update", "I would be grateful for a reply", "it would be helpful if you could …".
NOMINAL_REQUESTS = frozenset({"request", "require"})
GRATEFUL_WORDS = frozenset({"grateful", "glad", "pleased", "helpful"})
# "I should be grateful to receive examples by …": what the writer is grateful to get asks the reader for it.
# ("have" and "see" state how things are, and frames leave stative verbs out.)
GETTING_VERBS = frozenset({"receive", "hear"})
DIRECTING_HEADS = frozenset({"direct", "instruct", "require", "order"})  # "I am directing the Council to take …"
# Dates that are deadlines when a letter states them: "the closing date is 30 June" (and any "deadline").
DEADLINE_DATES = frozenset({"closing", "due", "target", "deadline"})
# Passives that plan an event: "the statistics are scheduled for publication on 12 May".
SCHEDULING = frozenset({"schedule", "plan", "timetable", "programme", "program"})
# Nouns whose to-infinitive binds: "the Government's commitment to report to Parliament before …".
COMMITMENT_NOUNS = frozenset({"commitment", "plan", "plans", "intention", "undertaking", "promise", "proposal", "aim"})
# A word without which no sentence binds anyone (saves parsing the rest).
BINDING_CUE = re.compile(
    r"\b(?:will|shall|must|should|would|'ll|please|need|required?|expect\w*|plan\w*|intend\w*|propos\w*|aim\w*|"
    r"undertak\w*|commit\w*|schedul\w*|due|seek\w*|ask\w*|invit\w*|urg\w*|encourag\w*|request\w*|direct\w*|"
    r"instruct\w*|suggest\w*|recommend\w*|grateful|welcome|going to|have to|has to|agree\w*|continu\w*|look\w*|"
    r"want\w*|hop\w*|content|willing|prepared|ready|keen|oblig\w*|order\w*|like|promis\w*|intention|"
    r"undertaking|schedule\w*|deadline|closing date|is to|are to)\b",
    re.I,
)
# "I should mention that …", "I must stress …": the writer's own way of speaking, not a duty.
DISCOURSE_VERBS = frozenset({"mention", "say", "add", "stress", "emphasise", "emphasize", "point", "reiterate",
                             "repeat", "highlight", "note", "remind", "admit", "confess", "acknowledge"})
# Verbs that state how things are, not something anyone will do.
STATIVE_VERBS = frozenset({"be", "have", "know", "think", "believe", "recognise", "recognize", "note", "see",
                           "understand", "feel", "seem", "appear", "remain", "hope", "wish", "regret", "acknowledge",
                           "recall", "remember", "realise", "realize", "find"})
# "You will share my view that …", "I share your concern": a verb of doing with an opinion for its object states
# what someone thinks, not what anyone will do.
OPINION_NOUNS = frozenset({"view", "views", "concern", "concerns", "opinion", "belief", "sense", "feeling", "hope",
                           "ambition", "aspiration", "frustration", "disappointment"})
# Verbs of doing that an official tracks: reporting, requesting, directing, committing, appointing.
ACTION_VERBS = frozenset(
    "report publish send submit provide respond reply write give produce prepare complete deliver share appoint "
    "agree review consult meet engage invite attend monitor work support discuss confirm make ensure update set "
    "investigate develop introduce implement announce lay issue present release launch close open establish "
    "recruit advertise inform notify tell arrange hold seek return follow assess evaluate consider address "
    "improve extend raise explore continue take direct keep contact decide brief commission finalise revise "
    "circulate clarify delay comply legislate amend".split()
)
# "Take the actions set out in this letter", "the actions I am directing the Council to take": a verb that
# only points at duties stated elsewhere, by one of these nouns (or by none at all).
REFERRING_VERBS = frozenset({"take"})
DUTY_NOUNS = frozenset({"action", "actions", "step", "steps", "measure", "measures"})
# Verbs whose action goes to someone ("respond to the Committee", "send the documents to you").
COMMUNICATING_VERBS = frozenset(
    "report send submit provide respond reply write give deliver share present return copy forward explain "
    "contact make be".split()
)
# What a letter itself does about a later day — plans, asks, directs, promises, writes ("What did the Minister
# direct the Council to do by 30 June?") — rather than what happened then (assistant.outcome).
PLANNING_VERBS = FUTURE_HEADS | REQUEST_HEADS | DIRECTING_HEADS | frozenset("promise announce arrange offer write reply".split())
# Words a letter and a question use for one act, though no word model here sees them as near: a question's
# "enclose" is a letter's "I have attached a copy of …"; "put back" is "postpone", "defer" or "delay".
SAME_ACT = (
    re.compile(r"enclos\w*|attach\w*|annex\w*|append\w*", re.I),
    re.compile(r"postpon\w*|defer(?:s|red|ring|ral)?|delay\w*", re.I),
)
# Verbs whose subject receives: "which body received the report?".
RECEIVING_VERBS = frozenset({"receive"})
# Nouns a question asks about that say which kind of answer it wants ("which body", "what date", "the
# number of …"); posts and bodies named by title ("which Minister", "which Committee") count as parties too.
PARTY_NOUNS = frozenset(
    "person people individual individuals official officials officer officers body bodies organisation "
    "organisations organization organizations team teams member members name names minister ministers chair "
    "committee committees department departments regulator authority group party parties who".split()
)
# The party nouns that ask for a body rather than a person ("which other body", "what committee").
BODY_NOUNS = frozenset("body bodies organisation organisations organization organizations committee committees "
                       "department departments regulator authority group team teams".split())
TIME_NOUNS = frozenset("date dates day days deadline deadlines time month year week timetable timescale moment".split())
AMOUNT_NOUNS = frozenset("number amount sum total cost costs percentage proportion count pay salary fee fees price".split())
# The post someone holds ("what is her job title?"); "role" and "position" only held ("what role does he hold?"),
# as they are as often a part played or a view taken.
POST_NOUNS = frozenset("post title job grade".split())
HELD_POST_NOUNS = frozenset("role position".split())
LAW_NOUNS = frozenset("code act law laws legislation power powers section statute regulation regulations provision".split())
# What is sent or answered rather than who receives it: "respond to the Committee's report" answers the
# Committee; "reply to the consultation" names no one.
DOCUMENT_NOUNS = frozenset(
    "report reports letter letters consultation paper papers proposal proposals request requests recommendation "
    "recommendations question questions point points document documents findings comments inquiry response".split()
)
# A letter's possessive pronouns, as the party they name: "your letter" is the recipient's.
POSSESSIVE_PARTIES = {"your": "you", "my": "me", "our": "us"}
# What may follow a document's noun: its quoted title, "of 3 May", "on the RPI", "into …".
DOCUMENT_TAIL = re.compile(r"^(?:['‘“\"]|of$|on$|into$|about$|dated$)", re.I)
# Parts of speech that say what a question is about.
KEY_POS = frozenset({"NOUN", "PROPN", "VERB"})
# People named by what they are as a group: "DoH statisticians", "Welsh Government officials", "Committee clerks".
AGENT_GROUP = re.compile(r"\b(?:officials|officers|statisticians|staff|clerks|team|colleagues|advisers|ministers)\b", re.I)
# A letter's own party acting, as its sender or recipient: "I will write", "we have published", "you should".
PARTY_AGENT = re.compile(r"\b(?:I|[Ww]e|[Yy]ou)\s+(?:\w+ly\s+)?(?:will|would|shall|should|must|can|could|may|might|have|has|had|am|are|"
                         r"was|were|do|did|intend|plan|propose|expect|\w+ed)\b")
# Small words inside the name of a body: "Department for Work and Pensions".
NAME_JOINERS = frozenset({"for", "of", "and", "the", "on", "in", "&"})
# A run of capitalised words on one line, allowing small joining words inside it.
PROPER_RUN = re.compile(r"[A-Z][\w'’]*(?:[ \t]+(?:(?:for|of|and|the|on|in|&)[ \t]+)*[A-Z][\w'’]*)+")


def initials(phrase: str, joiners: bool = False) -> str:
    """'UK Statistics Authority' → 'UKSA'; 'Department for Work and Pensions' → 'DWP' (with its
    joining words, 'Secretary of State' → 'SoS', 'Department of Health' → 'DoH')."""
    out = []
    for word in re.sub(r"\([^)]*\)", " ", phrase).split():  # "(DExEU)" is an alias of its own, not initials
        if word.lower() in NAME_JOINERS:
            if joiners and word != "&":
                out.append(word[0])
            continue
        out.append(word if word.isupper() and len(word) <= 4 else word[0])
    return "".join(out)


# A word written in capitals, two letters or more, possibly possessive: an acronym ("PAC", "DWP's").
ACRONYM = re.compile(r"[A-Z]{2,}(?:['’]s)?\b")


def capitals_in(texts: Iterable[str]) -> frozenset[str]:
    """Words the letters write in capitals, two letters or more: the acronyms they use ("NI", "OSR")."""
    return frozenset(w for text in texts for w in re.findall(r"\b[A-Z]{2,}\b", text))


def acronyms_in(texts: Iterable[str]) -> set[str]:
    """The acronyms the letters' own names make: of every run of capitalised words within a name, with
    and without its joining words ("Chief Statistician for the Department for Work and Pensions" gives
    DWP and CS; "Secretary of State" gives SS and SoS)."""
    found: set[str] = set()
    for text in texts:
        for m in PROPER_RUN.finditer(text):
            words = m.group(0).split()
            starts = [i for i, w in enumerate(words) if w[0].isupper()]
            for i in starts:
                for j in (j for j in starts if j > i):
                    part = " ".join(words[i : j + 1])
                    found.update({initials(part).upper(), initials(part, joiners=True).upper()})
    return found


def name_forms(token: str) -> list[str]:
    """The forms to look for in the letters: 'DWP's' → ['DWP'], 'Welsh-language' → ['Welsh', 'language']."""
    bare = re.sub(r"['’]s$", "", token)
    return [part for part in re.split(r"-", bare) if part]


class Mentions:
    """Whether the letters mention a name a question uses. `corpus` is the letters' text lower-cased on
    single spaces; `acronyms` those their names make (`acronyms_in`); `capitals` the words the letters
    write in capitals ("NI", "DWP"); `given` the names letters give their parties by a given name alone
    ("Dear Peter"), lower-cased."""

    def __init__(self, corpus: str, acronyms: set[str], capitals: frozenset[str] = frozenset(),
                 given: frozenset[str] = frozenset()) -> None:
        self.corpus = corpus
        self.acronyms = acronyms
        self.capitals = capitals
        self.given = given

    def _written(self, form: str) -> bool:
        return bool(re.search(rf"\b{re.escape(form.lower())}\b", self.corpus))

    def known(self, words: list[str], whole: bool) -> bool:
        """Written so; a whole name also by its initials ("Northern Ireland" for NI); one word in any form."""
        phrase = " ".join(words)
        if len(words) > 1:
            short = initials(phrase)
            # Initials the letters write ("NI", or "Ukhsa" of three letters or more) stand for any run; those their
            # names only make, for a whole name. Two letters must be written in capitals: "as" is no "AS".
            written = short in self.capitals or len(short) >= 3 and self._written(short)
            by_initials = written or whole and short.upper() in self.acronyms
            return phrase.lower() in self.corpus or by_initials
        return all(self._written(f) or f.upper() in self.acronyms or re.search(rf"\b{re.escape(stem(f))}\w{{0,4}}\b", self.corpus)
                   for f in name_forms(phrase))

    def covered(self, phrase: str) -> bool:
        """Every part of the name is mentioned, taking the longest known run of words first. A name of
        three or more capitalised words with no joining word is one name and must be known whole: the
        "Kingsmere Local Safeguarding Children Board" is not a letter's "Local Safeguarding Children Board"."""
        tokens = [re.sub(r"['’]s$", "", w) for w in phrase.split()]
        if len(tokens) > 1 and ACRONYM.fullmatch(tokens[0]):
            # "the WG Permanent Secretary", "DWP's Chief Statistician": a body's acronym before its post
            return self.covered(tokens[0]) and self.covered(" ".join(tokens[1:]))
        person = [t for t in tokens if t not in HONORIFICS]
        if len(person) in (2, 3) and person[0].lower() in self.given:
            return True  # "Peter Schofield" in letters to "Dear Peter": the party by its given name
        if len(tokens) >= 3 and not NAME_JOINERS & {w.lower() for w in tokens} and not re.search(r"['’]", phrase):
            return self.known(tokens, True)
        i = 0
        while i < len(tokens):
            if tokens[i].lower() in self.given and i + 1 < len(tokens) and tokens[i + 1].lower() not in NAME_JOINERS:
                i += 2  # "… the letter to Ann Smith on Housing Benefit" to "Dear Ann": the party, then the rest
                continue
            j = next((j for j in range(len(tokens), i, -1) if self.known(tokens[i:j], i == 0 and j == len(tokens))), None)
            if j is None:
                return False
            i = j
        return True

    def unknown_share(self, question: str, names: list[str]) -> float:
        """Share of the question's names — runs of capitalised words, and the single `names` outside
        them — that the letters do not mention. The question's first word is no name unless written in capitals
        ("PAC wanted …")."""
        asked = re.sub(r"^\s*\S+", lambda m: m.group(0) if ACRONYM.match(m.group(0).strip()) else m.group(0).lower(), question)
        phrases = [m.group(0) for m in PROPER_RUN.finditer(asked)]
        inside = {w for p in phrases for w in p.split()}
        singles = [w for w in re.findall(r"\b[A-Z][\w'’-]*", asked) if w not in inside and w in names]
        asked_names = phrases + singles
        unknown = [n for n in asked_names if not self.covered(n)]
        return len(unknown) / len(asked_names) if asked_names else 0.0


def owner_of_document(phrase: str) -> str | None:
    """Who a document sent to belongs to: "the Committee's report 'Measuring Inflation'" -> "the Committee",
    "the report of the Panel" -> "the Panel", "your letter of 3 May" -> "you"; "" for a document that is
    nobody the letter names ("the annual report", "their consultation"); None when the phrase names no
    document ("the Review team")."""
    tokens = phrase.split()
    for i, token in enumerate(tokens):
        if token.lower() not in DOCUMENT_NOUNS or not (i + 1 == len(tokens) or DOCUMENT_TAIL.match(tokens[i + 1])):
            continue
        owner = " ".join(tokens[:i])
        if owner.lower() in POSSESSIVE_PARTIES:
            return POSSESSIVE_PARTIES[owner.lower()]
        if re.search(r"['’]s$", owner):
            return owner[:-2]
        of = re.match(r"of\s+(?P<who>(?:the\s+)?[A-Z].*)$", " ".join(tokens[i + 1 :]))
        if of:
            return of["who"]
        return owner if re.search(r"\b[A-Z]", owner) else ""
    return None
