"""Stage `constraints`: what the question itself requires of the evidence an answer rests on.

Citation support (`verify`) looks at the words an answer sentence adds to the question: "301
stores [1]" is supported by a sentence holding "301 stores". That sentence may be about
another year, another person, another outlet's figure or another topic than the question
asks about. So the question's own constraints are parsed once, into a typed list:

    kind    read from                                   the evidence must hold
    date    a period the question names (`timeframe`)   a date in it, or be published in it
    name    a person, organisation or place             most of the name, or its acronym
    number  a figure the question gives ("2.9 million") the figure
    quote   a quoted phrase ("'a stab in the back'")    every word of the phrase
    source  "according to S", "what did S say/claim",   S, and not as someone else's listener
            "how did S describe", "did S give/record"
    topic   "about Y", "regarding Y"                    most of Y, less the names in it

and each is checked against the evidence a sentence rests on: the cited sentence with its
immediate neighbours (a pronoun or "the company" usually points one sentence back), and the
article's metadata (title, publication date, outlet). A name the article is about (in its
title or lead, or in two sentences) may stand anywhere in it, and a place the question puts
the event in ("in Belgrade", "at the airport") anywhere before the cited sentence, where the
story set its scene. A cited sentence that opens with another person as its subject is that
person's ("Lisa Mancini has been cosplaying for two years" is no fact of Stephanie Chapman's),
unless the story is about the asked one (`_subject_instead`). In an interview or a
transcript, the words of a turn are its speaker's: the tag that opens it ("((Perttu Ahola))",
"KURTZER:") names who says them (`turn_speaker`), and a quotation that a sentence opens as
someone's is theirs to its end (`_quoted_by`). A quoted phrase in the title is what the story
is about. A range of dates ("between January 2016 and December 2019") is one period, which
must lie inside the asked one. One mechanism for all of them; the failed constraint is named
in the reason (`Constraint.describe`).

It errs towards answering: a date the question does not anchor in a year ("on Monday"), a
source that is no name ("according to his daughter"), an undated article, all pass. Only a
plain lexical absence or a contradiction (the cited sentence dates itself to another year or
month) fails a constraint.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Literal

from rag.text import article_sentences, content_words, figures_as_digits, nearest_year
from rag.types import TimeFrame

Kind = Literal["date", "name", "number", "quote", "source", "topic"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"\w+(?:[.'’/–-]\w+)*")  # "U.S.", "Turkey–Libya", "2018/19" are one word
_QUOTED = re.compile(r"[\"“]([^\"”]{3,}?)[\"”]|(?<!\w)['‘]([^'‘’]{3,}?)['’](?!\w)")
_SPEECH = _words(
    "say says said tell tells told state states stated express expresses expressed speak "
    "speaks spoke add adds added note notes noted warn warns warned urge urges urged assert "
    "asserts asserted stress stresses stressed emphasize emphasized emphasise emphasised "
    "describe describes described insist insists insisted argue argues argued claim claims "
    "claimed announce announces announced declare declares declared reiterate reiterates "
    "reiterated explain explains explained write writes wrote reply replies replied "
    "report reports reported estimate estimates estimated tweet tweets tweeted call calls "
    "called put puts give gives gave record records recorded measure measures measured "
    "count counts counted comment comments commented remark remarks remarked respond "
    "responds responded acknowledge acknowledges acknowledged admit admits admitted confirm "
    "confirms confirmed suggest suggests suggested predict predicts predicted deny denies "
    "denied concede concedes conceded observe observes observed testify testifies testified "
    "recall recalls recalled promise promises promised vow vows vowed pledge pledges pledged "
    # A participle after the speaker's clause: "O'Rourke defended the plan, saying that ..."
    "saying telling stating adding noting warning urging claiming insisting arguing "
    "explaining declaring announcing writing tweeting describing calling")
_PRONOUNS = _words("he she they his her their it")
_PASSIVE = _words("is was are were be been being")
_AUXILIARIES = _words("is was are were has had have will would could can did does")
_PLACE_PREPOSITIONS = _words("in at near off outside")
_QUOTES = re.compile(r"[\"“”]")
_SPEECH_PAST = _words("said told spoke wrote gave put")
# Verbs that make their subject the source of what the question asks for.
_SOURCE_VERBS = (r"say|tell|think|write|announce|warn|promise|claim|describe|call|give|report|"
                 r"record|estimate|put|quote|cite|confirm|tweet|predict|forecast|count|tally")
_SOURCE = [
    re.compile(r"\baccording to (?P<s>[^,?;]+)", re.I),
    # after a leading clause too: "Once Nevada had been called, how many votes did the AP
    # count?"
    re.compile(r"^\s*(?:(?!(?:who|whom|whose|what|which|when|where|why|how)\b)[^,?]{0,80},\s*)?"
               r"(?:what|how|why)\b[^?]*?\b(?:did|does|do|has|have|had|will|would)\s+"
               r"(?P<s>.+?)\s+(?:himself\s+|herself\s+|themselves\s+|first\s+|later\s+)?"
               r"(?P<v>" + _SOURCE_VERBS + r")\b", re.I),
    # "What words did Theresa May use in responding to the march?": what she said.
    re.compile(r"\bwhat (?:words|phrases?|terms?|language)\b[^?]*?\b(?:did|does|do|has|have|"
               r"had|will|would)\s+(?P<s>.+?)\s+(?P<w>use|choose|employ)\b", re.I),
]
# Verbs of speech, of those: what the source is asked for is something it said.
_SAYS = re.compile(r"say|tell|write|announce|warn|promise|claim|describe|call|quote|tweet",
                   re.I)
# What an "according to" phrase names when it is the article itself, not a source within it.
_THE_ARTICLE = re.compile(r"^\s*(?:the|this|that)\s+(?:report|article|story|news|piece)\b",
                          re.I)
_TOPIC = re.compile(
    r"\b(?:say|said|tell|told|think|thought|write|wrote|announce|announced|warn|warned|"
    r"agree|agreed|decide|decided|rule|ruled|conclude|concluded|discuss|discussed|promise|"
    r"promised|disagree|disagreed)\b(?:\s+(?:to|on|upon))?[^?]*?"
    r"\b(?:about|regarding|concerning) (?P<t>.+?)(?:\b(?:when|while|after|before|during|"
    r"as|at|in|on|since|following)\b|[?,;]|$)", re.I)
_CLAUSE = re.compile(r"\s*(?:how|why|whether|if|what|when|where|who|which)\b", re.I)
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower() for d in calendar.day_name}
# Capitalised words that start a question or name a time, never a name constraint.
_NOT_NAMES = _words(
    "what which who whom whose when where why how name list according by on in at under "
    "besides beside to during after before for from of did does do is was were are has have "
    "had can could will would give tell since following between among as the a an i "
    "if while with without") | WEEKDAYS | set(MONTHS)
_CONNECTORS = _words("of de del da di la le von van der du des dos das della dei the")
# "on" and "for" join a name after the word for a body: "Commission on International
# Religious Freedom", "National Coalition for Men", "Centers for Disease Control"; elsewhere
# they end it ("Trump on Twitter").
_BODY_JOINERS = _words("on for")
_BODIES = _words("commission commissions committee committees council councils centre centres "
                 "center centers coalition institute institutes office agency bureau board "
                 "foundation fund alliance association society league federation organization "
                 "organisation")
_NAME_JOINERS = _CONNECTORS | _BODY_JOINERS
# A plural acronym names a kind, not one body: "MPs", "NGOs", "CEOs".
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# Initialisms English writes as common nouns: "Which TV series ...?" names no TV.
_COMMON_INITIALISMS = frozenset({"TV", "CEO", "GDP", "DNA", "AI", "PC", "ID", "IQ"})
_ACCORDING_WORDS = 8  # at most, of an "according to" phrase
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(?:\s*[/–-]\s*(\d{2,4}))?\b")
_MONTH_MENTION = re.compile(
    r"\b(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>(?:1[89]|20)\d\d))?\b")
_DAY_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?P<m>January|February|March|April|May|"
                        r"June|July|August|September|October|November|December)"
                        r"(?:,?\s+(?P<y>(?:1[89]|20)\d\d))?\b")
_RANGE_MONTH = "|".join(m for m in calendar.month_name if m)
_RANGE = re.compile(rf"\b(?i:between|from)\s+(?:(?P<m1>{_RANGE_MONTH})\s+)?"
                    rf"(?P<y1>(?:1[89]|20)\d\d)\s+(?:and|to|until|through|till)\s+"
                    rf"(?:(?P<m2>{_RANGE_MONTH})\s+)?(?P<y2>(?:1[89]|20)\d\d)\b")
_RELATIVE_YEAR = re.compile(r"\b(last|this|next|previous|past) (year|month)\b", re.I)
_NUMBER = re.compile(r"^\d[\d,.]*(?:/\d+)?$")
# Days after a period in which an article counts as reporting it (reports come after events).
_SLACK_DAYS = 31

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class Constraint:
    """One thing the question requires of the evidence."""

    kind: Kind
    text: str  # as the question writes it
    words: frozenset[str] = frozenset()  # content words (stemmed) the evidence must hold
    acronym: str | None = None  # "USGS" for "US Geological Survey"
    head: str | None = None  # a two-word name's last word: "Towarek", "Nations"
    first: str | None = None  # its first word, as written: "Xi" (of "Xi Jinping")
    last: str | None = None  # and its last: "Jinping"
    after: str | None = None  # the preposition before it in the question: "with" Wang Yi
    governor: str | None = None  # the word before that, stemmed: "talk" (talks with Wang Yi)
    aliases: frozenset[str] = frozenset()  # a source's role in the question: "the mother"
    either: tuple[Constraint, ...] = ()  # others that will do instead: "Qin Gang and Wang Yi
    # each", the person "Virginia doctor Joel Smithers" is about
    modifier: bool = False  # a source's name only qualifies its role: "the Polish press agency"
    says: bool = False  # the question asks what the source said: "What did S say/tell/call?"
    part: int = 0  # the part of a two-part question it comes from ("..., and what ...?")
    event_year: bool = False  # a date's year names the event: "the 2020 presidential race"
    # (its `words` are then the words after the year, which `_event_year_met` reads)
    start: dt.date | None = None  # a date constraint's period
    end: dt.date | None = None

    def describe(self) -> str:
        """The constraint as a refusal reason names it."""
        what = {"date": "the date", "name": "the name", "number": "the figure",
                "quote": "the quoted phrase", "source": "the source", "topic": "the topic"}
        return f'{what[self.kind]} "{self.text.strip()}"'


@dataclass(frozen=True)
class Evidence:
    """What one cited span gives a constraint to check: the span in its article, and the
    article's metadata."""

    article: str
    start: int
    end: int
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    # Content words of the question and of the answer sentence resting on the span (see
    # `names_instead`).
    asked: frozenset[str] = frozenset()
    # Relative days of the article resolved against its publication date: where in the article
    # and the first and last day, as `relative_dates.Note` gives them ("on Friday": 13 March).
    dates: tuple[tuple[int, dt.date, dt.date], ...] = ()
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def cited(self) -> str:
        return self.article[self.start:self.end]

    @property
    def window(self) -> str:
        """The cited sentences with the one before and the one after: where a quoted phrase
        or a date may stand beside the fact."""
        if "window" not in self._cache:
            spans = window_sentences(self.article, self.start, self.end)
            self._cache["window"] = self.article[spans[0][0]:spans[-1][1]]
        return str(self._cache["window"])

    @property
    def near(self) -> str:
        """The cited sentences, the one before and the metadata (see `words`)."""
        if "near" not in self._cache:
            spans = window_sentences(self.article, self.start, self.end, after=False)
            meta = " ".join(part for part in (self.title, self.outlet) if part)
            self._cache["near"] = f"{self.article[spans[0][0]:spans[-1][1]]} {meta}"
        return str(self._cache["near"])

    @property
    def words(self) -> frozenset[str]:
        """Content words of the cited sentences, the one before (where "he" or "the company"
        is named) and the metadata, with acronyms of their names. Not the one after: it
        often starts on another subject ("The estimated cost is 2.5 billion euros. EuroAfrica
        Interconnector, a similar project, ...")."""
        if "words" not in self._cache:
            self._cache["words"] = frozenset(content_words(self.near)) | _acronyms(self.near)
        return self._cache["words"]  # type: ignore[return-value]

    @property
    def window_words(self) -> frozenset[str]:
        """Content words (and acronyms) of `window` and the metadata."""
        if "window_words" not in self._cache:
            meta = " ".join(part for part in (self.title, self.outlet) if part)
            text = f"{self.window} {meta}"
            self._cache["window_words"] = frozenset(content_words(text)) | _acronyms(text)
        return self._cache["window_words"]  # type: ignore[return-value]

    def names_instead(self, constraint: Constraint) -> bool:
        """Whether the cited sentence puts someone or something else where the question puts
        the name: after the same preposition, hung on the same word when the question's has
        one, a name that neither the question nor the answer holds ("discussed for over 7
        hours with Foreign Minister Qin" for "discussions with Wang Yi"; "a fire in Badalona"
        for "the fire in La Llagosta"; not "worked at Cipriani Dolci in Grand Central
        Terminal" for "found dead in Queens")."""
        if not constraint.after or not self.asked:
            return False
        for (start, _), name in name_runs(self.cited):
            before = re.findall(r"\w+", self.cited[max(0, start - 60):start])
            words = frozenset(content_words(name)) - _title_stems()
            if not (before and before[-1].lower() == constraint.after and words
                    and not words & self.asked):
                continue
            # "discussed for over 7 hours with": the word may stand a few words before.
            if constraint.governor is None or constraint.governor in content_words(
                    " ".join(before[-7:-1])):
                return True
        return False

    @property
    def window_span(self) -> tuple[int, int]:
        """Where `window` lies in the article."""
        spans = window_sentences(self.article, self.start, self.end)
        return spans[0][0], spans[-1][1]

    def months_in(self, start: int, end: int) -> list[tuple[Month, Month]]:
        """The months the relative days in start:end of the article resolve to, as `_mentions`
        gives them: "on Friday" (13 March 2020) is March 2020, "last year" 2019."""
        return [((first.year, first.month), (last.year, last.month))
                for at, first, last in self.dates if start < at <= end]

    @property
    def published_date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat((self.published or "")[:10])
        except ValueError:
            return None


