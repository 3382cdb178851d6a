"""The answer path, as named stages with typed inputs and outputs, called in order by
`Assistant.stream`:

    condense    -> a follow-up rewritten as a standalone question (chat history)
    timeframe   -> the period the question names, resolved against as_of (it ranks)
    constraints -> what the question requires of the evidence: its date, names, figures,
                   quoted phrase, source ("according to S") and topic ("about Y")
    evidence    -> the retrieved chunks turned into numbered sources and their best
                   sentences, formatted for the prompt (more, from every article, for a list),
                   relative days ("on Friday") resolved against each article's date
                   (`relative_dates`, which the checks below read too)
    select      -> (answer mode cite_first) the evidence sentences the model names, by
                   number, in JSON-schema constrained output; the sources cut down to them
    generate    -> the prompt's messages, and the model's reply as it streams (in cite_first
                   mode, from the selected sentences only)
    verify      -> each answer sentence's [n] citations checked against the source text, on
                   evidence that meets the question's constraints
    checks      -> whether a supported answer gives the kind of thing asked (a date, a name)
    decide      -> one place that turns all of it into answered or refused, with a reason
    review      -> (RAG_REVIEW) the model's second reading, a Yes/No probability: refuses an
                   answer it finds unstated, gives one the word checks refused for an unmet
                   constraint or the wrong kind when it finds it stated
    quotation   -> an answer to "what did S say?" with the quotation its citation opens,
                   verbatim and in full, as a citation of its own
    fallback    -> a refused answer's closest passage, quoted and cited (status partial),
                   when one clearly bears on the question

Imports: rag.text, rag.types, rag.prompts, rag.models.llm (the ChatModel protocol) and each
other, in the order above; never rag.index (the stages take its results as plain values),
rag.web or the Assistant.
"""
