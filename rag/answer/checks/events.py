"""The checks of the event a date, a duration or an age belongs to: the answer's must be the
asked event's, not a report of it, another event beside it or its other end:

- a report's date: "when was X killed?" is not answered by "On July 31, outlets reported X to
  be dead". Where every cited sentence that gives the answer's date dates a report of the
  event rather than the event (a report verb just before the date, or after a date that
  opens the sentence), and no sentence of its article gives that date with the question's
  event words, the date answers another question (`reported_problem`);
- the date of something else: "On what date was the funeral held?" is not answered by the day
  he died. Where no cited sentence that gives the answer's date names a word of the
  question's event (the words that describe a person, "radio host", left out), and no
  neighbour gives the same date with one, the date is another event's (`event_problem`;
  since session 55, a phrase of another time before the date, "After Mugabe fired his vice
  president, the army moved on November 15", names no word of the dated event);
  since session 47, a duration of another event too ("How long did he spend in hospital?" is
  not answered by how long he was trapped: `event_problem` with the answer's figures, as for
  a date);
- (since session 58) a bound: "On what date did the court rule?" is not answered by the
  "until April 13" of the order it ruled on (`bound_problem`);
- the end for the start: "When did Gillibrand launch her campaign?" is not answered by the day
  she "ended her campaign". Where the question asks when something began (or ended) and
  every cited sentence that gives the answer's date names only the other end of it, the
  date answers another question (`other_end_problem`);
- an age at another time: "How old was she when she married?" is not answered by her age at
  death. The cited sentence that gives the age, or its neighbours, must name a word of the
  event after "when" (`age_event_problem`);
- (since session 49) another year: "Who was her opponent when she won her seat in 1998?" is
  not answered from "A decade later, in 2008, Hagan defeated Elizabeth Dole". Where the
  question dates its event by years and every sentence an answer sentence cites opens by
  dating itself to a year it does not name, the answer tells of another year
  (`other_year_problem`);
- (since session 63) the year a figure is for: "the growth forecast for 2020" is not answered
  by "the growth forecast for 2019" (`target_year_problem`).

Imports: rag.answer.checks.lexicon, rag.answer.constraints, rag.text, lemminflect (in
`_actors`, where its tables load on first use).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rag.answer.checks.lexicon import DAY_NAMES, OTHER_EVENT, WORD, Sentences
from rag.answer.constraints import (
    AHEAD,
    Evidence,
    acronym,
    clauses,
    found_words,
    name_runs,
    numbers,
    window_sentences,
)
from rag.answer.constraints.lexicon import DETERMINERS, MONTHS, TITLES, word_set
from rag.text import article_sentences, content_words, verb_words

_REPORTED = word_set(
    "said says reported reports announced announces confirmed confirms told tells stated "
    "states revealed reveals disclosed tweeted wrote claimed claims")


_DATE_TOKEN = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")
# The words of a "when" question that ask for the time, not name the event.
_TIME_ASKED = word_set("date day time year month week exact calendar happen happened")
_LONG = frozenset(content_words("long"))  # of "how long", which asks for the time


_OPENING = 3  # a date among a sentence's first words opens it ("On July 31, ...")
_REPORTER = 8  # how far after an opening date its report verb may come
_REPORTER_FAR = 16  # ... where the event is named only after it, in what was reported


_PARTICLE_LETTERS = 3  # "bin", "ibn", "van", "de", "al"


def event_words(question: str) -> set[str]:
    """The stemmed words of a "when" question that name its event: neither the time asked
    for nor a name ("killed" of "On what date was Hamza bin Laden killed?")."""
    words = WORD.findall(question)
    named: set[str] = set()
    for i, word in enumerate(words):
        # A capitalised word after the first, or "bin" in "Hamza bin Laden"; not a verb in
        # "-ed" ("the House impeached Donald Trump" names no "impeached").
        # A particle is short ("bin", "de", "van") or a title ("Police sergeant Matt
        # Ratana"): "did the Tippu Express leave Mysore Junction" names its event by "leave"
        # (wikinews_quiz_blind14 qn13; session 50).
        inside = 0 < i < len(words) - 1 and words[i - 1][:1].isupper() \
            and words[i + 1][:1].isupper() and not word.lower().endswith("ed") \
            and (len(word) <= _PARTICLE_LETTERS or word.lower() in TITLES)
        # "al-Qaeda" is a name too: a capital after its hyphen.
        capital = word[:1].isupper() or any(p[:1].isupper() for p in word.split("-")[1:])
        # A number after a name is the name's: "Bell 206", "Flight 302" (wikinews_quiz_
        # blind32 ef37, a near miss: "The Bell 206 came down around 13:30" dated its take-off
        # by the "206" of its name; session 60).
        numbered = word.isdigit() and i > 0 and words[i - 1][:1].isupper()
        if (i > 0 and capital) or inside or numbered:
            named |= verb_words(word)
    # A year dates the event and names no word of it ("May 2019 decree": qi38; session 50),
    # nor does the day of a month ("30" of "At what time on August 30 was he taken to
    # hospital?", which the date of the assault before it gave: wikinews_blind34_qa cp28, a
    # near miss; session 52).
    years = set(re.findall(r"\b(?:1[89]|20)\d\d\b", question))
    days = {(m[1] or m[2]).lower() for m in _MONTH_DAY.finditer(question)}
    return verb_words(question) - content_words(" ".join(_TIME_ASKED)) - _PREPOSITIONS - named \
        - years - days - _NO_EVENT


# Words that name no event: an order ("the first suggestion": "The first observations were
# taken 1999" dates no suggestion, wikinews_quiz_blind21 qu16, answered so; session 54) and
# an attribution ("according to").
_NO_EVENT = frozenset(content_words("first last according"))


# Prepositions the stop list leaves in: "near" of "the crash near Fairfield" names no event,
# and let "came down near Interstate 80 around 13:30" date a fire's end (wikinews_blind36_qa
# cr04, a near miss; session 52).
_PREPOSITIONS = frozenset(content_words(
    "near nearby outside inside across along around behind beside beyond toward towards within "
    "without amid amidst via despite upon among amongst onto throughout beneath underneath "
    "alongside per versus following including regarding concerning"))


_MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(rf"(?i:\b{_MONTH_NAME})\s+(\d{{1,2}})\b|"
                        rf"\b(\d{{1,2}}(?:st|nd|rd|th)?)\s+(?:of\s+)?(?i:{_MONTH_NAME})\b")


def _answer_dates(question: str, answer: str) -> set[str]:
    """The words of a date the answer gives and the question does not."""
    asked = content_words(question)
    return {w for w in WORD.findall(answer)
            if (w.lower() in DAY_NAMES or _DATE_TOKEN.fullmatch(w))
            and not content_words(w) & asked}


def _dates_a_report(dates: set[str], event: set[str], sentence: str) -> str | None:
    """The report verb when `sentence` gives one of `dates` as the day of a report and does
    not name the event: "reported on July 31", "On July 31, outlets reported"; or names it
    only in what the report says, after a report verb its opening date dates: "On Saturday,
    in a brief but official statement, US President Donald Trump said Hamza bin Laden ... has
    been killed" (wikinews_quiz_blind42 ep36, a near miss answered with the Saturday;
    session 64)."""
    words = WORD.findall(sentence)
    low = [w.lower() for w in words]
    if event & content_words(sentence):
        opening = [i for i, word in enumerate(words[:_OPENING]) if word in dates]
        if not opening:
            return None
        start = opening[0] + 1
        verb_at = next((j for j in range(start, min(len(low), start + _REPORTER_FAR))
                        if low[j] in _REPORTED), None)
        if verb_at is None or event & content_words(" ".join(words[:verb_at])):
            return None
        return low[verb_at]
    for i, word in enumerate(words):
        if word not in dates:
            continue
        near = low[max(0, i - 3):i] + (low[i + 1:i + _REPORTER] if i < _OPENING else [])
        verb = next((w for w in near if w in _REPORTED), None)
        if verb:
            return verb
    return None


def _giving(evidence: Sequence[tuple[str, int, int]], dates: set[str]
            ) -> list[tuple[str, int, int]]:
    """The cited spans that write one of `dates`' words."""
    return [(article, start, end) for article, start, end in evidence
            if set(WORD.findall(article[start:end])) & dates]


