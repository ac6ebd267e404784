"""Cross-source comparison: who reports what, and where the outlets' accounts differ.

Given a story's articles and its timeline entries (`Event`s, e.g. from `build`):

- `outlets`: for each outlet (`Article.source`), its articles and the entries it
  reports (an entry is reported by an outlet when one of its sources is that
  outlet's);
- `exclusive`: entries told from one outlet's articles only, while the other outlets were
  publishing on the story those days and none of their sentences holds most of the
  entry's words. That is what it says, not that no other outlet reported the event
  (reworded reports escape the test: of such entries judged by reading the articles,
  22% were reported by no other outlet), so it is not a difference and carries no
  confidence;
- `differences`: the same thing given different values by different outlets at the
  same time (`differences.differences`, from the articles' claims), and the same event
  given different days: sentences naming a day themselves (month and day: never a
  stamp, a publication day, a start or a deadline) grouped by the event next to the
  day and most of their words (`SAME_EVENT`), whose outlets name days no more than
  `DATE_SPREAD_DAYS` apart and share none;
- `series`: things whose value moves over the story (an estimate revised), as steps.

Each difference: kind ("number" | "date"), thing, unit, when, confidence and the
accounts (outlet, article_id, date, value, said_by, sentence).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any, Sequence

from ..model import Article, Event
from .differences import CONFIDENCE, MAX_DIFFERENCES, differences
from .events import DatedSentence, extract
from .text import content_words
from ..text.sentences import article_sentences

__all__ = ["compare", "DATE_SPREAD_DAYS", "SAME_EVENT", "UNKNOWN_OUTLET"]

# Days further apart than this are different events told alike ("talks resumed on
# May 3" / "talks resumed on June 9"), not one event dated two ways. Set by reasoning:
# the labelled date differences (bench/data/compare_labels.jsonl) are 1 to 3 days apart
# (a day either way is the time zone or the night an event spans).
DATE_SPREAD_DAYS = 3
# An entry only one outlet's sources report is that outlet's alone unless another
# outlet's article within this many days has a sentence holding this share of its
# words. Set by reasoning (a sentence telling the same event shares most of its words).
EXCLUSIVE_DAYS = 3
EXCLUSIVE_SHARED = 0.5
EXCLUSIVE_COVERING = 3
# The same event told by two outlets: a word next to the day in common, and this share
# of the smaller sentence's words (set by reasoning: more than a topic, less than a copy).
SAME_EVENT = 0.5
_NOT_EVENTS = frozenset("""said says say told on in at of the a an and since until by before
after from through during late early last this that next morning afternoon evening night
week month year day days today yesterday""".split()) | frozenset(m.lower() for m in (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday").split())
UNKNOWN_OUTLET = "unknown"
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# A time expression that names its day: "April 20", "20 April", "May 5, 2010".
_NAMES_DAY = re.compile(r"\d")
_DAY_NAMED = re.compile(r"\b(?:\d{1,2}\s+" + _MONTHS + r"|" + _MONTHS + r"\.?\s+\d{1,2})\b",
                        re.IGNORECASE)
# A day that is a start or a deadline, not when the event happened: "since April 22".
_NOT_WHEN = re.compile(r"\b(?:since|until|till|by|before|after|from|through)\s+(?:\w+\s+){0,1}$",
                       re.IGNORECASE)


def compare(articles: Sequence[Article], events: Sequence[Event]) -> dict[str, Any]:
    """What each outlet reports and where outlets differ (see the module doc)."""
    outlet_of = {a.id: a.source or UNKNOWN_OUTLET for a in articles}
    outlets: dict[str, dict[str, list]] = {}
    for a in articles:
        entry = outlets.setdefault(outlet_of[a.id], {"articles": [], "events": [], "exclusive": []})
        entry["articles"].append(a.id)
    exclusive = []
    for i, e in enumerate(events):
        who = sorted({outlet_of.get(s.get("article_id"), s.get("outlet") or UNKNOWN_OUTLET)
                      for s in e.sources})
        for o in who:
            entry = outlets.setdefault(o, {"articles": [], "events": [], "exclusive": []})
            entry["events"].append(i)
        if len(who) == 1 and len(outlets) > 1 and not _told_elsewhere(e, who[0], articles):
            outlets[who[0]]["exclusive"].append(i)
            exclusive.append({"event": i, "date": e.date, "text": e.text, "outlet": who[0],
                              "accounts": [{"outlet": who[0], "article_id": s.get("article_id"),
                                            "date": e.date, "value": None, "said_by": None,
                                            "sentence": s.get("sentence", "")}
                                           for s in e.sources[:3]]})
    found = differences(articles) if len(outlets) > 1 else {"differences": [], "series": []}
    dated = [s for a in articles for s in extract(a) if _names_its_day(a, s)]
    found["differences"] += _date_differences(_event_groups(dated))[:MAX_DIFFERENCES // 3]
    found["differences"].sort(key=lambda d: (-d["confidence"], d["when"]))
    return {"outlets": dict(sorted(outlets.items())), "exclusive": exclusive,
            "differences": found["differences"], "series": found["series"]}


def _told_elsewhere(e: Event, outlet: str, articles: Sequence[Article]) -> bool:
    """Does another outlet's article of the entry's days (`EXCLUSIVE_DAYS` either side)
    have a sentence holding most of the entry's words (`EXCLUSIVE_SHARED`)? Then the
    entry is not its outlet's alone, though the timeline tied it to one outlet's sources.
    With fewer than `EXCLUSIVE_COVERING` other outlets' articles then, nothing can be
    said either way, and the entry is not called exclusive."""
    words = set(content_words(e.text))
    if len(words) < 4:
        return True                       # too little to tell: claim nothing
    lo, hi = date.fromisoformat(e.earliest or e.date), date.fromisoformat(e.latest or e.date)
    covering = 0
    for a in articles:
        day = a.published.date
        if (a.source or UNKNOWN_OUTLET) == outlet or not day or a.published.granularity != "day" \
                or not (lo - timedelta(EXCLUSIVE_DAYS) <= date.fromisoformat(day)
                        <= hi + timedelta(EXCLUSIVE_DAYS)):
            continue
        covering += 1
        body = a.body
        for start, end in article_sentences(a):
            if len(words & set(content_words(body[start:end]))) >= EXCLUSIVE_SHARED * len(words):
                return True
    # Another outlet's silence says something only when it was covering the story then.
    return covering < EXCLUSIVE_COVERING


def _names_its_day(article: Article, s: DatedSentence) -> bool:
    """A sentence dated by a time expression that names month and day itself, not by
    its article's day, and not a start or deadline ("since April 22")."""
    if s.how != "timex" or s.granularity != "day" or s.ahead or not s.timex \
            or not _NAMES_DAY.search(s.timex) or len(_DAY_NAMED.findall(s.sentence)) > 1:
        return False                      # two days named: two events in one sentence
    at = s.sentence.find(s.timex)
    return at < 0 or not _NOT_WHEN.search(s.sentence[max(0, at - 20):at])


