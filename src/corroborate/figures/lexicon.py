"""Words the figure reader knows: number words, scales, currencies, units, bound markers.

Kept apart from the reading code so a new form is one line here. Every table maps the lower-cased
surface form to what it means; the patterns in `extract.py` are built from these keys.
"""

from __future__ import annotations

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Scales that multiply the number before them; the short forms must touch the number ("4.2bn").
SCALE_WORDS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    # South Asian scales: "3.5 lakh" is 350,000, "Rs 12 crore" is 120 million rupees.
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
SCALE_SHORT = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "mm": 1e6,  # "$160MM", only when written in capitals (extract.py): "180mm" is rain
}

# Currency signs and codes written before the number.
CURRENCY_PREFIX = {
    "us$": "USD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "c$": "CAD",
    "a$": "AUD",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "chf": "CHF",
    "jpy": "JPY",
    "cad": "CAD",
    "aud": "AUD",
    "₹": "INR",
    "rs": "INR",
}
# Currency words written after the number ("185m dollars", "40 million euros").
CURRENCY_SUFFIX = {
    "us dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "yen": "JPY",
    "swiss francs": "CHF",
    "francs": "CHF",
    "rupees": "INR",
}
PERCENT_SUFFIX = {
    "percentage points": "percentage points",
    "percentage point": "percentage points",
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "pc": "percent",
}
# Measurement units after the number, mapped to one spelling each (no conversion between
# units: "12,000 hectares" and "12,000 acres" are different figures, never a conflict).
MEASURE_SUFFIX = {
    "cubic metres": "cubic metres",
    "cubic meters": "cubic metres",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "sq km": "km2",
    "square km": "km2",
    "sq miles": "square miles",
    "km2": "km2",
    "square miles": "square miles",
    "nautical miles": "nautical miles",
    "kilometres": "km",
    "kilometre": "km",  # "a 3.8-kilometre tunnel"
    "kilometer": "km",
    "kilometers": "km",
    "km": "km",
    "miles": "miles",
    "mile": "miles",
    "metres": "metres",
    "meters": "metres",
    "metre": "metres",
    "meter": "metres",
    "centimetres": "cm",
    "centimetre": "cm",
    "millimetre": "mm",
    "kilogram": "kg",
    "kilogramme": "kg",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "feet": "feet",
    "ft": "feet",
    "inches": "inches",
    "tonnes": "tonnes",
    "tonne": "tonnes",
    "tons": "tonnes",
    "ton": "tonnes",
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kg": "kg",
    "grams": "grams",
    "gram": "grams",
    "milligrams": "mg",
    "millilitres": "ml",
    "litres": "litres",
    "liters": "litres",
    "litre": "litres",
    "gallons": "gallons",
    "light-years": "light years",
    "light years": "light years",
    "light-year": "light years",
    "hectares": "hectares",
    "hectare": "hectares",
    "acres": "acres",
    "barrels": "barrels",
    "barrel": "barrels",
    "bpd": "barrels per day",
    "degrees celsius": "degrees",
    "degrees": "degrees",
    "°c": "degrees",
    "°f": "degrees F",
    "mw": "MW",
    "megawatts": "MW",
    "gw": "GW",
    "gigawatts": "GW",
    "kwh": "kWh",
    "km/h": "km/h",
    "mph": "mph",
    "knots": "knots",
}
# Short units read only when they touch the number and in lower case: "60g", "5mg", "250ml"
# ("5G" is a network, "60 g" too loose to trust).
GLUED_UNITS = {"g": "grams", "mg": "mg", "ml": "ml"}
# Durations are typed by their unit, so a duration never lines up with a count.
DURATION_SUFFIX = {
    "decades": "decades",
    "decade": "decades",
    "years": "years",
    "year": "years",
    "months": "months",
    "month": "months",
    "weeks": "weeks",
    "week": "weeks",
    "days": "days",
    "day": "days",
    "hours": "hours",
    "hour": "hours",
    "minutes": "minutes",
    "minute": "minutes",
    "seconds": "seconds",
    "second": "seconds",
    "seasons": "seasons",
    "season": "seasons",
}
# One unit of time told with "a": "an hour and a half", "almost a decade" ("a second" is
# mostly an ordinal, so it is not here).
ONE_SPAN = frozenset("decade year month week day hour minute".split())
# Words of lasting before "a year" that make it a span: "for a year", "the probe spent a
# decade". Markers ("almost", "more than") do too (number._span_cue_before). Not "within":
# "settled within a month" is a deadline the labelled sets do not count as a figure.
SPAN_CUES = frozenset(
    """for lasted lasting lasts last took take takes taking spent spend spends spending
    served serve serving""".split()
)
# Fractions written as words become percentages ("around a fifth" agrees with "20%").
FRACTIONS = {
    "half": 50.0,
    "a half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "one-quarter": 25.0,
    "three quarters": 75.0,
    "three-quarters": 75.0,
    "a fifth": 20.0,
    "one fifth": 20.0,
    "one-fifth": 20.0,
    "two fifths": 40.0,
    "two-fifths": 40.0,
    "three fifths": 60.0,
    "three-fifths": 60.0,
    "four fifths": 80.0,
    "four-fifths": 80.0,
    "three tenths": 30.0,
    "three-tenths": 30.0,
    "nine tenths": 90.0,
    "nine-tenths": 90.0,
    "a tenth": 10.0,
    "one tenth": 10.0,
    "one-tenth": 10.0,
    "seven tenths": 70.0,
    "seven-tenths": 70.0,
    "a sixth": 100 / 6,
    "one sixth": 100 / 6,
    "one-sixth": 100 / 6,
    "five sixths": 500 / 6,
    "five-sixths": 500 / 6,
    "an eighth": 12.5,
    "one eighth": 12.5,
    "one-eighth": 12.5,
    "three eighths": 37.5,
    "three-eighths": 37.5,
}