def reported_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer's date is the day the event was reported, not the day it happened, or
    None. Each answer sentence fails when every span it cites for the answer's day dates a
    report (`_dates_a_report`) and no sentence of the span's article gives the date with the
    question's event words (there the report's day may be the event's too)."""
    event = event_words(question)
    if not event:
        return None
    first: str | None = None
    for text, evidence in sentences:
        dates = _answer_dates(question, text)
        # The spans that give the day or month (a span holding only the year gives the year
        # of something else: "described him in March of this year (2019)").
        days = {d for d in dates if not re.fullmatch(r"\d{3,4}", d)} or dates
        cited = _giving(evidence, days)
        verbs = [_dates_a_report(dates, event, article[start:end])
                 for article, start, end in cited]
        if not verbs or not all(verbs):
            return None
        for article, start, _ in cited:
            for s, e in article_sentences(article):
                if not s <= start < e and set(WORD.findall(article[s:e])) & dates \
                        and event & content_words(article[s:e]):
                    return None
        first = first or (f"the date the evidence cited gives is when it was {verbs[0]}, "
                          "not when it happened")
    return first


def _descriptors(question: str) -> set[str]:
    """The stemmed words just before a name that describe it rather than the event: "radio
    host" of "the funeral for radio host Don Imus", "cybersecurity firm" of "did the
    cybersecurity firm UpGuard". Only after a function word or at the start: after a name or
    another content word they are the event's ("did UpGuard first email Cultura Colectiva")."""
    words = WORD.findall(question)
    found: set[str] = set()
    for i, word in enumerate(words):
        if i == 0 or not word[:1].isupper() or words[i - 1][:1].isupper():
            continue
        run = i
        while run > max(0, i - 2) and content_words(words[run - 1]) \
                and not words[run - 1][:1].isupper():
            run -= 1
        if run < i and (run == 0 or not content_words(words[run - 1])):
            for before in words[run:i]:
                found |= content_words(before)
    return found


