"""What the clue reader finds in an article's blocks, and what role each place gives it.

Paragraphs are written for these tests; each rule has one realistic example.
"""

from __future__ import annotations

from storyline import clean
from storyline.dating.clues import collect
from storyline.model import Block


def clues_of(*blocks: Block):
    found, notes = collect(list(blocks))
    return found


def one(found, text):
    [c] = [c for c in found if c.text == text]
    return c


def test_timestamp_line_is_a_stamp_in_the_removed_text():
    found = clues_of(
        Block("Updated: Feb. 14, 2024 6:12 a.m.", "timestamp"),
        Block("Riverton residents lined up for bottled water again on Tuesday."))
    stamp = one(found, "Feb. 14, 2024")
    assert (stamp.kind, stamp.role, stamp.where) == ("day", "stamp", "removed")
    assert (stamp.year, stamp.month, stamp.day) == (2024, 2, 14)
    assert stamp.line == "Updated: Feb. 14, 2024 6:12 a.m."
    assert stamp.line[stamp.start:stamp.end] == "Feb. 14, 2024"
    tuesday = one(found, "Tuesday")
    assert (tuesday.kind, tuesday.weekday, tuesday.tense, tuesday.where) == ("weekday", 2, "past", "body")


def test_reuters_prefix_is_split_off_and_read_with_its_weekday():
    text = ("TRIPOLI | Mon Feb 21, 2011 6:51 pm EST TRIPOLI (Reuters) - Libyan leader Muammar "
            "Gaddafi fought to hang on to power on Monday as protests reached the capital.")
    blocks = clean.clean_paragraphs([text])
    found = clues_of(*blocks)
    stamp = next(c for c in found if c.kind == "day")
    assert stamp.role == "stamp" and (stamp.year, stamp.month, stamp.day) == (2011, 2, 21)
    assert stamp.weekday == 1


def test_pieces_the_tagger_leaves_apart_are_joined():
    # timeline17 is tokenised: "Tuesday , September 16 , 2008 ; 4:30 PM"
    found = clues_of(Block("Tuesday , September 16 , 2008 ; 4:30 PM Just a day after filing for "
                           "bankruptcy, Lehman Brothers is heading into court today."))
    day = next(c for c in found if c.kind == "day")
    assert (day.year, day.month, day.day, day.weekday) == (2008, 9, 16, 2)
    assert day.role == "stamp"            # a dated clock time at the top of the body


def test_clock_time_before_the_date_keeps_the_date():
    found = clues_of(Block("Published: 6:45 PM PST February 20, 2024", "timestamp"))
    [stamp] = found
    assert (stamp.kind, stamp.role, stamp.year, stamp.month, stamp.day) == ("day", "stamp", 2024, 2, 20)


def test_caption_dates_are_lower_bounds_and_comment_stamps_upper_bounds():
    found = clues_of(
        Block("The county filed its lawsuit on Monday, the clerk's office said."),
        Block("FILE - In this Sept. 9, 2023, file photo, the plant stands along the river.", "caption"),
        Block("March 14, 2024 at 7:36 am | I live two blocks from the plant and we still buy "
              "water. Back in 2019 it was the same.", "comments"))
    assert one(found, "Sept. 9, 2023").role == "bound"
    assert one(found, "March 14, 2024").role == "upper"
    # a year a reader mentions is not a timestamp
    assert not [c for c in found if c.text == "2019"]


def test_dated_clock_time_deep_in_the_body_is_a_comment_stamp():
    filler = "The outbreak has now reached 20 countries, health officials said. " * 10
    found = clues_of(Block(filler + "At 12:19 26th Apr 2009, barriesingleton wrote: Keep calm."))
    stamp = next(c for c in found if c.kind == "day")
    assert stamp.role == "upper"


def test_dateline_month_day_and_copyright_year():
    found = clues_of(
        Block("LONDON, March 15 (Reuters) - Britain is to overhaul its libel laws, the justice "
              "minister said on Tuesday."),
        Block("© 2011 Thomson Reuters. All rights reserved.", "footer"))
    assert one(found, "March 15").role == "dateline"
    copyright = next(c for c in found if c.role == "copyright")
    assert copyright.year == 2011 and copyright.kind == "year"


def test_future_tense_date_and_weekday_with_month_day():
    found = clues_of(Block("Calder faces a March 15 deadline to submit its cleanup plan. "
                           "Volunteers handed out water on Tuesday, Feb. 13."))
    deadline = one(found, "March 15")
    assert (deadline.kind, deadline.tense) == ("monthday", "future")
    handout = next(c for c in found if c.kind == "monthday" and c.month == 2)
    assert handout.weekday == 2


def test_first_stamp_wins_and_later_stamps_are_updates():
    found = clues_of(Block("Published: Feb. 9, 2011 3:10 p.m.", "timestamp"),
                     Block("Updated: Feb. 11, 2011 8:00 a.m.", "timestamp"),
                     Block("Protesters filled the square again on Wednesday."))
    assert one(found, "Feb. 9, 2011").role == "stamp"
    assert one(found, "Feb. 11, 2011").role == "upper"


def test_a_list_of_dated_teasers_is_not_a_stamp():
    teasers = [Block(f"November {d}, 2023", "timestamp") for d in (8, 7, 3)]
    found = clues_of(Block("The artist opened her first show downtown last week."), *teasers)
    assert all(c.role == "text" for c in found if c.kind == "day")


def test_impossible_and_out_of_range_dates_give_no_day():
    found = clues_of(Block("The filing was dated February 30. The charter was signed in 1776, "
                           "and the fund runs out in 2250."))
    assert not [c for c in found if c.kind in ("day", "monthday")]
    assert [c.month for c in found if c.kind == "month"] == [2]   # the month is real
    assert not [c for c in found if c.year in (1776, 2250)]


def test_two_digit_years_count_less():
    found = clues_of(Block("The rules changed on 3/4/11, the agency said."))
    [day] = [c for c in found if c.kind == "day"]
    assert day.reliability < 0.5               # two-digit year and month/day order both unsure


def test_a_tagger_failure_is_a_note_not_a_crash(monkeypatch):
    import storyline.dating.clues as clues

    def broken(text, anchor=None):
        raise KeyError("lifetime")

    monkeypatch.setattr(clues, "tag", broken)
    found, notes = collect([Block("It took a lifetime of work, she said on Monday.")])
    assert found == [] and "unreadable" in notes[0]