# --- parsing the question ------------------------------------------------------------------
_PARTS = re.compile(r",?\s+and\s+(?=(?:what|which|who|whom|whose|when|where|why|how)\b)", re.I)


def parse(question: str, frame: TimeFrame | None = None) -> list[Constraint]:
    """The question's constraints, in the order they are checked. `frame` is the period the
    question names (`timeframe.resolve`), if any. A question of two parts ("In which city
    did Liu ..., and what did he then discuss with Blinken?") gets each part's constraints
    (`part`): an answer sentence needs to meet one part's."""
    parts = _PARTS.split(question)
    found: list[Constraint] = []
    for i, part in enumerate(parts):
        shown = frame if frame is not None and frame.text in part else None
        found += [replace(c, part=i) for c in _parse(part, shown if len(parts) > 1 else frame)]
    return found


def _parse(question: str, frame: TimeFrame | None) -> list[Constraint]:
    found: list[Constraint] = []
    taken: list[tuple[int, int]] = []  # spans of the question already made a constraint

    for match in _QUOTED.finditer(question):
        phrase = match.group(1) or match.group(2)
        words = frozenset(content_words(phrase))
        if words:
            found.append(Constraint("quote", phrase, words))
            taken.append(match.span())
    for pattern in _SOURCE:
        said = pattern.search(question)
        if said is None or _inside(said.span("s"), taken):
            continue
        if (found and found[-1].kind == "source" and "v" in said.groupdict()
                and not _SAYS.fullmatch(said.group("v"))):
            # "According to FEC records, how much did the committee give him?": the source
            # is the one "according to" names; the committee only gave.
            continue
        source = _source(said.group("s"))
        if source is not None and ("w" in said.groupdict() or "v" in said.groupdict()
                                   and _SAYS.fullmatch(said.group("v"))):
            source = replace(source, says=True)
        if source is not None:
            found.append(source)
            taken.append(said.span("s"))
    about = _TOPIC.search(question)
    # "about how he came to leave his post" is a question of its own, which the evidence
    # answers in its own words ("he offered to resign"): no topic to find there.
    if about and not _inside(about.span("t"), taken) and not _CLAUSE.match(about.group("t")):
        topic = about.group("t")
        words = _topic_words(topic)
        if words:
            found.append(Constraint("topic", topic, words))
            taken.append(about.span("t"))
    # "This week" counted from the newest article (no as_of given, the archive older than
    # today's week) ranks, but fixes no date: the day the asker counts from is not known.
    if (frame is not None and frame.anchored and not frame.recency
            and frame.counted_from is None):
        named = _year_names_the_event(question, frame)
        found.append(Constraint("date", frame.text, frozenset(content_words(named or "")),
                                start=frame.start, end=frame.end, event_year=named is not None))
    runs = name_runs(question)
    for i, ((start, end), name) in enumerate(runs):
        if (_inside((start, end), taken) or _PLURAL_ACRONYM.fullmatch(name)
                or name in _COMMON_INITIALISMS):
            continue
        words = frozenset(content_words(name))
        if words and not any(words <= c.words for c in found if c.kind in ("name", "source")):
            found.append(replace(_name(name, either=tuple(
                _name(other) for other in [_described(question, runs, i),
                                           _located(question, runs, i),
                                           *_DEMONYMS.get(name.lower(), ())] if other)),
                after=_preposition(question, start), governor=_governor(question, start)))
    for match in _FIGURE.finditer(question):
        token = match.group(0)
        if (not _YEAR.fullmatch(token) and not _is_date_number(question, match.start(),
                                                                 match.end())
                and not _inside(match.span(), taken) and not _in_name(question, match)
                # a house number: "at 36 Quai des Orfèvres", "10 Downing Street"
                and not re.match(r"\s+[A-Z]\w+\s+(?:[A-Z]|des\b|de\b|du\b)",
                                 question[match.end():])):
            found.append(Constraint("number", token, numbers(token, as_written=False)))
    for match in _ORDINAL.finditer(question):
        if not _inside(match.span(), taken):
            found.append(Constraint("number", match.group(0), _ordinals(match.group(0))))
    return found


