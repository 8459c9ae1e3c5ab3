"""Send times as releases print them: every form read, nothing guessed, no machine clock or zone."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

import pytest

import cablethread
from cablethread.fields.dates import ParsedDate, ocr_table, parse_sent


def _codes(parsed: ParsedDate) -> list[str]:
    return [note.code for note in parsed.notes]


@pytest.mark.parametrize(
    ("printed", "dayfirst", "wall_clock"),
    [
        # Outlook in New Zealand: weekday, day first, 12-hour clock.
        ("Thursday, 11 July 2019 11:25 AM", True, datetime(2019, 7, 11, 11, 25)),
        ("Friday, 17 May 2019 12:38 a.m.", True, datetime(2019, 5, 17, 0, 38)),
        ("Monday, 22 July 2019 3:27 p.m.", True, datetime(2019, 7, 22, 15, 27)),
        ("Thursday, 4 July 2019 12:00 PM", True, datetime(2019, 7, 4, 12, 0)),
        # Outlook in the United States: month first.
        ("Thursday, June 30, 2011 11:41 PM", False, datetime(2011, 6, 30, 23, 41)),
        ("Saturday, December 5, 2009 3:09 PM", False, datetime(2009, 12, 5, 15, 9)),
        ("Thursday, May 13,2010 2:45 PM", False, datetime(2010, 5, 13, 14, 45)),
        ("Tuesday, September 11 2012 1:31 PM", False, datetime(2012, 9, 11, 13, 31)),
        # BlackBerry (ctime).
        ("Sat Jan 22 11:25:12 2011", False, datetime(2011, 1, 22, 11, 25, 12)),
        ("Wed Dec 23 17:01:38 2009", True, datetime(2009, 12, 23, 17, 1, 38)),
        # Gmail and Apple Mail.
        ("Sun, Jun 26, 2011 at 9:24 PM", False, datetime(2011, 6, 26, 21, 24)),
        ("25 October 2021 at 11:17:21 EEST", True, datetime(2021, 10, 25, 11, 17, 21)),
        ("Thursday, 28 October 2021 at 12:46", True, datetime(2021, 10, 28, 12, 46)),
        # RFC 822 and AOL, with zones after the clock.
        ("Thu, 27 May 2010 10:13:33 -0400", False, datetime(2010, 5, 27, 10, 13, 33)),
        ("9/2/2010 1:07:36 P.M. Eastern Daylight Time", False, datetime(2010, 9, 2, 13, 7, 36)),
        (
            "Sunday, December 02, 2012 09:52 AM Eastern Standard Time",
            False,
            datetime(2012, 12, 2, 9, 52),
        ),
        # Year first is year, month, day in either policy.
        ("2009-10-05 10:00:00", True, datetime(2009, 10, 5, 10, 0)),
        ("2019-07-11T11:25:00", True, datetime(2019, 7, 11, 11, 25)),
        ("2024/01/15 14:30:25", False, datetime(2024, 1, 15, 14, 30, 25)),
        # Numeric, in the order the policy gives.
        ("05/03/2001 05:44 AM", True, datetime(2001, 3, 5, 5, 44)),
        ("05/03/2001 05:44 AM", False, datetime(2001, 5, 3, 5, 44)),
        ("Fri 11/30/2001 5:58 PM", False, datetime(2001, 11, 30, 17, 58)),
    ],
)
def test_printed_forms(printed: str, dayfirst: bool, wall_clock: datetime) -> None:
    parsed = parse_sent(printed, dayfirst)
    assert parsed.value == wall_clock
    assert "date-weekday-mismatch" not in _codes(parsed)


def test_numeric_offset_is_kept_apart_from_the_wall_clock() -> None:
    assert parse_sent("Thu, 27 May 2010 10:13:33 -0400", False).utc_offset_minutes == -240
    assert parse_sent("Wed, 10 Jul 2019 11:18 +1200", True).utc_offset_minutes == 720
    # A zone name is read past, not turned into an offset: zones are the timeline's business.
    assert (
        parse_sent("Sunday, December 02, 2012 09:52 AM Eastern Standard Time").utc_offset_minutes
        is None
    )


@pytest.mark.parametrize(
    ("printed", "wall_clock", "note"),
    [
        # The year run into the time by OCR.
        ("Thursday, 11 July 201911:00 AM", datetime(2019, 7, 11, 11, 0), "year runs into the time"),
        (
            "Sunday, March 18, 2012.05:16 PM",
            datetime(2012, 3, 18, 17, 16),
            "year runs into the time",
        ),
        # BlackBerry: day run into the hour, seconds run into the year.
        ("Thu Aug 2608:51:35 2010", datetime(2010, 8, 26, 8, 51, 35), "day runs into the hour"),
        ("Thu Aug 26 10:31:112010", datetime(2010, 8, 26, 10, 31, 11), "time runs into the year"),
        # The colon of the time lost or misread; AM/PM shows it is a time.
        ("Wednesday, September 30, 2009 917 PM", datetime(2009, 9, 30, 21, 17), "read as 9:17"),
        ("Wednesday, May 27, 2009 5 49 AM", datetime(2009, 5, 27, 5, 49), "read as 5:49"),
        ("Wednesday, May 09, 2012 10;17 AM", datetime(2012, 5, 9, 10, 17), "semicolon"),
        ("Friday, April 10, 2009 7:12 P", datetime(2009, 4, 10, 19, 12), "read as PM"),
        ("Friday, December 03, 2010 15:00 PM", datetime(2010, 12, 3, 15, 0), "24-hour clock"),
        # Month and weekday names damaged; one reading left, and the weekday agrees.
        ("Saturday, Se tember 5 2009 11:58 PM", datetime(2009, 9, 5, 23, 58), "September"),
        ("Wednesday Au ust 19 2009 1:05 PM", datetime(2009, 8, 19, 13, 5), "August"),
        ("Sun Au: 29 21:24:30 2010", datetime(2010, 8, 29, 21, 24, 30), "August"),
        ("Friday, Janua 22 2010 10:12 AM", datetime(2010, 1, 22, 10, 12), "January"),
        ("Wednesday, lune 15, 2011 09:40 AM", datetime(2011, 6, 15, 9, 40), "June"),
        ("Ffiday, August 6, 2010 4:21 PM", datetime(2010, 8, 6, 16, 21), "read as Friday"),
        ("Wednesda , June 3, 2009 6:12 PM", datetime(2009, 6, 3, 18, 12), "read as Wednesday"),
        ("iThursday, November 29, 2012 9:59 AM", datetime(2012, 11, 29, 9, 59), "read as Thursday"),
    ],
)
def test_ocr_damage_mended_only_where_one_reading_fits(
    printed: str, wall_clock: datetime, note: str
) -> None:
    parsed = parse_sent(printed, False)
    assert parsed.value == wall_clock
    assert _codes(parsed)[0] == "date-ocr-repaired"
    assert note in parsed.notes[0].message


def test_weekday_chooses_between_two_damaged_months() -> None:
    # ``Ma`` is March or May; 21 May 2009 was a Thursday, 21 March 2009 a Saturday.
    assert parse_sent("Thursday, Ma 21 2009 6:31 AM", False).value == datetime(2009, 5, 21, 6, 31)
    assert parse_sent("Saturday, Ma 21 2009 6:31 AM", False).value == datetime(2009, 3, 21, 6, 31)


@pytest.mark.parametrize(
    "printed",
    [
        "Ma 21 2009 6:31 AM",  # March or May, and no weekday to tell
        "Friday, Ma 21 2009 6:31 AM",  # neither 21 March nor 21 May 2009 was a Friday
        "Monday, Au ust 19 2009 1:05 PM",  # 19 August 2009 was a Wednesday
    ],
)
def test_damaged_month_is_not_guessed(printed: str) -> None:
    parsed = parse_sent(printed, False)
    assert parsed.value is None
    assert _codes(parsed) == ["date-unparsed"]


@pytest.mark.parametrize(
    ("printed", "wall_clock", "note"),
    [
        # Day first, as the seed's release prints it: the weekday or the month damaged.
        ("Thursdav, 11 July 2019 11:25 AM", datetime(2019, 7, 11, 11, 25), "read as Thursday"),
        ("Thursday, 11 Juiy 2019 11:25 AM", datetime(2019, 7, 11, 11, 25), "'Juiy' read as July"),
        ("Thursday, 11 Ju1y 2019 11:25 AM", datetime(2019, 7, 11, 11, 25), "'Ju1y' read as July"),
        ("11 Jnly 2019 11:25", datetime(2019, 7, 11, 11, 25), "'Jnly' read as July"),
        # A digit inside a name, and two letters for one (``rn`` for ``m``), either order.
        ("5unday, November 27, 2011 08:30 AM", datetime(2011, 11, 27, 8, 30), "'5unday' read"),
        ("Tuesday, 5eptember 25, 2012 10:42 PM", datetime(2012, 9, 25, 22, 42), "'5eptember'"),
        ("Saturday, Decernber 31, 2011 11:39 AM", datetime(2011, 12, 31, 11, 39), "'Decernber'"),
        ("Vvednesclav, 16 September 2009 1:34 PM", datetime(2009, 9, 16, 13, 34), "Wednesday"),
        # The Clinton release (C05763032).
        ("1riday, June 12, 2009 2:59 PM", datetime(2009, 6, 12, 14, 59), "'1riday' read as Friday"),
    ],
)
def test_damaged_names_of_a_date(printed: str, wall_clock: datetime, note: str) -> None:
    parsed = parse_sent(printed, True)
    assert parsed.value == wall_clock
    assert _codes(parsed) == ["date-ocr-repaired"]
    assert note in parsed.notes[0].message


@pytest.mark.parametrize(
    ("printed", "wall_clock", "note"),
    [
        (
            "Thursday, l1 July 2O19 11:2S AM",
            datetime(2019, 7, 11, 11, 25),
            "'l1' read as 11; '2O19' read as 2019; '11:2S' read as 11:25",
        ),
        # The Clinton release (C05767482, C05739846).
        ("Sunday, November 29, 2009 1:0S PM", datetime(2009, 11, 29, 13, 5), "'1:0S' read as 1:05"),
        (
            "Tuesday, December 18, 2012 09:S1 PM",
            datetime(2012, 12, 18, 21, 51),
            "'09:S1' read as 09:51",
        ),
        ("Thursday, 11 July 2019 I1:25 AM", datetime(2019, 7, 11, 11, 25), "'I1:25' read as 11:25"),
        ("Thursday, 4 July 2019 S:26 AM", datetime(2019, 7, 4, 5, 26), "'S:26' read as 5:26"),
        # The Clinton release (C05786662): the half of the day, its first letter deciding.
        (
            "Friday, October 28, 2011 2:20 Pr",
            datetime(2011, 10, 28, 14, 20),
            "'Pr' after the time read as PM",
        ),
    ],
)
def test_letters_printed_for_digits_are_read_as_digits(
    printed: str, wall_clock: datetime, note: str
) -> None:
    parsed = parse_sent(printed, False)
    assert parsed.value == wall_clock
    assert _codes(parsed) == ["date-ocr-repaired"]
    assert parsed.notes[0].message == f"{printed!r}: {note}"


@pytest.mark.parametrize(
    "printed",
    [
        "Friday, l1 July 2019 11:25 AM",  # 11 July 2019 was a Thursday
        "Thursday, l1 July 2019",  # no time of day
        "Friday, 11 Juiy 2019 11:25 AM",  # July, but 11 July 2019 was a Thursday
        "Monday, Decernber 31, 2011 11:39 AM",  # 31 December 2011 was a Saturday
        "Monday, 5eptember 25, 2012 10:42 PM",  # 25 September 2012 was a Tuesday
        "Thursday, June 04, 200 4:58 PM",  # a year cut short (Clinton, C05761778): not 200 AD
        "Thursday, June 10, 2 10 6:18 PM",  # nor 2002 (Clinton, C05775655)
        "Thursday, 11 July 20 19 11:25 AM",  # nor 2020
    ],
)
def test_no_reading_against_the_printed_weekday(printed: str) -> None:
    parsed = parse_sent(printed, False)
    assert parsed.value is None
    assert _codes(parsed) == ["date-unparsed"]


def test_a_day_lost_to_a_letter_is_not_read_as_another_day() -> None:
    """``l1 July``: the letter is a digit, never a weekday's tail, so not 1 July."""
    assert parse_sent("Thursday, l1 July 2019 11:25 AM", True).value == datetime(
        2019, 7, 11, 11, 25
    )


