"""Rule tests for the temporal tagger: no spaCy model, no network.

Anchors: MON 2025-08-04, WED 2025-08-06, THU 2025-08-07, FRI 2025-08-08, SAT 2025-08-09.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.evaluation import timebank
from generator.model import TimeExpression
from generator.temporal.tagger import (
    add_duration,
    resolve_weekday,
    tag,
    tense_at,
    to_date,
    value_range,
)
from tests.timex_check import assert_tagged

MON, WED, THU = dt.date(2025, 8, 4), dt.date(2025, 8, 6), dt.date(2025, 8, 7)
FRI, SAT = dt.date(2025, 8, 8), dt.date(2025, 8, 9)

CASES = [
    # sentence, anchor, expected text, type, value
    # -- weekdays: the sentence tense picks past or future --
    ("Witkoff arrived in Moscow on Wednesday.", THU, "Wednesday", "DATE", "2025-08-06"),
    ("Witkoff will visit Moscow on Sunday.", FRI, "Sunday", "DATE", "2025-08-10"),
    ("Witkoff is set to visit Moscow on Sunday.", FRI, "Sunday", "DATE", "2025-08-10"),
    ("Putin is expected to meet the envoy on Tuesday.", THU, "Tuesday", "DATE", "2025-08-12"),
    ("The minister is scheduled to travel on Tuesday.", THU, "Tuesday", "DATE", "2025-08-12"),
    ("The Kremlin confirmed on Monday that talks were possible.", THU, "Monday", "DATE",
     "2025-08-04"),
    ("The president held a meeting in Paris on Monday.", THU, "Monday", "DATE", "2025-08-04"),
    ("On Wednesday, the envoy arrived in Moscow.", THU, "Wednesday", "DATE", "2025-08-06"),
    ("The envoy, who arrived on Wednesday, will meet Putin on Saturday.", THU, "Wednesday",
     "DATE", "2025-08-06"),
    ("The envoy, who arrived on Wednesday, will meet Putin on Saturday.", THU, "Saturday",
     "DATE", "2025-08-09"),
    ("He said he would travel to Kyiv on Monday.", THU, "Monday", "DATE", "2025-08-11"),
    ("Russia must agree to a ceasefire by Friday.", MON, "Friday", "DATE", "2025-08-08"),
    ("The ceasefire has held since Monday.", THU, "Monday", "DATE", "2025-08-04"),
    ("They agreed to meet on Saturday.", THU, "Saturday", "DATE", "2025-08-09"),
    ("The talks will be held on Saturday.", THU, "Saturday", "DATE", "2025-08-09"),
    ("Sanctions take effect on Friday.", THU, "Friday", "DATE", "2025-08-08"),
    ("Talks resume Monday.", SAT, "Monday", "DATE", "2025-08-11"),
    ("Talks resume Thursday.", SAT, "Thursday", "DATE", "2025-08-07"),
    ("The talks were held on Thursday.", THU, "Thursday", "DATE", "2025-08-07"),
    ("Last Friday he spoke to reporters.", FRI, "Last Friday", "DATE", "2025-08-01"),
    ("They meet again next Friday.", MON, "next Friday", "DATE", "2025-08-08"),
    ("They met last Thursday.", THU, "last Thursday", "DATE", "2025-07-31"),
    ("Talks continued on Wednesday morning.", THU, "Wednesday morning", "TIME", "2025-08-06TMO"),
    # -- other words relative to the anchor --
    ("Trump said earlier this week that he was frustrated.", THU, "earlier this week", "DATE",
     "2025-W32"),
    ("The tariffs take effect next month.", THU, "next month", "DATE", "2025-09"),
    ("It was his sixth trip this year.", THU, "this year", "DATE", "2025"),
    ("The assault took place last week.", THU, "last week", "DATE", "2025-W31"),
    ("He spoke to reporters yesterday.", THU, "yesterday", "DATE", "2025-08-06"),
    ("The vote is tomorrow.", THU, "tomorrow", "DATE", "2025-08-08"),
    ("The report is due today.", THU, "today", "DATE", "2025-08-07"),
    ("He met Putin two days ago.", THU, "two days ago", "DATE", "2025-08-05"),
    ("Four years ago, the war began.", THU, "Four years ago", "DATE", "2021"),
    ("A deal could come in two weeks.", THU, "two weeks", "DATE", "2025-W34"),
    ("The deadline expires in 10 days.", THU, "10 days", "DATE", "2025-08-17"),
    ("Over the weekend, they met.", THU, "the weekend", "DATE", "2025-W31-WE"),
    ("They will talk this weekend.", THU, "this weekend", "DATE", "2025-W32-WE"),
    ("Last summer the front moved.", THU, "Last summer", "DATE", "2024-SU"),
    ("Prices rose late last year.", THU, "late last year", "DATE", "2024"),
    # -- calendar dates and months, year from the anchor --
    ("Trump expects a ceasefire by August 8.", THU, "August 8", "DATE", "2025-08-08"),
    ("The deadline falls on Aug. 8.", THU, "Aug. 8", "DATE", "2025-08-08"),
    ("The summit was held on 8 August 2025.", None, "8 August 2025", "DATE", "2025-08-08"),
    ("The meeting happened on 2025-08-06.", None, "2025-08-06", "DATE", "2025-08-06"),
    ("The plan was agreed in August 2025.", None, "August 2025", "DATE", "2025-08"),
    ("It expires on Friday, August 8.", THU, "Friday, August 8", "DATE", "2025-08-08"),
    ("The accord was signed on December 28.", THU, "December 28", "DATE", "2024-12-28"),
    ("Talks are planned for September 1.", THU, "September 1", "DATE", "2025-09-01"),
    ("He joined the team in January.", THU, "January", "DATE", "2025-01"),
    ("He will return in April.", THU, "April", "DATE", "2026-04"),
    ("He met Putin in April.", THU, "April", "DATE", "2025-04"),
    ("Russia launched an offensive in December.", THU, "December", "DATE", "2024-12"),
    ("He met Putin in May.", THU, "May", "DATE", "2025-05"),
    ("Since the 2022 invasion, prices rose.", THU, "2022", "DATE", "2022"),
    ("Russia was weak in the 1990s.", None, "the 1990s", "DATE", "199"),
    ("Output will peak in mid-2026.", None, "mid-2026", "DATE", "2026"),
    # -- durations --
    ("Trump set a ten-day deadline.", THU, "ten-day", "DURATION", "P10D"),
    ("He cut the 50-day window.", THU, "50-day", "DURATION", "P50D"),
    ("The nearly four-year war goes on.", THU, "nearly four-year", "DURATION", "P4Y"),
    ("The war is nearing three and a half years.", THU, "three and a half years", "DURATION",
     "P3Y6M"),
    ("The raid lasted 5 1/2 hours.", THU, "5 1/2 hours", "DURATION", "PT5H30M"),
    ("A nearly 10-hour aerial assault followed.", THU, "nearly 10-hour", "DURATION", "PT10H"),
    ("The talks lasted three hours.", THU, "three hours", "DURATION", "PT3H"),
    ("The war has lasted 1,260 days.", THU, "1,260 days", "DURATION", "P1260D"),
    ("The deal is the first in two years.", THU, "two years", "DURATION", "P2Y"),
    ("Tensions have grown in recent months.", THU, "recent months", "DURATION", "PXM"),
    ("The next few weeks will be critical.", THU, "The next few weeks", "DURATION", "PXW"),
    ("The past two weeks were tense.", THU, "The past two weeks", "DURATION", "P2W"),
    ("Moscow has made its terms clear for years.", THU, "years", "DURATION", "PXY"),
    # -- sets --
    ("The envoys talk weekly.", THU, "weekly", "SET", "P1W"),
    ("They meet every week.", THU, "every week", "SET", "P1W"),
    ("They rest on Sundays.", THU, "Sundays", "SET", "XXXX-WXX-7"),
    ("Reports come twice a day.", THU, "twice a day", "SET", "P1D"),
    # -- clock times, joined with an adjacent day --
    ("The vote is at 3 p.m. on Friday.", THU, "3 p.m. on Friday", "TIME", "2025-08-08T15:00"),
    ("The deadline is midnight Friday.", THU, "midnight Friday", "TIME", "2025-08-08T24:00"),
    ("The call began at 15:00 GMT.", THU, "15:00 GMT", "TIME", "2025-08-07T15:00"),
    ("The vote was on Tuesday, Aug. 5, 2025 at 10:30 a.m. ET.", None,
     "Tuesday, Aug. 5, 2025 at 10:30 a.m. ET", "TIME", "2025-08-05T10:30"),
    # -- references --
    ("The talks are happening now.", THU, "now", "DATE", "PRESENT_REF"),
    ("The president recently urged allies to act.", THU, "recently", "DATE", "PAST_REF"),
    ("Both sides may soon face consequences.", THU, "soon", "DATE", "FUTURE_REF"),
    # -- TimeML conventions: a length never becomes a date --
    ("The war lasted five years.", THU, "five years", "DURATION", "P5Y"),
    ("He served eight years in prison.", THU, "eight years", "DURATION", "P8Y"),
    ("Her first 100 days were busy.", THU, "100 days", "DURATION", "P100D"),
    ("The project took a decade.", THU, "a decade", "DURATION", "P10Y"),
    ("They argued for days.", THU, "days", "DURATION", "PXD"),
    ("The hearing lasted minutes.", THU, "minutes", "DURATION", "PTXM"),
    ("She won the marathon in 3:07:35.", THU, "3:07:35", "DURATION", "PT3H7M35S"),
    ("The blast came at 14:30:05 GMT.", THU, "14:30:05 GMT", "TIME", "2025-08-07T14:30"),
    ("He spent 2 1/2 years abroad.", THU, "2 1/2 years", "DURATION", "P2Y6M"),
    ("Losses mounted for two quarters.", THU, "two quarters", "DURATION", "P2Q"),
    ("Prices doubled in the past four years.", THU, "the past four years", "DURATION", "P4Y"),
    ("Revenue will rise this fiscal year.", THU, "this fiscal year", "DATE", "2025"),
    ("The debt will be repaid by the end of the year.", THU, "the end of the year", "DATE", "2025"),
    ("Growth slowed in the fourth quarter of this fiscal year.", THU,
     "the fourth quarter of this fiscal year", "DATE", "2025-Q4"),
    ("Current prices are high.", THU, "Current", "DATE", "PRESENT_REF"),
    ("The plant opened in nineteen ninety-six.", THU, "nineteen ninety-six", "DATE", "1996"),
    ("Rents soared in the nineties.", THU, "the nineties", "DATE", "199"),
    ("They met on Thanksgiving Day.", dt.date(1999, 11, 27), "Thanksgiving Day", "DATE", "1999-11-25"),
    ("The church was full on Easter Sunday.", dt.date(2000, 4, 25), "Easter Sunday", "DATE",
     "2000-04-23"),
    ("Income rose for the year ended June 30.", THU, "the year", "DURATION", "P1Y"),
    ("For the year, volume was flat.", THU, "the year", "DATE", "2025"),
    ("Sales were flat for the fiscal year ended March 31.", THU, "the fiscal year", "DURATION",
     "P1Y"),
    ("Jobs were to double by the year two thousand.", THU, "the year two thousand", "DATE", "2000"),
    # -- weekdays and months: direction from tense and context --
    ("The minister said Thursday that talks had failed.", FRI, "Thursday", "DATE", "2025-08-07"),
    ("Officials said Thursday they will resume talks on Monday.", FRI, "Thursday", "DATE",
     "2025-08-07"),
    ("Officials said Thursday they will resume talks on Monday.", FRI, "Monday", "DATE",
     "2025-08-11"),
    ("Ahead of the trip, the ministry on Sunday issued a warning.", dt.date(2025, 8, 11), "Sunday",
     "DATE", "2025-08-10"),
    ("Dozens died in the blasts next to the embassy on Friday.", SAT, "Friday", "DATE", "2025-08-08"),
    ("Leaders will meet at the summit in April.", dt.date(2025, 12, 5), "April", "DATE", "2026-04"),
    ("The summit is in April.", dt.date(2025, 12, 5), "April", "DATE", "2026-04"),
    ("Her flats, worth more in October, sell for less now.", dt.date(2026, 1, 8), "October",
     "DATE", "2025-10"),
    ("Directors declared a dividend payable Dec. 1.", dt.date(2025, 10, 27), "Dec. 1", "DATE",
     "2025-12-01"),
    ("The stock split is effective Feb. 1.", dt.date(2025, 10, 27), "Feb. 1", "DATE", "2026-02-01"),
    ("Invited in July 2019, they will join on March 12.", dt.date(2025, 2, 27), "March 12", "DATE",
     "2025-03-12"),
    ("The bank announced an agreement to buy the firm in January.", dt.date(2025, 11, 2), "January",
     "DATE", "2026-01"),
    ("The bank bought the firm in March.", dt.date(2025, 11, 2), "March", "DATE", "2025-03"),
    ("The bank bought the firm in December.", dt.date(2025, 8, 2), "December", "DATE", "2024-12"),
    ("Directors said the split would be paid on Dec. 21.", dt.date(2025, 10, 26), "Dec. 21", "DATE",
     "2025-12-21"),
    ("The house approved it in early October this year.", dt.date(2025, 12, 3),
     "early October this year", "DATE", "2025-10"),
    ("In July last year the leader was arrested.", THU, "July last year", "DATE", "2024-07"),
    ("They join in April next year.", THU, "April next year", "DATE", "2026-04"),
    ("The stock has lost a third of its value since January.", dt.date(2023, 11, 6), "January",
     "DATE", "2023-01"),
    # -- quarters of financial reports: the quarter the text reports on --
    ("Net income for the fiscal second-quarter of $8.6 million rose.", dt.date(2025, 10, 26),
     "the fiscal second-quarter", "DATE", "2025-Q2"),
    ("It lost $5 in the 2024 third quarter.", THU, "the 2024 third quarter", "DATE", "2024-Q3"),
    ("It may list as early as next year's first quarter.", THU, "next year's first quarter", "DATE",
     "2026-Q1"),
    ("Sales rose in the last half of 2024.", THU, "the last half of 2024", "DATE", "2024-H2"),
    ("The firm expects to report a loss for the third quarter.", dt.date(2025, 10, 28),
     "the third quarter", "DATE", "2025-Q3"),
    ("It will report fiscal second-quarter results.", dt.date(2025, 8, 28),
     "fiscal second-quarter", "DATE", "2025-Q2"),
    ("The firm will report first-quarter results.", dt.date(2025, 10, 28), "first-quarter",
     "DATE", "2026-Q1"),
    ("Net rose in the third quarter. Sales fell in the quarter.", THU, "the quarter", "DATE",
     "2025-Q3"),
    ("Net rose in the third quarter. Sales rose 5% in the year-ago quarter.", THU,
     "the year-ago quarter", "DATE", "2024-Q3"),
    ("Net rose in the third quarter. Sales rose from $5 a year ago.", THU, "a year ago", "DATE",
     "2024-Q3"),
    ("Net rose in the second quarter, up from $2 in the 2023 period.", THU, "the 2023 period",
     "DATE", "2023-Q2"),
    ("Costs fell in the latest quarter.", dt.date(2025, 11, 3), "the latest quarter", "DATE",
     "2025-Q3"),
    ("Prices are higher than a year ago.", THU, "a year ago", "DATE", "2024"),
    ("Net rose in the fourth quarter. The port opened ten years ago.", THU, "ten years ago", "DATE",
     "2015"),
    # -- a day written with a possessive has happened --
    ("Relatives will appeal Wednesday's ruling.", FRI, "Wednesday", "DATE", "2025-08-06"),
    # -- quarters, halves and seasons after "the" --
    ("Sales rose in the second quarter.", THU, "the second quarter", "DATE", "2025-Q2"),
    ("Profit will recover in the fourth quarter.", THU, "the fourth quarter", "DATE", "2025-Q4"),
    ("The company lost money in the fourth quarter.", THU, "the fourth quarter", "DATE",
     "2024-Q4"),
    ("Third-quarter profit doubled.", THU, "Third-quarter", "DATE", "2025-Q3"),
    ("Output fell in the first half of 2024.", THU, "the first half of 2024", "DATE", "2024-H1"),
    ("Q3 2024 revenue was flat.", THU, "Q3 2024", "DATE", "2024-Q3"),
    ("Profit fell in the latest quarter.", THU, "the latest quarter", "DATE", "2025-Q2"),
    ("Work will begin in the spring.", THU, "the spring", "DATE", "2026-SP"),
    ("Lawmakers approved the money in the spring.", THU, "the spring", "DATE", "2025-SP"),
    ("The drought began in the summer of 2022.", THU, "the summer of 2022", "DATE", "2022-SU"),
    ("Flu cases usually peak in February.", THU, "February", "DATE", "XXXX-02"),
    ("Traffic typically picks up in the spring.", THU, "the spring", "DATE", "XXXX-SP"),
    ("Prices will rise over the next decade.", THU, "the next decade", "DURATION", "P10Y"),
    ("The plant will open in the next decade.", THU, "the next decade", "DATE", "203"),
    ("She stayed there for the last week.", THU, "the last week", "DATE", "2025-W31"),
    ("Imports rose over the past year.", THU, "the past year", "DATE", "2024"),
    ("Growth was weak this decade.", THU, "this decade", "DATE", "202"),
    ("Bookings for December were weak.", dt.date(2023, 11, 6), "December", "DATE", "2023-12"),
    ("Voters went to the polls this past weekend.", THU, "this past weekend", "DATE",
     "2025-W31-WE"),
    ("Prices peaked in the late 1970s.", None, "the late 1970s", "DATE", "197"),
    # -- holidays --
    ("The law takes effect on New Year's Day.", THU, "New Year's Day", "DATE", "2026-01-01"),
    ("They hope to finish before Christmas.", THU, "Christmas", "DATE", "2025-12-25"),
    ("The office closes on Christmas Eve.", THU, "Christmas Eve", "DATE", "2025-12-24"),
    ("Heat will last through the Fourth of July.", dt.date(2023, 7, 3), "the Fourth of July",
     "DATE", "2023-07-04"),
    ("The recount, in 2008, ended on Christmas Eve.", THU, "Christmas Eve", "DATE", "2008-12-24"),
    ("The talks, in 2019, broke down in March.", THU, "March", "DATE", "2019-03"),
    ("Halloween falls on a Friday this year.", None, "Halloween", "DATE", "XXXX-10-31"),
    # -- sets --
    ("The board reviews fees every January.", THU, "every January", "SET", "XXXX-01"),
    ("Most legislatures convene each January.", THU, "each January", "SET", "XXXX-01"),
    ("Buses run every 10 minutes.", THU, "every 10 minutes", "SET", "PT10M"),
    ("Results arrive every four hours.", THU, "every four hours", "SET", "PT4H"),
    ("The office posts updates twice daily.", THU, "twice daily", "SET", "P1D"),
    ("They hold a vote every spring.", THU, "every spring", "SET", "XXXX-SP"),
    ("Elections are held every four years.", THU, "every four years", "SET", "P4Y"),
    # -- durations --
    ("Counting could take another week.", THU, "another week", "DURATION", "P1W"),
    ("It is the second storm in two weeks.", THU, "two weeks", "DURATION", "P2W"),
    ("It was the third heat wave in five weeks.", THU, "five weeks", "DURATION", "P5W"),
    # -- text-internal reference time --
    ("Volumes rose in the second quarter from a year earlier.", THU, "a year earlier", "DATE",
     "2024-Q2"),
    ("The law passed in March and was challenged a month later.", THU, "a month later", "DATE",
     "2025-04"),
    ("The blackout began on Aug. 14, 2003. Two days later, power returned.", THU,
     "Two days later", "DATE", "2003-08-16"),
    ("A judge ruled on Sept. 12 and they appealed the next day.", THU, "the next day", "DATE",
     "2024-09-13"),
    ("The summit opened on June 3 and ended the following week.", THU, "the following week",
     "DATE", "2025-W24"),
    ("Prices fell in 2020 and rose the previous year.", THU, "the previous year", "DATE", "2019"),
    ("Talks began on July 1. That day, both sides walked out.", THU, "That day", "DATE",
     "2025-07-01"),
    ("He resigned a year earlier.", THU, "a year earlier", "DATE", "2024"),
    ("They met on Aug. 14. The talks start at 10 a.m.", THU, "10 a.m.", "TIME",
     "2025-08-14T10:00"),
    ("They met on Aug. 14.\nThe talks start at 10 a.m.", THU, "10 a.m.", "TIME",
     "2025-08-07T10:00"),
    ("Heat hit on Sunday, and will last through Aug. 12. Demand peaked at 5:45 p.m.", THU,
     "5:45 p.m.", "TIME", "2025-08-03T17:45"),
    ("Ballots must arrive by 5 p.m. Monday.", THU, "5 p.m. Monday", "TIME", "2025-08-11T17:00"),
    ("Utilities cut power to homes overnight to protect the grid.", THU, "overnight", "TIME",
     "2025-08-06TNI"),
    ("Workers walked out on Saturday. The firm made an offer the day before.", THU,
     "the day before", "DATE", "2025-08-01"),
    ("He resigned two weeks later.", None, "two weeks later", "DATE", "FUTURE_REF"),
    # -- no anchor: relative values stay underspecified --
    ("Witkoff arrived on Wednesday.", None, "Wednesday", "DATE", "XXXX-WXX-3"),
    ("The deadline is August 8.", None, "August 8", "DATE", "XXXX-08-08"),
    ("He joined the team in January.", None, "January", "DATE", "XXXX-01"),
    ("He left last week.", None, "last week", "DATE", "PAST_REF"),
    ("Talks resume next month.", None, "next month", "DATE", "FUTURE_REF"),
    ("He met Putin two days ago.", None, "two days ago", "DATE", "PAST_REF"),
    ("The vote is at 3 p.m. Friday.", None, "3 p.m. Friday", "TIME", "XXXX-WXX-5T15:00"),
    # -- days of the month and years written as words --
    ("The vote will be held on September third.", THU, "September third", "DATE", "2025-09-03"),
    ("They met on the first of August.", THU, "the first of August", "DATE", "2025-08-01"),
    ("January nineteen ninety-seven was cold.", THU, "January nineteen ninety-seven", "DATE", "1997-01"),
    ("Prices fell in the winter of nineteen ninety-four.", THU, "the winter of nineteen ninety-four",
     "DATE", "1994-WI"),
    # -- lengths with a word between number and unit, spelled compound numbers, "or so ago" --
    ("Troops will stay for at least two more weeks.", THU, "at least two more weeks", "DURATION", "P2W"),
    ("The index fell for eight trading days.", THU, "eight trading days", "DURATION", "P8D"),
    ("In the last twenty four hours, prices fell.", THU, "the last twenty four hours", "DURATION",
     "PT24H"),
    ("A week or so ago, he resigned.", THU, "A week or so ago", "DATE", "2025-W31"),
    # -- named periods: centuries, the full year, an early season, Election Day, vague futures --
    ("It was the crisis of the 20th century.", THU, "the 20th century", "DATE", "19"),
    ("Sales for the full year rose.", THU, "the full year", "DATE", "2025"),
    ("Orders rose from the low levels of the early summer.", THU, "the early summer", "DATE", "2025-SU"),
    ("Voters will go to the polls on Election Day.", THU, "Election Day", "DATE", "2025-11-04"),
    ("They will sell the unit as soon as possible.", THU, "as soon as possible", "DATE", "FUTURE_REF"),
    ("Details will follow at a later date.", THU, "a later date", "DATE", "FUTURE_REF"),
    # -- a month-day over a month ahead in a past sentence is last year's --
    ("The treaty was signed on Dec. 20.", THU, "Dec. 20", "DATE", "2024-12-20"),
    # -- a clock time restated in parentheses: one time, the day from the restatement or after it --
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", SAT, "10:35 a.m.", "TIME",
     "2025-08-08T10:35"),
    ("He will leave at 4 in the morning (4 a.m. EDT Friday), he said.", THU, "4 in the morning", "TIME",
     "2025-08-08T04:00"),
    ("He will leave at 4 in the morning (4 a.m. EDT Friday), he said.", THU, "4 a.m. EDT Friday",
     "TIME", "2025-08-08T04:00"),
    ("The case will be heard the week of Sept. 8.", THU, "the week of Sept. 8", "DATE", "2025-W37"),
    # -- "earlier/later in the day (week, evening)": of the day last mentioned, as "later that day" --
    ("On Monday he met the envoy. Earlier in the day, he had spoken to reporters.", THU,
     "Earlier in the day", "DATE", "2025-08-04"),
    ("The president arrived in the city later in the day.", THU, "later in the day", "DATE", "2025-08-07"),
    ("He left later in the evening.", THU, "later in the evening", "TIME", "2025-08-07TEV"),
    ("Earlier in the week, rumors spread.", THU, "Earlier in the week", "DATE", "2025-W32"),
    # -- a weekday stated with a year-less day picks the nearby year in which they agree --
    ("Rain fell on Sunday 3 August.", THU, "Sunday 3 August", "DATE", "2025-08-03"),
    ("Rain fell on Saturday, Aug. 3.", THU, "Saturday, Aug. 3", "DATE", "2024-08-03"),
    ("The offer expires on Saturday, Aug. 2.", THU, "Saturday, Aug. 2", "DATE", "2025-08-02"),
    # -- a quarter counted from the anchor keeps its year when listed before one that names its own --
    ("Sales in the next quarter and the first quarter of 2023 differ.", THU, "the next quarter", "DATE",
     "2025-Q4"),
    # -- "FY2024" is fiscal 2024, valued as the year as "fiscal 2024" is --
    ("Revenue for FY2024 rose.", THU, "FY2024", "DATE", "2024"),
    ("Revenue for FY 2023 fell.", THU, "FY 2023", "DATE", "2023"),
    # -- a season with its year needs no article or preposition: "autumn 2022" --
    ("Talks stalled in the summer of 2023 and autumn 2022.", THU, "autumn 2022", "DATE", "2022-FA"),
    ("Enrolment for the Fall 2023 term closed.", THU, "the Fall 2023", "DATE", "2023-FA"),
    # -- "throughout the (fiscal) year" is the year of the text, as "during the year" --
    ("Profit should increase throughout the fiscal year.", THU, "the fiscal year", "DATE", "2025"),
    # -- a stated year lends itself to a yearless day only within its clause --
    ("Under an agreement in 2022 that set no amount, the firm had bought shares through Sept. 29.",
     THU, "Sept. 29", "DATE", "2024-09-29"),
    # -- a second day after "and"/"to" shares the first one's month --
    ("The summit will be held on Sept. 24 and 25.", THU, "25", "DATE", "2025-09-25"),
    ("Talks are set for Sept. 24 to 26 in Geneva.", THU, "26", "DATE", "2025-09-26"),
    # -- a year-ago quarter named in full is one expression --
    ("Sales rose 5% in the quarter. In the year-ago third quarter, the firm lost $2 million.", THU,
     "the year-ago third quarter", "DATE", "2024-Q3"),
    # -- "soon" after a modal stays a future reference --
    ("Prosecutors told him they may soon seek an indictment.", THU, "soon", "DATE", "FUTURE_REF"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "anchor", "text", "kind", "value"), CASES)
def test_tag(sentence: str, anchor: dt.date | None, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, anchor, text, kind, value)


@pytest.mark.parametrize(("sentence", "anchor", "text", "kind", "value"), CASES)
def test_offsets_and_provenance(
    sentence: str, anchor: dt.date | None, text: str, kind: str, value: str
) -> None:
    for expr in tag(sentence, anchor):
        assert sentence[expr.start : expr.end] == expr.text
        assert expr.provenance
        if anchor is None and expr.provenance != "stated":
            assert expr.provenance == "date not resolved"


def test_provenance_names_anchor_and_tense() -> None:
    [expr] = tag("Witkoff arrived in Moscow on Wednesday.", THU)
    assert expr.provenance == "'Wednesday' resolved against 2025-08-07 (past tense)"
    [stated] = tag("The summit was held on 8 August 2025.", THU)
    assert stated.provenance == "stated"


NEGATIVES = [
    "He won a second term.",
    "Profit fell from $450 million the year before.",
    "The senator spoke on ABC's This Week about the budget.",
    "A quarter of the votes were counted.",
    "The board cut its quarterly dividend.",
    "The 50-year-old driver was unhurt.",
    "A six-year-old girl was rescued.",
    "Mr. Doe, 52 years old, will succeed her.",
    "Shares rose by a quarter of a point.",
    "During that period nothing changed.",
    "Trump threatened 100% tariffs on Indian goods.",
    "Ukraine proposed a 10-point plan.",
    "Putin may meet Trump.",
    "May I ask a question?",
    "April Ryan asked a question.",
    "Some 2,000 troops and 2000 people were moved.",
    "The bill costs $2025 million.",
    "Troops march toward the city.",
    "He won a second term.",
    "The score was 3:1.",
    "Resolution 2231 was adopted.",
    "The fall of Kabul shocked the world.",
    "President Trump spoke to the Presidents of both countries.",
    "The Sunday Times and the Daily Mail reported it.",
    "He was one of the first to arrive.",
    "The annual meeting drew a crowd.",
    "Banks raised overnight rates.",
    "He booked an overnight stay.",
    "Ukraine's Independence Day parade was cancelled.",
    "The team led in the first half of the match.",
    "Prices steadied after the fall in demand.",
    "The day before the vote was quiet.",
    "They discussed the new christmas market.",
    "He was killed soon after being captured.",
    "A trickle of cash soon became a flood.",
    "Thousands joined the March for Life.",
    "The firm moved to a calendar year.",
    "The year was a good one for sales.",
    "He came in 20th in the race.",
    "He said so on CBS's 60 Minutes program.",
    "The poster showed Gary Cooper in High Noon.",
    "Mrs May second-guessed the plan.",
    "Prices fall 2023 points short of the target.",
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_no_expression(sentence: str) -> None:
    assert tag(sentence, THU) == []


def test_a_number_after_a_day_is_a_second_day_only_when_no_noun_follows() -> None:
    assert [e.text for e in tag("Talks on May 3 and 4 officials met.", THU)] == ["May 3"]
    assert [e.text for e in tag("Prices rose on May 3 and 4% on May 5.", THU)] == ["May 3", "May 5"]


def test_a_converted_clock_time_is_not_tagged_twice() -> None:
    found = tag("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", SAT)
    assert [e.text for e in found] == ["10:35 a.m.", "Friday"]


def test_expressions_do_not_overlap_and_are_ordered() -> None:
    text = "On Friday, August 8, at 3 p.m., the ten-day deadline set last week expires."
    found = tag(text, THU)
    assert [e.text for e in found] == ["Friday, August 8, at 3 p.m.", "ten-day", "last week"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    ("weekday", "direction", "anchor", "expected"),
    [
        (2, "past", THU, WED),
        (6, "future", THU, dt.date(2025, 8, 10)),
        (3, "past", THU, THU),
        (3, "future", THU, THU),
        (0, "nearest", SAT, dt.date(2025, 8, 11)),
        (0, "nearest", THU, MON),
        (4, "nearest", FRI, FRI),
    ],
)
def test_resolve_weekday(weekday: int, direction: str, anchor: dt.date, expected: dt.date) -> None:
    assert resolve_weekday(anchor, weekday, direction) == expected  # type: ignore[arg-type]


def test_resolve_weekday_exclusive() -> None:
    assert resolve_weekday(THU, 3, "future", inclusive=False) == dt.date(2025, 8, 14)
    assert resolve_weekday(THU, 3, "past", inclusive=False) == dt.date(2025, 7, 31)


@pytest.mark.parametrize(
    ("start", "value", "sign", "expected"),
    [
        (THU, "P10D", 1, dt.date(2025, 8, 17)),
        (THU, "P2W", 1, dt.date(2025, 8, 21)),
        (dt.date(2025, 1, 31), "P1M", 1, dt.date(2025, 2, 28)),
        (THU, "P1Y", -1, dt.date(2024, 8, 7)),
        (THU, "P1DE", -1, dt.date(2015, 8, 7)),
        (THU, "P1Y6M", -1, dt.date(2024, 2, 7)),  # "a year and a half ago"
        (THU, "P1DT12H", -1, dt.date(2025, 8, 5)),  # "a day and a half ago": 36 hours, two days back
        (THU, "P2Y3M", 1, dt.date(2027, 11, 7)),
    ],
)
def test_add_duration(start: dt.date, value: str, sign: int, expected: dt.date) -> None:
    assert add_duration(start, value, sign) == expected


@pytest.mark.parametrize("value", ["PXD", "PT10H", "2025-08-08", "P", "P1YXM", "P1Y6"])
def test_add_duration_rejects_unresolvable(value: str) -> None:
    with pytest.raises(ValueError):
        add_duration(THU, value)


@pytest.mark.parametrize(("value", "sign"), [("P10000Y", -1), ("P8000Y", 1), ("P100CE", -1)])
def test_add_duration_beyond_the_calendar_is_a_value_error(value: str, sign: int) -> None:
    with pytest.raises(ValueError, match="leaves the calendar"):
        add_duration(THU, value, sign)


def test_a_length_counted_beyond_the_calendar_from_a_stated_year_is_no_date() -> None:
    found = {e.text: e.value for e in tag("It was built in 1850; 9,000 years later it may stand.", THU)}
    assert found.pop("1850") == "1850"
    assert not [value for value in found.values() if value[:1].isdigit()], found


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-08-08", FRI),
        ("2025-08-08T15:00", FRI),
        ("XXXX-08-08", None),
        ("2025-W32", None),
        ("2025-02-30", None),
        ("PAST_REF", None),
    ],
)
def test_to_date(value: str, expected: dt.date | None) -> None:
    assert to_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-08-08", (FRI, FRI)),
        ("2025-W32", (MON, dt.date(2025, 8, 10))),
        ("2025-W32-WE", (SAT, dt.date(2025, 8, 10))),
        ("2025-08", (dt.date(2025, 8, 1), dt.date(2025, 8, 31))),
        ("2025-Q3", (dt.date(2025, 7, 1), dt.date(2025, 9, 30))),
        ("2025", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
        ("FUTURE_REF", None),
        ("P10D", None),
    ],
)
def test_value_range(value: str, expected: tuple[dt.date, dt.date] | None) -> None:
    assert value_range(value) == expected


@pytest.mark.parametrize(
    ("sentence", "words", "expected"),
    [
        ("Witkoff arrived in Moscow on Wednesday.", "Wednesday", "past"),
        ("Witkoff will visit Moscow on Sunday.", "Sunday", "future"),
        ("On Wednesday, the envoy arrived in Moscow.", "Wednesday", "past"),
        ("The armed forces regrouped on Sunday.", "Sunday", "past"),
        ("Sanctions take effect on Friday.", "Friday", "unclear"),
        ("The summit is on Friday.", "Friday", "present"),
        ("Mr. Trump said he will act by Friday.", "Friday", "future"),
        # a participle after a determiner is an adjective, not a past verb
        ("It would be paid on a still unspecified date in January.", "January", "future"),
        ("The revised offer was approved on Friday.", "Friday", "past"),
        ("Shootings that injured doctors in November.", "November", "past"),
        # the past perfect: a plan or a limit of the past
        ("The offer had been due to expire Friday.", "Friday", "past"),
        ("The offer had been scheduled to expire at midnight Friday.", "Friday", "past"),
        ("Twelve members had filed reports by Wednesday.", "Wednesday", "past"),
        # "by" a day after a deed in the simple past: the day has come; not after a verb that
        # asks, tells or plans, nor with an infinitive, a passive infinitive or an aim between
        ("The firm completed its offer, with holders tendering 99% by the Tuesday deadline.", "Tuesday",
         "past"),
        ("Rebels reached the capital by Sunday.", "Sunday", "past"),
        ("The parent asked it to respond by Friday.", "Friday", "future"),
        ("He was ordered to leave by Friday.", "Friday", "future"),
        ("He promised a decision by Friday.", "Friday", "future"),
        ("They expect the sale to be completed by Friday.", "Friday", "future"),
        ("They filed suit on Monday, seeking a ruling by Friday.", "Friday", "future"),
        ("The sale, which had been expected, is part of a plan to repay it by February.", "February",
         "future"),
        # the present perfect before "through" / "until": a limit ahead
        ("The bank has extended the loans through January.", "January", "future"),
        ("The bank extended the loans in January.", "January", "past"),
        # a plan in the past tense after the day: the day of the plan
        ("On Friday, the government planned to pay the families.", "Friday", "past"),
        ("The government planned to pay the families on Friday.", "Friday", "future"),
        ("He could not be reached on Friday.", "Friday", "past"),
        # "since shortly after": past; an ongoing progressive is no plan
        ("Police have searched for him since shortly after the Oct. 23 slaying.", "Oct. 23", "past"),
        ("The bank is continuing to sell assets under a June agreement.", "June", "present"),
        ("The minister is visiting Paris on Friday.", "Friday", "future"),
    ],
)
def test_tense_at(sentence: str, words: str, expected: str) -> None:
    start = sentence.index(words)
    assert tense_at(sentence, start, start + len(words)) == expected


@pytest.mark.parametrize("sentence, anchor, value", [
    ("The president has given the union until Friday to respond.", MON, "2025-08-08"),
    ("The union has until Friday to accept the offer.", MON, "2025-08-08"),
    ("They have till Thursday to leave.", MON, "2025-08-07"),
    ("The delegation stayed until Friday.", SAT, "2025-08-08"),
])
def test_time_limits_point_ahead_unless_clearly_past(sentence, anchor, value):
    (expression,) = tag(sentence, anchor)
    assert expression.value == value


# --- TempEval-3 evaluation over a folder (generator.evaluation.timebank) --------------------

TIMEML = Path(__file__).parent / "data" / "timeml"
TIMEBANK_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "timebank-dev"


@pytest.mark.parametrize(("text", "key"), [
    ("Feb. 5, 1998", "MONTH 9, 9999"),
    ("last Thursday", "last WEEKDAY"),
    ("five years", "NUM years"),
    ("the  Current\nquarter", "the current quarter"),
])
def test_pattern_key(text: str, key: str) -> None:
    assert timebank.pattern_key(text) == key


def test_timebank_report_counts_documents_and_groups_errors(tmp_path: Path) -> None:
    (tmp_path / "part").mkdir()
    for path in sorted(TIMEML.glob("*.tml"))[:2]:
        (tmp_path / "part" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")

    def nothing_but_now(text: str, anchor: dt.date | None) -> list[TimeExpression]:
        start = text.index(" ") + 1
        return [TimeExpression(start, start + 1, text[start], "DATE", "PRESENT_REF")]

    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.tml").write_text("<TimeML><TEXT>not read</TEXT></TimeML>", encoding="utf-8")
    report = timebank.evaluate(tmp_path, nothing_but_now, parts=["part"])
    assert report.docs == {"part": 2}
    assert report.total.predicted == 2 and report.total.gold > 2
    assert report.kinds()["missed"] >= report.total.gold - 2
    (key, errors), *_ = report.worst(1)
    assert key[0] == "missed" and len(errors) == max(len(e) for _, e in report.worst(99))


def test_gold_use_tells_errors_the_gold_contradicts_elsewhere() -> None:
    use = timebank.GoldUse()
    use.add("Sales rose now. Prices fell now.", [timebank.GoldTimex(11, 14, "PRESENT_REF", "DATE", "now")])
    use.add("It began last week.", [timebank.GoldTimex(9, 18, "1998-W33", "DATE", "last week")])
    assert use.disputes(timebank.TimexError("missed", "DATE", "a", "now", "PRESENT_REF"))  # untagged once
    assert use.disputes(timebank.TimexError("spurious", "DATE", "a", "now", "", "PRESENT_REF"))
    assert use.disputes(timebank.TimexError("wrong value", "DATE", "a", "Last week", "1998-10",
                                            "1998-W42 'x'"))  # a month here, a week elsewhere
    assert not use.disputes(timebank.TimexError("wrong value", "DATE", "a", "last week", "1998-W30",
                                                "1998-W42 'x'"))  # same shape: our error
    assert not use.disputes(timebank.TimexError("spurious", "DATE", "a", "today", "", "1998-10-01"))


def test_timebank_report_refuses_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no .tml files"):
        timebank.evaluate(tmp_path, tag)



@pytest.mark.skipif(not TIMEBANK_DEV.is_dir(), reason="shared corpus timebank-dev absent")
def test_value_f1_on_timebank_dev_beats_heideltime() -> None:
    """TimeBank + AQUAINT (TempEval-3 training data, 256 documents): value F1 0.824 (TimeBank
    0.840, AQUAINT 0.792; 0.819 before the year-end, part-of-day and anaphoric-weekday classes,
    0.805 before the tense and span classes, 0.742 before issue 10) beside HeidelTime's published
    0.776."""
    report = timebank.evaluate(TIMEBANK_DEV, tag, parts=("TimeBank", "AQUAINT"))
    assert report.total.scores()["value_f1"] > timebank.HEIDELTIME_VALUE_F1, report.total.scores()
    for corpus in ("TimeBank", "AQUAINT"):
        assert report.counts[corpus].scores()["value_f1"] >= 0.77, corpus