# A description set off by commas between the question's subject and its verb, when it names
# or dates an event of its own: "did Anne Sacoolas, the US diplomat's wife involved in the
# crash that killed Harry Dunn, leave", "did the waiver, announced alongside the national
# emergency in March 2020, take effect" (session 47). One with neither may say the asked
# event in other words: "did Doris Day's only child, the producer who predeceased her, die".
# Or one that opens with a preposition before "which" or "whom": "the Tenure of Office Act,
# over which President Andrew Johnson was impeached, ..." (wikinews_blind29_qa cj28).
_DESCRIPTION = re.compile(r",\s+(?:the|a|an|who|which|whose|\w+ed|(?:in|on|at|over|for|by|from|"
                          r"with|to|of|during|under|through|against) (?:which|whom))\b[^,?]*,",
                          re.I)


# A participle's phrase after the subject, before what it was due to do: "was Pope Francis's
# decree requiring priests to report sexual abuse to church authorities due to take effect"
# asks when it took effect, and reporting abuse is what the decree says (wikinews_quiz_blind9
# qi38, a near miss answered with the day it was announced; session 50).
_PARTICIPLE = re.compile(r"(?<=[a-z])\s+[a-z]+ing\b[^?,]*?(?=\s(?:due|set|expected|scheduled|"
                         r"slated|supposed) to\b)")


def _without_descriptions(question: str) -> str:
    """`question` without its descriptions of other events (`_DESCRIPTION`, `_PARTICIPLE`)."""
    return _PARTICIPLE.sub(" ", _DESCRIPTION.sub(
        lambda m: " " if re.search(r"\d|\s[A-Z]", m[0][2:]) else m[0], question))


_UNTIL_WHEN = re.compile(r"(?<=[\w,])\s+when\b[^?]*", re.I)


# The reports a question names as its source are no word of its event: "On what date was the
# bucket finally secured, according to the April 2019 reports on ...?" asks when it was
# secured, and "UpGuard reportedly sent an email ... on January 14" tells nothing of that
# (wikinews_blind62_qa dr06, a near miss; session 65). The other words of the source stay:
# "according to his resignation announcement" names the event asked about.
_ACCORDING_TO_REPORTS = re.compile(r"\baccording to\b[^,;?]*\breports?\b", re.I)
_REPORT = frozenset(content_words("report"))
# Nor does the report's own occasion: "On what date did the shutdown begin, as reported in
# January 2019 when President Donald Trump said he may declare a national emergency?" asks when
# the shutdown began, and the day Trump spoke is another's (wikinews_blind63_qa ds03, a right
# draft's place taken by the day of the statement; session 65).
_AS_REPORTED = re.compile(r",?\s+as\s+(?:reported|recalled|noted)\b[^?]*", re.I)