@pytest.mark.parametrize("dayfirst", [True, False])
def test_a_date_printed_year_first_after_a_weekday(dayfirst: bool) -> None:
    parsed = parse_sent("Thursday, 2019-07-11 11:25", dayfirst)
    assert parsed.value == datetime(2019, 7, 11, 11, 25)
    assert parsed.notes == ()
    parsed = parse_sent("Friday, 2019-07-11 11:25", dayfirst)
    assert parsed.value == datetime(2019, 7, 11, 11, 25)
    assert _codes(parsed) == ["date-weekday-mismatch"]


def test_weekday_settles_a_numeric_date() -> None:
    # 05/03/2001 is 5 March (a Monday) or 3 May (a Thursday): the printed Thursday decides.
    parsed = parse_sent("Thursday, 05/03/2001 05:44 AM", True)
    assert parsed.value == datetime(2001, 5, 3, 5, 44)
    assert _codes(parsed) == ["date-dayfirst-by-weekday"]
    parsed = parse_sent("Monday, 05/03/2001 05:44 AM", False)
    assert parsed.value == datetime(2001, 3, 5, 5, 44)
    assert _codes(parsed) == ["date-dayfirst-by-weekday"]


def test_numeric_date_impossible_in_the_policy_order() -> None:
    parsed = parse_sent("5/29/2010 3:09:23 A.M.", True)
    assert parsed.value == datetime(2010, 5, 29, 3, 9, 23)
    assert _codes(parsed) == ["date-order-swapped"]


