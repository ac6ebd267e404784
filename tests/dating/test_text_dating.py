"""Dating from the text alone: each rule on a realistic article, and every kind of bad input.

`today` is fixed so that the answers do not depend on when the tests run.
"""

from __future__ import annotations

from dating_texts import SPILL

import math
from datetime import date

import pytest

from storyline import clean
from storyline.dating import from_metadata, from_text, score_days
from storyline.dating.clues import collect
from storyline.dating.text import _clue_logp
from storyline.model import Block, Published

TODAY = date(2026, 1, 1)


def article(text: str) -> list[Block]:
    """A plain-text article as the pipeline cleans it (first line the headline)."""
    return clean.clean_paragraphs(clean.split_paragraphs(text))




def test_timestamp_line_dates_the_article_with_its_evidence():
    p = from_text(article(SPILL), today=TODAY)
    assert (p.date, p.granularity, p.method) == ("2024-02-14", "day", "text")
    assert p.confidence >= 0.9
    assert p.earliest <= "2024-02-14" <= p.latest
    first = p.evidence[0]
    assert (first.where, first.note, first.text) == ("removed", "timestamp line",
                                                     "Updated: Feb. 14, 2024 6:12 a.m.")
    assert first.text[first.start:first.end] == "Feb. 14, 2024"
    body = next(e for e in p.evidence if e.where == "body")
    assert body.note.startswith("past-tense weekday") and body.text == "Tuesday"


def test_dateline_with_month_day_and_a_year_elsewhere():
    text = ("Britain to overhaul libel laws\n\n"
            "LONDON, March 15 (Reuters) - Britain is to overhaul its libel laws to stamp out "
            "libel tourism, the justice minister said on Tuesday.\n\n"
            "The draft bill will be published in the spring, he said.\n\n"
            "© 2011 Thomson Reuters. All rights reserved.")
    p = from_text(article(text), today=TODAY)
    assert p.date == "2011-03-15" and p.evidence[0].note == "dateline"


def test_a_caption_date_is_never_the_articles_date():
    # The only date is in a photo caption: no answer, however sure the caption is.
    text = ("Plant reopens after cleanup\n\n"
            "The Calder Resin Works plant reopened its main line, the company said.\n\n"
            "FILE - In this Sept. 9, 2023, file photo, the plant stands along the Millbrook "
            "River in Riverton, Ore. (Associated Wire/Pat Lee)\n\n"
            "Workers returned to the site after weeks of testing, a spokesman said.")
    blocks = article(text)
    assert any(b.kind == "caption" for b in blocks)
    p = from_text(blocks, today=TODAY)
    assert p.date is None


def test_a_caption_is_a_lower_bound():
    caption = next(c for c in collect([Block("Officials tour the site on March 1, 2024.",
                                             "caption")])[0])
    days = [date(2024, 2, 20).toordinal(), date(2024, 3, 1).toordinal(),
            date(2024, 3, 10).toordinal()]
    before, same, after = _clue_logp(caption, days, [2024] * 3, [2, 3, 3], [2, 5, 7])
    assert before < same == after               # only "not before", no pull to the day
    # ... and most likely in the photo's year
    [next_year] = _clue_logp(caption, [date(2025, 3, 10).toordinal()], [2025], [3], [1])
    assert next_year < after


def score_of(text: str, when: date, kind: str | None = None) -> float:
    """The log-likelihood one clue of `text` gives the day `when`."""
    clues, _ = collect([Block(text)])
    c = next(c for c in clues if kind is None or c.kind == kind)
    [value] = _clue_logp(c, [when.toordinal()], [when.year], [when.month], [when.isoweekday()])
    return value * c.weight


def test_a_deadline_still_ahead_is_after_the_article():
    text = "Calder faces a March 15 deadline, set by the state, to submit its cleanup plan."
    assert score_of(text, date(2024, 3, 6)) > score_of(text, date(2024, 3, 20))


def test_a_deadline_that_passed_is_before_the_article():
    text = "The March 15 deadline passed without a plan from the company, regulators said."
    assert score_of(text, date(2024, 3, 20)) > score_of(text, date(2024, 3, 6))


def test_has_until_points_forward():
    text = "The county has until Sept. 15 to respond to the complaint."
    assert score_of(text, date(2024, 9, 1)) > score_of(text, date(2024, 9, 25))


def test_on_tuesday_is_within_the_days_before_publication():
    text = "The council voted on Tuesday to approve the budget."
    tuesday = date(2024, 3, 5)
    same, next_day, week_later = (score_of(text, tuesday), score_of(text, date(2024, 3, 6)),
                                  score_of(text, date(2024, 3, 11)))
    assert same > week_later and next_day > week_later and same > 0


