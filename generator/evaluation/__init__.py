"""Evaluation against gold annotations: measures, and loaders of annotated corpora.

``measures`` compares (B-cubed, TempEval-3 timex scores, quote attribution);
``ecbplus`` reads ECB+ (cross-document entity and event coreference). Nothing
here is imported by the build; ``scripts/evaluate.py`` is the command line.
"""

from generator.evaluation.measures import (  # noqa: F401  (re-exported)
    GoldTimex,
    Span,
    TimexCounts,
    align_spans,
    attribution_counts,
    b_cubed,
    exact_string_baseline,
    f1,
    head_word,
    match_timexes,
    overlaps,
    prf,
    read_timeml,
    rekey,
    restrict,
    timex_counts,
    timex_scores,
)