@pytest.mark.parametrize(
    ("printed", "dayfirst"),
    [
        ("Friday, 11 July 2019 11:25 AM", True),  # 11 July 2019 was a Thursday
        ("Sat Jan 23 11:25:12 2011", False),  # 23 January 2011 was a Sunday
        ("Sat, 05/03/2001 05:44 AM", True),  # neither 5 March nor 3 May 2001 was a Saturday
    ],
)
def test_weekday_mismatch_is_reported_not_mended(printed: str, dayfirst: bool) -> None:
    parsed = parse_sent(printed, dayfirst)
    assert parsed.value is not None
    assert "date-weekday-mismatch" in _codes(parsed)


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("", "date-missing"),
        ("Saturday, October 3, ZUU9 10:U8 AM", "date-unparsed"),
        ("Friday, February 25, 2011 0/:3b AM", "date-unparsed"),
        ("Sun Aug 26 14:14:5/ LUIZ", "date-unparsed"),
        ("Sunday, April 03, 2011 11:30 M", "date-unparsed"),  # AM or PM?
        ("Thursday, 11 July 2019", "date-unparsed"),  # no time of day
        ("24 May", "date-incomplete"),
        ("Sat, Feb 0:30 am", "date-incomplete"),
        ("Fri Jun 1215:21:19", "date-unparsed"),  # no year
        ("12 13 14", "date-incomplete"),
    ],
)
def test_unreadable_gives_none_and_a_note(printed: str, code: str) -> None:
    parsed = parse_sent(printed, False)
    assert parsed.value is None
    assert _codes(parsed) == [code]