# A year written before a noun, after a determiner or a possessive: "the 2020 presidential
# race", "his 2011 corruption conviction", "the 1980 'Canadian Caper' rescue".
_YEAR_BEFORE_NOUN = re.compile(
    r"\b(?:the|a|an|his|her|its|their|this|that|[A-Z][\w.-]*['’]s?)\s+(?P<y>(?:1[89]|20)\d\d)\s+"
    r"(?![\"'“‘]?(?:and|or|to|through|until|when|after|before)\b)[\"'“‘]?[A-Za-z]")


_WORDS_AFTER = re.compile(r"[A-Za-z][\w'’-]*")


def _year_names_the_event(question: str, frame: TimeFrame) -> str | None:
    """The words after the year, where the question's only period is a year written before
    a noun: the year names the event ("the 2020 presidential race", "his 2011 corruption
    conviction"), not the time the evidence is about. News covers a race the year before it
    and recalls a conviction in an obituary, so the date check reads it loosely
    (`_event_year_met`)."""
    year = re.fullmatch(r"(?:(?:in )?the )?((?:1[89]|20)\d\d)", frame.text.strip())
    for match in _YEAR_BEFORE_NOUN.finditer(question):
        if year is not None and match["y"] == year.group(1):
            return " ".join(_WORDS_AFTER.findall(question[match.end("y"):])[:3])
    return None


# A position the question gives ("finished fourth", "the 3rd round"): the evidence must give
# it, in words or figures. Not "first", which news writes of nearly anything new.
_ORDINAL_WORDS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL = re.compile(rf"\b(?:{'|'.join(_ORDINAL_WORDS)}|(?:[2-9]|\d\d)(?:st|nd|rd|th))\b", re.I)


def _ordinals(text: str) -> frozenset[str]:
    """The positions `text` names, as "ord:N": "fourth" and "4th" are "ord:4"."""
    found = set()
    for word in re.findall(r"\b\w+\b", text.lower()):
        if word in _ORDINAL_WORDS:
            found.add(f"ord:{_ORDINAL_WORDS[word]}")
        elif re.fullmatch(r"\d+(?:st|nd|rd|th)", word):
            found.add(f"ord:{int(word[:-2])}")
    return frozenset(found)


def _topic_words(topic: str) -> frozenset[str]:
    """What a topic is about, less the names in it: "a state funeral for Prime Minister
    Akilisi Pohiva" is about a state funeral (a sentence on Pohiva's death names him, and so
    most of the whole phrase, without a word of a funeral). The names are left to the other
    constraints and to the article's subject. A topic that is only a name ("about Taiwan")
    keeps it."""
    words = frozenset(content_words(topic))
    named = frozenset(content_words(" ".join(name for _, name in name_runs(topic, first=True))))
    return (words - named - _title_stems()) or words


def _name(name: str, either: tuple[Constraint, ...] = ()) -> Constraint:
    name = without_titles(re.sub(r"[’']s?$", "", name))  # "Tim Taylor's": Tim Taylor
    return Constraint("name", name, frozenset(content_words(name)), acronym=_acronym(name),
                      head=_head(name), first=_first(name), last=_last(name), either=either)


_PREPOSITIONS = _words("with in at by from near against")
# Nationality words that `found_words` does not reach, by a shared stem ("Indian" names India,
# "Iraqi" Iraq) or a regular ending (`_demonym_of`: "Iranian", "Italian"): "Irish counties"
# are named by "Ireland", "an American" by "a U.S. national". CLDR, which babel carries, has
# country names but no demonyms; these are the irregular ones.
_DEMONYMS = {demonym: tuple(names.split(",")) for demonym, names in {
    "american": "United States,U.S.,USA,America", "americans": "United States,U.S.,USA,America",
    "british": "Britain,UK,United Kingdom", "english": "England", "scottish": "Scotland",
    "welsh": "Wales", "irish": "Ireland", "french": "France", "dutch": "Netherlands,Holland",
    "greek": "Greece", "swiss": "Switzerland", "swedish": "Sweden", "danish": "Denmark",
    "finnish": "Finland", "polish": "Poland", "turkish": "Turkey", "spanish": "Spain",
    "portuguese": "Portugal", "thai": "Thailand", "filipino": "Philippines",
    "vietnamese": "Vietnam", "lebanese": "Lebanon", "sudanese": "Sudan", "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates,UAE", "kiwi": "New Zealand", "czech": "Czech Republic",
    "norwegian": "Norway", "peruvian": "Peru", "malagasy": "Madagascar",
}.items()}


def _governor(question: str, start: int) -> str | None:
    """The content word the preposition before a name hangs on, stemmed: "talk" of "the talks
    with Wang Yi", "dead" of "found dead in Queens"."""
    before = re.findall(r"\w+", question[max(0, start - 40):start])
    if len(before) < 2 or before[-1].lower() not in _PREPOSITIONS:
        return None
    stems = content_words(before[-2])
    return next(iter(stems)) if len(stems) == 1 else None


def without_titles(name: str) -> str:
    """"Archbishop Wojciech Polak" is Wojciech Polak: articles name him "archbishop Wojciech
    Polak" once and "Polak" after. A title with one word after it stays ("President Trump").
    The office a title names is the title's too: "Secretary of State Mike Pompeo" is Mike
    Pompeo (the last two words after the office, or the last one: "Secretary of State
    Pompeo"); "the Secretary of State" alone stays."""
    words = list(_WORD.finditer(name))
    while len(words) > 2 and words[0].group().lower().rstrip(".") in TITLES:
        rest = words[1:]
        if rest[0].group().lower() in ("of", "for"):
            if len(rest) < 3:
                break
            rest = rest[-2:] if len(rest) > 3 else rest[-1:]
        name = name[rest[0].start():]
        words = list(_WORD.finditer(name))
    return name


def _preposition(question: str, start: int) -> str | None:
    """The preposition just before a name in the question ("with" Wang Yi), if any; of a name
    joined to the one before by "and" or "or", that one's ("at" Khurais, of "at Abqaiq and
    Khurais")."""
    joined = re.search(r"\b(\w+)\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:and|or)\s+$",
                       question[max(0, start - 60):start])
    if joined and joined.group(1).lower() in _PREPOSITIONS:
        return joined.group(1).lower()
    before = re.findall(r"\w+", question[max(0, start - 20):start])
    if len(before) >= 2 and before[-1].isdigit():  # "at 36 Quai des Orfèvres"
        before.pop()
    return before[-1].lower() if before and before[-1].lower() in _PREPOSITIONS else None


def _described(question: str, runs: list[tuple[tuple[int, int], str]], i: int) -> str | None:
    """The name a one-word name modifies, with a noun or two between: "Virginia doctor Joel
    Smithers", "Philippine police chief Oscar Albayalde". The evidence that names the person
    need not name the modifier."""
    (_, end), name = runs[i]
    if i + 1 == len(runs) or len(_WORD.findall(name)) != 1:
        return None
    (start, _), following = runs[i + 1]
    between = question[end:start].split()
    if 1 <= len(between) <= 2 and all(w.isalpha() and w.islower() and content_words(w)
                                       for w in between):
        return following
    return None


# Regions a place is located by that babel's territories (`_countries`) leave out: the US
# states and the UK's nations.
_REGION_NAMES = ("Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware "
                 "Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana "
                 "Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana "
                 "Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
                 "Vermont Virginia Washington Wisconsin Wyoming England Scotland Wales")
_REGIONS = frozenset(_REGION_NAMES.lower().split()) | {
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota",
    "rhode island", "south carolina", "south dakota", "west virginia", "northern ireland"}


def _located(question: str, runs: list[tuple[tuple[int, int], str]], i: int) -> str | None:
    """The place a country or region locates, written just before it: "Reading" of "a park in
    Reading, England". A story names the town and may never write the country (or only the
    town's county), so the evidence that names the place need not name its locator."""
    (start, _), name = runs[i]
    place = name.strip().lower()
    if i == 0 or not (place in _REGIONS or place in _countries()):
        return None
    (_, before_end), before = runs[i - 1]
    if question[before_end:start] != ", " or _personal(before):
        return None  # "Emmanuel Macron, France and Germany": a person, then a country
    return before