def test_will_meet_tuesday_is_ahead():
    text = "The council will meet Tuesday to vote on the budget."
    assert score_of(text, date(2024, 3, 4)) > score_of(text, date(2024, 3, 6))


def test_explicit_years_bound_the_year():
    text = "The plant, which opened in 2017, was last inspected in 2019."
    assert score_of(text, date(2020, 6, 1)) > score_of(text, date(2016, 6, 1))


def test_weekday_with_month_day_fixes_the_year_inside_a_crawl_bound():
    blocks = [Block("Council approves road budget", "title"),
              Block("The city council voted on Tuesday, Feb. 13, to approve a $4 million budget "
                    "for road repairs, the mayor said.")]
    crawl = from_metadata(None, None, "2024-02-20")
    p = from_text(blocks, crawl, today=TODAY)
    # The day itself, or a month or year: 2024 either way, never past the crawl.
    assert p.method == "text" and p.latest <= "2024-02-20"
    assert p.date == "2024-02-13" if p.date else p.earliest >= "2024-01-01"
    # Without a year or a bound the same text is no answer: Feb. 13 fell on a
    # Tuesday in 2018, 2024, ... as well.
    assert from_text(blocks, today=TODAY).date is None


def test_coarse_answer_when_no_day_is_sure():
    text = ("Judge keeps spill lawsuit alive\n\n"
            "A judge on Monday refused to throw out the county's lawsuit over the spill, and "
            "ordered both sides into mediation.\n\n"
            "The residents' class action, filed March 20, now counts 2,300 households. The "
            "plant manager left at the end of April. The parties have until June 3 to pick a "
            "mediator. The county set aside $2 million for the cleanup in its 2024 budget.\n\n"
            "© 2024 Riverton Ledger. All rights reserved.")
    p = from_text(article(text), today=TODAY)
    assert p.date is None
    assert p.granularity in ("month", "year") and p.earliest <= "2024-05-21" <= p.latest
    assert any((e.note or "").startswith("text:") for e in p.evidence)


# -- bad input --------------------------------------------------------------------


@pytest.mark.parametrize("text, reason", [
    ("", "no time expression"),
    ("The council approved the budget after a long debate, officials said.", "no time expression"),
    ("Residents said on Tuesday that the water still smelled of solvent.", "no year"),
    ("The audit is due on February 30, the office said.", "no year"),
])
def test_no_date_in_the_text_is_null_with_the_reason(text, reason):
    p = from_text([Block(text)], today=TODAY)
    assert p.date is None and p.method is None
    assert reason in p.evidence[-1].note


def test_dates_before_1800_or_far_ahead_are_never_the_answer():
    for stamp in ("Updated: March 3, 1750", "Updated: Jan. 1, 2150 9:00 a.m."):
        p = from_text([Block(stamp, "timestamp"),
                       Block("The museum reopened its doors on Monday, the director said.")],
                      today=TODAY)
        assert p.date is None


def test_an_article_cannot_be_dated_after_today_or_its_crawl():
    blocks = [Block("Updated: Feb. 14, 2024 6:12 a.m.", "timestamp"),
              Block("Residents lined up for water again on Tuesday.")]
    assert from_text(blocks, today=date(2024, 2, 1)).date is None
    crawled = from_metadata(None, None, "2024-02-10")
    p = from_text(blocks, crawled, today=TODAY)
    assert p.date is None or p.date <= "2024-02-10"


def test_contradicting_clues_lower_the_confidence():
    calm = [Block("Updated: Feb. 14, 2024 6:12 a.m.", "timestamp"),
            Block("Residents lined up for water again on Tuesday.")]
    odd = calm + [Block("The council voted on March 20, 2024, to extend the order, and said it "
                        "met again on Saturday.")]
    sure = score_days(calm, today=TODAY)
    unsure = score_days(odd, today=TODAY)
    assert sure.published.date == "2024-02-14"
    # The posterior share behind the answer drops; the calibrated confidence (which
    # saturates near 0.99 for a timestamp line) does not rise.
    assert unsure.published.date is None or (
        unsure.raw_confidence < sure.raw_confidence
        and unsure.published.confidence <= sure.published.confidence)


def test_two_digit_years_answer_with_less_confidence():
    four = from_text([Block("Posted 3/4/2011 10:15 a.m.", "timestamp"),
                      Block("The strike ended on Friday, the union said.")], today=TODAY)
    two = from_text([Block("Posted 3/4/11 10:15 a.m.", "timestamp"),
                     Block("The strike ended on Friday, the union said.")], today=TODAY)
    assert four.date == "2011-03-04"
    assert two.date in (None, "2011-03-04") and two.confidence <= four.confidence


