"""Documents of the US State Department's Clinton FOIA release, one per layout hazard.

Each file under ``tests/data/clinton/`` is named after the layout it exercises and its document
number. For every document every printed header block is listed as a reader would check it
against the print: the line it starts on, the sender as printed, the wall clock, the subject.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from printed import (
    DATA,
    US_CODE_WORD,
    Block,
    header_span_of,
    line_of,
    parse_data_file,
    parties,
    printed_blocks,
)

import cablethread

CLINTON = DATA / "clinton"

# (first line, sender as printed, wall clock, subject) of every block, in print order. A message
# quoted under an attribution (``On … wrote:``) prints no subject and takes the reply's above it,
# without its prefixes (``header-subject-quoted``).
BLOCKS: dict[str, list[Block]] = {
    "b3_statute_margin_codes_C05793752.txt": [
        (10, "Donilon, Thomas E.", "2012-11-10 19:44:00", "Fw: DP"),
        (21, "Brennan, John 0.", "2012-11-10 19:06:00", "DP"),
    ],
    "benghazi_committee_stamp_C05739545.txt": [
        (11, "Sullivan, Jacob J <Sullivan11@state.gov >", "2012-09-12 10:16:00", "FW: Wow"),
        (
            19,
            "Brose, Christian (Armed Services) (mailto:Christian_Brose@armed-servic,essenate.govi",
            "2012-09-12 10:09:00",
            "Wow",
        ),
    ],
    "blackberry_to_before_sent_release_in_part_C05765931.txt": [
        (
            10,
            "Valenzuela, Arturo A <ValenzuelaAA@state.gov>",
            "2009-12-05 15:46:00",
            "Re: Columbia, Brazil and Honduras",
        ),
        (44, "H <HDR22@clintonemail.com>", "2009-12-05 12:14:02", "Columbia, Brazil and Honduras"),
    ],
    "classification_stamp_beside_header_margin_b6_C05770346.txt": [
        (
            10,
            "Sullivan, Jacob J <SullivanJJ@state.gov>",
            "2010-08-07 18:28:00",
            "Fw: Message from AM",
        ),
        (22, "Sullivan, Jacob J", "2010-08-07 15:54:47", "FW: Message from AM"),
        (31, "Wailes, Jacob", "2010-08-07 15:49:00", "Message from AM"),
    ],
    "classification_stamp_wrapped_beside_header_C05762719.txt": [
        (
            8,
            "Sullivan, Jacob J <SullivanJJ@state.gov>",
            "2009-07-09 20:05:00",
            "FW: Morningstar Conversation with Hungarian PM",
        ),
        (
            19,
            "Nesheiwat, Julia",
            "2009-07-08 16:58:00",
            "Morningstar Conversation with Hungarian PM",
        ),
        (
            32,
            "Nesheiwat, Julia",
            "2009-07-08 16:55:00",
            "Morningstar Conversation with Hungarian PM",
        ),
    ],
    "column_labels_without_colon_margin_b6_C05739622.txt": [
        (
            11,
            "Anne-Marie Slaughter",
            "2011-03-30 08:38:00",
            "gorgeous plc on the front page of the NYTI",
        ),
    ],
    "column_layout_forwarded_blackberry_C05765966.txt": [
        (
            10,
            "Abedin, Huma <AbedinH©state.goy>",
            "2009-12-07 23:27:00",
            "Fw: for S -- a family plea",
        ),
        (18, "Slaughter, Anne-Marie", "2009-12-07 18:19:30", "for S -- a family plea"),
    ],
    "damaged_month_ma_time_without_colon_margin_b6_C05758562.txt": [
        (10, "H <hrod17@clintonemail corn>", "2009-05-21 06:31:00", "Speech"),
    ],
    "damaged_month_se_tember_C05759538.txt": [
        (9, "H <hrod17@clintonemail.com >", "2009-09-05 23:58:00", "Health care"),
    ],
    "damaged_weekday_attachments_wrapped_C05770298.txt": [
        (
            9,
            "McHale, Judith A <McHaleJA@state.gov>",
            "2010-08-06 16:21:00",
            "FW: AF/PDPA Organizational Development Plan",
        ),
    ],
    "day_run_into_hour_wrapped_subject_C05767430.txt": [
        (
            10,
            "Sullivan, Jacob J <SullivanJJ@state.gov>",
            "2009-10-28 06:37:00",
            "Fw: Tues read-out, including Af/Pak Roll-Out, China, trafficking story, IRI, and other issues",
        ),
        (
            22,
            "Holbrooke, Richard",
            "2009-10-28 06:35:13",
            "Fw: Tues read-out, including Af/Pak Roll-Out, China, trafficking story, IRI, and other issues",
        ),
        (
            30,
            "Feldman, Daniel F",
            "2009-10-28 06:11:37",
            "Tues read-out, including Af/Pak Roll-Out, China, trafficking story, IRI, and other issues",
        ),
    ],
    "eastern_standard_time_chain_C05796780.txt": [
        (10, "H <hrod17@clintonemail.com >", "2012-12-02 19:00:00", "Fw: Ireland Case"),
        (
            20,
            "Verveer, Melanne S [mailto:VerveerMS©state.gov]",
            "2012-12-02 09:52:00",
            "Re: Ireland Case",
        ),
        (30, "H [mailto:HDR22@clintonemail.com]", "2012-12-02 08:31:00", "Re: Ireland Case"),
        (
            38,
            "Verveer, Melanne S [mailto:VerveerMS©state.gov]",
            "2012-12-02 01:59:00",
            "Ireland Case",
        ),
    ],
    "from_without_colon_after_separator_C05767181.txt": [
        (10, "Abedin, Huma <AbedinH@state.gov>", "2010-02-13 21:28:00", "Re: hi huma/"),
        (19, None, "2010-02-13 21:22:05", "hi huma,{- 7"),
    ],
    "from_without_colon_benghazi_chain_C05739680.txt": [
        (11, "H <hrod17@clintonemail.com >", "2012-09-15 18:53:00", "Re: Holder"),
        (22, "Hanley, Monica R [mailto:FlanleyMR@state.gov]", "2012-09-15 18:52:00", "Holder"),
        (30, "Hanley, Monica R", "2012-09-15 18:41:00", "Re: PDB"),
        (41, "H [mailto:HDR22@clintonennail.com]", "2012-09-15 18:38:00", "Re: PDB"),
        (51, "Hanley, Monica R [mailto:HanleyMR@state.gov]", "2012-09-15 18:36:00", "Re: PDB"),
        (76, "H frnalito:HDR22@clintortemall.comi", "2012-09-15 18:30:00", "Re: PDB"),
        (86, "Hanley, Monica R [rnallto:HarileyMR@state.gov]", "2012-09-15 13:29:00", "Re: PDB"),
        (96, "H fmailto:HDR22@clintonemail.comj", "2012-09-15 13:10:00", "Re: PDB"),
        (104, "Hanley, Monica R fmailto:HanleylVIRPstate.govi", "2012-09-15 11:10:00", "Re: PDB"),
        (112, "H [mailto:HDR22@clintonemail.cornj", "2012-09-15 11:06:00", "Re: PDB"),
        (120, "Hanley, Monica R Ernailto:HanleyMR@state.gov]", "2012-09-15 10:59:00", "Re: PDB"),
        (145, "H [rriailto:HDR22@clintonernail.com]", "2012-09-15 10:56:00", "Re: PDB"),
        (153, "Hanley, Monica R [rnailto:HanleyMR@state.gov]", "2012-09-15 10:51:00", "Re: PDB"),
        (179, "H [mailto:HDR22@clintonemail.com)", "2012-09-15 10:43:00", "Re: PDB"),
        (188, "Hanley, Monica R [mailto:HanleyMR@state.gov]", "2012-09-15 09:35:00", "Re: PDB"),
        (210, "Hartley, Monica R", "2012-09-15 09:17:00", "PDS"),
    ],
    "hour_24_with_pm_C05776714.txt": [
        (
            9,
            "Mills, Cheryl D <MillsCD@state.gov>",
            "2010-12-03 18:38:00",
            "FW: A great Foreign Service tale....",
        ),
        (17, "Mull, Stephen D", "2010-12-03 15:44:00", "RE: A great Foreign Service tale...."),
        (26, "Blakeman, Chat - WWG01", "2010-12-03 15:00:00", "A great Foreign Service tale...."),
    ],
    "labels_without_colon_benghazi_stamp_C05739550.txt": [
        (
            12,
            "Mills, Cheryl D <MillsCD@state.gov>",
            "2012-09-12 12:44:00",
            "FVV: Cairo Condemnation - Final",
        ),
        (20, "Smith, Dana S (PA)", "2012-09-12 11:53:00", "FW: Cairo Condemnation - Final"),
        (28, "Snipe, Aaron D", "2012-09-11 13:31:00", "FW: Cairo Condemnation Final"),
        (36, "Snipe, Aaron D", "2012-09-11 06:18:00", "RE: Cairo Condemnation - Final"),
        (71, "Schwartz, Larry", "2012-09-11 05:26:00", "Cairo Condemnation - Final"),
    ],
    "memo_heading_not_a_block_C05763478.txt": [
        (
            8,
            "Mills, Cheryl D <MillsCD@state.gov>",
            "2009-08-10 10:51:00",
            "Re: MEMO: N. Ireland/CGI/Pres.Clinton/",
        ),
        (
            21,
            "H <HDR22@clintonemail.com>",
            "2009-08-10 10:46:50",
            "Fw: MEMO: N. Ireland/CGI/Pres.Clinton/",
        ),
        (31, "sbwhoeop", "2009-08-09 09:46:49", "MEMO: N. Ireland/CGI/Pres.Clinton/"),
    ],
    "numeric_date_eastern_daylight_time_aol_subj_C05772142.txt": [
        (
            9,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-09-08 22:33:00",
            "Re: Fwd: good luck- re middle east",
        ),
        (
            18,
            "H <HDR22@clintonemail.com>",
            "2010-09-08 22:25:07",
            "Fw: Fwd: good luck- re middle east",
        ),
        (26, "PVerveer", "2010-09-02 22:29:57", "Fwd: good luck- re middle east"),
        (37, "vinezmcc@iol.ie", "2010-09-02 13:07:36", "good luck- re middle east"),
    ],
    "ocr_specks_between_fields_C05776435.txt": [
        (
            9,
            "H < hrod17@clintonemail.com>",
            "2010-08-24 08:24:00",
            "Re: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            20,
            "McHale, Judith A <McHaleJA@state.gov>",
            "2010-08-24 08:22:17",
            "Re: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            31,
            "H <HDR22@clintonemail.com>",
            "2010-08-24 08:10:07",
            "Re: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            40,
            "McHale, Judith A <McHaleJA@state.gov>",
            "2010-08-24 07:57:14",
            "FW: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            74,
            "McHale, Judith A",
            "2010-08-24 07:48:00",
            "FW: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
    ],
    "original_message_chain_page_breaks_year_run_into_time_C05771487.txt": [
        (
            10,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 11:45:00",
            "RE: Mashabane call update",
        ),
        (
            20,
            "H [mailto:HDR22@clintonemail.com]",
            "2010-08-26 11:45:00",
            "Re: Mashabane call update",
        ),
        (
            29,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 11:44:10",
            "RE: Mashabane call update",
        ),
        (
            38,
            "H [mailto:HDR22@clintonemail.com]",
            "2010-08-26 11:44:00",
            "Re: Mashabane call update",
        ),
        (
            46,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 11:35:22",
            "RE: Mashabane call update",
        ),
        (
            55,
            "H [mailto:HDR22@clintonemail.com]",
            "2010-08-26 11:34:00",
            "Re: Mashabane call update",
        ),
        (
            68,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 11:30:43",
            "RE: Mashabane call update",
        ),
        (
            79,
            "H [mailto:HDR22@clintonemail.com]",
            "2010-08-26 10:32:00",
            "Re: Mashabane call update",
        ),
        (
            87,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 10:31:11",
            "RE: Mashabane call update",
        ),
        (
            97,
            "H [mailto:HDR22@clintonemailcom]",
            "2010-08-26 10:28:00",
            "Re: Mashabane call update",
        ),
        (
            105,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 10:22:52",
            "RE: Mashabane call update",
        ),
        (
            115,
            "H [mailto:HDR22@clintonemail.com]",
            "2010-08-26 09:49:00",
            "Re: Mashabane call update",
        ),
        (
            133,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 08:51:35",
            "Re: Mashabane call update",
        ),
        (142, "Jiloty, Lauren C", "2010-08-26 08:33:17", "Re: Mashabane call update"),
        (151, "H <HDR22@clintonemail.com>", "2010-08-26 08:31:45", "Re: Mashabane call update"),
        (
            159,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 08:30:56",
            "Re: Mashabane call update",
        ),
        (170, "H <HDR22@clintonemail.com>.", "2010-08-26 08:17:25", "Re: Mashabane call update"),
        (
            178,
            "Jiloty, Lauren C <JilotyLC@state.gov>",
            "2010-08-26 07:51:45",
            "Re: Mashabane call update",
        ),
        (194, "Jiloty, Lauren C", "2010-08-26 05:59:20", "Mashabane call update"),
    ],
    "page_stamp_between_to_and_cc_C05769895.txt": [
        (
            10,
            "Sullivan, Jacob J <SullivanJJ@state.gov>",
            "2010-06-13 11:18:00",
            "Re: S-Saudabayev call",
        ),
        (41, "Sullivan, Jacob J", "2010-06-13 10:50:39", "Re: S-Saudabayev call"),
        (55, "H <HDR22@clintonemail.com>", "2010-06-12 22:33:53", "Re: S-Saudabayev call"),
        (
            70,
            "Sullivan, Jacobi <SullivanJJ@state.gov>",
            "2010-06-12 21:49:40",
            "Fw: S-Saudabayev call",
        ),
        (81, "Wells, Alice G", "2010-06-12 20:30:36", "S-Saudabayev call"),
    ],
    "quoted_block_with_quote_marks_C05771911.txt": [
        (
            9,
            "Sullivan, Jacob 1 <SullivanJJ@state.gov>",
            "2010-09-05 16:51:00",
            "Re: Palau Agreement!",
        ),
        (20, "H <HDR22@clintonemail.com>", "2010-09-05 16:49:07", "Re: Palau Agreement!"),
        (
            28,
            "Sullivan, Jacob J <SullivanJJ@state.gov>",
            "2010-09-05 16:47:01",
            "Re: Palau Agreement!",
        ),
        (38, "H <HDR22@clintonemail.com>", "2010-09-05 16:45:57", "Re: Palau Agreement!"),
        (
            46,
            "Sullivan, Jacob J <SullivanJJ@state.gov>",
            "2010-09-05 16:44:37",
            "Re: Palau Agreement!",
        ),
        (56, "H <HDR22@clintonemail.com>", "2010-09-05 16:31:03", "Fw: Palau Agreement!"),
        (70, "Jeffrey L Farrow", "2010-09-04 07:55:08", "Palau Agreement!"),
        # ``On Jul 28, 2010, at 8:46 AM, H wrote:``: an attribution prints no subject.
        (81, "H", "2010-07-28 08:46:00", "Palau Agreement!"),
        (92, "Jeffrey L Farrow", "2010-07-25 20:49:54", "Palau but NOT a request"),
    ],
    "quoted_header_margin_codes_C05759595.txt": [
        (10, "H <hrod17@clintonemail.com >", "2009-09-09 06:07:00", "Fw: Iran insights from"),
        (18, "newmyer", "2009-09-08 08:52:10", "Re: Iran insights from"),
        (33, "H<HDR22@clintonemail.com>", "2009-09-07 16:06:00", "Iran insights from"),
        (36, "newmyer", "2009-09-02 11:01:17", "Iran insights from"),
    ],
    "quoted_mailto_attachments_margin_b6_C05792635.txt": [
        (9, "Capricia Marshall <capriciamarshall", "2012-10-13 15:53:00", "Re: You saved the day!"),
        (19, "H <HDR22@clintonemail.com>", "2012-10-13 14:07:00", "You saved the day!"),
        (
            22,
            "Capricia Marshall [mailto:capriciamarshall",
            "2012-10-13 14:03:00",
            "Re: You saved the day!",
        ),
        # Attributions quoted once and twice: ``> On Sat, Oct 13…``, ``>> On Oct 13, 2012…``.
        (33, "H <HDR22@clintonemail.com >", "2012-10-13 14:00:00", "You saved the day!"),
        # ``» Sent:`` / ``» To: H``: OCR read the quote mark as ``»``.
        (
            37,
            "Capricia Marshall [mailto:capriciamarshall",
            "2012-10-13 13:53:00",
            "Re: You saved the day!",
        ),
        (46, "H <HDR22@clintonemail.com>", "2012-10-13 09:32:00", "You saved the day!"),
    ],
    "release_in_part_banner_beside_header_C05774351.txt": [
        (
            6,
            "Sullivan, Jacob J <SullivanJJ@state.gov>",
            "2012-06-28 10:11:00",
            "Fw: Latest info from friend of HRC",
        ),
        (15, "Crebo-Rediker, Heidi E", "2012-06-28 09:49:00", "RE: Latest info from friend of HRC"),
        (41, "Sullivan, Jacob J", "2012-06-28 01:50:00", "Latest info from friend of HRC"),
    ],
    "repeated_to_lines_sent_last_C05770002.txt": [
        (10, "PIR <preines", "2010-06-23 18:54:00", "Re: Tonight"),
        (24, "H <HDR22@clintonemail.com>", "2010-06-23 18:53:10", "Re: Tonight"),
        (34, "PIR <preines", "2010-06-23 18:51:19", "Re: Tonight"),
        (48, "Evergreen", "2010-06-23 18:50:00", "Re: Tonight"),
        (59, "Valmoro, Lona J <ValmoroU@state. ov>", "2010-06-23 17:58:18", "Re: Tonight"),
        (79, "PIR <preines", "2010-06-23 17:39:11", "Re: Tonight"),
        (93, "Evergreen", "2010-06-23 17:32:00", "Tonight"),
    ],
    "sender_mailto_wrapped_C05794182.txt": [
        (9, "Sherman, Wendy R <ShermanWR@state.gov>", "2012-09-11 09:32:00", "RE: South Sudan"),
        (24, "H [mailto:HDR22@clintonemail.com]", "2012-09-11 09:19:00", "Re: South Sudan"),
        (38, "davidmiliband [mailto:davidmiliband", "2012-09-02 11:12:00", "South Sudan"),
    ],
    "sent_period_for_colon_separator_margin_b5_C05789040.txt": [
        (
            9,
            "Mills, Cheryl D <MillsCD@state.gov>",
            "2012-03-04 14:08:00",
            "FW: Seeking your guidance",
        ),
        (17, "Curtis, Meghann A", "2012-03-04 13:51:00", "Re: Seeking your guidance"),
        (34, "Mills, Cheryl D", "2012-03-04 12:30:00", "Re: Seeking your guidance"),
        (47, "Curtis, Meghann A", "2012-03-04 00:31:00", "Re: Seeking your guidance"),
        (57, "Mills, Cheryl D", "2012-03-03 16:42:00", "Re: Seeking your guidance"),
        (65, "Curtis, Meghann A", "2012-03-03 15:36:00", "Re: Seeking your guidance"),
        (82, "Mills, Cheryl D", "2012-03-03 15:23:00", "Re: Seeking your guidance"),
        (90, "Curtis, Meghann A", "2012-03-03 15:18:00", "Seeking your guidance"),
    ],
    "sent_semicolon_eastern_standard_time_C05739856.txt": [
        (11, "H <hrod17@clintonemail.com>", "2012-12-20 08:03:00", "Re: FOX from Caitlin"),
        (
            20,
            "Mills, Cheryl D [mailto:MillsCD@state.gov]",
            "2012-12-20 07:59:00",
            "FW: FOX from Caitlin",
        ),
        (29, "Laszczych, Joanne", "2012-12-20 07:57:00", "FOX from Caitlin"),
    ],
    "separator_before_page_break_C05771014.txt": [
        (
            9,
            "McHale, Judith A <McHaleJA@state.gov>",
            "2010-08-24 11:46:00",
            "RE: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            28,
            "Lew, Jacob J",
            "2010-08-24 10:58:00",
            "Re: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            37,
            "H <HDR22@clintonemail.com>",
            "2010-08-24 09:24:24",
            "Re: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            47,
            "Sullivan, Jacob J <SullivanJJ@state.gov>",
            "2010-08-24 09:23:17",
            "Re: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            65,
            "H <HDR22@clintonemail.com>",
            "2010-08-24 08:00:12",
            "Re: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            74,
            "McHale, Judith A <McHaleJA@state.gov>",
            "2010-08-24 07:57:14",
            "FW: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
        (
            115,
            "McHale, Judith A",
            "2010-08-24 07:48:00",
            "FW: Billions of aid dollars buy U.S. little goodwill in Pakistan",
        ),
    ],
    "stray_mark_before_label_C05768742.txt": [
        (11, "Balderston, Kris M <BalderstonKM@state.gov>", "2010-04-25 18:14:00", "Re: Followup"),
        (22, "H <HDR22@clintonemail.com>", "2010-04-25 17:07:54", "Followup"),
    ],
    "telegram_header_inside_email_C05793206.txt": [
        (
            9,
            "Mills, Cheryl D <MillsCD@state.gov>",
            "2012-12-05 04:48:00",
            "Fw: OECD Deputy Secretary General",
        ),
        (20, "Kennedy, Patrick F", "2012-12-04 21:24:00", "RE: OECD Deputy Secretary General"),
        (44, "Mills, Cheryl D", "2012-12-04 21:13:00", "Re: OECD Deputy Secretary General"),
        (53, "Samuelson, Heather F", "2012-12-04 18:48:00", "OECD Deputy Secretary General"),
        (78, "", "2012-12-03 17:57:00", "Two ideas"),
        (
            97,
            "SMART Core",
            "2012-11-30 09:42:00",
            "(U) Select the Next U.S. Deputy Secretary General",
        ),
    ],
    "time_without_colon_C05759468.txt": [
        (10, "H <hrod17@clintonemail.com >", "2009-09-30 21:17:00", "Fw: Sen. Levin"),
        (19, "Sullivan, Jacob J <Sullivan.1.1@state.gov>", "2009-09-30 13:03:07", "RE: Sen. Levin"),
        (202, "H [mailto:HDR22@clintonemail.com]", "2009-09-30 07:52:00", "Sen. Levin"),
    ],
    "to_period_for_colon_margin_codes_classification_stamp_C05785762.txt": [
        (10, "H <hrod17@clintonemail.corn>", "2011-01-08 10:40:00", "Re: New chairman"),
        (19, "Verveer, Melanne S <VerveerMS@state.gov>", "2011-01-08 10:16:36", "Fw: New chairman"),
        # From: holds only the code 1.4(D) beside a blanked name: a withheld sender.
        (28, "1.4(D)", "2011-01-08 06:27:23", "New chairman"),
    ],
    "unreadable_sent_time_C05764073.txt": [
        (9, "Muscatine Lissa", None, "language from 2003 State Dept Human Rights report"),
    ],
    "wrapped_to_cc_across_page_break_C05779851.txt": [
        (
            9,
            "Mills, Cheryl D <MillsCD@state.gov>",
            "2011-02-25 22:13:00",
            "Fw: Libya HRC Update: Brazil thanks the US",
        ),
        (
            20,
            "DeLaurentis, Jeffrey A",
            "2011-02-25 16:03:47",
            "Libya HRC Update: Brazil thanks the US",
        ),
        (37, "Mansfield, Anna M", "2011-02-25 12:36:00", "RE: Libya HRC Update"),
        (59, "Tat, Osman N", "2011-02-25 18:16:00", "RE: Libya HRC Update"),
        (97, "Busby, Scott W.", "2011-02-25 17:50:00", "RE: Libya HRC Update"),
        (
            113,
            "Sicade, Lynn M (DRL) [mallto:SicadeLM©state.gov]",
            "2011-02-25 11:48:00",
            "RE: Libya HRC Update",
        ),
        (147, "Tat, Osman N", "2011-02-25 11:47:00", "Re: Libya HRC Update"),
        (164, "Baer, Lauren E", "2011-02-25 11:12:00", "RE: Libya HRC Update"),
        (199, "Tat, Osman N", "2011-02-25 09:41:00", "Re: Libya HRC Update"),
        (219, "Busby, Scott W.", None, "Re: Libya HRC Update"),
        (
            239,
            "Tat, Osman N <TatON@state.gov>",
            "2011-02-25 07:28:03",
            "RE: Libya HRC: Conf Call Tomorrow",
        ),
        (289, "Powell, Catherine", "2011-02-25 13:21:00", "Re: Libya HRC: Conf Call Tomorrow"),
        (303, "Busby, Scott W.", None, "Re: Libya HRC: Conf Call Tomorrow"),
        (
            323,
            "Andris, Matthew R <AndrisMR@state.gov>",
            "2011-02-25 06:59:32",
            "Re: Libya HRC: Conf Call Tomorrow",
        ),
        (357, "Andris, Matthew R", "2011-02-24 20:56:00", "Libya HRC: Conf Call Tomorrow"),
    ],
    "wrapped_to_page_stamps_margin_codes_C05778141.txt": [
        (9, "Mills, Cheryl D <MillsCD@state.gov>", "2011-01-23 07:12:00", "Update on DR meeting"),
        (19, "Reynoso, Julissa", "2011-01-22 23:52:20", "Re: EU opposed to rerunning election"),
        (29, "Adams, Thomas C", "2011-01-22 23:21:00", "Re: EU opposed to rerunning election"),
        (41, "Mills, Cheryl D", "2011-01-22 22:06:00", "Re: EU opposed to rerunning election"),
        (62, "Lindwall, David E", "2011-01-22 19:54:42", "EU opposed to rerunning election"),
        (73, "Mills, Cheryl D", "2011-01-22 18:07:26", "815pm Call tonite"),
        (83, "Merten, Kenneth H", "2011-01-22 17:33:43", "Re:"),
        (93, "Lindwall, David E", "2011-01-22 17:06:51", ""),
        (104, "Mills, Cheryl D", "2011-01-22 12:39:54", "Fw: Urgent need to talk"),
        (125, "Gabriel Verret", "2011-01-22 11:27:50", "Urgent need to talk"),
    ],
}

NAMES = sorted(BLOCKS)


def _release(name: str) -> cablethread.Release:
    return parse_data_file(f"clinton/{name}")


def _message_at(release: cablethread.Release, line: int) -> cablethread.Message:
    for message in release.messages:
        if any(o.span.start == line for o in message.occurrences):
            return message
    raise AssertionError(f"no block starts on line {line}")


def _diagnostics(release: cablethread.Release, code: str) -> dict[int, str]:
    return {d.span.start: d.message for d in release.diagnostics if d.code == code and d.span}


def _kind_of_line(release: cablethread.Release, line: int) -> str:
    return next(s.kind for s in release.segments if line in s.span)


def test_every_copied_document_is_listed() -> None:
    assert sorted(p.name for p in CLINTON.glob("*.txt")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_block_as_printed(name: str) -> None:
    assert printed_blocks(_release(name)) == BLOCKS[name]


@pytest.mark.parametrize("name", NAMES)
def test_segments_rebuild_the_document(name: str) -> None:
    text = (CLINTON / name).read_bytes().decode("utf-8")
    release = _release(name)
    assert release.text == text
    numbers = [n for s in release.segments for n in s.span.lines]
    assert numbers == list(range(1, len(cablethread.SourceText(text)) + 1))


@pytest.mark.parametrize("name", NAMES)
def test_no_withholding_code_is_a_sender_or_recipient(name: str) -> None:
    release = _release(name)
    for party in parties(release):
        if party.kind == "withheld" and party.raw:
            # A sender printed only as a code beside an empty From: is withheld, with the code.
            assert party.redaction is not None and party.raw == party.redaction.raw
            continue
        if party.kind == "withheld":
            # An empty From: with nothing beside it is a withheld sender with no code, reported.
            assert party.redaction is None
            assert any(
                d.code == "party-withheld" and d.span.start == party.span.start
                for d in release.diagnostics
            ), party
            continue
        assert not US_CODE_WORD.search(party.raw), party.raw


@pytest.mark.parametrize("name", NAMES)
def test_release_stamps_are_never_part_of_a_field(name: str) -> None:
    for message in _release(name).messages:
        assert message.header is not None
        for field in message.header.fields:
            for stamp in (
                "Department of State Case No",
                "RELEASE IN",
                "Classified by",
                "Declassify",
            ):
                assert stamp not in field.value, (field.label, field.value)


@pytest.mark.parametrize("name", NAMES)
def test_the_releasing_agency_is_recognised(name: str) -> None:
    assert _release(name).profile == "us-state"


def test_margin_b6_beside_recipients_is_a_redaction() -> None:
    release = _release("damaged_month_ma_time_without_colon_margin_b6_C05758562.txt")
    message = release.messages[0]
    assert [p.raw for p in message.to] == [
        # Two addresses in columns with no separator between them: two recipients.
        "'cheryl.mills",
        "abedinh@state.gov'",
        "'sullivanjj@state.gov'",
        "'ValmoroU@state.gov'",
    ]
    assert [(r.code, r.field, r.span.start) for r in message.redactions] == [("b6", "to", 12)]
    assert message.redactions[0].ground == "FOIA (b)(6)"
    assert 12 in _diagnostics(release, "redaction-margin")


def test_codes_on_lines_of_their_own_inside_a_block() -> None:
    release = _release("wrapped_to_page_stamps_margin_codes_C05778141.txt")
    message = _message_at(release, 62)
    assert message.header is not None and message.header.span.end == 68
    # ``B1`` alone between Sent: and Subject: is part of the block, a redaction, not the subject.
    assert _kind_of_line(release, 67) == "header"
    assert (
        message.subject is not None and message.subject.text == "EU opposed to rerunning election"
    )
    assert [(r.code, r.span.start) for r in message.redactions] == [
        ("b6", 63),
        ("1.4(b)", 64),
        ("1.4(d)", 65),
        ("b1", 67),
    ]
    assert message.redactions[1].jurisdiction == "us-eo13526"


def test_release_banner_beside_the_header() -> None:
    release = _release("release_in_part_banner_beside_header_C05774351.txt")
    message = release.messages[0]
    assert message.sender is not None
    assert message.sender.raw == "Sullivan, Jacob J <SullivanJJ@state.gov>"
    assert message.sent_raw == "Thursday, June 28, 2012 10:11 AM"
    assert [(r.code, r.span.start) for r in message.redactions if r.field] == [
        ("b1", 7),
        ("1.4(d)", 7),
    ]


def test_declassification_stamp_beside_the_header_is_furniture() -> None:
    release = _release("classification_stamp_wrapped_beside_header_C05762719.txt")
    message = release.messages[0]
    assert message.header is not None and (message.header.span.start, message.header.span.end) == (
        8,
        12,
    )
    # ``1.4(B), 1.4(D) — Declassify`` alone on line 11, inside the block.
    assert _kind_of_line(release, 11) == "furniture"
    assert [p.raw for p in message.to] == ["H"]
    assert not message.redactions


def test_page_stamps_inside_a_block_are_furniture() -> None:
    release = _release("page_stamp_between_to_and_cc_C05769895.txt")
    message = _message_at(release, 55)
    assert message.header is not None and message.header.span.end == 66
    assert [_kind_of_line(release, n) for n in (57, 58, 59, 64)] == [
        "header",
        "furniture",
        "furniture",
        "header",
    ]
    assert [p.raw for p in message.cc] == ["Abedin, Huma"]
    assert {58, 59} <= set(_diagnostics(release, "header-furniture-inside"))


def test_cc_wrapped_across_a_page_break_stays_one_list() -> None:
    release = _release("wrapped_to_cc_across_page_break_C05779851.txt")
    message = _message_at(release, 239)
    cc = [p.raw for p in message.cc]
    assert len(cc) == 24
    assert cc[17:19] == [
        "Roebuck, William V <RoebuckWV@state.gov >",
        "Razzouk, Kelly L <RazzoukKL@state.gov>",
    ]
    assert cc[-1] == "Baer, Lauren E <BaerLE@state.gov>"
    assert message.sent_local == datetime(2011, 2, 25, 7, 28, 3)


def test_repeated_to_lines_and_sent_printed_last() -> None:
    release = _release("repeated_to_lines_sent_last_C05770002.txt")
    for line in (48, 93):
        message = _message_at(release, line)
        assert [p.raw for p in message.to] == ["Lona Valmoro", "PIR"]
        assert [p.raw for p in message.cc] == ["'hanleymr@state.gov'"]
        assert message.header is not None and message.header.fields[-1].name == "sent"


def test_memo_heading_is_not_a_block() -> None:
    path = CLINTON / "memo_heading_not_a_block_C05763478.txt"
    release = _release(path.name)
    heading = line_of(path, "To: Hillary")
    assert [line_of(path, "From: Sid"), line_of(path, "Re: N. Ireland")] == [
        heading + 1,
        heading + 2,
    ]
    for line in (heading, heading + 1, heading + 2):
        assert header_span_of(release, line) is None
    assert "Sid" not in {p.raw for p in parties(release)}


def test_telegram_header_inside_an_email_is_not_a_block() -> None:
    path = CLINTON / "telegram_header_inside_email_C05793206.txt"
    release = _release(path.name)
    line = line_of(path, "USMISSION OECD PARIS")
    assert header_span_of(release, line) is None
    assert all("USMISSION" not in p.raw for p in parties(release))


def test_labels_that_lost_their_colons() -> None:
    release = _release("labels_without_colon_benghazi_stamp_C05739550.txt")
    message = _message_at(release, 71)
    assert [p.raw for p in message.to] == [
        "Ranz, David J",
        "Sievers, Marc J",
        "Linfield, David E",
        "Sayles, Ambrose G",
        "NEA-Press-DL",
        "NEA-Egypt",
        "Shea, Peter T",
    ]
    assert [p.raw for p in message.cc] == ["Mitchell, Andrew B"]
    assert message.importance == "High"
    assert {72, 73, 75} <= set(_diagnostics(release, "header-label-no-colon"))


def test_from_without_its_colon_under_a_separator() -> None:
    release = _release("from_without_colon_after_separator_C05767181.txt")
    message = _message_at(release, 19)
    assert message.sender is None
    assert [p.raw for p in message.to] == [
        "Huma Abedin <Huma@clintonemail.com>",
        "Abedin, Huma",
        "H <HDR22@clintonemail.com>",
    ]
    assert 20 in _diagnostics(release, "header-label-no-colon")
    assert any(d.code == "header-no-sender" for d in release.diagnostics)


def test_separator_above_a_page_break_keeps_its_block() -> None:
    release = _release("separator_before_page_break_C05771014.txt")
    message = _message_at(release, 47)
    assert message.header is not None and message.header.separator == "Original Message"
    assert 47 not in _diagnostics(release, "header-separator-alone")


def test_committee_stamp_is_furniture_not_a_date_field() -> None:
    release = _release("benghazi_committee_stamp_C05739545.txt")
    assert [_kind_of_line(release, n) for n in range(1, 7)] == ["furniture"] * 6
    assert header_span_of(release, 5) is None


@pytest.mark.parametrize(
    ("name", "line", "note"),
    [
        ("damaged_month_se_tember_C05759538.txt", 10, "month 'Se tember' read as September"),
        (
            "damaged_month_ma_time_without_colon_margin_b6_C05758562.txt",
            11,
            "month 'Ma' read as May",
        ),
        ("damaged_month_ma_time_without_colon_margin_b6_C05758562.txt", 11, "read as 6:31"),
        (
            "damaged_weekday_attachments_wrapped_C05770298.txt",
            10,
            "weekday 'Ffiday' read as Friday",
        ),
        (
            "original_message_chain_page_breaks_year_run_into_time_C05771487.txt",
            57,
            "year runs into the time",
        ),
        (
            "original_message_chain_page_breaks_year_run_into_time_C05771487.txt",
            91,
            "time runs into the year",
        ),
        (
            "original_message_chain_page_breaks_year_run_into_time_C05771487.txt",
            137,
            "day runs into the hour",
        ),
        ("day_run_into_hour_wrapped_subject_C05767430.txt", 24, "day runs into the hour"),
        ("hour_24_with_pm_C05776714.txt", 27, "24-hour clock with PM"),
        ("time_without_colon_C05759468.txt", 11, "read as 9:17"),
        ("column_labels_without_colon_margin_b6_C05739622.txt", 12, "read as 8:38"),
    ],
)
def test_ocr_damaged_times_are_mended_and_noted(name: str, line: int, note: str) -> None:
    notes = _diagnostics(_release(name), "date-ocr-repaired")
    assert note in notes[line]


def test_unreadable_time_is_left_unread_with_a_diagnostic() -> None:
    release = _release("unreadable_sent_time_C05764073.txt")
    message = release.messages[0]
    assert (message.sent_raw, message.sent_local, message.sent_utc) == (
        "Saturday, October 3, ZUU9 10:U8 AM",
        None,
        None,
    )
    unread = [d for d in release.diagnostics if d.code == "date-unparsed"]
    assert [(d.span.start if d.span else None, d.severity) for d in unread] == [(10, "warning")]
