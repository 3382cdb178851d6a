"""The question's constraints, each checked on a supporting and a non-supporting sentence made
of (nearly) the same words: the support check sees the words an answer adds, these see what
the question itself requires of the evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from rag.answer.constraints import (
    Constraint,
    Evidence,
    first_unmet,
    parse,
    reason,
    sets_scene,
    without_descriptions,
)
from rag.answer.constraints.names import name_runs
from rag.text import content_words
from rag.types import TimeFrame

from .seedlike import SEEDLIKE, sentence_span


def cited(article: str, sentence: str, **meta: object) -> Evidence:
    """The evidence of `sentence`, a sentence of `article`."""
    start = article.index(sentence)
    return Evidence(article, start, start + len(sentence), **meta)  # type: ignore[arg-type]


def unmet(question: str, evidence: Evidence, frame: TimeFrame | None = None) -> str | None:
    failed = first_unmet(parse(question, frame), [evidence])
    return reason(failed) if failed else None


def kinds(question: str, frame: TimeFrame | None = None) -> list[tuple[str, str]]:
    return [(c.kind, c.text.strip()) for c in parse(question, frame)]


def sources(question: str) -> list[str]:
    """The sources `question` names, as written."""
    return [text for kind, text in kinds(question) if kind == "source"]


YEAR_2017 = TimeFrame(text="in 2017", start=dt.date(2017, 1, 1), end=dt.date(2017, 12, 31),
                      anchored=True)


def test_a_year_before_a_noun_names_the_event_asked_about():
    # wikinews_blind4_qa k21: "the 1980 rescue" names the rescue; asked until what year its
    # secret was kept, the answer's year is another, and 1980 fixes no date of the evidence.
    frame = TimeFrame(text="in the 1980", start=dt.date(1980, 1, 1), end=dt.date(1980, 12, 31),
                      anchored=True)
    question = ('Until what year did the CIA\'s role in the 1980 "Canadian Caper" rescue '
                "remain secret?")
    [date] = [c for c in parse(question, frame) if c.kind == "date"]
    assert date.event_year
    article = ("The 1980 rescue of six diplomats from Tehran was called the Canadian Caper. "
               "The CIA's part in it remained secret until 1997.")
    later = cited(article, "The CIA's part in it remained secret until 1997.",
                  published="2019-02-01")
    assert unmet(question, later, frame) is None  # the article writes the year


def test_a_year_that_names_the_event_is_met_by_an_article_that_writes_it():
    # wikinews_quiz_blind5 qe28: "his 2011 corruption conviction" names the conviction; his
    # obituary of 2019 gives the punishment two sentences away from the year.
    frame = TimeFrame(text="2011", start=dt.date(2011, 1, 1), end=dt.date(2011, 12, 31),
                      anchored=True)
    question = ("What punishment did former French president Jacques Chirac receive after "
                "his 2011 corruption conviction relating to his years as mayor of Paris?")
    article = ("Jacques Chirac died on Thursday in Paris. "
               "Chirac was convicted of corruption, stemming from his years as mayor, in 2011. "
               "He was mayor of Paris from 1977 to 1995. "
               "Chirac was given a two-year suspended sentence.")
    sentence = cited(article, "Chirac was given a two-year suspended sentence.",
                     published="2019-09-26")
    assert unmet(question, sentence, frame) is None
    # An article that never writes the year is held to the date as any other.
    other = article.replace(", in 2011", "")
    assert unmet(question, cited(other, "Chirac was given a two-year suspended sentence.",
                                 published="2019-09-26"), frame) == (
        'the question asks about the date "2011"; the evidence cited is about another time')
    # Asked what happened in 2011, the year is the time of the evidence.
    plain = TimeFrame(text="in 2011", start=dt.date(2011, 1, 1), end=dt.date(2011, 12, 31),
                      anchored=True)
    assert not [c for c in parse("What punishment did Chirac receive in 2011?", plain)
                if c.event_year]


def test_a_year_naming_the_event_is_not_met_by_the_same_noun_of_another_year():
    # wikinews_blind55_qa dk38: asked about "his 2010 run", the cited sentence gives the share
    # of "his 2012 run"; the range of years beside it does not make it the 2010 one.
    frame = TimeFrame(text="2010", start=dt.date(2010, 1, 1), end=dt.date(2010, 12, 31),
                      anchored=True)
    question = ("What share of the vote did William Mohr receive in his 2010 run for the "
                "Michigan House of Representatives?")
    article = ("William Mohr was a candidate for the Michigan House of Representatives in every "
               "election from 2006 to 2014. "
               "He received 3 percent of the vote in his 2012 run and 2.3 percent in his 2014 run.")
    other_run = cited(article, "He received 3 percent of the vote in his 2012 run and 2.3 "
                      "percent in his 2014 run.", published="2020-07-10")
    assert unmet(question, other_run, frame) == (
        'the question asks about the date "2010"; the evidence cited is about another time')
    asked_run = article.replace("his 2012 run", "his 2010 run")
    assert unmet(question, cited(asked_run, "He received 3 percent of the vote in his 2010 run "
                                 "and 2.3 percent in his 2014 run.", published="2020-07-10"),
                 frame) is None
    # A year of the question other than its time frame's names its event all the same: the
    # frame of "the Constitution Party's 2020 nominee ... in his 2010 run" is 2020.
    nominee = TimeFrame(text="2020", start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31),
                        anchored=True)
    question = ("What share of the vote did William Mohr, the Constitution Party's 2020 vice "
                "presidential nominee, receive in his 2010 run for the Michigan House?")
    assert [c.text for c in parse(question, nominee) if c.kind == "date"] == ["2020", "2010"]
    assert unmet(question, other_run, nominee) == (
        'the question asks about the date "2010"; the evidence cited is about another time')


def test_date_the_cited_sentence_must_date_itself_in_the_period():
    question = "How many people died in road accidents in Cuba in 2017?"
    assert ("date", "in 2017") in kinds(question, YEAR_2017)
    article = ("Cuba publishes its road figures every winter. "
               "In 2017, 680 people died in road accidents in Cuba. "
               "The ministry blamed old cars. "
               "In 2018, 680 people died in road accidents in Cuba.")
    good = cited(article, "In 2017, 680 people died in road accidents in Cuba.",
                 published="2019-02-01")
    bad = cited(article, "In 2018, 680 people died in road accidents in Cuba.",
                published="2019-02-01")
    assert unmet(question, good, YEAR_2017) is None
    assert unmet(question, bad, YEAR_2017) == (
        'the question asks about the date "in 2017"; the evidence cited is about another time')


def test_date_a_range_of_years_is_one_period_not_its_last_year():
    # wikinews_blind14_qa z04: deaths of four years do not answer for the last of them.
    question = "How many people died in road accidents in Cuba in 2017?"
    article = ("Cuba publishes its road figures every winter. Between January 2014 and "
               "December 2017, 2,700 people died in road accidents in Cuba.")
    four = cited(article, "Between January 2014 and December 2017, 2,700 people died in road "
                          "accidents in Cuba.", published="2019-02-01")
    assert unmet(question, four, YEAR_2017) == (
        'the question asks about the date "in 2017"; the evidence cited is about another time')
    one = article.replace("Between January 2014 and December 2017", "Between January 2017 "
                          "and December 2017")
    assert unmet(question, cited(one, one[one.index("Between"):], published="2019-02-01"),
                 YEAR_2017) is None


def test_date_an_undated_sentence_counts_from_its_article_s_publication():
    question = "How many people died in road accidents in Cuba in 2017?"
    article = "Officials said 680 people died in road accidents in Cuba."
    sentence = article
    assert unmet(question, cited(article, sentence, published="2017-06-03"), YEAR_2017) is None
    assert unmet(question, cited(article, sentence, published="2017-12-30"), YEAR_2017) is None
    assert unmet(question, cited(article, sentence, published="2019-06-03"), YEAR_2017)
    # Relative dates count from publication: "last year" in 2018 is 2017.
    later = "Last year, 680 people died in road accidents in Cuba."
    assert unmet(question, cited(later, later, published="2018-03-01"), YEAR_2017) is None
    assert unmet(question, cited(later, later, published="2020-03-01"), YEAR_2017)
    # An undated article, or a question without a year, cannot be checked: they pass.
    assert unmet(question, cited(article, sentence), YEAR_2017) is None
    monday = TimeFrame(text="Monday", start=dt.date(2026, 1, 5), end=dt.date(2026, 1, 5))
    assert not [c for c in parse("What did he say on Monday?", monday) if c.kind == "date"]


def test_date_a_day_without_its_year_is_the_one_nearest_publication():
    # wikinews_blind21_qa cb03 was refused: "by August 4" in an article of May 2020 was read
    # as August 2019, the last August before it.
    frame = TimeFrame(text="by August 4, 2020", start=dt.date(2020, 8, 4),
                      end=dt.date(2020, 8, 4), anchored=True)
    question = "How many more deaths might the United States see by August 4, 2020?"
    article = ("The institute said the coronavirus may cause roughly 32,000 more deaths in the "
               "United States by August 4. The total passed 100,000 on Wednesday.")
    sentence = article[:article.index(" The total")]
    assert unmet(question, cited(article, sentence, published="2020-05-29"), frame) is None
    # "Dec. 28" in an article of January 2020 is still a day of 2019.
    december = TimeFrame(text="in December 2020", start=dt.date(2020, 12, 1),
                         end=dt.date(2020, 12, 31), anchored=True)
    quake = "The earthquakes began on Dec. 28, when a 4.7-magnitude quake struck."
    assert unmet("When did the earthquakes of December 2020 begin?",
                 cited(quake, quake, published="2020-01-17"), december)


def test_person_what_they_said_must_be_theirs():
    question = "How did eyewitness Nicole Towarek describe the heat from the fire?"
    assert kinds(question)[0] == ("source", "Nicole Towarek")
    article = ("Two drivers saw the crash. "
               "Towarek said the heat was insane, Jones told reporters. "
               "Jones said the heat was insane, Towarek told reporters.")
    theirs = cited(article, "Towarek said the heat was insane, Jones told reporters.")
    someone_elses = cited(article, "Jones said the heat was insane, Towarek told reporters.")
    assert unmet(question, theirs) is None
    assert unmet(question, someone_elses) == (
        "the question asks for what Nicole Towarek said; the evidence cited is someone else's "
        "words, or no one's")


def test_person_the_words_after_a_verb_that_follows_a_description_name_no_speaker():
    # wikinews_blind44_qa cz10, a near miss: Siegel speaks; the words after "declared" are
    # what he declared, not the role of the study's lead author the question describes.
    question = ("What did fellow Anita Knopov, lead author of the study linking household gun "
                "ownership to youth suicide, tell reporters?")
    article = ("Professor Michael Siegel, co-author of a new study, declared household gun "
               'ownership rates to be "the strongest single predictor". Wikinews interviewed '
               "him.\n\nThe study was published on Monday. Siegel and colleagues including "
               "fellow Anita Knopov, the lead author, compared the data.")
    siegel = cited(article, article[:article.index(" Wikinews")])
    assert unmet(question, siegel) == (
        "the question asks for what Anita Knopov said; the evidence cited is someone else's "
        "words, or no one's")
    # The words after a verb that follows a quotation still name its speaker.
    quoted = article + ' "It is the strongest predictor," said the lead author, Anita Knopov.'
    assert unmet(question, cited(quoted, quoted[quoted.index('"It is'):])) is None


def test_person_what_they_said_is_something_said():
    question = "What did Andrea Zamperoni's brother say after the chef was found dead?"
    article = ("Andrea Zamperoni was found dead on Sunday. His brother is a chef in London. "
               '"He was a kind man," his brother told reporters.')
    assert unmet(question, cited(article, "His brother is a chef in London."))
    assert unmet(question, cited(article, '"He was a kind man," his brother told reporters.')
                 ) is None
    # A quotation whose speaker the sentence does not name may be the source's.
    quoted = 'Zamperoni\'s brother spoke at the vigil. "He was a kind man."'
    assert unmet(question, cited(quoted, '"He was a kind man."')) is None
    # Asked for what a source reported, a sentence reporting no speech still passes.
    assert unmet("What did Reuters report about the chef?",
                 cited("Reuters covered the case. The chef was 33.", "The chef was 33.")) is None
    # A title in quotation marks is no one's words (wikinews_blind12_qa x18); nor is "States"
    # in "United States" a verb of speech (wikinews_blind45_qa da38, a near miss answered
    # with what a sentence of no speech says of its subject).
    case = ('The court ruled on Thursday in the case "Eva Glawischnig-Piesczek vs. Facebook '
            'Ireland Limited".')
    resigned = ("On Friday, Ricardo Rosselló resigned as the governor of United States "
                "commonwealth of Puerto Rico.")
    for person, sentence in (("Eva Glawischnig-Piesczek", case), ("Ricardo Rosselló", resigned)):
        assert unmet(f"What did {person} say after the court ruled?",
                     cited(sentence, sentence)) == (
            f"the question asks for what {person} said; the evidence cited is someone else's "
            "words, or no one's")
    # Nor does a passive verb of speech make its subject speak (wikinews_blind_qa b02): "by"
    # names who reported it.
    visit = ("The Archbishop of Gdansk, Slawoj Glodz, was reported by local media to have "
             "visited the hospital.")
    assert unmet("What did Slawoj Glodz say about the stabbing?", cited(visit, visit))
    quoted = 'Slawoj Glodz was quoted as saying the stabbing was "a tragedy".'
    assert unmet("What did Slawoj Glodz say about the stabbing?", cited(quoted, quoted)) is None
    # A quotation that an earlier sentence opens as the source's is the source's to its end
    # (wikinews_blind14_qa z15).
    boon = ('Alexis Boon said about Amman: "His fascination with dying was clear in a notepad. '
            "Amman had scrawled his life goals in the notepad, and top of the list was dying "
            'a martyr. He was dangerous."')
    goals = ("Amman had scrawled his life goals in the notepad, and top of the list was dying "
             "a martyr.")
    asked = "What did Alexis Boon say topped the list of life goals in the notepad?"
    assert unmet(asked, cited(boon, goals)) is None
    unquoted = boon.replace(': "His', ". His").replace('dangerous."', "dangerous.")
    assert unmet(asked, cited(unquoted, goals))
    # A pronoun after the verb begins what was said (wikinews_blind4_qa k20): the manager
    # speaks here, not the brother, however near Zamperoni is named.
    manager = ("Andrea Zamperoni was found dead. Fernando Dallorso, the general manager, said "
               "his roommates said they last saw him on Saturday.")
    assert unmet(question, cited(manager, "Fernando Dallorso, the general manager, said his "
                                          "roommates said they last saw him on Saturday."))
    # A quoted phrase in the source's description leaves it the source (wikinews_blind41_qa
    # cw10, a near miss answered with what Carter did).
    carter = ("What did former US President Jimmy Carter, who awarded Tony Mendez the "
              "Intelligence Star for the 1980 'Argo' rescue, say after Mendez died?")
    assert sources(carter) == ["Jimmy Carter"]
    awarded = "Mendez was awarded the Intelligence Star by then-president Jimmy Carter."
    assert unmet(carter, cited(awarded, awarded)) is not None


def test_person_what_they_said_in_an_interview_is_their_turn():
    # wikinews_blind10_qa u29: an interviewee's answers carry no "he said"; the tag that opens
    # the turn says who speaks. The interviewer's question is not the interviewee's words.
    question = "How many core developers did Perttu Ahola say Minetest had?"
    article = ("Perttu Ahola discussed Minetest with Wikinews.\n\n"
               "((WN)) Do you have 13 core developers on Minetest right now?\n\n"
               "((Perttu Ahola)) I need to look this up. Looks like we have 13 at the moment.\n")
    assert unmet(question, cited(article, "Looks like we have 13 at the moment.")) is None
    assert unmet(question, cited(article, "((Perttu Ahola)) I need to look this up.")) is None
    assert unmet(question, cited(article, "((WN)) Do you have 13 core developers on Minetest "
                                 "right now?")) == (
        "the question asks for what Perttu Ahola said; the evidence cited is someone else's "
        "words, or no one's")
    # A transcript's "NAME:" tags alike.
    transcript = ("KURTZER: Converting systems takes a single command.\n"
                  "HOST: Converting systems takes a single command?\n")
    question = "What did Gregory Kurtzer say about converting systems?"
    assert unmet(question, cited(transcript, "Converting systems takes a single command.")
                 ) is None
    assert unmet(question, cited(transcript, "Converting systems takes a single command?"))


def test_person_the_answers_of_a_q_and_a_are_its_subjects():
    # A "Q:"/"A:" interview names no one in its tags: the answers are those of the person the
    # interview is about (in its title or lead), and of no one else.
    article = ("Mayoral candidate Jane Doe spoke to the Herald about the city.\n\n"
               "Q: What will you do about housing?\n\n"
               "A: We will build 5,000 homes in four years.\n")
    question = "What did Jane Doe say about housing?"
    assert unmet(question, cited(article, "We will build 5,000 homes in four years.")) is None
    assert unmet("What did John Roe say about housing?",
                 cited(article, "We will build 5,000 homes in four years."))


def test_an_according_to_source_is_the_one_asked_for():
    # wikinews_blind10_qa u03: the committee only gave; FEC records are the source.
    question = ("According to FEC records, how much money did the committee Rocky 101 LLC "
                "give Mark Seidenberg?")
    assert sources(question) == ["FEC"]
    # A verb of speech keeps both: what the AP reports that Biden said.
    assert sources("According to the AP, what did Biden say about the plan?") == ["AP", "Biden"]


def test_a_country_reports_through_its_government():
    # wikinews_blind11_qa v29: "How many new cases did Samoa report?" is answered by what "the
    # government" reported in an article that names Samoa beside it; not by a doctor's count.
    question = "How many new measles cases did Samoa report in the single day before?"
    assert ("source", "Samoa") in kinds(question)
    article = ("The government of Samoa began a two-day shutdown on Thursday. Since then, the "
               "government has reported more cases, including 165 in the single day before. "
               "A doctor in Apia said 170 new cases came in the single day before.")
    assert unmet(question, cited(article, "Since then, the government has reported more "
                                 "cases, including 165 in the single day before.")) is None
    assert unmet(question, cited(article, "A doctor in Apia said 170 new cases came in the "
                                 "single day before.")) == (
        "the question asks for what Samoa said or reported; the evidence cited is someone "
        "else's")
    # A person is no country: "the government" does not speak for Biden.
    biden = "Biden visited Ohio. The government said it would send aid."
    assert unmet("What did Biden say about aid?", cited(biden, "The government said it would "
                                                        "send aid."))


def test_a_company_speaks_through_the_words_the_article_calls_it_by():
    # Wire copy gives a company's words as "the automaker said" or "the company said": where
    # the article calls the company so ("Japanese automaker Toyota", "Toyota Motor Corp"),
    # those words are the company's.
    article = ("Japanese automaker Toyota Motor Corp is recalling 2.9 million vehicles. "
               "Its rival Honda said it was not affected. "
               "The company said a faulty pump could stall the engine. "
               "The automaker said dealers would replace the pump free of charge.")
    question = "What did Toyota say about the fault?"
    for sentence in ("The company said a faulty pump could stall the engine.",
                     "The automaker said dealers would replace the pump free of charge."):
        assert unmet(question, cited(article, sentence)) is None
        # They are not Honda's, which the article calls by no such word.
        assert unmet("What did Honda say about the fault?", cited(article, sentence))
    # A word the article gives two companies speaks for neither.
    both = article.replace("Its rival Honda", "Rival automaker Honda")
    assert unmet(question, cited(both, "The automaker said dealers would replace the pump "
                                       "free of charge."))
    # Nor is a person whom the article describes by a body's noun.
    director = ("Agency director Jane Doe visited the site. Mark Roe, the agency spokesman, "
                "spoke too. The agency said the site was safe.")
    for name in ("Jane Doe", "Mark Roe"):
        assert unmet(f"What did {name} say about the site?", cited(
            director, "The agency said the site was safe."))
    # A person is no company: "the company said" does not speak for Biden.
    biden = "Biden visited the Ford plant. The company said it would hire 500 workers."
    assert unmet("What did Biden say about the plant?", cited(
        biden, "The company said it would hire 500 workers."))


def test_person_what_they_said_in_any_verb_of_speech():
    # wikinews_blind9_qa s17 was refused: "commented" was not read as speech, so the words
    # were taken for the reporter's.
    question = "What did Chuck Schumer say about the president's tweets?"
    article = ("The agency allowed the transition to begin. Senate Minority Leader Chuck Schumer "
               "commented that the tweets are likely as near as the public will ever have to a "
               "concession. Trump tweeted that the fight goes on.")
    assert unmet(question, cited(article, "Senate Minority Leader Chuck Schumer commented "
                                          "that the tweets are likely as near as the public "
                                          "will ever have to a concession.")) is None
    assert unmet(question, cited(article, "Trump tweeted that the fight goes on."))


def test_person_a_role_the_question_gives_speaks_for_the_person_named_beside_it():
    question = "What did David Turpin, the father, tell the court?"
    article = ("David Turpin and Louise Turpin were sentenced. "
               'The father said "I love my children." David Turpin was also charged.')
    assert unmet(question, cited(article, 'The father said "I love my children."')) is None
    assert unmet(question, cited(article.replace("The father", "The mother"),
                                 'The mother said "I love my children."'))


def test_person_a_pronoun_counts_for_the_person_named_by_title_and_surname_beside_it():
    question = "What did US Coast Guard Captain Monica Rochester say about the doors?"
    article = ('Captain Rochester said the call was "confusing. [...] He asked." However, '
               'she added, "there are no locked doors" on the boat.')
    assert unmet(question, cited(article, 'However, she added, "there are no locked doors" on '
                                          "the boat.")) is None


def test_person_a_pronoun_counts_for_the_person_named_beside_it():
    question = "What did Louise Turpin tell the court?"
    article = "Louise Turpin stood up. She told the court she loved her children."
    assert unmet(question, cited(article, "She told the court she loved her children.")) is None
    other = "Diane Jones stood up. She told the court she loved her children."
    assert unmet(question, cited(other, "She told the court she loved her children."))


def test_person_another_person_as_the_subject_is_that_person_s_fact():
    # wikinews_blind13_qa y34 and y22: a duration or a date of the person the cited sentence
    # opens with, in an article that names the asked person around it.
    article = ("Fans in costume filled the halls.\n\nStephanie Chapman has knit a variety of "
               "outfits. Chapman wore a mask. Lisa Mancini has been cosplaying for two years. "
               "Chapman has been knitting since 2015.")
    question = "How long has cosplayer Stephanie Chapman been knitting her costumes?"
    evidence = cited(article, "Lisa Mancini has been cosplaying for two years.",
                     asked=content_words(question + " two years"))
    assert unmet(question, evidence) == (
        'the question names the name "Stephanie Chapman"; the evidence cited does not')
    assert unmet(question, cited(article, "Chapman has been knitting since 2015.",
                                 asked=content_words(question))) is None
    # A word of a person's name the article writes in full is that person too.
    case = ("The site was run by Jong Woo Son.\n\nIt was the NCA's investigation of Matthew Falder "
            "which led to the site. Jong was arrested in March, 2018.")
    falder = "When did investigators open their case into Matthew Falder?"
    assert unmet(falder, cited(case, "Jong was arrested in March, 2018.",
                               asked=content_words(falder + " March 2018"))) == (
        'the question names the name "Matthew Falder"; the evidence cited does not')
    # One who reports passes on the words: "Mancini said she ..." may be about Chapman.
    said = article.replace("Lisa Mancini has been cosplaying", "Lisa Mancini said she has been "
                           "knitting")
    assert unmet(question, cited(said, "Lisa Mancini said she has been knitting for two years.",
                                 asked=content_words(question + " two years"))) is None
    # In a story about the person (the title or lead names them), the subject may be a judge
    # who ordered something of "him".
    court = ("Brenton Tarrant appeared in court. Judge Paul Kellar ordered the accused remain "
             "in custody until his next court appearance on April 5.")
    tarrant = "When was Brenton Tarrant next due to appear in court?"
    assert unmet(tarrant, cited(court, "Judge Paul Kellar ordered the accused remain in custody "
                                       "until his next court appearance on April 5.",
                                asked=content_words(tarrant + " April 5"))) is None
    # "He" after a sentence that opens with another person is that person: Biden's states
    # given as Sanders' in a story about both (wikinews_blind44_qa cz07; session 56).
    primaries = ("Sanders and Biden won states on Super Tuesday.\n\nOn Super Tuesday, "
                 "Sanders won four states. Projections indicated he won Colorado and Utah."
                 "\n\nFormer Vice-President Biden secured pluralities in ten states. According "
                 "to projections, he won in Virginia and Texas.")
    states = "Which states did projections say Bernie Sanders had won on Super Tuesday?"
    biden = cited(primaries, "According to projections, he won in Virginia and Texas.",
                  asked=content_words(states + " Virginia Texas"))
    assert unmet(states, biden) == (
        'the question names the name "Bernie Sanders"; the evidence cited does not')
    sanders = cited(primaries, "Projections indicated he won Colorado and Utah.",
                    asked=content_words(states + " Colorado Utah"))
    assert unmet(states, sanders) is None


def test_outlet_attribution_according_to_a_source():
    question = "According to AFP, how many people died in the attack?"
    assert kinds(question) == [("source", "AFP")]
    article = ("The attack hit the market. "
               "AFP said 15 people died, citing Reuters. "
               "Reuters said 15 people died, citing AFP.")
    assert unmet(question, cited(article, "AFP said 15 people died, citing Reuters.")) is None
    assert unmet(question, cited(article, "Reuters said 15 people died, citing AFP."))
    # Two reports joined by "but" are two clauses, each with its speaker (wikinews_blind2_qa
    # c31).
    contrast = ("The bus overturned on Sunday. Local officials said 24 people were "
                "hospitalised, but AFP reported as many as 32 hospitalised.")
    assert unmet("According to AFP, how many people were hospitalised?", cited(
        contrast, "Local officials said 24 people were hospitalised, but AFP reported as many "
                  "as 32 hospitalised.")) is None
    # The article's own outlet is the source when the text names none.
    plain = "Officials said 15 people died."
    assert unmet(question, cited(plain, plain, outlet="AFP")) is None
    assert unmet(question, cited(plain, plain, outlet="Reuters"))


def test_attribution_according_to_a_role_and_the_name_beside_it():
    # wikinews_blind15_qa a31: the name stands after the role, between commas.
    article = ("A bomber crashed at the airport. According to Windsor Locks' first selectman, "
               "Chris Kervick, there were ten passengers aboard.")
    question = "According to Chris Kervick, how many passengers were aboard the bomber?"
    sentence = ("According to Windsor Locks' first selectman, Chris Kervick, there were ten "
                "passengers aboard.")
    assert unmet(question, cited(article, sentence)) is None
    other = article.replace("Chris Kervick", "Jane Doe")
    assert unmet(question, cited(other, sentence.replace("Chris Kervick", "Jane Doe")))


def test_attribution_to_a_role_the_name_only_qualifies():
    # "Polish" says which press agency; an article on Poland calls PAP "state press agency".
    question = "What killed the girls in the fire, according to the Polish press agency?"
    assert kinds(question) == [("source", "Polish")]
    article = ("A fire killed five girls in Koszalin. "
               "State press agency PAP has reported the deaths were caused by smoke. "
               "Russian press agency TASS reported the deaths were caused by burns.")
    assert unmet(question, cited(article, "State press agency PAP has reported the deaths "
                                          "were caused by smoke.")) is None
    assert unmet(question, cited(article, "Russian press agency TASS reported the deaths were "
                                          "caused by burns."))
    # Also where the name is written beside it, about something else.
    beside = article + " Polish officials closed escape rooms."
    assert unmet(question, cited(beside, "State press agency PAP has reported the deaths "
                                         "were caused by smoke.")) is None
    # A name that is the source itself still has to be named.
    named = "According to AFP, how many people died in the attack?"
    assert unmet(named, cited(article, "State press agency PAP has reported the deaths were "
                                       "caused by smoke."))


def test_attribution_by_acronym_and_as_the_question_s_subject():
    question = "What magnitude did the US Geological Survey give for the earthquake?"
    assert kinds(question)[0] == ("source", "US Geological Survey")
    article = ("The quake shook Mindanao. The USGS put its magnitude at 6.4. "
               "PHIVOLCS put its magnitude at 6.3.")
    assert unmet(question, cited(article, "The USGS put its magnitude at 6.4.")) is None
    assert unmet(question, cited(article, "PHIVOLCS put its magnitude at 6.3."))


def test_a_body_named_with_its_country_speaks_by_the_acronym_of_the_rest():
    # wikinews_quiz_blind8 qh15: "the US National Hurricane Center" is "the NHC" in the story.
    question = ("How much rain did the US National Hurricane Center warn could fall on the "
                "northwestern Bahamas?")
    article = ("Hurricane Dorian came ashore in the Bahamas on Sunday. The NHC also warned of "
               "up to 30 inches of rain. The NWS also warned of up to 20 inches of rain.")
    assert unmet(question, cited(article, "The NHC also warned of up to 30 inches of rain.")) \
        is None
    assert unmet(question, cited(article, "The NWS also warned of up to 20 inches of rain.")) \
        == ("the question asks for what US National Hurricane Center said; the evidence "
            "cited is someone else's words, or no one's")


def test_an_according_to_phrase_runs_on_past_an_initial_s_full_stop():
    # wikinews_blind26_qa cg23: "According to the U.S. embassy in Beijing" was read as "the U".
    question = ("On what date did the American patient die in Wuhan, according to the US "
                "embassy in Beijing?")
    own = ("According to the U.S. embassy in Beijing, the infected 60-year-old American died in "
           "Wuhan on February 6.")
    other = own.replace("U.S. embassy in Beijing", "U.K. embassy in Tokyo")
    assert unmet(question, cited(own, own)) is None
    assert "what Beijing said or reported" in (unmet(question, cited(other, other)) or "")


# A figure, a quoted phrase, a topic or a name the question gives: a sentence that gives it
# supports the answer, the same sentence without it does not, and the reason says which.
@pytest.mark.parametrize(("question", "constraint", "good", "bad", "because"), [
    pytest.param(
        "Which automaker recalled 2.9 million vehicles this week?", ("number", "2.9 million"),
        "Toyota recalled 2.9 million vehicles over faulty airbags.",
        "Toyota recalled 1.9 million vehicles over faulty airbags.",
        'the question names the figure "2.9 million"; the evidence cited does not',
        id="number"),
    pytest.param(  # its words in its order
        "Who called the withdrawal 'a stab in the back'?", ("quote", "a stab in the back"),
        "Kino Gabriel called the withdrawal a stab in the back for the Kurds.",
        "Kino Gabriel called the withdrawal a back stab in the Kurds' view.",
        'the question names the quoted phrase "a stab in the back"; the evidence cited does not',
        id="quoted phrase"),
    pytest.param(  # what was agreed about it
        "What did Johnson and Varadkar agree about the Irish border backstop?",
        ("topic", "the Irish border backstop"),
        "Johnson and Varadkar agreed to keep talking about the Irish border backstop.",
        "Johnson and Varadkar agreed to keep talking about fishing rights and trade.",
        'the question names the topic "the Irish border backstop"; the evidence cited does not',
        id="topic"),
    pytest.param(  # the person or place the question names
        "How many people were injured in the fire in La Llagosta?", ("name", "La Llagosta"),
        "Five people were injured in the fire in La Llagosta.",
        "Five people were injured in the fire in Badalona.",
        'the question names the name "La Llagosta"; the evidence cited does not',
        id="name"),
])
def test_what_the_question_names_must_be_in_the_evidence(
        question: str, constraint: tuple[str, str], good: str, bad: str, because: str) -> None:
    assert constraint in kinds(question)
    assert unmet(question, cited(good, good)) is None
    assert unmet(question, cited(bad, bad)) == because


def test_quoted_phrase_in_the_sentence_beside_the_cited_one_counts():
    # The quote is often its own sentence.
    question = "Who called the withdrawal 'a stab in the back'?"
    beside = "Kino Gabriel spoke on Monday. \u201cIt is a stab in the back,\u201d he said."
    assert unmet(question, cited(beside, "Kino Gabriel spoke on Monday.")) is None


def test_quoted_phrase_in_the_title_is_what_the_story_is_about():
    # wikinews_blind14_qa z39: the phrase is the headline's, not the cited sentence's.
    question = "In which journal did researchers publish their findings on 'upside-down rivers'?"
    article = "In findings published in Science Advances, researchers reported a new mechanism."
    assert unmet(question, cited(article, article, title="How 'upside-down rivers' of warm "
                                                         "water break the ice shelf")) is None
    assert unmet(question, cited(article, article, title="Warm water breaks the ice shelf")) == (
        'the question names the quoted phrase "upside-down rivers"; the evidence cited does not')


def test_quoted_phrase_with_double_quotes_and_apostrophes_around():
    assert kinds('Who called the talks "a real conversation"?') == [
        ("quote", "a real conversation")]
    # A possessive is no quotation mark.
    assert [k for k, _ in kinds("What did the Taliban's spokesperson claim?")] == ["source"]


def test_name_the_article_s_title_and_a_demonym_count():
    question = "How many people were injured in the fire in La Llagosta?"
    assert kinds(question) == [("name", "La Llagosta")]  # the name and nothing else
    bad = "Five people were injured in the fire in Badalona."
    assert unmet(question, cited(bad, bad, title="Fire in La Llagosta")) is None
    assert unmet("Which Indian agency seized the skins?",
                 cited("India's customs seized them.", "India's customs seized them.")) is None


def test_an_address_and_a_foreign_honorific_are_read_as_names():
    # wikinews_blind13_qa y25: "36 Quai des Orfèvres" is one place, with no figure to find,
    # and "Mme Spanton" is Emily Spanton, not another Spanton.
    question = "What happened to Emily Spanton at 36 Quai des Orfèvres?"
    assert kinds(question) == [("name", "Emily Spanton"), ("name", "Quai des Orfèvres")]
    article = ("Two officers were convicted.\n\nEmily Spanton met them at a pub. They offered "
               "a tour.\n\nThe court found that Mme Spanton did not consent. Spanton testified.")
    assert unmet("What did the court find about Emily Spanton?",
                 cited(article, "Spanton testified.")) is None


def test_british_and_american_spellings_are_one_word():
    # wikinews_blind15_qa a15: the question writes "decriminalised", the article "decriminalized".
    question = ("What did Tony Abbott say about the New South Wales bill that decriminalised "
                "abortion?")
    article = ('The New South Wales parliament passed the bill which decriminalized the '
               'procedure. Tony Abbott said, "It is a license for sex selection."')
    assert unmet(question, cited(article, 'Tony Abbott said, "It is a license for sex '
                                          'selection."')) is None


def test_what_cannot_be_checked_is_not_a_constraint():
    # A source that names no one, the article itself, and a bare weekday.
    assert kinds("On what date did he receive the award, according to his daughter?") == []
    assert kinds("Which countries allow it, according to the report?") == []
    assert kinds("What chance did forecasters give the storm?") == []
    assert kinds("What did she say on Monday afternoon?") == []


def test_constraints_describe_themselves():
    assert Constraint("date", "in May 2019").describe() == 'the date "in May 2019"'
    assert Constraint("source", "NDTV").describe() == 'the source "NDTV"'


# The rules these constraints replace (quote, "what did X say", "about Y"), on the seed-like
# article they were written against (tests/seedlike.py).
def seedlike(fragment: str) -> Evidence:
    """The evidence of the sentence of SEEDLIKE that holds `fragment`."""
    return Evidence(SEEDLIKE, *sentence_span(SEEDLIKE, fragment))


def test_a_quoted_phrase_anchors_the_evidence():
    question = 'Who called the talks "a real conversation"?'
    assert unmet(question, seedlike("Blinken met Liu"))
    assert unmet(question, seedlike("went beyond")) is None  # the quote is the next sentence


def test_what_someone_said_must_be_said_by_them():
    # The evidence names Finer, but it is Liu who stated the positions.
    problem = unmet("What did Jonathan Finer tell Liu Jianchao about Taiwan?",
                    seedlike("stated China's positions"))
    assert problem is not None and "Jonathan Finer said" in problem
    assert unmet("What did Xi Jinping tell Bill Gates?", seedlike("first American friend")) is None
    # "he said" counts for the person named in the sentence before.
    assert unmet("What did the senior US official say about the discussions?",
                 seedlike("went beyond")) is None


def test_what_someone_said_about_a_topic_must_touch_the_topic():
    problem = unmet("What did Xi say about Taiwan?", seedlike("first American friend"))
    assert problem is not None and "Taiwan" in problem


def test_a_topic_is_what_it_says_of_the_names_in_it():
    # The person the funeral is for is in every sentence of his obituary; the funeral is not.
    question = ("What did Tonga's government decide about a state funeral for Prime Minister "
                "Akilisi Pohiva?")
    article = ("Akilisi Pohiva, the prime minister of Tonga, died today. In the wake of "
               "Prime Minister Akilisi Pohiva's death, the Legislative Assembly was suspended. "
               "Akilisi Pohiva first joined parliament in 1987. He was 78 years old. "
               "The government decided that Akilisi Pohiva would be given a state funeral.")
    suspended = ("In the wake of Prime Minister Akilisi Pohiva's death, the Legislative "
                 "Assembly was suspended.")
    problem = unmet(question, cited(article, suspended))
    assert problem is not None and "state funeral" in problem
    funeral = "The government decided that Akilisi Pohiva would be given a state funeral."
    assert unmet(question, cited(article, funeral)) is None
    # One word of a relation to a name is met by the name (wikinews_blind45_qa da37): what
    # the Senate may do in his confirmation is its role.
    question = ("What had Pedro Pierluisi said about the Puerto Rico Senate's role in "
                "confirming him?")
    article = ("Pedro Pierluisi was sworn in as governor of Puerto Rico on Friday. By Sunday "
               "he said the Senate had no say in his confirmation. The island's justice "
               "department declined to comment. Pierluisi was once a congressman. He said he "
               "would leave if lawmakers voted against him.")
    senate = "By Sunday he said the Senate had no say in his confirmation."
    assert unmet(question, cited(article, senate)) is None
    leave = "He said he would leave if lawmakers voted against him."
    problem = unmet(question, cited(article, leave))
    assert problem is not None and "Senate's role" in problem


def test_what_someone_said_about_how_or_why_has_no_topic_of_its_own():
    # wikinews_dev4_qa f17: "about how he came to leave his post" is answered in other words.
    question = "What did John Bolton say about how he came to leave his post?"
    assert [kind for kind, _ in kinds(question)] == ["source"]
    said = "Bolton said he had offered to resign on Monday night."
    assert unmet(question, cited(said, said)) is None


def test_an_initialism_in_the_question_is_met_by_the_name_spelled_out():
    # wikinews_blind9_qa s13: "US airports", where the article writes "United States".
    question = "At which US airports did authorities announce screening measures?"
    assert ("name", "US") in kinds(question)
    us = ("United States authorities declared screening measures for San Francisco, Los "
          "Angeles and New York airports.")
    uk = ("United Kingdom authorities declared screening measures for London Heathrow and "
          "Manchester airports.")
    assert unmet(question, cited(us, us)) is None
    assert unmet(question, cited(uk, uk)) == (
        'the question names the name "US"; the evidence cited does not')
    # "Washington, D.C." is named by "Washington, DC" (the question's last stop is the
    # sentence's).
    assert ("name", "D.C") in kinds("How many were arrested in Washington, D.C.?")
    dc = "Twenty people were arrested in Washington, DC on Saturday."
    assert unmet("How many were arrested in Washington, D.C.?", cited(dc, dc)) is None


@pytest.mark.parametrize(("question", "good", "bad"), [
    ("Which automaker recalled 2.9 million vehicles this week?",
     "Toyota recalled 2.9m vehicles over faulty airbags.",
     "Toyota recalled 1.9m vehicles over faulty airbags."),
    ("Which automaker recalled 2.9 million vehicles?",
     "Toyota recalled 2,900,000 vehicles over faulty airbags.",
     "Toyota recalled 290,000 vehicles over faulty airbags."),
    ("Which company paid $1.5 billion for the start-up?",
     "Acme paid $1.5bn for the start-up.", "Acme paid $15bn for the start-up."),
    ("Which charity received 1,500 letters?",
     "Oxfam received 1500 letters.", "Oxfam received 1 letter and 500 emails."),
    ("Which of the 5 victims was a child?",
     "One of the five victims was a child.", "One of the six victims was a child."),
], ids=["2.9m", "thousands", "bn", "separator", "in-words"])
def test_a_figure_is_the_same_however_news_writes_it(question: str, good: str, bad: str):
    # The issue's own example: wire copy writes "2.9m", the question "2.9 million".
    assert unmet(question, cited(good, good)) is None
    assert unmet(question, cited(bad, bad))


def test_a_count_that_says_which_story_is_met_anywhere_in_its_article():
    # wikinews_quiz_blind20 qt08 was refused: the article gives "337" in its lead, and the
    # quotation asked for paragraphs later.
    question = ("Who, of the National Crime Agency, said offenders cannot hide when the arrests "
                "of 337 users were announced?")
    article = ("Police arrested 337 users of the site. Investigators worked for years. "
               "Nikki Holland of the National Crime Agency said offenders cannot hide.")
    said = "Nikki Holland of the National Crime Agency said offenders cannot hide."
    assert unmet(question, cited(article, said)) is None
    other = article.replace("337", "330")
    assert unmet(question, cited(other, said)) == (
        'the question names the figure "337"; the evidence cited does not')
    # A number that labels ("round 1") says which fact, and stays with it (qt24).
    labelled = "What was the side's weak point in round 1 of the season?"
    season = ("In round 1 the side lost to Uni. The crowd was small. The pitch was wet. In "
              "round 3 the set piece was the weak point, the coach said.")
    assert unmet(labelled, cited(season, "In round 3 the set piece was the weak point, the "
                                         "coach said.")) is not None


def test_a_position_the_question_gives_must_be_the_evidence_s():
    # wikinews_blind9_qa s40, a near miss: "Which candidate finished fourth?" was answered with
    # the winner, from a sentence that gives no fourth place.
    question = "Which candidate finished fourth in the South Carolina primary?"
    assert ("number", "fourth") in kinds(question)
    fourth = "Tom Steyer finished 4th in the South Carolina primary with 11 percent."
    won = "Joe Biden won the South Carolina primary with 48 percent of the vote."
    assert unmet(question, cited(fourth, fourth)) is None
    assert unmet(question, cited(won, won)) == (
        'the question names the figure "fourth"; the evidence cited does not')
    assert not [k for k in kinds("Who made the first joint appearance?") if k[0] == "number"]


def test_a_plural_acronym_is_no_name():
    # wikinews_dev4_qa f15: "MPs" is a kind of people, which the evidence may call members.
    assert ("name", "MPs") not in kinds("Which groups of MPs boycotted the vote?")
    assert ("name", "NATO") in kinds("Which NATO members boycotted the vote?")


def test_a_body_s_name_keeps_its_on_and_for():
    # wikinews_dev4_qa f11 had been read as the source "US Commission".
    question = ("What did the US Commission on International Religious Freedom say about "
                "the plan to turn Hagia Sophia into a mosque?")
    assert ("source", "US Commission on International Religious Freedom") in kinds(question)
    own = ("The US Commission on International Religious Freedom said the plan to make it a "
           "mosque was wrong.")
    other = "The US Commission on Civil Rights said the plan to make it a mosque was wrong."
    assert unmet(question, cited(own, own)) is None
    assert unmet(question, cited(other, other))
    # Elsewhere "on" ends a name: "Trump on Twitter" is Trump.
    assert ("source", "Trump") in kinds("What did Trump say on Twitter about the plan?")


@pytest.mark.parametrize(("question", "own", "other_name"), [
    # wikinews_dev4_qa f43: the name came after four words of role.
    ("According to Rutgers University political scholar Kelly Dittmar, what share of "
     "congressional seats do women hold?",
     'According to Rutgers University political scholar Kelly Dittmar, "Women hold fewer '
     'than 25 percent of congressional seats".', ("Kelly Dittmar", "Jane Doe")),
    # wikinews_blind7_qa p03: the phrase was cut after eight words, before the author.
    ("According to a 2017 survey by the Royal Pharmaceutical Society, what share of Britons "
     "did not wash their hands well enough?",
     "According to a survey published in 2017 by the Royal Pharmaceutical Society, 84% of "
     "surveyed Britons did not wash their hands well enough.",
     ("Royal Pharmaceutical Society", "Royal Statistical Institute")),
], ids=["to-its-end", "survey-author"])
def test_an_according_to_phrase_names_its_source(question: str, own: str,
                                                 other_name: tuple[str, str]):
    other = own.replace(*other_name)
    assert unmet(question, cited(own, own)) is None
    assert unmet(question, cited(other, other))


def test_a_place_is_named_where_the_story_sets_its_scene_not_only_after_the_fact():
    # wikinews_dev4_qa f03: the airport is named once, in the second paragraph.
    question = ("What did the US attack that killed Qasem Soleimani at Baghdad International "
                "Airport consist of?")
    article = ("US forces killed Qasem Soleimani in an airstrike on Thursday.\n\n"
               "The strike was carried out at Baghdad International Airport. Officials spoke "
               "of a precise operation.\n\nThe Telegraph reported the attack consisted of "
               "three rockets launched from helicopters.")
    fact = "The Telegraph reported the attack consisted of three rockets launched from helicopters."
    assert unmet(question, cited(article, fact)) is None
    # wikinews_constraints_dev d08: a place named only after the cited sentence is the scene
    # of another event.
    question = "How many people were injured in the second fire, in La Llagosta?"
    article = ("A fire in an apartment block in Badalona killed three and injured sixteen on "
               "Saturday. Firefighters worked all night.\n\nA second fire on Saturday, in a "
               "block of flats in La Llagosta, killed another person.")
    first = ("A fire in an apartment block in Badalona killed three and injured sixteen on "
             "Saturday.")
    assert unmet(question, cited(article, first)) == (
        'the question names the name "La Llagosta"; the evidence cited does not')
    # A place joined to another by "and" stands after the same preposition (wikinews_blind6_qa
    # n03: "at Abqaiq and Khurais").
    question = "How many drones were used in the attacks at Abqaiq and Khurais?"
    article = ("Drones hit Saudi oil plants on Saturday.\n\nThe attacks struck the plant at "
               "Abqaiq and the Khurais oil field. Officials assessed the damage.\n\nA "
               "spokesperson said it had carried out the attack using ten drones.")
    assert unmet(question, cited(article, "A spokesperson said it had carried out the attack "
                                          "using ten drones.")) is None


def test_a_question_of_two_parts_asks_each_part_s_constraints_of_its_own_sentences():
    question = ("In which city did Liu Jianchao restate Beijing's stance, and what did he then "
                "discuss with Blinken?")
    assert {(c.text, c.part) for c in parse(question)} >= {("Liu Jianchao", 0), ("Blinken", 1)}
    article = "Blinken and Liu discussed fentanyl. Separately, they met in New York."
    # The second part's answer need not name Liu Jianchao, only Blinken.
    assert unmet(question, cited(article, "Blinken and Liu discussed fentanyl.")) is None


def test_several_speakers_any_of_them_and_a_role_the_question_gives():
    question = "What did Qin Gang and Wang Yi each tell Blinken about Taiwan?"
    article = "Blinken met both. Mr Qin said Taiwan was the most prominent risk."
    qin = "Mr Qin said Taiwan was the most prominent risk."
    assert unmet(question, cited(article, qin)) is None
    # "the mother", in an article that names Louise Turpin elsewhere.
    mother = ("Louise Turpin was sentenced with her husband. The court heard the children. "
              'The mother said "I love them."')
    assert unmet("What did Louise Turpin, the mother, tell the court?",
                 cited(mother, 'The mother said "I love them."')) is None
    father = mother.replace("The mother", "The father")
    assert unmet("What did Louise Turpin, the mother, tell the court?",
                 cited(father, 'The father said "I love them."'))


def test_a_subject_of_the_article_may_be_named_anywhere_in_it_a_side_figure_only_nearby():
    question = "How long did the talks with Wang Yi last?"
    asked = frozenset(content_words(question)) | {"three", "hour"}
    article = ("Wang Yi met Blinken on Monday. Wang Yi spoke first. The weather was cold. "
               "The talks lasted three hours. Reporters waited outside.")
    # Wang Yi is named in two sentences: the subject, who may be "they" far away.
    assert unmet(question, cited(article, "The talks lasted three hours.", asked=asked)) is None
    # Unless the cited sentence puts another name where the question puts Wang Yi.
    other = article.replace("The talks lasted", "The talks with Foreign Minister Qin lasted")
    assert unmet(question, cited(other, "The talks with Foreign Minister Qin lasted three hours.",
                                 asked=asked))
    # A side figure, named once after the lead, must be named in or just before the cited
    # sentence.
    side = ("Blinken arrived in Beijing on Sunday.\n\nHe met Wang Yi on Monday. The weather "
            "was cold. The talks lasted three hours.")
    assert unmet(question, cited(side, "The talks lasted three hours.", asked=asked))
    # Named in the lead (the first paragraph), it is what the story is about.
    lead = ("Blinken met Wang Yi in Beijing on Monday.\n\nThe weather was cold. Reporters "
            "waited. The talks lasted three hours.")
    assert unmet(question, cited(lead, "The talks lasted three hours.", asked=asked)) is None


def test_another_name_after_the_same_preposition_on_another_word_is_no_rival():
    question = "How long had the chef worked for Cipriani before he was found dead in Queens?"
    article = ("The chef was found dead in Queens on Wednesday.\n\nHe was 33. He worked at "
               "Cipriani Dolci in Grand Central Terminal for ten years.")
    sentence = "He worked at Cipriani Dolci in Grand Central Terminal for ten years."
    asked = frozenset(content_words(question)) | {"ten", "year"}
    assert unmet(question, cited(article, sentence, asked=asked)) is None
    # Hung on the same word, it is a rival: found dead in Brooklyn is not in Queens.
    rival = article.replace("He worked at Cipriani Dolci in Grand Central Terminal",
                            "Another chef was found dead in Brooklyn; he had worked")
    assert unmet(question, cited(rival, "Another chef was found dead in Brooklyn; he had "
                                        "worked for ten years.", asked=asked))


def test_the_speaker_of_a_quotation_of_several_sentences_is_named_where_it_opens():
    question = "How did Anna Franowska react to Wojciech Polak's apology?"
    article = ('Bishops met.\n\nPolak said, "I am deeply disturbed. I feel pain and shame. I '
               'am sorry." Calling it "just another apology", Franowska left.')
    sentence = 'Calling it "just another apology", Franowska left.'
    assert unmet(question, cited(article, sentence)) is None
    # Closed before the sentence before, the quotation does not reach back.
    closed = article.replace('shame. I am sorry."', 'shame." Bishops sat. He was sorry.')
    assert unmet(question, cited(closed, sentence))


def test_a_quotation_of_several_sentences_holds_its_quoted_phrase_where_it_closes():
    question = 'Which legislator ended by telling Lam "Please go"?'
    article = ('Lam spoke.\n\nLegislator Tanya Chan said: "I urge her to step down. This is '
               'the only way. Please go." Regina Ip disagreed.')
    sentence = 'Legislator Tanya Chan said: "I urge her to step down.'
    assert unmet(question, cited(article, sentence)) is None
    assert unmet(question, cited(article.replace("Please go", "Step aside"), sentence))


def test_a_surname_two_people_share_names_neither():
    article = ("Wrestler Hana Kimura has died.\n\nShe joined Stardom in 2019. Kimura made her "
               "debut in 2016. Her mother is wrestler Kyoko Kimura.")
    sentence = "Kimura made her debut in 2016."
    assert unmet("When did Kyoko Kimura make her debut?", cited(article, sentence))
    # With one Kimura in the article, "Kimura" is she.
    alone = article.replace(" Her mother is wrestler Kyoko Kimura.", "")
    assert unmet("When did Hana Kimura make her debut?", cited(alone, sentence)) is None


def test_a_nickname_the_article_gives_between_the_names_is_the_same_person():
    # wikinews_blind10_qa u41: an article that introduces 'Jeremy "Spike" Cohen' and later
    # writes "Spike Cohen" names one Cohen, so "Cohen" alone is he.
    article = ("The party held its convention online.\n\nIt nominated Jo Jorgensen first. "
               'The next day it nominated Jeremy "Spike" Cohen. Jorgensen had backed another '
               "candidate. Podcaster Spike Cohen won on the third ballot. Delegates cheered.\n\n"
               "Cohen takes his nickname from a dragon in My Little Pony.")
    sentence = "Cohen takes his nickname from a dragon in My Little Pony."
    question = "From which cartoon does Jeremy Cohen take his nickname?"
    assert unmet(question, cited(article, sentence)) is None
    # Without the nickname given, "Spike Cohen" is another Cohen, and "Cohen" names neither.
    other = article.replace('Jeremy "Spike" Cohen', "Jeremy Cohen")
    assert unmet(question, cited(other, sentence))


def test_a_weekday_before_a_surname_is_no_other_name():
    sentence = ('During an interview on The Late Show on Wednesday, Sanders called Biden a '
                '"decent man".')
    article = f"Sanders quit.\n\nBiden won. {sentence}"
    assert unmet("How did Bernie Sanders describe Joe Biden on The Late Show?",
                 cited(article, sentence)) is None


def test_a_long_name_is_named_by_its_last_word_and_a_title_is_no_part_of_a_name():
    # "Fields" names James Alex Fields, where no other name stands before it.
    question = "How many charges did James Alex Fields plead guilty to?"
    article = ("The judge spoke on Friday.\n\nProsecutors were present. Fields, a "
               "self-described neo-Nazi, pleaded guilty to 29 charges.")
    sentence = "Fields, a self-described neo-Nazi, pleaded guilty to 29 charges."
    assert unmet(question, cited(article, sentence)) is None
    other = article.replace("Fields, a", "Sally Fields, a")
    assert unmet(question, cited(other, sentence.replace("Fields, a", "Sally Fields, a")))
    # "Archbishop Wojciech Polak" is Wojciech Polak: "Polak said" names him.
    assert kinds("How did Archbishop Wojciech Polak apologise?") == [
        ("name", "Wojciech Polak")]
    said = "The church met.\n\nIt was Sunday. Polak said he was sorry."
    assert unmet("What did Archbishop Wojciech Polak say?",
                 cited(said, "Polak said he was sorry.")) is None


def test_the_office_a_title_names_is_no_part_of_the_name():
    # wikinews_blind17_qa j19: "Secretary of State Mike Pompeo" speaks as "Pompeo told".
    question = "What did Secretary of State Mike Pompeo tell the press about the departure?"
    assert kinds(question)[0] == ("source", "Mike Pompeo")
    article = ("Bolton left on Tuesday.\n\nPompeo told reporters that nothing would change "
               "after the departure.")
    assert unmet(question, cited(article, "Pompeo told reporters that nothing would change "
                                           "after the departure.")) is None
    # The office alone is no name to cut.
    assert kinds("What did the Secretary of State say?") == [("source", "Secretary of State")]


def test_a_nationality_is_named_by_its_country():
    # wikinews_quiz_blind l16 and l17: "Irish counties" from an article that writes "Ireland",
    # "marrying an American" from "a U.S. national".
    storm = ("Met Eireann, the national meteorological service for Ireland, issued alerts.\n\n"
             "Six counties on the coast received orange warnings.")
    question = "How many Irish counties were put under orange warnings?"
    assert unmet(question, cited(storm, "Six counties on the coast received orange warnings.")) \
        is None
    elsewhere = storm.replace("Ireland", "the islands")
    assert unmet(question, cited(elsewhere, "Six counties on the coast received orange "
                                            "warnings.")) == (
        'the question names the name "Irish"; the evidence cited does not')
    wed = "She lost the title in 1972 upon her marriage to a U.S. national."
    asked = "In what year did the princess lose her title by marrying an American?"
    assert unmet(asked, cited(wed, wed)) is None
    # The pronoun "us" names no United States.
    told = "She told us she had married in 1972."
    assert unmet(asked, cited(told, told)) == (
        'the question names the name "American"; the evidence cited does not')
    assert unmet("How many people did the US deport in 1972?", cited(told, told)) == (
        'the question names the name "US"; the evidence cited does not')


def test_years_as_a_range_are_read_as_one_period():
    from rag.answer.timeframe import resolve

    today = dt.date(2021, 1, 1)
    frame = resolve("How many skins were seized between 2013 and 2019?", today)
    assert frame and (frame.start, frame.end) == (dt.date(2013, 1, 1), dt.date(2019, 12, 31))
    frame = resolve("What loss did it report for the 2018/19 fiscal year?", today)
    assert frame and (frame.start, frame.end) == (dt.date(2018, 1, 1), dt.date(2019, 12, 31))
    # A sentence about another span of years is about another time.
    fiscal = "In the 2019/20 fiscal year, the branch had a 24 million pounds operating loss."
    assert unmet("What operating loss did the branch report for the 2018/19 fiscal year?",
                 cited(fiscal, fiscal, published="2020-06-21"), frame)


def test_a_report_filed_is_no_report_made():
    # wikinews_dev3_qa e32 (a near miss): "What did Gupta's family say about why he set himself
    # on fire?" was answered with the missing persons report the family filed, read as the
    # family reporting. A speech word after a determiner is a noun.
    article = ("On Wednesday morning Gupta's family members filed a missing persons report, "
               "according to the county police. Gupta's family members said he was depressed.")
    question = "What did Arnav Gupta's family say about why he set himself on fire?"
    filed = cited(article, article[:article.index(" Gupta's family members said")])
    said = cited(article, "Gupta's family members said he was depressed.")
    assert unmet(question, filed) is not None
    assert unmet(question, said) is None


def test_a_title_in_quotation_marks_names_what_the_article_is_about():
    # wikinews_blind4_qa k25 was refused: the event's title stands three sentences away.
    question = 'When did Matty Roberts post the "Storm Area 51, They Can\'t Stop All of Us" event?'
    article = ('Roberts says his event, "Storm Area 51, They Can\'t Stop All of Us", was a joke. '
               "Thousands came. Police watched. It began on June 27, when Matty Roberts posted "
               "an event invitation on Facebook.")
    assert unmet(question, cited(article, "It began on June 27, when Matty Roberts posted an "
                                          "event invitation on Facebook.")) is None
    # A quoted phrase that is no title must stand by the cited sentence.
    question = 'Who called Mahan Air "a terrorist airline"?'
    article = ('Pompeo called Mahan Air "a terrorist airline". Germany banned it. Flights '
               "stopped. Grenell welcomed the ban on Mahan Air.")
    assert unmet(question, cited(article, "Grenell welcomed the ban on Mahan Air."))


def test_a_ticket_written_with_a_slash_names_both_its_people():
    # wikinews_blind3_qa g27 was refused: "Segal/de Graaf" read as another person's "Graaf".
    question = "How many documentaries has filmmaker John de Graaf produced?"
    article = ("Jerome Segal picked filmmaker John de Graaf as his running mate. "
               "Voters may choose the Segal/de Graaf ticket. He announced it in April. "
               "As a filmmaker, de Graaf has produced 40 documentaries.")
    assert unmet(question, cited(article, "As a filmmaker, de Graaf has produced 40 "
                                          "documentaries.")) is None


def test_an_hour_is_no_figure_the_evidence_must_hold():
    # wikinews_blind2_qa c29 was refused for "the figure 11" of "its 11 a.m. advisory".
    assert not [c for c in parse("What winds did the hurricane center report in its 11 a.m. "
                                 "advisory?") if c.kind == "number"]
    assert kinds("How many of the 11 crew survived?")[0] == ("number", "11")


def test_a_name_sets_the_scene_when_it_is_no_person_s_and_stands_before_the_evidence():
    article = ("Drones hit Saudi oil plants on Saturday.\n\nThe attacks struck the Khurais oil "
               "field, Yahya Sarea said. Officials assessed the damage.\n\nA spokesperson said "
               "ten drones were used. Aramco restarted Abqaiq later.")
    fact = cited(article, "A spokesperson said ten drones were used.")
    place, person, later = (next(c for c in parse(f"Why did {name} matter?")
                                 if c.kind == "name")
                            for name in ("Khurais", "Yahya Sarea", "Abqaiq"))
    assert first_unmet([place], [fact]) == place  # not beside the fact ...
    assert sets_scene(place, fact) and first_unmet([place], [fact], scenes=True) is None
    assert not sets_scene(person, fact)  # a person is named where their facts are
    assert not sets_scene(later, fact)  # named after the fact: no scene of it


def test_a_place_s_country_or_region_need_not_be_written_beside_it():
    # wikinews_quiz_blind3 qc07: the story names the town, never the country.
    question = ("Who was named as the suspect arrested over the June 2020 stabbings in a park "
                "in Reading, England?")
    article = ("Three people were killed in a park in Reading on Saturday.\n\nPolice named "
               "Khairi Saadallah as the suspect arrested over the stabbings in Reading.")
    fact = cited(article, "Police named Khairi Saadallah as the suspect arrested over the "
                          "stabbings in Reading.")
    assert unmet(question, fact) is None
    # The country alone, where the evidence names another town of it, is still unmet.
    other = article.replace("Reading", "Slough")
    assert unmet(question, cited(other, fact.cited.replace("Reading", "Slough"))) == (
        'the question names the name "Reading"; the evidence cited does not')
    # A person is no place that a country locates: "Emmanuel Macron, France and Germany".
    france = next(c for c in parse("What did Emmanuel Macron, France and Germany agree?")
                  if c.text == "France")
    assert france.either == ()


def test_a_regular_demonym_is_named_by_its_country_and_a_common_initialism_names_nothing():
    # wikinews_quiz_blind4 qd01: "Iranian" is named by "Iran" ("-ian", "-an" forms).
    question = "At which annual Iranian commemoration was President Hassan Rouhani speaking?"
    article = ("President Hassan Rouhani of Iran spoke on Sunday.\n\nThe crowd cheered. Rouhani "
               "was speaking at the opening of Sacred Defence Week.")
    fact = cited(article, "Rouhani was speaking at the opening of Sacred Defence Week.")
    assert unmet(question, fact) is None
    iraq = article.replace("of Iran", "of Iraq")
    assert unmet(question, cited(iraq, fact.cited)) == (
        'the question names the name "Iranian"; the evidence cited does not')
    for demonym, country in (("Syrian", "Syria"), ("Italian", "Italy"), ("Mexican", "Mexico"),
                             ("Korean", "Korea")):
        assert unmet(f"What did the {demonym} minister say?",
                     cited(f"The minister of {country} spoke.", "The minister of "
                           f"{country} spoke.")) is None
    # wikinews_quiz_blind4 qd28: "TV" is a common noun, no name the evidence must hold.
    assert kinds("On what TV programme did Bernie Sanders call Joe Biden a decent man?") == [
        ("name", "Bernie Sanders"), ("name", "Joe Biden")]


def test_a_race_named_by_its_year_is_covered_the_year_before():
    # wikinews_quiz_blind5 qe01: a story of September 2019 on "the 2020 presidential race"
    # that never writes "2020"; a prize is not: a 2019 story tells of the 2019 prize.
    frame = TimeFrame(text="the 2020", start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31),
                      anchored=True)
    article = ("New York City mayor Bill de Blasio ended his presidential campaign on Friday. "
               "A poll by Siena College rounded his support to zero percent.")
    poll = cited(article, "A poll by Siena College rounded his support to zero percent.",
                 published="2019-09-21")
    assert unmet("Which college's poll rounded Bill de Blasio's support to zero percent before "
                 "he quit the 2020 presidential race?", poll, frame) is None
    prize = ("The Nobel Prize in Physics was shared between James Peebles and two Swiss "
             "astronomers.")
    assert unmet("Who won the 2020 Nobel Prize in Physics?",
                 cited(prize, prize, published="2019-10-09"), frame) == (
        'the question asks about the date "the 2020"; the evidence cited is about another time')


def test_the_name_before_a_description_after_its_comma_speaks():
    # wikinews_blind26_qa cg32 (a near miss): the speaker is Ted Cruz, not the Texas Senate
    # of the description after his name, and O'Rourke's words are not his.
    question = ("What did Senator Ted Cruz, O'Rourke's opponent in the 2018 Texas Senate race, "
                "say when Beto O'Rourke ended his presidential bid?")
    assert kinds(question)[0] == ("source", "Ted Cruz")
    article = ("Beto O'Rourke ended his bid on Friday. In the Texas Senate race he lost to Ted "
               "Cruz. O'Rourke said that \"we are ending this campaign\". Cruz said that "
               "\"Texas is better off\".")
    assert unmet(question, cited(article, "O'Rourke said that \"we are ending this campaign\"."))
    assert unmet(question, cited(article, "Cruz said that \"Texas is better off\".")) is None
    # Words given with a participle ("saying") are its subject's, and "his" is that
    # subject's too, though the next sentence names Cruz.
    debate = ("O'Rourke defended his proposal, saying that \"we are going to take your "
              "AR-15\". He ran for the Senate against Ted Cruz in 2018. Cruz replied, saying "
              "that \"Texas is better off\".")
    assert unmet(question, cited(debate, "O'Rourke defended his proposal, saying that "
                                         "\"we are going to take your AR-15\"."))
    assert unmet(question, cited(debate, "Cruz replied, saying that \"Texas is better off\".")) \
        is None
    # The description's role words still name him ("the foreign minister said").
    assert kinds("What did Wang Yi, the foreign minister, tell Blinken?")[0] == (
        "source", "Wang Yi")
    # A description that opens with a name of more words, or a role qualified by a name
    # before the comma: the name, or that role, speaks (wikinews_blind50_qa df38, df02: near
    # misses answered with another's words; session 59).
    assert kinds("What did Mazars USA, Donald Trump's tax preparer, say?")[0] == (
        "source", "Mazars USA")
    joined = ("What did New York's attorney general, one of the fifteen who joined "
              "California's Xavier Becerra, say about the lawsuit?")
    assert kinds(joined)[0] == ("source", "New York's")
    lawsuit = ("Fifteen states joined California's lawsuit. \"The president treats the law "
               "with contempt,\" said California Attorney General Xavier Becerra.")
    assert unmet(joined, cited(lawsuit, "\"The president treats the law with contempt,\" said "
                                        "California Attorney General Xavier Becerra."))


def test_what_words_someone_used_asks_what_they_said_and_a_month_may_be_a_surname():
    # wikinews_blind27_qa ch08 (a near miss, read after its blind run): Tom Watson's words
    # about Theresa May's deal are not hers; "May" ends her name, not a month.
    question = "What words did Prime Minister Theresa May use in responding to the march?"
    assert kinds(question)[0] == ("source", "Theresa May")
    article = ("Tom Watson called Prime Minister Theresa May's deal \"lousy\" at the march. "
               "May said the march showed \"strong feelings\".")
    assert unmet(question, cited(article, "Tom Watson called Prime Minister Theresa May's deal "
                                          "\"lousy\" at the march."))
    assert unmet(question, cited(article, "May said the march showed \"strong feelings\".")) \
        is None
    # The words after a verb still name who speaks where a mark stands before the verb.
    quoted = "\"We will vote against it,\" said Theresa May."
    assert unmet(question, cited(quoted, quoted)) is None
    # "In what words did S respond?" asks for S's words too (wikinews_blind50_qa df16, a near
    # miss answered with what the president claimed; session 59).
    responded = "In what words did Attorney General William Barr respond to the contempt vote?"
    assert kinds(responded)[0] == ("source", "William Barr")
    claimed = "Before the vote, Trump claimed the documents were subject to executive privilege."
    assert unmet(responded, cited(claimed, claimed))
    # A verb after "and" shares its clause's subject: Major speaks, though Johnson stands
    # between (wikinews_blind51_qa dg16, a near miss; session 60).
    johnson = "In what words did Prime Minister Boris Johnson respond to the ruling?"
    major = ("Former prime minister John Major has accused Johnson of misleading the Queen, "
             "and argued that the intent was to shut down debate.")
    assert unmet(johnson, cited(major, major))
    own = "Boris Johnson has criticised the ruling, and argued that the court was wrong."
    assert unmet(johnson, cited(own, own)) is None


def test_a_verb_of_speech_that_names_an_act_reports_no_words():
    # wikinews_blind28_qa ci06, a near miss, was answered with the plans Planned Parenthood
    # announced; "declared a national emergency" likewise says what someone did.
    question = "What did Planned Parenthood say after the governor signed the bill?"
    article = ("The governor signed the bill on Wednesday. Planned Parenthood announced its "
               "plans to oppose the bill in court. Planned Parenthood announced that it would "
               'sue, calling the law "dangerous".')
    assert unmet(question, cited(article, "Planned Parenthood announced its plans to oppose "
                                          "the bill in court.")) == (
        "the question asks for what Planned Parenthood said; the evidence cited is someone "
        "else's words, or no one's")
    assert unmet(question, cited(article, "Planned Parenthood announced that it would sue, "
                                          'calling the law "dangerous".')) is None
    emergency = "The president declared a national emergency on Friday. Crowds gathered."
    assert unmet("What did the president say about the outbreak?",
                 cited(emergency, "The president declared a national emergency on Friday."))


def test_a_proposal_on_a_topic_must_touch_the_topic():
    # wikinews_blind30_qa cl22, a near miss answered with her campaign's focus.
    question = "What did Kirsten Gillibrand propose on paid family leave during her campaign?"
    article = ("Gillibrand, who made women's issues a key focus of her campaign, is the junior "
               "Senator from New York. She ended her campaign on Wednesday. She had polled "
               "under one percent. Gillibrand proposed twelve weeks of paid family leave for "
               "every worker.")
    focus = ("Gillibrand, who made women's issues a key focus of her campaign, is the junior "
             "Senator from New York.")
    problem = unmet(question, cited(article, focus))
    assert problem is not None and "paid family leave" in problem
    proposed = "Gillibrand proposed twelve weeks of paid family leave for every worker."
    assert unmet(question, cited(article, proposed)) is None


def test_a_quoted_phrase_after_the_names_a_thing_the_story_sets_its_scene_with():
    # wikinews_quiz_blind13 qm28 was refused: the party is named in the lead, its poster later.
    question = ("What Hindu god was the coronavirus personified as an avatar of, on a poster "
                "displayed at the March 2020 'gaumutra party' held in New Delhi?")
    poster = ("A poster of coronavirus, personified as an avatar of the Hindu god Narsimha, was "
              "displayed.")
    lead = "On Saturday, a few hundred people attended a gaumutra party (cow urine party)."
    middle = "Reuters estimated around 200 people attended in New Delhi. An attendee spoke."
    assert unmet(question, cited(f"{lead} {middle} {poster}", poster)) is None
    # Written only after the cited sentence, it sets no scene of it.
    assert unmet(question, cited(f"{middle} {poster} An attendee spoke. {lead}", poster)) == (
        'the question names the quoted phrase "gaumutra party"; the evidence cited does not')


def test_according_to_which_asks_for_the_source_and_names_none():
    # wikinews_quiz_blind13 qm01 was refused for want of "Republican" as its source.
    question = ("According to which organisation was the next Republican primary scheduled for "
                "March 3?")
    assert [k for k, _ in kinds(question)] == ["name"]
    assert ("source", "the AP") not in kinds("According to the AP, who won?")
    assert ("source", "AP") in kinds("According to the AP, who won?")


def test_words_asked_for_are_the_speaker_s_not_those_a_relative_clause_reports():
    # wikinews_blind31_qa cm16, a near miss answered with what Trump did, which Politico reported.
    question = ("What words did US President Donald Trump use to explain why he did not put "
                "FEMA in charge of the response?")
    did = ("Trump did not place FEMA in charge of the response, which Politico reported left "
           "some experts disappointed.")
    assert unmet(question, cited(did, did)) == (
        "the question asks for what Donald Trump said; the evidence cited is someone else's "
        "words, or no one's")
    said = 'Trump said, "FEMA is doing a great job already," when asked about the response.'
    assert unmet(question, cited(said, said)) is None


def test_a_month_s_event_is_recalled_by_a_later_story_that_opens_with_it():
    # wikinews_blind31_qa cm21 was refused: the story of November never writes August.
    frame = TimeFrame(text="in the August 2020", start=dt.date(2020, 8, 1),
                      end=dt.date(2020, 8, 31), anchored=True)
    question = ("How did Kyle Rittenhouse, the suspect in the August 2020 shootings of "
                "protesters in Kenosha, claim to have obtained his weapon?")
    claimed = "He claimed an older friend purchased it on his behalf, Rittenhouse said."
    story = ("Kyle Rittenhouse, the suspect in a shooting of protesters in Kenosha, was "
             f"released on bond.\n\nHe faces charges.\n\n{claimed}")
    assert unmet(question, cited(story, claimed, published="2020-11-22"), frame) is None
    # A story that opens with something else, or a year on, is of another time.
    other = story.replace("the suspect in a shooting of protesters", "a teenager")
    assert unmet(question, cited(other, claimed, published="2020-11-22"), frame) == (
        'the question asks about the date "in the August 2020"; the evidence cited is about '
        "another time")
    assert unmet(question, cited(story, claimed, published="2021-11-22"), frame) is not None


def test_a_year_before_a_noun_in_the_evidence_names_an_event_not_its_time():
    # wikinews_blind29_qa cj07 was answered from August's announcement, dated by "the 2020
    # election" it names.
    frame = TimeFrame(text="in May 2020", start=dt.date(2020, 5, 1), end=dt.date(2020, 5, 31),
                      anchored=True)
    question = "Which women were mentioned in May 2020 as possible running mates for Joe Biden?"
    chosen = ("Joe Biden announced Kamala Harris as his choice for running mate in the 2020 "
              "presidential election.")
    assert unmet(question, cited(chosen, chosen, published="2020-08-12"), frame) == (
        'the question asks about the date "in May 2020"; the evidence cited is about another '
        "time")
    assert unmet(question, cited(chosen, chosen, published="2020-05-12"), frame) is None
    dated = "In 2020 Joe Biden named several women as possible running mates."
    assert unmet(question, cited(dated, dated, published="2020-08-12"), frame) is None


def test_a_person_placed_by_of_the_is_the_source_not_what_places_them():
    # wikinews_blind28_qa ci25 was refused for want of "Chinese" as its source.
    question = ("According to co-author Jing-Shan Zhao of the 2019 study by Chinese scientists "
                "on the dinosaur Caudipteryx, how did the flapping motion develop?")
    assert sources(question) == ["Jing-Shan Zhao"]
    # A role placed by "of the" is no person: the body speaks.
    assert ("source", "Treasury") in kinds("According to the Secretary of the Treasury, how "
                                           "much did it cost?")


def test_a_period_that_dates_a_description_fixes_no_time_of_an_asked_time():
    # wikinews_blind32_qa cn19 was refused: August 2019 says which base, not when the
    # agreement was made.
    frame = TimeFrame(text="in August 2019", start=dt.date(2019, 8, 1),
                      end=dt.date(2019, 8, 31), anchored=True)
    question = ("In what year was the agreement made that extended immunity to all US workers at "
                "RAF Croughton, the base near which Harry Dunn was killed in August 2019?")
    assert "date" not in [k for k, _ in kinds(question, frame)]
    # Not where the period dates the asked event itself.
    assert ("date", "in August 2019") in kinds(
        "When did the agreement extending immunity, signed in Washington, take effect in "
        "August 2019?", frame)


def test_what_describes_a_name_the_question_gives_is_met_by_the_article_not_the_sentence():
    # wikinews_blind33_qa co19 was refused: "aged 101" and La Jolla say which obituary, and the
    # fact asked stands paragraphs away from them.
    question = ("In which decade did oceanographer Walter Munk, who died in La Jolla, California, "
                "in February 2019 aged 101, observe an atomic bomb test at close quarters?")
    described = {c.text for c in parse(question) if c.described}
    assert described == {"La Jolla", "California", "101"}
    assert not any(c.described for c in parse(question) if c.text == "Walter Munk")
    fact = "In the 1950s Munk observed an atomic bomb test from a raft."
    obituary = ("Walter Munk died on Friday at his home in La Jolla, California, aged 101.\n\n"
                f"He studied waves during the war.\n\nHe taught for decades.\n\n{fact}")
    assert unmet(question, cited(obituary, fact)) is None
    # The article must still hold them: an obituary of another age is of another man.
    other = obituary.replace("aged 101", "aged 87")
    assert unmet(question, cited(other, fact)) == (
        'the question names the figure "101"; the evidence cited does not')
    # A name the question asks about stays the cited sentence's to give.
    fact_of_another = "In the 1950s his colleague observed an atomic bomb test from a raft."
    assert unmet(question, cited(obituary.replace(fact, fact_of_another).replace(
        "Walter Munk", "Roger Revelle"), fact_of_another)) is not None


def test_a_description_ends_where_the_question_s_own_clause_goes_on():
    # ", reported after the caucuses," dates the poll; "Nevada's Republican voters" is what
    # the question asks about (wikinews_blind30_qa cl34), and "a director of the Number
    # Theory Foundation" what it asks of Richard Guy (cl24).
    poll = parse("According to polling, reported after the February 2020 Nevada Democratic "
                 "caucuses, what share of Nevada's Republican voters preferred a primary?")
    assert {c.text: c.described for c in poll if c.kind == "name"} == {
        "Nevada Democratic": True, "Nevada's Republican": False}
    guy = parse("For how long was mathematician Richard K. Guy, who died in March 2020 aged "
                "103, a director of the Number Theory Foundation?")
    assert {c.text: c.described for c in guy if c.kind != "date"} == {
        "Richard K": False, "Guy": False, "103": True, "Number Theory Foundation": False}
    # A question word that opens the question is no relative clause.
    assert not any(c.described for c in parse("In which journal did Georgia Tech publish?"))


def test_a_clause_of_time_after_what_is_asked_sets_the_scene_for_its_names():
    # "when Governor John Bel Edwards declared a state of emergency" says which storm; the
    # forecast asked for is written sentences away from his name (wikinews_quiz_blind31 ee06,
    # a right answer refused; session 59).
    question = ("How high a storm surge did forecasters predict as Tropical Storm Barry "
                "approached the Louisiana coast in July 2019, when Governor John Bel Edwards "
                "declared a state of emergency?")
    names = {c.text: c.described for c in parse(question) if c.kind == "name"}
    assert names == {"Tropical Storm Barry": True, "Louisiana": True, "John Bel Edwards": True}
    fact = "Forecasters predicted a storm surge of three to six feet."
    story = ("Governor John Bel Edwards declared a state of emergency on Wednesday as Tropical "
             "Storm Barry approached the Louisiana coast.\n\nThe storm was moving slowly.\n\n"
             f"Rain was expected through Sunday.\n\n{fact}")
    assert unmet(question, cited(story, fact)) is None
    # The article must still name them: another storm's forecast is another story's.
    other = story.replace("John Bel Edwards", "Greg Abbott")
    assert unmet(question, cited(other, fact)) == (
        'the question names the name "John Bel Edwards"; the evidence cited does not')
    # What is asked keeps its names where its fact is, and a noun with a relative clause
    # ("after the suspected gas explosion that brought down a block on Karl Marx Avenue") is
    # no clause of time.
    asked = parse("Which parishes did Governor John Bel Edwards evacuate when the storm "
                  "approached New Orleans?")
    assert {c.text: c.described for c in asked if c.kind == "name"} == {
        "John Bel Edwards": False, "New Orleans": True}
    blast = parse("How many people were injured after the suspected gas explosion that brought "
                  "down a block on Karl Marx Avenue in Magnitogorsk?")
    assert not any(c.described for c in blast if c.kind == "name")


def test_a_region_s_adjective_after_the_question_word_is_the_kind_of_answer_not_a_constraint():
    # "Which European leaders ...?" is answered by the leaders' names; the evidence that names
    # them need not write "European" (wikinews_blind43_qa cy07, refused; session 59).
    assert kinds("Which European leaders self-isolated after the summit?") == []
    assert kinds("In which Middle Eastern countries were arrests made?") == []
    # A country's adjective is read with its country, and a name stays the evidence's to give.
    assert kinds("Which Indian agency investigated the crash?") == [("name", "Indian")]
    assert kinds("Which American companies sued?") == [("name", "American")]
    assert kinds("Which Boeing aircraft crashed?") == [("name", "Boeing")]
    # Elsewhere in the question a region is what the story is about.
    assert ("name", "European") in kinds("Which leaders did Macron meet at the European summit?")


def test_initials_in_brackets_after_common_words_name_a_thing_the_article_names_once():
    # "the slippery liquid-entrenched smooth surface (LESS) toilet coating" is the story's
    # invention; its article writes "LESS" where it introduces it, not beside each fact
    # (wikinews_blind45_qa da13, a right answer refused; session 59).
    question = ("How long does the two-spray process take to apply the slippery "
                "liquid-entrenched smooth surface (LESS) coating?")
    assert [(c.text, c.described) for c in parse(question)] == [("LESS", True)]
    fact = "The two-spray process takes under five minutes."
    story = ("The invention, called a liquid-entrenched smooth surface (LESS) coating, involves "
             f"two treatments.\n\nIt repels bacteria.\n\nIt was tested on toilets.\n\n{fact}")
    assert unmet(question, cited(story, fact)) is None
    assert unmet(question, cited(story.replace("(LESS) ", ""), fact)) == (
        'the question names the name "LESS"; the evidence cited does not')
    # Initials that spell no words before them stay a name the evidence must give.
    assert [(c.text, c.described) for c in parse("Which agency (FBI) led it?")] == [
        ("FBI", False)]


def test_the_asked_event_is_what_is_left_without_the_descriptions():
    # wikinews_blind33_qa co27 was refused: the death of "who died" is no event it asks of.
    assert without_descriptions(
        "When and where was Pranab Mukherjee born, the former President of India who died at "
        "the Army's Research and Referral Hospital in New Delhi?") == (
        "When and where was Pranab Mukherjee born, the former President of India?")
    assert without_descriptions(
        "At which university did John Paul Stevens, the retired justice who died in July 2019 "
        "aged 99, study law?") == (
        "At which university did John Paul Stevens, the retired justice, study law?")


def test_a_qualifier_before_a_title_is_no_part_of_the_person_s_name():
    # wikinews_blind33_qa co02 (a near miss) was answered with the words of "Niger's
    # president", which held "most" of "Nigerian President Muhammadu Buhari".
    question = "What did Nigerian President Muhammadu Buhari say when he signed the agreement?"
    assert kinds(question)[0] == ("source", "Muhammadu Buhari")
    other = 'Niger\'s president Mahamadou Issoufou said, "Nigeria is Africa\'s biggest economy."'
    assert unmet(question, cited(other, other)) == (
        "the question asks for what Muhammadu Buhari said; the evidence cited is someone "
        "else's words, or no one's")
    own = 'Buhari said, "We are ready to trade."'
    assert unmet(question, cited(own, own)) is None
    # A title with one name after it stays whole.
    assert kinds("What did US President Trump say?")[0] == ("source", "US President Trump")


def test_a_name_before_a_role_and_a_person_describes_the_person():
    # wikinews_blind27_qa ch37 was refused: the panel's report names Paul Sun-Hyung Lee, not
    # his show, beside his years as an actor.
    question = ("How long had Kim's Convenience lead Paul Sun-Hyung Lee been working as an "
                "actor?")
    [show] = [c for c in parse(question) if c.text == "Kim's Convenience"]
    assert [other.text for other in show.either] == ["Paul Sun-Hyung Lee"]
    fact = "Lee said he had been working as an actor for 25 years."
    panel = f"Paul Sun-Hyung Lee spoke to a panel at Fan Expo Canada.\n\n{fact}"
    assert unmet(question, cited(panel, fact)) is None
    # A name of more words before a kind and a body's name is a name of its own.
    [country] = [c for c in parse("When did the Saudi Arabian oil company Aramco list shares?")
                 if c.text == "Saudi Arabian"]
    assert country.either == ()


def test_a_person_placed_by_of_the_with_a_capital_the_is_the_source():
    # wikinews_blind33_qa co26 (a near miss) was answered with another man's words, told to a
    # paper whose name held "Kamloops" of "The Mustard Seed Kamloops".
    question = ("According to Michaela Jyrkkanen of The Mustard Seed Kamloops, what was driving "
                "the spike in overdose deaths?")
    assert sources(question) == ["Michaela Jyrkkanen"]
    other = ("Bob Hughes told Kamloops This Week that CERB payments were a factor in a spike in "
             "overdose deaths.")
    assert unmet(question, cited(other, other)) is not None


def test_a_person_of_a_body_is_the_source_and_is_named_after_the_verb_with_titles():
    # wikinews_blind36_qa cr37 was refused: "of Thames Valley Police" was read as part of the
    # speaker's name, and the words after "said" were cut at "Steven".
    question = ("What did Detective Inspector Steven Jones of Thames Valley Police say when "
                "police announced an arrest?")
    assert sources(question) == ["Steven Jones"]
    article = ('"Our priority is to locate the stolen item", said Detective Inspector Steven '
               'Jones. "We will not rest", said Detective Inspector Steven Holt.')
    his = '"Our priority is to locate the stolen item", said Detective Inspector Steven Jones.'
    other = '"We will not rest", said Detective Inspector Steven Holt.'
    assert unmet(question, cited(article, his)) is None
    assert unmet(question, cited(article, other)) is not None
    # No person precedes the "of": the whole name speaks.
    assert ("source", "Bank of England") in kinds("What did the Bank of England say about it?")


def test_reports_from_a_source_are_its_reports_not_a_verb():
    # wikinews_blind32_qa cn37 was refused: "Initial reports" was read as "Initial" reporting.
    question = "What did hospital officials in Omsk say about testing Alexei Navalny for poison?"
    article = ("Initial reports from Omsk hospital said no traces of poison were found in his "
               "blood. Reports from Berlin said Navalny had been poisoned.")
    omsk = ("Initial reports from Omsk hospital said no traces of poison were found in his "
            "blood.")
    berlin = "Reports from Berlin said Navalny had been poisoned."
    assert unmet(question, cited(article, omsk)) is None
    assert unmet(question, cited(article, berlin)) is not None


def test_a_body_s_name_keeps_its_and_and_its_brackets_and_ends_before_a_clause():
    # Session 53: wikinews_quiz_blind19 qs06 was read as a source "Physics", wikinews_blind37_qa
    # cs03 as "Rehabilitation", wikinews_blind32_qa cn25 as "Phivolcs" alone.
    assert sources("How many exoplanets had been found, according to the Royal Swedish Academy "
                   "of Sciences when it announced the Nobel Prize in Physics?") == [
        "Royal Swedish Academy of Sciences"]
    assert sources("According to the California Department of Corrections and Rehabilitation, "
                   "when did the assault take place?") == [
        "California Department of Corrections and Rehabilitation"]
    [source] = [c for c in parse("According to the Philippine Institute of Volcanology and "
                                 "Seismology (Phivolcs), where was the epicenter?")
                if c.kind == "source"]
    assert source.text == "Philippine Institute of Volcanology and Seismology"
    assert [c.text for c in source.either] == ["Phivolcs"]
    # Two people joined by "and" stay two speakers, either of whom will do.
    [both] = [c for c in parse("What did Qin Gang and Wang Yi say?") if c.kind == "source"]
    assert (both.text, [c.text for c in both.either]) == ("Wang Yi", ["Qin Gang"])


def test_a_name_with_its_initials_in_brackets_is_one_name_either_names():
    # wikinews_blind44_qa cz21: "and" ended the name, and "Long Range Identification" was
    # required of a sentence that writes "LRIT".
    question = ("What is the Long Range Identification and Tracking (LRIT) system used for, "
                "unlike AIS?")
    [name] = [c for c in parse(question) if c.kind == "name" and c.either]
    assert (name.text, [c.text for c in name.either]) == (
        "Long Range Identification and Tracking", ["LRIT"])
    article = ("Ships broadcast their position via AIS and the Long Range Identification and "
               "Tracking (LRIT) system. AIS is a safety system. LRIT is used for maritime "
               "security by seagoing nations.")
    assert unmet(question, cited(article, "LRIT is used for maritime security by seagoing "
                                          "nations.")) is None
    # "for" joins a movement's name ("Movement for Democratic Change", wikinews_quiz_blind26
    # qz15), which its initials name too.
    assert ("name", "Movement for Democratic Change") in kinds(
        "In which year did the Movement for Democratic Change win a majority?")
    mdc = "Mugabe won over Morgan Tsvangirai of the MDC. In 2008 the MDC won a majority."
    assert unmet("In which year did the Movement for Democratic Change win a majority?",
                 cited(mdc, "In 2008 the MDC won a majority.")) is None


def test_a_body_speaks_by_its_own_noun_and_by_issuing_a_statement():
    # wikinews_blind37_qa cs03 was refused: "The Department issued a statement" is the
    # California Department of Corrections and Rehabilitation speaking.
    question = ("According to the California Department of Corrections and Rehabilitation, at "
                "what time did the assault take place?")
    article = ("The California Department of Corrections and Rehabilitation did not name the "
               "victim. Government sources confirmed it. The Department issued a statement "
               "that an inmate had been stabbed at 2:21 p.m.")
    statement = "The Department issued a statement that an inmate had been stabbed at 2:21 p.m."
    assert unmet(question, cited(article, statement)) is None
    # Not where the article names another department too: "the Department" may be either.
    two = article.replace("Government sources", "The Department of Justice")
    assert unmet(question, cited(two, statement)) is not None


def test_a_relative_clause_inside_a_leading_clause_describes_too():
    # wikinews_blind34_qa cp07, after its one run: the question's own word is the "what" after
    # the lead, and "in which ... won over 80% of the seats" says which elections.
    question = ("According to the report on Hong Kong's November 2019 district council "
                "elections, in which pro-democracy candidates won over 80% of the seats, what "
                "duties do most councillors' jobs involve?")
    assert [c.text for c in parse(question) if c.described] == ["80"]
    # "who" is the question's own word where no "what" or "how" follows the lead's comma.
    assert not any(c.described for c in parse(
        "According to Connie Moganedi, a police spokeswoman, who tried to save Leon van Biljon "
        "when he was killed by his lions?"))


def test_a_name_run_on_into_another_after_a_preposition_is_no_second_surname():
    # wikinews_quiz_blind21 qu07: "on Twitter West accused" read as a second West, so that
    # "West" alone named neither, and the filing was refused.
    question = "How much did rapper Kanye West pay to get on the ballot in Oklahoma?"
    article = ("Candidates filed in July.\n\nRapper Kanye West announced his run on Twitter. "
               "The next day on Twitter West accused his wife of plotting. He lost a day. West "
               "filed and secured a place on the ballot in Oklahoma with a US$35,000 payment.")
    payment = "West filed and secured a place on the ballot in Oklahoma with a US$35,000 payment."
    assert unmet(question, cited(article, payment)) is None
    # A second West the article does name still leaves "West" alone naming neither.
    other = article.replace("on Twitter West accused", "his cousin Ray West accused")
    assert unmet(question, cited(other, payment)) == (
        'the question names the name "Kanye West"; the evidence cited does not')


def test_a_quotation_of_several_sentences_is_read_with_its_speaker():
    # wikinews_blind38_qa ct13: the speaker is named in the sentence before the one that
    # opens the quotation, two sentences above the cited one.
    question = "For how long did comic artist Jenn St-Onge say she had worked seven days a week?"
    article = ('The panel met on Friday.\n\nComic artist Jenn St-Onge told of her start. "In '
               'my first stint, I didn\'t get any work. Then I was working seven days a week '
               'for the last eight years." Others agreed.')
    quote = "Then I was working seven days a week for the last eight years.\""
    assert unmet(question, cited(article, quote)) is None
    # Not where the quotation closed before: the sentence before is someone else's.
    closed = article.replace('get any work. Then', 'get any work." Heather Antos said: "Then')
    assert unmet(question, cited(closed, quote[:-1] + '"')) is not None


def test_a_short_name_the_article_gives_in_brackets_names_the_long_one():
    # wikinews_quiz_blind20 qt05: "to fight ISIS" names the Islamic State where the article
    # writes "the Islamic State (ISIS)".
    question = "How much of Iraq had the Islamic State group taken over?"
    article = ("Parliament voted on Sunday.\n\nTroops are there with a coalition to counter the "
               "Islamic State (ISIS). The vote was close. Many left. The coalition came to fight "
               "ISIS after the group took over about a third of Iraq.")
    third = "The coalition came to fight ISIS after the group took over about a third of Iraq."
    assert unmet(question, cited(article, third)) is None
    assert unmet(question, cited(article.replace(" (ISIS)", ""), third)) == (
        'the question names the name "Islamic State"; the evidence cited does not')


def test_a_short_name_in_brackets_that_is_the_name_s_last_word_still_names_it():
    # wikinews_blind43_qa cy01: "World Wonder Ring Stardom (Stardom)"; the article's "Goddess
    # of Stardom" shares the last word, which alone would then name neither, but the brackets
    # make it the promotion's own short name.
    question = "What did the wrestling promotion World Wonder Ring Stardom say in its statement?"
    article = ("Hana Kimura has died, wrestling promotion World Wonder Ring Stardom (Stardom) "
               "announced. She was a Goddess of Stardom champion.\n\nStardom's official "
               'statement read "We are very sorry to report that our Hana Kimura has passed '
               'away. Please be respectful." Her mother is a wrestler.')
    respectful = "Please be respectful."
    assert unmet(question, cited(article, respectful)) is None
    assert unmet(question, cited(article.replace(" (Stardom)", ""), respectful)) == (
        "the question asks for what World Wonder Ring Stardom said; the evidence cited is "
        "someone else's words, or no one's")


def test_an_ordinal_before_an_event_s_name_says_which_story():
    # wikinews_blind38_qa ct37: "the sixth annual Mini Maker Faire" is written once, in the
    # lead; an ordinal of a place in a race stays the fact's own.
    question = ("What did the owner of Make Crate say at the sixth annual Mini Maker Faire in "
                "Tyler?")
    article = ("The sixth annual Mini Maker Faire was held in Tyler. Many came. The owner of "
               "Make Crate said her products teach young people about coding.")
    said = "The owner of Make Crate said her products teach young people about coding."
    assert unmet(question, cited(article, said)) is None
    assert [c.described for c in parse("Who finished fourth in the race?")] == [False]


def test_may_after_in_is_the_month():
    # wikinews_quiz_blind21 qu20: "In May, a study was published", in a story of December
    # 2020, is of May 2020; "may" as a verb dates nothing.
    may = TimeFrame(text="May 2020", start=dt.date(2020, 5, 1), end=dt.date(2020, 5, 31),
                    anchored=True)
    question = "In which journal was the May 2020 study published?"
    article = "In May, a study was published in journal Nature Astronomy. It drew notice."
    study = "In May, a study was published in journal Nature Astronomy."
    assert unmet(question, cited(article, study, published="2020-12-25"), may) is None
    verb = "It may be published in journal Nature Astronomy."
    assert unmet(question, cited(verb + " It drew notice.", verb, published="2020-12-25"),
                 may) is not None


def test_where_a_source_was_put_out_is_no_speaker():
    # wikinews_blind39_qa cu15 was read as asking for what YouTube said; the YouTube channel
    # only says which recording, as a description does.
    question = ("According to the audio recording uploaded in January 2020 to an anonymous "
                "YouTube channel, what did the voice say of Zelensky?")
    assert [(c.kind, c.text, c.described) for c in parse(question)] == [
        ("name", "YouTube", True), ("name", "Zelensky", False)]
    assert sources("According to a report published by the BBC, how many died?") == ["BBC"]
    # wikinews_blind45_qa da01: who interviewed the speakers, and where, does not speak.
    question = ("What did some of the protesters interviewed by Wikinews at the March 2019 "
                "anti-Brexit march in London say they had gone there to do?")
    assert sources(question) == []
    # wikinews_quiz_blind27 ea23: "in the tweet" has no one tweeting; the one who ascribes
    # speaks.
    assert sources("What profession did Goa Chief Minister Manohar Parrikar ascribe to Francis "
                   "D'Souza in the tweet mourning his former deputy?") == ["Manohar Parrikar"]
    assert sources("What did the report about Francis D'Souza in the tweet mean?") == []
    asked = "What did the World Health Organization attribute the rise in cases to?"
    said = "The World Health Organization attributed the rise in cases to more testing."
    assert unmet(asked, cited(said, said)) is None
    other = "Doctors said the rise in cases was due to more testing."
    assert unmet(asked, cited(other, other)) is not None
    assert sources("What did Manohar Parrikar tweet about Francis D'Souza?") == ["Manohar Parrikar"]


def test_a_place_after_the_is_in_its_place_and_another_there_is_not_met_from_before():
    # wikinews_blind38_qa ct34, a near miss: "In New Hampshire, Sanders secured a plurality
    # of the vote, at 25.7%" for the Iowa caucuses, named in the sentence before.
    question = "What share of the vote did Bernie Sanders win in the Iowa Democratic caucuses?"
    article = ("Bernie Sanders ran second in Iowa.\n\nIn Iowa, Buttigieg won the most delegates. "
               "In New Hampshire, Sanders secured a plurality of the vote, at 25.7%.")
    nh = "In New Hampshire, Sanders secured a plurality of the vote, at 25.7%."
    asked = frozenset(content_words(question + " Sanders won 25.7% of the vote."))
    assert unmet(question, cited(article, nh, asked=asked)) == (
        'the question names the name "Iowa Democratic"; the evidence cited does not')
    iowa = "In Iowa, Sanders secured a plurality of the vote, at 25.7%."
    assert unmet(question, cited(article.replace(nh, iowa), iowa, asked=asked)) is None


def test_a_phrase_that_opens_the_sentence_is_not_the_speaker():
    # wikinews_blind38_qa ct02, a near miss: Sanders' words on the show were answered as
    # Colbert's, who is named in the opening phrase.
    question = "What did talk show host Stephen Colbert say to Bernie Sanders?"
    article = ("Bernie Sanders ended his bid.\n\nDuring an interview on The Late Show with "
               "Stephen Colbert on Wednesday, Sanders called Biden a \"decent man\".")
    said = ("During an interview on The Late Show with Stephen Colbert on Wednesday, Sanders "
            "called Biden a \"decent man\".")
    assert unmet(question, cited(article, said)) == (
        "the question asks for what Stephen Colbert said; the evidence cited is someone "
        "else's words, or no one's")
    colbert = said.replace("Sanders called Biden", "Colbert called Biden")
    assert unmet(question, cited(article.replace(said, colbert), colbert)) is None


def test_according_to_reports_is_no_verb_of_the_name_after_it():
    # wikinews_blind38_qa ct22, a near miss: what reports said of Gillibrand answered what
    # she said.
    question = "What did Kirsten Gillibrand say about the debate rules?"
    article = ("Kirsten Gillibrand ended her campaign.\n\nAccording to reports, Gillibrand "
               "was unable to qualify for this debate.")
    reports = "According to reports, Gillibrand was unable to qualify for this debate."
    assert unmet(question, cited(article, reports)) == (
        "the question asks for what Kirsten Gillibrand said; the evidence cited is someone "
        "else's words, or no one's")


def test_a_body_s_short_name_asked_what_it_said_needs_its_words_too():
    # wikinews_blind40_qa cv02, a near miss: a notice "from the ... (RIAA)" answered what the
    # RIAA said, read by its short name, which was not asked what it said.
    question = ("What did the Recording Industry Association of America (RIAA) say in response "
                "to GitHub's decision?")
    article = ("GitHub restored the repository.\n\nIt was blocked after GitHub received a "
               "take-down notice from the Recording Industry Association of America (RIAA).")
    notice = ("It was blocked after GitHub received a take-down notice from the Recording "
              "Industry Association of America (RIAA).")
    assert unmet(question, cited(article, notice)) == (
        "the question asks for what Recording Industry Association of America said; the "
        "evidence cited is someone else's words, or no one's")
    said = "The RIAA said the decision was wrong."
    assert unmet(question, cited(article + " " + said, said)) is None


def test_a_nickname_in_quotation_marks_is_part_of_the_name():
    # wikinews_blind40_qa cv35: 'Jeremy "Spike" Cohen' was read as a quoted phrase "Spike"
    # that the cited sentence, which calls him Cohen, did not hold.
    question = 'Which media company is Jeremy "Spike" Cohen a co-owner of?'
    assert kinds(question) == [("name", "Jeremy Cohen")]
    assert kinds('Who called the talks "a real conversation"?') == [
        ("quote", "a real conversation")]


def test_a_body_that_reports_in_a_relative_clause_is_its_speaker():
    # wikinews_blind42_qa cx35: the Post's own report, after the official's quotation it
    # printed, was read as the official's words.
    question = "According to The Jakarta Post, where did location data falsely show the ship?"
    article = ('"We will continue searching," the Navy head told The Jakarta Post, which also '
               "today reported location data falsely showing the ship in Sunda Kelapa Port.")
    assert unmet(question, cited(article, article)) is None
    other = ('"We will continue searching," the Navy head told The Jakarta Post, and location '
             "data falsely showed the ship in Sunda Kelapa Port, the head said.")
    assert unmet(question, cited(other, other))


def test_a_name_that_only_qualifies_a_role_s_body_names_no_speaker():
    # wikinews_blind42_qa cx09: "French" of "the French police's internal investigators" was
    # read as the speaker, and her quoted regret refused.
    assert sources("What did the head of the French police's internal investigators say she "
                   "regretted?") == []
    assert sources("What did the Chinese foreign ministry spokesman say?") == ["Chinese"]
    assert sources("What did the mayor of Yartsevo say?") == ["Yartsevo"]


def test_what_the_question_sets_aside_need_not_be_in_the_evidence():
    # wikinews_quiz_blind24 qx12: "Besides President Donald Trump, which Democrat ...?" was
    # refused for want of "Donald Trump" beside the Democrat named.
    question = ("Besides President Donald Trump, which Democrat favoured congressional term "
                "limits in January 2019?")
    # It says which story, as a description does: the article names it somewhere.
    article = ("President Donald Trump has backed term limits. Senator Ted Cruz proposed the "
               "amendment on Thursday. It needs two-thirds of both houses. Former Representative "
               "Beto O'Rourke, a Democrat, has also spoken in favour of them.")
    favour = "Former Representative Beto O'Rourke, a Democrat, has also spoken in favour of them."
    assert unmet(question, cited(article, favour, published=dt.date(2019, 1, 4))) is None
    # It is read as a description of the story; a name the question asks with is not.
    described = {c.text: c.described for c in parse(question) if c.kind == "name"}
    assert described == {"Donald Trump": True, "Democrat": False}


def test_a_year_inside_a_quoted_name_dates_nothing():
    # wikinews_blind42_qa cx21: "'Zrínyi 2026'", a programme's name, was read as asking of
    # 2026, and a right answer from a 2019 article refused.
    from rag.answer.timeframe import resolve

    today = dt.date(2026, 12, 6)
    named = resolve("What is Hungary's 'Zrínyi 2026' military programme meant to do?", today)
    assert named is None
    dated = resolve("What is Hungary's 'Zrínyi 2026' programme, mentioned in 2019, meant to do?",
                    today)
    assert dated is not None and dated.start == dt.date(2019, 1, 1)
    month = resolve("Who spoke at the rally held in 'May 2020'?", today)
    assert month is not None and month.start.year == 2020


def test_a_capitalised_quoted_phrase_after_a_noun_names_a_thing():
    # wikinews_blind43_qa cy19, after that set's one run: "the gold toilet 'America'" named
    # where the story sets its scene, and the year of the offer two sentences on, was refused.
    question = "In what year was the gold toilet 'America' offered to Donald Trump?"
    lead = "The fully functioning gold toilet 'America' was stolen from Blenheim Palace."
    middle = "Police arrested a man on Saturday. The artist made it in 2016."
    offered = "Back in 2017, the artwork was offered to Donald Trump."
    assert unmet(question, cited(f"{lead} {middle} {offered}", offered)) is None
    # A lower-case phrase after a verb is words said, which the evidence must hold.
    said = "What did Trump call 'a total disgrace' in 2017?"
    assert [c.thing for c in parse(said) if c.kind == "quote"] == [False]


def test_a_year_after_which_the_event_came_names_an_event():
    # wikinews_blind43_qa cy35, after that set's one run: "after the 2018 Kīlauea eruption"
    # was read as asking of 2018, and a 2019 report of the study refused.
    frame = TimeFrame(text="after the 2018", start=dt.date(2018, 1, 1),
                      end=dt.date(2018, 12, 31), anchored=True)
    question = ("Which tools did the team use to study the plume of water off Hawaii after the "
                "2018 Kīlauea eruption?")
    [date] = [c for c in parse(question, frame) if c.kind == "date"]
    assert date.event_year
    article = ("The 2018 Kīlauea eruption off Hawaii sent lava into the sea. The research team "
               "used satellite images and gliders to study the water.")
    used = cited(article, "The research team used satellite images and gliders to study the "
                          "water.", published="2019-09-20")
    assert unmet(question, used, frame) is None
    # So does "at the 2018 MTV Video Music Awards", recalled in a 2020 article
    # (wikinews_quiz_blind26 qz09, refused; session 56).
    at = TimeFrame(text="at the 2018", start=frame.start, end=frame.end, anchored=True)
    assert [c.event_year for c in parse("To whom had Boseman given his award at the 2018 MTV "
                                        "Video Music Awards?", at) if c.kind == "date"] == [True]


def test_person_a_past_verb_that_opens_a_quotation_reports_it():
    # wikinews_blind47_qa dc10, a near miss: "continued" is no verb of speech in the list,
    # but a quotation it opens is the words of the one before it, not the ambassador's.
    question = "What did the French ambassador to Spain say when the case was raised with him?"
    article = ("The prime minister spoke at a school in Lyon. Dupont continued, \"I hope the "
               "driver will come back and face the courts.\" He said the case was raised with "
               "the French ambassador in Spain.")
    dupont = cited(article, 'Dupont continued, "I hope the driver will come back and face the '
                            'courts."')
    assert unmet(question, dupont) == (
        "the question asks for what Spain said; the evidence cited is someone else's words, "
        "or no one's")
    # The ambassador's own words, opened the same way, are his.
    own = article + ' The ambassador replied, "We will look at it."'
    assert unmet(question, cited(own, 'The ambassador replied, "We will look at it."')) is None


def test_a_participle_s_phrase_after_a_name_describes_it():
    # wikinews_quiz_blind28 eb08 was refused: the crash's date says which story, and the
    # mother's name stands in a sentence that dates nothing.
    question = ("What is the name of the mother of Tom Reed, the 19-year-old cyclist killed in "
                "Kent in August 2019 in a crash, who spoke on TV?")
    frame = TimeFrame(text="in August 2019", start=dt.date(2019, 8, 1),
                      end=dt.date(2019, 8, 31), anchored=True)
    described = {c.text.strip() for c in parse(question, frame) if c.described}
    assert {"Kent", "in August 2019"} <= described
    assert not any(c.described for c in parse(question, frame) if c.text == "Tom Reed")
    story = ("Tom Reed was killed in Kent in August 2019 when a car hit his bicycle.\n\n"
             "His mother, Ann Reed, spoke on TV on Sunday.")
    assert unmet(question, cited(story, "His mother, Ann Reed, spoke on TV on Sunday.",
                                 published="2019-10-14"), frame) is None


def test_a_limit_put_on_something_is_no_figure_a_source_put():
    # wikinews_blind46_qa db33 was refused for want of Ocado speaking: "put ... on" is no
    # report, "put ... at" is.
    assert sources("What limit did the supermarket Ocado put on toilet paper purchases?") == []
    assert sources("What did the health ministry of Peru put the death toll at?") == ["Peru"]


def test_on_twitter_is_met_by_a_tweet():
    # wikinews_blind48_qa dd15 was refused: "He tweeted, ..." is the minister on Twitter.
    question = "In what words did the interior minister Jan Nowak address the families on Twitter?"
    article = ("Five girls died in the fire. Interior minister Jan Nowak spoke to reporters. He "
               'tweeted, "I want to express my sympathy to the families."')
    tweet = cited(article, 'He tweeted, "I want to express my sympathy to the families."')
    assert unmet(question, tweet) is None
    spoke = cited(article.replace("He tweeted", "He said"),
                  'He said, "I want to express my sympathy to the families."')
    assert unmet(question, spoke) == (
        'the question names the name "Twitter"; the evidence cited does not')


def test_a_date_of_the_event_the_asked_one_came_after_describes_that_event():
    # wikinews_quiz_blind30 ed09 was refused: the crash was in August, the urging in October.
    question = ("Who, as the county's police commissioner, urged that the driver's immunity be "
                "waived after the August 2019 crash that killed a cyclist?")
    frame = TimeFrame(text="after the August 2019", start=dt.date(2019, 8, 1),
                      end=dt.date(2019, 8, 31), anchored=True)
    [date] = [c for c in parse(question, frame) if c.kind == "date"]
    assert date.described
    article = ("The cyclist was killed on August 27.\n\nCommissioner Stephen Mold urged that "
               "the immunity be waived.")
    mold = cited(article, "Commissioner Stephen Mold urged that the immunity be waived.",
                 published="2019-10-10")
    assert unmet(question, mold, frame) is None


def test_the_names_of_a_relative_clause_after_the_source_do_not_speak():
    # wikinews_blind52_qa dh16, a near miss, was answered with Chakrapani's words for the
    # ministers' reply: the source was read as "Swami Chakrapani".
    question = ("In what words did the Telangana ministers whom Hindu Mahasabha president Swami "
                "Chakrapani accused of eating chicken in public respond to him?")
    assert sources(question) == ["Telangana"]


def test_the_names_of_a_dated_event_after_what_is_asked_describe_it():
    # wikinews_blind53_qa di01 was refused for want of "National Directorate" beside the
    # allegation asked about: the attack's names are the article's, read anywhere in it.
    question = ("What did council member Sharif Hotak allege the government was doing, after the "
                "January 2019 car bomb attack on the National Directorate for Security training "
                "centre in Maidan Shahr?")
    described = {c.text.strip(): c.described for c in parse(question) if c.kind == "name"}
    assert described["National Directorate"] and described["Maidan Shahr"]
    assert not described["Sharif Hotak"]


def test_the_statement_speaks_for_whoever_issued_it():
    # wikinews_blind53_qa di37 was refused as no one's words: the quotation is "read the
    # statement" two paragraphs after the task force released it.
    article = ("On Friday, the Combined Joint Task Force Operation Inherent Resolve released a "
               "statement saying an attack that day produced no casualties.\n\nA spokesperson "
               "told the Military Times the attack took place in the evening. \"No Coalition "
               "troops were injured,\" read the statement; \"we will not be deterred by these "
               "attacks.\"")
    quotation = article[article.index('"No Coalition'):]
    question = "How did the Combined Joint Task Force say, in its statement, it would respond?"
    assert unmet(question, cited(article, quotation)) is None
    other = article.replace("the Combined Joint Task Force Operation Inherent Resolve",
                            "the Iraqi military")
    assert unmet(question, cited(other, quotation)) is not None


def test_the_date_of_what_came_before_the_fact_is_not_the_fact_s():
    # wikinews_blind54_qa dj35 was refused: the shots came days after the bat struck her "on
    # August 1, 2020", and the cited sentence is of a later day.
    frame = TimeFrame(text="on August 1, 2020", start=dt.date(2020, 8, 1),
                      end=dt.date(2020, 8, 1), anchored=True)
    article = ("A bat struck Jo Jorgensen on the chin at her home on Saturday, 1 August 2020. "
               "The bat broke her skin. Her campaign said she was well. On 4 August 2020 she "
               "received five precautionary rabies shots at a facility in Pittsburgh.")
    shots = cited(article, "On 4 August 2020 she received five precautionary rabies shots at a "
                           "facility in Pittsburgh.", published="2020-08-07")
    after = parse("How many rabies shots did Jo Jorgensen receive after a bat struck her at her "
                  "home on August 1, 2020?", frame)
    assert [c.described for c in after if c.kind == "date"] == [True]  # read in the article
    assert first_unmet(after, [shots]) is None
    # A clause of "when" keeps its date: it is the fact's own time.
    when = parse("How many rabies shots did Jo Jorgensen receive when she was in Pittsburgh on "
                 "August 1, 2020?", frame)
    assert [c.described for c in when if c.kind == "date"] == [False]


def test_a_speech_verb_inside_a_quotation_is_what_was_said():
    # wikinews_quiz_blind36 ej06 was refused as no one's words: "calling" inside the quotation
    # was read as the sentence's speech verb, and "he told" was never read.
    article = ("Stamenković told National Geographic of his surprise. \"Our work is calling for "
               "a complete revision for how we think about life on Mars,\" he told Scientific "
               "American.")
    quotation = article[article.index('"Our work'):]
    question = ("What did planetary scientist Vlada Stamenković tell Scientific American his "
                "team's work was calling for?")
    assert unmet(question, cited(article, quotation)) is None


def test_a_source_named_once_speaks_on_as_he_through_the_paragraph():
    # wikinews_quiz_blind33 eg01: "he noted" two sentences after Lagakos is named, with "He
    # called ..." between them.
    article = ("Greece, Cyprus and Israel signed the EastMed pipeline agreement on Thursday.\n\n"
               "Alex Lagakos, deputy director of the Greek Energy Forum, said the project has a "
               "geopolitical significance. He called it unlikely that the EU would finance it. "
               "The estimated cost is six billion euros, but private investors are likely to "
               "stay away, he noted.")
    question = "What estimated cost for the EastMed pipeline did Alex Lagakos give?"
    noted = cited(article, "The estimated cost is six billion euros, but private investors "
                  "are likely to stay away, he noted.")
    assert unmet(question, noted) is None
    # Another paragraph does not carry the name on.
    apart = article.replace("geopolitical significance. He", "geopolitical significance.\n\nHe")
    assert unmet(question, cited(apart, "The estimated cost is six billion euros, but private "
                                 "investors are likely to stay away, he noted.")) == (
        'the question asks for what Alex Lagakos said or reported; the evidence cited is '
        "someone else's")


def test_a_quotation_opening_its_sentence_goes_on_with_the_speaker_before():
    # wikinews_blind56_qa dl03: Minnis's quotation ends with "Minnis said." and the next one,
    # which names no speaker, is his too.
    article = ('"Parts of Abaco are decimated. There is severe flooding damage to homes", Minnis '
               'said. "The southern aspect of Abaco has suffered less devastation than the '
               'north. The Sandy Point area has not suffered as much. The international airport '
               'on Abaco is under water. The runway is currently flooded."')
    question = "What did Prime Minister Hubert Minnis say about the airport on Abaco?"
    airport = cited(article, "The international airport on Abaco is under water.")
    assert unmet(question, airport) is None
    reporter = article.replace('Minnis said. "The southern', 'Minnis said. The reporter wrote: '
                               '"The southern')
    assert unmet(question, cited(reporter, "The international airport on Abaco is under "
                                 "water.")) is not None


def test_a_participle_phrase_set_off_describes_what_it_follows():
    # wikinews_blind56_qa dl23: "its study, published in Nature Astronomy in May 2020," dates
    # the study, which a story of December 2020 need not write beside its strains.
    frame = TimeFrame(text="in May 2020", start=dt.date(2020, 5, 1), end=dt.date(2020, 5, 31),
                      anchored=True)
    question = ("Which strains of Escherichia coli did Seager's team use in its study, "
                "published in Nature Astronomy in May 2020, showing the microbes survive?")
    [date] = [c for c in parse(question, frame) if c.kind == "date"]
    assert date.described
    article = ("Sara Seager's team published in Nature Astronomy in May 2020. "
               "The team has studied life in other atmospheres for years. "
               "Seager spoke to Wikinews about the findings. "
               "Researchers used Escherichia coli strain K-12 for this experiment.")
    strains = cited(article, "Researchers used Escherichia coli strain K-12 for this "
                    "experiment.", published="2020-12-25")
    assert unmet(question, strains, frame) is None


def test_a_year_naming_a_bid_is_met_by_a_story_of_the_year_before():
    # wikinews_quiz_blind38 el02: "her 2020 presidential bid", ended in August 2019, in a
    # description of the report.
    frame = TimeFrame(text="the August 2019", start=dt.date(2019, 8, 1),
                      end=dt.date(2019, 8, 31), anchored=True)
    question = ("In which year was Kirsten Gillibrand first elected to the US House of "
                "Representatives, according to the August 2019 report on her ending her 2020 "
                "presidential bid?")
    article = ("Kirsten Gillibrand ended her presidential campaign on Wednesday. "
               "Gillibrand was first elected to the US House of Representatives in 2006.")
    elected = cited(article, "Gillibrand was first elected to the US House of Representatives "
                    "in 2006.", published="2019-08-29")
    assert unmet(question, elected, frame) is None


def test_a_place_a_country_locates_is_met_where_the_story_sets_its_scene():
    # wikinews_quiz_blind37 ek28: "in Vienna, Austria" and a story that names Vienna once, where
    # it sets the scene, and never writes Austria.
    article = ("Eliud Kipchoge ran a marathon in under two hours in Vienna on Saturday. "
               "His time was 1:59:40. The run was not an official record. "
               "Called the Ineos 1:59 Challenge, it featured 42 pacemakers.")
    question = "How many pacemakers featured in the Ineos 1:59 Challenge in Vienna, Austria?"
    pacemakers = cited(article, "Called the Ineos 1:59 Challenge, it featured 42 pacemakers.")
    assert unmet(question, pacemakers) is None
    elsewhere = article.replace("in Vienna on Saturday", "on Saturday")
    assert unmet(question, cited(elsewhere, "Called the Ineos 1:59 Challenge, it featured 42 "
                                 "pacemakers.")) is not None


def test_a_possessive_place_qualifies_the_name_after_it():
    # "London's Hyde Park" in a story that writes "Hyde Park" where it sets the scene.
    article = ("Blind Faith played a free concert in Hyde Park in 1969. "
               "The band had formed that year. Its album sold well. "
               "The crowd numbered a hundred thousand.")
    question = "How large a crowd did Blind Faith play before in London's Hyde Park?"
    assert unmet(question, cited(article, "The crowd numbered a hundred thousand.")) is None
    assert unmet(question, cited(article.replace(" in Hyde Park", ""),
                                 "The crowd numbered a hundred thousand.")) is not None


def test_a_year_after_an_article_names_the_event():
    # wikinews_quiz_blind39 em16: dateparser reads "a 2016 finalist" as "a 2016"; the year
    # names what he was a finalist of, which a story of 2020 recalls.
    frame = TimeFrame(text="a 2016", start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31),
                      anchored=True)
    question = "For which awards was the journalist a 2016 finalist?"
    article = "The journalist was shot dead. He was a 2016 Rory Peck Awards finalist."
    finalist = cited(article, "He was a 2016 Rory Peck Awards finalist.", published="2020-06-17")
    assert unmet(question, finalist, frame) is None
    other = cited(article.replace("2016", "2018"), "He was a 2018 Rory Peck Awards finalist.",
                  published="2020-06-17")
    assert unmet(question, other, frame) is not None


def test_a_numbered_label_is_met_by_its_ordinal():
    # wikinews_quiz_blind39 em18: "round 3" of the question, "third round" of the title.
    question = "Who captained Maroochydore when they lost to Caloundra in round 3?"
    article = "Maroochydore captain Sam Marshall lamented his side's close loss to Caloundra."
    third = cited(article, article, title="Caloundra defeat Maroochydore in third round")
    assert unmet(question, third) is None
    fourth = cited(article, article, title="Caloundra defeat Maroochydore in fourth round")
    assert unmet(question, fourth) is not None


def test_a_word_that_opens_a_sentence_names_no_one_of_the_same_surname():
    # wikinews_blind58_qa dn23: "Whereas Pierce and Carroll ..." names no second Pierce, so
    # "Pierce said" is Brock Pierce's.
    article = ("Independent candidate Brock Pierce debated. Whereas Pierce and Carroll "
               "agreed, Hawkins did not. Pierce said he would not take a vaccine.")
    question = "What did Brock Pierce say about a vaccine?"
    assert unmet(question, cited(article, "Pierce said he would not take a vaccine.")) is None
    other = article.replace("Whereas Pierce", "Jane Pierce")
    assert unmet(question, cited(other, "Pierce said he would not take a vaccine.")) is not None


def test_a_claim_reported_according_to_an_outlet_is_the_claimant_s():
    # wikinews_blind58_qa dn19: Forbes reports, West claims.
    claim = "According to Forbes, West claimed to be in communication with Kushner daily."
    article = f"Rapper Kanye West launched a bid. {claim}"
    question = "According to Forbes, how often did rapper Kanye West claim to talk to Kushner?"
    assert unmet(question, cited(article, claim)) is None
    other = "According to Forbes, Smith claimed West was in communication with Kushner daily."
    assert unmet(question, cited(f"Rapper Kanye West launched a bid. {other}", other)) \
        is not None


def test_a_person_may_be_named_by_the_title_the_question_gives_them():
    # wikinews_blind58_qa dn33: "Judge James Parker Jones" is "the judge" of the sentence.
    article = ("A Virginia doctor, Joel Smithers, was sentenced to 40 years on Friday.\n\n"
               "The sentence was handed down by Judge James Parker Jones. Prosecutors asked for "
               "more. The family wept. The doctor was convicted in May. The judge recommended "
               "mental health treatments.")
    question = "What did Judge James Parker Jones recommend for Joel Smithers?"
    assert unmet(question, cited(article, "The judge recommended mental health treatments.")) \
        is None
    assert unmet(question, cited(article, "The doctor was convicted in May.")) is not None


def test_a_medium_named_where_the_story_sets_its_scene_is_met():
    # wikinews_quiz_blind40 en20: "on YouTube", named once where the story opens.
    article = ("The documentary was released on YouTube on Saturday. Its makers spent years on "
               "it. Critics praised it. It gathered over eight million views in two days.")
    question = "How many views did the documentary gather in its first two days on YouTube?"
    assert unmet(question, cited(article, "It gathered over eight million views in two days.")) \
        is None
    assert unmet(question, cited(article.replace("on YouTube ", ""),
                                 "It gathered over eight million views in two days.")) \
        is not None
    # wikinews_blind59_qa do29: "held via Zoom".
    zoom = ("The party held its convention via Zoom. Delegates voted twice. The count took an "
            "hour. Lusk won with 71 percent of the vote.")
    question = "With what share did Lusk win at the convention held via Zoom?"
    assert unmet(question, cited(zoom, "Lusk won with 71 percent of the vote.")) is None



def test_a_place_joined_to_another_by_and_the_shares_its_preposition():
    # wikinews_quiz_blind43 eq26: "at Abqaiq and the Khurais oil field".
    article = ("Drones struck Saudi Aramco facilities at Abqaiq and the Khurais oil field on "
               "Saturday. Fires broke out. Saudi officials said 5.7 million barrels of "
               "per-day production had been disrupted.")
    question = ("According to Saudi officials, how many barrels of production were disrupted "
                "by the drone attacks on Saudi Aramco facilities at Abqaiq and the Khurais oil "
                "field?")
    disrupted = ("Saudi officials said 5.7 million barrels of per-day production had been "
                 "disrupted.")
    assert [c.after for c in parse(question) if c.text == "Khurais"] == ["at"]
    assert unmet(question, cited(article, disrupted)) is None
    # wikinews_blind66_qa dv05: a name with its common nouns before "and" ("on Saudi
    # Aramco's Abqaiq processing plant and the Khurais oil field").
    question = ("According to Saudi officials, how much production was disrupted by the strikes "
                "on Saudi Aramco's Abqaiq processing plant and the Khurais oil field?")
    assert [c.after for c in parse(question) if c.text == "Khurais"] == ["on"]
    assert unmet(question, cited(article, disrupted)) is None


def test_by_an_outlet_s_reckoning_names_the_source_of_a_count():
    # wikinews_blind55_qa dk22, a near miss: the AP's count asked, NBC's given.
    question = "By the Associated Press's reckoning, how many electoral votes did Trump have?"
    assert [(c.kind, c.text) for c in parse(question) if c.kind == "source"] == [
        ("source", "Associated Press")]


def test_person_a_title_of_a_place_is_named_by_its_title_not_the_place():
    # wikinews_blind62_qa dr02, a near miss, gave a party's words in Goa as the governor's.
    question = "How did the Governor of Goa describe Francis D'Souza in her condolence message?"
    assert sources(question) == ["Governor of Goa"]
    article = ("Francis D'Souza, a former minister of Goa, died on Thursday. "
               'The Aam Aadmi Party in Goa, in its statement, said he was a "gentleman '
               'politician". '
               'The Governor of Goa, in her condolence message, called him "a wonderful human '
               'being".')
    party = cited(article, 'The Aam Aadmi Party in Goa, in its statement, said he was a '
                           '"gentleman politician".')
    governor = cited(article, 'The Governor of Goa, in her condolence message, called him "a '
                              'wonderful human being".')
    assert unmet(question, party) == (
        "the question asks for what Governor of Goa said; the evidence cited is someone else's "
        "words, or no one's")
    assert unmet(question, governor) is None


def test_name_a_nationality_before_a_described_company_is_met_where_it_is_introduced():
    # wikinews_blind62_qa dr05, a right answer, was refused for want of "Mexican" beside the
    # emails: the article calls Cultura Colectiva Mexican once, where it introduces it.
    question = ("On which dates did UpGuard email the Mexican digital media company Cultura "
                "Colectiva about its bucket?")
    article = ("One of the databases is owned by the Mexican company Cultura Colectiva. "
               "The buckets were misconfigured to allow public access. "
               "UpGuard sent an email to Cultura Colectiva on January 10, and again on January "
               "14.")
    emails = cited(article, "UpGuard sent an email to Cultura Colectiva on January 10, and "
                            "again on January 14.")
    assert unmet(question, emails) is None
    # Where the nationality is what the question counts, it describes no other name: it is
    # read where the fact is, as any name is.
    described = {c.text: c.described for c in parse("How many Mexican nationals died in Texas?")}
    assert described == {"Mexican": False, "Texas": False}
    assert {c.text: c.described for c in parse(question)}["Mexican"]


def test_name_a_party_s_adjective_qualifies_the_noun_after_it_not_the_place():
    # wikinews_blind65_qa du14, a near miss, was answered from the Northern Mariana Islands
    # caucuses: "the Democratic Party" met "New Hampshire Democratic" by its last word, a
    # party's adjective, which names no party's primary alone.
    question = ("What share of the vote did Joe Biden receive in the New Hampshire Democratic "
                "primary?")
    caucuses = ("Yesterday, the Democratic Party held caucuses in the Northern Mariana Islands. "
                "Former Vice President Joe Biden earned the other two delegates with about 36% of "
                "the vote.")
    assert unmet(question, cited(caucuses, "Former Vice President Joe Biden earned the other two "
                                           "delegates with about 36% of the vote.")) == (
        'the question names the name "New Hampshire Democratic"; the evidence cited does not')
    primary = ("Sanders won the New Hampshire Democratic primary on Tuesday. Joe Biden received "
               "about 8% of the vote.")
    assert unmet(question, cited(primary, "Joe Biden received about 8% of the vote.")) is None


def test_name_a_department_s_portfolio_of_two_parts_is_one_name():
    # wikinews_quiz_blind46 et18, a right answer, was given as a partial for want of the name
    # "Rehabilitation", cut from "California Department of Corrections and Rehabilitation".
    assert name_runs("Said the California Department of Corrections and Rehabilitation, and "
                     "Trump and Biden.") == [
        ((9, 64), "California Department of Corrections and Rehabilitation"),
        ((70, 75), "Trump"), ((80, 85), "Biden")]


def test_source_a_quoted_title_names_a_report_of_the_source_not_a_source():
    # wikinews_blind66_qa dv27, a right answer, was refused as no words of "USA", read out of
    # the title of the Wikinews report the question credits.
    question = ("What did Joe Biden say about the officers sent to Portland, according to "
                "Wikinews' 'On the campaign trail in the USA, July 2020'?")
    assert sources(question) == ["Wikinews", "Joe Biden"]


def test_name_a_make_after_a_is_met_where_the_story_names_it():
    # wikinews_quiz_blind48 ev06, a right answer, was refused for want of the plane's model
    # beside the investigation's length: the story names it once, paragraphs before.
    question = ("According to the NTSB, how long could the investigation into the crash of a "
                "Beechcraft Sierra near Las Vegas last?")
    article = ("Officials said the plane, a Beechcraft Sierra, was flying to San Diego. It "
               "crashed in a desert area. A bystander was hurt. The NTSB began an "
               "investigation. An NTSB spokesman said the investigation could last as long as "
               "two years.")
    said = "An NTSB spokesman said the investigation could last as long as two years."
    assert {c.text: c.described for c in parse(question) if c.kind == "name"} == {
        "Beechcraft Sierra": True, "Las Vegas": False}
    assert unmet(question, cited(article, said)) == (
        'the question names the name "Las Vegas"; the evidence cited does not')
    assert unmet(question.replace(" near Las Vegas", ""), cited(article, said)) is None
    # Not a name that qualifies a noun after it (wikinews_blind46_qa db36, a near miss).
    committee = parse("Which judge heard the suit over a law that let a US House committee see "
                      "his records?")
    assert {c.text: c.described for c in committee if c.kind == "name"} == {"US House": False}