def event_problem(question: str,
                  sentences: Sentences,
                  given: Callable[[str, str], set[str]] = _answer_dates,
                  what: str = "date") -> str | None:
    """Why the answer's date is the date of something else, or None: no cited sentence that
    gives the date names a word of the question's event ("held", "funeral" of "On what date
    was the funeral held?"; not "died on Friday"), nor does a neighbour give the same date
    with the event. A neighbour that names the event with no date ("Imus was inducted into
    the Hall of Fame. In 2007 MSNBC dropped him") dates nothing. Measured over 19 sets by
    replay (session 38): 5 near misses refused that such neighbours had let pass, against
    one right answer ("assault" for "attacked") given as a partial answer instead.

    The event is the one asked: "When did Hamza bin Laden last appear in a video before
    Trump announced his death?" asks when he appeared, and a date of the announcement is
    another's (`OTHER_EVENT`). Verbs are read in any tense ("sink" in "the day it sank":
    `rag.text.verb_words`).

    `given` reads what the answer gives and `what` names it: a duration's figures, or a
    place's names ("In which town was he born?", session 66), are read as a date is."""
    event = event_words(question) - _descriptors(question) - _LONG
    if _ACCORDING_TO_REPORTS.search(question):
        event -= _REPORT
    asked = OTHER_EVENT.sub(" ", _without_descriptions(_AS_REPORTED.sub(" ", question)))
    own = event & event_words(asked)
    if own:
        event = own  # the asked event's words, not those of the event that dates it
    if what == "duration" and _UNTIL_WHEN.search(question):
        # "How long had Aparna Garg been the Divisional Railway Manager when she spoke to
        # Wikinews ...?": the clause of "when" ends the period, another event; the period's
        # own words may be only a name's (wikinews_quiz_blind36 ej01, a right answer refused
        # for a duration of "something else"; session 61).
        event &= event_words(_UNTIL_WHEN.sub(" ", asked))
    # The asked subject's words name who, not what happened: "On what date did the man from
    # Starnberg district first develop symptoms?" asks of the symptoms, and the day "a man
    # from Starnberg district" was confirmed infected dates another event
    # (wikinews_blind64_qa dt12, a near miss; session 66).
    event = (event - subject) or event if (subject := _did_subject(asked)) else event
    if not event:
        return None
    actors = _actors(question)
    first: str | None = None
    for text, evidence in sentences:
        dates = given(question, text)
        giving = _giving(evidence, dates)
        # The clause that gives the date, where one does: "it was published in 1925; the
        # first excavations happened before that" dates no excavation.
        cited = [clause for article, start, end in giving
                 for clause in _dated_clauses(article[start:end], dates)]
        if not dates:
            # A sentence that gives no date of its own ("This was part of a trial held in
            # Manhattan.") neither dates the event nor clears the one that does
            # (wikinews_quiz_blind34 eh38, a near miss; session 62).
            continue
        if not cited or any((found_words(event, _event_words_of(c))
                             or _initialism_named(question, c))
                            and not _other_actor(c, actors)
                            for c in cited if not _dates_a_thing(c, dates, event)):
            return None
        if any(_dates_the_name(question, article[start:end], dates)
               for article, start, end in giving):
            return None
        # A neighbour that gives the same day with the event: "The talks on Sunday were
        # candid. Both countries said Sunday that ..." dates the talks.
        if any(set(WORD.findall(clause)) & _day_or_date(dates)
               and not _dates_a_thing(clause, dates, event)
               and found_words(event, _event_words_of(clause))
               and not _other_actor(clause, actors)
               for article, start, end in giving
               for s, e in window_sentences(article, start, end)
               for clause in _dated_clauses(article[s:e], dates)):
            return None
        first = first or f"the {what} the evidence cited gives is the {what} of something else"
    return first


_DID = re.compile(r"\b(?:when|(?:what|which) (?:date|day|year|month))\s+did\s+", re.I)


def _did_subject(question: str) -> set[str]:
    """The stemmed words of the subject of "When did S do ...?": those between "did" and the
    first word in its base form as a verb (lemminflect's), where it can be no noun
    ("develop"), or stands after no determiner and before a preposition, a determiner or a
    pronoun ("the 60-year-old American die in Wuhan"; not "the man from"). Empty where there
    is no such verb."""
    from lemminflect import getAllLemmas  # the tables load on first use

    did = _DID.search(question)
    if did is None:
        return set()
    words = WORD.findall(question[did.end():])
    for i in range(1, len(words)):
        low = words[i].lower()
        lemmas = getAllLemmas(low)
        if words[i][:1].isupper() or low not in lemmas.get("VERB", ()):
            continue
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        if not {"NOUN", "ADJ", "PROPN"} & set(lemmas) or (
                words[i - 1].lower() not in DETERMINERS and after in _AFTER_A_VERB):
            return content_words(" ".join(words[:i]))
    return set()


_AFTER_A_VERB = DETERMINERS | word_set("in on at to from for with by into of up out down "
                                          "off about over him them it us me")


def _full_names(text: str) -> list[set[str]]:
    """The words, lower-cased, of each name of two words or more in `text` ("Barack Obama")."""
    return [{w.lower() for w in run.split()} for _, run in name_runs(text) if " " in run]


def _actors(question: str) -> tuple[set[str], set[str]]:
    """The words of the first full name of the asked event's part of `question` (who acts in
    it, mostly), and of the full name that acts in its other event's clause (`OTHER_EVENT`):
    one followed by a verb ("before Elizabeth Warren endorsed Biden"; not "before the Cipriani
    Dolci head chef was found dead")."""
    from lemminflect import getAllLemmas  # the tables load on first use

    own = _full_names(OTHER_EVENT.sub(" ", question))
    other: set[str] = set()
    for match in OTHER_EVENT.finditer(question):
        clause = match[0]
        for (_, end), run in name_runs(clause):
            after = re.match(r"\s+([a-z]+)\b", clause[end:])
            lemmas = set(getAllLemmas(after[1])) if after else set()
            if " " in run and "VERB" in lemmas and "NOUN" not in lemmas:
                other |= {w.lower() for w in run.split()}
            break
    return (own[0] - other if own else set()), other - set().union(*own)


def _other_actor(clause: str, actors: tuple[set[str], set[str]]) -> bool:
    """Whether `clause` names the one who acts in the question's other event and not the
    asked one's: "Elizabeth Warren announced yesterday (15 April 2020) she was endorsing Joe
    Biden" dates Warren's endorsement, not Obama's, for "On what date did Barack Obama announce
    his endorsement of Joe Biden, shortly before Elizabeth Warren endorsed Biden?"
    (wikinews_blind63_qa ds14, a near miss; session 65)."""
    own, other = actors
    words = {w.lower() for w in WORD.findall(clause)}
    return bool(own and words & other) and not words & own