def _inside(span: tuple[int, int], taken: Sequence[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in taken)


def _source(phrase: str) -> Constraint | None:
    """The source an "according to" phrase or a question's subject names: its name, or None
    when it names none ("his daughter", "forecasters") or is the article itself."""
    if _THE_ARTICLE.match(phrase):
        return None
    # "NDTV's report on the officials' investigation": the source precedes "on/about", unless
    # the word joins a body's name ("the US Commission on International Religious Freedom").
    head = phrase
    for cut in re.finditer(r"\s+(on|about|into|regarding|concerning|over|for|with)\s+(\w*)",
                           phrase):
        before = _WORD.findall(phrase[:cut.start()])
        if not (before and _joins_body(before[-1], cut.group(1), cut.group(2))):
            head = phrase[:cut.start()]
            break
    described, head = head, _before_apposition(head)
    runs = name_runs(head, first=True)
    if not runs:
        return None
    (start, name_end), name = runs[-1]  # "Alan Kurdi's aunt, Tima Kurdi": the last speaks
    others = []  # "Qin Gang and Wang Yi (each)": any of them
    for (_, end), other in reversed(runs[:-1]):
        if head[end:start].strip(" ,").lower() not in ("and", "or", ""):
            break
        others.append(other)
        start = head.index(other)
    words = frozenset(content_words(name))
    roles = {w for w in re.findall(r"\b[a-z]+\b", described) if w not in _NOT_NAMES}
    aliases = frozenset(content_words(" ".join(roles))) - words
    either = tuple(_source_named(other, aliases) for other in others)
    # "the Polish press agency", "US officials": the name qualifies the role after it, which
    # ends the phrase and speaks.
    role = head[name_end:]
    modifier = (bool(aliases) and re.fullmatch(r"(?:\s+[a-z]+)+\s*", role) is not None
                and not set(role.split()) & (_NOT_NAMES | _PRONOUNS))
    return _source_named(name, aliases, either, modifier) if words else None


# What follows a name's comma when it describes the name: a lowercase word ("the senator",
# "a spokesman") or a possessive ("O'Rourke's opponent"), not another name of a list.
_APPOSITION = re.compile(r"\s*(?:[a-z]|[A-Z][\w.-]*(?:['’][A-Z][\w.-]*)?['’]s\b)")


def _before_apposition(phrase: str) -> str:
    """The part of `phrase` before an apposition that describes the name it ends with:
    "Senator Ted Cruz" of "Senator Ted Cruz, O'Rourke's opponent in the 2018 Texas Senate
    race" (the names inside the description speak of others); `phrase` itself otherwise,
    as for "Alan Kurdi's aunt, Tima Kurdi", where the name follows the description."""
    first, comma, rest = phrase.partition(",")
    if not comma or not _APPOSITION.match(rest):
        return phrase
    runs = name_runs(first, first=True)
    if runs and not first[runs[-1][0][1]:].strip():
        return first
    return phrase


# A country reports through its government: "How many cases did Samoa report?" is answered
# by "the government has reported 165 cases" in an article that names Samoa around it.
_STATE_VOICES = frozenset(content_words("government authorities officials ministry"))


# A company or an agency speaks through the noun the article calls it by: "Japanese automaker
# Toyota ... The automaker said", "Toyota Motor Corp ... The company said". A noun the article
# gives two names ("Rival automaker Honda") speaks for neither.
_BODY_NOUNS = _words("company firm automaker carmaker airline carrier bank lender retailer "
                     "manufacturer maker insurer operator developer publisher broadcaster "
                     "network conglomerate startup agency regulator ministry department "
                     "organisation organization charity")
_COMPANY_NOUNS = _words("company firm")
_CORPORATE = _words("inc corp corporation co ltd llc plc group holdings ag se sa nv")
_BODY_AFTER = 5  # words of an appositive after the name: "Toyota, the world's largest automaker"
_CAPITALISED_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|de|and))*")


def _body_nouns_beside(article: str, start: int, end: int) -> set[str]:
    """The body nouns the article attaches to the name at start:end: just before it
    ("automaker Toyota"), in an appositive after it ("Toyota, the largest automaker"), and
    "company" for a corporate suffix ("Toyota Motor Corp.")."""
    # The noun must head its phrase: "automaker Toyota", "Toyota, the largest automaker";
    # not "agency director Jane Doe" or "Jane Doe, the agency director".
    before = [w.lower() for w in _WORD.findall(article[max(0, start - 40):start])][-1:]
    nouns = {w for w in before if w in _BODY_NOUNS}
    if _WORD.findall(article[start:end])[-1].lower().rstrip(".") in _CORPORATE:
        nouns |= _COMPANY_NOUNS
    appositive = re.match(r"\.?,\s+(?:the|a|an)\s+([^,.;:]*)", article[end:end + 80])
    if appositive:
        phrase = re.split(r"\b(?:that|which|who|with|in|of|for|based|whose)\b",
                          appositive.group(1))[0]
        words = [w.lower() for w in _WORD.findall(phrase)][:_BODY_AFTER]
        nouns |= {words[-1]} & _BODY_NOUNS if words else set()
    return nouns


