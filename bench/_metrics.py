"""Scorers for the main-text extraction benchmarks, re-implemented from their descriptions.

Two published metrics are reproduced here so that storyline's figures are directly
comparable with the published tables (``python bench/extract.py --check`` proves it by
re-scoring the saved outputs of other extractors).

scrapinghub_score -- the Scrapinghub/Zyte article-extraction-benchmark body metric
    (github.com/scrapinghub/article-extraction-benchmark, evaluate.py):

    * tokens are the ``\\w+`` runs of the text (Unicode, case kept, punctuation and
      whitespace dropped); a missing or ``None`` prediction is the empty string;
    * each text becomes the multiset of its 4-token shingles; a text with fewer than four
      tokens is one shorter shingle, an empty text has none;
    * per page, tp = sum of min(count_gold, count_pred), fp / fn = the excess counts; the
      triple is divided by its sum so that every page weighs the same;
    * page precision = tp/(tp+fp), recall = tp/(tp+fn), with fp == fn == 0 giving 1 and
      tp == fp == 0 (resp. tp == fn == 0) giving 0;
    * precision is the mean page precision over pages with tp+fp > 0 (an empty prediction
      does not count towards precision), recall the mean over pages with tp+fn > 0;
      F1 = 2PR/(P+R) of the two means (not the mean of page F1s);
    * accuracy = share of pages whose token sequences are identical;
    * ``*_std`` = standard deviation over 1000 bootstrap resamples of the pages
      (upstream uses the unseeded global RNG; here the seed is fixed so runs repeat).

rouge_lsum_f1 -- the ROUGE-LSum score of fundus-evaluation (github.com/dobbersc/
    fundus-evaluation, scorers.score_rouge_lsum), used in the Fundus paper (ACL 2024 demos):

    * paragraphs are joined with blank lines ("\\n\\n"), for gold and prediction alike;
    * rouge_score's ``RougeScorer(["rougeLsum"], use_stemmer=False, split_summaries=True)``:
      the joined text is split into sentences with NLTK's English Punkt model (paragraph
      breaks are NOT sentence breaks by themselves), each sentence is lower-cased and
      tokenized on ``[a-z0-9]+`` runs, and the summary-level LCS gives P, R and F1;
    * an empty prediction scores 0;
    * gold paragraphs written as ``[...]`` are optional: every way of dropping optional
      paragraphs is scored (all subsets when there are at most 4 optional paragraphs,
      otherwise only "keep all" and "drop all"), and the variant with the best F1 wins;
    * the published figure is the mean per-article F1 over the 80 articles, in percent.

    The NLTK Punkt data ("punkt_tab") is not installed here and cannot be downloaded, so
    when it is missing the sentences are split with an *untrained* Punkt tokenizer
    (same algorithm, no learned English abbreviation list). ``SENTENCE_SPLITTER`` says
    which one is in use; the check in extract.py shows the effect on the published table.
"""

from __future__ import annotations

import itertools
import random
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

# --------------------------------------------------------------------------------------
# Scrapinghub article-extraction-benchmark
# --------------------------------------------------------------------------------------

SHINGLE_SIZE = 4
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 1

_WORD_RE = re.compile(r"\w+")


def shingle_tokens(text: str | None) -> list[str]:
    """The benchmark's tokens: runs of word characters, case kept."""
    return _WORD_RE.findall(text or "")


def _shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter:
    tokens = shingle_tokens(text)
    if not tokens:
        return Counter()
    count = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(count))