@pytest.mark.parametrize("printed", ["10:00 AM", "Thursday 10:00", "July 2019 10:00"])
def test_missing_parts_never_come_from_the_clock(printed: str) -> None:
    assert parse_sent(printed, True).value is None


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="needs time.tzset")
def test_no_result_depends_on_the_machine_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    printed = [
        "2009-10-05 10:00:00 EST",  # read by dateutil, which would ask the machine about EST
        "Mon, 05 Oct 2009 10:00:00 EDT",
        "Mon, 05 Oct 2009 10:00:00 -0400",
    ]
    results = []
    for zone in ("America/New_York", "Pacific/Auckland", "UTC"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        results.append([(p.value, p.utc_offset_minutes) for p in map(parse_sent, printed)])
    monkeypatch.delenv("TZ")
    time.tzset()
    assert results[0] == results[1] == results[2]
    assert results[0] == [(datetime(2009, 10, 5, 10, 0), None)] * 2 + [
        (datetime(2009, 10, 5, 10, 0), -240)
    ]


def test_dates_in_a_release_carry_their_diagnostics() -> None:
    text = (
        "From: NAD\n"
        "Sent: Friday, 11 July 2019 11:25 AM\n"
        "To: BEIJING\n"
        "Subject: RE: FORMAL MESSAGE: XINJIANG\n"
        "\n"
        "From: BEIJING\n"
        "Sent: Thursday, 11 July 201911:00 AM\n"
        "To: NAD\n"
        "Subject: FORMAL MESSAGE: XINJIANG\n"
    )
    release = cablethread.parse(text, cablethread.Policy(profile="nz-mfat"))
    assert [m.sent_local for m in release.messages] == [
        datetime(2019, 7, 11, 11, 25),
        datetime(2019, 7, 11, 11, 0),
    ]
    found = {(d.code, d.span.start if d.span else 0) for d in release.diagnostics}
    assert {("date-weekday-mismatch", 2), ("date-ocr-repaired", 7)} <= found


@pytest.mark.parametrize(
    ("printed", "wall_clock"),
    [
        # French Outlook, Gmail and Apple Mail: day first, 24-hour clock, ``à`` before the time.
        ("jeudi 4 juillet 2019 05:26", datetime(2019, 7, 4, 5, 26)),
        ("28 oct. 2021 à 12:46", datetime(2021, 10, 28, 12, 46)),
        ("lundi 19 septembre 2022 à 15:20:05 +0200", datetime(2022, 9, 19, 15, 20, 5)),
        # German: ``um`` and ``Uhr``, abbreviated weekdays with a full stop, zone names.
        ("Donnerstag, 28. Oktober 2021 um 12:46", datetime(2021, 10, 28, 12, 46)),
        ("Mi., 27. Okt. 2021 um 09:31 Uhr", datetime(2021, 10, 27, 9, 31)),
        ("26. Oktober 2021 um 14:25:08 OESZ", datetime(2021, 10, 26, 14, 25, 8)),
        ("Don 11 Februar 2016 11:23", datetime(2016, 2, 11, 11, 23)),
        # Spanish and Portuguese: ``de`` between the parts, ``a las``, ``à(s)``.
        ("26 de octubre de 2021, 14:25:08 EEST", datetime(2021, 10, 26, 14, 25, 8)),
        ("mié, 27 oct 2021 a las 9:31", datetime(2021, 10, 27, 9, 31)),
        ("quarta, 27/10/2021 à(s) 09:31", datetime(2021, 10, 27, 9, 31)),
        ("qua., 27 de out. de 2021 às 09:31", datetime(2021, 10, 27, 9, 31)),
        # Italian, Dutch, Nordic, Finnish (a time with full stops), Polish.
        ("mer 27 ott 2021 alle ore 09:31", datetime(2021, 10, 27, 9, 31)),
        ("wo 27 okt. 2021 om 09:31", datetime(2021, 10, 27, 9, 31)),
        ("tirsdag den 2. november 2021 09.26.50 CET", datetime(2021, 11, 2, 9, 26, 50)),
        ("ons 27 okt. 2021 kl 09:31", datetime(2021, 10, 27, 9, 31)),
        ("torstaina, 28. lokakuuta 2021 klo 12.06", datetime(2021, 10, 28, 12, 6)),
        ("śr., 27 paź 2021 o 09:31", datetime(2021, 10, 27, 9, 31)),
        # Czech, Slovak, Hungarian (year first), Romanian, Turkish, Estonian.
        ("26. října 2021 14:25:08 GMT+3", datetime(2021, 10, 26, 14, 25, 8)),
        ("st 27. 10. 2021 o 9:31", datetime(2021, 10, 27, 9, 31)),
        ("utorok 2. novembra 2021, 09:26:50 SEČ", datetime(2021, 11, 2, 9, 26, 50)),
        ("2021. okt. 27., Sze, 9:31", datetime(2021, 10, 27, 9, 31)),
        ("mie., 27 oct. 2021 la 09:31", datetime(2021, 10, 27, 9, 31)),
        ("2 Kasım 2021 Salı 09:26:50 GMT+1", datetime(2021, 11, 2, 9, 26, 50)),
        ("K, 27. oktoober 2021 kell 09:31", datetime(2021, 10, 27, 9, 31)),
        # Russian and Ukrainian.
        ("четверг, 28 октября 2021 г. в 12:46", datetime(2021, 10, 28, 12, 46)),
        ("ср, 27 жовт. 2021 о 09:31", datetime(2021, 10, 27, 9, 31)),
        # Japanese and Chinese, with their words for the afternoon.
        ("2021年10月28日 12:46", datetime(2021, 10, 28, 12, 46)),
        ("2022年9月19日月曜日 17:55:44 -0400", datetime(2022, 9, 19, 17, 55, 44)),
        ("2016年12月12日，下午8:45", datetime(2016, 12, 12, 20, 45)),
        # A German afternoon: ``nachm.``.
        ("03.02.2016 3:35 nachm.", datetime(2016, 2, 3, 15, 35)),
    ],
)
def test_dates_in_other_languages(printed: str, wall_clock: datetime) -> None:
    parsed = parse_sent(printed, False)
    assert parsed.value == wall_clock
    assert _codes(parsed) == []


def test_the_blocks_language_settles_a_month_name_two_languages_use() -> None:
    # ``listopad`` is October in Croatian and November in Polish; ``u`` is Croatian for ``at``.
    assert parse_sent("26. listopada 2021. u 14:25", True, ("hr",)).value == datetime(
        2021, 10, 26, 14, 25
    )
    assert parse_sent("2 listopada 2021 09:26", True, ("pl",)).value == datetime(2021, 11, 2, 9, 26)
    assert parse_sent("2 listopada 2021 09:26", True, ("hr",)).value == datetime(2021, 10, 2, 9, 26)


def test_a_weekday_that_disagrees_gives_way_to_a_language_where_it_agrees() -> None:
    # ``sri`` is Wednesday in Croatian only; 27 October 2021 was a Wednesday. In Polish ``lis``
    # is November, and ``sri`` no Polish word: that reading is not taken even when tried first.
    parsed = parse_sent("sri, 27. lis 2021. u 09:31", True, ("pl", "hr"))
    assert parsed.value == datetime(2021, 10, 27, 9, 31)


def test_numeric_dates_are_day_first_outside_english() -> None:
    # The policy's month-first order holds for English; a German date is day first.
    assert parse_sent("03.02.2016 15:35", False).value == datetime(2016, 3, 2, 15, 35)
    assert parse_sent("03.02.2016 15:35", False, ("de",)).value == datetime(2016, 2, 3, 15, 35)


def test_a_date_of_words_from_two_languages_is_not_read() -> None:
    # ``jeudi`` is French, ``Oktober`` German: no one language holds both.
    parsed = parse_sent("jeudi 28 Oktober 2021 12:46", True)
    assert parsed.value is None


def test_policy_languages_restrict_the_dates_read() -> None:
    assert parse_sent("jeudi 4 juillet 2019 05:26", True, (), ("en", "de")).value is None
    assert parse_sent("jeudi 4 juillet 2019 05:26", True, (), ("fr",)).value == datetime(
        2019, 7, 4, 5, 26
    )


#: ``Sent:``/``Date:`` values of the NIH FOIA release (``tests/data/nih/``), as printed, with the
#: wall clock a reader sees in them and a word of the repair note.
NIH_DAMAGED = [
    # A blank, or a blank and a mark, after a colon of the time.
    ("Wednesday, February 19, 2020 8: 19 PM", datetime(2020, 2, 19, 20, 19), "read as 8:19"),
    ("Sunday, March 22, 2020 12: 30 AM", datetime(2020, 3, 22, 0, 30), "read as 12:30"),
    ("Saturday, March 14, 2020 at 6: 42 AM", datetime(2020, 3, 14, 6, 42), "a blank after"),
    ("March 13, 2020 at 3:13: 38 AM EDT", datetime(2020, 3, 13, 3, 13, 38), "read as 3:13:38"),
    ("Wednesday, March 4, 2020 6: ‘42 PM", datetime(2020, 3, 4, 18, 42), "a blank and '‘'"),
    # The half of the day damaged.
    ("Thursday, April 16, 2020 8:09 AV", datetime(2020, 4, 16, 8, 9), "'AV' after the time"),
    # The next field's label, its colon lost, left after the time.
    ("Thursday, January 30, 2020 4:53 PM To", datetime(2020, 1, 30, 16, 53), "'To'"),
    ("Tuesday, March 24, 2020 7:33 AM To 1G", datetime(2020, 3, 24, 7, 33), "'To 1G'"),
    ("Wednesday, February 26, 2020 6:57 PM Too 0", datetime(2020, 2, 26, 18, 57), "'Too 0'"),
    (
        "Wednesday, April 8, 2020 10:56 AM To O BEES Sa Sees aoe",
        datetime(2020, 4, 8, 10, 56),
        "next field's label",
    ),
    # A speck after the year; a damaged offset after a speck.
    ("March 13, 2020: at 8:53:29 AM EDT", datetime(2020, 3, 13, 8, 53, 29), "colon after the year"),
    ("Sun, 8 Mar 2020 09:59:21. -G400", datetime(2020, 3, 8, 9, 59, 21), "'-G400' is unreadable"),
]


@pytest.mark.parametrize(("printed", "wall_clock", "note"), NIH_DAMAGED)
def test_ocr_damage_of_the_nih_release(printed: str, wall_clock: datetime, note: str) -> None:
    parsed = parse_sent(printed, dayfirst=False, prefer=("en",))
    assert parsed.value == wall_clock
    assert _codes(parsed) == ["date-ocr-repaired"]
    assert note in parsed.notes[0].message
    assert parsed.utc_offset_minutes is None


def test_the_nih_values_are_printed_in_the_release() -> None:
    text = (Path(__file__).parent / "data" / "nih" / "nih_fauci_foia_ocr.txt").read_text("utf-8")
    assert [printed for printed, _, _ in NIH_DAMAGED if printed not in text] == []


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        # NIH release: a day OCR replaced by ``&`` (5 May was a Tuesday, but the day is not read).
        ("Tue, & May 2020 22:26:27 +0000", "date-unparsed"),
        ("Thursday, February 13", "date-incomplete"),
        ("Monday, Feb", "date-incomplete"),
        # A digit after the offset, recipients after the time: no label word stands there.
        ("Tue, 24 Mar 2020 14:30:50 +0000 7", "date-unparsed"),
        ("Thursday, February 13, 2020 6:35 PM >; Redfield, Robert R. (CDC/OD)", "date-unparsed"),
        # Not in the OCR table: a letter in the offset, a mark after the colon, a half of the day.
        ("Sun, 8 Mar 2020 09:59:21 -04X0", "date-unparsed"),
        ("Wednesday, March 4, 2020 6: *42 PM", "date-unparsed"),
        ("Thursday, April 16, 2020 8:09 XV", "date-unparsed"),
        # A blank after a full stop is no colon of a time.
        ("Wednesday, March 4, 2020 6. 42 PM", "date-unparsed"),
    ],
)
def test_damage_outside_the_ocr_table_is_not_mended(printed: str, code: str) -> None:
    parsed = parse_sent(printed, dayfirst=False, prefer=("en",))
    assert parsed.value is None
    assert _codes(parsed) == [code]


