"""The words and the patterns that several of the constraints' modules read: a set of words
written as one string (`word_set`), a word of a text (`WORD`), the verbs of speech (`SPEECH`)
and the pronouns that stand for a speaker (`PRONOUNS`), the determiners (`DETERMINERS`), the
names of months and weekdays (`MONTHS`, `WEEKDAYS`), the capitalised words that are no name
(`NOT_NAMES`), a year (`YEAR`) and the titles written before a name (`TITLES`; stemmed,
`title_stems`).

Imports: rag.text.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from rag.text import content_words


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


WORD = re.compile(r"\w+(?:[.'’/–-]\w+)*")  # "U.S.", "Turkey–Libya", "2018/19" are one word
SPEECH = word_set(
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
# The words that open a noun phrase ("the", "his", "every").
DETERMINERS = word_set("a an the this that these those his her its their our my your some any "
                       "no every each another")
PRONOUNS = word_set("he she they his her their it")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower() for d in calendar.day_name}
# Capitalised words that start a question or name a time, never a name constraint.
NOT_NAMES = word_set(
    "what which who whom whose when where why how name list according by on in at under "
    "besides beside to during after before for from of did does do is was were are has have "
    "had can could will would give tell since following between among as the a an i "
    "if while with without") | WEEKDAYS | set(MONTHS)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)(?:\s*[/–-]\s*(\d{2,4}))?\b")


@cache
def title_stems() -> frozenset[str]:
    return frozenset(content_words(" ".join(TITLES)))


TITLES = word_set("mr mrs ms dr president minister senator sen rep representative judge "
                  "governor gov mayor prime secretary general chief professor prof sir lord "
                  "king queen pope prince princess father saint st officer captain colonel "
                  "archbishop bishop cardinal rabbi imam reverend rev sheikh chancellor "
                  "commissioner inspector sergeant lieutenant major admiral ambassador "
                  # honorifics of other languages: "Mme Spanton" is Emily Spanton
                  "mme mlle madame monsieur herr frau dame señor senor sra")