def page_tp_fp_fn(gold: str | None, pred: str | None) -> tuple[float, float, float]:
    """Shingle tp/fp/fn of one page, normalised to sum to 1 (all zero if both empty)."""
    gold_shingles, pred_shingles = _shingles(gold), _shingles(pred)
    tp = fp = fn = 0
    for shingle in gold_shingles.keys() | pred_shingles.keys():
        g, p = gold_shingles[shingle], pred_shingles[shingle]
        tp += min(g, p)
        fp += max(0, p - g)
        fn += max(0, g - p)
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def _prf(triples: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    precisions = [page_precision(*t) for t in triples if t[0] + t[1] > 0]
    recalls = [page_recall(*t) for t in triples if t[0] + t[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def scrapinghub_score(
    pred: Mapping[str, str | None],
    gold: Mapping[str, str],
    n_bootstrap: int = BOOTSTRAP_SAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> dict:
    """Score predicted article bodies against gold ones (both keyed by page id).

    Every gold page is scored; a page missing from ``pred`` counts as an empty
    prediction. Returns f1, precision, recall, accuracy, their bootstrap ``*_std`` and
    ``pages``: {id: {"tp", "fp", "fn", "precision", "recall", "exact"}}.
    """
    ids = list(gold)
    triples = [page_tp_fp_fn(gold[i], pred.get(i)) for i in ids]
    exact = [float(shingle_tokens(gold[i]) == shingle_tokens(pred.get(i))) for i in ids]

    result: dict = _prf(triples)
    result["accuracy"] = statistics.mean(exact) if exact else 0.0

    rng = random.Random(seed)
    samples: dict[str, list[float]] = {}
    n = len(ids)
    for _ in range(n_bootstrap if n > 1 else 0):
        picks = [rng.randint(0, n - 1) for _ in range(n)]
        sample = _prf([triples[k] for k in picks])
        sample["accuracy"] = statistics.mean(exact[k] for k in picks)
        for key, value in sample.items():
            samples.setdefault(key, []).append(value)
    for key, values in samples.items():
        result[f"{key}_std"] = statistics.stdev(values) if len(values) > 1 else 0.0

    result["pages"] = {
        i: {
            "tp": t[0],
            "fp": t[1],
            "fn": t[2],
            "precision": page_precision(*t) if t[0] + t[1] > 0 else None,
            "recall": page_recall(*t) if t[0] + t[2] > 0 else None,
            "exact": bool(e),
        }
        for i, t, e in zip(ids, triples, exact)
    }
    return result


# --------------------------------------------------------------------------------------
# fundus-evaluation ROUGE-LSum
# --------------------------------------------------------------------------------------

MAX_OPTIONAL_PARAGRAPHS = 4  # fundus-evaluation's default for its published scores


def _make_sentence_splitter():
    from nltk.tokenize import punkt

    try:
        tokenizer = punkt.PunktTokenizer("english")
        return tokenizer.tokenize, "nltk punkt_tab/english"
    except LookupError:
        return punkt.PunktSentenceTokenizer().tokenize, "untrained Punkt (punkt_tab missing)"


_split_sentences, SENTENCE_SPLITTER = _make_sentence_splitter()
_rouge = None


def _rouge_scorer():
    global _rouge
    if _rouge is None:
        from rouge_score import rouge_scorer

        # split_summaries=False: we split sentences ourselves (exactly what
        # split_summaries=True does through nltk.sent_tokenize) and pass one per line.
        _rouge = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=False, split_summaries=False)
    return _rouge


def _one_sentence_per_line(paragraphs: Sequence[str]) -> str:
    text = "\n\n".join(paragraphs)
    return "\n".join(" ".join(s.split()) for s in _split_sentences(text))


def _is_optional(paragraph: str) -> bool:
    return len(paragraph) >= 1 and paragraph[0] == "[" and paragraph[-1] == "]"


def gold_variants(
    paragraphs: Sequence[str], max_optional: int | None = MAX_OPTIONAL_PARAGRAPHS
) -> Iterable[list[str]]:
    """Gold bodies to try: drop any subset of the ``[optional]`` paragraphs."""
    optional = [i for i, p in enumerate(paragraphs) if _is_optional(p)]
    if max_optional is not None and len(optional) > max_optional:
        drops: Iterable[Iterable[int]] = [(), optional]
    else:
        drops = itertools.chain.from_iterable(
            itertools.combinations(optional, k) for k in range(len(optional) + 1)
        )
    for drop in drops:
        dropped = set(drop)
        yield [
            p[1:-1] if _is_optional(p) else p
            for i, p in enumerate(paragraphs)
            if i not in dropped
        ]


def rouge_lsum(pred_paragraphs: Sequence[str], gold_paragraphs: Sequence[str]) -> dict[str, float]:
    """ROUGE-LSum precision/recall/f1 (fractions) of one article, best gold variant."""
    scorer = _rouge_scorer()
    prediction = _one_sentence_per_line(list(pred_paragraphs))
    best = None
    for variant in gold_variants(gold_paragraphs):
        score = scorer.score(_one_sentence_per_line(variant), prediction)["rougeLsum"]
        if best is None or score.fmeasure > best.fmeasure:
            best = score
    return {"precision": best.precision, "recall": best.recall, "f1": best.fmeasure}


def rouge_lsum_f1(pred_paragraphs: Sequence[str], gold_paragraphs: Sequence[str]) -> float:
    """ROUGE-LSum F1 (fraction 0..1) of one article, as fundus-evaluation scores it."""
    return rouge_lsum(pred_paragraphs, gold_paragraphs)["f1"]


# --------------------------------------------------------------------------------------
# Titles and authors of pages (bench/extract.py against bench/data/page_labels.jsonl)
# --------------------------------------------------------------------------------------

_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´“”„‟″«»\""} | {c: "-" for c in "‐‑‒–—―−"})


def title_key(text: str | None) -> str:
    """A title for exact comparison: NFKC, casefolded, quotes and dashes of one kind,
    spaces collapsed ("Biden’s" = "Biden's", "– live" = "- live")."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    return " ".join(text.split())


def name_key(name: str) -> str:
    """A name for set comparison: casefolded, without punctuation and a leading "the"
    ("THE ASSOCIATED PRESS" = "Associated Press", "Troy L. Smith" = "troy l smith")."""
    words = re.sub(r"[^\w\s]", " ", title_key(name)).split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


def authors_f1(predicted: Iterable[str], gold: Iterable[str]) -> float:
    """Set F1 of normalized names on one page; 1.0 when both are empty."""
    p = {name_key(n) for n in predicted} - {""}
    g = {name_key(n) for n in gold} - {""}
    if not p and not g:
        return 1.0
    hits = len(p & g)
    return 2 * hits / (len(p) + len(g))