def _day_or_date(dates: set[str]) -> set[str]:
    """The figures of `dates` where it has any: a neighbour "On January 28, ... the bucket's
    owner had been informed" gives no day "January 14" (wikinews_blind62_qa dr06, a near miss
    answered with the day of an email; session 65)."""
    return {word for word in dates if word.isdigit()} or dates


# A capitalised word after a clause's first is a name's: "state" of "secretary of state" is
# no word of "the governor of United States commonwealth of Puerto Rico" (wikinews_blind48_qa
# dd40, a near miss answered with the day he resigned; session 60).
_NAME_WORD = re.compile(r"(?<=\S)(\s+)[A-Z][\w'’.-]*")


# "Passed away" is "died" (wikinews_quiz_blind38 el12: "He passed away 5:03 AM, February 10,
# 2019" refused as the time of something else for "At what time did he die?"; session 62).
_PASSED_AWAY = re.compile(r"\bpass(?:ed|es|ing)?\s+away\b", re.I)


def _event_words_of(clause: str) -> set[str]:
    """The words of `clause` that may name an event (`rag.text.verb_words`): not those of a
    description set off after a name (`_APPOSITION`, `_THE_APPOSITION`), nor a name's."""
    clause = _THE_APPOSITION.sub(r"\g<name> ", _APPOSITION.sub(" ", clause))
    words = verb_words(_NAME_WORD.sub(" ", clause))
    return words | content_words("die") if _PASSED_AWAY.search(clause) else words


# A year between a determiner and a noun dates the noun: "the 2012 documentary", "his 2016
# campaign".
_YEAR_OF_A_THING = re.compile(r"\b(?:the|a|an|its|his|her|their|[A-Z]\w*['’]s)\s+"
                              r"(?P<y>(?:1[89]|20)\d\d)\s+(?P<n>[a-z]+)\b")


def _dates_a_thing(clause: str, dates: set[str], event: set[str]) -> bool:
    """Whether every place `clause` writes one of `dates` is a year that dates a thing the
    question's event does not name: "Afterwards he moved to South Africa, and still lived
    there when the 2012 documentary ... was filmed" dates the film, not the move
    (wikinews_blind51_qa dg04, a near miss answered with 2012; session 60). "The 2016
    election" dates an election, which "When was he elected?" names."""
    written = [m for m in WORD.finditer(clause) if m.group() in dates]
    if not written:
        return False
    things = {m.start("y"): m["n"] for m in _YEAR_OF_A_THING.finditer(clause)}
    return all(m.start() in things and not found_words(event, verb_words(things[m.start()]))
               for m in written)


_AT_A_PLACE = re.compile(r"\b(?:from|to|at|in|on|near|into|onto|aboard)\s+(?:the\s+)?$", re.I)


def _initialism_named(question: str, clause: str) -> bool:
    """Whether `clause` writes the initialism of a name the question gives, the thing asked
    about: "2008 NBA MVP" for "named the NBA's Most Valuable Player" (wikinews_quiz_blind20
    qt16, refused; session 54). Not a place the event starts or ends at: "docking today (31 May
    2020)" with the ISS is no return "to Earth from the International Space Station"
    (wikinews_blind48_qa dd28, a near miss; session 65)."""
    written = {w for w in WORD.findall(clause) if len(w) >= 3 and w.isupper()}
    for (start, _), name in name_runs(question):
        if _AT_A_PLACE.search(question, 0, start):
            continue
        words = WORD.findall(name)
        if any((acronym(" ".join(words[i:])) or "").upper() in written
               for i in range(len(words) - 1)):
            return True
    return False


# A thing that is dated by its name: "the Nemmers Prize in Mathematics in 1998", "the Tenure of
# Office Act of 1867".
_DATED_THING = re.compile(r"\b(?:prizes?|awards?|medals?|trophy|cup|act|treaty|accord|agreement|"
                          r"convention|games|championships?)\b", re.I)


# What the date beside such a name is the date of: its passing, signing or award.
_DATED_BY_NAME = frozenset(content_words(
    "pass passed enact enacted sign signed adopt adopted ratify ratified receive received win "
    "won award awarded"))


def _dates_the_name(question: str, sentence: str, dates: set[str]) -> bool:
    """Whether `sentence` writes one of `dates` just after a prize, an act or a treaty the
    question names ("receive the Nemmers Prize in Mathematics" on "the Nemmers Prize in
    Mathematics in 1998", a list of his prizes with their years, where no word of the
    receiving stands: session 53, wikinews_quiz_blind13 qn11 and two more, refused)."""
    if not _DATED_BY_NAME & event_words(question):
        return False  # "rule the Act unconstitutional" is no act's passing (cj28)
    for _, name in name_runs(question):
        at = sentence.find(name)
        if at < 0 or not _DATED_THING.search(name):
            continue
        # Up to the next item of a list: "the Berwick Prize in 1971, the George Pólya Prize".
        after = re.split(r",|;|\s(?:and|while|but)\s", sentence[at + len(name):])[0]
        if set(WORD.findall(after)[:4]) & dates:
            return True
    return False