@lru_cache(maxsize=256)
def body_voices(article: str, name: str) -> frozenset[str]:
    """The stemmed nouns by which `article` refers to the body `name` and to no other name
    ("automaker", "company"): a sentence whose speaker is one of them gives the body's words.
    Empty for a person, or a body the article gives no such noun."""
    constraint = _name(name)
    own: set[str] = set()
    others: set[str] = set()
    for match in _CAPITALISED_RUN.finditer(article):
        nouns = _body_nouns_beside(article, match.start(), match.end())
        if not nouns:
            continue
        if named_in(constraint, match.group(0)):
            own |= nouns
        else:
            others |= nouns
    return frozenset(content_words(" ".join(own - others)))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country and territory names in English, from the CLDR data babel carries."""
    from babel import Locale

    return frozenset(name.lower() for code, name in Locale("en").territories.items()
                     if code.isalpha())


def _source_named(name: str, aliases: frozenset[str], either: tuple[Constraint, ...] = (),
                  modifier: bool = False) -> Constraint:
    name = without_titles(name)
    if name.strip().lower() in _countries():
        aliases = aliases | _STATE_VOICES
    return Constraint("source", name, frozenset(content_words(name)), acronym=_acronym(name),
                      head=_head(name), first=_first(name), last=_last(name), aliases=aliases,
                      either=either, modifier=modifier)


def _head(name: str) -> str | None:
    """The last word of a name of two words or more, stemmed: "Towarek" of "Nicole Towarek",
    "Nations" of "United Nations", "Fields" of "James Alex Fields"."""
    words = [w for w in _WORD.findall(name) if w.lower() not in _CONNECTORS]
    if len(words) < 2:
        return None
    last = content_words(words[-1])
    return next(iter(last)) if len(last) == 1 else None


def _first(name: str) -> str | None:
    """The first word of a two-word name as written ("Xi" of "Xi Jinping"): it stands for the
    name only when no other name follows it ("Xi told", not "United States")."""
    words = [w for w in _WORD.findall(name) if w.lower() not in _CONNECTORS]
    return re.sub(r"['’]s$", "", words[0]) if len(words) == 2 and _head(name) else None


def _last(name: str) -> str | None:
    """The last word of a name as written ("Towarek", "Fields"): it stands for the name unless
    another name comes before it ("EuroAsia Interconnector" is no EuroAfrica Interconnector;
    "Mr Towarek" is Towarek; "Alex Fields" is James Alex Fields)."""
    words = [w for w in _WORD.findall(name) if w.lower() not in _CONNECTORS]
    return re.sub(r"['’]s$", "", words[-1]) if len(words) >= 2 and _head(name) else None


@cache
def _title_stems() -> frozenset[str]:
    return frozenset(content_words(" ".join(TITLES)))


TITLES = _words("mr mrs ms dr president minister senator sen rep representative judge "
                "governor gov mayor prime secretary general chief professor prof sir lord "
                "king queen pope prince princess father saint st officer captain colonel "
                "archbishop bishop cardinal rabbi imam reverend rev sheikh chancellor "
                "commissioner inspector sergeant lieutenant major admiral ambassador "
                # honorifics of other languages: "Mme Spanton" is Emily Spanton
                "mme mlle madame monsieur herr frau dame señor senor sra")


def name_runs(text: str, first: bool = False) -> list[tuple[tuple[int, int], str]]:
    """Capitalised runs of words ("Nicole Towarek", "B.C. Coroners Service", "Journal of
    Threatened Taxa", "Route 2"), without question words, months and weekdays. The first
    word of `text` counts only with `first`."""
    tokens = list(_WORD.finditer(text))
    runs: list[tuple[tuple[int, int], str]] = []
    current: list[re.Match[str]] = []

    def close() -> None:
        while current and current[-1].group(0).lower() in _NAME_JOINERS:
            current.pop()
        if current:
            span = (current[0].start(), current[-1].end())
            runs.append((span, text[span[0]:span[1]]))
        current.clear()

    for i, token in enumerate(tokens):
        word = token.group(0)
        gap = text[tokens[i - 1].end():token.start()] if i else ""
        # Punctuation ends a run, but for the stop of an abbreviation ("B.C. Coroners").
        abbreviation = gap.strip() == "." and i and "." in tokens[i - 1].group(0)
        if current and gap.strip(" ") not in ("", "-", "–") and not abbreviation:
            close()
        capital = word[:1].isupper() and (i > 0 or first)
        ordinary = re.split(r"[-–']", word.lower())[0] in _NOT_NAMES  # "Wednesday-night"
        following = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        if ordinary and current and word.lower() in MONTHS and not following[:1].isdigit():
            ordinary = False  # a surname that is a month: "Theresa May", not "May 3"
        inner = current and (word.lower() in _CONNECTORS or word[:1].isdigit()
                             or _joins_body(current[-1].group(0), word, following))
        if (capital and not ordinary or inner) and not _YEAR.fullmatch(word):
            current.append(token)
        else:
            close()
    close()
    return runs


def _joins_body(before: str, word: str, after: str) -> bool:
    """Whether `word` ("on", "for") joins a body's name: after the word for a body and before
    a capital ("Commission on International...", not "Trump on Twitter")."""
    return (word.lower() in _BODY_JOINERS and before.lower() in _BODIES
            and after[:1].isupper())


def _in_name(text: str, match: re.Match[str]) -> bool:
    return any(s <= match.start() and match.end() <= e for (s, e), _ in name_runs(text))


def _is_date_number(text: str, start: int, end: int) -> bool:
    """A day of a month ("January 7", "7 January") or an hour ("11 a.m."), not a figure."""
    before = text[max(0, start - 12):start].lower().split()
    after = text[end:end + 12].lower().split()
    return bool((before and before[-1].strip(".,") in MONTHS)
                or (after and after[0].strip(".,?!;") in MONTHS)
                or re.match(r"\s*(?:a\.?m\b|p\.?m\b|:\d\d)", text[end:end + 6], re.I))


def _plain_number(token: str) -> str:
    return token.replace(",", "").rstrip(".")


def _acronym(name: str) -> str | None:
    """"US Geological Survey" -> "usgs"; None for a one-word name."""
    words = [w for w in _WORD.findall(name) if w.lower() not in _NAME_JOINERS]
    if len(words) < 2:
        return None
    letters = "".join(w.replace(".", "") if w.isupper() else w[0] for w in words)
    return letters.lower() if letters.isalpha() else None


# A country's initialism leading a body's name: "US National Hurricane Center" is the NHC.
_COUNTRY_INITIALS = frozenset({"us", "uk"})  # "U.S." and "U.K." read without their stops


@lru_cache(maxsize=256)
def _unqualified_acronym(name: str) -> str | None:
    """The acronym of a body's name without the country initialism before it ("nhc" of "US
    National Hurricane Center"), of three letters or more; None without one."""
    words = _WORD.findall(name)
    if len(words) < 4 or words[0].replace(".", "").lower() not in _COUNTRY_INITIALS:
        return None
    acronym = _acronym(" ".join(words[1:]))
    return acronym if acronym and len(acronym) >= 3 else None


def _acronyms(text: str) -> frozenset[str]:
    """The all-capital words of a text ("USGS", "NDTV"), lower-cased, and the acronyms of its
    capitalised runs."""
    caps = {w.replace(".", "").lower() for w in _WORD.findall(text)
            if len(w) > 1 and w.replace(".", "").isupper()}
    # Of three letters or more: two ("EI") are too often another name's ("EuroAsia
    # Interconnector" for "EuroAfrica Interconnector").
    runs = {_acronym(name) for _, name in name_runs(text, first=True)}
    return frozenset(caps | {a for a in runs if a and len(a) >= 3})


# --- checking the evidence -----------------------------------------------------------------
def named_in(constraint: Constraint, text: str) -> bool:
    """Whether `text` (a name, or a few words) names `constraint`'s name or one that will do
    instead of it: most of the name, or its acronym ("AP" for "the Associated Press")."""
    words = frozenset(content_words(text)) | _acronyms(text)
    return any(_named(c, words, text) for c in (constraint, *constraint.either))


def satisfied(constraint: Constraint, evidence: Sequence[Evidence]) -> bool:
    """Whether any of `evidence` (the spans one answer sentence rests on) meets `constraint`
    (or one of those that will do instead of it)."""
    return any(_meets(c, e) for c in (constraint, *constraint.either) for e in evidence)


def first_unmet(constraints: Sequence[Constraint], evidence: Sequence[Evidence],
                scenes: bool = False) -> Constraint | None:
    """The first constraint `evidence` does not meet, or None when it meets them all (all of
    one part's, for a question of two parts). With `scenes`, a name that sets the story's
    scene may stand anywhere before the evidence in its article, and a topic the story is
    about anywhere in it (`sets_scene`)."""
    first: Constraint | None = None
    for part in sorted({c.part for c in constraints}):
        failed = next((c for c in constraints if c.part == part
                       and not satisfied(c, evidence)
                       and not (scenes and any(sets_scene(c, e) for e in evidence))), None)
        if failed is None:
            return None
        first = first or failed
    return first


def sets_scene(constraint: Constraint, evidence: Evidence) -> bool:
    """Whether the name is no person's and the article writes it before the evidence ends:
    a place, a body or a thing that sets the story's scene ("the Congo drug trial", "the
    Khurais oil field", "on YouTube") is named once, ahead of the facts that follow, and not
    beside each of them. Read for a closest passage only (`fallback`): as a check on answers
    it let through as many near misses as right answers (docs/evals.md), since a name the
    question turns on ("How many deaths had Spain recorded?") reads the same way. A topic
    sets the scene where the article's title or lead holds it: the story is about it ("the
    June 2020 announcement that face coverings would become compulsory")."""
    if constraint.kind == "topic":
        lead = f"{evidence.title or ''} {_lead(evidence.article)}"
        return _named(constraint, _text_words(lead), lead)
    if constraint.kind != "name" or any(ch.isdigit() for ch in constraint.text):
        return False  # a designation ("B-17") is a kind of thing: `_meets` reads it
    before = evidence.article[:evidence.end]
    return any(not _personal(c.text) and _named(c, _text_words(before), before)
               for c in (constraint, *constraint.either))


def reason(constraint: Constraint) -> str:
    """Why evidence failed a constraint, in words."""
    if constraint.kind == "date":
        return (f"the question asks about {constraint.describe()}; the evidence cited is "
                "about another time")
    if constraint.kind == "source" and constraint.says:
        return (f"the question asks for what {constraint.text.strip()} said; the evidence "
                "cited is someone else's words, or no one's")
    if constraint.kind == "source":
        return (f"the question asks for what {constraint.text.strip()} said or reported; the "
                "evidence cited is someone else's")
    return f"the question names {constraint.describe()}; the evidence cited does not"


def _meets(constraint: Constraint, evidence: Evidence) -> bool:
    if constraint.last and _surname_shared(evidence.article, constraint.text, constraint.last):
        # "Kimura" is Hana or her mother Kyoko Kimura: only the whole name will do.
        constraint = replace(constraint, last=None)
    words = evidence.words
    if constraint.kind == "quote":  # its words, in its order: "a stab in the back"
        wanted = _stems(constraint.text)
        if _is_title(constraint.text):
            # A title in quotation marks ("Storm Area 51, They Can't Stop All of Us") names an
            # event or a work, as a name does: the article that holds it is about it.
            return _in_order(wanted, _stems(evidence.article))
        if evidence.title and _in_order(wanted, _stems(evidence.title)):
            return True  # the phrase the story is about: "'Upside-down rivers' of warm water"
        return any(_in_order(wanted, _stems(evidence.article[s:e]))
                   for s, e in window_sentences(evidence.article, evidence.start, evidence.end))
    if constraint.kind == "number":
        text = evidence.window + " " + (evidence.title or "")
        return constraint.words <= numbers(text) | _ordinals(text)
    if constraint.kind == "date" and constraint.event_year:
        return _event_year_met(constraint, evidence)
    if constraint.kind == "date":
        return _date_met(constraint, evidence)
    if constraint.kind == "name" and any(ch.isdigit() for ch in constraint.text):
        # A designation ("B-17", "G7", "Route 2") names a kind of thing the text mostly calls
        # by a common noun ("the bomber", "the summit"): it must be in the article.
        return _named(constraint, _article_words(evidence.article))
    if constraint.kind == "name" and _subject_instead(constraint, evidence):
        return False
    if constraint.kind == "name":
        # The article's subject (in its title, or named in two sentences or more) may be "he"
        # or "the company" anywhere in it, unless the cited sentence names another in its
        # place; a side figure, named once, is named where its facts are: in or just before
        # the cited sentence.
        instead = evidence.names_instead(constraint)
        if not instead and _salient(constraint, evidence):
            return True
        # A place the event happened in ("the attack at Baghdad International Airport") is
        # named once, where the story sets its scene, and not again beside each of its facts
        # that follow; a place named only after the cited sentence is a scene of its own ("A
        # second fire ... in La Llagosta").
        before = evidence.article[:evidence.end]
        if (constraint.after in _PLACE_PREPOSITIONS and not instead
                and _named(constraint, _text_words(before), before)):
            return True
        return _named(constraint, words, evidence.near)
    if constraint.kind == "topic":
        return _named(constraint, evidence.window_words, evidence.window)
    # source: named in or just before the evidence (or the article's outlet), and the cited
    # sentence, if it reports speech, attributes it to the source rather than to someone
    # else; or, in an article that names the source, said by the role the question gives
    # it ("The mother said" for "Louise Turpin, the mother").
    # A name that only qualifies the role ("the Polish press agency"): the role reporting,
    # qualified by no other name, will do, whether or not the name is written near it.
    if constraint.modifier and _role_reports(evidence.cited, constraint.aliases):
        return True
    voices = body_voices(evidence.article, constraint.text)
    if voices:  # "the automaker said" for Toyota
        constraint = replace(constraint, aliases=constraint.aliases | voices)
    speaker = turn_speaker(evidence.article, evidence.start)
    if speaker in _ANSWER_TAGS and _salient(constraint, evidence):
        return True  # "A:" of a Q&A: the words of the person the interview is about
    if speaker is not None and _named(
            constraint, frozenset(content_words(speaker)) | _acronyms(speaker), speaker):
        return True  # an interviewee's answer: the words of the turn are the speaker's
    if not _named(constraint, evidence.window_words, evidence.window):
        return (bool(constraint.aliases) and _named(constraint, _article_words(evidence.article))
                and _role_speaks(evidence.cited, constraint.aliases))
    if evidence.outlet and _named(constraint, frozenset(content_words(evidence.outlet))):
        return True
    verdict = _attributes_to(evidence.cited, constraint, evidence.window_words, evidence.window)
    if verdict is None and _quoted_by(evidence, constraint):
        return True
    # Asked what the source said, a sentence with no speech and no quotation says nothing:
    # "Zamperoni's brother is a chef" (a quotation whose speaker it leaves unnamed may be his).
    says_nothing = constraint.says and not _quotes_speech(evidence.cited)
    if verdict or (verdict is None and not says_nothing):
        return True
    # "The father said" for "David Turpin, the father", where the window names him too.
    return bool(constraint.aliases) and _role_speaks(evidence.cited, constraint.aliases)


def _subject_instead(constraint: Constraint, evidence: Evidence) -> bool:
    """Whether the cited sentence opens with another person as its subject, where the
    question names a person: "Lisa Mancini has been cosplaying for two years" is Mancini's
    fact, not Stephanie Chapman's, however often the article names Chapman around it. A
    subject that reports ("Reuters said", "Smith told ...") passes on its words, and one the
    question or the answer names is no other."""
    if not _personal(constraint.text) or any(
            text and _named(constraint, _text_words(text), text)
            for text in (evidence.title, _lead(evidence.article))):
        return False  # the story is about the person: "Judge Kellar ordered [him] ..."
    cited = evidence.cited.lstrip(" \"“‘'(")
    runs = name_runs(cited, first=True)
    if not runs or runs[0][0][0] != 0:
        return False
    (_, end), name = runs[0]
    # The name is the subject where a verb follows it: an auxiliary or a verb in "-ed" or
    # "-s" ("Labour Party leader Jeremy Corbyn" opens with no subject "Labour Party").
    verb = re.match(r"\s*(?:,[^,]{1,60},\s*)?([a-z]\w*)", cited[end:])
    if (verb is None or not _person_in(evidence.article, name) or verb.group(1) in _SPEECH
            or not (verb.group(1) in _AUXILIARIES or verb.group(1).endswith(("ed", "s")))):
        return False
    words = frozenset(content_words(name)) - _title_stems()
    return bool(words) and not words & evidence.asked and not named_in(constraint, cited)


def _person_in(article: str, name: str) -> bool:
    """Whether `name` reads as a person's, or is one word of a person's name the article
    writes in full ("Jong" of "Jong Woo Son")."""
    return _personal(name) or (name.lower() not in TITLES and name in _person_words(article))


@lru_cache(maxsize=64)
def _person_words(article: str) -> frozenset[str]:
    """The words of the names in `article` that read as people's."""
    return frozenset(word for _, run in name_runs(article) if _personal(run)
                     for word in _WORD.findall(run))


def _personal(name: str) -> bool:
    """Whether a name reads as a person's: two or three capitalised words, no digit, no
    initialism and no word for a body ("Stephanie Chapman", not "National Crime Agency")."""
    words = [w for w in _WORD.findall(name) if w.lower() not in TITLES]
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() and w.isalpha()
                                          for w in words)
            and not {w.lower() for w in words} & _BODIES)


