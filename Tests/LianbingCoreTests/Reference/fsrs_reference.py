#!/usr/bin/env python3
"""Reference schedules for FSRS (Sources/LianbingCore/Practice/FSRS.swift), from py-fsrs, the official Python package.

Uses fsrs 5.1.3 from PyPI, the last release of FSRS-5 (19 parameters; 6.x is FSRS-6 with 21): its published
DEFAULT_PARAMETERS, desired retention 0.9, no learning or relearning steps (every review schedules whole days) and no
fuzz, which is the model the Swift implements. Run it after changing a case and copy the values into
Tests/LianbingCoreTests/FSRSReferenceTests.swift, which embeds them so the tests never need the package:

    pip install fsrs==5.1.3
    python3 Tests/LianbingCoreTests/Reference/fsrs_reference.py > Tests/LianbingCoreTests/Reference/fsrs_reference.json

Each case is a sequence of reviews; a review's `elapsed` is whole days after the previous one, or None for "on the day
it fell due". Reviews are at noon UTC, so py-fsrs's elapsed days (whole 24-hour periods) are the calendar days the
Swift is given. For every review the script prints the elapsed days used, the stability and difficulty after it and
the next interval in days.
"""
import json
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import DEFAULT_PARAMETERS, Card, Rating, Scheduler

assert version("fsrs") == "5.1.3", "the expected values come from fsrs 5.1.3 (FSRS-5)"
assert len(DEFAULT_PARAMETERS) == 19

AGAIN, HARD, GOOD, EASY = Rating.Again, Rating.Hard, Rating.Good, Rating.Easy

CASES = {
    # A question answered wrong once.
    "again": [(AGAIN, None)],
    # Right the first time (the product only opens cards on a wrong answer, but the model starts either way).
    "good": [(GOOD, None)],
    # Wrong, then right on every due date until the interval passes 90 days (retirement).
    "againThenGoodOnTime": [(AGAIN, None)] + [(GOOD, None)] * 7,
    # A lapse after two right reviews, then right again on time.
    "lapse": [(AGAIN, None), (GOOD, None), (GOOD, None), (AGAIN, None), (GOOD, None), (GOOD, None), (GOOD, None)],
    # Several answers on one day: the short-term formula, then a review the next day.
    "sameDay": [(AGAIN, None), (AGAIN, 0), (GOOD, 0), (GOOD, 1), (GOOD, None)],
    # Reviews long after they fell due, and one before.
    "lateAndEarly": [(AGAIN, None), (GOOD, 10), (GOOD, 3), (AGAIN, 60), (GOOD, 2)],
    # The two ratings the product does not use, for the hard penalty and easy bonus.
    "hardAndEasy": [(HARD, None), (EASY, None), (HARD, None), (EASY, 4)],
}


def run(reviews):
    scheduler = Scheduler(
        parameters=DEFAULT_PARAMETERS, desired_retention=0.9, learning_steps=(), relearning_steps=(), enable_fuzzing=False
    )
    card = Card(card_id=1, due=datetime(2026, 1, 5, 12, tzinfo=timezone.utc))
    steps = []
    for rating, elapsed in reviews:
        if card.last_review is None:
            when, days = card.due, 0
        elif elapsed is None:
            when = card.due
            days = (when - card.last_review).days
        else:
            when, days = card.last_review + timedelta(days=elapsed), elapsed
        card, _ = scheduler.review_card(card, rating, review_datetime=when)
        steps.append({
            "rating": rating.name.lower(),
            "elapsedDays": days,
            "stability": card.stability,
            "difficulty": card.difficulty,
            "interval": (card.due - card.last_review).days,
        })
    return steps


print(json.dumps({"fsrs": version("fsrs"), "parameters": list(DEFAULT_PARAMETERS),
                  "cases": {name: run(reviews) for name, reviews in CASES.items()}}, indent=2))
