from __future__ import annotations

from timeline_texts import COLLAPSE_GAZETTE, INQUIRY_GAZETTE, article

from storyline.model import Block
from storyline.timeline import extract, parse_value


def test_time_values_become_dates_with_granularity():
    assert parse_value("2024-02-14") == ("2024-02-14", "day")
    assert parse_value("2024-02-14TMO") == ("2024-02-14", "day")
    assert parse_value("2024-02-14T15:30") == ("2024-02-14", "day")
    assert parse_value("2024-02") == ("2024-02-01", "month")
    assert parse_value("2024") == ("2024-01-01", "year")
    assert parse_value("2024-W07") == ("2024-02-12", "week")
    for nothing in ("PRESENT_REF", "PAST_REF", "P3D", "XXXX-03", "XXXX-WXX-2", "2024-SU", ""):
        assert parse_value(nothing) is None


def test_weekday_report_is_dated_by_the_time_layer():
    found = {s.sentence: s for s in extract(INQUIRY_GAZETTE)}
    inquiry = found["Governor Lena Okafor ordered an independent inquiry into the bridge "
                    "collapse on Monday."]
    assert (inquiry.date, inquiry.granularity, inquiry.how) == ("2024-03-11", "day", "timex")
    assert inquiry.timex == "Monday"
    looking_back = found["The Harlow Bridge collapsed on March 5, killing two people."]
    assert looking_back.date == "2024-03-05"
    assert found["The inquiry will report by June."].granularity == "month"


def test_lead_without_time_takes_the_article_date():
    a = article("x1", "Gazette", "2024-05-02",
                "Flood water reached the town hall steps in the early hours.",
                "Residents said the river rose faster than in any year they remember.",
                "The council will meet to discuss new defences.",
                "Sandbags were handed out at the fire station all afternoon long.")
    found = extract(a)
    assert [(s.date, s.how, s.position) for s in found] == [
        ("2024-05-02", "published", 0), ("2024-05-02", "published", 1)]
    # A plan ("will meet") is not a report of the day; past the lead nothing is dated.


def test_undated_article_dates_only_what_its_text_fixes():
    a = article("x2", "Gazette", None,
                "The mill closed on March 3, 2023, after ninety years of trading.",
                "Workers gathered outside the gates on Tuesday to say goodbye.")
    found = extract(a)
    assert [(s.date, s.granularity) for s in found] == [("2023-03-03", "day")]


def test_entities_named_in_the_sentence_are_kept():
    from storyline.model import Mention
    a = article("x3", "Gazette", "2024-03-12",
                "Governor Lena Okafor ordered an inquiry into the collapse on Monday.")
    a.mentions = [Mention(0, 20, "Governor Lena Okafor", "PERSON", "Lena Okafor")]
    assert extract(a)[0].entities == ["Lena Okafor"]


def test_pipeline_sentences_are_used_when_present():
    a = article("x4", "Gazette", "2024-03-05", "The bridge collapsed. Two people died in it today.")
    a.sentences = [(0, len(a.body))]          # the language pipeline saw one sentence
    assert [s.sentence for s in extract(a)] == [a.body]


def test_title_of_a_dated_article_is_a_report_of_its_day():
    a = COLLAPSE_GAZETTE
    titled = type(a)(id="t1", origin=a.origin, source=a.source, title="Harlow Bridge collapses",
                     published=a.published, blocks=[Block("Nothing else to say here today.")])
    first = extract(titled)[0]
    assert (first.sentence, first.date, first.position) == ("Harlow Bridge collapses",
                                                            "2024-03-05", -1)


def test_scraped_furniture_is_cut_from_the_front_of_a_sentence():
    from storyline.timeline.events import clean_sentence
    # A headline and standfirst glued before the page's time stamp.
    assert clean_sentence("Bridge falls into river Two die as span gives way Tuesday 5 March "
                          "2024 09.12 GMT The Harlow Bridge collapsed into the Venn River.") == \
        "The Harlow Bridge collapsed into the Venn River."
    assert clean_sentence("5 March 2024 Last updated at 10:02 GMT Help Rescue crews pulled "
                          "survivors from the water.") == \
        "Rescue crews pulled survivors from the water."
    assert clean_sentence("By Jo Bell, Harlow Gazette Correspondent Rescue crews worked through "
                          "the night.") == "Rescue crews worked through the night."
    assert clean_sentence("(Photo/Jo Bell) Divers searched the river below the broken "
                          "span.") == "Divers searched the river below the broken span."
    # Times inside a report stay.
    kept = "The bridge fell on March 5, 2024 at 9:30 a.m. and two people died."
    assert clean_sentence(kept) == kept


