"""Who speaks in a sentence of the evidence: the words that may name the speaker (`_speakers`:
before a verb of speech, after one, after "according to"), whether the sentence attributes
what it reports to a source (`attributes_to`) or to the role the question gives the source
("The mother said": `role_speaks`, `role_reports`), the speaker of a turn in an interview or a
transcript (`turn_speaker`, `ANSWER_TAGS`), a quotation that an earlier sentence opens as the
source's (`quoted_by`), quotation marks around speech rather than a title (`quotes_speech`,
`is_title`), and the clauses of a sentence that report apart (`clauses`).

Imports: rag.answer.constraints.constraint, rag.answer.constraints.window,
rag.answer.constraints.lexicon, rag.answer.constraints.names, rag.text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from rag.answer.constraints.constraint import Constraint
from rag.answer.constraints.lexicon import (
    DETERMINERS,
    NOT_NAMES,
    PRONOUNS,
    SPEECH,
    WORD,
    word_set,
)
from rag.answer.constraints.names import acronyms, name_runs, named_by
from rag.answer.constraints.window import Evidence, in_quotation
from rag.text import article_sentences, content_words

_PASSIVE = word_set("is was are were be been being")
_QUOTES = re.compile(r"[\"“”]")
_SPEECH_PAST = word_set("said told spoke wrote gave put")
_ACCORDING_WORDS = 8  # at most, of an "according to" phrase


_BEFORE_AN_ADJECTIVE = DETERMINERS | word_set("with of for among than")


def _is_noun(lower: list[str], i: int) -> bool:
    """Whether the speech word at `i` is a noun (or, a participle before a plural after a
    preposition or a determiner, an adjective: "with confirmed infections"): not a past form
    otherwise, and a plural before "from" or "by", or a determiner at most three words before
    it with only other words between ("filed a missing persons report", "the claims", "police
    estimates" after "the"): "the family filed a missing persons report" says nothing the
    family said."""
    if lower[i].endswith("ed") and i > 0 and lower[i - 1] in _BEFORE_AN_ADJECTIVE \
            and lower[i + 1:i + 2] and lower[i + 1].endswith("s"):
        # A participle before a plural, after a preposition or a determiner, is an adjective:
        # "with confirmed infections in the next highest country, Spain" reports no speech
        # (wikinews_blind60_qa dp11, refused as someone else's figure; session 64).
        return True
    if lower[i].endswith("ed") or lower[i] in _SPEECH_PAST:
        return False
    if lower[max(0, i - 2):i] == ["according", "to"]:
        # "According to reports, Gillibrand was unable to qualify": whose reports, and she
        # is not the one speaking (wikinews_blind38_qa ct22, a near miss; session 54).
        return True
    if lower[i].endswith("s") and lower[i + 1:i + 2] in (["from"], ["by"]):
        # "Initial reports from Omsk hospital reported ...": whose reports, not a verb
        # (session 53, wikinews_blind32_qa cn37). Not "says of", which reports speech.
        return True
    if lower[i].endswith("ing"):  # "the warning"; not "defended his plan, saying"
        return i > 0 and lower[i - 1] in DETERMINERS
    for j in range(i - 1, max(-1, i - 4), -1):
        if lower[j] in DETERMINERS:
            return True
        if lower[j] in SPEECH or lower[j] in PRONOUNS:
            return False
    return False


# Verbs of speech that also name an act: "Trump declared a national emergency", "Llerandi
# announced his own resignation" say what they did, not what they said. With a determiner or a
# possessive just after them, what follows is the act's object, and no words are reported
# (session 48: wikinews_blind28_qa ci06, "What did the president of Planned Parenthood
# say ...?", answered with the plans the organisation announced).
_ACTS = word_set("declare declares declared declaring announce announces announced announcing")
_OBJECT_OPENERS = word_set("a an the his her its their our my your")


def _names_an_act(lower: list[str], i: int) -> bool:
    """Whether the speech verb at `i` names an act with its object ("declared a state of
    emergency"), not words said ("declared that ...", "announced: ...")."""
    return lower[i] in _ACTS and i + 1 < len(lower) and lower[i + 1] in _OBJECT_OPENERS


# "The Department issued a statement that ...": issuing a statement is speaking (session 53,
# wikinews_blind37_qa cs03).
_ISSUE = word_set("issue issues issued release releases released publish publishes published")
_STATEMENT = word_set("statement statements communique")

# A character of an "according to" phrase: up to the mark that ends it, a full stop included
# only after an initial ("the U.S. embassy in Beijing", "J. Smith").
PHRASE = r"(?:[^,;:.\"“”()]|(?<=\b[A-Z])\.)"


def _speakers(sentence: str) -> tuple[list[list[str]], bool]:
    """The word spans of `sentence` that may name who speaks in it: before its first speech
    verb ("Wang expressed that...", "...," Xi told Gates"), after one ("..., said Blinken";
    "recorded at 6.4 by the USGS") or after "according to"; and whether it reports speech."""
    found = list(WORD.finditer(sentence))
    words = [m.group(0) for m in found]
    lower = [w.lower() for w in words]
    # A verb inside a quotation is what was said, not the saying: in '"Our work is calling
    # for a complete revision ...," he told Scientific American' he speaks (wikinews_quiz_
    # blind36 ej06, a right answer refused as no one's words; session 61).
    quoted = [m.span() for m in _QUOTED_SPAN.finditer(sentence)]
    inside = {i for i, m in enumerate(found) if any(a < m.start() < b for a, b in quoted)}
    # A capitalised word inside the sentence is a name's: "the United States commonwealth of
    # Puerto Rico" reports no speech (wikinews_blind45_qa da38, a near miss answered with what
    # a sentence of no speech said of its subject; session 57).
    verbs = sorted([i for i, w in enumerate(lower) if w in SPEECH and i not in inside
                    and not _is_noun(lower, i)
                    and not _names_an_act(lower, i)
                    and not (i and words[i][:1].isupper() and words[i - 1][:1].isupper())]
                   + [i for i, w in enumerate(lower) if w in _ISSUE
                      and _STATEMENT.intersection(lower[i + 1:i + 4])]
                   + [i for i, w in enumerate(lower) if w not in SPEECH
                      and _opens_a_quotation(sentence, found[i])])
    # "According to Rutgers University political scholar Kelly Dittmar, ...": the whole
    # phrase, up to its mark, names the source.
    according = [WORD.findall(m.group(1))[:_ACCORDING_WORDS] for m in re.finditer(
        rf"\baccording to ({PHRASE}+)", sentence, re.I)]
    # "According to Windsor Locks' first selectman, Chris Kervick, ...": the name in apposition.
    according += [WORD.findall(m.group(1))[:4] for m in re.finditer(
        rf"\baccording to {PHRASE}+,\s+((?-i:[A-Z]){PHRASE}{{0,40}}),", sentence, re.I)]
    # "According to a survey published in 2017 by the Royal Pharmaceutical Society": its author.
    according += [WORD.findall(m.group(1))[:4] for m in re.finditer(
        rf"\baccording to {PHRASE}*?\bby ({PHRASE}+)", sentence, re.I)]
    if not verbs and not according:
        return [], False
    # "X was reported by local media to have ...": a passive verb's subject is not who
    # speaks ("by" names that), unless quoted ("X was quoted as saying").
    passive = bool(verbs) and verbs[0] > 0 and lower[verbs[0] - 1] in _PASSIVE \
        and lower[verbs[0]] != "quoted"
    spans = [_subject(sentence, found, verbs[0])] if verbs and not passive else []
    # The words after a verb name its speaker where the verb follows a mark ('"...," said
    # Blinken') or no one is named before it; "Tom Watson called Theresa May's deal 'lousy'"
    # is Watson speaking of May (session 47).
    named = bool(spans) and _names_someone(" ".join(spans[0]))
    # After a mark, where a name stands before, the words after the verb name a speaker only
    # if they can: a name, a pronoun, or a noun with its determiner ('"...," said the mother');
    # "Professor Michael Siegel ..., co-author of a new study ..., declared household gun
    # ownership rates to be ..." names no speaker "household" (wikinews_blind44_qa cz10, a
    # near miss answered with another's words; session 56).
    spans += [_after(words, i) for i in verbs
              if not named or (i and sentence[found[i - 1].end():found[i].start()].strip()
                               and i + 1 < len(words) and _may_name(words[i + 1]))]
    spans += according
    spans += [words[j + 1:j + 4] for j, w in enumerate(lower)
              if w == "by" and any(0 < j - i <= 4 for i in verbs)]
    return spans, True


_QUOTED_SPAN = re.compile(r'"[^"]*"|“[^”]*”')


# A past verb that opens a quotation reports it, whichever verb it is: 'Johnson continued, "And
# I hope ..."' is Johnson speaking (wikinews_blind47_qa dc10, a near miss answered with his
# words for the ambassador's: the sentence was read as reporting no speech; session 58).
_OPENS_QUOTATION = re.compile(r"\s*[,:]\s*[\"“]")


def _opens_a_quotation(sentence: str, word: re.Match[str]) -> bool:
    """Whether `word` is a lower-case past verb right before a comma or a colon and an
    opening quotation mark."""
    return (word.group().islower() and word.group().endswith("ed")
            and _OPENS_QUOTATION.match(sentence, word.end()) is not None)


# A phrase of time or place that opens a sentence, up to its comma: "During an interview on
# The Late Show with Stephen Colbert on Wednesday, Sanders called Biden ...". And the report
# a claim is made in: "According to Forbes, West claimed ..." is West's claim, reported by
# Forbes, which `_speakers` reads on its own (wikinews_blind58_qa dn19, a right answer refused
# as not West's words; session 63).
_OPENING_PHRASE = re.compile(r"\s*(?:During|In|On|At|After|Before|While|When|Following|Speaking|"
                             r"Asked|Later|Earlier|Meanwhile|According to)\b[^\"“]*,", re.I)


def _subject(sentence: str, found: list[re.Match[str]], verb: int) -> list[str]:
    """The words before the speech verb at `verb`, less a phrase of time or place that opens
    the sentence: Sanders speaks in "During an interview on The Late Show with Stephen
    Colbert on Wednesday, Sanders called Biden a 'decent man'", not Colbert
    (wikinews_blind38_qa ct02, a near miss answered with Sanders' words; session 54)."""
    before = sentence[:found[verb].start()]
    opening = _OPENING_PHRASE.match(before)
    if opening and WORD.search(before[opening.end():]):
        words = WORD.findall(before[opening.end():])
    else:
        words = [m.group(0) for m in found[:verb]]
    if words and words[-1].lower() == "and":
        # A verb after "and" shares the subject of the clause's first verb: "John Major has
        # accused Johnson of misleading the Queen, and argued that ..." is Major speaking,
        # not Johnson (wikinews_blind51_qa dg16, a near miss answered with Major's words for
        # Johnson's; session 60).
        first = next((i for i, w in enumerate(words) if i and _FIRST_VERB.fullmatch(w)), None)
        if first is not None:
            return words[:first]
    return words


# A clause's first verb: an auxiliary, or a past form after the subject ("has accused",
# "accused").
_FIRST_VERB = re.compile(r"has|have|had|is|was|are|were|will|would|[a-z]+ed")


_MANY = word_set("two three four five several many both")  # '"...," said two officials'


def _may_name(word: str) -> bool:
    """Whether a word after a verb of speech may open its speaker's name or role."""
    return not word.islower() or word in DETERMINERS | PRONOUNS | _MANY


def _after(words: list[str], i: int) -> list[str]:
    """The words after the verb at `i` that may name its speaker: three, or a name of up to
    six with its titles ('"...," said Detective Inspector Steven Jones', whose surname a
    span of three left out; session 53, wikinews_blind36_qa cr37)."""
    end = i + 4
    while end < min(len(words), i + 7) and words[end - 1][:1].isupper() \
            and words[end][:1].isupper():
        end += 1
    return words[i + 1:end]


# A speaker's tag opening a paragraph of a transcript or an interview: "((Perttu Ahola))"
# (Wikinews), "Gregory Kurtzer:", "KURTZER:", "GK:".
_TURN = re.compile(r"(?m)^[ \t]*(?:\(\((?P<a>[^()\n]{1,60})\)\)|(?P<b>[A-Z][\w.'’-]*"
                   r"(?: [A-Z][\w.'’-]*){0,3}):)[ \t]")


# A Q&A's answer turns name no one ("ANSWER:" is read as "Answer", `_turn_tags`).
ANSWER_TAGS = frozenset({"A", "Answer"})


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
    ", while", ", whereas", ", though" or ", although"; and at ", which" before a name, a
    relative clause with a speaker of its own ("Trump did not place FEMA in charge, which
    Politico reported left experts disappointed": Politico reports, not Trump; cm16)."""
    return re.split(r"[;:]|\s[–—]\s|,\s+(?:but|while|whereas|though|although)\s+|"
                    r",\s+which\s+(?=[A-Z])", sentence)


def attributes_to(sentence: str, source: Constraint, window: frozenset[str],
                  window_text: str | None = None) -> bool | None:
    """Whether `sentence` attributes what it reports to `source` (None: it reports no speech);
    a pronoun where the speaker stands ("he said") counts when the source is named in the
    `window` around (of `window_text`: "Captain Rochester" there names "US Coast Guard
    Captain Monica Rochester")."""
    verdict: bool | None = None
    # Each clause on its own: "Initial reports stated a pineapple; NDTV later reported ...",
    # "Local officials said 24, but AFP reported as many as 32".
    for clause in clauses(_RELATIVE_REPORT.sub(r"\g<name>; \g<name> \g<verb>", sentence)):
        spans, speech = _speakers(clause)
        if speech:
            verdict = False
        for i, span in enumerate(spans):
            text = " ".join(span)
            if named_by(source, frozenset(content_words(text)) | acronyms(text), text):
                return True
            # "he said", '"...," said he'; not "put its magnitude at", nor "said they last
            # saw him" (the pronoun after the verb begins what was said, unless it ends the
            # clause)
            pronoun = (PRONOUNS & {w.lower() for w in span} if i == 0
                       else {w.lower() for w in span if len(span) == 1} & {"he", "she", "they"})
            if i == 0 and not pronoun & {"he", "she", "they"} and _names_someone(text):
                # "O'Rourke defended his proposal, saying ...": a possessive after a name is
                # that person's, who speaks, not the source's ("In Washington he said" keeps
                # its "he").
                pronoun = set()
            # or the role the source speaks in: "the government has reported" for a country
            role = i == 0 and _role_span(span, source.aliases)
            if (pronoun or role) and named_by(source, window, window_text):
                return True
    return verdict


# A body that reports in a relative clause of its own: '"We will continue," the head told The
# Jakarta Post, which also today reported location data showing ...' (wikinews_blind42_qa
# cx35, a right answer refused as the head's words, not the Post's; session 55). Read as a
# clause of its own whose speaker is the name before ", which".
_RELATIVE_REPORT = re.compile(
    r"(?P<name>(?:(?-i:[A-Z])[\w'’.&-]*\s+){0,4}(?-i:[A-Z])[\w'’.&-]*),\s+which\s+"
    r"(?P<verb>(?:(?:also|later|then|today|yesterday|first|has|had|have)\s+){0,2}"
    r"(?:reported|reports|said|says|stated|wrote|published|quoted|cited)\b)")


# Capitalised words that open a sentence and name no one ("Later his aide said").
_OPENERS = PRONOUNS | word_set("later earlier meanwhile however also then yesterday today "
                               "tomorrow previously separately still now but and so last "
                               "this next first afterwards instead")


def _names_someone(text: str) -> bool:
    """Whether `text` (the words before a speech verb) holds a name, its first word counted
    unless it only opens the sentence ("Later", "He")."""
    return any(name.lower() not in _OPENERS for _, name in name_runs(text, first=True))


def role_speaks(sentence: str, roles: frozenset[str]) -> bool:
    """Whether the speaker of `sentence` is one of `roles` and no one named: "The mother said",
    not "Another eyewitness, Vinnie DeVita, said"."""
    return any(_role_span(span, roles) for span in _speakers(sentence)[0])


def _role_span(span: Sequence[str], roles: frozenset[str]) -> bool:
    """Whether the words of a speaker's span name one of `roles` and no one by name."""
    # A role capitalised as a body's own noun ("The Department said") is no other name.
    named = [w for w in span if w[:1].isupper() and w.lower() not in NOT_NAMES
             and set(content_words(w)) - roles]
    return bool(roles & content_words(" ".join(span))) and not named


def role_reports(sentence: str, roles: frozenset[str]) -> bool:
    """Whether a speaker of `sentence` is the whole role with no other name qualifying it,
    for a source whose name only qualifies its role ("the Polish press agency"): "State press
    agency PAP has reported" (the agency's own name may follow), not "Russian press agency
    TASS reported"."""
    for span in _speakers(sentence)[0]:
        if not roles <= frozenset(content_words(" ".join(span))):
            continue
        first = next(i for i, w in enumerate(span) if set(content_words(w)) & roles)
        if not any(w[:1].isupper() and w.lower() not in NOT_NAMES and content_words(w)
                   for w in span[:first]):
            return True
    return False


def quotes_speech(text: str) -> bool:
    """Whether `text` holds quotation marks around words someone may have said: not only
    around a title ('the case "Eva Glawischnig-Piesczek vs. Facebook Ireland Limited"')."""
    if not _QUOTES.search(text):
        return False
    quoted = [m.group(1) for m in re.finditer(r"[\"“]([^\"“”]+)[\"”]", text)]
    return not quoted or not all(is_title(q) for q in quoted) or len(quoted) * 2 < len(
        _QUOTES.findall(text))


def is_title(phrase: str) -> bool:
    """Whether a quoted phrase is written as a title: two words or more, each longer than three
    letters capitalised ("Storm Area 51, They Can't Stop All of Us", not "a terrorist
    airline")."""
    words = WORD.findall(phrase)
    long = [w for w in words if len(w) > 3]
    return len(words) >= 2 and bool(long) and all(w[:1].isupper() or w[:1].isdigit()
                                                  for w in long)


# '"...; we will not be deterred," read the statement': "the statement" speaks for whoever
# the article last had issue one ("On Friday, the Combined Joint Task Force Operation
# Inherent Resolve released a statement saying ...", two paragraphs before; wikinews_blind53_qa
# di37, a right answer refused as no one's words; session 61).
_THE_STATEMENT_SPEAKS = re.compile(
    r"\b(?:read|reads|said|says|added|adds|stated|states|continued|continues)\s+the\s+"
    r"statement\b|\bthe\s+statement\s+(?:read|reads|said|says|added|adds|stated|states|"
    r"continued|continues)\b", re.I)


def statement_by(evidence: Evidence, source: Constraint) -> bool:
    """Whether the cited sentence gives the words of "the statement" and the last statement
    the article has someone issue before it is `source`'s."""
    if not _THE_STATEMENT_SPEAKS.search(evidence.cited):
        return False
    issued = None
    for start, end in article_sentences(evidence.article):
        if start >= evidence.start:
            break
        lower = [w.lower() for w in WORD.findall(evidence.article[start:end])]
        if any(w in _ISSUE and _STATEMENT.intersection(lower[i + 1:i + 4])
               for i, w in enumerate(lower)):
            issued = evidence.article[start:end]
    return issued is not None and bool(attributes_to(issued, source, frozenset()))


def quoted_by(evidence: Evidence, source: Constraint) -> bool:
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
    if i < 0 or opened >= spans[i][1]:
        return False
    said = attributes_to(article[spans[i][0]:spans[i][1]], source, evidence.window_words,
                         evidence.window)
    if said is None and i > 0 and not article[spans[i][0]:opened].strip():
        # A quotation that opens its sentence and names no speaker goes on with the one whose
        # quotation ends the sentence before ('..." Minnis said.' then '"The southern aspect
        # of Abaco ... The international airport on Abaco is under water."': wikinews_blind56_qa
        # dl03, a right answer refused as no one's words; session 62).
        before = article[spans[i - 1][0]:spans[i - 1][1]]
        said = attributes_to(before, source, evidence.window_words, evidence.window) \
            if before.rstrip().endswith((".", "!", "?")) and ('"' in before or "”" in before) \
            else None
    return bool(said)
