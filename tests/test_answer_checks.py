"""Does a supported answer answer the question asked? Each test is one shape of a wrong answer
a small model gives from true sentences, and the answer that should pass beside it. (What the
question requires of the evidence, its quoted phrase, speaker and topic among them, is
tests/test_answer_constraints.py.)"""

from rag.answer.checks import answer_problem, asked_count_kind, asked_role, expected_type
from rag.answer.checks.people import credited_problem

from .seedlike import SEEDLIKE, sentence_span


def whole(text: str) -> list[tuple[str, int, int]]:
    """`text` cited whole: the evidence of an answer sentence that rests on all of it."""
    return [(text, 0, len(text))]


ARTICLE = (
    SEEDLIKE + " "
    "China has held live-fire drills near Taiwan over actions by top US lawmakers. "
    "The talks lasted seven and a half hours."
)


def cite(fragment: str) -> tuple[str, int, int]:
    """The evidence triple for the sentence of ARTICLE that holds `fragment`."""
    return ARTICLE, *sentence_span(ARTICLE, fragment)


def test_question_forms_set_the_expected_answer_type():
    assert expected_type("When is Wang Yi expected to visit Washington?") == "time"
    assert expected_type("On which day did Blinken meet Liu?") == "time"
    # After "to" or "until" too (wikinews_quiz_blind9 qi37).
    assert expected_type("To what date did Ohio move its primary?") == "time"
    assert expected_type("Until what date did Moscow extend its lockdown?") == "time"
    assert expected_type("How long did the talks last?") == "duration"
    # After a preposition too (wikinews_blind10_qa u36).
    assert expected_type("For how long did the federation ban her?") == "duration"
    assert expected_type("By how much did the index fall?") == "number"
    assert expected_type("How many votes did Hunt receive?") == "number"
    assert expected_type("Who won the election?") == "name"
    assert expected_type("At which Belgian hospital was he treated?") == "name"
    assert expected_type("Which US lawmakers' actions prompted the drills?") == "name"
    assert expected_type("Who is Xie Feng?") is None  # asks for a role, not a name
    assert expected_type("Who was the US ambassador to China?") == "name"
    # A word with "&" before the noun (wikinews_blind27_qa ch22).
    assert expected_type("Which PG&E official apologised for the website?") == "name"
    assert expected_type("Which commitments did they reaffirm?") is None
    # wikinews_dev4_qa f32, a near miss, was answered "from different parts of Great Britain".
    assert expected_type("From which regions of Great Britain were the samples taken?") == "name"
    assert expected_type("Which lawyer represented the coalition?") == "name"
    # wikinews_dev3_qa e50, a near miss, was answered "at one of the film festivals".
    assert expected_type("At which film festival was Joshua Winch named Best Actor?") == "name"
    assert expected_type("Which school did the pupils attend?") == "name"
    # wikinews_blind10_qa u44, a near miss, was answered with no venue at all.
    assert expected_type("At which venue did Trump hold his first indoor rally?") == "name"
    assert expected_type("Which hotel did the delegation stay at?") == "name"
    # wikinews_blind7_qa p42: the question's form follows a statement and a semicolon.
    assert expected_type("The study compared it with a 2008 eruption in Alaska; which Alaskan "
                         "volcano was that?") == "name"
    # A share asks for a figure, whatever noun follows it (wikinews_blind27_qa ch19, a right
    # answer "50.8%" refused as no name for "What share of Nevada's state legislators ...?").
    assert expected_type("What share of Nevada's state legislators were women?") == "number"


def test_the_form_of_a_question_after_a_leading_clause():
    # wikinews_constraints_dev d06 ("According to eyewitness Nicole Towarek, how many seconds
    # after ...?") had been answered with no number at all: the form was only read at the start.
    assert expected_type("According to the police, how many people took part?") == "number"
    assert expected_type("As of 31 December 2019, how many deaths had it caused?") == "number"
    assert expected_type("At their Cairo meeting, where did they agree to meet next?") == "name"
    assert expected_type("Who is Hardeep Singh Puri, who gave the death toll?") is None
    problem = answer_problem("According to the witness, how many seconds later did it explode?",
                             [("The witness described extensive tire marks.",
                               [cite("China has held live-fire drills")])])
    assert problem == "the question asks for a number; the evidence cited gives none"


def test_a_verb_after_what_asks_for_no_name():
    # "What did President Trump declare ... over?" asks what he declared: "President" is the
    # subject of the verb, not the noun "what" asks for (temporal_qa t25 had been refused
    # with "the question asks for a name" for answering "the coronavirus outbreak").
    assert expected_type("What did President Trump declare a national emergency over?") is None
    assert expected_type("What did Foreign Minister Yoko Kamikawa say?") is None
    assert expected_type("What US president declared a national emergency?") == "name"
    assert expected_type("Which former president did he meet?") == "name"


def test_when_needs_a_date_or_time_from_the_evidence():
    question = "When is Wang Yi expected to visit Washington?"
    vague = answer_problem(question, [("Wang Yi is expected to visit at a later date.",
                                       [cite("at a later date")])])
    assert vague == "the question asks for a time; the evidence cited gives none"
    assert answer_problem("On which day did Blinken meet Liu Jianchao?",
                          [("Blinken met Liu Jianchao on Friday.", [cite("on Friday")])]) is None


def test_a_bare_when_may_be_answered_by_an_event_the_evidence_tells_of():
    # wikinews_blind49_qa de27: the sponsor said the law is enforceable only once the court
    # revisits Roe v. Wade, a right answer refused for giving no date (session 59).
    evidence = whole("Collins said the bill would become enforceable after the Supreme Court "
                     "revisits the Roe v. Wade case.")
    question = "According to Terri Collins, when would the law become enforceable?"
    answer = ("According to Terri Collins, the law would become enforceable after the Supreme "
              "Court revisits the Roe v. Wade case [1].")
    assert answer_problem(question, [(answer, evidence)]) is None
    # An event the evidence does not tell of, or the question's own, gives no time.
    assert answer_problem(question, [(
        "The law would become enforceable after the governor signs it [1].", evidence)]) == (
        "the question asks for a time; the evidence cited gives none")
    assert answer_problem("When did the law become enforceable after Collins sponsored it?", [(
        "The law became enforceable after Collins sponsored it [1].", evidence)]) == (
        "the question asks for a time; the evidence cited gives none")
    # A date asked by name still wants a day.
    assert answer_problem("On what date would the law become enforceable?", [
        (answer, evidence)]) == "the question asks for a time; the evidence cited gives none"


def test_how_long_needs_a_duration():
    evidence = [cite("on Friday")]
    assert answer_problem("How long did Blinken's meeting with Liu last?",
                          [("It lasted from Friday morning to the afternoon.", evidence)])
    assert answer_problem("How long did the talks last?",
                          [("The talks lasted seven and a half hours.",
                            [cite("seven and a half hours")])]) is None
    # wikinews_dev3_qa e44 (a near miss) was answered "served as bishop for 79 years" from
    # an age: the figure is the evidence's, the unit only the answer's.
    age = "Bishop Emeritus Dinualdo Gutierrez of the Marbel diocese, 79, died early yesterday."
    question = "How long did Dinualdo Gutierrez serve as bishop of the Marbel diocese?"
    assert answer_problem(question, [("He served as bishop for 79 years.",
                                      whole(age))]) == (
        "the question asks for a duration; the evidence cited gives none")
    served = "He has served as bishop since 1998, for 12 of his 79 years."
    assert answer_problem(question, [("He served as bishop for 12 years.",
                                      whole(served))]) is None


def test_a_duration_joined_to_its_figure_is_a_duration():
    # wikinews_blind9_qa s35: "a 14-hour drive" gives the drive's length; "a 10-year-old"
    # gives an age, not how long anything lasted.
    question = "How long was the drive the couple made to attend the rally?"
    drive = "A couple from Florida made a 14-hour drive to D.C. for the rally."
    assert answer_problem(question, [("The drive lasted 14 hours.",
                                      whole(drive))]) is None
    age = "A 10-year-old boy made the drive to D.C. for the rally with his parents."
    assert answer_problem(question, [("The drive lasted 10 years.",
                                      whole(age))]) == (
        "the question asks for a duration; the evidence cited gives none")


def test_a_figure_written_in_words_is_a_number():
    # wikinews_dev4_qa f29 was refused for want of a number: "Sixty-six" is one word.
    evidence = "Sixty-six people or more were injured yesterday according to health officials."
    question = "How many people were injured in Hong Kong on October 1, 2019?"
    assert answer_problem(question, [("Sixty-six people were injured.",
                                      whole(evidence))]) is None
    assert answer_problem(question, [("Many people were injured.",
                                      whole(evidence))]) == (
        "the question asks for a number; the evidence cited gives none")


def test_a_figure_in_another_style_is_the_evidence_s_figure():
    # Wire and web news write "2.9m" and "1,500"; the model writes "2.9 million" and "1500".
    evidence = "The carmaker will recall 2.9m vehicles, and 1,500 staff will move."
    cited = whole(evidence)
    assert answer_problem("How many vehicles will the carmaker recall?",
                          [("It will recall 2.9 million vehicles.", cited)]) is None
    assert answer_problem("How many staff will move?", [("1500 staff will move.", cited)]) is None
    assert answer_problem("How many staff will move?", [("150 staff will move.", cited)]) == (
        "the question asks for a number; the evidence cited gives none")


def test_which_people_needs_a_name_the_evidence_writes_as_one():
    question = "Which US lawmakers' actions prompted China's live-fire drills near Taiwan?"
    assert answer_problem(question, [("Top US lawmakers' actions prompted the drills.",
                                      [cite("top US lawmakers")])])
    # A name may start the answer: it is a name because the evidence writes it as one.
    assert answer_problem("Which state broadcaster reported the remarks?",
                          [("CCTV reported the remarks.", [cite("CCTV")])]) is None


def test_a_code_is_no_name_of_a_person():
    article = ("The pilot and co-pilot of flight AXB1344 were killed in the crash. "
               "Captain Deepak Sathe had flown for the airline for years.")
    crash, captain = (sentence_span(article, f) for f in ("AXB1344", "Deepak Sathe"))
    question = "What were the names of the pilot and co-pilot killed in the crash?"
    assert answer_problem(question, [("The pilot and co-pilot of flight AXB1344 were killed.",
                                      [(article, *crash)])])
    assert answer_problem(question, [("The pilot was Captain Deepak Sathe.",
                                      [(article, *captain)])]) is None
    # Where the question is not about a person, a code may be the name asked for.
    assert answer_problem("Which flight crashed?", [("Flight AXB1344 crashed.",
                                                     [(article, *crash)])]) is None


def test_how_many_counts_the_noun_the_question_names():
    # wikinews_dev3_qa e14 ("How many journalists were injured ...?") had been answered with
    # the count of police officers the same article gives.
    article = ("Ten police officers and two journalists were injured in the protest. "
               "Police said 12 people were arrested.")
    both = (article, *sentence_span(article, "Ten police officers"))
    question = "How many journalists were injured in the protest outside parliament?"
    assert answer_problem(question, [("Ten police officers were injured.", [both])]) == (
        "the question asks how many journalists; the figure ten counts police officers")
    assert answer_problem(question, [("Two journalists were injured.", [both])]) is None
    # The answer's noun must be what its evidence counts where it writes the same figure.
    written = (article.replace("Ten police", "10 police"), *both[1:])
    assert answer_problem(question, [("10 journalists were injured.", [written])]) == (
        "the question asks how many journalists; the figure 10 counts police officers")
    # The noun in either spelling: "offenses" are the question's "offences" (wikinews_blind41_qa
    # cw17, a right answer refused).
    offenses = "He was imprisoned in 2018 for 13 separate terror offenses."
    assert answer_problem("For how many offences had Sudesh Amman been imprisoned in 2018?", [
        ("He was imprisoned for 13 separate terror offenses [1].", whole(offenses))]) is None


def test_a_count_of_people_or_of_an_unsaid_noun_passes():
    article = ("At least 25 students were hurt. The toll stood at 813 in China on 3 March. "
               "The study looked at 93 statues.")
    hurt, toll, statues = ((article, *sentence_span(article, f))
                           for f in ("25 students", "813", "93 statues"))
    assert answer_problem("How many people were hurt?",
                          [("25 students were hurt.", [hurt])]) is None
    assert answer_problem("How many deaths had the virus caused in China?",
                          [("At least 813 in China.", [toll])]) is None
    # Any word of the question may name what is counted: "statues" for the moai.
    assert answer_problem("How many moai did the study of statue sites look at?",
                          [("It looked at 93 statues.", [statues])]) is None


def test_a_count_of_where_the_counted_came_from_is_no_count_of_them():
    # wikinews_blind8_qa r30: the buildings the survivors were pulled from are not counted.
    article = "About 20 buildings collapsed. Rescuers searched through the night."
    collapsed = (article, *sentence_span(article, "About 20 buildings"))
    question = ("How many survivors were pulled alive from collapsed buildings after the "
                "earthquake near Izmir?")
    assert answer_problem(question, [("About 20 buildings collapsed.", [collapsed])]) == (
        "the question asks how many survivors; the figure 20 counts buildings")
    # Nor of the words of a clause saying when (wikinews_blind14_qa z28).
    century = "Over the last century, only 21 hurricanes reached within 100 miles of Bermuda."
    assert answer_problem(
        "How many homes in Bermuda lost power when Hurricane Humberto passed the islands?",
        [("Only 21 hurricanes reached Bermuda.", whole(century))]) == (
        "the question asks how many homes; the figure 21 counts hurricanes")


def test_a_phrase_ending_in_a_plural_counts_that_plural():
    # wikinews_blind44_qa cz18: "vaccination" is a word of the question, but "128 vaccination
    # teams" counts teams, and the question counts civil servants.
    article = "The government assigned 128 vaccination teams. Ten police officers stood by."
    teams, police = ((article, *sentence_span(article, f)) for f in ("128", "Ten police"))
    question = ("How many civil servants did the government assign to the vaccination effort "
                "during the shutdown?")
    assert answer_problem(question, [("It assigned 128 vaccination teams.", [teams])]) == (
        "the question asks how many civil servants; the figure 128 counts vaccination teams")
    assert answer_problem("How many vaccination teams did the government assign?",
                          [("It assigned 128 vaccination teams.", [teams])]) is None
    # A word of the counted noun itself before the plural still names it.
    assert answer_problem("How many police stood by?",
                          [("Ten police officers stood by.", [police])]) is None
    # A plural that ends in the counted noun counts it (wikinews_quiz_blind26 qz06).
    shots = "He thought he heard three gunshots."
    assert answer_problem("How many shots did the eyewitness think he heard?",
                          [("He heard three gunshots.", whole(shots))]) is None


def test_a_count_of_years_is_no_count_of_what_a_rate_asks_for():
    # wikinews_blind13_qa y08: "a year" says how often; "18+ years" counts years, not sharks.
    article = ("In 18+ years of working at Seal Island, we had never seen sevengill sharks. "
               "About 300 white sharks were sighted there each year.")
    years, sighted = ((article, *sentence_span(article, f)) for f in ("In 18+", "About 300"))
    question = "How many great white sharks a year were being sighted at Seal Island?"
    assert answer_problem(question, [("18 great white sharks were sighted.", [years])]) == (
        "the question asks how many great white sharks; the figure 18 counts years")
    assert answer_problem(question, [("About 300 great white sharks.", [sighted])]) is None


def test_a_role_turned_round_is_no_answer():
    # seeds q57 (a near miss: "Who was the US ambassador to China during Blinken's visit?")
    # had been answered "Xie Feng was the US ambassador to China" from this sentence.
    article = ("Xie Feng, China's ambassador to the US, also attended the meeting. "
               "Nicholas Burns, the U.S. ambassador to China, was there too.")
    xie, burns = ((article, *sentence_span(article, f)) for f in ("Xie Feng", "Burns"))
    question = "Who was the US ambassador to China during the visit?"
    assert answer_problem(question, [("Xie Feng was the US ambassador to China.", [xie])]) == (
        "the answer says ambassador to China; its evidence says China's ambassador to US")
    assert answer_problem(question, [("Nicholas Burns was the ambassador to China.",
                                      [burns])]) is None
    # The same body under another form of its name is no contradiction, and a role the
    # evidence gives to someone else is no role turned round.
    assert answer_problem("Who is Xie Feng?", [("He is China's ambassador to the United States.",
                                                [xie])]) is None
    talks = "Russian President Putin met the president of Ukraine on Friday."
    assert answer_problem("Who did Putin meet?", [("Putin, president of Russia, met the "
                                                   "president of Ukraine.",
                                                   whole(talks))]) is None


def test_the_day_of_a_report_is_not_the_day_of_the_event():
    # wikinews_dev3_qa e34 (a near miss: the article gives no date of the death) was answered
    # "Hamza bin Laden was killed on July 31, 2019" from the day the news outlets reported it.
    article = ("Hamza bin Laden has been killed in a US operation, the White House said. "
               "On July 31, multiple news outlets reported Hamza bin Laden to be dead.")
    report = (article, *sentence_span(article, "On July 31"))
    question = "On what date was Hamza bin Laden killed?"
    # A span cited for the year alone gives the year of something else.
    year = (article + " He was named a leader in March of this year (2019).",
            *sentence_span(article + " He was named a leader in March of this year (2019).",
                           "He was named"))
    assert answer_problem(question, [("Hamza bin Laden was killed on July 31, 2019.",
                                      [report, year])]) == (
        "the date the evidence cited gives is when it was reported, not when it happened")
    # Where the article gives the same day with the event, the report's day is the event's.
    talks = ("The talks on Sunday were candid, the spokesman said. "
             "Both countries said Sunday that Qin accepted an offer to visit.")
    said = (talks, *sentence_span(talks, "Both countries"))
    assert answer_problem("On which day did Blinken hold his talks with Qin Gang?",
                          [("Blinken held his talks with Qin Gang on Sunday.", [said])]) is None


def test_a_figure_credited_to_another_source_is_no_answer():
    # wikinews_dev3_qa e07 ("how many electoral votes did the Associated Press count for Joe
    # Biden?") had been answered with NBC's 279 from this sentence, which gives both counts.
    article = ("Later in the day, the AP and NBC News also called Nevada for Biden, for a total "
               "by NBC's reckoning of 279 electoral votes, or 290 electoral votes by AP's "
               "reckoning.")
    both = (article, 0, len(article))
    question = ("Once Nevada had been called, how many electoral votes did the Associated Press "
                "count for Joe Biden?")
    assert answer_problem(question, [("The AP counted 279 electoral votes for Biden.",
                                      [both])]) == (
        "the question asks for Associated Press's figure; the evidence cited gives 279 as NBC's")
    assert answer_problem(question, [("The AP counted 290 electoral votes for Biden.",
                                      [both])]) is None
    # "according to S", and a figure credited by a verb or a passive "by".
    quake = "It measured 6.4 according to the USGS, while the EMSC put it at 6.2."
    question = "According to the USGS, what was the earthquake's magnitude?"
    assert answer_problem(question, [("It measured 6.2.", whole(quake))]) == (
        "the question asks for USGS's figure; the evidence cited gives 6.2 as EMSC's")
    assert answer_problem(question, [("It measured 6.4.", whole(quake))]) is None
    passive = "Magnitude 6.3 according to Phivolcs, it was recorded as 6.4 by the USGS."
    assert answer_problem(question, [("It measured 6.3.", whole(passive))]) == (
        "the question asks for USGS's figure; the evidence cited gives 6.3 as Phivolcs's")
    assert answer_problem(question, [("It measured 6.4.", whole(passive))]) is None
    # A figure the evidence credits to no one by name, or a question that names no source,
    # is left alone.
    plain = "The quake measured 6.2 on Wednesday, officials said."
    assert answer_problem(question, [("It measured 6.2.", whole(plain))]) is None
    assert answer_problem("What was the earthquake's magnitude?",
                          [("It measured 6.2.", whole(quake))]) is None
    # wikinews_blind26_qa cg23: the credit runs to the phrase's end, past the initial's stop
    # ("according to the U.S. embassy in Beijing" credits the embassy, not "U.S").
    embassy = ("According to the U.S. embassy in Beijing, the 60-year-old American died in "
               "February 6.")
    question = ("On what date did the 60-year-old American die in Wuhan, according to the US "
                "embassy in Beijing?")
    assert answer_problem(question, [("He died on February 6.", whole(embassy))]) is None
    consulate = embassy.replace("U.S. embassy in Beijing", "U.K. consulate in Shanghai")
    assert answer_problem(question, [("He died on February 6.", whole(consulate))]) == (
        "the question asks for Beijing's figure; the evidence cited gives 6 as U.K. consulate "
        "in Shanghai's")


def test_the_role_asked_for_must_be_named_beside_the_answer():
    # wikinews_dev4_qa f38 and f36 (near misses) were answered with the judge who ruled on
    # the lawsuit and with a passenger: the answer restated the role from the question, and
    # support looks only at the words an answer adds.
    court = ("In response to a lawsuit by the men's rights group National Coalition for Men, "
             "U.S. District Judge Gray Miller ruled the male-only draft unconstitutional.")
    judge = sentence_span(court, "Judge Gray Miller")
    question = "Which lawyer represented the National Coalition for Men in its lawsuit?"
    assert asked_role(question) == "lawyer"
    assert answer_problem(question, [("The lawyer was Gray Miller.", [(court, *judge)])]) == (
        "the question asks for the lawyer; the evidence cited names no lawyer")
    # The same answer words, with the role in the cited sentence's neighbour: it passes.
    crash = ("Ara Zobayan and Kobe Bryant were on board the helicopter that crashed. "
             "Zobayan, the pilot, had flown Bryant before.")
    board = sentence_span(crash, "on board")
    assert answer_problem("Who was piloting the helicopter that crashed?",
                          [("Ara Zobayan was piloting it.", [(crash, *board)])]) is None
    alone = "A helicopter with Kobe Bryant on board crashed in Calabasas."
    assert answer_problem("Who was piloting the helicopter that crashed?",
                          [("It was piloted by Kobe Bryant.", whole(alone))])
    # Only roles written beside their holder; "what did the lawyer say" asks for no one.
    assert asked_role("Which official set the bond?") is None
    assert asked_role("What did the lawyer say about the ruling?") is None
    assert asked_role("Which Supreme Court justice wrote the opinion?") == "judge"
    # wikinews_blind4_qa k38 (a near miss) was answered with a former deputy director.
    assert asked_role("Who was the other CIA agent who helped Tony Mendez?") == "agent"
    deputy = "Former CIA deputy director Michael Morell praised Mendez."
    assert answer_problem("Who was the other CIA agent who helped Tony Mendez?",
                          [("It was Michael Morell.", whole(deputy))])


def test_a_count_of_one_kind_does_not_answer_for_another():
    # wikinews_dev3_qa e04 and wikinews_dev4_qa f44 (near misses) were answered with counts of
    # cases: "33 new deaths" from "33 recovered cases", and confirmed cases and deaths for
    # "how many had recovered".
    home = ("The IEDCR reported 114 active cases and 33 recovered cases who were staying home. "
            "Bangladesh recorded 33 deaths by the end of April.")
    question = "How many COVID-19 deaths had Bangladesh recorded as of March 19, 2020?"
    assert asked_count_kind(question) == "deaths"
    recovered = [(home, *sentence_span(home, "recovered cases"))]
    assert answer_problem(question, [("Bangladesh recorded 33 new deaths.", recovered)]) == (
        "the question asks how many deaths; the figure 33 counts cases and recoveries")
    # The same figure where the evidence counts deaths, or counts people of no kind, passes.
    deaths = [(home, *sentence_span(home, "33 deaths"))]
    assert answer_problem(question, [("Bangladesh recorded 33 deaths.", deaths)]) is None
    killed = "The outbreak killed 33 people in Dhaka."
    assert answer_problem("How many people had died?",
                          [("33 people died.", whole(killed))]) is None
    # The kind is read from the count's own clause, past a leading clause with commas.
    report = "The WHO reported 2741 confirmed cases and 80 deaths in China."
    assert answer_problem(
        "According to the WHO's report of January 27, 2020, how many people in China had "
        "recovered?", [("There were 2741 confirmed cases and 80 deaths.",
                        whole(report))]) == (
        "the question asks how many recoveries; the figure 2741 counts cases")
    assert asked_count_kind("How many grams of the drug was he given after he tested "
                            "positive?") is None
    assert asked_count_kind("How many deaths and injuries were there?") is None


def test_a_count_may_name_what_it_counts_in_other_words():
    # wikinews_blind16_qa h27: "five firearms" answers "how many guns"; a recall of cars is
    # one of vehicles (the issue's own example), but vehicles may be trucks: no count of cars.
    seized = "Police seized five firearms and 200 rounds of ammunition."
    assert answer_problem("How many guns did police seize?",
                          [("Police seized five firearms.", whole(seized))]) is None
    blast = "The building was home to over 1,000 people; 48 apartments were damaged."
    assert answer_problem("How many flats were damaged by the explosion?",
                          [("48 apartments were damaged.", whole(blast))]) is None
    herd = "The tribe watched the release of ten buffalo on the reservation."
    assert answer_problem("How many bison did the tribe release?",
                          [("The tribe released ten buffalo.", whole(herd))]) is None
    recall = "Toyota is recalling 2.9 million cars over faulty seat belts."
    assert answer_problem("How many vehicles did Toyota recall?",
                          [("Toyota recalled 2.9 million cars.", whole(recall))]) is None
    vehicles = recall.replace("cars", "vehicles")
    assert answer_problem("How many cars did Toyota recall?",
                          [("Toyota recalled 2.9 million vehicles.", whole(vehicles))]) == (
        "the question asks how many cars; the figure 2.9 million counts vehicles")
    # Other people are still not the ones asked about.
    injured = "Ten police officers were injured."
    assert answer_problem("How many journalists were injured?",
                          [("Ten police officers were injured.", whole(injured))]) == (
        "the question asks how many journalists; the figure ten counts police officers")