# Markers before a number: (bound, approximate). bound "low": the value is a floor;
# "high": a ceiling; None: no bound.
MARKERS: dict[str, tuple[str | None, bool]] = {
    "at least": ("low", False),
    "more than": ("low", False),
    "over": ("low", False),
    "above": ("low", False),
    "exceeding": ("low", False),
    # Verbs of passing a mark: "turnout crossed 70%" is 70% and more, not 70%. ("topped" is
    # left a reading, as "hit" is: "temperatures topped 40C" is said of a peak of about 40C.)
    "exceeded": ("low", False),
    "crossed": ("low", False),
    "crossing": ("low", False),
    "surpassed": ("low", False),
    "surpassing": ("low", False),
    "in excess of": ("low", False),
    "upwards of": ("low", False),
    "upward of": ("low", False),
    "north of": ("low", False),
    "no fewer than": ("low", False),
    "no less than": ("low", False),
    "not less than": ("low", False),
    "a minimum of": ("low", False),
    "beyond": ("low", False),
    "just over": ("low", True),
    "just above": ("low", True),
    "a little over": ("low", True),
    "slightly more than": ("low", True),
    "just more than": ("low", True),
    "up to": ("high", False),
    "at most": ("high", False),
    "less than": ("high", False),
    "fewer than": ("high", False),
    "under": ("high", False),
    "below": ("high", False),
    "no more than": ("high", False),
    "not more than": ("high", False),
    "as much as": ("high", False),
    "as many as": ("high", False),
    "as high as": ("high", False),
    "as low as": ("low", False),
    "a maximum of": ("high", False),
    "south of": ("high", False),
    "nearly": ("high", True),
    "almost": ("high", True),
    "just under": ("high", True),
    "just below": ("high", True),
    "just shy of": ("high", True),
    "just short of": ("high", True),
    "around": (None, True),
    "about": (None, True),
    "roughly": (None, True),
    "approximately": (None, True),
    "approx": (None, True),
    "some": (None, True),
    "an estimated": (None, True),
    "estimated": (None, True),
    "circa": (None, True),
    "close to": (None, True),
    "~": (None, True),
    "more or less": (None, True),
    "an approximate": (None, True),
    "reportedly": (None, False),
}
# Words after a number that make it approximate ("40 or so").
TRAILING_APPROX = ("or so", "odd", "-odd", "or more", "plus", "+")

# Nouns before a number that make it a label, not a quantity ("Article 5", "Resolution 2231").
LABEL_NOUNS = frozenset(
    """article articles section sections chapter chapters resolution clause paragraph page pages
    no no. number nos flight route room platform gate highway rule amendment bill act level
    grade phase stage round season episode volume vol vol. title schedule annex appendix item
    point law decree order case table figure fig fig. line row block unit lot seat exit junction
    term category class tier division zone district ward precinct bus channel interstate
    world war psalm verse track version model series covid covid- sars mark type pier terminal
    tranche batch tier lane apartment flat suite floor storey building highway""".split()
)
# Words after a number that make it a time of day.
TIME_WORDS = frozenset("am a.m. pm p.m. gmt utc bst cet est edt pst hrs h o'clock".split())
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Relative time: "six months ago" is a date, not a figure.
RELATIVE_AFTER = frozenset("ago later earlier before after prior since previously".split())

# People whose number after "of" (or between commas) is their age: "a man of 54", "a woman, 71,".
# A parent's is a count of children ("a father of three"), so parents are not here.
AGED_PEOPLE = frozenset(
    {"man", "woman", "men", "women", "boy", "girl", "boys", "girls", "pensioner", "widow"}
    | {"widower", "lady", "gentleman", "teenager", "driver", "cyclist", "pedestrian"}
)