_US = re.compile(r"\bU\.?S\.?(?:A\.?)?(?!\w)")  # written in capitals: the country


def _named(constraint: Constraint, words: frozenset[str], text: str | None = None) -> bool:
    """Most of the name, or its acronym, in `words` (of `text`). A name of two words or more
    needs its last word ("Towarek", "Nations"), or, of two words, its first one with no other
    name after it in the text: "Xi told Gates" names Xi Jinping, "the United States" is no
    United Nations. Its last word alone, with no other name before it, names it too: "Fields"
    is James Alex Fields, "Hana Kimura" is no Kyoko Kimura."""
    if "us" in words and text is not None and not _US.search(text):
        words = words - {"us"}  # "she told us" names no United States
    if constraint.acronym is not None and (
            constraint.acronym in words or _unqualified_acronym(constraint.text) in words):
        return True
    if text is not None and _spelled_out(constraint.text, text):
        return True
    found = found_words(constraint.words, words)
    if found >= constraint.words:
        return True
    half = 2 * len(found) >= len(constraint.words)
    if constraint.head is None:
        return half
    if constraint.first is None:  # three words or more: most of them, or the last alone
        return half or (constraint.head in found and _last_names(constraint, text))
    if constraint.head in found:
        return _last_names(constraint, text) if text else half
    return half and text is not None and bool(re.search(
        rf"\b{re.escape(constraint.first)}(?:['’]s)?\b(?!\s+[A-Z])", text))


def _spelled_out(initialism: str, text: str) -> bool:
    """Whether `text` spells out `initialism` ("US", "U.S.") as a name: "United States". Of
    two letters too, unlike the acronyms read out of a text's names (`_acronyms`), since here
    the question wrote the initialism itself."""
    letters = initialism.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    return any(_acronym(name) == letters.lower() for _, name in name_runs(text, first=True))


def _last_names(constraint: Constraint, text: str | None) -> bool:
    """Whether the name's last word stands in `text` with no other name just before it."""
    if not (text and constraint.last):
        return False
    own = {w.lower() for w in _WORD.findall(constraint.text)}
    for match in re.finditer(rf"\b{re.escape(constraint.last)}\b", text):
        before = re.findall(r"[\w.'’-]+", text[max(0, match.start() - 40):match.start()])
        other = before[-1] if before else ""
        if other.lower().rstrip(".") in TITLES:  # "Mr Towarek"
            return True
        if other.endswith((".", "!", "?")):  # the sentence before ends: "Sunday. Polak said"
            return True
        if not (other[:1].isupper() and other.lower() not in own | _NOT_NAMES
                and content_words(other)):
            return True  # "on Wednesday Sanders called": a weekday names nobody
    return False


def _salient(constraint: Constraint, evidence: Evidence) -> bool:
    """Whether the name is the article's subject: in its title or its lead (the first
    paragraph, at most three sentences: a news story says who, what, where and when there,
    and its other sentences are about that), or in two of its sentences."""
    article = evidence.article
    lead = _lead(article)
    for text in (evidence.title, lead):
        if text and _named(constraint, _text_words(text), text):
            return True
    mentions = 0
    for (start, end), words in zip(article_sentences(article), _sentence_words(article),
                                   strict=True):
        mentions += _named(constraint, words, article[start:end])
        if mentions >= 2:
            return True
    return False


@lru_cache(maxsize=1024)
def _surname_shared(article: str, name: str, last: str) -> bool:
    """Whether the article names someone else with the name's last word ("Hana Kimura" for
    "Kyoko Kimura"): then that word alone names neither."""
    own = {w.lower() for w in _WORD.findall(name)} | _nicknames(article, name, last)
    for _, run in name_runs(article, first=True):
        words = [w for w in _WORD.findall(run) if w.lower().rstrip(".") not in TITLES]
        # "Segal/de Graaf" (a ticket) holds de Graaf's own "de".
        before = {part.lower() for w in words[:-1] for part in w.split("/")}
        if len(words) >= 2 and words[-1] == last and not before & own:
            return True
    return False


def _nicknames(article: str, name: str, last: str) -> set[str]:
    """The words of a nickname the article gives between the name's first and last words:
    'Jeremy "Spike" Cohen' makes "Spike Cohen" the same person."""
    first = _WORD.findall(name)[0]
    pattern = (rf"\b{re.escape(first)}\s+[\"“‘']([^\"”’']{{1,30}})[\"”’']\s+"
               rf"{re.escape(last)}\b")
    return {w.lower() for m in re.finditer(pattern, article) for w in _WORD.findall(m.group(1))}


@lru_cache(maxsize=64)
def _lead(article: str) -> str:
    """The article's first paragraph, at most its first three sentences."""
    paragraph = article.lstrip().split("\n\n", 1)[0]
    spans = article_sentences(paragraph)[:3]
    return paragraph[:spans[-1][1]] if spans else paragraph


@lru_cache(maxsize=256)
def _text_words(text: str) -> frozenset[str]:
    """Content words and acronyms of a title or a lead, read once per text."""
    return frozenset(content_words(text)) | _acronyms(text)


@lru_cache(maxsize=64)
def _sentence_words(article: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(content_words(article[s:e])) | _acronyms(article[s:e])
                 for s, e in article_sentences(article))


@lru_cache(maxsize=64)
def _article_words(article: str) -> frozenset[str]:
    return frozenset(content_words(article)) | _acronyms(article)


def found_words(wanted: AbstractSet[str], words: AbstractSet[str]) -> set[str]:
    """The wanted words that `words` hold, a name's other forms included: "Indian" for
    "India", "Iraqi" for "Iraq" (the stem less its last two letters, at least four)."""
    found = set(wanted & words)
    for word in wanted - found:
        if len(word) >= 5 and not word.isdigit():
            prefix = word[:max(4, len(word) - 2)]
            if any(w.startswith(prefix) for w in words):
                found.add(word)
                continue
        if any(_demonym_of(word, w) or _demonym_of(w, word) for w in words):
            found.add(word)
    return found


