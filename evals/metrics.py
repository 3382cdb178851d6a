"""The eval's metrics: pure functions over one question's outcome, and their aggregation.

Every per-question metric is a number, a bool, or None where it is undefined for that question
(retrieval metrics for a question with no gold source, say); aggregates average over the
questions where it is defined, and record how many that was (`counts`), which the regression
gate uses to tell noise from a real drop.

Retrieval is scored by source file over the ranked chunks: "hit@n" is true when a chunk of a gold
file is among the first n chunks retrieved; "recall@k" when every gold file is among the first k
(the k the system answered with); "mrr@10" is 1/rank of the first chunk of a gold file within the
first 10 (0 when there is none).
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rag.text import figures_as_digits

F1_THRESHOLD = 0.5  # an answer whose token F1 against the reference reaches this is correct
HIT_DEPTHS = (1, 3, 5, 10)
MRR_DEPTH = 10
RANK_DEPTH = max(max(HIT_DEPTHS), MRR_DEPTH)  # chunks retrieved to score the ranking


@dataclass(frozen=True)
class Metric:
    name: str
    group: str
    description: str
    higher_is_better: bool = True
    rate: bool = True  # a share in [0, 1]; latencies and token counts are not
    headline: bool = False  # checked by the regression gate


METRICS: tuple[Metric, ...] = (
    Metric("hit@1", "retrieval", "A chunk of a gold file is ranked first."),
    Metric("hit@3", "retrieval", "A chunk of a gold file is among the first 3."),
    Metric("hit@5", "retrieval", "A chunk of a gold file is among the first 5.", headline=True),
    Metric("hit@10", "retrieval", "A chunk of a gold file is among the first 10."),
    Metric("recall@k", "retrieval", "Every gold file has a chunk among the first k."),
    Metric("mrr@10", "retrieval", "1/rank of the first chunk of a gold file (0 past 10).",
           headline=True),
    Metric("correct", "answers", "Correct: answerable questions answered with a key phrase or "
           f"token F1 >= {F1_THRESHOLD}, unanswerable ones refused.", headline=True),
    Metric("correct_answerable", "answers", "`correct` over the answerable questions only."),
    Metric("key_phrase", "answers", "The answer contains one of the question's key phrases."),
    Metric("token_f1", "answers", "Normalised token F1 of answer against reference."),
    Metric("judge_correct", "answers", "The LLM judge says the answer is correct (when a judge "
           "is configured)."),
    Metric("answered_wrong", "answers", "Share of the questions answered (status answered) whose "
           "answer is wrong: an answerable question answered incorrectly, or an unanswerable one "
           "answered.", higher_is_better=False, headline=True),
    Metric("partial_rate", "answers", "Share of questions given a partial answer (no answer, "
           "the closest passage quoted); counted as refusals below.", higher_is_better=False),
    Metric("refusal_precision", "refusals", "Share of refusals that were on unanswerable "
           "questions."),
    Metric("refusal_recall", "refusals", "Share of unanswerable questions refused.",
           headline=True),
    Metric("false_refusal_rate", "refusals", "Share of answerable questions refused.",
           higher_is_better=False, headline=True),
    Metric("citations_verified", "citations", "Share of all citations whose quote was verified "
           "verbatim in the source.", headline=True),
    Metric("citation_precision", "citations", "Share of a question's cited files that are gold "
           "sources (answerable questions with citations)."),
    Metric("citation_recall", "citations", "Share of a question's gold sources it cited "
           "(answerable questions)."),
    Metric("retrieval_ms_p50", "latency", "Median retrieval time (ms).", False, False),
    Metric("retrieval_ms_p95", "latency", "95th percentile retrieval time (ms).", False, False),
    Metric("total_ms_p50", "latency", "Median time to the whole answer (ms).", False, False),
    Metric("total_ms_p95", "latency", "95th percentile time to the whole answer (ms).",
           False, False),
    Metric("prompt_tokens_mean", "latency", "Mean tokens in the prompt (where the LLM "
           "backend counts them).", False, False),
)
BY_NAME = {m.name: m for m in METRICS}

_MARKER = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans({c: " " for c in string.punctuation + "‘’“”–—…"})
# Any other symbol stands apart from the figure it marks: "₿7300" holds "7300", "€5" "5".
_SYMBOL = re.compile(r"[^\w\s]")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_APOSTROPHES = re.compile(r"['’‘]")


# --- answers -----------------------------------------------------------------------------------
def normalize(text: str) -> str:
    """Lower-case; drop citation markers, possessive 's, apostrophes, punctuation and articles;
    one space."""
    text = _MARKER.sub(" ", text.lower())
    text = _POSSESSIVE.sub("", text)  # "the Red Sea's rights" matches "Red Sea"
    text = _APOSTROPHES.sub("", text)  # "don't" and "don’t" -> "dont"
    text = _ARTICLES.sub(" ", _SYMBOL.sub(" ", text.translate(_PUNCT)))
    return " ".join(text.split())


def token_f1(prediction: str, reference: str) -> float:
    """SQuAD-style token F1 of the normalised texts (1.0 when both are empty)."""
    pred, ref = normalize(prediction).split(), normalize(reference).split()
    if not pred or not ref:
        return float(pred == ref)
    common = 0
    remaining = list(ref)
    for token in pred:
        if token in remaining:
            remaining.remove(token)
            common += 1
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


# British and American spellings of the words news measures and names with: "18 kilometers"
# holds the key phrase "eighteen kilometres" (wikinews_quiz_blind24 qx01; from session 55,
# before which such answers counted as wrong).
_SPELLINGS = re.compile(r"\b(kilo|centi|milli)?(met|lit|cent|theat|fib)re(s?)\b|"
                        r"\b(col|hon|lab|neighb|fav|harb|rum|behavi)our(s?|ed|ing|ite|ites)?\b",
                        re.I)


def _one_spelling(text: str) -> str:
    """`text` with the British spellings of `_SPELLINGS` in American ones."""
    return _SPELLINGS.sub(lambda m: f"{m[1] or ''}{m[2]}er{m[3]}" if m[2]
                          else f"{m[4]}or{m[5] or ''}", text)


_UNIT_NAMES = {"kilometer": "km", "meter": "m", "centimeter": "cm", "millimeter": "mm",
               "kilogram": "kg", "foot": "ft", "feet": "ft", "mile": "mi"}
_UNIT = re.compile(r"\b(\d+) ?(kilometer|meter|centimeter|millimeter|kilogram|mile)s?\b|"
                   r"\b(\d+) ?(feet|foot)\b|\b(\d+)(km|m|cm|mm|kg|ft|mi)\b")
_PLURAL_MEASURE = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                             r"twelve) (year|month|week|day|hour|minute|second|point)s\b")
_SCORE = re.compile(r"\b(\d+) (?:points? )?to (\d+)\b")


def _one_measure(text: str) -> str:
    """Normalised `text` with a measure read one way: a unit by its symbol ("50 meters" and
    "50m" as "50 m"), a unit of time or a point in the singular after its figure ("a 73-month
    term" holds "73 months", "a two-month sentence" "two months"), and a score as its two
    figures ("22-10" holds "22 points to 10"). From session 66, before which such answers
    counted as wrong for both releases."""
    text = _UNIT.sub(lambda m: f"{m[1] or m[3] or m[5]} "
                     f"{_UNIT_NAMES.get(m[2] or m[4] or '', m[2] or m[4] or m[6])}", text)
    return _SCORE.sub(r"\1 \2", _PLURAL_MEASURE.sub(r"\1 \2", text))


def contains_key_phrase(answer: str, phrases: Iterable[str]) -> bool:
    """The normalised answer contains a normalised phrase as whole words, figures read in one
    style on both sides: "17 rockets" holds "Seventeen", "6 feet 5 inches" holds "six feet
    five inches" (`rag.text.figures_as_digits`; from session 54, before which such answers
    counted as wrong), British spellings read as American ones (`_one_spelling`), and
    measures read one way (`_one_measure`)."""
    def read(text: str) -> str:
        return _one_measure(normalize(_one_spelling(text)))
    wanted = {form for phrase in phrases if phrase
              for form in (read(phrase), read(figures_as_digits(phrase))) if form}
    texts = [f" {read(text)} " for text in (answer, figures_as_digits(answer))]
    return any(f" {p} " in text for text in texts for p in wanted)


def answer_metrics(answer: str, refused: bool, reference: str, answerable: bool,
                   key_phrases: Sequence[str] | None, status: str | None = None
                   ) -> dict[str, Any]:
    """correct, key_phrase and token_f1 of one answer (None where undefined).

    A refusal of an answerable question is incorrect; an unanswerable question is answered
    correctly only by refusing, and has no F1 or key phrase. A partial answer (`status`
    "partial": no answer, the closest passage quoted; `refused` is true) counts as a refusal,
    except that on an answerable question it is correct when the passage holds a key phrase
    (never by F1: the passage is not written as an answer).
    """
    if not answerable:
        return {"correct": refused, "key_phrase": None, "token_f1": None}
    if status == "partial":
        held = bool(key_phrases) and contains_key_phrase(answer, key_phrases or [])
        return {"correct": held, "key_phrase": held if key_phrases else None, "token_f1": 0.0}
    f1 = 0.0 if refused else token_f1(answer, reference)
    phrase = None if not key_phrases else (not refused and contains_key_phrase(answer, key_phrases))
    correct = not refused and bool(answer.strip()) and (bool(phrase) or f1 >= F1_THRESHOLD)
    return {"correct": correct, "key_phrase": phrase, "token_f1": round(f1, 4)}


# --- retrieval ---------------------------------------------------------------------------------
def retrieval_metrics(ranked: Sequence[str], gold: Iterable[str], k: int) -> dict[str, Any]:
    """hit@n, recall@k and mrr@10 of a ranking of chunks given by their source files.

    All None when the question has no gold source (nothing to find).
    """
    gold_set = set(gold)
    names = [f"hit@{n}" for n in HIT_DEPTHS] + ["recall@k", f"mrr@{MRR_DEPTH}"]
    if not gold_set:
        return dict.fromkeys(names)
    first = next((rank for rank, src in enumerate(ranked, start=1) if src in gold_set), None)
    result: dict[str, Any] = {f"hit@{n}": first is not None and first <= n for n in HIT_DEPTHS}
    result["recall@k"] = gold_set <= set(ranked[:k])
    result[f"mrr@{MRR_DEPTH}"] = round(1 / first, 4) if first and first <= MRR_DEPTH else 0.0
    return result


# --- citations ---------------------------------------------------------------------------------
def citation_metrics(cited: Sequence[tuple[str, bool]], gold: Iterable[str],
                     answerable: bool) -> dict[str, Any]:
    """Counts and file-level precision/recall of one answer's citations, as (source, verified).

    Files are counted once however often they are cited. Precision is None without citations;
    both are None for an unanswerable question (its refusal is scored elsewhere) and for an
    answerable one that has no gold source.
    """
    gold_set = set(gold)
    files = {source for source, _ in cited}
    result: dict[str, Any] = {
        "citations": len(cited),
        "citations_verified": sum(1 for _, verified in cited if verified),
        "citation_precision": None, "citation_recall": None,
    }
    if answerable and gold_set:
        if files:
            result["citation_precision"] = round(len(files & gold_set) / len(files), 4)
        result["citation_recall"] = round(len(files & gold_set) / len(gold_set), 4)
    return result


# --- aggregation -------------------------------------------------------------------------------
def mean(values: Iterable[float | bool | None]) -> float | None:
    kept = [float(v) for v in values if v is not None]
    return round(sum(kept) / len(kept), 4) if kept else None


def percentile(values: Iterable[float | None], q: float) -> float | None:
    """The q-th percentile (0-100), linearly interpolated as numpy does by default."""
    data = sorted(float(v) for v in values if v is not None)
    if not data:
        return None
    pos = (len(data) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return round(data[low] + (data[high] - data[low]) * (pos - low), 1)


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def refusal_metrics(outcomes: Sequence[tuple[bool, bool]]) -> dict[str, Any]:
    """Precision/recall of refusing, and the false-refusal rate, from (answerable, refused)."""
    refused_unanswerable = sum(1 for a, r in outcomes if r and not a)
    refused = sum(1 for _, r in outcomes if r)
    unanswerable = sum(1 for a, _ in outcomes if not a)
    answerable = len(outcomes) - unanswerable
    return {
        "refusal_precision": _share(refused_unanswerable, refused),
        "refusal_recall": _share(refused_unanswerable, unanswerable),
        "false_refusal_rate": _share(refused - refused_unanswerable, answerable),
    }


def _status(row: dict[str, Any]) -> str:
    """answered, partial or refused (rows of a system without statuses: from `refused`)."""
    return row.get("status") or ("refused" if row["refused"] else "answered")


def aggregate(rows: Sequence[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, int]]:
    """Metrics of one system over its per-question rows, and the questions behind each.

    Each row holds "answerable", "refused" and a "metrics" dict of per-question values.
    """
    ms = [row["metrics"] for row in rows]
    values: dict[str, Any] = {}
    counts: dict[str, int] = {}

    def put(name: str, value: float | None, n: int) -> None:
        values[name], counts[name] = value, n

    for name in [f"hit@{n}" for n in HIT_DEPTHS] + ["recall@k", f"mrr@{MRR_DEPTH}", "correct",
                                                     "key_phrase", "token_f1", "judge_correct",
                                                     "citation_precision", "citation_recall"]:
        got = [m.get(name) for m in ms]
        put(name, mean(got), sum(v is not None for v in got))
    answerable = [m.get("correct") for m, row in zip(ms, rows, strict=True) if row["answerable"]]
    put("correct_answerable", mean(answerable), sum(v is not None for v in answerable))
    # Rows without an answer (a retrieval-only run) have refused None and no refusal outcome.
    outcomes = [(bool(row["answerable"]), bool(row["refused"])) for row in rows
                if row.get("refused") is not None]
    refusals = refusal_metrics(outcomes)
    statuses = [_status(row) for row in rows if row.get("refused") is not None]
    put("partial_rate", _share(statuses.count("partial"), len(statuses)), len(statuses))
    answered = [m.get("correct") for m, row in zip(ms, rows, strict=True)
                if row.get("refused") is not None and _status(row) == "answered"
                and m.get("correct") is not None]
    put("answered_wrong", _share(sum(not c for c in answered), len(answered)), len(answered))
    put("refusal_precision", refusals["refusal_precision"], sum(r for _, r in outcomes))
    put("refusal_recall", refusals["refusal_recall"], sum(not a for a, _ in outcomes))
    put("false_refusal_rate", refusals["false_refusal_rate"], sum(a for a, _ in outcomes))
    total = sum(m.get("citations") or 0 for m in ms)
    put("citations_verified", _share(sum(m.get("citations_verified") or 0 for m in ms), total),
        total)
    for key in ("retrieval_ms", "total_ms"):
        got = [m.get(key) for m in ms]
        n = sum(v is not None for v in got)
        put(f"{key}_p50", percentile(got, 50), n)
        put(f"{key}_p95", percentile(got, 95), n)
    tokens = [m.get("prompt_tokens") for m in ms]
    put("prompt_tokens_mean", mean(tokens), sum(v is not None for v in tokens))
    values["questions"] = len(rows)
    values["errors"] = sum(1 for row in rows if row.get("error"))
    return values, counts