def test_an_age_written_before_the_asked_persons_name_answers_how_old():
    # wikinews_blind18_qa i05: "54-year-old ... sergeant Matt Ratana" gives his age; the age
    # of the person beside the asked one still does not (wikinews_blind7_qa p06).
    shot = ('54-year-old Metropolitan Police sergeant Matiu "Matt" Ratana was shot at the '
            "custody centre.")
    assert answer_problem("How old was Metropolitan Police sergeant Matt Ratana?",
                          [("Matt Ratana was 54 years old.", whole(shot))]) is None
    crew = ("B Shiva Parvathi was running the train as loco pilot, and 22-year-old Rangoli "
            "Patil was her loco co-pilot.")
    assert answer_problem("How old is B Shiva Parvathi, the loco pilot?",
                          [("B Shiva Parvathi is 22 years old.", whole(crew))]) == (
        "the question asks for a number; the evidence cited gives none")


def test_a_prison_may_be_named_a_correctional_facility():
    # wikinews_quiz_blind l22: US prisons are named "... Correctional Facility".
    held = ("Sirhan was serving his time at Richard J. Donovan Correctional Facility in San "
            "Diego County, California.")
    assert answer_problem("In which California prison was Sirhan Sirhan stabbed?",
                          [("Sirhan was stabbed at Richard J. Donovan Correctional Facility.",
                            whole(held))]) is None
    assert answer_problem("In which California prison was Sirhan Sirhan stabbed?",
                          [("Sirhan was stabbed at Richard J. Donovan Hall.",
                            whole("Sirhan was seen at Richard J. Donovan Hall."))]) == (
        "the question asks for the prison; the evidence cited names no prison")


def test_the_dead_are_not_counted_as_the_hospitalised():
    # wikinews_blind17_qa j30 (a near miss): "how many were hospitalised" answered with the
    # count of the dead, from a sentence where only "some of whom" were hospitalised.
    fire = ("At least seventeen people died and 35 were rescued, according to officials, some "
            "of whom were hospitalised.")
    question = "How many people were hospitalised after the fire at the hotel?"
    assert asked_count_kind(question) == "hospitalisations"
    assert answer_problem(question, [("At least seventeen people were hospitalised.",
                                      whole(fire))]) == (
        "the question asks how many hospitalisations; the figure seventeen counts deaths")
    burns = "Officials said 12 people were hospitalized with burns."  # either spelling
    assert answer_problem(question, [("12 people were hospitalised.", whole(burns))]) is None


def test_a_day_of_the_month_is_no_count():
    # wikinews_dev4_qa f34 (a near miss) was answered "for approximately 12 hours" from an
    # article whose only 12 is "police violence on June 12".
    question = "How many hours did protesters besiege the police headquarters?"
    dated = "Protesters demanded an inquiry into police violence on June 12."
    timed = "Protesters besieged the headquarters for 12 hours."
    answer = "They besieged it for 12 hours."
    assert answer_problem(question, [(answer, whole(dated))]) == (
        "the question asks for a number; the evidence cited gives none")
    assert answer_problem(question, [(answer, whole(timed))]) is None


def test_the_day_something_ended_is_not_the_day_it_began():
    # wikinews_dev4_qa f26 (a near miss): "When did Kirsten Gillibrand officially launch her
    # 2020 presidential campaign?" was answered with the day she ended it.
    ended = "Gillibrand ended her campaign on Wednesday (28 August 2019)."
    launched = "Gillibrand launched her campaign on Wednesday (28 August 2019)."
    question = "When did Kirsten Gillibrand officially launch her presidential campaign?"
    answer = "She launched her campaign on 28 August 2019."
    assert answer_problem(question, [(answer, whole(ended))]) == (
        "the date the evidence cited gives is for the end (the question asks for the start)")
    assert answer_problem(question, [(answer, whole(launched))]) is None


def test_a_count_for_one_place_does_not_answer_worldwide():
    # wikinews_dev4_qa f04 (a near miss) was answered with the United States' count, from a
    # sentence whose neighbour gave another outlet's worldwide count.
    us = "As of Wednesday, there were at least 1,279 confirmed cases in the United States."
    question = "How many COVID-19 cases were there worldwide in March 2020?"
    assert answer_problem(question, [("There were 1,279 cases in the United States.",
                                      whole(us))]) == (
        "the question asks worldwide; the answer gives a figure for United States")
    world = "CNBC reported there were at least 118,381 cases worldwide."
    assert answer_problem(question, [("There were 118,381 cases worldwide in March 2020.",
                                      whole(world))]) is None


def test_a_joined_duration_measures_its_own_noun():
    # wikinews_blind12_qa x34 (a near miss): the voyage's three days are not the boat's time in
    # service, and "Labor Day" measures nothing.
    article = ("The boat was on a three-day voyage, with Monday being the Labor Day holiday. "
               "It caught fire overnight.")
    voyage = (article, *sentence_span(article, "The boat was on"))
    assert answer_problem("How long had the boat been in service before it caught fire?", [(
        "The boat had been in service for three days.", [voyage])]) == (
        "the question asks for a duration; the evidence cited gives none")
    assert answer_problem("How long was the boat's voyage?", [(
        "The voyage lasted three days.", [voyage])]) is None


def test_a_unit_no_figure_measures_is_no_duration():
    # wikinews_blind4_qa k36 (a near miss) was answered "for many years".
    question = "How long was Sirhan Sirhan held at Corcoran State Prison?"
    vague = "Sirhan was held apart from other prisoners at Corcoran for many years."
    assert answer_problem(question, [("He was held there for many years.", whole(vague))]) == (
        "the question asks for a duration; the evidence cited gives none")
    exact = "Sirhan was held at Corcoran for 19 years, then for a year at Donovan."
    assert answer_problem(question, [("He was held there for 19 years.", whole(exact))]) is None
    assert answer_problem("How long was he held at Donovan?",
                          [("He was held there for a year.", whole(exact))]) is None


def test_since_a_year_answers_how_long():
    # wikinews_blind4_qa k35 was refused: "since 1998" gives the period by its start.
    question = "How long had Pawel Adamowicz been mayor of Gdansk when he was stabbed?"
    evidence = "Adamowicz had been mayor of Gdansk since 1998."
    assert answer_problem(question, [("He had been mayor since 1998.", whole(evidence))]) is None
    other = "Adamowicz was born in Gdansk in 1965."
    assert answer_problem(question, [("He had been mayor since 1998.", whole(other))])


def test_a_share_is_no_count():
    # wikinews_blind4_qa k08 (a near miss) was answered with "45% to 60% destruction".
    question = "How many homes did Hurricane Dorian destroy in the Bahamas?"
    shares = "Estimates ranged from 45% to 60% destruction of homes in the affected areas."
    assert answer_problem(question, [("Dorian destroyed 45% to 60% of homes.", whole(shares))]
                          ) == "the question asks for a number; the evidence cited gives none"
    counted = "The storm destroyed 13,000 homes, 45 percent of the island's houses."
    assert answer_problem(question, [("It destroyed 13,000 homes.", whole(counted))]) is None
    assert answer_problem("What percentage of homes did Dorian destroy?",
                          [("It destroyed 45% to 60% of homes.", whole(shares))]) is None


def test_an_answer_that_says_the_fact_is_not_given_answers_nothing():
    # wikinews_blind4_qa k22 (a near miss) was answered "on some unspecified date after ...
    # February 21".
    question = "On what date did the Justice Department open its investigation into Ford?"
    evidence = ("Ford disclosed the matter on February 21; the Justice Department opened an "
                "investigation at some unspecified date.")
    assert answer_problem(question, [(
        "It opened the investigation on some unspecified date after February 21.",
        whole(evidence))]) == "the answer says itself that the time asked for is not given"
    assert answer_problem("What did Ford disclose on February 21?", [(
        "Ford disclosed the matter, and an investigation followed at some unspecified date.",
        whole(evidence))]) is None  # no kind of answer asked for


def test_an_initial_is_no_name_the_answer_adds():
    # wikinews_blind4_qa k40 (a near miss) was answered with the man replaced: "John R. Bolton".
    question = "Whom did Donald Trump name to replace John Bolton as national security advisor?"
    evidence = "Donald Trump fired John R. Bolton, his national security advisor, on Tuesday."
    assert answer_problem(question, [("Trump named John R. Bolton.", whole(evidence))]) == (
        "the question asks for a name; the evidence cited gives none")


def test_a_round_plural_alone_is_no_count():
    # wikinews_blind2_qa c08 (a near miss) was answered "Many thousands of fans".
    question = "How many people attended Anime North 2019?"
    vague = "Many thousands of fans descended on the Toronto Congress Centre for Anime North."
    assert answer_problem(question, [("Many thousands of fans attended.", whole(vague))]) == (
        "the question asks for a number; the evidence cited gives none")
    counted = "About 32,000 fans, thousands of them in costume, attended Anime North."
    assert answer_problem(question, [("About 32,000 fans attended.", whole(counted))]) is None


def test_an_answer_that_says_nobody_announced_it_answers_nothing():
    # wikinews_blind5_qa m38 (a near miss) was answered with the article's "did not
    # immediately announce whom they would support".
    question = "Whom did the party nominate for prime minister in her place?"
    evidence = ("The Thai Raksa Chart Party did not immediately announce whom they would "
                "support. Its leader, Preechapol Pongpanich, praised the princess.")
    assert answer_problem(question, [(
        "The Thai Raksa Chart Party did not immediately announce whom they would support.",
        whole(evidence))]) == "the answer says itself that the name asked for is not given"
    assert answer_problem("Who praised the princess?", [(
        "Preechapol Pongpanich praised her.", whole(evidence))]) is None


def test_what_date_asks_for_a_day():
    # wikinews_blind5_qa m26 (a near miss) was answered "on 2021" from "His current term was
    # through 2021".
    question = "On what date will Seoul hold the election to choose the mayor's successor?"
    term = "His current term was through 2021. The election will be held on April 7."
    assert answer_problem(question, [("Seoul will hold the election on 2021.",
                                      whole(term))]) == (
        "the question asks for a time; the evidence cited gives none")
    assert answer_problem(question, [("Seoul will hold the election on April 7.",
                                      whole(term))]) is None
    # "When" and "in which year" ask for no day.
    assert answer_problem("In which year will the mayor's term end?", [(
        "His term ends in 2021.", whole(term))]) is None


def test_which_items_answered_with_some_of_them_names_none():
    # wikinews_blind12_qa x14 (a near miss): "some colonies" says there are such colonies.
    article = ("Some colonies of the species are growing. The colony at Punta Tombo shrank by "
               "a third since 1987.")
    growing = (article, *sentence_span(article, "Some colonies"))
    question = "Which penguin colonies did the biologist say are growing?"
    assert answer_problem(question, [("She said some colonies of the species are growing.",
                                      [growing])]) == (
        "the question asks which colonies; the answer names none")
    # Named, they answer it.
    named = (article, *sentence_span(article, "The colony at Punta Tombo"))
    assert answer_problem(question, [("Some colonies, such as Punta Tombo, are growing.",
                                      [named])]) is None


def test_an_age_given_at_another_time_is_no_answer():
    # wikinews_blind12_qa x06 (a near miss) was answered with her age at her death.
    article = ("Gloria Vanderbilt died on Monday at the age of 95. At the age of ten, "
               "Vanderbilt was the subject of a custody battle between her mother and her "
               "aunt. She married the conductor Leopold Stokowski.\n\nHer son said: \"She "
               "was the youngest person we knew.\" Tributes came from many.")
    died = (article, *sentence_span(article, "died on Monday"))
    custody = (article, *sentence_span(article, "At the age of ten"))
    married = "How old was Gloria Vanderbilt when she married the conductor Leopold Stokowski?"
    assert answer_problem(married, [(
        "She was 95 when she married the conductor Leopold Stokowski.", [died])]) == (
        "the age the evidence cited gives is at another time")
    assert answer_problem(
        "How old was Gloria Vanderbilt when she became the subject of a custody battle?",
        [("She was ten years old.", [custody])]) is None


def test_a_date_given_for_another_event_is_no_answer():
    # wikinews_blind5_qa m24 (a near miss: the funeral was only planned) was answered with the
    # day of the death.
    article = ("Radio host Don Imus died on Friday (27 December 2019) in College Station. "
               "He had been in hospital since Christmas Eve. "
               "His family said they planned a private funeral service.")
    died = (article, *sentence_span(article, "died on Friday"))
    question = "On what date was the private funeral service for radio host Don Imus held?"
    assert answer_problem(question, [(
        "The private funeral service for radio host Don Imus was held on Friday, December 27.",
        [died])]) == "the date the evidence cited gives is the date of something else"
    # The words that describe the person ("radio host") name no event: the death's date
    # answers when he died.
    assert answer_problem("On what date did radio host Don Imus die?", [(
        "Don Imus died on Friday, December 27.", [died])]) is None
    # Words after a name are the event's, even before another name: "first email" of "did
    # UpGuard first email Cultura Colectiva" (wikinews_blind6_qa n21, answered right, had been
    # refused by this check on its one blind run).
    sent = "UpGuard reportedly sent an email to Cultura Colectiva on January 10."
    assert answer_problem(
        "When did the cybersecurity firm UpGuard first email Cultura Colectiva about its "
        "exposed database?",
        [("UpGuard first emailed Cultura Colectiva on January 10.", whole(sent))]) is None


def test_a_neighbour_that_names_the_event_dates_it_only_with_the_same_date():
    # wikinews_blind12_qa x26: the induction is named beside the year he was dropped.
    article = ("Imus was inducted into the National Radio Hall of Fame. "
               "In 2007, MSNBC dropped his show after his remarks.")
    dropped = (article, *sentence_span(article, "In 2007"))
    question = "When was Don Imus inducted into the National Radio Hall of Fame?"
    assert answer_problem(question, [("Don Imus was inducted in 2007.", [dropped])]) == (
        "the date the evidence cited gives is the date of something else")
    dated = article.replace("Fame.", "Fame in 2007.")
    assert answer_problem(question, [("Don Imus was inducted in 2007.", [
        (dated, *sentence_span(dated, "In 2007"))])]) is None


def test_a_figure_counts_the_word_after_it_even_a_verb_form():
    # wikinews_blind5_qa m32 (a near miss: "several acres") was answered "Three acres" from
    # the sentence about the three dead; m28 "half a million doses" for a count of patients.
    article = ("Several acres of land burned. The three deceased were contract employees. "
               "He prescribed over half a million doses.")
    dead = (article, *sentence_span(article, "three deceased"))
    doses = (article, *sentence_span(article, "half a million"))
    assert answer_problem("How many acres burned in the wildfire?", [(
        "Three acres of land burned.", [dead])]) == (
        "the question asks how many acres; the figure three counts deceased")
    assert answer_problem("How many patients did he prescribe opioids to?", [(
        "He prescribed opioids to over half a million doses.", [doses])]) == (
        "the question asks how many patients; the figure half a million counts doses")
    assert answer_problem("How many doses did he prescribe?", [(
        "He prescribed over half a million doses.", [doses])]) is None


def test_the_kind_of_place_asked_for_must_be_named_beside_the_answer():
    # wikinews_blind5_qa m44 (a near miss) was answered with the cemetery of the burial.
    question = "In which Moscow hospital did cosmonaut Alexei Leonov die?"
    assert asked_role(question) == "hospital"
    buried = ("Leonov, who died in Moscow, will be buried at the Federal Military Memorial "
              "Cemetery on Tuesday.")
    assert answer_problem(question, [("Leonov died at the Federal Military Memorial Cemetery.",
                                      whole(buried))]) == (
        "the question asks for the hospital; the evidence cited names no hospital")
    treated = "Leonov died at the Burdenko hospital in Moscow after a long illness."
    assert answer_problem(question, [("Leonov died at the Burdenko hospital.",
                                      whole(treated))]) is None


def test_who_said_the_quoted_words_is_named_outside_the_quotation():
    # wikinews_blind3_qa g09 was answered with a man the quoted message speaks of (and
    # wikinews_blind2_qa c09 with "Cde", a word of the quoted announcement).
    article = ('Then Darcy Richardson sent a message to the party\'s vice chairman: "I do '
               'not want my name associated with a Trump/GOP plant like the unhinged rapper. '
               'Bill Shearer must be rolling over in his grave." Shearer co-founded the party.')
    message = (article, article.index("Bill Shearer"), article.index('grave."') + 7)
    plant = (article, *sentence_span(article, "Trump/GOP plant"))
    question = "Who called Kanye West a 'Trump/GOP plant' in a message to the vice chairman?"
    assert answer_problem(question, [(
        "Bill Shearer called Kanye West a 'Trump/GOP plant' [1].", [message])]) == (
        "the question asks who said the quoted words; the answer names only someone the "
        "quotation itself speaks of")
    # The speaker, named before the quotation opens, answers it.
    assert answer_problem(question, [(
        "Richardson called Kanye West a 'Trump/GOP plant' [1].", [plant])]) is None
    # "Who was called ...?" asks whom the words describe, who may well be inside them.
    assert answer_problem("Who was called 'rolling over in his grave'?", [(
        "Bill Shearer was [1].", [message])]) is None


def test_a_list_of_a_stated_length_names_that_many():
    # wikinews_blind3_qa g44 was answered with two names and "another candidate".
    article = ("Tseng said he would give his preferences to Team Zorin and Gricol Yang. "
               "Sally Capp won the election.")
    cited = [(article, *sentence_span(article, "Team Zorin"))]
    question = ("Which three rival candidates did Wayne Tseng say he would vote for in the "
                "2020 Melbourne Lord Mayor election?")
    assert answer_problem(question, [(
        "Wayne Tseng said he would vote for Team Zorin, Gricol Yang, and another candidate "
        "[1].", cited)]) == "the question asks for 3 names; the answer gives 2"
    assert answer_problem("Which two candidates did Wayne Tseng say he would vote for?", [(
        "Wayne Tseng said he would vote for Team Zorin and Gricol Yang [1].", cited)]) is None
    # A name written twice is one (wikinews_blind11_qa v14); students are named as people are.
    students = "One is Denis Kovalchuk, a student. Alexander Gagay took third place."
    assert answer_problem("Which three students took the top three places?", [(
        "Alexander Gagay, Denis Kovalchuk, and Denis Kovalchuk took the top three places [1].",
        whole(students))]) == "the question asks for 3 names; the answer gives 2"


def test_name_the_asks_for_names():
    # wikinews_constraints_dev d14: "Name the three motorcyclists..." answered with none.
    article = "Three motorcyclists were hospitalised after the crash on Route 2 in Randolph."
    cited = whole(article)
    question = "Name the three motorcyclists hospitalised after the crash in Randolph."
    assert answer_problem(question, [(
        "Three cyclists were hospitalized after the crash in Randolph [1].", cited)]) == (
        "the question asks for a name; the evidence cited gives none")


def test_a_full_name_is_more_than_a_first_name():
    # wikinews_blind8_qa r38, a near miss, was answered with the one name the article gives.
    question = "What is the full name of the Polish chef who confronted the attacker?"
    first_only = "Another, a Polish chef named Łukasz, harried him with a narwhal tusk."
    full = "Another, a Polish chef named Łukasz Koczocik, harried him with a narwhal tusk."
    assert answer_problem(question, [("The full name of the Polish chef is Łukasz.",
                                      whole(first_only))]) == (
        "the question asks for a full name; the answer gives one word of a name")
    assert answer_problem(question, [("The chef is Łukasz Koczocik.",
                                      whole(full))]) is None


def test_when_exactly_asks_for_a_day():
    # wikinews_blind8_qa r24, a near miss, was answered with the year alone.
    question = "When exactly did Hana Kimura sign with Stardom?"
    year = "Kimura was signed for Stardom at the time of her death, having joined them in 2019."
    day = "Kimura signed with Stardom on 12 March 2019."
    assert answer_problem(question, [("She joined them in 2019.", whole(year))]) == (
        "the question asks for a time; the evidence cited gives none")
    assert answer_problem(question, [("She signed with Stardom on 12 March 2019.",
                                      whole(day))]) is None


def test_a_figure_for_another_day_than_the_one_asked():
    # wikinews_blind8_qa r02, a near miss, was answered with the winds of the day after.
    article = ("As of Monday evening, the depression had sustained winds of 30 miles per hour. "
               "When it was first detected on Sunday, it was given a one-in-five chance.")
    monday = (article, 0, article.index(" When"))
    sunday = (article, article.index("When"), len(article))
    question = "What were the depression's sustained winds on the Sunday it was first detected?"
    assert answer_problem(question, [(
        "Its sustained winds were 30 miles per hour when first detected on Sunday.",
        [monday, sunday])]) == (
        "the question asks about Sunday; the evidence cited gives the figure for Monday")
    on_sunday = "On Sunday the depression had sustained winds of 25 miles per hour."
    assert answer_problem(question, [("Its winds were 25 miles per hour.",
                                      whole(on_sunday))]) is None


def test_a_date_with_its_year_asks_for_the_weekday_it_fell_on():
    # wikinews_dev4_qa f02, a near miss: 28 April 2020 was a Tuesday, and the figure the
    # evidence gives is "as of Wednesday" (27 May, in an article of 29 May).
    question = ("How many COVID-19 deaths had the United Kingdom reported as of April 28, "
                "2020, when US confirmed infections passed one million?")
    wednesday = "The United Kingdom reported 37,542 deaths as of Wednesday."
    tuesday = "The United Kingdom reported 21,092 deaths as of Tuesday."
    assert answer_problem(question, [("The United Kingdom reported 37,542 deaths.",
                                      whole(wednesday))]) == (
        "the question asks about Tuesday; the evidence cited gives the figure for Wednesday")
    assert answer_problem(question, [("The United Kingdom reported 21,092 deaths.",
                                      whole(tuesday))]) is None


def test_the_other_side_of_a_contrast_is_no_answer():
    # wikinews_blind13_qa y32: the runner-up's prize asked, the winner's given.
    article = ("The event hosted the championship, with the winning team receiving C$10,000. "
               "The runner-up team received C$5,000.")
    won, second = ((article, *sentence_span(article, f)) for f in ("The event", "The runner"))
    question = "How much prize money did the runner-up team receive at the championship?"
    assert answer_problem(question, [("The runner-up team received C$10,000.", [won])]) == (
        "the question asks about \"runner-up\"; the evidence cited is about \"winning\"")
    assert answer_problem(question, [("The runner-up received C$5,000.", [second])]) is None
    # A sentence that names both sides may hold either.
    both = "The winning team received C$10,000 and the runner-up team C$5,000."
    assert answer_problem(question, [("The runner-up team received C$5,000.", whole(both))]) \
        is None


def test_damaged_is_not_destroyed_nor_the_last_time_the_first():
    # wikinews_blind50_qa df18, df20 (near misses, read after the pair's run; session 59).
    report = "The tremor damaged 143 buildings including 70 schools and 40 houses."
    question = "How many houses were totally destroyed by the earthquake?"
    assert answer_problem(question, [("40 houses were destroyed.", whole(report))]) == (
        "the question asks about \"destroyed\"; the evidence cited is about \"damaged\"")
    survey = "The study used data from 2004, when the body last surveyed US gun owners."
    first = "In what year did the body first survey household gun ownership?"
    assert answer_problem(first, [("It first surveyed them in 2004.", whole(survey))]) is not None
    # "Last week" is a time, no side of "first".
    visited = "He first visited the site last week."
    assert answer_problem("When did he first visit the site?",
                          [("He first visited it last week.", whole(visited))]) is None
    assert answer_problem("When did he first visit the site?", [(
        "He visited it last week.", whole("He visited the site last week."))]) is None


def test_a_direction_from_a_place_is_no_side_of_a_region():
    # wikinews_blind32_qa cn25 was refused: "north of Tandag City" places the epicentre; it is
    # not the northern Philippines.
    question = "Where was the epicenter of the earthquake in the southern Philippines?"
    placed = "The epicenter was 73 km north of Tandag City, the capital of Surigao del Sur."
    answer = "It was 73 km north of Tandag City. [1]"
    assert answer_problem(question, [(answer, whole(placed))]) is None
    region = "The epicenter was in the northern Philippines."
    assert answer_problem(question, [("It was in the northern Philippines.", whole(region))]) \
        is not None


def test_killed_to_death_names_no_death_of_a_contrast():
    # wikinews_blind17_qa j05: "stabbed four people to death" says how others died; the age
    # asked is given beside where he was born.
    article = "He was 45, officials said; he was born in Martinique."
    question = "How old was the IT worker who stabbed four people to death at the station?"
    assert answer_problem(question, [("The IT worker was 45.", whole(article))]) is None
    died = "How old was the IT worker when he died?"
    assert answer_problem(died, [("The IT worker was 45.", whole(article))]) is not None


def test_the_clause_that_gives_the_date_must_name_the_event():
    # wikinews_blind10_qa u22: the year of the publication, with the excavations in the
    # clause after it.
    said = ("I think it was originally published back in 1925; the first excavations would "
            "have happened a few years before that.")
    question = "In what year were the first excavations carried out at the Abri Peyrony site?"
    assert answer_problem(question, [("The first excavations were carried out in 1925.",
                                      whole(said))]) == (
        "the date the evidence cited gives is the date of something else")
    dug = "The first excavations were carried out in 1925; it was published later."
    assert answer_problem(question, [("The first excavations were carried out in 1925.",
                                      whole(dug))]) is None
    # ", though" begins a clause as ", but" does (wikinews_quiz_dev: an award given, "though"
    # the rescue stayed secret until a later year).
    award = ("Mendez received the Intelligence Star from Jimmy Carter, though the CIA's "
             "involvement remained a secret until 1997.")
    assert answer_problem("In what year did Tony Mendez receive the Intelligence Star?",
                          [("Mendez received the Intelligence Star in 1997.",
                            whole(award))]) == (
        "the date the evidence cited gives is the date of something else")