# A description set off after a name says what someone is, not what happened: "Widodo
# designated Wiranto, a former general, as security minister in 2016" names no general's
# retirement (wikinews_blind30_qa cl28, a near miss; session 49). Up to 80 characters: "Hammons,
# a former Newsweek manager and owner of the website "Bill's List", founded the Unity Party in
# 2004" dates no leaving of Newsweek (wikinews_blind57_qa dm04, a near miss; session 63).
_APPOSITION = re.compile(r",\s+an?\s+[^,]{1,80},")
# And one with "the" right after a name: "Pogue, the founder of Pogue Construction, was
# convicted ... in 2010" dates no founding (wikinews_blind46_qa db28, a near miss; session
# 66). Not one after a date: "On May 3, the day of the funeral, ..." dates the funeral.
_THE_APPOSITION = re.compile(r"(?P<name>\b[A-Z][\w'’.-]*),\s+the\s+[^,]{1,80},")


def _dated_clauses(sentence: str, dates: set[str]) -> list[str]:
    """The clauses of `sentence` that write one of `dates`; the sentence if none does. A
    clause that names only who and when borrows the words of the one before ("Bill Clinton
    was impeached in 1998, and Andrew Johnson in 1868"): it is read with the whole sentence."""
    # A relative clause tells of its own event: "the Tenure of Office Act of 1867, which the
    # Supreme Court later ruled to be unconstitutional" dates the act, not the ruling
    # (wikinews_blind29_qa cj28).
    parts = [p for c in clauses(sentence) for p in _RELATIVE.split(c)]
    dated = [c for c in parts if set(WORD.findall(c)) & dates] or [sentence]
    return [sentence if _elliptical(c, dates) else _after_description(sentence, c, dates)
            or _without_other_times(c, dates) for c in dated]


# A phrase that places its own event before or after the clause's: "After Mugabe fired his vice
# president, ..., the army moved on November 15, 2017" dates the army's move, not the firing
# (wikinews_blind41_qa cw20, a near miss answered so; session 55). Up to a comma.
_OTHER_TIME = re.compile(r"(?:^|(?<=[\s,]))(?:after|before|following|ahead of|prior to)\s[^,;]*",
                         re.I)


def _without_other_times(clause: str, dates: set[str]) -> str:
    """`clause` without the phrases of another time (`_OTHER_TIME`) written before its date:
    the date is not the time of the event such a phrase names. Only before it: in "Bontddu
    Hall dates to 1873 ... before becoming a hotel" the date is the hall's, and the phrase
    after it still says what the hall was (wikinews_quiz_blind14 qn14)."""
    first = next((m.start() for m in WORD.finditer(clause) if m[0] in dates), len(clause))
    return _OTHER_TIME.sub(lambda m: " " if m.end() <= first else m[0], clause)


_RELATIVE = re.compile(r",\s+(?=(?:which|who|whom|whose)\b)")


def _elliptical(clause: str, dates: set[str]) -> bool:
    """Whether `clause` holds nothing but a name, a date and function words ("and Andrew
    Johnson in 1868"; not "in 2014" alone: `_after_description`)."""
    words = [w for w in WORD.findall(clause) if w not in dates and not w.isdigit()]
    rest = [w for w in words if not w[:1].isupper()]
    # (its first word may be capitalised for the sentence's sake: "And", "The")
    named = any(w[:1].isupper() and content_words(w) for w in words[1:])
    return named and not content_words(" ".join(rest))


# A description set off by a pair of dashes: " — a high national honor conferred by the
# president of Namibia — ".
_DASHED = re.compile(r"\s[—–-]\s[^—–]*?\s[—–-]\s")


def _after_description(sentence: str, clause: str, dates: set[str]) -> str | None:
    """The sentence's own clause, where `clause` is only its date after a description set off
    by dashes: "He was awarded the Most Brilliant Order of the Sun, first class — a high
    national honor conferred by the president of Namibia — in 2014" dates the award, and
    nothing the description says: it is read without it (wikinews_quiz_blind42 ep24, refused
    as the date of something else; wikinews_quiz_blind36 ej37, a near miss asking when he
    became vice-president; session 64). None for any other clause."""
    if content_words(" ".join(w for w in WORD.findall(clause) if w not in dates)):
        return None
    bare = _DASHED.sub(" ", sentence)
    return bare if bare != sentence else None


_AGE_WHEN = re.compile(r"\bhow old (?:was|were|is|are|will)\b.*?\bwhen\b(?P<event>[^?]+)", re.I)