def _demonym_of(demonym: str, name: str) -> bool:
    """Whether `demonym` is `name`'s in "-ian" or "-an" (stemmed words): "iranian" of "iran",
    "syrian" of "syria", "italian" of "italy", "mexican" of "mexico", "korean" of "korea"."""
    if demonym.endswith("ian") and name in {demonym[:-3] + end for end in ("", "a", "ia", "y")}:
        return True
    return (demonym.endswith("an") and len(demonym) >= 5
            and name in {demonym[:-2] + end for end in ("a", "o")})


# A figure as a question writes it: "1,500", "2.9 million", "$1.5bn". Not a score or a range
# ("3-1", "2018–19"), which the old word split kept whole, nor a figure glued to a unit or to
# an "m" that may be metres ("10km", "8.5m"): those give no constraint, as before.
_FIGURE = re.compile(r"(?<![\w.,–-])\d+(?:,\d{3})*(?:\.\d+)?(?:/\d+)?"
                     r"(?:\s?(?:million|billion|trillion|bn|mn|tn)\b)?(?![\w/–-]|[.,]\d)", re.I)


@lru_cache(maxsize=1024)  # one window is read for each figure and each answer sentence
def numbers(text: str, as_written: bool = True) -> frozenset[str]:
    """The figures of `text` in one style, spelled-out ones as digits: "2.9m", "2.9 million"
    and "2,900,000" are one figure, "five" is "5" (`rag.text.figures_as_digits`); and,
    `as_written`, also as the text writes them, since one style may misread a unit: "8.5 m"
    (metres) is 8.5 too."""
    text = figures_as_digits(text) + (" " + text if as_written else "")
    return frozenset(_plain_number(w) for w in _WORD.findall(text) if _NUMBER.match(w))


_DETERMINERS = _words("a an the this that these those his her its their our my your some any "
                      "no every each another")


def _is_noun(lower: list[str], i: int) -> bool:
    """Whether the speech word at `i` is a noun: not a past form, and a determiner stands at
    most three words before it with only other words between ("filed a missing persons
    report", "the claims", "police estimates" after "the"): "the family filed a missing
    persons report" says nothing the family said."""
    if lower[i].endswith("ed") or lower[i] in _SPEECH_PAST:
        return False
    if lower[i].endswith("ing"):  # "the warning"; not "defended his plan, saying"
        return i > 0 and lower[i - 1] in _DETERMINERS
    for j in range(i - 1, max(-1, i - 4), -1):
        if lower[j] in _DETERMINERS:
            return True
        if lower[j] in _SPEECH or lower[j] in _PRONOUNS:
            return False
    return False


# A character of an "according to" phrase: up to the mark that ends it, a full stop included
# only after an initial ("the U.S. embassy in Beijing", "J. Smith").
PHRASE = r"(?:[^,;:.\"“”()]|(?<=\b[A-Z])\.)"


def _speakers(sentence: str) -> tuple[list[list[str]], bool]:
    """The word spans of `sentence` that may name who speaks in it: before its first speech
    verb ("Wang expressed that...", "...," Xi told Gates"), after one ("..., said Blinken";
    "recorded at 6.4 by the USGS") or after "according to"; and whether it reports speech."""
    found = list(_WORD.finditer(sentence))
    words = [m.group(0) for m in found]
    lower = [w.lower() for w in words]
    verbs = [i for i, w in enumerate(lower) if w in _SPEECH and not _is_noun(lower, i)]
    # "According to Rutgers University political scholar Kelly Dittmar, ...": the whole
    # phrase, up to its mark, names the source.
    according = [_WORD.findall(m.group(1))[:_ACCORDING_WORDS] for m in re.finditer(
        rf"\baccording to ({PHRASE}+)", sentence, re.I)]
    # "According to Windsor Locks' first selectman, Chris Kervick, ...": the name in apposition.
    according += [_WORD.findall(m.group(1))[:4] for m in re.finditer(
        rf"\baccording to {PHRASE}+,\s+((?-i:[A-Z]){PHRASE}{{0,40}}),", sentence, re.I)]
    # "According to a survey published in 2017 by the Royal Pharmaceutical Society": its author.
    according += [_WORD.findall(m.group(1))[:4] for m in re.finditer(
        rf"\baccording to {PHRASE}*?\bby ({PHRASE}+)", sentence, re.I)]
    if not verbs and not according:
        return [], False
    # "X was reported by local media to have ...": a passive verb's subject is not who
    # speaks ("by" names that), unless quoted ("X was quoted as saying").
    passive = bool(verbs) and verbs[0] > 0 and lower[verbs[0] - 1] in _PASSIVE \
        and lower[verbs[0]] != "quoted"
    spans = [words[:verbs[0]]] if verbs and not passive else []
    # The words after a verb name its speaker where the verb follows a mark ('"...," said
    # Blinken') or no one is named before it; "Tom Watson called Theresa May's deal 'lousy'"
    # is Watson speaking of May (session 47).
    named = bool(spans) and _names_someone(" ".join(spans[0]))
    spans += [words[i + 1:i + 4] for i in verbs
              if not named or (i and sentence[found[i - 1].end():found[i].start()].strip())]
    spans += according
    spans += [words[j + 1:j + 4] for j, w in enumerate(lower)
              if w == "by" and any(0 < j - i <= 4 for i in verbs)]
    return spans, True


# A speaker's tag opening a paragraph of a transcript or an interview: "((Perttu Ahola))"
# (Wikinews), "Gregory Kurtzer:", "KURTZER:", "GK:".
_TURN = re.compile(r"(?m)^[ \t]*(?:\(\((?P<a>[^()\n]{1,60})\)\)|(?P<b>[A-Z][\w.'’-]*"
                   r"(?: [A-Z][\w.'’-]*){0,3}):)[ \t]")


# A Q&A's answer turns name no one ("ANSWER:" is read as "Answer", `_turn_tags`).
_ANSWER_TAGS = frozenset({"A", "Answer"})


def turn_speaker(article: str, start: int) -> str | None:
    """Who speaks the words at `start` of a transcript or an interview: the tag of the turn
    they stand in, the last one opening a paragraph before them; None outside one. In an
    interview the answers are the interviewee's words, with no "he said" beside them."""
    tags = _turn_tags(article)
    # A sentence may open with its own tag: "((Perttu Ahola)) I need to look this up."
    i = bisect.bisect_right(tags, start, key=lambda tag: tag[0])
    return tags[i - 1][1] if i else None


@lru_cache(maxsize=64)
def _turn_tags(article: str) -> list[tuple[int, str]]:
    """Where each speaker's tag of `article` opens, and whom it names, read once per article:
    "KURTZER:" is Kurtzer; "GK:" stays an acronym."""
    tags = []
    for match in _TURN.finditer(article):
        speaker: str = match.group("a") or match.group("b")
        tags.append((match.start(), speaker.title() if speaker.isupper() and len(speaker) > 3
                     else speaker))
    return tags


def clauses(sentence: str) -> list[str]:
    """The clauses of a sentence that report apart: split at ";", ":", a dash, and ", but",
    ", while", ", whereas", ", though" or ", although"."""
    return re.split(r"[;:]|\s[–—]\s|,\s+(?:but|while|whereas|though|although)\s+", sentence)


def _attributes_to(sentence: str, source: Constraint, window: frozenset[str],
                   window_text: str | None = None) -> bool | None:
    """Whether `sentence` attributes what it reports to `source` (None: it reports no speech);
    a pronoun where the speaker stands ("he said") counts when the source is named in the
    `window` around (of `window_text`: "Captain Rochester" there names "US Coast Guard
    Captain Monica Rochester")."""
    verdict: bool | None = None
    # Each clause on its own: "Initial reports stated a pineapple; NDTV later reported ...",
    # "Local officials said 24, but AFP reported as many as 32".
    for clause in clauses(sentence):
        spans, speech = _speakers(clause)
        if speech:
            verdict = False
        for i, span in enumerate(spans):
            text = " ".join(span)
            if _named(source, frozenset(content_words(text)) | _acronyms(text), text):
                return True
            # "he said", '"...," said he'; not "put its magnitude at", nor "said they last
            # saw him" (the pronoun after the verb begins what was said, unless it ends the
            # clause)
            pronoun = (_PRONOUNS & {w.lower() for w in span} if i == 0
                       else {w.lower() for w in span if len(span) == 1} & {"he", "she", "they"})
            if i == 0 and not pronoun & {"he", "she", "they"} and _names_someone(text):
                # "O'Rourke defended his proposal, saying ...": a possessive after a name is
                # that person's, who speaks, not the source's ("In Washington he said" keeps
                # its "he").
                pronoun = set()
            # or the role the source speaks in: "the government has reported" for a country
            role = i == 0 and _role_span(span, source.aliases)
            if (pronoun or role) and _named(source, window, window_text):
                return True
    return verdict


# Capitalised words that open a sentence and name no one ("Later his aide said").
_OPENERS = _PRONOUNS | _words("later earlier meanwhile however also then yesterday today "
                              "tomorrow previously separately still now but and so last "
                              "this next first afterwards instead")


def _names_someone(text: str) -> bool:
    """Whether `text` (the words before a speech verb) holds a name, its first word counted
    unless it only opens the sentence ("Later", "He")."""
    return any(name.lower() not in _OPENERS for _, name in name_runs(text, first=True))


def _role_speaks(sentence: str, roles: frozenset[str]) -> bool:
    """Whether the speaker of `sentence` is one of `roles` and no one named: "The mother said",
    not "Another eyewitness, Vinnie DeVita, said"."""
    return any(_role_span(span, roles) for span in _speakers(sentence)[0])