def test_who_is_answered_by_the_first_sentence():
    # wikinews_blind6_qa n38: the question's own person named as the leaker, and a name added
    # by an aside.
    article = ("Honcharuk offered to resign after the leak of an audio recording. "
               "The recording was uploaded on an anonymous YouTube channel.")
    question = "Who leaked the audio recording in which Prime Minister Honcharuk spoke?"
    leak, uploaded = (whole(article[s:e]) for s, e in (
        sentence_span(article, "Honcharuk offered"), sentence_span(article, "The recording")))
    assert answer_problem(question, [
        ("Prime Minister Honcharuk leaked the audio recording [1].", leak),
        ("It was uploaded to an anonymous YouTube channel [1].", uploaded)]) == (
        "the question asks for a name; the evidence cited gives none")


def test_evidence_that_denies_the_question_is_no_answer():
    # wikinews_constraints_dev d07 and wikinews_blind2_qa c28.
    sold = "Tesco continues to run 19 stores, which were not included in this package."
    question = "How many Tesco stores in Poland are included in the sale?"
    assert answer_problem(question, [("19 stores are included [1].", whole(sold))]) == (
        "the evidence cited says the opposite: not included")
    included = "The sale includes 301 stores; Tesco keeps 19 stores."
    assert answer_problem(question, [("301 stores are included [1].", whole(included))]) is None
    # What someone said may deny anything.
    said = 'Muyembe said, "From now on, we will no longer say that Ebola is incurable."'
    assert answer_problem("What did Muyembe say after the trial?", [(
        'He said, "we will no longer say that Ebola is incurable" [1].', whole(said))]) is None


def test_a_number_in_a_name_is_no_time():
    # wikinews_blind10_qa u21: "before the end of life of CentOS 8" gives no time.
    said = "Kurtzer said the release would come before the end of life of CentOS 8."
    question = "When did Kurtzer estimate that Rocky Linux would be released?"
    assert answer_problem(question, [(
        "Kurtzer estimated a release before the end of life of CentOS 8 [1].", whole(said))]) == (
        "the question asks for a time; the evidence cited gives none")
    dated = "Kurtzer said the release would come on March 8."
    assert answer_problem(question, [("He estimated March 8 [1].", whole(dated))]) is None


def test_a_duration_of_something_else_is_no_answer():
    # wikinews_blind6_qa n34: days of mourning, not of illness.
    mourning = "Goa's government announced three days of mourning for D'Souza."
    question = "How long had Francis D'Souza been suffering from cancer before he died?"
    assert answer_problem(question, [("He had cancer for three days [1].", whole(mourning))]) == (
        "the question asks for a duration; the evidence cited gives none")
    ill = "D'Souza had suffered two years of cancer treatment."
    assert answer_problem(question, [("He had cancer for two years [1].", whole(ill))]) is None


def test_a_figure_joined_to_its_unit_is_a_figure_but_an_age_stays_its_person_s():
    # wikinews_blind14_qa z07: "a 48-acre space" measures 48 acres.
    released = "The buffalo were released into a 48-acre space set aside for them in Kinnear."
    question = "How large was the space set aside at Kinnear for the buffalo?"
    assert answer_problem(question, [("The space was 48 acres.", whole(released))]) is None
    # wikinews_blind7_qa p06: "22-year-old Rangoli Patil" gives her age, no one else's.
    crew = "Shiva Parvathi was the loco pilot, and 22-year-old Rangoli Patil was her co-pilot."
    assert answer_problem("How old is Shiva Parvathi, the loco pilot?", [(
        "Shiva Parvathi is 22 years old.", whole(crew))]) == (
        "the question asks for a number; the evidence cited gives none")


def test_a_photograph_s_credit_names_no_one_else():
    # wikinews_blind6_qa n40: the photographer named as the exhibitor.
    caption = "A volunteer hangs signage for the Mini Maker Faire in Tyler. Image: Paul Budd."
    question = "What is the name of the owner of the Make Crate service at the Mini Maker Faire?"
    assert answer_problem(question, [("The owner is Paul Budd.", whole(caption))]) == (
        "the question asks for a name; the evidence cited gives none")
    exhibited = "Paul Budd, the owner of Make Crate, showed his kits at the Mini Maker Faire."
    assert answer_problem(question, [("The owner is Paul Budd.", whole(exhibited))]) is None


def test_a_count_s_kind_and_noun_are_read_past_a_preposition_and_an_auxiliary():
    # wikinews_blind15_qa a04: "291 patients have recovered" counts recoveries, not deaths.
    recovered = "According to the centre, 291 patients have recovered from the virus in Iran."
    assert answer_problem("How many people had died of the virus in Iran?", [(
        "291 patients had died of the virus in Iran.", whole(recovered))]) == (
        "the question asks how many deaths; the figure 291 counts recoveries")
    # wikinews_blind15_qa a34: "For how many months" counts months; "23 hours" does not.
    kept = "Manafort was kept in solitary confinement at least 23 hours per day."
    assert answer_problem("For how many months was Manafort held in solitary confinement?", [(
        "Manafort was kept in solitary confinement for 23 months.", whole(kept))]) == (
        "the question asks how many months; the figure 23 counts hours")


def test_another_item_of_a_numbered_series_is_no_answer():
    # wikinews_blind15_qa a08: phase two's customers for phase three's.
    two = "Phase two was planned to affect over 200,000 customers."
    question = "How many customers was phase three of the planned shutoffs expected to affect?"
    assert answer_problem(question, [("Phase three was to affect 200,000 customers.",
                                      whole(two))]) == (
        "the question asks about phase 3; the evidence cited is about phase 2")
    three = "Phase 3 was planned to affect 50,000 customers, after phase two."
    assert answer_problem(question, [("Phase three was to affect 50,000 customers.",
                                      whole(three))]) is None


def test_a_figure_of_two_number_words_joined_is_its_digits():
    # wikinews_quiz_blind3 qc13: the answer writes the evidence's "Sixty-six" as 66.
    question = "How many people were injured in Hong Kong on 1 October 2019?"
    evidence = whole("Sixty-six people or more were injured yesterday, health officials said.")
    assert answer_problem(question, [("66 people or more were injured.", evidence)]) is None
    assert answer_problem(question, [("Sixty-six people or more were injured.", evidence)]) \
        is None
    # A figure the evidence does not give is still none.
    assert answer_problem(question, [("67 people were injured.", evidence)]) == (
        "the question asks for a number; the evidence cited gives none")


def test_a_share_asked_for_is_not_answered_by_a_count():
    # wikinews_blind20_qa ca29 was answered with the candidate's delegates.
    results = ("Buttigieg finished second with 24.4% of the vote, which gave him nine "
               "delegates.")
    question = "What share of the vote did Buttigieg receive in the New Hampshire primary?"
    assert answer_problem(question, [("Buttigieg received nine delegates.", whole(results))]) \
        == "the question asks for a share; the evidence cited gives none"
    assert answer_problem(question, [("Buttigieg received 24.4% of the vote.",
                                      whole(results))]) is None
    # A second question may be what the answer answers: "How many seats, and what share ...?"
    assert answer_problem("How many delegates did Buttigieg win, and what share of the vote?",
                          [("Buttigieg won nine delegates.", whole(results))]) is None


def test_a_share_asked_for_is_not_answered_by_a_change():
    # wikinews_blind37_qa cs34, a near miss, was answered with "85% more wildfires".
    change = "There have been 85% more wildfires in Brazil in 2019 than there were in 2018."
    question = "What share of the Amazon rainforest had been burned by the wildfires?"
    assert answer_problem(question, [("85% of the rainforest had burned.", whole(change))]) \
        == "the question asks for a share; the evidence cited gives none"
    share = "Some 12% of the rainforest had burned by August."
    assert answer_problem(question, [("12% of the rainforest had burned.", whole(share))]) \
        is None
    # A question of a change rests on one.
    assert answer_problem("By what percentage did wildfires in Brazil rise in 2019?",
                          [("They rose by 85%.", whole(change))]) is None


def test_a_count_named_by_the_verb_before_it_counts_that_kind():
    # wikinews_blind37_qa cs06, a near miss, was answered with the dead: "killing at least 20".
    report = ("The typhoon struck the central Philippines on Wednesday, killing at least 20, "
              "and leaving at least 15,000 stranded at ports.")
    question = "How many people were injured when the typhoon struck the central Philippines?"
    assert answer_problem(question, [("At least 20 people were injured.", whole(report))]) == (
        "the question asks how many injuries; the figure 20 counts deaths")
    hurt = "The typhoon struck on Wednesday, injuring at least 20."
    assert answer_problem(question, [("At least 20 people were injured.", whole(hurt))]) is None


def test_a_name_that_opens_a_sentence_is_a_name_when_its_next_word_is_one_too():
    # wikinews_quiz_blind13 qm05 was refused: "Syracuse" opens the only sentence naming it.
    article = ("Syracuse University pop culture professor Robert Thompson remarked on the "
               "jeans war.")
    question = "At which university is Robert Thompson, the pop culture professor?"
    assert answer_problem(question, [("He is a Syracuse University professor.",
                                      whole(article))]) is None
    # A capitalised first word alone stays the sentence's opening, no name.
    plain = "Researchers at the university said the professor remarked on the jeans war."
    assert answer_problem(question, [("Researchers said he remarked on it.", whole(plain))]) \
        == "the question asks for a name; the evidence cited gives none"


def test_the_year_written_beside_a_prize_dates_its_award():
    # wikinews_quiz_blind13 qn11 was refused: a list of prizes with their years says nothing of
    # "receiving" them.
    prizes = ("His other accolades include the Berwick Prize in 1971, the Nemmers Prize in "
              "Mathematics in 1998 and the Leroy P. Steele Prize in 2000.")
    question = "In what year did John Conway receive the Nemmers Prize in Mathematics?"
    assert answer_problem(question, [("He received it in 1998.", whole(prizes))]) is None
    assert answer_problem(question, [("He received it in 1971.", whole(prizes))]) == (
        "the date the evidence cited gives is the date of something else")
    # The date of an act is its passing, not a later ruling on it (wikinews_blind29_qa cj28).
    act = ("Johnson was impeached over the Tenure of Office Act of 1867, which the Supreme "
           "Court later ruled to be unconstitutional.")
    assert answer_problem("In what year was the Tenure of Office Act passed?",
                          [("It was passed in 1867.", whole(act))]) is None
    assert answer_problem("In what year did the Supreme Court rule the Tenure of Office Act "
                          "unconstitutional?", [("It ruled so in 1867.", whole(act))]) is not None


def test_a_time_of_day_asked_for_is_not_answered_by_a_day():
    # wikinews_blind20_qa ca24, a near miss, was answered with the day the warnings ended.
    report = "The government withdrew its warnings on Saturday, when the storm moved away."
    question = "At what time did the government withdraw its storm warnings?"
    assert answer_problem(question, [("It withdrew them on Saturday.", whole(report))]) == \
        "the question asks for a time of day; the evidence cited gives none"
    timed = "The government withdrew its warnings at 11 a.m. on Saturday."
    assert answer_problem(question, [("It withdrew them at 11 a.m.", whole(timed))]) is None
    # A race's time is a time too.
    race = "Warholm won the title in 47.42 seconds."
    assert answer_problem("What time did Warholm run when he won the title?",
                          [("Warholm ran 47.42 seconds.", whole(race))]) is None


def test_a_share_beside_a_count_of_something_else_counts_nothing():
    # wikinews_blind20_qa ca18, a near miss, was answered with a share of the vote and a
    # count of delegates: neither is a number of votes.
    results = ("Biden secured 39 of the state's 54 delegates with about 48% of the vote, "
               "giving him a total of 54 delegates.")
    question = "How many votes did Joe Biden receive in the primary?"
    answer = "Joe Biden received 48% of the vote, giving him a total of 54 delegates."
    assert answer_problem(question, [(answer, whole(results))]) == \
        "the question asks how many votes; the figure 54 counts delegates"
    tally = "Biden received 262,336 votes, about 48% of the vote."
    assert answer_problem(question, [("Biden received 262,336 votes, 48% of the vote.",
                                      whole(tally))]) is None


def test_a_unit_long_compound_is_a_duration_of_one_unit():
    # wikinews_blind20_qa ca21 was refused: "a week-long stay" gave no duration.
    report = "Following a week-long stay in a Belgian hospital, he returned to Oman."
    question = "How long did the Sultan stay in a hospital in Belgium?"
    assert answer_problem(question, [("He stayed in a Belgian hospital for a week-long stay.",
                                      whole(report))]) is None
    assert answer_problem(question, [("He stayed there for a long time.", whole(report))]) \
        == "the question asks for a duration; the evidence cited gives none"
    # wikinews_blind44_qa cz23 was refused: the answer's own "three-year-long" measured nothing.
    sentence = "Cohen is serving a three-year-long prison sentence."
    assert answer_problem("How long a prison sentence was Michael Cohen serving?", [
        ("Cohen was serving a three-year-long prison sentence [1].", whole(sentence))]) is None


def test_how_long_something_was_to_last_is_answered_by_its_end():
    # wikinews_blind43_qa cy23 was refused for giving no duration.
    question = "How long were PG&E's scheduled power shutoffs expected to last?"
    until = "The shutoffs were expected to last through at least midday tomorrow."
    answer = "They were expected to last through at least midday tomorrow [1]."
    assert answer_problem(question, [(answer, whole(until))]) is None
    # The end must be the evidence's, and "until further notice" gives none.
    began = "The shutoffs began at midnight, affecting 800 thousand customers."
    assert answer_problem(question, [(answer, whole(began))]) == (
        "the question asks for a duration; the evidence cited gives none")
    notice = "The shutoffs were to last until further notice."
    assert answer_problem(question, [("Until further notice [1].", whole(notice))]) == (
        "the question asks for a duration; the evidence cited gives none")


def test_a_question_that_speaks_of_a_failure_may_rest_on_a_negated_sentence():
    # wikinews_blind20_qa ca09 was refused as "the opposite: not qualifying".
    report = ("O'Rourke was not qualifying for the debate; two weeks before the November 13 "
              "deadline, he had reached 3 percent in two qualifying polls.")
    answer = "Candidates had to qualify by the November 13 deadline."
    assert answer_problem("By what date did candidates have to qualify for the debate, which "
                          "O'Rourke was failing to make?", [(answer, whole(report))]) is None
    assert answer_problem("By what date did candidates have to qualify for the debate?",
                          [(answer, whole(report))]) == \
        "the evidence cited says the opposite: not qualifying"


def test_a_forecast_does_not_answer_how_many_there_were():
    # wikinews_blind7_qa p02, a near miss, was answered with a forecast.
    forecast = ("The institute said the coronavirus may cause roughly 32,000 more deaths in the "
                "United States by August 4.")
    answer = "The United States may see roughly 32,000 more deaths by August 4."
    assert answer_problem("How many COVID-19 deaths had the United States recorded by August "
                          "4, 2020?", [(answer, whole(forecast))]) == \
        "the evidence cited gives what may, will or must happen, not what happened"
    # Asked what may happen, the forecast answers.
    assert answer_problem("How many more deaths might the United States see by August 4?",
                          [(answer, whole(forecast))]) is None
    # A modal elsewhere in the sentence is not the figure's: "a herd of 33 buffalo".
    herd = ("The Arapaho plan to widen the range and may pool resources with the Shoshone, who "
            "currently have a herd of 33 buffalo.")
    assert answer_problem("How many buffalo are in the Shoshone herd?",
                          [("The Shoshone herd has 33 buffalo.", whole(herd))]) is None


def test_a_question_about_avoiding_may_rest_on_a_negated_sentence():
    # wikinews_blind22_qa cc07 was refused as "the opposite: not cite".
    report = ("The name must not cite any specific person, animal or place, per guidelines "
              "established in 2015.")
    answer = "The guidelines were established in 2015."
    assert answer_problem("In what year were the guidelines established under which the name "
                          "had to avoid citing any place?", [(answer, whole(report))]) is None


def test_who_is_answered_by_the_first_sentence_that_says_more_than_the_question():
    # wikinews_blind22_qa cc37 was refused: its first sentence restated the question and the
    # second named the judge.
    ruling = ("Colin Sutherland, Lord Carloway, the Lord President of the court, decided that "
              "the prorogation was unlawful.")
    question = "Who was the Lord President of the Court of Session when it ruled?"
    restated = "The Lord President of the Court of Session ruled."
    named = "This ruling was made by Colin Sutherland, Lord Carloway."
    assert answer_problem(question, [(restated, whole(ruling)), (named, whole(ruling))]) is None
    # A first sentence that says something else still answers, and a later name is an aside.
    aside = "The court found the prorogation unlawful."
    assert answer_problem(question, [(aside, whole(ruling)), (named, whole(ruling))]) == \
        "the question asks for a name; the evidence cited gives none"


def test_a_clause_that_names_only_who_and_when_borrows_the_verb_before_it():
    # wikinews_blind22_qa cc11 was refused: "and Andrew Johnson in 1868" names no event, and
    # "impeached" between "House" and "Donald" had been read as part of a name.
    report = "Bill Clinton was impeached in 1998, and Andrew Johnson in 1868."
    question = ("In what year was Andrew Johnson impeached, as recalled when the House "
                "impeached Donald Trump?")
    assert answer_problem(question, [("Andrew Johnson was impeached in 1868.",
                                      whole(report))]) is None
    # A bare date after a dash names no one, and borrows nothing.
    honour = "He was awarded the Order of the Sun by the president of Namibia — in 2014."
    assert answer_problem("In what year did Iyambo become vice-president of Namibia?",
                          [("Iyambo became vice-president in 2014.", whole(honour))]) == \
        "the date the evidence cited gives is the date of something else"


def test_a_date_s_event_is_read_in_any_tense():
    # wikinews_blind23_qa cd23: "did the submarine sink" on "the day it sank".
    article = ("The Lost 52 Project announced the discovery of the wreck. "
               "The Lost 52 Project identifies February 26, 1944 as the day it sank.")
    span = (article, *sentence_span(article, "The Lost 52 Project identifies"))
    question = ("According to the Lost 52 Project, on what date did the World War II submarine "
                "USS Grayback sink near Okinawa?")
    answer = "According to the Lost 52 Project, the USS Grayback sank on February 26, 1944."
    assert answer_problem(question, [(answer, [span])]) is None


def test_a_date_of_the_event_that_dates_the_asked_one_is_no_answer():
    # wikinews_blind23_qa cd10: asked when he last appeared in a video before Trump announced
    # his death, answered with the month of a State Department statement.
    article = ("The US State Department described Hamza bin Laden in March of this year as an "
               "emerging figure in the al-Qaeda organization. "
               "Trump announced his death in September.")
    span = (article, *sentence_span(article, "The US State Department"))
    question = ("When did Hamza bin Laden last appear in an al-Qaeda video before US President "
                "Donald Trump announced his death in September 2019?")
    assert answer_problem(question, [
        ("Hamza bin Laden last appeared in an al-Qaeda video in March 2019.", [span])]) == (
        "the date the evidence cited gives is the date of something else")
    seen = ("Hamza bin Laden last appeared in an al-Qaeda video in March, months before "
            "Trump announced his death.")
    assert answer_problem(question, [
        ("Hamza bin Laden last appeared in an al-Qaeda video in March 2019.",
         whole(seen))]) is None


def test_the_day_after_a_date_is_the_next_weekday():
    # wikinews_blind23_qa cd17: "the day after the October 30, 2020 earthquake" is a Saturday,
    # and the figure local officials gave on Saturday answers it.
    article = ("The earthquake struck the Aegean Sea on Friday. "
               "Local officials said on Saturday that about 20 buildings collapsed.")
    saturday = (article, *sentence_span(article, "Local officials"))
    question = ("How many buildings had collapsed, according to local officials the day after "
                "the October 30, 2020 earthquake in the Aegean Sea?")
    assert answer_problem(question, [("About 20 buildings had collapsed.", [saturday])]) is None
    assert answer_problem(question.replace("the day after ", "on "), [
        ("About 20 buildings had collapsed.", [saturday])]) == (
        "the question asks about Friday; the evidence cited gives the figure for Saturday")


def test_a_year_and_a_half_hyphenated_is_a_duration():
    # wikinews_blind23_qa cd19.
    article = ("According to Agence France-Presse, the man had converted to Islam a "
               "year-and-a-half ago.")
    question = ("According to Agence France-Presse, how long before the stabbings had the IT "
                "worker converted to Islam?")
    assert answer_problem(question, [
        ("He had converted to Islam a year-and-a-half earlier.", whole(article))]) \
        is None


def test_a_place_of_birth_is_no_place_of_death():
    # wikinews_blind23_qa cd40: "In which city did she die?" answered from where she was born.
    article = "Hagan was born on May 26, 1953 in Shelby, North Carolina."
    question = "In which city did former US Senator Kay Hagan die in October 2019?"
    assert answer_problem(question, [
        ("Kay Hagan died in Shelby, North Carolina.", whole(article))]) == (
        'the question asks about "die"; the evidence cited is about "born"')


def test_at_what_time_asks_for_the_asked_event_s_time_not_the_one_that_dates_it():
    # wikinews_blind23_qa cd12: the time of the shooting is no time he was pronounced dead.
    article = ("Matt Ratana was shot at the Croydon custody centre at roughly 2am on Friday. "
               "He was later pronounced dead in hospital.")
    shot = (article, *sentence_span(article, "Matt Ratana was shot"))
    question = ("At what time was Matt Ratana pronounced dead after being shot at the Croydon "
                "custody centre?")
    assert expected_type(question) == "time"
    assert answer_problem(question, [
        ("Matt Ratana was pronounced dead at 2am on Friday.", [shot])]) == (
        "the date the evidence cited gives is the date of something else")
    assert answer_problem("At what time was Matt Ratana shot at the Croydon custody centre?", [
        ("Matt Ratana was shot at 2am on Friday.", [shot])]) is None


def test_a_figure_that_labels_a_round_or_a_rank_counts_nothing():
    # wikinews_quiz_blind5 qe36: "4 tries" from "their Round 4 match".
    article = "Caloundra defeated Wynnum 45 points to 24 in their Round 4 match on Saturday."
    question = "How many tries did Caloundra score in their 45–24 round-four win over Wynnum?"
    assert answer_problem(question, [
        ("Caloundra scored 4 tries in the win.", whole(article))]) == (
        "the question asks for a number; the evidence cited gives none")
    scored = "Caloundra scored 4 tries in their Round 4 match."
    assert answer_problem(question, [
        ("Caloundra scored 4 tries in the win.", whole(scored))]) is None


def test_who_is_not_answered_by_a_title_after_a():
    # wikinews_quiz_blind8 qh08: "a Minister of Legislative Assembly" describes someone the
    # article leaves unnamed.
    question = "Who, a member of Assam's legislative assembly, claimed that cow urine cures it?"
    unnamed = "The claim was shared by a Minister of Legislative Assembly from Assam."
    assert answer_problem(question, [
        ("A Minister of Legislative Assembly from Assam claimed it [1].", whole(unnamed))]) == (
        "the question asks for a name; the evidence cited gives none")
    named = "Suman Haripriya, a member of the legislative assembly from Assam, shared it."
    assert answer_problem(question, [
        ("Suman Haripriya, a member from Assam, claimed it [1].", whole(named))]) is None


def test_a_cemetery_or_a_museum_asked_for_is_named_beside_the_answer():
    # wikinews_quiz_blind8 qh32 (buried in "the Paris Cemetery", made up from the city he
    # died in) and quiz_blind7 qg31 (museums answered with the author's university).
    question = "In which cemetery was Jacques Chirac buried?"
    # (The evidence of where he died is refused before, as another event: `contrast_problem`.)
    funeral = "Jacques Chirac's funeral was held in Paris, surrounded by family."
    assert answer_problem(question, [("Chirac was buried in the Paris Cemetery [1].",
                                      whole(funeral))]) == (
        "the question asks for the cemetery; the evidence cited names no cemetery")
    buried = "Chirac was buried at the Montparnasse Cemetery in Paris on Monday."
    assert answer_problem(question, [("Chirac was buried at the Montparnasse Cemetery [1].",
                                      whole(buried))]) is None
    assert asked_role("Which museums sent samples of mummified ibises?") == "museum"


def test_a_figure_asked_for_outside_a_place_is_not_the_place_s_own():
    # wikinews_quiz_blind8 qh18: the count in China answered the count outside it.
    question = "How many confirmed cases outside China did the WHO report that day?"
    report = ("The WHO reported 2741 confirmed cases, 80 deaths and 5794 suspected cases in "
              "China, and 37 confirmed cases in other countries.")
    assert answer_problem(question, [("The WHO reported 2741 cases outside China [1].",
                                      whole(report))]) == (
        "the question asks outside China; the figure is for China")
    assert answer_problem(question, [("The WHO reported 37 cases outside China [1].",
                                      whole(report))]) is None


def test_a_role_left_unnamed_as_the_agent_of_a_passive_names_no_one():
    # wikinews_blind25_qa cf38 (a near miss): the name is the seaman's, identified "by a
    # Coast Guard spokesperson" whom the article does not name.
    question = "Who was the Philippine Coast Guard spokesperson who identified the seaman?"
    unnamed = "The seaman was identified as Jaypee Galicha by a Coast Guard spokesperson."
    assert answer_problem(question, [("The spokesperson was Jaypee Galicha [1].",
                                      whole(unnamed))]) == (
        "the question asks for the spokesperson; the evidence cited names no spokesperson")
    named = "Coast Guard spokesperson Armand Balilo identified the seaman as Jaypee Galicha."
    assert answer_problem(question, [("The spokesperson was Armand Balilo [1].",
                                      whole(named))]) is None