def age_event_problem(question: str, sentences: Sentences) -> str | None:
    """Why the age the answer gives is the person's age at another time, or None: "How old
    was she when she married the conductor?" is not answered by "She was 95" (at her death).
    As for a date (`event_problem`), a cited sentence that gives the age must name, in it or
    its neighbours, a word of the event after "when" (names left out)."""
    match = _AGE_WHEN.search(question)
    if match is None:
        return None
    event = content_words(" ".join(w for w in WORD.findall(match["event"])
                                   if not w[:1].isupper()))
    if not event:
        return None
    first: str | None = None
    for text, evidence in sentences:
        ages = numbers(text, as_written=False) - numbers(question, as_written=False)
        cited = [span for span in evidence
                 if ages & numbers(span[0][span[1]:span[2]], as_written=False)]
        if not cited or any(found_words(event, content_words(Evidence(*span).window))
                            for span in cited):
            return None
        first = first or "the age the evidence cited gives is at another time"
    return first


# The words for the two ends of something: its start and its end.
_STARTS = frozenset(content_words("launch launched start started begin began begun open opened "
                                  "opening beginning"))
# (session 58: "completed" and "shut" too: "When is construction due to begin?" is not
# answered by "is to be completed by December 2023", wikinews_blind46_qa db04, a near miss.)
_ENDS = frozenset(content_words("end ended ending finish finished close closed closing quit "
                                "suspend suspended withdraw withdrew withdrawn conclude "
                                "concluded complete completed completion shut"))


# The verb of a clause of its own, past its subject and any adverb or auxiliary: "the Poznan
# distribution center that it reportedly closed" (wikinews_blind46_qa db40, a near miss
# answered with the year it closed; session 58).
_RELATIVE_VERB = re.compile(r"\b(?:that|which|who|he|she|they|it|we)\s+(?:(?:\w+ly|it|he|she|"
                            r"they|we|had|has|have|was|were|is|are)\s+){0,3}\w+", re.I)


# A question that asks for an end, a bound or how long something is to run: "until" answers it.
_BOUND_ASKED = re.compile(r"\b(?:until|till|through|deadline|expires?|expired|lasts?|lasted|"
                          r"lift|lifted|extend|extended|remain|remained|stay|stayed|"
                          r"due|runs?|ran|valid)\b|\bby (?:what|which|when)\b", re.I)
_UNTIL_DATE = re.compile(r"\b(?:until|till|through)\s+(?:at\s+least\s+)?(?:the\s+end\s+of\s+)?"
                         r"(?:\w+\s+)?$", re.I)


def bound_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer's date is only the bound of a period another event set, or None: "On
    what date did the Supreme Court rule against the extension?" is not answered by "April
    13" of "the judge ordered that absentee ballots be accepted until April 13"
    (wikinews_quiz_blind26 qz37, a near miss; session 58). Where the question asks for no
    end, bound or span (`_BOUND_ASKED`), and every place a cited sentence writes the answer's
    date follows "until", "till" or "through", the date bounds something else."""
    if _BOUND_ASKED.search(question) or event_words(question) & _ENDS:
        return None
    first: str | None = None
    for text, evidence in sentences:
        dates = _answer_dates(question, text)
        giving = _giving(evidence, dates)
        places = [_UNTIL_DATE.search(article[max(start, m.start() - 40):m.start()])
                  for article, start, end in giving
                  for m in WORD.finditer(article, start, end) if m.group() in dates]
        if not places or not all(places):
            return None
        first = first or ("the date the evidence cited gives is the end of a period (\"until "
                          "...\"), not the day of the event asked about")
    return first


def other_end_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer's date is when the asked thing ended rather than began (or the other
    way round), or None: every cited sentence that gives the date names the other end and
    not the asked one."""
    event = event_words(question)
    if event & _STARTS and event & _ENDS:
        # "When did Hickenlooper launch the campaign he ended in August?": the end named in
        # a clause of its own (after "he", "that", "which") describes; the other is asked.
        event = verb_words(_RELATIVE_VERB.sub(" ", question))
    if bool(event & _STARTS) == bool(event & _ENDS):  # neither end, or both
        return None
    asked, other = (_STARTS, _ENDS) if event & _STARTS else (_ENDS, _STARTS)
    first: str | None = None
    for text, evidence in sentences:
        dates = _answer_dates(question, text)
        cited = [article[start:end] for article, start, end in _giving(evidence, dates)]
        if not cited or any(content_words(c) & asked or not content_words(c) & other
                            for c in cited):
            return None
        verb = next(iter(sorted(content_words(cited[0]) & other)))
        first = first or (f"the date the evidence cited gives is for the {verb} "
                          f"(the question asks for the {'start' if asked is _STARTS else 'end'})")
    return first