def _role_span(span: Sequence[str], roles: frozenset[str]) -> bool:
    """Whether the words of a speaker's span name one of `roles` and no one by name."""
    named = [w for w in span if w[:1].isupper() and w.lower() not in _NOT_NAMES
             and content_words(w)]
    return bool(roles & content_words(" ".join(span))) and not named


def _role_reports(sentence: str, roles: frozenset[str]) -> bool:
    """Whether a speaker of `sentence` is the whole role with no other name qualifying it,
    for a source whose name only qualifies its role ("the Polish press agency"): "State press
    agency PAP has reported" (the agency's own name may follow), not "Russian press agency
    TASS reported"."""
    for span in _speakers(sentence)[0]:
        if not roles <= frozenset(content_words(" ".join(span))):
            continue
        first = next(i for i, w in enumerate(span) if set(content_words(w)) & roles)
        if not any(w[:1].isupper() and w.lower() not in _NOT_NAMES and content_words(w)
                   for w in span[:first]):
            return True
    return False


def window_sentences(article: str, start: int, end: int, after: bool = True
                      ) -> list[tuple[int, int]]:
    """The sentences of `article` from the one before start:end to the one after it (or to
    the last one it overlaps), and on to the ends of a quotation they are part of."""
    spans = article_sentences(article)
    inside = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    if not inside:
        return [(start, end)]
    lo = max(0, inside[0] - 1)
    # A quotation of several sentences: its speaker is named where it opens ('Polak said, "I
    # am disturbed. [...] I am sorry." Calling it "just another apology", Franowska...').
    for _ in range(3):
        if lo == 0 or not in_quotation(article, spans[lo][0]):
            break
        lo -= 1
    hi = min(len(spans) - 1, inside[-1] + 1) if after else inside[-1]
    # And where it closes: 'Chan said: "I urge her to step down. [...] Please go."'
    for _ in range(3):
        if not after or hi == len(spans) - 1 or not in_quotation(article, spans[hi][1]):
            break
        hi += 1
    return list(spans[lo:hi + 1])


def _quotes_speech(text: str) -> bool:
    """Whether `text` holds quotation marks around words someone may have said: not only
    around a title ('the case "Eva Glawischnig-Piesczek vs. Facebook Ireland Limited"')."""
    if not _QUOTES.search(text):
        return False
    quoted = [m.group(1) for m in re.finditer(r"[\"“]([^\"“”]+)[\"”]", text)]
    return not quoted or not all(_is_title(q) for q in quoted) or len(quoted) * 2 < len(
        _QUOTES.findall(text))


def _is_title(phrase: str) -> bool:
    """Whether a quoted phrase is written as a title: two words or more, each longer than three
    letters capitalised ("Storm Area 51, They Can't Stop All of Us", not "a terrorist
    airline")."""
    words = _WORD.findall(phrase)
    long = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(long) and all(w[:1].isupper() or w[:1].isdigit()
                                                  for w in long)


def _quoted_by(evidence: Evidence, source: Constraint) -> bool:
    """Whether the cited sentence lies inside a quotation that an earlier sentence of its
    paragraph opens as `source`'s: 'Boon said about Amman: "His fascination ... was clear.
    Amman had scrawled his life goals ..."' is Boon's words to its end."""
    article, start = evidence.article, evidence.start
    if not in_quotation(article, start):
        return False
    paragraph = article.rfind("\n\n", 0, start) + 1
    opened = max(article.rfind('"', paragraph, start), article.rfind("“", paragraph, start))
    spans = article_sentences(article)
    i = bisect.bisect_right(spans, (opened, len(article))) - 1  # the sentence that opens it
    return i >= 0 and opened < spans[i][1] and bool(_attributes_to(
        article[spans[i][0]:spans[i][1]], source, evidence.window_words, evidence.window))


def in_quotation(article: str, at: int) -> bool:
    """Whether `at` lies inside a quotation opened earlier in its paragraph."""
    before = article[article.rfind("\n\n", 0, at) + 1:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _stems(text: str) -> list[str]:
    """The content words of `text`, stemmed, in order."""
    return [stem for word in re.findall(r"\w+", text) for stem in content_words(word)]


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """`wanted` occurs in `words` as a run (stop words are gone from both)."""
    n = len(wanted)
    return bool(wanted) and any(words[i:i + n] == wanted for i in range(len(words) - n + 1))


# --- dates ---------------------------------------------------------------------------------
def _date_met(constraint: Constraint, evidence: Evidence) -> bool:
    """Met when the cited sentence or a neighbour names a month or year in the period, or the
    article was published in it or within a month after it (its metadata, as issue 15 asks),
    or is undated. A relative day counts as the date it resolves to (`Evidence.dates`).
    Another date in the sentence is no contradiction on its own: a sentence
    about the 2019 prize may say the discovery was made in 1995. Compared by month: "Monday"
    or "January 6" for "January 7" is no contradiction a lexical check can trust.

    (Changed after the held-out set wikinews_qa showed the first version, which failed any
    cited sentence naming a date outside the period, refusing answerable questions whose
    articles were published in the period: see docs/evals.md.)"""
    assert constraint.start is not None and constraint.end is not None
    lo = (constraint.start.year, constraint.start.month)
    hi = (constraint.end.year, constraint.end.month)
    published = evidence.published_date
    for text, span in ((evidence.cited, (evidence.start, evidence.end)),
                       (evidence.window, evidence.window_span)):
        mentions = [*_mentions(text, published), *evidence.months_in(*span)]
        if any(_within(mention, lo, hi) for mention in mentions):
            return True
    if published is None:
        return True
    return constraint.start <= published <= constraint.end + dt.timedelta(days=_SLACK_DAYS)


# Events that news covers in the year before the one that names them: "the 2020 presidential
# race" in a story of 2019, which may never write "2020".
_AHEAD = frozenset(content_words("election elections race campaign primary primaries caucus "
                                 "caucuses nomination olympics games season census"))


def _event_year_met(constraint: Constraint, evidence: Evidence) -> bool:
    """A year that names the event ("his 2011 corruption conviction") is met by an article
    that writes it (the obituary recalling the conviction), by one dated in it as any date
    constraint is (`_date_met`), or, for a race, a campaign or a season (`_AHEAD`: the
    constraint's `words` are those after the year), by one of the year before."""
    assert constraint.start is not None
    year = constraint.start.year
    published = evidence.published_date
    return (str(year) in numbers(f"{evidence.title or ''} {evidence.article}")
            or _date_met(constraint, evidence)
            or (bool(constraint.words & _AHEAD) and published is not None
                and published.year == year - 1))


def _within(mention: tuple[Month, Month], lo: Month, hi: Month) -> bool:
    """A month or year that overlaps the period; a span of years ("the 2019/20 fiscal year")
    must lie inside it: it names another period, not a part of this one."""
    first, last = mention
    if last[0] > first[0]:
        return lo <= first and last <= hi
    return first <= hi and lo <= last


@lru_cache(maxsize=512)
def _mentions(text: str, published: dt.date | None) -> tuple[tuple[Month, Month], ...]:
    """The months and years `text` names, each as a (first, last) month: "2019", "May 2019",
    "May" (the last May on or before publication), "August 4" (the year of the August 4
    nearest publication: `rag.text.nearest_year`), "last year" (from publication)."""
    found: list[tuple[Month, Month]] = []
    # "between January 2016 and December 2019" is one period, not two dates.
    for match in _RANGE.finditer(text):
        first_month = MONTHS[match["m1"].lower()] if match["m1"] else 1
        last_month = MONTHS[match["m2"].lower()] if match["m2"] else 12
        found.append(((int(match["y1"]), first_month), (int(match["y2"]), last_month)))
    text = _RANGE.sub(lambda m: " " * len(m[0]), text)
    for match in _YEAR.finditer(text):
        first = int(match.group(1))
        last = first
        if match.group(2):  # "2018/19", "2006–2007"
            tail = match.group(2)
            last = int(str(first)[:4 - len(tail)] + tail) if len(tail) < 4 else int(tail)
            last = last if first <= last <= first + 5 else first
        found.append(((first, 1), (last, 12)))
    for pattern in (_MONTH_MENTION, _DAY_MONTH):
        for match in pattern.finditer(text):
            name = match.group("m")
            if name == "May" and not match.group("y") and not re.search(r"\d", match.group(0)):
                continue  # "May" alone is as likely the verb
            month = MONTHS[name.lower().rstrip(".")]
            day = re.search(r"\d{1,2}", match.group(0))
            if match.group("y"):
                year = int(match.group("y"))
            elif published is not None:
                near = nearest_year(month, int(day.group()), published) if day else None
                year = near or (published.year if month <= published.month
                                else published.year - 1)
            else:
                continue
            found.append(((year, month), (year, month)))
    if published is not None:
        for match in _RELATIVE_YEAR.finditer(text):
            which, unit = match.group(1).lower(), match.group(2).lower()
            step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[which]
            if unit == "year":
                year = published.year + step
                found.append(((year, 1), (year, 12)))
            else:
                index = published.year * 12 + published.month - 1 + step
                found.append(((index // 12, index % 12 + 1), (index // 12, index % 12 + 1)))
    return tuple(found)