def test_an_end_named_in_a_clause_of_its_own_describes_and_the_other_is_asked():
    # wikinews_quiz_blind4 qe37 (a near miss): asked when the campaign "he ended" was
    # launched, the day it ended is no answer.
    question = "On what date did John Hickenlooper launch the campaign he ended in August 2019?"
    ended = "Hickenlooper ended his campaign yesterday (15 August 2019)."
    assert answer_problem(question, [("He launched it on 15 August 2019 [1].", whole(ended))]) \
        == "the date the evidence cited gives is for the end (the question asks for the start)"
    launched = "Hickenlooper launched his campaign on 4 March 2019 in Denver."
    assert answer_problem(question, [("He launched it on 4 March 2019 [1].",
                                      whole(launched))]) is None


def test_a_description_between_commas_names_no_event_asked():
    # wikinews_blind25_qa cf10 (a near miss): asked when she left the country, the day of the
    # crash the description of her names is another event's.
    question = ("On what date did Anne Sacoolas, the US diplomat's wife involved in the crash "
                "that killed Harry Dunn, leave the United Kingdom?")
    crash = "Sacoolas was involved in a collision which killed Harry Dunn on August 27."
    assert answer_problem(question, [("She left the United Kingdom on August 27 [1].",
                                      whole(crash))]) == (
        "the date the evidence cited gives is the date of something else")
    left = "Sacoolas left the country on September 15, weeks after the crash."
    assert answer_problem(question, [("She left the United Kingdom on September 15 [1].",
                                      whole(left))]) is None
    # A description that names and dates nothing may say the asked event in its own words
    # (wikinews_quiz_blind7 qg18, a right answer): "predeceased" is how he died.
    question = "In what year did Doris Day's only child, the producer who predeceased her, die?"
    son = "Day's son, Terry Melcher, predeceased her in 2004."
    assert answer_problem(question, [("Terry Melcher died in 2004 [1].", whole(son))]) is None


def test_a_duration_the_evidence_gives_must_be_the_asked_event_s():
    # wikinews_blind21_qa cb34 (a near miss): how long the boy was trapped is not how long he
    # spent in hospital; as for a date, the clause that gives the figure (or a neighbour
    # giving it too) must name a word of the event asked.
    question = ("How long did Ivan, the boy rescued from the collapsed building in Magnitogorsk, "
                "spend in hospital in Moscow?")
    trapped = "He was found under the rubble in his cot after being trapped for over 30 hours."
    assert answer_problem(question, [("Ivan spent 30 hours in hospital in Moscow [1].",
                                      whole(trapped))]) == (
        "the duration the evidence cited gives is the duration of something else")
    treated = "Ivan was treated in a Moscow hospital for two weeks before going home."
    assert answer_problem(question, [("Ivan spent two weeks in hospital in Moscow [1].",
                                      whole(treated))]) is None


def test_a_person_the_articles_do_not_name_is_no_answer_to_who():
    # wikinews_blind24_qa ce38 (a near miss): "Justice John Evers" joins a title and a first
    # name to the surname of Governor Tony Evers.
    question = "Who was the incumbent justice on the ballot in Wisconsin's April election?"
    ruling = ("The Wisconsin Supreme Court ruled that Governor Tony Evers lacked the authority "
              "to reschedule the election.")
    assert answer_problem(question, [("The incumbent was Justice John Evers [1].",
                                      whole(ruling))]) == (
        "the answer names Justice John Evers, whom the articles cited do not name")
    ballot = "Incumbent justice Daniel Kelly faced Jill Karofsky on the ballot."
    assert answer_problem(question, [("The incumbent was Justice Daniel Kelly [1].",
                                      whole(ballot))]) is None


def test_how_long_something_is_names_no_event_of_its_own():
    # wikinews_qa w04, a right answer: a year on the planet is how long its orbit takes, and
    # the clause about the astronomers who found water vapour describes the planet.
    question = "How long is a year on the exoplanet K2-18b, where astronomers found water vapour?"
    orbit = "K2-18b orbits its red dwarf star once every 33 Earth days."
    assert answer_problem(question, [("A year on K2-18b lasts 33 Earth days [1].",
                                      whole(orbit))]) is None


def test_an_answer_that_calls_the_thing_asked_for_unspecified_gives_none():
    # wikinews_quiz_blind9 qi40 (a near miss, read after its blind run).
    question = "What lung disease did wrestler Jon Huber die of in December 2020?"
    wife = "According to his wife, Huber succumbed to an unspecified lung disorder."
    assert answer_problem(question, [("He died of an unspecified lung disorder [1].",
                                      whole(wife))]) == (
        "the answer says itself that what was asked for is not given")
    named = "Huber died of idiopathic pulmonary fibrosis, a lung disease, his wife said."
    assert answer_problem(question, [("He died of idiopathic pulmonary fibrosis [1].",
                                      whole(named))]) is None
    # What someone said may be that a thing is unknown.
    assert answer_problem("What did the police say about the cause?", [
        ("The police said the cause was unknown [1].",
         whole("The police said the cause was unknown."))]) is None


def test_a_time_of_day_asked_exactly_is_not_answered_by_how_long_before():
    # wikinews_quiz_blind10 qj37, a near miss, was answered with the day and "less than 20
    # minutes before": a whole number of minutes is how long, not when.
    scrubbed = ("The launch on Wednesday afternoon was scrubbed due to the weather less than "
                "20 minutes before the scheduled launch time.")
    question = "At what exact time (UTC) had the launch been scheduled to lift off on Wednesday?"
    assert answer_problem(question, [("It was scrubbed on Wednesday afternoon, less than 20 "
                                      "minutes before launch.", whole(scrubbed))]) == \
        "the question asks for a time of day; the evidence cited gives none"
    timed = "The launch had been scheduled for 20:33 UTC on Wednesday."
    assert answer_problem(question, [("It was scheduled for 20:33 UTC.", whole(timed))]) is None


def test_a_question_that_asks_by_name_wants_a_name():
    # wikinews_quiz_blind10 qj32, a near miss, was answered with "a new feature".
    question = ("Which flight-control system, by name, did investigators suspect of forcing "
                "down the nose of the crashed 737 Max?")
    assert expected_type(question) == "name"
    feature = "Investigators suggest a new feature on the 737 Max was forcing the nose down."
    assert answer_problem(question, [("A new feature on the 737 Max was forcing the nose "
                                      "down.", whole(feature))]) == \
        "the question asks for a name; the evidence cited gives none"
    named = "Investigators suspect the MCAS system was forcing the nose down."
    assert answer_problem(question, [("The MCAS system was forcing the nose down.",
                                      whole(named))]) is None


def test_a_director_an_officer_and_a_journal_are_roles_the_evidence_must_name():
    # wikinews_quiz_blind10 qj34 and wikinews_blind28_qa ci40, near misses: a cardinal quoted
    # in the story for the press office's director, a meeting for a journal.
    question = "Who was director of the Holy See Press Office in May 2019?"
    assert asked_role(question) == "director"
    quoted = 'Cardinal Marc Ouellet of the Holy See said, "We have said it for years."'
    assert answer_problem(question, [("Cardinal Marc Ouellet was the director.",
                                      whole(quoted))]) == \
        "the question asks for the director; the evidence cited names no director"
    named = "Alessandro Gisotti, the interim director of the Holy See Press Office, said so."
    assert answer_problem(question, [("Alessandro Gisotti was the director.", whole(named))]) \
        is None
    assert asked_role("Who was the police officer who detained the suspect?") == "officer"
    question = "In which journal were the two slug-glue studies published?"
    meeting = ("The two studies were presented at the annual meeting of the American Society "
               "for Biochemistry and Molecular Biology.")
    assert answer_problem(question, [("They were published in the American Society for "
                                      "Biochemistry and Molecular Biology journal.",
                                      whole(meeting))]) == \
        "the question asks for the journal; the evidence cited names no journal"
    published = "The findings were published in the journal Science Advances."
    assert answer_problem(question, [("They were published in Science Advances.",
                                      whole(published))]) is None


def test_the_people_tested_are_not_counted_by_the_infections():
    # wikinews_blind28_qa ci24, a near miss, was answered with the infections and deaths.
    question = "How many people had been tested for COVID-19 in Iran by March 2?"
    assert asked_count_kind(question) == "tests"
    counts = "The ministry reported 523 new infections and 12 new deaths."
    assert answer_problem(question, [("523 new infections were reported.", whole(counts))]) == \
        "the question asks how many tests; the figure 523 counts cases"
    tested = "More than 23,000 people have been tested so far, the ministry said."
    assert answer_problem(question, [("More than 23,000 people had been tested.",
                                      whole(tested))]) is None


def test_the_asked_noun_with_only_an_article_before_it_names_nothing():
    # wikinews_blind23_qa cd34, a near miss, was answered "admitted ... with an illness".
    question = "What illness was the president admitted to hospital with on Saturday?"
    admitted = "The president was admitted to hospital on Saturday with an illness."
    assert answer_problem(question, [("He was admitted on Saturday with an illness.",
                                      whole(admitted))]) == \
        "the question asks which illness; the answer names none"
    question = "Which animals did the authorities suspect of passing the virus to humans?"
    market = "The virus passed to humans from animals at a seafood market."
    assert answer_problem(question, [("It passed to humans from animals at a seafood "
                                      "market.", whole(market))]) == \
        "the question asks which animals; the answer names none"
    named = "The virus passed to humans from animals such as bats, the authorities suspect."
    assert answer_problem(question, [("It passed from animals such as bats.", whole(named))]) \
        is None


def test_a_fraction_alone_is_no_count_or_amount():
    # wikinews_quiz_blind10 qj35, a near miss, was answered "about a quarter as much money".
    budget = "Congress approved about a quarter as much money as the president had requested."
    assert answer_problem("How much money had the president asked Congress for?",
                          [("He got about a quarter as much money as he requested.",
                            whole(budget))]) == \
        "the question asks for a number; the evidence cited gives none"
    homes = "Half of all homes were destroyed; half a million people fled."
    assert answer_problem("How many homes were destroyed?",
                          [("Half of all homes were destroyed.", whole(homes))]) == \
        "the question asks for a number; the evidence cited gives none"
    assert answer_problem("How many people fled?",
                          [("Half a million people fled.", whole(homes))]) is None
    # A share asked for is answered by one (wikinews_blind20_qa ca25), and so is a part asked
    # by "how much of" (wikinews_quiz_blind20 qt05).
    assert answer_problem("What share of the homes were destroyed?",
                          [("Half of all homes were destroyed.", whole(homes))]) is None
    iraq = "The coalition came to Iraq after the group took over about a third of the country."
    assert answer_problem("Roughly how much of Iraq had the group taken over?",
                          [("It had taken over about a third of Iraq.", whole(iraq))]) is None


def test_who_said_it_is_who_the_cited_sentence_gives_the_words_to():
    # wikinews_blind44_qa cz11: the next sentence names Sufianov, and the cited one gives the
    # words to Dydykin.
    question = ("Who, as co-chairman of the organising committee, said that surgical "
                "competitions for students are a Russian practice?")
    article = ("According to Professor Sergey Dydykin of the First MSMU, co-chairman of the "
               "organizing committee, surgical competitions for students are a Russian "
               "practice. The chairman of the committee, Albert Sufianov, heads the First "
               "MSMU's neurosurgery department.")
    said = [(article, 0, article.index(" The chairman"))]
    assert answer_problem(question, [("Albert Sufianov of the First MSMU said that such "
                                      "competitions are a Russian practice.", said)]) == (
        "the question asks who said it; the evidence cited gives the words to someone other "
        "than Albert Sufianov")
    assert answer_problem(question, [("Sergey Dydykin said that such competitions are a "
                                      "Russian practice.", said)]) is None


def test_a_chief_executive_is_named_as_ceo():
    # wikinews_blind44_qa cz29, a right answer refused as naming no executive.
    question = "Who, as chief executive of broadcaster ABS-CBN, apologised to the President?"
    ceo = "ABS-CBN CEO Carlo Katigbak said refunds were offered. Katigbak apologized to him."
    lawyer = ceo.replace("CEO", "lawyer")
    assert answer_problem(question, [("Carlo Katigbak apologised.", whole(ceo))]) is None
    assert answer_problem(question, [("Carlo Katigbak apologised.", whole(lawyer))]) == (
        "the question asks who was chief executive of broadcaster ABS-CBN; the evidence cited "
        "names no executive")


def test_a_part_in_words_answers_what_fraction():
    # wikinews_quiz_blind26 qz01: "a tenth part" is the fraction asked for, though an ordinal
    # alone is no figure.
    question = ("Roughly what fraction of the body that elects the chief executive do district "
                "councillors make up?")
    body = "District councillors make up about a tenth part of the body that elects him."
    assert answer_problem(question, [("About a tenth part of the body.", whole(body))]) is None
    assert answer_problem(question, [("A part of the body that elects him.", whole(body))]) == (
        "the question asks for a number; the evidence cited gives none")


def test_which_mp_asks_for_a_name():
    # wikinews_quiz_blind26 qz34, a near miss answered "One MP told the BBC ...".
    question = "Which MP told the BBC that those who wanted another referendum were a minority?"
    unnamed = 'One MP told the BBC, "It was always a minority."'
    assert answer_problem(question, [("One MP told the BBC so.", whole(unnamed))]) == (
        "the question asks for a name; the evidence cited gives none")
    named = 'Conservative MP Anna Soubry told the BBC, "It was always a minority."'
    assert answer_problem(question, [("Anna Soubry told the BBC so.", whole(named))]) is None


def test_a_leading_clause_with_a_question_word_of_its_own_is_the_question():
    # wikinews_blind30_qa cl23 and wikinews_quiz_blind12 ql20 were read as asking for a name,
    # from the "who" and "whose" of a description after the first comma.
    assert expected_type("For roughly how long was British mathematician Richard K. Guy, who "
                         "died in March 2020 aged 103, the endings editor?") == "duration"
    assert expected_type("In which century was Notre Dame cathedral in Paris, whose roof "
                         "burned in April 2019, completed?") == "time"
    assert expected_type("According to the police, who fired the first shot?") == "name"
    # An estimate asked for is still a figure.
    assert expected_type("Roughly how many people marched?") == "number"
    assert expected_type("According to police, about how many people attended?") == "number"


def test_a_fraction_of_a_round_number_is_a_count():
    # wikinews_quiz_blind12 ql17: the question's own "one million" left "quarter" the answer's
    # only new figure, and a fraction alone is no count.
    question = ("Roughly how many confirmed infections did Spain have when US infections passed "
                "one million?")
    spain = "Confirmed infections in Spain total around a quarter of a million."
    assert answer_problem(question, [("Spain had around a quarter of a million confirmed "
                                      "infections.", whole(spain))]) is None
    half = "About half of all people in Spain have been infected."
    assert answer_problem(question, [("About half of all people in Spain.", whole(half))]) == \
        "the question asks for a number; the evidence cited gives none"
    thirds = "About two-thirds of all people in Spain have been infected."
    assert answer_problem(question, [("About two-thirds of all people in Spain.",
                                      whole(thirds))]) == \
        "the question asks for a number; the evidence cited gives none"
    # A share is answered by one.
    assert answer_problem("What share of Spain's people had been infected?", [
        ("About two-thirds of them.", whole(thirds))]) is None


def test_both_ends_of_a_span_of_years_answer_how_long():
    # wikinews_blind30_qa cl23.
    question = "For roughly how long was Richard K. Guy the endings editor of the magazine?"
    editor = "From roughly 1948 to 1951 he was endings editor for the magazine."
    assert answer_problem(question, [("He was endings editor from roughly 1948 to 1951.",
                                      whole(editor))]) is None
    joined = "He joined the magazine in 1948."
    assert answer_problem(question, [("He was endings editor from 1948 to 1951.",
                                      whole(joined))]) == \
        "the question asks for a duration; the evidence cited gives none"


def test_a_sentence_that_opens_with_another_year_tells_of_that_year():
    # wikinews_blind30_qa cl12 and cl11 were answered with her 2008 race.
    race = ("A decade later, in 2008, Hagan defeated incumbent Republican US Senator Elizabeth "
            "Dole.")
    question = ("Who was Kay Hagan's opponent when she won her seat in North Carolina's state "
                "Senate in 1998?")
    assert answer_problem(question, [("Elizabeth Dole was her opponent in 1998.",
                                      whole(race))]) == \
        "the question asks about 1998; the evidence cited tells of another year"
    # A year in a description of someone dates nothing asked.
    question = "Whom did Kay Hagan, who died in October 2019, defeat in 2008?"
    assert answer_problem(question, [("She defeated Elizabeth Dole.", whole(race))]) is None
    # The year is the answer to "when".
    question = "When did Kay Hagan defeat Elizabeth Dole?"
    assert answer_problem(question, [("She defeated her in 2008.", whole(race))]) is None


def test_a_cause_asked_for_is_a_cause_the_evidence_knows():
    # wikinews_blind30_qa cl20 and wikinews_quiz_blind12 ql40, two near misses.
    question = "On Saturday, January 5, 2019, what caused the deadly fire in La Llagosta?"
    second = "A second fire on Saturday in La Llagosta killed another person, firefighters said."
    assert answer_problem(question, [("A second fire in La Llagosta killed another person, "
                                      "according to firefighters.", whole(second))]) == \
        "the question asks for a cause; the answer gives none"
    question = "What caused the February 2019 fire at the Hotel Arpit Palace?"
    unknown = ("No cause was immediately known, but a fire officer said wooden panels led to "
               "corridors becoming unusable for escape.")
    assert answer_problem(question, [("The fire was caused by wooden panels.",
                                      whole(unknown))]) == \
        "the question asks for a cause; the evidence cited says it is not known"
    assert answer_problem(question, [("A short circuit is suspected to have caused it.",
                                      whole(unknown + " Police suspect a short circuit."))]) \
        is None
    known = "Officials said an electrical short circuit caused the fire at the hotel."
    assert answer_problem(question, [("An electrical short circuit.", whole(known))]) is None


def test_the_source_of_an_attribution_is_not_who_did_it():
    # wikinews_blind30_qa cl25.
    question = ("According to Connie Moganedi, a spokeswoman for the police in Cullinan, who "
                "tried to save Leon van Biljon?")
    said = ("Police spokeswoman Connie Moganedi told CNN that neighbors from other lodges "
            "nearby attempted, but were unable, to save van Biljon.")
    assert answer_problem(question, [("Connie Moganedi attempted to save Leon van Biljon.",
                                      whole(said))]) == \
        ("the question asks who, according to Connie Moganedi; the answer names the source "
         "itself")
    assert answer_problem(question, [("Neighbors from other lodges nearby attempted to save "
                                      "him.", whole(said))]) is None
    # A "who" that only describes asks nothing (wikinews_blind31_qa cm21, refused).
    question = ("How did Kyle Rittenhouse, the suspect in the shootings, who was released on "
                "bond, claim to have obtained his weapon?")
    claimed = ("He claimed to have obtained his weapon by having an older friend purchase it on "
               "his behalf, Kyle Rittenhouse said.")
    assert answer_problem(question, [("Kyle Rittenhouse claimed an older friend purchased it "
                                      "on his behalf.", whole(claimed))]) is None


def test_a_figure_of_another_sentence_counts_another_thing():
    # wikinews_quiz_blind12 ql36: "several hours" counts nothing, and the deaths of the next
    # sentence answered "by how many hours".
    question = "By how many hours was Qasem Soleimani's burial put off after the stampede?"
    postponed = "A stampede erupted, resulting in a several-hours postponement of the burial."
    toll = "The stampede resulted in at least 56 deaths and over 200 people injured."
    assert answer_problem(question, [
        ("The burial was put off by several hours.", whole(postponed)),
        ("The stampede resulted in at least 56 deaths.", whole(toll))]) == \
        "the question asks how many hours; the figure 56 counts deaths"


def test_a_crowd_is_no_count_of_arrests():
    # wikinews_blind30_qa cl06; "March", the month, is no march.
    question = "How many people were arrested during the march from Victoria Park?"
    crowd = "An estimated 1.7 million Hongkongers marched from Victoria Park."
    assert answer_problem(question, [("1.7 million Hongkongers marched from Victoria Park.",
                                      whole(crowd))]) == \
        "the question asks how many arrests; the figure 1.7 counts participants"
    assert asked_count_kind("How many people had been tested in Iran by March 2?") == "tests"


def test_an_initialism_spelled_out_is_no_new_name():
    # wikinews_quiz_blind12 ql31: "the United States" for "Which US state ...?".
    question = "Which US state had recorded the most COVID-19 deaths in May 2020?"
    total = "The total number of deaths surpassed 100,000 in the United States."
    assert answer_problem(question, [("The state with the most deaths was the United States.",
                                      whole(total))]) == \
        "the question asks for a name; the evidence cited gives none"
    most = "New York has recorded the most deaths of any state."
    assert answer_problem(question, [("New York had the most deaths.", whole(most))]) is None


def test_a_figure_shaped_like_a_year_may_count():
    # wikinews_blind29_qa cj31, once "About how many ...?" was read as asking for a number.
    question = "About how many people followed the relic through the streets of Cahors?"
    followed = "The relic was carried in procession followed by nearly 2000 people."
    assert answer_problem(question, [("Nearly 2000 people followed it.", whole(followed))]) \
        is None


def test_a_dated_opening_clause_keeps_its_year():
    # wikinews_blind29_qa cj06: the form after "April 6, 2020," was not read, so the negation
    # check (for questions of a fact) never ran.
    question = ("As of the morning of April 6, 2020, how many absentee ballots had Wisconsin "
                "voters already returned?")
    assert expected_type(question) == "number"
    outstanding = "As of yesterday morning, over 500,000 ballots were not yet returned."
    assert answer_problem(question, [("Over 500,000 ballots were not yet returned.",
                                      whole(outstanding))]) == \
        "the evidence cited says the opposite: not returned"


def test_a_time_after_an_event_is_no_duration():
    # wikinews_blind29_qa cj14, a near miss.
    question = "How long did the island-wide blackout caused by the earthquake last?"
    after = "Two thirds of the island was still without power two days after the quake."
    assert answer_problem(question, [("The blackout lasted two days.", whole(after))]) == \
        "the question asks for a duration; the evidence cited gives none"
    lasted = "The blackout lasted for two days before power was restored."
    assert answer_problem(question, [("The blackout lasted two days.", whole(lasted))]) is None
    # Unless the question asks how long after.
    question = "How long after the earthquake was two thirds of the island still without power?"
    assert answer_problem(question, [("Two days after the quake.", whole(after))]) is None


def test_a_relative_clause_tells_of_its_own_event():
    # wikinews_blind29_qa cj28, a near miss: the act's year for the year of the ruling, and the
    # description "over which Johnson was impeached" is no word of the asked event.
    question = ("In what year did the US Supreme Court rule the Tenure of Office Act, over which "
                "President Andrew Johnson was impeached, unconstitutional?")
    act = ("Johnson was impeached over perceived violations of the Tenure of Office Act of 1867, "
           "which the Supreme Court later ruled to be unconstitutional.")
    assert answer_problem(question, [("The Supreme Court ruled it unconstitutional in 1867.",
                                      whole(act))]) == \
        "the date the evidence cited gives is the date of something else"


def test_no_claim_of_responsibility_names_no_group_that_claimed_it():
    # wikinews_quiz_blind11 qk31, a near miss answered with the group an official blamed.
    question = "Which group claimed responsibility for the January 2019 market bombing in Mokha?"
    blamed = ("No claims of responsibility were reported yesterday, but the general manager of "
              "Abu Dhabi Media attributed the bombing to Houthi rebels.")
    assert answer_problem(question, [("The Houthi rebels claimed responsibility.",
                                      whole(blamed))]) == \
        "the evidence cited says the opposite: not claims"
    claimed = "The Houthi rebels claimed responsibility for the bombing."
    assert answer_problem(question, [("The Houthi rebels claimed responsibility.",
                                      whole(claimed))]) is None
    # A question that itself negates may rest on a negated sentence.
    question = "Which group made no claim of responsibility for the bombing?"
    assert answer_problem(question, [("The Houthi rebels made no claim.",
                                      whole("The Houthi rebels made no claim of it."))]) is None


def test_a_description_of_someone_is_no_word_of_the_event():
    # wikinews_blind30_qa cl28, a near miss: "a former general" is what Wiranto is, not his
    # retirement from the military.
    question = "In what year did Wiranto retire from the military as a general?"
    designated = "Widodo designated Wiranto, a former general, as security minister in 2016."
    assert answer_problem(question, [("Wiranto retired as a general in 2016.",
                                      whole(designated))]) == \
        "the date the evidence cited gives is the date of something else"
    retired = "Wiranto retired from the military as a general in 1999."
    assert answer_problem(question, [("Wiranto retired in 1999.", whole(retired))]) is None


def test_one_party_s_figure_is_not_the_other_s():
    # wikinews_blind30_qa cl34, a near miss; the caucuses the question dates the poll by are
    # no side it asks about.
    question = ("According to polling reported after the Nevada Democratic caucuses, what share "
                "of Nevada's Republican voters preferred a primary to a caucus?")
    democrats = "Roughly two-thirds of the Democratic voters preferred a primary over a caucus."
    assert answer_problem(question, [("Roughly two-thirds of the Republican voters preferred a "
                                      "primary.", whole(democrats))]) == \
        'the question asks about "republican"; the evidence cited is about "democratic"'
    republicans = "Roughly half of the Republican voters preferred a primary over a caucus."
    assert answer_problem(question, [("Roughly half of the Republican voters preferred a "
                                      "primary.", whole(republicans))]) is None


