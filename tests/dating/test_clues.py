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
    # the only (so the earliest) comment's timestamp: readers start the day it appears
    assert one(found, "March 14, 2024").role == "comment"
    # a year a reader mentions is not a timestamp
    assert not [c for c in found if c.text == "2019"]


def test_earliest_comment_is_singled_out_and_the_others_stay_upper_bounds():
    found = clues_of(
        Block("The county filed its lawsuit on Monday, the clerk's office said."),
        Block("March 16, 2024 at 9:02 pm | They should have closed the plant years ago.",
              "comments"),
        Block("March 14, 2024 at 7:36 am | I live two blocks from the plant.", "comments"))
    assert one(found, "March 14, 2024").role == "comment"
    assert one(found, "March 16, 2024").role == "upper"


def test_no_comment_clue_when_the_article_has_its_own_stamp():
    found = clues_of(Block("Updated: March 13, 2024 6:12 a.m.", "timestamp"),
                     Block("March 14, 2024 at 7:36 am | I live two blocks away.", "comments"))
    assert one(found, "March 14, 2024").role == "upper"


def test_dated_clock_time_deep_in_the_body_is_a_comment_stamp():
    filler = "The outbreak has now reached 20 countries, health officials said. " * 10
    found = clues_of(Block(filler + "At 12:19 26th Apr 2009, barriesingleton wrote: Keep calm."))
    stamp = next(c for c in found if c.kind == "day")
    assert stamp.role == "comment"


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


# -- where a date stands says what it is ------------------------------------------------


def test_weekday_written_with_a_full_date_is_kept():
    found = clues_of(Block("BP chief executive Tony Hayward arrives on Capitol Hill in Washington, "
                           "Thursday, June 17, 2010, to testify before a House subcommittee."))
    day = next(c for c in found if c.kind == "day")
    assert (day.year, day.month, day.day, day.weekday) == (2010, 6, 17, 4)


def test_byline_dates_are_stamps_before_or_after_the_byline():
    top = clues_of(Block("January 27, 2011 | By Tim Lister and Emily Smith, CNN Protesters "
                         "returned to Tahrir Square on Thursday, defying a curfew."))
    assert one(top, "January 27, 2011").role == "stamp"
    filler = "Readers asked what the stimulus bill means for the deficit this year. " * 8
    blog = clues_of(Block(filler), Block("By Dan Froomkin | March 16, 2009; 12:20 PM ET"),
                    Block("The single most important question is who pays."))
    assert one(blog, "March 16, 2009").role == "stamp"


def test_publication_notes_are_stamps_and_amendments_come_after():
    programme = clues_of(
        Block("Broadcasters in Port-au-Prince are back on air after the quake, they said."),
        Block("First broadcast 22 January 2010"))
    assert one(programme, "22 January 2010").role == "stamp"
    found = clues_of(
        Block("The first heavy oil washed into the marshes on Saturday, officials said."),
        Block("This article was published on guardian.co.uk at 00.05 BST on Sunday 30 May 2010."),
        Block("This article was amended on 2 June 2010. The original misspelt a name."))
    assert one(found, "Sunday 30 May 2010").role == "stamp"
    assert one(found, "2 June 2010").role == "upper"      # on or after the day


def test_a_tweet_box_gives_no_clue():
    found = clues_of(Block("The pope said on Monday he would step down at the end of the month."),
                     Block("7:01 pm ET February 11, 2013 RETWEET Could the next pope be from Africa?"))
    assert not [c for c in found if c.kind == "day"]


def test_datelines_after_a_headline_or_with_only_the_agency():
    wrapup = clues_of(Block("WRAPUP 2-Rebels take oil town * Government forces bomb arms depot, "
                            "rebels say AJDABIYAH, Libya, March 4 (Reuters) - Government forces "
                            "fought their way into a rebel-held town on Friday."))
    assert one(wrapup, "March 4").role == "dateline"
    bare = clues_of(Block("Aug 16 (Reuters) - No secret talks were held, the rebel council said."))
    assert one(bare, "Aug 16").role == "dateline"
    # a date in a sentence is not a dateline
    story = clues_of(Block("The talks, which began in LONDON on March 4, ended without a deal."))
    assert one(story, "March 4").role == "text"


def test_a_clock_time_cut_from_its_date_line_still_makes_a_stamp():
    # "Clare Spencer | 09:51 UK time, Friday, 28 May 2010" split by the cleaner
    found = clues_of(Block("Clare Spencer | 09:51 UK", "timestamp"),
                     Block("time, Friday, 28 May 2010 Commentators react to the president's "
                           "handling of the spill."))
    assert one(found, "Friday, 28 May 2010").role == "stamp"


def test_relative_days_the_tagger_dated_from_another_date_are_not_new_clues():
    found = clues_of(Block("The bank collapsed on September 15, 2008. The following day, the "
                           "government stepped in."))
    assert [c.text for c in found if c.kind == "day"] == ["September 15, 2008"]