def _date_differences(groups: list[list[DatedSentence]]) -> list[dict[str, Any]]:
    out = []
    for members in groups:
        by_outlet: dict[str, Counter] = defaultdict(Counter)
        first: dict[tuple[str, str], DatedSentence] = {}
        for m in members:
            o = m.outlet or UNKNOWN_OUTLET
            by_outlet[o][m.date] += 1
            first.setdefault((o, m.date), m)
        said = {o: c.most_common(1)[0][0] for o, c in by_outlet.items()}
        # A difference only when no day is named by every outlet of the group.
        common = set.intersection(*(set(c) for c in by_outlet.values())) if by_outlet else set()
        days = sorted(set(said.values()))
        if len(said) < 2 or len(days) < 2 or common or \
                (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days > DATE_SPREAD_DAYS:
            continue
        accounts = [_date_account(first[(o, d)]) for o, d in sorted(said.items())]
        # When the accounts were published (an undated article's account: the day it gives).
        reported = sorted(a["date"] or a["value"] for a in accounts)
        out.append({"kind": "date", "thing": members[0].sentence[:120], "unit": "day",
                    "when": f"{reported[0]}/{reported[-1]}",
                    "confidence": CONFIDENCE[("date", False)], "accounts": accounts})
    return out


def _date_account(m: DatedSentence) -> dict[str, Any]:
    return {"outlet": m.outlet or UNKNOWN_OUTLET, "article_id": m.article_id,
            "date": m.published, "value": m.date, "said_by": None, "sentence": m.sentence,
            "timex": m.timex}


def _event_groups(sentences: list[DatedSentence]) -> list[list[DatedSentence]]:
    """Sentences naming an event's day, grouped by the event: the word next to the day
    ("the April 21 explosion", "exploded April 20": the nearest either side, first five
    letters) and what else they say (`SAME_EVENT` share of the smaller
    sentence's words), within `DATE_SPREAD_DAYS`. Only groups with several outlets."""
    by_word: dict[str, list[tuple[DatedSentence, set[str]]]] = defaultdict(list)
    for s in sentences:
        words = set(content_words(s.sentence))
        for w in _event_words(s):
            by_word[w].append((s, words))
    groups: list[list[DatedSentence]] = []
    seen: set[frozenset] = set()
    for members in by_word.values():
        members.sort(key=lambda m: (m[0].date, m[0].article_id))
        for i, (anchor, words) in enumerate(members):
            day = date.fromisoformat(anchor.date)
            group = [m for m, w in members[i:]
                     if (date.fromisoformat(m.date) - day).days <= DATE_SPREAD_DAYS
                     and len(words & w) >= SAME_EVENT * min(len(words), len(w))]
            key = frozenset((m.article_id, m.start) for m in group)
            # Each outlet tells one day (an outlet giving two days for one event is no
            # account to set against another's).
            days_of: dict[str | None, set[str]] = defaultdict(set)
            for m in group:
                days_of[m.outlet].add(m.date)
            if len(days_of) > 1 and len({m.date for m in group}) > 1 and key not in seen \
                    and all(len(d) == 1 for d in days_of.values()):
                seen.add(key)
                groups.append(group)
    return groups


def _event_words(s: DatedSentence) -> set[str]:
    """The event a day is given to: the word right before the day ("exploded April 20",
    "sank on April 22", with "on" or "the" between) or right after it ("the April 21
    explosion"), first five letters."""
    at = s.sentence.find(s.timex or "")
    if at < 0:
        return set()
    before = re.findall(r"\b[a-z][a-z'-]+", s.sentence[max(0, at - 30):at])
    after = re.findall(r"\b[a-z][a-z'-]+", s.sentence[at + len(s.timex):at + len(s.timex) + 20])
    while before and before[-1] in ("on", "the", "of", "in", "at"):
        before.pop()
    near = before[-1:] + after[:1]
    return {w[:5] for w in content_words(" ".join(near)) if len(w) > 3 and w not in _NOT_EVENTS}