def test_a_figure_the_evidence_gives_all_of_them_does_not_count_the_part_it_names():
    # wikinews_blind31_qa cm06, a near miss: the children on board are not counted by the dead.
    question = "How many children were on board the bus that overturned in Babyninsky?"
    dead = "At least seven, including four children, died."
    assert answer_problem(question, [("At least seven children were on board [1].",
                                      whole(dead))]) == \
        "the question asks how many children; the evidence counts them as four, not seven"
    aboard = "The bus carried 30 children and four adults."
    assert answer_problem(question, [("30 children were on board.", whole(aboard))]) is None


def test_the_side_an_event_was_with_is_not_the_counted_side():
    # wikinews_blind31_qa cm20, a near miss answered with the police officers injured.
    # Its opening clause dates it with a weekday's comma.
    question = ("On the night of Friday, July 10, 2020, how many protesters were injured in the "
                "clashes with police in front of the Serbian parliament?")
    officers = "Director Rebic said the night's incidents injured 14 police officers."
    assert answer_problem(question, [("14 police officers were injured.", whole(officers))]) \
        == "the question asks how many protesters; the figure 14 counts police officers"


def test_a_consequence_is_no_cause():
    # wikinews_quiz_blind13 qm40, a near miss: what followed the stampede is not what set it off.
    question = "What triggered the deadly stampede at the funeral procession in Kerman?"
    followed = ("During the funeral on Tuesday, a stampede erupted, resulting in a several-hours "
                "postponement of the burial, according to state media.")
    assert answer_problem(question, [("A stampede erupted, resulting in a postponement of the "
                                      "burial.", whole(followed))]) == \
        "the question asks for a cause; the answer gives none"
    crush = "The stampede was caused by a crush of mourners at a narrow street."
    assert answer_problem(question, [("It was caused by a crush of mourners.", whole(crush))]) \
        is None


def test_a_clock_of_four_figures_with_its_zone_is_a_time_of_day():
    # wikinews_quiz_blind13 qm20, refused although its evidence gave "1922 UTC".
    question = "At what time (UTC) did SpaceX's first crewed mission lift off in May 2020?"
    launch = "SpaceX successfully launched its first crewed mission at 1922 UTC yesterday."
    assert answer_problem(question, [("It lifted off at 1922 UTC.", whole(launch))]) is None
    assert answer_problem(question, [("It lifted off yesterday.", whole(launch))]) == \
        "the question asks for a time of day; the evidence cited gives none"


def test_the_senate_is_not_the_house_of_representatives():
    # wikinews_quiz_blind13 qm36, a near miss answered with the House's figure.
    question = ("How many seats did Republicans hold in the US Senate of the 116th Congress, "
                "sworn in in January 2019 when Nancy Pelosi was again elected Speaker of the "
                "House?")
    house = ("The new members of the House of Representatives, which include 235 Democrats "
             "and 199 Republicans, voted for Pelosi to serve as Speaker with 220 votes.")
    assert answer_problem(question, [("Republicans held 199 seats in the Senate.",
                                      whole(house))]) == \
        'the question asks about "senate"; the evidence cited is about "representatives"'


def test_a_place_s_comma_stays_inside_the_event_that_dates_the_asked_one():
    # wikinews_blind31_qa cm04, a near miss answered with the time of the shooting.
    question = ("At what time was Metropolitan Police sergeant Matt Ratana airlifted to hospital "
                "after being shot at the Croydon, South London custody centre in September 2020?")
    shot = ("Metropolitan Police sergeant Matt Ratana was shot at the Croydon, South London "
            "custody centre, at roughly 2am local time (0100 UTC) on Friday by a prisoner.")
    assert answer_problem(question, [("He was airlifted to hospital at 0100 UTC on Friday.",
                                      whole(shot))]) == \
        "the date the evidence cited gives is the date of something else"
    airlifted = "He was airlifted to hospital at 0300 UTC on Friday."
    assert answer_problem(question, [("He was airlifted to hospital at 0300 UTC on Friday.",
                                      whole(airlifted))]) is None


def test_a_cause_someone_found_is_asked_for_as_a_cause():
    # wikinews_quiz_blind10 qj40, a near miss answered with what the engineer was doing.
    question = ("What did investigators find had caused the death of the contract engineer "
                "working on a travelator at Waterloo station?")
    working = "He was working on a travelator at the station when the incident occurred."
    assert answer_problem(question, [("He was working on a travelator when the incident "
                                      "occurred.", whole(working))]) == \
        "the question asks for a cause; the answer gives none"


def test_who_refereed_or_who_leads_asks_for_the_holder_of_that_role():
    # wikinews_quiz_blind9 qi34 and qi33, near misses answered with a coach and a rally-goer.
    coach = '"I am pretty happy with that," Caloundra coach Geoff Ingram said.'
    assert answer_problem("Who refereed Caloundra's round-three win over Maroochydore?",
                          [("Geoff Ingram refereed it.", whole(coach))]) == \
        "the question asks for the referee; the evidence cited names no referee"
    couple = "A couple from Florida, Richard and Lisa Parry, made a 14-hour drive for the rally."
    assert answer_problem("Who leads Women for America First, the group that organised the "
                          "rally?", [("Lisa Parry leads it.", whole(couple))]) == \
        "the question asks for the leader; the evidence cited names no leader"
    chair = "Amy Kremer, who chairs Women for America First, spoke at the rally."
    assert answer_problem("Who leads Women for America First, the group that organised the "
                          "rally?", [("Amy Kremer leads it.", whole(chair))]) is None


def test_what_a_decree_requires_is_no_word_of_when_it_takes_effect():
    # wikinews_quiz_blind9 qi38, a near miss answered with the day the decree was announced.
    question = ("On what date was Pope Francis's May 2019 decree requiring priests and nuns to "
                "report sexual abuse to church authorities due to take effect?")
    announced = ("On Thursday (9 May 2019), Pope Francis announced new church law to mandate "
                 "reporting sexual abuses to the church authorities.")
    assert answer_problem(question, [("It takes effect on 9 May 2019.", whole(announced))]) == \
        "the date the evidence cited gives is when it was announced, not when it happened"
    effect = "The decree is due to take effect on 1 June 2019, the Vatican said."
    assert answer_problem(question, [("It takes effect on 1 June 2019.", whole(effect))]) is None


def test_made_public_appearances_is_no_hedge_and_a_possessive_is_not_what_is_negated():
    # wikinews_quiz_blind14 qn10 and qn24, right answers refused; both defects were seen in
    # that set's one run and fixed after it.
    question = "Since what year had former French president Jacques Chirac made no public " \
        "appearances?"
    absent = "He had not made public appearances since 2014, his wife said."
    assert answer_problem(question, [("Since 2014, Chirac had not made public appearances.",
                                      whole(absent))]) is None
    assert answer_problem("When did the company release the figures?", [(
        "The figures have not been made public.", whole("The figures have not been made "
                                                        "public."))]) == \
        "the answer says itself that the time asked for is not given"
    question = "Which newspaper compared the exposure of Facebook user records with the " \
        "Cambridge Analytica scandal?"
    compared = ("The Guardian drew comparisons between this case and the Cambridge Analytica "
                "scandal, in which profiles were harvested without users' knowledge.")
    assert answer_problem(question, [("The Guardian compared it with the Cambridge Analytica "
                                      "scandal.", whole(compared))]) is None


def test_a_rank_asked_for_is_a_number_written_as_a_label():
    # wikinews_quiz_blind14 qn20 was refused: "number 16" is the rank asked for.
    question = ("How high in the ATP world rankings had Nikoloz Basilashvili climbed at his "
                "career best?")
    best = "He reached a career high of number 16 in May 2019."
    assert answer_problem(question, [("He reached number 16.", whole(best))]) is None
    # A label is still no count where no rank is asked for.
    assert answer_problem("How many games did he win?", [("He won 16 games.", whole(
        "He reached round 16."))]) == "the question asks for a number; the evidence cited " \
        "gives none"


def test_a_verb_between_two_names_is_the_event_s_word():
    # wikinews_quiz_blind14 qn13 was refused: "leave" between "Tippu Express" and "Mysore
    # Junction" was read as part of a name, and the train's departure as another event.
    question = ("At what time did the all-women crew's Tippu Express leave Mysore Junction in "
                "March 2020?")
    left = "The train left Mysore Junction railway station at 11:30 am IST (0600 UTC)."
    assert answer_problem(question, [("It left Mysore Junction at 11:30 am IST.",
                                      whole(left))]) is None


def test_the_event_asked_of_is_not_the_one_a_description_names():
    # wikinews_quiz_blind12 ql01 was refused for "born" against the "died" of "who died";
    # wikinews_blind33_qa co27 for the start ("born") of an end ("died") it never asks of.
    studied = "Stevens, born in Chicago, studied law at Northwestern University."
    assert answer_problem(
        "At which university did John Paul Stevens, the retired justice who died in July 2019 "
        "aged 99, study law?", [("Northwestern University [1].", whole(studied))]) is None
    born = "Mukherjee was born on December 11, 1935, in Mirati."
    assert answer_problem(
        "When was Pranab Mukherjee born, the former President of India who died in New Delhi?",
        [("He was born on December 11, 1935 [1].", whole(born))]) is None
    # Asked of the death itself, the birth answers nothing.
    assert answer_problem("When did Pranab Mukherjee, the former President of India, die?",
                          [("He was born on December 11, 1935 [1].", whole(born))])


def test_a_place_or_a_role_written_with_a_and_no_name_is_left_unnamed():
    # wikinews_quiz_blind15 qo31 (a near miss) was answered with the city of "a hospital in
    # Auckland"; "medical treatment" names no hospital either.
    question = "Which Auckland hospital was Tongan prime minister Akilisi Pohiva taken to?"
    unnamed = ("Pohiva was evacuated from Nukuʻalofa to a hospital in Auckland, New Zealand. "
               "He had received medical treatment in New Zealand this year.")
    assert answer_problem(question, [("He was taken to Auckland, New Zealand [1].",
                                      whole(unnamed))]) == (
        "the question asks for the hospital; the evidence cited names no hospital")
    named = "Pohiva was evacuated to Auckland City Hospital in New Zealand."
    assert answer_problem(question, [("Auckland City Hospital [1].", whole(named))]) is None
    # "a police constable, reportedly one Vijayaragavan," is named after its comma
    # (wikinews_quiz_blind10 qj07, a right answer).
    constable = ("Officials said a police constable, reportedly one Vijayaragavan, saw the "
                 "twelve with the dead jackal.")
    assert answer_problem("Who was the police constable who grew suspicious of the group?",
                          [("Vijayaragavan [1].", whole(constable))]) is None
    # A role in apposition after a name is that person's, though written with "another"
    # (wikinews_quiz_blind23 qw11, a right answer refused).
    lawyer = ("Sophie Obadia, another lawyer for the victim, told reporters that women do not "
              "have to justify their private life.")
    assert answer_problem("Which lawyer for Emily Spanton told reporters that women do not have "
                          "to justify their private life?",
                          [("Sophie Obadia [1].", whole(lawyer))]) is None
    # A name with a particle too: "Ahmed al-Assadi, a spokesman for the PMF, blamed ..."
    # (wikinews_quiz_blind28 eb09, a right answer refused).
    spokesman = "In a statement, Ahmed al-Assadi, a spokesman for the PMF, blamed Israel."
    assert answer_problem("Which spokesman for the Popular Mobilization Forces blamed Israel?",
                          [("Ahmed al-Assadi [1].", whole(spokesman))]) is None
    paris = "In Paris, a lawyer for Sophie Obadia spoke to reporters."
    assert answer_problem("Which lawyer spoke to reporters?",
                          [("Sophie Obadia [1].", whole(paris))]) == (
        "the question asks for the lawyer; the evidence cited names no lawyer")


def test_who_owned_asks_for_the_owner():
    # wikinews_quiz_blind14 qn34 (a near miss) was answered with the car's make.
    question = "Who owned the recalled car in which the fire at Stavanger Airport started?"
    make = "Police questioned Lars Hansen after the fire started in a recalled Opel Zafira."
    assert answer_problem(question, [("Lars Hansen owned it [1].", whole(make))]) == (
        "the question asks for the owner; the evidence cited names no owner")
    owned = "The car, owned by Lars Hansen of Sandnes, was a recalled 2005 Opel Zafira."
    assert answer_problem(question, [("Lars Hansen [1].", whole(owned))]) is None


def test_which_of_a_kind_a_count_counts_is_the_word_before_its_noun():
    # wikinews_quiz_blind15 qo21 was answered with the confirmed cases abroad.
    question = ("According to the WHO report issued the day Germany confirmed its first case, "
                "how many suspected cases were there in China?")
    report = ("There had been 2741 confirmed cases, 80 deaths and 5794 suspected cases in "
              "China, and 37 confirmed cases in other countries.")
    assert answer_problem(question, [("There were 37 suspected cases [1].", whole(report))]) == (
        "the question asks how many suspected cases; the evidence counts 37 confirmed cases")
    assert answer_problem(question, [("There were 5794 suspected cases [1].",
                                      whole(report))]) is None
    # A word that only adds to a count, or a name before the noun, says no other kind.
    troops = "The Pentagon sent 300 more troops to the region."
    assert answer_problem("How many additional troops did the Pentagon send?",
                          [("300 troops [1].", whole(troops))]) is None


def test_a_clause_after_a_comma_that_dates_the_event_by_another_is_not_the_event():
    # wikinews_blind33_qa co28 (a near miss) was answered with the day he was admitted.
    question = ("On what date did Pranab Mukherjee undergo brain surgery for a blood clot, after "
                "he was hospitalized in New Delhi in August 2020?")
    admitted = "Mukherjee was hospitalized on August 10 after a reported fall at his home."
    assert answer_problem(question, [("He underwent surgery on August 10 [1].",
                                      whole(admitted))]) == (
        "the date the evidence cited gives is the date of something else")
    operated = "Mukherjee underwent brain surgery on August 11 to remove a blood clot."
    assert answer_problem(question, [("He underwent surgery on August 11 [1].",
                                      whole(operated))]) is None


def test_a_leading_clause_may_locate_a_place_with_commas():
    # wikinews_blind32_qa cn06 (a near miss) was read as asking no figure, and answered with
    # "a number of cities".
    question = ("According to the February 2020 report on the first deaths of foreigners from "
                "the new coronavirus in Wuhan, China, how many Chinese cities had the government "
                "quarantined?")
    assert expected_type(question) == "number"
    vague = "The government of China has quarantined a number of cities over the virus."
    assert answer_problem(question, [("It had quarantined a number of cities [1].",
                                      whole(vague))]) == (
        "the question asks for a number; the evidence cited gives none")


def test_not_until_says_when_and_denies_nothing():
    # wikinews_blind28_qa ci19, a right answer, was refused as resting on a denial.
    question = ("Under the suspension of Parliament that the Queen agreed to in August 2019, "
                "how long before the Brexit deadline was Parliament to reconvene?")
    until = ("Parliament would meet briefly in early September and then not reconvene until "
             "October 14, two weeks before the current Brexit deadline.")
    assert answer_problem(question, [("Two weeks before it [1].", whole(until))]) is None
    assert answer_problem("How many stores are included in the sale?",
                          [("19 stores [1].", whole("19 stores were not included."))]) == (
        "the evidence cited says the opposite: not included")


def test_a_storm_s_gust_is_not_its_sustained_wind():
    # wikinews_blind32_qa cn34 (a near miss) was answered with the maximum sustained winds.
    question = "What was the strongest wind gust recorded on Bermuda as Hurricane Humberto passed?"
    sustained = "Humberto had maximum sustained winds of 120 miles per hour."
    assert answer_problem(question, [("The strongest gust was 120 mph [1].",
                                      whole(sustained))]) == (
        'the question asks about "gust"; the evidence cited is about "sustained"')
    gust = "A gust of 150 miles per hour was recorded at the airport."
    assert answer_problem(question, [("150 mph [1].", whole(gust))]) is None


def test_what_was_the_cause_is_not_answered_by_its_not_being_announced():
    # wikinews_quiz_blind14 qn40 (a near miss) was answered with "not announced".
    question = "What was the cause of death of former Egyptian president Hosni Mubarak?"
    hedge = "Mubarak died in a Cairo military hospital. Cause of death was not announced."
    assert answer_problem(question, [("The cause of death was not announced [1].",
                                      whole(hedge))]) == (
        "the answer says itself that what was asked for is not given")


def test_who_as_a_role_asks_for_someone_the_articles_give_that_role():
    # wikinews_quiz_blind17 qq34 (a near miss) was answered with the Governor General.
    question = ("Who, as Canada's Chief Electoral Officer, oversaw the October 2019 general "
                "election?")
    governor = ("In early September, Julie Payette, the Governor General of Canada, dissolved "
                "the 42nd Canadian Parliament, triggering the elections.")
    assert answer_problem(question, [("Julie Payette oversaw it [1].", whole(governor))]) == (
        "the question asks who was Canada's Chief Electoral Officer; the evidence cited names "
        "no Officer")
    officer = "Chief Electoral Officer Stéphane Perrault said turnout was 66 percent."
    assert answer_problem(question, [("Stéphane Perrault [1].", whole(officer))]) is None
    # The role may stand elsewhere in the cited article, beside the answer's person; and a
    # word of the role's group will do ("attorney" for "lawyer").
    article = ("Mayor LaToya Cantrell spoke on Friday. The storm was slow. Rain was expected. "
               "Later, Cantrell advised residents to shelter in place.")
    assert answer_problem("Who, as mayor of New Orleans, advised residents to shelter in place?",
                          [("LaToya Cantrell [1].", [(article, *sentence_span(
                              article, "Later, Cantrell"))])]) is None
    attorney = "Attorney Zurab Kvinikadze denied the charge against Nikoloz Basilashvili."
    assert answer_problem("Who, as his lawyer, denied the charge against Basilashvili?",
                          [("Zurab Kvinikadze [1].", whole(attorney))]) is None


def test_someone_cited_only_as_who_spoke_did_not_do_what_who_asks():
    # wikinews_quiz_blind15 qo33 and wikinews_blind35_qa cq12 (near misses) were answered
    # with the minister quoted on the fire and the superintendent at the press conference.
    question = "Who was the police officer who fired the live round that hit the student?"
    spoke = ("Police Senior Superintendent Yolanda Yu Hoi-kwan said at a press conference: "
             "\"The police officers' lives were seriously threatened.\"")
    assert answer_problem(question, [("It was Police Senior Superintendent Yolanda Yu "
                                      "Hoi-kwan [1].", whole(spoke))]) == (
        "the question asks who; the evidence cited gives Police Senior Superintendent Yolanda "
        "Yu Hoi-kwan only as who spoke, not as who did what it asks")
    # Beside the act the question asks of, or with the role it asks for, the speaker is the
    # answer.
    flags = ("New Hampshire governor Chris Sununu said flags would be flown at half-mast on "
             "Monday.")
    assert answer_problem("Who ordered flags flown at half-mast for the seven riders?",
                          [("Chris Sununu [1].", whole(flags))]) is None
    author = ("Lead author Daniel Paluh, a Ph.D. candidate at the University of Florida, "
              "said, \"Frogs may look similar.\"")
    assert answer_problem("Who was lead author of the frog study?",
                          [("Daniel Paluh [1].", whole(author))]) is None
    # The act in another tense is the act: "held" is "hold" (`rag.text.verb_words`).
    held = "Mayor Ana Ruiz said she held them herself."
    assert answer_problem("Who will hold the talks with the union?",
                          [("Ana Ruiz [1].", whole(held))]) is None
    # A question about what was said asks for its speaker.
    assert answer_problem("Who said the police officers' lives were threatened?",
                          [("Yolanda Yu Hoi-kwan [1].", whole(spoke))]) is None


def test_which_court_asks_for_a_court():
    # wikinews_quiz_blind16 qp31 (a near miss) was answered with the prosecutor quoted.
    question = "Which Iranian court issued the arrest warrants for 36 people?"
    prosecutor = ("According to ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, said "
                  "the 36 must face murder and terrorism charges.")
    assert answer_problem(question, [("Ali Alghasi Mehr [1].", whole(prosecutor))]) == (
        "the question asks for the court; the evidence cited names no court")
    court = "The warrants were issued by the Tehran Revolutionary Court on Monday."
    assert answer_problem(question, [("The Tehran Revolutionary Court [1].",
                                      whole(court))]) is None


def test_the_day_of_the_asked_date_names_no_word_of_the_event():
    # The "30" of "on August 30" is no word of being taken to hospital (wikinews_blind34_qa
    # cp28, a near miss, had the assault's time).
    question = "At what time on August 30 was Sirhan taken to an outside hospital?"
    assault = "There was an assault on an inmate on Friday, August 30 at 2:21 p.m."
    assert answer_problem(question, [("He was taken to hospital at 2:21 p.m. [1].",
                                      whole(assault))]) == (
        "the date the evidence cited gives is the date of something else")
    taken = "Sirhan was taken to an outside hospital at 3:05 p.m. on August 30."
    assert answer_problem(question, [("At 3:05 p.m. [1].", whole(taken))]) is None


def test_which_noun_is_the_one_before_a_verb():
    # wikinews_quiz_blind17 qq18 (a right answer) was refused for naming no actor.
    assert expected_type("Which illness struck voice actor Alexis Tipton?") is None
    assert answer_problem("Which illness struck voice actor Alexis Tipton during her audition?",
                          [("A sinus infection [1].",
                            whole("She had a sinus infection the week of her audition."))]) is None
    assert expected_type("Which space agency mourned Leonov?") == "name"
    assert expected_type("Which governing party lost its majority?") == "name"


def test_an_acronym_opening_a_sentence_is_a_name():
    # wikinews_quiz_blind17 qq19 (a right answer) was refused for naming no agency: "NASA"
    # stood only at the start of its sentence.
    nasa = "NASA interrupted its live coverage of a spacewalk to mourn Leonov's passing."
    assert answer_problem("Which space agency interrupted its live coverage to mourn Leonov?",
                          [("NASA [1].", whole(nasa))]) is None
    # wikinews_quiz_blind23 qw19 (a right answer) was refused so: an acronym in mixed case.
    uokik = "UOKiK, the Polish anti-monopoly agency, has to approve the deal."
    assert answer_problem("Which Polish agency had to approve Tesco's sale?",
                          [("UOKiK [1].", whole(uokik))]) is None


def test_a_place_with_a_name_before_its_kind_is_named_though_written_with_a():
    professor = ("Robert Thompson, a Syracuse University pop culture professor, said the war "
                 "made her famous.")
    assert answer_problem("At which university is Robert Thompson, the pop culture professor?",
                          [("Syracuse University [1].", whole(professor))]) is None
    # A person is not named so: "a Coast Guard spokesperson" is no one by name.
    unnamed = "The seaman was found by a Coast Guard spokesperson on patrol."
    assert answer_problem("Who was the spokesperson who found the seaman?",
                          [("Armand Balilo [1].", whole(unnamed))]) is not None


def test_a_preposition_names_no_event():
    # wikinews_blind36_qa cr04 (a near miss) was answered with the time of the crash, "near"
    # an interstate, for when the fire "near Fairfield" was put out.
    question = ("At what time was the wildfire sparked by the helicopter crash near Fairfield "
                "extinguished?")
    crash = "The Bell 206 came down near Interstate 80 around 13:30 local time."
    assert answer_problem(question, [("At 13:30 [1].", whole(crash))]) == (
        "the date the evidence cited gives is the date of something else")
    out = "Firefighters extinguished the blaze at 16:10."
    assert answer_problem(question, [("At 16:10 [1].", whole(out))]) is None


def test_a_journal_is_named_where_findings_are_published_in_it():
    # wikinews_quiz_blind28 eb19 (a right answer) was refused for naming no journal.
    question = "In which journal did the researchers publish their findings on premature deaths?"
    # (A day the model was shown resolved stands in brackets: "Wednesday (20 November 2019)".)
    published = ("In findings published Wednesday (20 November 2019) in Environmental Science "
                 "and Technology, researchers reported that premature deaths rose.")
    assert answer_problem(question, [("In Environmental Science and Technology [1].",
                                      whole(published))]) is None
    # A place the question names is no other place the answer gives.
    assert answer_problem("In which journal did researchers from the University of Washington "
                          "publish their findings?", [(
                              "Researchers from the University of Washington published them "
                              "in Environmental Science and Technology [1].",
                              whole(published.replace("researchers", "researchers from the "
                                                      "University of Washington")))]) is None
    said = "Researchers said premature deaths rose, Environmental Science and Technology noted."
    assert answer_problem(question, [("In Environmental Science and Technology [1].",
                                      whole(said))]) == (
        "the question asks for the journal; the evidence cited names no journal")


def test_a_publisher_and_a_dispatcher_are_roles_the_evidence_must_name():
    # wikinews_quiz_blind18 qr31 and qr33 (near misses).
    review = ("She wrote the novel Obsession, which the New York Times called \"the steamiest "
              "book ever written by an octogenarian.\"")
    assert answer_problem("Which publisher brought out her memoir?",
                          [("The New York Times [1].", whole(review))]) == (
        "the question asks for the publisher; the evidence cited names no publisher")
    published = "The memoir was published by Alfred A. Knopf in 1985."
    assert answer_problem("Which publisher brought out her memoir?",
                          [("Alfred A. Knopf [1].", whole(published))]) is None
    call = "A recording of the call was released: \"[...] Roger, are they locked inside?\""
    assert answer_problem("Who was the dispatcher who took the distress call?",
                          [("Roger [1].", whole(call))]) == (
        "the question asks for the dispatcher; the evidence cited names no dispatcher")


def test_a_role_inside_a_quotation_names_no_one_who_holds_it():
    # wikinews_quiz_blind18 qr34 (a near miss) was answered with the minister whose words
    # blamed "the officers".
    question = "Who was the fire officer who said wooden panels blocked the corridors?"
    minister = ("Satyendra Jain, the city's home minister, said \"It's gross negligence on the "
                "part of the officers who allowed the extra floors to be built.\"")
    assert answer_problem(question, [("Satyendra Jain [1].", whole(minister))]) == (
        "the question asks for the officer; the evidence cited names no officer")
    officer = "Fire officer Vipin Kental said wooden panels blocked the corridors."
    assert answer_problem(question, [("Vipin Kental [1].", whole(officer))]) is None