def test_page_furniture_is_no_sentence():
    from storyline.timeline.events import clean_sentence
    assert clean_sentence("Bridge Hearing Aired March 6, 2024 - 10:00 ET THIS IS A RUSH "
                          "TRANSCRIPT.") == ""
    assert clean_sentence("An earlier version of this article incorrectly described the "
                          "bridge's age.") == ""


def test_a_deadline_dates_a_sentence_only_when_nothing_else_does():
    a = article("fer1", "Harbor Times", "2023-06-14",
                "Sound Crossing Ferries has until June 30 to prove its three ferries are safe to "
                "sail, the Marine Safety Board said on Tuesday.",
                "The company must answer by June 30 or lose its license to the crossing.")
    found = {s.sentence[:20]: s for s in extract(a)}
    assert (found["Sound Crossing Ferri"].date, found["Sound Crossing Ferri"].timex) == (
        "2023-06-13", "Tuesday")
    assert found["The company must ans"].date == "2023-06-30"


def test_page_furniture_never_becomes_an_entry():
    # Sentences written for storyline in the shapes scraped pages give them.
    a = article("gaz9", "Harlow Gazette", "2024-03-12",
                "(Update 3 p.m. Harlow, 10 a.m. ET)",
                "Developments on the bridge inquiry: (Update 9:29 p.m. in Harlow, 4:29 p.m. ET) -- "
                "Divers recovered a second car from the Venn River on Tuesday.",
                "March 12, 2024 at 8:10 am | Report abuse | March 12, 2024 at 8:39 am | Reply",
                "Governor Lena Okafor (left) tours the collapsed bridge with engineers on Monday.",
                "Bridge Inquiry Opens in Harlow; Divers Search River as Families Wait",
                "Coming up, the latest from Harlow where divers searched the river today.",
                "Page last updated at 07:48 GMT, Tuesday, 12 March 2024 The county closed two more "
                "bridges on Tuesday pending inspections.")
    found = extract(a)
    texts = [s.sentence for s in found]
    assert not any("Update" in t or "Report abuse" in t or "(left)" in t or "Coming up" in t
                   or "Bridge Inquiry Opens" in t for t in texts), texts
    divers = next(s for s in found if "Divers recovered" in s.sentence)
    # the update's clock dates nothing: the entry is dated by "Tuesday"
    assert divers.sentence.startswith("Developments on the bridge inquiry: Divers")
    assert (divers.date, divers.timex) == ("2024-03-12", "Tuesday")
    closed = next(s for s in found if "closed two more" in s.sentence)
    assert closed.sentence.startswith("The county closed")


def test_sentences_full_of_names_are_still_news():
    from storyline.timeline.events import is_furniture
    assert not is_furniture("U.S. Secretary of State Hillary Clinton met Russian Foreign "
                            "Minister Sergei Lavrov in Geneva on Monday.")
    assert is_furniture("Calm and Peace after Heavy Gunfire in Tahrir Square; Crisis in Egypt "
                        "and the Obama Administration;")
    # an AP caption ends on its full date and place; a teaser trails off
    assert is_furniture("President Bush returns a salute before boarding Marine One on the "
                        "South Lawn, Friday, Oct. 17, 2008 in Washington.")
    assert is_furniture("BP's chairman said Sunday that a failed piece of equipment was to "
                        "blame for a massive oil spill along t...")
    assert not is_furniture("BP's chairman said on Sunday, April 25, 2010, that a valve failed.")
    # a line of names and clocks says nothing
    assert is_furniture("LIBYA, 11:22 p.m. ET, 6:22 a.m.")
    assert not is_furniture("Obama met Cameron at 10:30 a.m.")
    # a reader's cry is a comment, not news
    assert is_furniture("Just two weeks ago McCain said the economy was fundamentally strong!!!!")
    assert not is_furniture("\"We will not give up!\" the crowd chanted on Friday.")


def test_photo_captions_in_the_text_are_not_news_but_dated_gallery_captions_are():
    from storyline.timeline.events import is_furniture
    assert is_furniture("In this photo released by the governor's office, Lena Okafor talks "
                        "with engineers at the Harlow Bridge.")
    assert is_furniture("Families wait by the river in this handout picture taken near Harlow.")
    assert is_furniture("A still from a video released by the county shows the span falling.")
    # a gallery's dated caption dates what it shows: kept
    assert not is_furniture("March 5: Divers search the Venn River below the collapsed bridge.")