def test_text_with_no_letters_or_huge_numbers_does_not_crash():
    for text in ("9999-99-99 00:00", "0000-01-01", "31/31/31", "12:00 12:00 12:00",
                 "On Tuesday, Feb. 29, 2023 the numbers were 20250 and 1899.", "\x00\ufffd" * 50):
        p = from_text([Block(text), Block(text, "timestamp")], today=TODAY)
        assert isinstance(p, Published)


def test_score_days_reports_its_workings():
    result = score_days(article(SPILL), today=TODAY)
    assert result.best == date(2024, 2, 14) and result.day_confidence >= 0.9
    assert any(c.role == "bound" for c in result.clues)
    assert math.isclose(result.published.confidence, round(result.day_confidence, 2))


def test_an_answer_pinned_against_a_caption_date_is_withdrawn():
    # The text's own date (March 27) would put the article just after it, but the
    # photo (March 30) must be on or before the article: the best day is the caption's.
    blocks = [Block("Syria talks stall", "title"),
              Block("The ministry said on March 27, 2012, that the talks had failed, and "
                    "envoys left the capital."),
              Block("Envoys meet in Damascus on March 30, 2012. (Reuters/Staff)", "caption")]
    p = from_text(blocks, today=TODAY)
    assert p.date != "2012-03-30"
    assert p.date is None or p.date > "2012-03-30"


# -- conventions the scoring relies on ---------------------------------------------------


def test_first_reader_comment_dates_an_article_with_no_stamp():
    text = ("Egyptians defy curfew\n\n"
            "Protesters returned to the square on Thursday, defying the curfew for a third night.\n\n"
            "Comments\n\n"
            "January 28, 2011 at 10:04 am | Report abuse | Stay safe, everyone.\n\n"
            "January 27, 2011 at 7:59 pm | Report abuse | I hope the army stays out of it.")
    p = from_text(article(text), today=TODAY)
    assert p.date == "2011-01-27"
    assert p.evidence[0].text.startswith("January 27, 2011 at 7:59 pm")


def test_a_full_date_with_its_weekday_is_a_day_of_the_last_week():
    # AP photo style: "..., Thursday, June 17, 2010, ..." is that day or the day before.
    text = ("BP chief executive Tony Hayward arrives on Capitol Hill in Washington, Thursday, "
            "June 17, 2010, to testify before a House subcommittee.")
    assert score_of(text, date(2010, 6, 17), "day") > score_of(text, date(2010, 7, 17), "day")
    assert score_of(text, date(2010, 6, 18), "day") > score_of(text, date(2010, 6, 30), "day")


def test_old_years_in_a_history_story_do_not_outvote_its_timestamp():
    text = ("Veterans recall the long war\n\nTuesday 5 July 2005\n\n"
            "The men who served in the 1990 and 1991 Gulf campaign met in London, where they "
            "first gathered in 1968 as cadets. Many said they had not seen each other since 1991.")
    result = score_days(article(text), today=TODAY)
    assert result.published.date == "2005-07-05"
    old = [c for c in result.clues if c.year in (1968, 1990)]
    assert old and all(c.superseded for c in old)          # "written after them", no more
    assert not any(c.superseded for c in result.clues if c.year == 1991)   # the latest counts


def test_a_misread_year_after_today_does_not_supersede_the_real_ones():
    # (the tagger reads "resolution 2042" as a year; whether or not it still does, the
    # real years must keep their weight)
    text = ("Syria monitors arrive\n\nThe first UN monitors arrived on Monday. UN Security "
            "Council resolution 2042 permits a team of up to 30 unarmed observers. The "
            "uprising began in March 2011, activists said.")
    result = score_days(article(text), today=TODAY)
    assert [c for c in result.clues if c.year == 2011]
    assert not any(c.superseded for c in result.clues if c.year == 2011)


def test_weekday_and_month_day_pick_the_year_after_the_latest_year_named():
    # Reuters style: a dateline without its year, "on Friday", and an older year: of
    # the years after it, March 4 fell on a Friday in 2011.
    text = ("Rebels take oil town\n\nAJDABIYAH, Libya, March 4 (Reuters) - Government forces "
            "fought their way into a rebel-held town on Friday, while rebels said they had taken "
            "the oil port. The country has been under sanctions since the crisis of September 2008.")
    result = score_days(article(text), today=TODAY)
    assert result.best == date(2011, 3, 4)
    # ... but the year is inferred, not written: a guess, not an answer to the day
    assert result.published.date is None and result.day_confidence < 0.5


def test_a_month_day_with_only_an_old_year_is_not_dated():
    text = ("Flu spreads\n\nMEXICO CITY, April 24 (Reuters) - Mexico closed schools on Friday "
            "after a flu outbreak, the worst since an outbreak in 2003, killed dozens.")
    assert from_text(article(text), today=TODAY).date is None