def test_an_initialism_of_the_asked_name_dates_what_it_names():
    # wikinews_quiz_blind20 qt16: "2008 NBA MVP" is the year he was named Most Valuable
    # Player, though no word of the naming stands beside it.
    question = "In what year was Kobe Bryant named the NBA's Most Valuable Player?"
    career = "Bryant became an NBA champion five times, an All-Star 18 times, and 2008 NBA MVP."
    assert answer_problem(question, [("He was named MVP in 2008.", whole(career))]) is None
    joined = "Bryant joined the NBA in 1996, and was an All-Star 18 times."
    assert answer_problem(question, [("He was named MVP in 1996.", whole(joined))]) == \
        "the date the evidence cited gives is the date of something else"


def test_a_figure_the_evidence_spells_out_is_given_in_digits():
    # wikinews_quiz_blind20 qt02: "six feet five inches" gives the height "6 feet 5 inches".
    height = "Huber, who stood six feet five inches, wrestled as Luke Harper."
    assert answer_problem("How tall was Jon Huber?",
                          [("He was 6 feet 5 inches tall.", whole(height))]) is None
    assert answer_problem("How tall was Jon Huber?",
                          [("He was 7 feet tall.", whole(height))]) == \
        "the question asks for a number; the evidence cited gives none"


def test_a_net_change_is_no_count_of_what_is_held():
    # wikinews_quiz_blind20 qt35, a near miss: "lost a net of 20 seats" answered how many
    # seats the party won.
    seats = "The Liberal Party lost a net of 20 seats, resulting in a minority government."
    assert answer_problem("How many seats did the Liberal Party win?",
                          [("The Liberal Party won 20 seats.", whole(seats))]) == \
        "the question asks for a number; the evidence cited gives none"
    assert answer_problem("How many seats did the Liberal Party lose?",
                          [("The Liberal Party lost 20 seats.", whole(seats))]) is None


def test_a_week_s_bound_is_no_day_of_the_event():
    # wikinews_blind38_qa ct20, a near miss: "last week", resolved for the model as
    # "(16–22 September 2019)", was answered "on September 16".
    week = "For three days last week (16–22 September 2019), the court heard arguments."
    question = "On what date did the court begin hearing arguments?"
    assert answer_problem(question, [("It began on September 16, 2019.", whole(week))]) == \
        "the question asks for a time; the evidence cited gives none"
    day = "On 17 September 2019, the court began hearing arguments."
    assert answer_problem(question, [("It began on September 17, 2019.", whole(day))]) is None


def test_a_place_of_another_kind_answers_no_place_asked():
    # wikinews_quiz_blind20 qt32, a near miss: the court that sentenced Manafort answered in
    # which prison he was to serve.
    court = "Manafort was sentenced in U.S. Federal Court to 73 months in prison."
    question = "In which federal prison was Manafort to serve his sentence?"
    assert answer_problem(question, [("He was to serve it in the U.S. Federal Court.",
                                      whole(court))]) == \
        "the question asks for the prison; the answer names a court"
    prison = "Manafort was to serve his 73 months at FCI Loretto prison, a federal prison."
    assert answer_problem(question, [("He was to serve it at FCI Loretto prison.",
                                      whole(prison))]) is None


def test_a_time_of_another_year_answers_no_event_the_question_dates_by_its_year():
    # wikinews_quiz_blind21 qu38, a near miss: the date of the 2020 caucuses answered when the
    # 2016 ones were held.
    caucus = ("On March 14, 2020, the Democratic Party held caucuses in the Northern Mariana "
              "Islands.")
    question = "On what date were the 2016 Northern Mariana Islands Democratic caucuses held?"
    assert answer_problem(question, [("They were held on March 14, 2020.", whole(caucus))]) == \
        "the question asks about 2016; the answer gives another year"
    held = ("On March 12, 2016, the Democratic Party held caucuses in the Northern Mariana "
            "Islands.")
    assert answer_problem(question, [("They were held on March 12, 2016.", whole(held))]) is None


def test_a_measure_asked_for_is_a_figure_and_no_day_gives_it():
    # wikinews_quiz_blind21 qu35, a near miss: "10 feet" rested on "10 September".
    question = "What was the height clearance of the railway bridge the bus hit?"
    assert expected_type(question) == "number"
    called = "Police said: we were called at 8.10am today, 10 September, after a bus hit a bridge."
    assert answer_problem(question, [("The clearance was 10 feet.", whole(called))]) == \
        "the question asks for a number; the evidence cited gives none"
    sign = "The bridge, with a clearance of 10 feet, was hit by the bus on 10 September."
    assert answer_problem(question, [("The clearance was 10 feet.", whole(sign))]) is None


def test_a_share_in_another_sentence_counts_nothing_asked():
    # wikinews_quiz_blind21 qu36, a near miss: the confirmed cases answered how many had
    # recovered, and a later sentence's "30%" let the answer pass.
    cases = "The United States had over 1.6 million confirmed cases, around 30% of all infections."
    question = "How many people in the United States had recovered?"
    assert answer_problem(question, [
        ("There were 1.6 million confirmed cases.", whole(cases)),
        ("The country had around 30% of all infections.", whole(cases))]) == \
        "the question asks how many recoveries; the figure 1.6 counts cases"


def test_first_names_no_event_of_its_own():
    # wikinews_quiz_blind21 qu16: "The first observations were taken 1999" answered when the
    # first suggestion of a black hole surfaced.
    question = "In what year did the first suggestion surface that the system holds a black hole?"
    taken = "The first observations, these few spectra, were taken 1999."
    assert answer_problem(question, [("It surfaced in 1999.", whole(taken))]) == \
        "the date the evidence cited gives is the date of something else"
    suggested = "A black hole was first suggested in 2010."
    assert answer_problem(question, [("It surfaced in 2010.", whole(suggested))]) is None


def test_a_question_that_opens_with_a_clause_of_its_own_asks_what_follows_it():
    # wikinews_blind40_qa cv21 was read as asking when, wikinews_quiz_blind22 qv07 as asking
    # who: both right answers were refused for giving no time, and no name.
    assert expected_type("When Wikinews asked the scientist about plans for a future model, "
                         "what did he say his team was now exploring?") is None
    assert expected_type("According to biologist Natasha Gownaris, who spoke to Wikinews in "
                         "January 2019, about how much lighter are female penguins?") == "number"
    assert expected_type("According to police, who fired the first shot?") == "name"
    assert expected_type("When did the fire start?") == "time"


def test_an_adjective_before_the_counted_noun_is_part_of_it():
    # wikinews_blind41_qa cw18, a near miss: "two women" answered how many armed officers chased
    # the attacker, since "armed" read as a verb ended what was counted.
    question = "How many armed plainclothes officers chased the attacker on foot?"
    women = "Reportedly he injured a man and two women on the high road."
    assert answer_problem(question, [("Two armed plainclothes officers chased him [1].",
                                      whole(women))]) == \
        "the question asks how many armed plainclothes officers; the figure two counts women"
    officers = "Two armed plainclothes officers chased him on foot."
    assert answer_problem(question, [("Two armed plainclothes officers chased him.",
                                      whole(officers))]) is None


def test_how_many_of_a_named_body_counts_its_noun_after_two_leading_clauses():
    # wikinews_blind40_qa cv05: a share of a division's staff answered how many divisions were
    # headed by women; the question opened with two clauses before "how many of".
    question = ("According to the manager, speaking to Wikinews in March 2020, how many of "
                "Indian Railways' divisions were headed by women?")
    staff = "About 650 female employees are in the division."
    assert answer_problem(question, [("About 650 female employees are there.",
                                      whole(staff))]) == \
        "the question asks how many Indian Railways divisions; the figure 650 counts female " \
        "employees"
    heads = "Maybe eight divisions are headed by women."
    assert answer_problem(question, [("Maybe eight divisions.", whole(heads))]) is None


def test_a_date_after_an_event_is_not_that_event_s_date():
    # wikinews_blind41_qa cw20, a near miss: the day the army moved, written after "After Mugabe
    # fired his vice president", answered when he fired him.
    question = ("On what date did Mugabe fire his vice president, shortly before the army moved "
                "against him?")
    moved = ("After Mugabe fired his vice president, ahead of the 2018 elections, the army moved "
             "on November 15, 2017.")
    assert answer_problem(question, [("He fired him on November 15, 2017.", whole(moved))]) == \
        "the date the evidence cited gives is the date of something else"
    fired = "Mugabe fired his vice president on November 6, 2017, before the army moved."
    assert answer_problem(question, [("He fired him on November 6, 2017.", whole(fired))]) is None
    # A phrase of another time after the date leaves the date its own (qn14).
    hall = "Bontddu Hall dates to 1873, and was a retreat before becoming a hotel."
    assert answer_problem("To what year does Bontddu Hall, the former hotel, date?",
                          [("It dates to 1873.", whole(hall))]) is None


def test_the_name_of_a_relative_or_a_head_asks_for_that_role():
    # wikinews_blind41_qa cw30 and wikinews_quiz_blind22 qv34, near misses: the drummer's own
    # birth name for his father's, an accused officer for the investigators' head.
    assert asked_role("What was the name of the father of drummer Ginger Baker?") == "father"
    assert asked_role("What is the name of the head of the internal investigators?") == "leader"
    born = "Ginger Baker was born Peter Edward Baker in Lewisham, London, in 1939."
    assert answer_problem("What was the name of the father of drummer Ginger Baker?",
                          [("His father was Peter Edward Baker.", whole(born))]) == \
        "the question asks for the father; the evidence cited names no father"
    father = "His father, Frederick Baker, was killed in 1943."
    assert answer_problem("What was the name of the father of drummer Ginger Baker?",
                          [("His father was Frederick Baker.", whole(father))]) is None


def test_a_figure_on_the_other_side_of_but_is_for_other_names():
    # wikinews_blind41_qa cw34, a near miss: the death rate with REGN-EB3 or mAb114 answered the
    # rate with ZMapp or remdesivir, named in the sentence's other half.
    question = "What was the death rate among patients given ZMapp or remdesivir in the trial?"
    rates = ("The mortality rates were 49% with ZMapp and 53% with remdesivir, but early "
             "patients had a death rate of only 6% when treated with REGN-EB3 or mAb114.")
    assert answer_problem(question, [("The death rate was 6%.", whole(rates))]) == \
        "the evidence cited gives the figure for REGN-EB3, and another figure for what the " \
        "question names"
    assert answer_problem(question, [("The death rate was 49% with ZMapp.", whole(rates))]) \
        is None


def test_an_age_a_weekday_or_a_figure_in_words_is_no_answer_of_another_kind():
    # wikinews_blind42_qa cx32, cx36 and wikinews_quiz_blind24 qx39, near misses: "28-year-old
    # Usman Khan stabbed several people" for how many were there, "Four Navy ships" for which
    # countries' navies, "died on Sunday" for where he died.
    stabbed = "On Friday, 28-year-old Usman Khan stabbed reportedly several people."
    assert answer_problem("How many people were attending the event when Usman Khan began his "
                          "attack?", [("28-year-old Usman Khan stabbed several people.",
                                       whole(stabbed))]) == \
        "the question asks for a number; the evidence cited gives none"
    ships = "Four Navy ships assisted by aircraft are searching."
    assert expected_type("Which foreign countries' navies joined the search?") == "name"
    assert answer_problem("Which foreign countries' navies joined the search?",
                          [("Four Navy ships joined the search.", whole(ships))]) == \
        "the question asks for a name; the evidence cited gives none"
    died = "Nickey Iyambo, former vice-president of Namibia, died on Sunday in Windhoek."
    question = "Where did Nickey Iyambo, the former vice-president of Namibia, die?"
    assert answer_problem(question, [("He died on Sunday.", whole(died))]) == \
        "the question asks for a name; the evidence cited gives none"
    assert answer_problem(question, [("He died in Windhoek.", whole(died))]) is None


def test_where_he_died_is_not_where_he_was_buried():
    # wikinews_quiz_blind37 ek37, a near miss: where he was buried answered with the hospital
    # he died in.
    died = ("On Tuesday, Hosni Mubarak, the former President of Egypt, died aged 91 in a "
            "military hospital in Cairo, the country's capital.")
    buried = "Where was former Egyptian President Hosni Mubarak buried?"
    assert answer_problem(buried, [("Mubarak was buried in a military hospital in Cairo.",
                                    whole(died))]) == \
        'the question asks about "buried"; the evidence cited is about "died"'
    assert answer_problem("Where did Hosni Mubarak die?",
                          [("He died in a military hospital in Cairo.", whole(died))]) is None
    grave = "Mubarak, who died on Tuesday, was buried at the family tomb in Heliopolis."
    assert answer_problem(buried, [("He was buried at the family tomb in Heliopolis.",
                                    whole(grave))]) is None


def test_who_won_is_not_who_finished_runner_up():
    # wikinews_quiz_blind31 ee08: the runner-up answered with the man who won.
    won = "Countryman Lawrence Cherono won the men's division."
    question = "Who finished runner-up in the men's race at the Chicago Marathon?"
    assert answer_problem(question, [("Lawrence Cherono finished runner-up in the men's race.",
                                      whole(won))]) == \
        'the question asks about "runner-up"; the evidence cited is about "won"'
    second = "Dejene Debela was the runner-up, one second behind."
    assert answer_problem(question, [("Dejene Debela finished runner-up.", whole(second))]) \
        is None


def test_a_few_hours_or_the_past_year_says_how_long():
    # wikinews_blind49_qa de13 and wikinews_blind51_qa dg13: right answers refused as giving
    # no duration.
    hover = "Humberto hovered to the east of Great Abaco Island for a few hours on Saturday."
    question = "For how long did Humberto hover to the east of Great Abaco Island?"
    assert answer_problem(question, [("It hovered there for a few hours.", whole(hover))]) \
        is None
    ebola = "The country has been suffering an Ebola outbreak for roughly the past year."
    assert answer_problem("For roughly how long had the country been suffering the outbreak?",
                          [("It had suffered the outbreak for roughly the past year.",
                            whole(ebola))]) is None
    # "A few hours before the attack" is when, not how long (de24, a near miss).
    protest = "A protest had taken place in the park a few hours before the attack."
    assert answer_problem("How long did the protest in the park last?",
                          [("The protest lasted for a few hours before the attack.",
                            whole(protest))]) == \
        "the question asks for a duration; the evidence cited gives none"
    # Nor does the few hours of another event measure this one (de14, a near miss).
    assert answer_problem("For how long had the tropical storm warnings been in effect?",
                          [("The warnings were in effect for a few hours.", whole(hover))]) == \
        "the duration the evidence cited gives is the duration of something else"
    # Still vague: "for many hours" says no more than "long".
    many = hover.replace("a few hours", "many hours")
    assert answer_problem(question, [("It hovered there for many hours.", whole(many))]) == \
        "the question asks for a duration; the evidence cited gives none"


def test_an_ordinal_gives_a_place_in_a_series():
    # wikinews_quiz_blind34 eh03: "the eighth named storm" for "which number was Humberto?"
    storm = "Tropical Storm Humberto was the eighth named storm of the season."
    question = "In the numbering of the season's named storms, which number was Humberto?"
    assert answer_problem(question, [("Humberto was the eighth named storm.", whole(storm))]) \
        is None
    assert answer_problem("How many named storms had the season had?",
                          [("Humberto was the eighth named storm.", whole(storm))]) == \
        "the question asks for a number; the evidence cited gives none"


def test_a_sentence_without_a_date_does_not_clear_the_date_of_another_event():
    # wikinews_quiz_blind34 eh38, a near miss: the day of the conviction given as the day of
    # the arrest, followed by a sentence with no date at all.
    convicted = "On February 14, 2020, a federal jury convicted Michael Avenatti in Manhattan."
    trial = "The trial was held in Manhattan, and was one of three facing Avenatti."
    question = "On what date was Michael Avenatti arrested over his attempt to extort Nike?"
    wrong = [("Avenatti was arrested on February 14, 2020.", whole(convicted))]
    assert answer_problem(question, wrong) == \
        "the date the evidence cited gives is the date of something else"
    assert answer_problem(question, [*wrong, ("This was part of a trial held in Manhattan.",
                                              whole(trial))]) == \
        "the date the evidence cited gives is the date of something else"


def test_a_role_in_a_body_named_by_its_initialism_is_that_body_s():
    # wikinews_quiz_blind38 el26: "the director of IEDCR" is the director of "Bangladesh's
    # Institute of Epidemiology, Disease Control and Research (IEDCR)".
    briefing = ("In an online news briefing, the director of IEDCR, Dr Meerjady Sabrina Flora, "
                "said the fatalities included four males and one female.")
    question = ("Who was the director of Bangladesh's Institute of Epidemiology, Disease Control "
                "and Research (IEDCR) who briefed on the country's new deaths?")
    assert answer_problem(question, [("Dr Meerjady Sabrina Flora was the director.",
                                      whole(briefing))]) is None
    other = briefing.replace("director of IEDCR", "director of DGHS")
    assert answer_problem(question, [("Dr Meerjady Sabrina Flora was the director.",
                                      whole(other))]) == \
        "the question asks for the director; the evidence cited names no director"


def test_a_role_word_that_qualifies_the_noun_asked_asks_no_role():
    # wikinews_blind56_qa dl39: "What Electoral College tally ...?" asks for a tally, not a
    # university.
    assert asked_role("What Electoral College tally did Tom Tancredo predict?") is None
    assert asked_role("Which university did she attend?") == "university"


def test_passed_away_is_the_death_asked_about():
    # wikinews_quiz_blind38 el12: "He passed away 5:03 AM" gives the time he died.
    passed = "He passed away 5:03 AM, February 10, 2019, at the Gen. Santos Doctors' Hospital."
    question = "At what time on February 10, 2019 did Bishop Dinualdo Gutierrez die?"
    assert answer_problem(question, [("He died at 5:03 AM.", whole(passed))]) is None
    mass = "A mass was held at 5:03 AM, February 10, 2019, at the cathedral."
    assert answer_problem(question, [("He died at 5:03 AM.", whole(mass))]) == \
        "the date the evidence cited gives is the date of something else"


def test_for_what_date_asks_for_a_date():
    # wikinews_quiz_blind30 ed38, a near miss answered "New elections were set for a clear date".
    assert expected_type("For what date were new elections in Iraq set?") == "time"
    clear = "Parliament set new elections for a clear date."
    assert answer_problem("For what date were new elections in Iraq set?",
                          [("New elections were set for a clear date.", whole(clear))]) == \
        "the question asks for a time; the evidence cited gives none"


def test_a_currency_names_no_one_for_who():
    # wikinews_blind55_qa dk30, a near miss: asked who sues the host, the answer says only that
    # it is sued, and "thousands of Euros" was read as a name.
    host = ("We would also like to thank our main website hoster Uberspace who is currently "
            "being sued in Germany and who have already spent thousands of Euros in their "
            "legal defense.")
    question = "Who is suing Uberspace, youtube-dl's main website host, in Germany?"
    assert answer_problem(question, [("Uberspace is being sued in Germany and has spent "
                                      "thousands of Euros in its defense.", whole(host))]) == \
        "the question asks for a name; the evidence cited gives none"
    sued = host.replace("being sued in Germany", "being sued in Germany by the RIAA")
    assert answer_problem(question, [("The RIAA is suing Uberspace in Germany.",
                                      whole(sued))]) is None


def test_a_figure_inside_a_code_or_a_name_counts_nothing():
    # wikinews_quiz_blind24 qx36, a near miss: "3 local school Maker Clubs" rested on "3D
    # printers", whose "3" a word split read as a figure.
    question = "How many local school Maker Clubs displayed projects at the faire?"
    printers = "An array of technologies were on hand including 3D printers and drones."
    assert answer_problem(question, [("There were 3 local school Maker Clubs on hand.",
                                      whole(printers))]) == \
        "the question asks for a number; the evidence cited gives none"
    clubs = "Three Maker Clubs from local schools were on hand with 3D printers."
    assert answer_problem(question, [("There were three local school Maker Clubs.",
                                      whole(clubs))]) is None


def test_a_share_is_of_what_the_question_says_it_is_of():
    # wikinews_blind40_qa cv34, a near miss: the Aboriginal share of Victoria's residents, given
    # in an interview's answer, answered the share born in Australia.
    article = ("((WN)) What percentage of residents in Melbourne and Victoria are aboriginals?\n\n"
               "((Wayne Tseng)) Melbourne 0.5%, Victoria 1.6%.\n\n"
               "((WN)) Why is the population so low?")
    shares = (article, *sentence_span(article, "Melbourne 0.5%"))
    assert answer_problem("What percentage of Victoria's residents were born in Australia?",
                          [("1.6% were born in Australia.", [shares])]) == \
        "the question asks the share that born in Australia; the evidence cited does not say " \
        "of what its share is"
    assert answer_problem("What percentage of Victoria's residents are Aboriginal?",
                          [("1.6% are Aboriginal.", [shares])]) is None


def test_a_day_asked_in_a_month_is_not_answered_by_another_month_s():
    # wikinews_blind45_qa da04 (a near miss) was answered with the day of the report.
    question = ("On exactly what date in late October 2019 did Iraq's protests resume after "
                "going quiet for a few weeks?")
    friday = "On Friday, 8 November 2019, the protests filled the streets of Baghdad."
    assert answer_problem(question, [("The protests resumed on Friday, 8 November 2019 [1].",
                                      whole(friday))]) == (
        "the question asks for a day in October; the answer gives one in November")
    resumed = "The protests resumed on October 25 after a lull of three weeks."
    assert answer_problem(question, [("They resumed on October 25 [1].", whole(resumed))]) is None


def test_one_of_a_kind_with_no_name_does_not_say_which():
    # wikinews_quiz_blind26 qz34 (a near miss) was answered with "One MP", a name only inside
    # what the MP said.
    question = "Which MP told the BBC that those who wanted another referendum were a minority?"
    unnamed = 'One MP told the BBC, "Some would like another go at staying in the EU."'
    assert answer_problem(question, [(unnamed + " [1]", whole(unnamed))]) == (
        "the question asks which MP; the answer names none")
    named = 'Conservative MP Nigel Evans told the BBC, "It was always a minority."'
    assert answer_problem(question, [("Nigel Evans [1].", whole(named))]) is None


def test_a_role_held_in_another_body_is_not_the_one_asked_for():
    # wikinews_quiz_blind23 qw33 (a near miss) was answered with Tesco's chief executive for
    # Salling Group's.
    question = "Who was chief executive of Denmark's Salling Group when it bought Tesco Poland?"
    tesco = "Matt Simister, Tesco's CEO for Central Europe, said the company would stay."
    assert answer_problem(question, [("Matt Simister [1].", whole(tesco))]) == (
        "the question asks for the executive; the evidence cited names no executive")
    for salling in ("Per Bank, Salling Group's CEO, said the deal was good.",
                    "Per Bank, the chief executive of Salling Group, said the deal was good.",
                    "Per Bank, the chief executive, said the deal was good."):
        assert answer_problem(question, [("Per Bank [1].", whole(salling))]) is None


def test_a_part_of_a_noun_after_of_counts_that_noun():
    # wikinews_quiz_blind23 qw36 (a near miss) was answered with "two shots" resting on "two
    # of Khan's victims died".
    question = "How many shots did police fire at Usman Khan on London Bridge?"
    victims = "By reports on Saturday, two of Khan's victims died."
    assert answer_problem(question, [("Two shots were fired at Usman Khan [1].",
                                      whole(victims))]) == (
        "the question asks how many shots; the figure two counts victims died")
    shots = "Police fired two of the shots that killed Khan."
    assert answer_problem(question, [("Two shots were fired at Usman Khan [1].",
                                      whole(shots))]) is None


def test_a_clause_of_cause_before_the_question_is_no_question_of_its_own():
    # wikinews_blind47_qa dc23: "who" describes the sultan; the question asks how long.
    assert expected_type("Because the sultan, who died in January, had no children, how long "
                         "did the law allow a council to pick his successor?") == "duration"
    assert expected_type("Although the mayor, who resigned in May, kept his seat, when did "
                         "the council meet?") == "time"


def test_a_noun_of_a_name_before_another_noun_only_qualifies_it():
    # wikinews_quiz_blind29 ec22: a facility is asked for, and "a deicing facility" gives it.
    question = "What airport facility did the bomber strike when it crashed at Hartford?"
    assert expected_type(question) is None
    assert expected_type("Which airport did the bomber take off from?") == "name"
    assert expected_type("Which party leader resigned?") == "name"  # a noun of a name again
    evidence = "The bomber struck a deicing facility as it crashed at the airport."
    assert answer_problem(question, [("It struck a deicing facility.", whole(evidence))]) is None


def test_an_estimate_asked_for_is_given_by_a_round_plural():
    # wikinews_blind47_qa dc31: "dozens" answers "roughly how many"; alone it answers no "how
    # many".
    evidence = "The island has felt dozens of earthquakes since late December."
    answer = [("The island has felt dozens of earthquakes.", whole(evidence))]
    assert answer_problem("Roughly how many earthquakes had the island felt?", answer) is None
    assert answer_problem("How many earthquakes had the island felt?", answer) == (
        "the question asks for a number; the evidence cited gives none")


def test_a_range_is_the_same_figure_whichever_dash_it_is_written_with():
    # wikinews_blind47_qa dc33: the article's en dash, the answer's hyphen.
    evidence = "Currently about 16–17 percent of the region's trade is internal."
    question = "What share of the region's trade is internal?"
    assert answer_problem(question, [("About 16-17 percent of it is internal.",
                                      whole(evidence))]) is None


