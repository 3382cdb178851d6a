"""The answer path, as named stages with typed inputs and outputs, called in order by
`Assistant.stream`:

    condense  -> a follow-up rewritten as a standalone question (chat history)
    timeframe -> the period the question names, resolved against as_of (it only ranks)
    evidence  -> the retrieved chunks turned into numbered sources and their best sentences,
                 formatted for the prompt
    generate  -> the prompt's messages, and the model's reply as it streams
    verify    -> each answer sentence's [n] citations checked against the source text
    checks    -> whether a supported answer answers what was asked (type, quote, speaker)
    decide    -> one place that turns all of it into answered or refused, with a reason

Imports: rag.text, rag.types, rag.prompts, rag.models.llm (the ChatModel protocol) and each
other, in the order above; never rag.index (the stages take its results as plain values),
rag.web or the Assistant.
"""