def test_the_ocr_table_ships_with_the_package() -> None:
    ocr_table.cache_clear()
    table = ocr_table()
    assert table.meridiem["AV"] == "AM"
    assert {"To", "Ce"} <= table.labels
    assert "G" in table.offset_letters
    assert ocr_table() is table


def test_repaired_nih_dates_carry_their_diagnostic_in_a_release() -> None:
    text = (
        "From: Anderson, Liz\n"
        "Sent: Wednesday, February 26, 2020 6:57 PM Too 0\n"
        "Ce: Spitalniak, Laura <lspitalniak@wtop.com>\n"
        "Subject: Interview request from WTOP [Please reply all]\n"
        "Good Evening Dr. Fauci,\n"
    )
    release = cablethread.parse(text)
    assert [m.sent_local for m in release.messages] == [datetime(2020, 2, 26, 18, 57)]
    assert ("date-ocr-repaired", 2) in {
        (d.code, d.span.start if d.span else 0) for d in release.diagnostics
    }


def test_prose_before_a_date_is_turned_down_by_its_words_without_asking_dateutil(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An attribution wrapped into the line of prose above it is tried as a date at each comma
    # (NIH): no language reads it, and dateutil, which spent a quarter of a millisecond on each
    # such value to turn it down, is not asked about a value of more than twelve words.
    import cablethread.fields.dates as dates

    def asked(*args: object, **kwargs: object) -> None:
        raise AssertionError("dateutil asked about prose")

    monkeypatch.setattr(dates.dateutil_parser, "parse", asked)
    prose = "Let us chat by phone this morning On Apr 28, 2020, at 5:51 AM, Haskins"
    parsed = parse_sent(prose)
    assert parsed.value is None
    assert [note.message for note in parsed.notes] == [f"{prose!r}: 15 words, too many for a date"]