def test_a_verb_form_right_after_how_many_is_the_counted_noun_s_modifier():
    # wikinews_quiz_blind29 ec36, a near miss: "six catacombs" counts no mummified ibises.
    question = "How many mummified ibises did the researchers sample?"
    evidence = "The team sampled mummified ibises from six separate catacombs."
    assert answer_problem(question, [("They sampled ibises from six separate catacombs.",
                                      whole(evidence))]) == (
        "the question asks how many mummified ibises; the figure six counts separate catacombs")
    counted = "The team sampled 40 mummified ibises."
    assert answer_problem(question, [("They sampled 40 mummified ibises.",
                                      whole(counted))]) is None


def test_a_figure_with_a_unit_must_have_that_unit_where_the_evidence_writes_it():
    # wikinews_quiz_blind29 ec06: "27 days" joins the vote's 27 to the deadline's days.
    question = "How far ahead of the deadline did the parliament vote on the bill?"
    evidence = "The parliament voted 66 to 27 to pass the bill, seven days ahead of the deadline."
    assert answer_problem(question, [("It voted 66 to 27 days ahead of the deadline.",
                                      whole(evidence))]) == (
        "the answer gives 27 days; the evidence writes 27 of something else")
    assert answer_problem(question, [("It voted seven days ahead of the deadline.",
                                      whole(evidence))]) is None
    # The unit a few words on, in the same clause, is the figure's: "12 of his 79 years".
    served = "He has served as bishop since 1998, for 12 of his 79 years."
    assert answer_problem("How long has he served as bishop?",
                          [("He has served for 12 years.", whole(served))]) is None


def test_what_someone_forecast_is_not_what_is():
    # wikinews_blind47_qa dc34, a near miss: the forecast for 2030 is not the current share.
    question = ("What share of trade did the union forecast would take place between member "
                "countries by 2030?")
    current = "Currently about 16 percent of trade takes place between member countries."
    answer = "About 16 percent of trade would take place between member countries by 2030."
    assert answer_problem(question, [(answer, whole(current))]) == (
        "the question asks what was forecast; the evidence cited gives what is")
    forecast = "The union expects 52 percent of trade to take place between members by 2030."
    assert answer_problem(question, [("About 52 percent by 2030.", whole(forecast))]) is None


def test_who_said_the_quoted_words_is_who_the_sentence_holding_them_names():
    # wikinews_quiz_blind29 ec12: the words are the secretary's; the ambassador is cited for
    # other words beside them.
    question = 'Which US official tweeted that the airline "carries weapons across the region"?'
    article = ('The ban began on Monday. "The airline carries weapons across the region," '
               "according to a tweet by US Secretary of State John Miller. US Ambassador Anna "
               'Berg alleged the airline had "caused great suffering".')
    berg = sentence_span(article, "US Ambassador Anna Berg")
    assert answer_problem(question, [("Anna Berg tweeted it.", [(article, *berg)])]) == (
        "the question asks who said the quoted words; where the article writes them, it gives "
        "them to someone other than Anna Berg")
    miller = sentence_span(article, '"The airline carries')
    assert answer_problem(question, [("John Miller tweeted it.", [(article, *miller)])]) is None


def test_a_place_the_article_names_with_its_kind_elsewhere_is_of_that_kind():
    # wikinews_quiz_blind29 ec18: "land at Payam" names an airport where the article writes
    # "Payam International Airport".
    question = "At which airport was the cargo plane supposed to land?"
    article = ("The plane came down between Fath Airport and Payam International Airport. "
               "Officials said many people watched. The crew was supposed to land at Payam.")
    payam = sentence_span(article, "The crew was supposed")
    assert answer_problem(question, [("It was supposed to land at Payam.",
                                      [(article, *payam)])]) is None
    elsewhere = ("The plane came down near Fath. Officials said many people watched. The crew "
                 "was supposed to land at Payam.")
    payam = sentence_span(elsewhere, "The crew was supposed")
    assert answer_problem(question, [("It was supposed to land at Payam.",
                                      [(elsewhere, *payam)])]) == (
        "the question asks for the airport; the evidence cited names no airport")


def test_the_end_of_a_project_is_no_date_it_begins():
    # wikinews_blind46_qa db04, a near miss: "to be completed by" is the other end.
    question = "When is construction of the undersea cable due to begin?"
    evidence = "The undersea cable is to be completed by December 2023."
    assert answer_problem(question, [("Construction is due to begin in December 2023.",
                                      whole(evidence))]) == (
        "the date the evidence cited gives is for the complet (the question asks for the start)")
    begins = "Construction of the undersea cable is to begin in March 2021."
    assert answer_problem(question, [("It is due to begin in March 2021.", whole(begins))]) is None


def test_the_end_a_clause_of_its_own_names_describes_with_an_adverb_between():
    # wikinews_blind46_qa db40, a near miss: "that it reportedly closed" describes the depot;
    # the question asks when it opened.
    question = "In what year did the grocer open the depot that it reportedly closed in June?"
    evidence = "The grocer cut costs by closing stores, including in 2019 its depot."
    assert answer_problem(question, [("The grocer opened the depot in 2019.", whole(evidence))]
                          ) == ("the date the evidence cited gives is for the close (the "
                                "question asks for the start)")
    opened = "The grocer opened its depot in 2009."
    assert answer_problem(question, [("It opened the depot in 2009.", whole(opened))]) is None


def test_a_date_that_only_bounds_a_period_is_no_day_of_the_event():
    # wikinews_quiz_blind26 qz37, a near miss: "until April 13" bounds the judge's order, and
    # says nothing of the day the court ruled against it.
    question = "On what date did the high court rule against the judge's extension of voting?"
    order = "The judge ordered last week that ballots be accepted until April 13."
    assert answer_problem(question, [("The court ruled against it on April 13.", whole(order))]
                          ) == ('the date the evidence cited gives is the end of a period '
                                '("until ..."), not the day of the event asked about')
    ruling = "The high court ruled on April 6 against the judge's extension of voting."
    assert answer_problem(question, [("It ruled on April 6.", whole(ruling))]) is None
    # Asked until when, "until" answers.
    assert answer_problem("Until what date were ballots to be accepted?",
                          [("Until April 13.", whole(order))]) is None


def test_a_phrase_of_when_goes_on_past_of():
    # wikinews_blind46_qa db18, a near miss: "the search of the collapsed apartment block" says
    # when the rescuers were hurt; "48 apartments" counts none of them.
    question = "How many rescuers were injured during the search of the collapsed apartment block?"
    evidence = "The building was home to over 1,000 people; 48 apartments were damaged."
    assert answer_problem(question, [("48 apartments were damaged.", whole(evidence))]) == (
        "the question asks how many rescuers; the figure 48 counts apartments")
    hurt = "Three rescuers were injured during the search."
    assert answer_problem(question, [("Three rescuers were injured.", whole(hurt))]) is None


def test_a_count_in_words_is_the_same_figure_in_digits():
    # wikinews_blind51_qa dg18, a near miss: "10 people were injured" rested on "ten people
    # died", whose figure the kind check did not match to the answer's 10.
    question = "How many people were injured in the second shooting in Ohio?"
    died = whole("The attack came hours later in Ohio, where ten people died.")
    assert answer_problem(question, [("10 people were injured.", died)]) == (
        "the question asks how many injuries; the figure 10 counts deaths")
    hurt = whole("The attack came hours later in Ohio, where ten people were injured.")
    assert answer_problem(question, [("10 people were injured.", hurt)]) is None


def test_an_ordinal_before_a_noun_numbers_it_in_a_series():
    # wikinews_blind51_qa dg30, a near miss: "his first wife" answered with his second.
    question = "Who was the broadcaster's first wife?"
    second = whole("He is survived by his second wife Jane Doe and four daughters.")
    assert answer_problem(question, [("His first wife was Jane Doe.", second)]) == (
        "the question asks about the 1st wife; the evidence cited is about the 2nd wife")
    both = whole("He married Ann Roe, his first wife, in 1962; his second wife Jane Doe "
                 "survives him.")
    assert answer_problem(question, [("His first wife was Ann Roe.", both)]) is None
    # An ordinal of no such noun in the evidence leaves the answer alone.
    plain = whole("He married Ann Roe in 1962.")
    assert answer_problem(question, [("His first wife was Ann Roe.", plain)]) is None


def test_a_year_asked_for_is_not_answered_by_a_decade():
    # wikinews_blind51_qa dg40, a near miss: "in what year" answered with "the 1970s".
    question = "In what year did the Group of Six become the Group of Seven?"
    decade = whole("It grew out of the Group of Six, which started in the 1970s.")
    assert answer_problem(question, [("It became the Group of Seven in the 1970s.",
                                      decade)]) == (
        "the question asks for a year; the evidence cited gives none")
    year = whole("The Group of Six became the Group of Seven in 1976, when Canada joined.")
    assert answer_problem(question, [("It became the Group of Seven in 1976.", year)]) is None


def test_a_year_before_a_noun_dates_that_thing():
    # wikinews_blind51_qa dg04, a near miss: the year of a documentary for the year of a move.
    question = "In what year did the drummer move to South Africa?"
    film = whole("Afterwards he moved to South Africa, and still lived there when the 2012 "
                 "documentary about him was filmed.")
    assert answer_problem(question, [("He moved to South Africa in 2012.", film)]) == (
        "the date the evidence cited gives is the date of something else")
    moved = whole("He moved to South Africa in 2012, after years in Colorado.")
    assert answer_problem(question, [("He moved to South Africa in 2012.", moved)]) is None
    # A thing the question's event names is dated by its year: the election is the electing.
    won = whole("She won the 2016 election by a wide margin.")
    assert answer_problem("In what year was she elected governor?",
                          [("She was elected in 2016.", won)]) is None


def test_the_cause_of_a_death_is_no_cause_of_the_fire():
    # wikinews_quiz_blind33 eg40, a near miss: what killed the victims for what caused the fire.
    question = "What caused the January fire at the escape room, in which five girls died?"
    deaths = whole("Police said all five deaths were caused by carbon monoxide poisoning.")
    assert answer_problem(question, [("The fire was caused by carbon monoxide poisoning.",
                                      deaths)]) == (
        "the question asks what caused the January fire at the escape room; the evidence "
        "cited gives the cause of a death")
    heater = whole("Investigators said the fire was caused by a faulty heater; the five deaths "
                   "were caused by carbon monoxide poisoning.")
    assert answer_problem(question, [("It was caused by a faulty heater.", heater)]) is None
    # Asked what caused the deaths, the cause of death answers.
    assert answer_problem("What caused the deaths of the five girls?",
                          [("They died of carbon monoxide poisoning.", deaths)]) is None


def test_a_fact_asked_of_a_relative_is_not_the_person_s_own():
    # wikinews_quiz_blind32 ef38, a near miss: his own date of death for his mother's.
    question = "On what date did the mother of council member Mohammad Mir-Mohammadi die?"
    his = whole("Mohammad Mir-Mohammadi, a council member, died of COVID-19 on 2 March.")
    assert answer_problem(question, [("His mother died on 2 March.", his)]) == (
        "the question asks about the mother; the evidence cited does not name them")
    hers = whole("Mir-Mohammadi's mother died of COVID-19 on 2 March, days before him.")
    assert answer_problem(question, [("His mother died on 2 March.", hers)]) is None
    # The relative may be named in the sentence before: the window is read.
    before = ("Mir-Mohammadi had lost his mother to the disease. She died on 2 March.")
    assert answer_problem(question, [("His mother died on 2 March.",
                                      [(before, before.index("She"), len(before))])]) is None
    # "Ginger Baker's father" is a relative asked about too.
    baker = whole("Baker was born in Lewisham in 1939 and died in 2019.")
    assert answer_problem("In what year did Ginger Baker's father die?",
                          [("He died in 1939.", baker)]) == (
        "the question asks about the father; the evidence cited does not name them")


def test_a_name_s_words_name_no_event():
    # wikinews_blind48_qa dd40, a near miss: the day he resigned, in a sentence naming the
    # "United States", for the day he appointed a secretary of state.
    question = "On what date did the governor appoint Pedro Pierluisi as secretary of state?"
    resigned = whole("On 2 August 2019 the governor of the United States commonwealth of "
                     "Puerto Rico resigned, and Pedro Pierluisi was sworn in as governor.")
    assert answer_problem(question, [("He appointed him on 2 August 2019.", resigned)]) == (
        "the date the evidence cited gives is the date of something else")
    appointed = whole("On 31 July 2019 the governor appointed Pedro Pierluisi as secretary of "
                      "state.")
    assert answer_problem(question, [("He appointed him on 31 July 2019.", appointed)]) is None


def test_a_number_in_a_name_names_no_event():
    # wikinews_quiz_blind32 ef37, a near miss: when the Bell 206 came down, for when it took
    # off; "206" of its name is no word of its take-off.
    question = "At what time did the Bell 206 helicopter take off before it crashed?"
    down = whole("The Bell 206 came down near Interstate 80 around 13:30 local time.")
    assert answer_problem(question, [("It took off at 13:30.", down)]) == (
        "the date the evidence cited gives is the date of something else")
    off = whole("The Bell 206 helicopter took off from Concord at 13:05 local time.")
    assert answer_problem(question, [("It took off at 13:05.", off)]) is None


def test_a_part_a_range_or_a_kind_of_a_named_thing_is_no_name():
    # wikinews_quiz_blind35 ei30 and wikinews_quiz_blind31 ee03: right answers ("the top
    # floor", a range of prison terms) refused for giving no name.
    assert expected_type("Which part of the Hotel Arpit Palace was damaged by the fire?") is None
    assert expected_type("What range of prison terms did the guidelines call for?") is None
    assert expected_type("Which hotel did the delegation stay at?") == "name"
    assert expected_type("Which areas of the city flooded?") == "name"  # areas have names
    # "Who or what is Naruto?" asks what Naruto is, as "Who is Xie Feng?" does
    # (wikinews_quiz_blind34 eh24).
    assert expected_type("Who or what is Naruto, whose running style they copied?") is None


def test_decades_after_for_say_how_long():
    # wikinews_blind53_qa di13: "for decades" answers "For how long ...?", where the evidence
    # writes it; "for years" and "for many decades" stay too vague.
    evidence = whole("Area 51 has been rumored to be a facility for UFO research for decades.")
    question = "For how long has Area 51 been rumoured to be a facility for UFO research?"
    assert answer_problem(question, [("It has been rumoured to be one for decades.",
                                      evidence)]) is None
    # wikinews_blind53_qa di23: "decades of" the conflict asked about.
    conflict = whole("A referendum in Mindanao could end decades of conflict with the MILF.")
    assert answer_problem("For how long had Mindanao been in conflict with the MILF?", [(
        "It had been in conflict with the MILF for decades.", conflict)]) is None
    vague = whole("Area 51 has been rumored to be a facility for UFO research for years.")
    assert answer_problem(question, [("It has been rumoured to be one for years.", vague)]) == (
        "the question asks for a duration; the evidence cited gives none")


def test_an_answer_must_go_beyond_what_the_question_sets_aside():
    # wikinews_blind53_qa di08, a near miss, was answered with the university the question
    # sets aside, by its short name.
    evidence = whole("Researchers mostly from Pennsylvania State University (Penn State) in "
                     "the U.S. reported the invention of a new coating.")
    question = ("Besides Pennsylvania State University, which universities were the researchers "
                "from?")
    assert answer_problem(question, [(
        "Pennsylvania State University (Penn State) was one of the researchers' universities.",
        evidence)]) == ("the question asks for more than Pennsylvania State University; the "
                        "answer names only that")
    others = whole("Researchers from Penn State and Kyoto University reported the coating.")
    assert answer_problem(question, [("They were from Kyoto University.", others)]) is None


def test_a_figure_set_off_after_the_number_of_counts_that_noun():
    # wikinews_blind52_qa dh06, a near miss, was answered "102 first-term members" from the
    # number of women.
    evidence = whole("The 116th U.S. Congress has the greatest number of women, 102, and "
                     "people of color in the country's history.")
    question = "How many first-term members joined the House with the 116th Congress?"
    assert answer_problem(question, [("102 first-term members joined the House.", evidence)]) == (
        "the question asks how many first-term members; the figure 102 counts women")
    assert answer_problem("How many women serve in the 116th Congress?",
                          [("102 women serve in it.", evidence)]) is None


def test_who_was_the_mayor_needs_evidence_that_names_a_mayor():
    # wikinews_quiz_blind35 ei33, a near miss, was answered with the state's governor.
    evidence = whole("Kelly, then-New Jersey Governor Chris Christie's deputy chief of staff, "
                     "was convicted over the lane closures in Fort Lee.")
    assert answer_problem("Who was the mayor of Fort Lee at the time of the lane closures?",
                          [("The mayor was Chris Christie.", evidence)]) == (
        "the question asks for the mayor; the evidence cited names no mayor")
    named = whole("The closures were meant to punish Fort Lee Mayor Mark Sokolich.")
    assert answer_problem("Who was the mayor of Fort Lee at the time of the lane closures?",
                          [("The mayor was Mark Sokolich.", named)]) is None


def test_what_type_of_thing_is_not_answered_by_the_thing_alone():
    # wikinews_quiz_blind34 eh40, a near miss, was answered "A gun was used".
    evidence = whole("Four teenagers were injured when a gunman opened fire with a gun at a "
                     "graduation party in Clairton.")
    question = "What type of gun was used in the shooting at the graduation party in Clairton?"
    assert answer_problem(question, [("A gun was used in the shooting.", evidence)]) == (
        "the question asks what type of gun; the answer names none")
    rifle = whole("The gunman opened fire with a semi-automatic gun at the party in Clairton.")
    assert answer_problem(question, [("A semi-automatic gun was used.", rifle)]) is None


def test_where_is_answered_by_a_spot_the_evidence_writes():
    # wikinews_quiz_blind26 qz29: "in its car park" answers where the bomb went off, though
    # it names no place; wikinews_quiz_blind29 ec39, a near miss: a day, or an age, is no spot.
    evidence = whole("The first bomb exploded inside the cathedral during Mass, and the second "
                     "went off in the cathedral's car park.")
    question = "Where did the second of the twin bombs at Jolo Cathedral go off?"
    assert answer_problem(question, [("The second bomb went off in its car park.",
                                      evidence)]) is None
    died = whole("U.S. heiress Gloria Vanderbilt died on Monday at the age of 95.")
    assert answer_problem("Where did Gloria Vanderbilt die?", [(
        "Gloria Vanderbilt died on Monday at the age of 95.", died)]) == (
        "the question asks for a name; the evidence cited gives none")


def test_what_type_of_reads_the_noun_before_the_verb():
    # wikinews_quiz_blind32 ef20: "Which type of Japanese aircraft ...?" asks of aircraft, which
    # "The Japanese Nakajima B5N carrier bomber" answers.
    evidence = whole("A Japanese Nakajima B5N carrier bomber attacked the submarine.")
    assert answer_problem("Which type of Japanese aircraft attacked the submarine?", [(
        "A Nakajima B5N carrier bomber attacked it.", evidence)]) is None


def test_a_name_that_spells_out_the_question_s_initialism_is_no_new_name():
    # wikinews_quiz_blind32 ef31, a near miss, was answered with the "US Department of Defense"
    # the question names, spelled out as "the United States Department of Defense".
    evidence = whole("On July 31, multiple news outlets reported him to be dead citing sources "
                     "within the United States Department of Defense.")
    question = ("Which news outlet first reported, citing US Department of Defense sources, his "
                "death?")
    assert answer_problem(question, [(
        "The United States Department of Defense reported his death.", evidence)]) == (
        "the question asks for a name; the evidence cited gives none")


def test_a_channel_or_a_handle_is_a_name():
    # wikinews_quiz_blind36 ej14: "#ohjelmointiputka" names the channel asked for.
    evidence = whole("About a week later he published it on #ohjelmointiputka, a public "
                     "programming channel on IRCnet.")
    assert answer_problem("On which public programming channel on IRCnet did he publish it?", [(
        "He published it on #ohjelmointiputka.", evidence)]) is None


def test_how_long_had_someone_been_in_a_role_when_something_happened():
    # wikinews_quiz_blind36 ej01: the clause of "when" ends the period, and the period's own
    # words are only the role's name.
    evidence = whole("Aparna Garg — who has been the Divisional Railway Manager (DRM) for "
                     "Mysore Division for almost two years — discussed this initiative with "
                     "Wikinews.")
    question = ("How long had Aparna Garg been the Divisional Railway Manager of the Mysore "
                "Division when she spoke to Wikinews about the all-women crew?")
    assert answer_problem(question, [(
        "She had been the Divisional Railway Manager for almost two years.", evidence)]) is None


def test_a_ratio_is_no_count_and_a_volume_is_a_figure():
    # wikinews_blind54_qa dj18, a near miss: "about 1.5 adult males for every adult female"
    # counts no breeding pairs.
    evidence = whole("In 2019 there were about 1.5 adult male penguins for every adult female "
                     "at Punta Tombo.")
    assert answer_problem("How many breeding pairs of penguins nest at Punta Tombo?", [(
        "There were about 1.5 adult male penguins for every adult female.", evidence)]) == (
        "the question asks for a number; the evidence cited gives none")
    # wikinews_blind54_qa dj22, a near miss answered "The volume ... was discussed".
    bottles = whole("The team grew E. coli in custom-made sealed bottles.")
    assert answer_problem("What was the volume of the sealed bottles the team used?", [(
        "The volume of the bottles was discussed with Wikinews.", bottles)]) == (
        "the question asks for a number; the evidence cited gives none")


def test_a_word_that_only_adds_to_a_count_names_no_other_kind():
    # wikinews_quiz_blind39 em12: "158 different species" counts the frog species asked.
    evidence = whole("Here, researchers evaluated CT scans on 158 different species.")
    assert answer_problem("CT scans of how many frog species did researchers evaluate?", [(
        "Researchers evaluated CT scans on 158 different species.", evidence)]) is None
    # A word that says which of them: the count of others.
    evidence = whole("Here, researchers evaluated CT scans on 158 living species.")
    assert answer_problem("CT scans of how many frog species did researchers evaluate?", [(
        "Researchers evaluated CT scans on 158 living species.", evidence)]) is not None


def test_a_question_word_after_up_to_is_where_the_question_asks():
    # wikinews_quiz_blind39 em22: the "when" of the clause after it asks nothing.
    question = ("According to the minister, up to how many floors had the hotel been built, "
                "when buildings in Delhi may only have four?")
    assert expected_type(question) != "time"
    assert expected_type(question.replace("up to how many floors", "when")) == "time"


def test_a_figure_for_another_year_answers_nothing():
    # wikinews_quiz_blind39 em34, a near miss: the forecast for 2019, asked the one for 2020.
    evidence = whole('"In mid-August, the government lowered the economic growth forecast for '
                     '2019 to 0 – 1%", she said.')
    question = "To what range did the government lower its economic growth forecast for 2020?"
    assert answer_problem(question, [(
        "The government lowered the growth forecast to 0 – 1%.", evidence)]) == (
        "the question asks about the forecast for 2020; the evidence cited gives the forecast "
        "for 2019")
    assert answer_problem(question.replace("2020", "2019"), [(
        "The government lowered the growth forecast to 0 – 1%.", evidence)]) is None


def test_a_count_of_an_outcome_is_no_count_of_those_a_question_s_verb_says():
    # wikinews_blind57_qa dm14, a near miss: those infected, asked those stationed there.
    evidence = whole("The Chilean Armed Forces said on Sunday, the 36 people infected "
                     "included 26 army personnel.")
    question = "How many people in total were stationed at the base?"
    assert answer_problem(question, [("36 people were stationed at the base.", evidence)]) == (
        "the question asks how many people in total were stationed at the base; the figure 36 "
        "counts cases")
    # Where the evidence says they were stationed there, the count is theirs.
    stationed = whole("The 36 people stationed at the base were infected.")
    assert answer_problem(question, [("36 people were stationed at the base.", stationed)]) \
        is None


def test_a_long_description_set_off_after_a_name_dates_nothing_it_says():
    # wikinews_blind57_qa dm04, a near miss: the year he founded the party, asked the year he
    # left Newsweek, which the description of him names.
    said = ('Hammons, a former Newsweek manager and owner of the website "Bill\'s List", '
            'founded the Unity Party in 2004.')
    question = "In what year did Bill Hammons leave his job as a manager at Newsweek?"
    assert answer_problem(question, [("He left his job at Newsweek in 2004.", whole(said))]) == (
        "the date the evidence cited gives is the date of something else")
    left = "Hammons, a former Newsweek manager, left his job as manager there in 2004."
    assert answer_problem(question, [("He left his job at Newsweek in 2004.", whole(left))]) \
        is None


def test_a_singular_in_ss_and_what_someone_did_ask_for_no_names():
    # wikinews_quiz_blind29 ec24: "business" is no plural; "a landscaping business" answers.
    evidence = whole("McArthur also ran a small landscaping business.")
    assert answer_problem("Besides selling socks, what business did McArthur run?", [(
        "McArthur ran a landscaping business.", evidence)]) is None
    # wikinews_quiz_blind32 ef25: "What did some members ... claim?" asks what they claimed.
    claimed = whole("Some members of opposition parties have claimed violent protesters were "
                    "sent by the government.")
    assert answer_problem("What did some members of the opposition parties claim about the "
                          "violent protesters?", [(
                              "Some members claimed the protesters were sent by the government.",
                              claimed)]) is None
    # "Which colonies ...?" still asks which.
    assert answer_problem("Which colonies of the species are growing?", [(
        "Some colonies of the species are growing.", whole("Some colonies of the species are "
                                                           "growing."))]) is not None