# A sentence that opens by dating itself ("In 2008, ...", "A decade later, in 2008, ...",
# "On March 3, 2019, ...") tells of that time: its year, after at most one short phrase.
_OPENING_YEAR = re.compile(
    r"^\W*(?:[^,.;]{0,30},\s*)?(?:[Ii]n|[Oo]n|[Dd]uring|[Bb]y)\s+(?:(?:early|late|mid)[- ]?)?"
    r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?(?P<y>(?:1[89]|20)\d\d)\s*,")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


# A year as a date's: "March 14, 2020", "14 March 2020", "in 2020"; not "The 2016 caucuses"
# (the question's event, restated) nor a clock ("at 1922 UTC").
_MONTH_NAMES = "|".join(m.capitalize() for m in MONTHS)
_DATED_YEAR = re.compile(rf"(?:\b(?:{_MONTH_NAMES})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?|"
                         rf"\b\d{{1,2}}\s+(?:{_MONTH_NAMES})\s+|\b(?:in|of|since)\s+)"
                         r"((?:1[89]|20)\d\d)\b")


# A year that names the asked event, after "the": "the 2016 Northern Mariana Islands
# Democratic caucuses". Not a year that dates the story ("as noted when ... in June 2020"):
# read that way, 11 right answers of the development sets were refused for one near miss.
_THE_YEAR = re.compile(r"\bthe\s+((?:1[89]|20)\d\d)\s+(?=[A-Za-z])", re.I)


def answered_year_problem(question: str, sentences: Sentences) -> str | None:
    """Why the time the answer gives is of another year than the one the question names its
    event by, or None: "On what date were the 2016 Northern Mariana Islands Democratic
    caucuses held?" is not answered by "March 14, 2020", the date of the next ones
    (wikinews_quiz_blind21 qu38, a near miss answered so; session 54). The year written
    before the asked event's name (`_THE_YEAR`; outside descriptions and other events, as
    `other_year_problem` reads them), give or take one (a race covered the year before, games
    put off to the next); every year the answer gives as a date's outside them."""
    asked = OTHER_EVENT.sub(" ", _without_descriptions(question))
    years = {int(y) for y in _THE_YEAR.findall(asked)}
    if not years:
        return None
    near = {y + step for y in years for step in (-1, 0, 1)}
    given = [{int(y) for y in _DATED_YEAR.findall(text)} for text, _ in sentences]
    if any(given) and all(not found & near for found in given if found):
        return (f"the question asks about {' and '.join(map(str, sorted(years)))}; the answer "
                "gives another year")
    return None


def other_year_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer tells of another year than the one the question asks about, or None.

    "Who was Kay Hagan's opponent when she won her seat in 1998?" is not answered from "A
    decade later, in 2008, Hagan defeated Elizabeth Dole": a cited sentence that opens by
    dating itself tells of that year, whatever its neighbours say. Where the question dates
    its event by years (not in a description of someone, "who died in October 2019", nor in a
    clause of another event, "after ...": `_without_descriptions`, `OTHER_EVENT`) and every
    cited sentence of an answer sentence opens with a year it does not name, the answer is
    another year's (wikinews_blind30_qa cl11 and cl12, answered with the 2008 race for 2014 and
    1998). Not for "when" or "how long", whose answer is the time."""
    asked = OTHER_EVENT.sub(" ", _without_descriptions(question))
    years = {int(y) for y in _YEAR.findall(asked)}
    if not years:
        return None
    if content_words(asked) & AHEAD:  # a race or a season is covered the year before
        years |= {y - 1 for y in years}
    for _text, evidence in sentences:
        opened = [_OPENING_YEAR.match(article[start:end]) for article, start, end in evidence]
        if evidence and all(m and int(m["y"]) not in years for m in opened):
            return (f"the question asks about {' and '.join(map(str, sorted(years)))}; the "
                    f"evidence cited tells of another year")
    return None


# A noun with the year it is for: "the economic growth forecast for 2020", "the budget for
# 2021", "by the end of 2019".
_FOR_YEAR = re.compile(r"\b([a-z]+)\s+(?:for|of)\s+((?:1[89]|20)\d\d)\b")


def target_year_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer gives the asked noun's figure for another year, or None: "To what range
    did the government lower its growth forecast for 2020?" is not answered from "the
    government lowered the economic growth forecast for 2019 to 0 – 1%" (wikinews_quiz_blind39
    em34, a near miss answered; session 63). Where every sentence an answer sentence cites
    writes the question's noun for another year, and not the question's year, the answer is
    the other year's."""
    asked = [(content_words(noun), year) for noun, year in _FOR_YEAR.findall(question)
             if content_words(noun)]
    for noun, year in asked:
        for _text, evidence in sentences:
            others = [[y for n, y in _FOR_YEAR.findall(article[start:end])
                       if content_words(n) == noun and y != year]
                      if year not in _YEAR.findall(article[start:end]) else []
                      for article, start, end in evidence]
            if evidence and all(others):
                word = " ".join(sorted(noun))
                return (f"the question asks about the {word} for {year}; the evidence cited "
                        f"gives the {word} for {others[0][0]}")
    return None