def test_a_stamp_after_the_crawl_date_is_ignored():
    blocks = [Block("Updated: Feb. 14, 2024 6:12 a.m.", "timestamp"),
              Block("Residents lined up for water again on Tuesday.")]
    p = from_text(blocks, from_metadata(None, None, "2024-02-10"), today=TODAY)
    assert p.date is None and p.latest == "2024-02-10"


def test_confidence_is_calibrated_and_inferred_years_count_less():
    from storyline.dating.text import calibrated
    values = [calibrated(x / 20) for x in range(21)]
    assert values == sorted(values) and values[0] == 0.0 and values[-1] < 1.0
    assert calibrated(0.3, named=False) < calibrated(0.3, named=True)


def test_a_caption_still_bounds_an_article_the_text_cannot_date():
    """Nothing that bounds the day is thrown away (issue "Undated piles")."""
    from storyline.dating import date_article
    from storyline.model import Origin, RawDocument
    from storyline.pipeline import read_article

    text = ("Rescuers search the ruins\n\n"
            "Rescuers searched the ruins of the hotel on Tuesday as aid began to arrive.\n\n"
            "Volunteers unload water at the airport, Jan. 14, 2010. (AW Photo/Staff)\n")
    article = read_article(RawDocument(origin=Origin(path="quake.txt", format="txt"), content=text))
    p = date_article(article, today=date(2026, 1, 1))
    assert p.date is None
    assert (p.earliest, p.latest, p.method) == ("2010-01-14", None, "text")
    assert p.confidence == 0.95
    notes = [e.note for e in p.evidence]
    assert "caption (its date is a lower bound only)" in notes
    assert any(n.startswith("text: ") for n in notes)


# -- the calendar a careful reader keeps (issue "Undated piles", item 3) ----------------------
# The Port Ellery ferry story of examples/corpus/scraped (sentences written for storyline).


def test_a_month_day_with_its_weekday_is_a_day_of_the_last_week():
    text = ("Inspectors find corroded fuel lines\n\nInspectors boarded the Ellery Star on "
            "Wednesday, June 7, and found corroded fuel lines in the engine room, the board "
            "said.\n\nHarbor Times © 2023\n")
    # June 7, 2023 was a Wednesday: the article is that day or soon after, not weeks later.
    assert score_of(text, date(2023, 6, 8), "monthday") > score_of(text, date(2023, 7, 8), "monthday")
    p = from_text(article(text), today=TODAY)
    assert p.date in ("2023-06-07", "2023-06-08")


def test_a_date_that_modifies_a_noun_is_not_the_articles_date_line():
    text = ("Ferry operator loses license\n\nThe June 30 deadline passed without the safety "
            "reports the board had demanded.\n")
    [clue] = [c for c in collect(article(text))[0] if c.kind == "monthday"]
    assert clue.role == "text" and clue.tense == "past"


def test_a_weekday_told_after_a_past_date_falls_after_it():
    text = ("Ferry operator loses license\n\nThe June 30 deadline passed without the safety "
            "reports the board had demanded. On Thursday, the board suspended the license of "
            "Sound Crossing Ferries.\n\nThe Ellery Star at its berth, June 7, 2023. (File photo)\n")
    clues = collect(article(text))[0]
    thursday = next(c for c in clues if c.kind == "weekday")
    assert thursday.after is not None and thursday.after.text == "June 30"
    # Friday June 30 would put "Thursday" on June 29, before the deadline passed.
    assert score_of(text, date(2023, 7, 6), "weekday") > score_of(text, date(2023, 6, 30), "weekday")
    # Without the deadline sentence nothing orders them.
    plain = text.replace("The June 30 deadline passed without the safety reports the board "
                         "had demanded. ", "")
    assert next(c for c in collect(article(plain))[0] if c.kind == "weekday").after is None


def test_a_caption_narrows_the_year_the_text_gives():
    text = ("Fire forces 212 ferry passengers into lifeboats\n\nA fire in the engine room "
            "forced 212 passengers into lifeboats on Sunday afternoon.\n\nThe Ellery Star is "
            "towed into Port Ellery harbor on May 28, 2023. Photo: Harbor Times\n\n"
            "© 2023 Harbor Times. All rights reserved.\n")
    p = from_text(article(text), today=TODAY)
    assert p.date is None and p.granularity == "year"
    assert (p.earliest, p.latest) == ("2023-05-28", "2023-12-31")
    notes = [e.note for e in p.evidence]
    assert notes.count("caption (its date is a lower bound only)") == 1
    assert p.confidence < 0.95          # the year's chance times the caption's