def test_a_dateline_day_dates_the_lead_and_a_date_named_in_passing_dates_nothing():
    a = article("gaz7", "Harlow Gazette", "2024-03-13",
                "HARLOW, March 12 -- Governor Lena Okafor ordered every bridge in the county "
                "closed for inspection, a week after the collapse.",
                "Divers recovered a second car from the Venn River, where the bridge fell on "
                "March 5, as families waited on the bank.",
                "Officials from the county, which opened its inquiry on March 8, declined to "
                "comment on the divers' findings.",
                "The inquiry's panel, which first met on March 8, will report in May.",
                "Two more divers have been hurt since the search began on March 6.")
    found = {s.sentence[:12]: s for s in extract(a, lead=2)}
    assert (found["Governor Len"].date, found["Governor Len"].timex) == ("2024-03-12", "March 12")
    assert "dateline" in found["Governor Len"].why
    # a lead sentence whose only date sits in a relative clause reports the article's day
    assert (found["Divers recov"].date, found["Divers recov"].how) == ("2024-03-13", "published")
    # further down, such a sentence is not dated at all; one with a date of its own is
    assert "Officials fr" not in found
    assert found["The inquiry'"].date == "2024-05-01"
    assert "Two more div" not in found        # a starting point is named in passing too


def test_a_gallery_caption_is_evidence_for_its_day_but_never_an_entry():
    from storyline.clean import clean_text
    from storyline.timeline import build

    a = article("fox4", "Gulf Wire", "2024-06-06",
                "Engineers placed a new cap on the leaking well on Wednesday, officials said.")
    caption = clean_text("A lede about the well that engineers capped on Wednesday, officials said.\n"
                         "June 4: Oil is seen gushing around the cap placed by the engineers.")[1]
    assert caption.rule == "caption-dated-gallery"
    a.blocks.append(caption)
    found = [s for s in extract(a) if s.position == -2]
    assert [(s.date, s.timex) for s in found] == [("2024-06-04", "June 4")]
    assert all("gushing" not in e.text for e in build([a], length=5))


def test_penn_tokenized_credits_and_datelines_are_cut_off_an_entry():
    from storyline.text.scraped import clean_sentence
    assert clean_sentence("LRB- CNN -RRB- -- Libyan leader Moammar Gadhafi made a brief television "
                          "appearance early Tuesday.") == (
        "Libyan leader Moammar Gadhafi made a brief television appearance early Tuesday.")
    assert clean_sentence("Djerba , Tunisia -LRB- CNN -RRB- -- President Barack Obama said Thursday "
                          "he approved the flights.") == (
        "President Barack Obama said Thursday he approved the flights.")


def test_listings_are_no_entries_even_behind_a_page_stamp():
    from storyline.text.scraped import clean_sentence
    stamp = "29 September 2011 Last updated at 15:44 GMT Help "
    assert clean_sentence(stamp + "Live coverage of the trial of Dr Conrad Murray, the singer's "
                                  "physician.") == ""
    assert clean_sentence("Tim Hanson will be online Thursday, Oct. 16 at noon ET to take your "
                          "questions about Wall Street.") == ""
    assert clean_sentence(stamp + "Dr Conrad Murray went on trial for the singer's death.") == (
        "Dr Conrad Murray went on trial for the singer's death.")


def test_penn_tokenized_update_stamps_comment_stamps_and_seconds_are_furniture():
    from storyline.text.scraped import clean_sentence
    from storyline.timeline.events import is_furniture
    a = article("cnn9", "CNN", "2011-02-13",
                "-LRB- Update 7:00 p.m. in Cairo , 12:00 p.m. ET -RRB- - Egyptian banks stayed "
                "closed , the central bank said .")
    (found,) = extract(a)
    assert found.sentence.startswith("Egyptian banks") and (found.date, found.how) == (
        "2011-02-13", "published")
    assert is_furniture("February 2 , 2011 at 1:28 pm | First of all I would n't be in a violent protest .")
    assert clean_sentence("updated : Fri Jan 14 2011 20:54:00 Tunisia 's president calls for new "
                          "elections .") == "Tunisia 's president calls for new elections ."


def test_a_stamps_cut_off_tail_and_follow_plugs_leave_an_entry():
    from storyline.text.scraped import clean_sentence
    assert clean_sentence("Cairo , 7:45 a.m. ET -RRB- State-run Nile TV reports that the curfew "
                          "was extended .") == "State-run Nile TV reports that the curfew was extended ."
    assert clean_sentence("Follow the latest tweets from CNN correspondents from the protests .") == ""
    assert clean_sentence("Cairo police said 20 people were hurt at 7:45 a.m. on Friday .") == (
        "Cairo police said 20 people were hurt at 7:45 a.m. on Friday .")
