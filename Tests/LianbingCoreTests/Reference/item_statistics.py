#!/usr/bin/env python3
"""Independent reference values for ItemStatistics (Sources/LianbingCore/Statistics).

Written from the definitions of Moodle's quiz statistics report, not from the Swift code, with numpy doing the
arithmetic its own way (corrcoef, cov, var with ddof=1). Run it after changing a fixture and copy the values into
Tests/LianbingCoreTests/ItemStatisticsReferenceTests.swift, which embeds them so the tests never run Python:

    python3 Tests/LianbingCoreTests/Reference/item_statistics.py > Tests/LianbingCoreTests/Reference/item_statistics.json

Conventions shared with the Swift (they are definitions, not code):
- sd values use n - 1; undefined values (a constant variable, fewer than two candidates) are null.
- facility and sd are fractions of the question's maximum; discriminationIndex, discriminativeEfficiency, cic and
  errorRatio are percentages; upperLowerIndex is a fraction from -1 to 1.
- The 27% groups have k = round(0.27 n) candidates, halves rounded up; candidates are ordered by total
  descending (totals equal to a millionth of a mark tie), ties by candidate id ascending.
"""
import json

import numpy as np

FIXTURES = {
    # Ties at both 27% boundaries: k = 3; c03, c04 and c05 tie for third place, c06..c09 for the last three.
    # Rows are not in id order, so the tie order must come from the ids.
    "tieAtBoundary": {
        "candidates": ["c05", "c10", "c03", "c08", "c01", "c07", "c04", "c09", "c02", "c06"],
        "questions": ["Q1", "Q2", "Q3", "Q4"],
        "maxMarks": [1, 1, 1, 1],
        "marks": [
            [1, 1, 0, 0],
            [0, 0, 0, 0],
            [1, 0, 1, 0],
            [0, 1, 0, 0],
            [1, 1, 1, 1],
            [0, 0, 1, 0],
            [0, 1, 0, 1],
            [0, 0, 0, 1],
            [1, 1, 1, 0],
            [1, 0, 0, 0],
        ],
    },
    # Maximum marks other than 1 and fractional marks; Q3 runs against the rest of the paper.
    "weightedMarks": {
        "candidates": ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"],
        "questions": ["Q1", "Q2", "Q3", "Q4"],
        "maxMarks": [2, 5, 1, 3],
        "marks": [
            [2, 4.5, 0, 3],
            [1.5, 5, 0, 2],
            [2, 3, 1, 2.5],
            [0.5, 2, 1, 1],
            [1, 3.5, 0, 3],
            [0, 1, 1, 0.5],
            [1, 2.5, 1, 0],
            [0, 0.5, 1, 1.5],
        ],
    },
    # Q2 is answered right by everyone: no spread, so no discrimination of any kind.
    "constantQuestion": {
        "candidates": ["a", "b", "c", "d", "e", "f"],
        "questions": ["Q1", "Q2", "Q3"],
        "maxMarks": [1, 1, 2],
        "marks": [
            [1, 1, 2],
            [1, 1, 2],
            [0, 1, 1],
            [0, 1, 0],
            [1, 1, 1],
            [0, 1, 0],
        ],
    },
    # Every total is the same: the paper as a whole has no spread, so no CIC, error ratio or standard error.
    "equalTotals": {
        "candidates": ["x", "y", "z"],
        "questions": ["Q1", "Q2"],
        "maxMarks": [1, 1],
        "marks": [
            [1, 0],
            [0, 1],
            [1, 0],
        ],
    },
}


def constant(values):
    return bool(np.ptp(values) == 0)


def question_statistics(marks, totals, maxmark, ids):
    n = len(marks)
    rest = totals - marks
    facility = float(np.mean(marks) / maxmark)
    sd = float(np.std(marks, ddof=1) / maxmark) if n > 1 else None
    if n > 1 and not constant(marks) and not constant(rest):
        discrimination = float(100 * np.corrcoef(marks, rest)[0, 1])
        best = np.cov(np.sort(marks), np.sort(rest))[0, 1]
        efficiency = float(100 * np.cov(marks, rest)[0, 1] / best)
    else:
        discrimination = efficiency = None
    k = (27 * n + 50) // 100
    if k > 0:
        order = sorted(range(n), key=lambda i: (-round(totals[i] * 1e6), ids[i]))
        upper = marks[order[:k]].mean()
        lower = marks[order[n - k:]].mean()
        upper_lower = float((upper - lower) / maxmark)
    else:
        upper_lower = None
    return {
        "facility": facility,
        "sd": sd,
        "discriminationIndex": discrimination,
        "discriminativeEfficiency": efficiency,
        "upperLowerIndex": upper_lower,
    }


def exam_statistics(fixture):
    matrix = np.array(fixture["marks"], dtype=float)
    maxmarks = np.array(fixture["maxMarks"], dtype=float)
    n, q = matrix.shape
    totals = matrix.sum(axis=1)
    sd = float(np.std(totals, ddof=1)) if n > 1 else None
    cic = error_ratio = standard_error = None
    if n > 1 and q > 1 and not constant(totals):
        item_variances = sum(0.0 if constant(matrix[:, j]) else np.var(matrix[:, j], ddof=1) for j in range(q))
        cic = float(100 * q / (q - 1) * (1 - item_variances / np.var(totals, ddof=1)))
        error_ratio = float(100 * np.sqrt(1 - cic / 100))
        standard_error = error_ratio / 100 * sd
    questions = []
    for j, name in enumerate(fixture["questions"]):
        stats = question_statistics(matrix[:, j], totals, maxmarks[j], fixture["candidates"])
        questions.append({"question": name, **stats})
    return {
        "candidates": n,
        "mean": float(totals.mean()),
        "sd": sd,
        "cic": cic,
        "errorRatio": error_ratio,
        "standardError": standard_error,
        "questions": questions,
    }


if __name__ == "__main__":
    output = {name: {"input": fixture, "expected": exam_statistics(fixture)} for name, fixture in FIXTURES.items()}
    print(json.dumps(output, ensure_ascii=False, indent=2))