def test_a_year_shaped_figure_before_a_plural_noun_counts_it():
    # wikinews_blind49_qa de17: "1885 aftershocks" is a count, not the year 1885.
    evidence = whole("As of Wednesday, 1885 aftershocks had occurred since the earthquake.")
    question = "How many aftershocks had followed the earthquake by Wednesday?"
    assert answer_problem(question, [("1885 aftershocks had followed it.", evidence)]) is None
    # "the 2019 elections" is a year.
    elections = whole("Turnout fell in the 2019 elections.")
    assert answer_problem("How many elections were held?", [(
        "2019 elections were held.", elections)]) is not None


def test_a_possessive_year_before_a_title_gives_the_year():
    # wikinews_blind51_qa dg03: "2014's Why?" gives the year his last recording came out.
    evidence = whole("Baker's last recording was 2014's Why? solo album.")
    question = "In what year was Ginger Baker's last recording released?"
    assert answer_problem(question, [("His last recording was released in 2014.", evidence)]) \
        is None
    decade = whole("Baker's best recordings were from the 1970's.")
    assert answer_problem(question, [("His last recording was released in the 1970's.",
                                      decade)]) is not None


def test_a_state_of_a_thing_is_no_state_s_name():
    # wikinews_quiz_blind30 ed15: "At what state of the tide" asks a condition ("low tide").
    assert expected_type("At what state of the tide does the aquifer produce its seeps?") \
        is None
    assert expected_type("Which state of India was the suspect arrested in?") == "name"
    assert expected_type("Which state of the US held the first caucus?") == "name"


def test_a_vague_number_of_the_kind_asked_names_none():
    # wikinews_quiz_blind41 eo34, a near miss: "Which group organised the rally?"
    evidence = whole("Several conservative groups organised the rally at Freedom Plaza.")
    assert answer_problem("Which group organised the rally at Freedom Plaza?", [(
        "Several conservative groups organised the rally.", evidence)]) == (
        "the question asks which group; the answer names none")
    named = whole("The rally at Freedom Plaza was organised by Women for America First.")
    assert answer_problem("Which group organised the rally at Freedom Plaza?", [(
        "Women for America First organised the rally.", named)]) is None


def test_a_role_qualified_by_a_party_names_no_one():
    # wikinews_quiz_blind41 eo36, a near miss: "Whom did Conyers defeat?"
    evidence = whole("Conyers, the former Democratic Dean of the House, first won in 1964 by "
                     "108 votes over his Democratic opponent.")
    assert answer_problem("Whom did John Conyers defeat by 108 votes in 1964?", [(
        "John Conyers defeated his Democratic opponent by 108 votes.", evidence)]) == (
        "the question asks for a name; the evidence cited gives none")



def test_a_date_after_a_description_set_off_by_dashes_dates_the_sentence_s_event():
    # wikinews_quiz_blind42 ep24: "— in 2014." ends the clause of "was awarded".
    question = "In what year was Nickey Iyambo awarded the Most Brilliant Order of the Sun?"
    evidence = whole("He was awarded the Most Brilliant Order of the Sun — a high national "
                     "honor conferred by the president of Namibia — in 2014.")
    assert answer_problem(question, [("Iyambo was awarded the order in 2014.", evidence)]) \
        is None
    # The description dates nothing it says (wikinews_quiz_blind36 ej37, a near miss).
    assert answer_problem("In what year did Iyambo become vice-president of Namibia?", [(
        "Iyambo became vice-president in 2014.", evidence)]) == (
        "the date the evidence cited gives is the date of something else")


def test_a_source_s_initials_between_its_name_and_its_verb_credit_the_figure_to_it():
    # wikinews_quiz_blind42 ep26: "United States Geological Survey (USGS) reported 5.8".
    evidence = whole("Phivolcs reported the earthquake's magnitude was 5.5; United States "
                     "Geological Survey (USGS) reported 5.8.")
    question = "What magnitude did the United States Geological Survey report for the quake?"
    assert answer_problem(question, [("The USGS reported a magnitude of 5.8.", evidence)]) \
        is None
    assert answer_problem(question, [("The USGS reported a magnitude of 5.5.", evidence)]) == (
        "the question asks for United States Geological Survey's figure; the evidence cited "
        "gives 5.5 as Phivolcs's")


def test_how_many_of_a_group_were_some_kind_counts_that_kind():
    # wikinews_blind60_qa dp06, a near miss: "56 deaths" says not how many were women.
    question = ("How many of the people killed in the stampede during the funeral procession "
                "in Kerman were women?")
    evidence = whole("The stampede in Kerman resulted in at least 56 deaths.")
    assert answer_problem(question, [("56 women were killed in the stampede.", evidence)]) == (
        "the question asks how many women; the figure 56 counts deaths")
    women = whole("Of those killed in the stampede in Kerman, 31 were women.")
    assert answer_problem(question, [("31 women were killed in the stampede.", women)]) is None


def test_a_designation_with_a_figure_names_no_one():
    # wikinews_blind60_qa dp08, a near miss: "who" answered by a sentence naming the disease.
    question = "Who was the lead author of the report suggesting the virus may spread like flu?"
    evidence = whole("The report said SARS-CoV-2, which causes COVID-19, may spread like flu.")
    assert answer_problem(question, [(
        "The report suggested that SARS-CoV-2, the coronavirus that causes COVID-19, may "
        "spread like flu.", evidence)]) == (
        "the question asks for a name; the evidence cited gives none")
    named = whole("The report, led by Dr. Li Wen, said the virus may spread like flu.")
    assert answer_problem(question, [("Dr. Li Wen led the report.", named)]) is None


def test_a_reason_someone_gave_is_answered_by_what_they_said():
    # wikinews_blind60_qa dp24, a near miss: when she announced the vote is no reason for it.
    question = "What reasons did Speaker Pelosi give, in her letter, for holding the vote?"
    evidence = whole("Pelosi announced the upcoming vote in a letter to Democratic members. She "
                     "said the vote would eliminate any doubt about the inquiry.")
    assert answer_problem(question, [("Pelosi announced the vote in a letter to members.",
                                      evidence)]) == (
        "the question asks for a cause; the answer gives none")
    assert answer_problem(question, [(
        "Pelosi said the vote would eliminate any doubt about the inquiry.", evidence)]) is None


def test_a_figure_of_the_last_election_is_not_the_by_election_s():
    # wikinews_blind60_qa dp34, a near miss.
    question = "What share of the vote did the party win in the Groom by-election in November 2020?"
    evidence = whole("At the last federal election, the party won this seat by over 70% of the "
                     "vote, and it has held the seat since 1984.")
    assert answer_problem(question, [("The party won 70% of the vote.", evidence)]) == (
        "the figure the evidence cited gives is that of the last federal election, an earlier "
        "one")
    now = whole("The party won the by-election with 61% of the vote, down from 70% at the last "
                "federal election.")
    assert answer_problem(question, [("The party won 61% of the vote.", now)]) is None


def test_an_opening_day_dates_the_report_when_the_event_is_named_only_in_what_it_says():
    # wikinews_quiz_blind42 ep36, a near miss: Saturday is when Trump said so.
    question = "On what date was Hamza bin Laden killed in the counter-terrorism operation?"
    evidence = whole("On Saturday, in a brief but official statement, US President Donald "
                     "Trump said Hamza bin Laden has been killed in a counter-terrorism "
                     "operation.")
    assert answer_problem(question, [("Hamza bin Laden was killed on Saturday.", evidence)]) \
        == "the date the evidence cited gives is when it was said, not when it happened"
    killed = whole("On Saturday, US forces killed Hamza bin Laden in a counter-terrorism "
                   "operation, Trump said.")
    assert answer_problem(question, [("Hamza bin Laden was killed on Saturday.", killed)]) \
        is None


def test_a_state_is_no_city():
    # wikinews_blind61_qa dq04, a near miss: "from his home in Vermont".
    question = "From which city did Bernie Sanders livestream his announcement?"
    evidence = whole("Senator from Vermont Bernie Sanders ended his bid in a livestream.")
    assert answer_problem(question, [("Sanders livestreamed it from his home in Vermont.",
                                      evidence)]) == (
        "the question asks for a city; the answer names only Vermont")
    burlington = whole("Sanders spoke in a livestream from Burlington, Vermont.")
    assert answer_problem(question, [("Sanders livestreamed it from Burlington, Vermont.",
                                      burlington)]) is None


def test_between_which_places_asks_for_names():
    # wikinews_quiz_blind43 eq16: answered with where the recorders were found.
    assert expected_type("Between which two places was Lion Air Flight 610 flying?") == "name"
    assert expected_type("What place did she finish in?") is None


def test_a_count_credited_before_an_alternative_is_that_source_s():
    # wikinews_blind55_qa dk22, a near miss: 214 is by NBC's reckoning, 290 by the AP's.
    evidence = whole("That gave a total by NBC's reckoning of 279 electoral votes to Trump's "
                     "214, or 290 electoral votes by AP's reckoning.")
    question = "By the Associated Press's reckoning, how many electoral votes did Trump have?"
    assert credited_problem(question, [("Trump had 214 electoral votes.", evidence)]) == (
        "the question asks for Associated Press's figure; the evidence cited gives 214 as "
        "NBC's")
    assert credited_problem(question, [("Biden had 290 electoral votes.", evidence)]) is None


def test_how_many_after_three_clauses_of_attribution_asks_for_a_count():
    # wikinews_quiz_blind44 er01 was answered with a share: the question's form was read past
    # two leading clauses only.
    question = ("According to Aparna Garg, the Divisional Railway Manager of the Mysore "
                "Division, interviewed by Wikinews in March 2020, about how many women were "
                "among the division's roughly 6,900 employees?")
    assert expected_type(question) == "number"
    share = "Mysore Division, we have ten percent only women employees."
    assert answer_problem(question, [("About 10% of the employees were women.",
                                      whole(share))]) == (
        "the question asks for a number; the evidence cited gives none")
    count = "Out of a total of, say, 6900 employees, we have around 650."
    assert answer_problem(question, [("Around 650 were women.", whole(count))]) is None


def test_a_share_is_no_measure_of_an_area():
    # wikinews_quiz_blind44 er28 was answered with how much the population grew.
    question = "How large an area did the monarch butterflies occupy in the 2019 count?"
    grew = "The monarch butterfly population counted was 144% greater than last year."
    assert answer_problem(question, [("The population was 144% greater [1].", whole(grew))]) \
        == "the question asks for a number; the evidence cited gives none"
    area = "The butterflies covered 6.05 hectares, up from 2.48 hectares the year before."
    assert answer_problem(question, [("They covered 6.05 hectares [1].", whole(area))]) is None
    # A rate or a growth may answer "how high" or "how fast".
    assert answer_problem("How fast did the population grow?",
                          [("It grew 144% [1].", whole(grew))]) is None


def test_a_figure_that_is_needed_does_not_answer_how_many_were_won():
    # wikinews_quiz_blind44 er35, a near miss, was answered with the delegates needed.
    needed = ("For a candidate to win the Democratic Party's nomination, a total of at least "
              "1,991 delegates are needed.")
    answer = "Joe Biden won 1,991 delegates in the Michigan primary."
    assert answer_problem("How many delegates did Joe Biden win in the Michigan primary?",
                          [(answer, whole(needed))]) == (
        "the evidence cited gives what may, will or must happen, not what happened")
    # Asked what is needed, it answers; a figure with a comma is no year.
    assert answer_problem("How many delegates are needed to win the nomination?",
                          [("At least 1,991 delegates are needed.", whole(needed))]) is None
    won = "Biden won 1,991 delegates by the end of the primaries."
    assert answer_problem("How many delegates did Joe Biden win in the Michigan primary?",
                          [(answer, whole(won))]) is None


def test_the_source_a_date_question_names_is_no_word_of_its_event():
    # wikinews_blind62_qa dr06, a near miss, was answered with the day an email was sent:
    # "reportedly" met the "reports" of the question's source.
    question = ("On what date was the misconfigured bucket of Facebook user data finally "
                "secured, according to the April 2019 reports on the 540 million records?")
    emailed = ("UpGuard reportedly sent an email to Cultura Colectiva on January 10, and again "
               "on January 14, but received no response.")
    answer = "The bucket was finally secured on January 14."
    assert answer_problem(question, [(answer, whole(emailed))]) == (
        "the date the evidence cited gives is the date of something else")
    secured = "The bucket of user data was finally secured on February 21."
    assert answer_problem(question, [("It was secured on February 21.", whole(secured))]) \
        is None


def test_which_counties_needs_a_county_named():
    # wikinews_blind62_qa dr26, a near miss, was answered with a city the storm neared.
    question = "Which Florida counties were placed under a tropical storm watch in July 2019?"
    assert asked_role(question) == "county"
    city = "The depression was 120 miles southeast of Florida's West Palm Beach."
    assert answer_problem(question, [("Palm Beach and West Palm Beach [1].", whole(city))]) \
        == "the question asks for the county; the evidence cited names no county"
    watch = "A tropical storm watch was issued for Palm Beach and Martin counties."
    assert answer_problem(question, [("Palm Beach and Martin counties [1].", whole(watch))]) \
        is None
    # A county in a name only qualifies the noun asked for.
    assert asked_role("Which two Westchester County cities formed the epicenter?") is None


def test_a_lead_author_must_be_named_as_such():
    # wikinews_blind62_qa dr18, a near miss, was answered with a co-author.
    question = "Who was the lead author of the October 2019 Science Advances study?"
    coauthor = ('"Now we\'re seeing a new process," said study co-author Ted Scambos of CU '
                "Boulder.")
    assert answer_problem(question, [("The lead author was Ted Scambos [1].",
                                      whole(coauthor))]) == (
        "the question asks for the lead author; the evidence cited names no lead author")
    lead = "The study's lead author, Daniel Paluh, is a PhD candidate."
    assert answer_problem(question, [("Daniel Paluh was the lead author [1].", whole(lead))]) \
        is None


def test_the_occasion_of_a_report_is_no_word_of_the_event_asked_about():
    # wikinews_blind63_qa ds03 was answered with the day Trump spoke, which the question
    # names only as when the shutdown's start was reported.
    question = ("On what date did the partial US government shutdown begin, as reported in "
                "January 2019 when President Donald Trump said he may declare a national "
                "emergency?")
    spoke = ("President Donald Trump said on Friday (4 January 2019) he may declare a national "
             "state of emergency.")
    answer = "The partial US government shutdown began on January 4, 2019."
    assert answer_problem(question, [(answer, whole(spoke))]) == (
        "the date the evidence cited gives is the date of something else")
    began = "The partial government shutdown began on December 22, last year."
    assert answer_problem(question, [("It began on December 22 [1].", whole(began))]) is None


def test_a_date_of_what_the_other_clause_s_person_did_is_no_answer():
    # wikinews_blind63_qa ds14, a near miss, was answered with the day Warren endorsed Biden.
    question = ("On what date did former US president Barack Obama announce his endorsement of "
                "Joe Biden, shortly before Elizabeth Warren endorsed Biden in April 2020?")
    warren = ("Former US presidential candidate Elizabeth Warren announced yesterday (15 April "
              "2020) she was endorsing Joe Biden.")
    answer = "On April 15, 2020, Barack Obama announced his endorsement of Joe Biden."
    assert answer_problem(question, [(answer, whole(warren))]) == (
        "the date the evidence cited gives is the date of something else")
    obama = "Barack Obama announced on April 14 that he was endorsing Joe Biden."
    assert answer_problem(question, [("On April 14 [1].", whole(obama))]) is None


def test_a_body_named_only_as_another_person_s_is_no_answer():
    # wikinews_quiz_blind43 eq36 and wikinews_quiz_blind45 es31, the same near miss, were
    # answered with the university of the professor who spoke of Conway's illness.
    question = ("At which university was English mathematician John Horton Conway a professor "
                "when he died in April 2020?")
    wang = ("Princeton University neuroscience professor Sam Wang stated that Conway developed a "
            "fever on Wednesday.")
    assert answer_problem(question, [(wang, whole(wang))]) == (
        "the answer names Princeton University only as another person's, not the one asked "
        "about")
    own = "Conway was a professor at Princeton University until he retired."
    assert answer_problem(question, [("Conway was a professor at Princeton University [1].",
                                      whole(own))]) is None


def test_the_initialism_of_a_place_the_event_starts_from_names_no_event():
    # wikinews_blind48_qa dd28, a near miss, was answered with the day the astronauts docked:
    # "ISS" stood for the question's "International Space Station", a place, not the event.
    question = ("On what date were the astronauts scheduled to return to Earth from the "
                "International Space Station?")
    docking = ("Behnken and Hurley are slated to catch up to the ISS for a stay of one to four "
               "months, docking today (31 May 2020).")
    answer = "They were scheduled to return on May 31, 2020."
    assert answer_problem(question, [(answer, whole(docking))]) == (
        "the date the evidence cited gives is the date of something else")
    # The initialism of the thing the event names still names it.
    award = "He was the 2008 NBA MVP, voted on May 6, 2008."
    assert answer_problem("On what date was Kobe Bryant named the NBA's Most Valuable Player?",
                          [("He was named on May 6, 2008 [1].", whole(award))]) is None


def test_a_time_ago_is_no_length_of_what_was_asked():
    # wikinews_quiz_blind47 eu30 was answered "took three years" from when the machine was made.
    question = ("How long did Franky Zapata's crossing of the English Channel on his Flyboard "
                "Air take?")
    made = ('Upon arrival, Zapata told reporters, "We made a machine three years ago, and now we '
            'have crossed the Channel."')
    assert answer_problem(question, [("Zapata's crossing of the English Channel took three "
                                      "years [1].", whole(made))]) == (
        "the question asks for a duration; the evidence cited gives none")
    crossed = "Zapata crossed the English Channel in 22 minutes, with one refuelling stop."
    assert answer_problem(question, [("The crossing took 22 minutes [1].", whole(crossed))]) \
        is None


def test_a_body_the_question_names_by_its_initialism_is_no_name_given():
    # wikinews_blind65_qa du40, a near miss, was answered with PG&E, which the question names.
    question = ("Which company operated the helicopter that crashed near Fairfield while under "
                "contract to PG&E?")
    contract = ("A helicopter under contract to Pacific Gas and Electric (PG&E) crashed near "
                "Fairfield, California.")
    assert answer_problem(question, [("Pacific Gas and Electric (PG&E) operated the helicopter "
                                      "that crashed near Fairfield [1].", whole(contract))]) == (
        "the question asks for a name; the evidence cited gives none")
    operator = "The Bell 206, operated by Rotor Aviation under contract to PG&E, crashed."
    assert answer_problem(question, [("Rotor Aviation operated it [1].", whole(operator))]) \
        is None


def test_the_whole_a_question_counts_part_of_is_no_other_count():
    # wikinews_blind64_qa dt39, a right answer, was refused: the question's own "six delegates"
    # was read as the evidence's count of what Sanders secured.
    question = "How many of the Northern Mariana Islands' six delegates did Bernie Sanders secure?"
    secured = "Of the territory's six delegates, Sanders secured four with about 63% of the vote."
    assert answer_problem(question, [("Sanders secured four of the Northern Mariana Islands' "
                                      "six delegates [1].", whole(secured))]) is None
    # A figure the question does not give is still the asked noun's own count.
    both = "Sanders secured six delegates, and Biden four."
    assert answer_problem("How many delegates did Bernie Sanders secure?",
                          [("Sanders secured four delegates [1].", whole(both))]) == (
        "the question asks how many delegates; the evidence counts them as six, not four")


def test_the_subject_of_when_did_names_no_word_of_the_event():
    # wikinews_blind64_qa dt12, a near miss, was answered with the day the man was confirmed
    # infected, for the day he first developed symptoms.
    question = "On what date did the man from Starnberg district first develop symptoms?"
    isolated = "On 27 January 2020 a man from Starnberg district was isolated in a Munich hospital."
    assert answer_problem(question, [("The man first developed symptoms on 27 January 2020 [1].",
                                      whole(isolated))]) == (
        "the date the evidence cited gives is the date of something else")
    symptoms = "The man from Starnberg district first developed symptoms on 24 January 2020."
    assert answer_problem(question, [("He first developed symptoms on 24 January 2020 [1].",
                                      whole(symptoms))]) is None


def test_how_long_a_noun_names_its_event_by_the_noun():
    # wikinews_quiz_blind41 eo18 was answered with the prison term the sentencing called for,
    # for how long a period of supervision after release was mandated.
    question = ("How long a period of supervision after release was mandated for Dr Joel "
                "Smithers?")
    term = "Mandatory sentencing called for at least 20 years in prison and up to life in prison."
    assert answer_problem(question, [("Supervision was mandated for at least 20 years [1].",
                                      whole(term))]) == (
        "the duration the evidence cited gives is the duration of something else")
    release = "He will be under supervision for three years after his release."
    assert answer_problem(question, [("Three years of supervision after release [1].",
                                      whole(release))]) is None


def test_a_description_with_the_after_a_name_names_no_event():
    # wikinews_blind46_qa db28, a near miss, was answered with the year Pogue was convicted:
    # "the founder of Pogue Construction" describes him and dates no founding.
    question = "In what year did Paul Pogue found Pogue Construction?"
    convicted = ("Pogue, the founder of Pogue Construction, was convicted of submitting a false "
                 "tax return in 2010.")
    assert answer_problem(question, [("Pogue founded Pogue Construction in 2010 [1].",
                                      whole(convicted))]) == (
        "the date the evidence cited gives is the date of something else")
    # A description of the day still dates the event it names.
    funeral = "On May 3, the day of the funeral, crowds gathered."
    assert answer_problem("On what date was the funeral held?",
                          [("The funeral was held on May 3 [1].", whole(funeral))]) is None


def test_a_figure_of_them_counts_what_the_sentence_before_asked_about():
    # wikinews_blind55_qa dk26, a near miss, was answered with the interview's count of the
    # all-women crew, for the women among the officers.
    question = "How many of the 30 officers working under Aparna Garg are women?"
    interview = ("How many employees were there in this all-women crew? ((Aparna Garg)) There "
                 "were fifteen of them.")
    start = interview.index("((Aparna")
    assert answer_problem(question, [("Fifteen of the 30 officers are women [1].",
                                      [(interview, start, len(interview))])]) == (
        "the question asks how many women; the figure fifteen counts employees")
    asked = ("How many of the officers are women? ((Aparna Garg)) There are fifteen of them.")
    start = asked.index("((Aparna")
    assert answer_problem(question, [("Fifteen of the 30 officers are women [1].",
                                      [(asked, start, len(asked))])]) is None


def test_the_most_a_crime_carries_is_no_sentence_received():
    # wikinews_quiz_blind48 ev36, a near miss, was answered "up to 42 years" for the sentence
    # Avenatti received, from what his crimes carry.
    question = "How long a prison sentence did Michael Avenatti receive in February 2020?"
    carry = "Together, the crimes carry a prison term of up to 42 years."
    assert answer_problem(question, [("He received a prison sentence of up to 42 years [1].",
                                      whole(carry))]) == (
        "the question asks for a duration; the evidence cited gives none")
    # Asked for the most he faces, it is the answer.
    assert answer_problem("How long a prison term could Michael Avenatti face?",
                          [("He could face up to 42 years [1].", whole(carry))]) is None


def test_a_role_no_list_holds_must_be_named_as_written():
    # wikinews_blind46_qa db12, a near miss, was answered with her son for the psychotherapist
    # who encouraged Gloria Vanderbilt.
    question = ("Who was the psychotherapist who encouraged Gloria Vanderbilt to explore "
                "creative outlets?")
    son = "Her son Anderson Cooper said she was encouraged to explore creative outlets."
    assert answer_problem(question, [("It was Anderson Cooper [1].", whole(son))]) == (
        "the question asks for the psychotherapist; the evidence cited names no "
        "psychotherapist")
    named = "Her psychotherapist, Dr Jane Roe, encouraged her to explore creative outlets."
    assert answer_problem(question, [("It was Dr Jane Roe [1].", whole(named))]) is None
    # The agent of a verb may be written by the verb: "won" names the winner.
    won = "Jane Roe won the prize on Sunday."
    assert answer_problem("Who was the winner of the prize?",
                          [("Jane Roe was the winner [1].", whole(won))]) is None


def test_the_owner_or_initialism_of_a_name_asked_about_names_no_one():
    # wikinews_blind64_qa dt18, a near miss, was answered without the player's name: "the
    # United States' National Basketball Association (NBA)" restates the question's body.
    question = ("Which Utah Jazz player's positive COVID-19 test led the National Basketball "
                "Association to suspend its season?")
    nba = ("On Wednesday, the United States' National Basketball Association (NBA) suspended "
           "its season. The NBA's decision followed a Utah Jazz player testing positive.")
    answer = ("A Utah Jazz player's positive test led the United States' National Basketball "
              "Association (NBA) to suspend its season [1].")
    assert answer_problem(question, [(answer, whole(nba))]) == (
        "the question asks for a name; the evidence cited gives none")
    named = "Rudy Gobert of the Utah Jazz tested positive, and the NBA suspended its season."
    assert answer_problem(question, [("Rudy Gobert's test led the NBA to suspend it [1].",
                                      whole(named))]) is None


def test_a_place_asked_by_its_event_is_written_with_the_event():
    # wikinews_quiz_blind29 ee39, a near miss, was answered with where the chef was found dead
    # for the town he was born in.
    question = "In which town was Andrea Zamperoni, the head chef found dead in Queens, born?"
    found = "Zamperoni was last seen at Kamway Lodge, a hostel in Queens, on August 21."
    assert answer_problem(question, [("He was at Kamway Lodge in Queens [1].",
                                      whole(found))]) == (
        "the place the evidence cited gives is the place of something else")
    born = "Zamperoni, born in Casalpusterlengo, moved to New York in 2015."
    assert answer_problem(question, [("He was born in Casalpusterlengo [1].", whole(born))]) \
        is None
