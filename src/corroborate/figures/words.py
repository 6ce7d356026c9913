"""The words that tell what a figure is about: outcomes for people, classes of counted nouns
and of verbs, and the small word lists `subject` reads the parse with.

Kept apart from the reading itself so that the vocabulary can grow without the logic moving.
"""

from __future__ import annotations

OUTCOMES = {
    "dead": "kill die dead death fatality toll body life drown perish",
    "injured": "injure wound hurt injury hospitalise hospitalize treat",
    "missing": "missing unaccounted",
    "rescued": "rescue save survivor survive pull lift airlift winch",
    "sheltered": "shelter house accommodate",
    "arrested": "arrest detain",
    "evacuated": "evacuate displace flee homeless relocate move leave force",
    "living": "live population inhabit",
    "aboard": "carry aboard board onboard",
    "released": "free release",
    "ill": "ill sick infect sicken",
}

# Outcome words that often mean something else ("the collapse left 64 hurt").
WEAK_OUTCOME_WORDS = frozenset("leave force move pull lift house body".split())

OUTCOME_OF = {word: name for name, words in OUTCOMES.items() for word in words.split()}

# Nouns that say who the people are, not what happened to them: "2.4 million residents" are
# people living there unless the clause says more ("3,000 residents were evacuated").
RESIDENT_NOUNS = frozenset("resident inhabitant".split())

# fmt: off
# Counted nouns that mean the same thing ("23 member nations" and "23 member states").
NOUN_CLASS = {
    "nation": "country", "state": "country", "country": "country", "member": "country",
    "ship": "vessel", "boat": "vessel", "vessel": "vessel",
    "home": "home", "house": "home", "household": "home", "dwelling": "home",
    # Outages and floods: "40,000 customers without power" are the homes cut off.
    "customer": "home", "property": "home",
    "job": "job", "post": "job", "position": "job", "staff": "person",
    "pupil": "student", "student": "student", "schoolchild": "student",
    "soldier": "troop", "troop": "troop",
    "life": "person",
    "car": "vehicle", "vehicle": "vehicle", "lorry": "vehicle", "truck": "vehicle",
    "bus": "vehicle", "coach": "vehicle", "van": "vehicle",
    "person": "person", "people": "person", "resident": "person", "inhabitant": "person",
    "civilian": "person", "individual": "person", "adult": "person", "protester": "person",
    "demonstrator": "person", "fan": "person", "spectator": "person", "victim": "person",
    "body": "person", "patient": "person", "passenger": "person", "worker": "person",
    "employee": "person", "visitor": "person", "survivor": "person", "other": "person",
    "tourist": "person",
    "threshold": "target", "benchmark": "target", "goal": "target", "target": "target",
    "expenditure": "spending", "expense": "spending", "spending": "spending",
    # News synonyms of the thing counted or measured, one class each: outlets vary the word.
    "outlay": "spending", "ballot": "vote", "vote": "vote", "match": "game", "fixture": "game",
    "game": "game", "docker": "person", "longshoreman": "person", "commuter": "person",
    "rider": "person", "traveller": "person", "traveler": "person",
    "starter": "runner", "entrant": "runner", "runner": "runner", "shortfall": "deficit",
    "deficit": "deficit", "penalty": "fine", "fine": "fine", "turnover": "revenue",
    "sales": "revenue", "sale": "revenue", "revenue": "revenue", "stock": "stock",
    "index": "stock", "value": "price", "price": "price", "earning": "pay", "earnings": "pay",
    "wage": "pay", "salary": "pay", "pay": "pay", "bushfire": "fire", "wildfire": "fire",
    "blaze": "fire", "fire": "fire", "rail": "train", "railway": "train", "train": "train",
    "signature": "person", "signatory": "person", "bicycle": "bike", "bike": "bike",
    "joblessness": "unemployment", "jobless": "unemployment", "participant": "runner",
    "inmate": "prisoner", "prisoner": "prisoner",
}

GENERIC_NOUNS = frozenset(
    """percent % cent per number figure total level share rate amount sum part proportion
    time year month week day decade hour minute morning evening night today people person thing
    lot rise increase fall cut drop hike jump decline reduction growth magnitude""".split()
)

# Acts that count the same things ("seized 14 rifles", "confiscated 14 rifles").
VERB_CLASS = {
    "send": "send", "deploy": "send", "dispatch": "send",
    "seize": "seize", "confiscate": "seize", "capture": "seize", "recover": "seize",
    "attend": "attend", "come": "attend", "join": "attend", "arrive": "attend",
    "close": "close", "shut": "close", "destroy": "destroy", "damage": "damage",
    "sink": "destroy", "own": "have", "operate": "have", "hold": "have", "have": "have",
    "pledge": "promise", "vow": "promise", "promise": "promise",
    "axe": "cut", "shed": "cut", "slash": "cut", "eliminate": "cut", "scrap": "cut",
    "employ": "have", "contain": "have", "store": "have", "remain": "have", "total": "have",
    "number": "have", "stand": "have", "involve": "have",
    "draw": "attend", "attract": "attend", "seat": "have",
    # A reading taken: "temperatures hit 41 degrees", "Portvale recorded 43 degrees".
    "hit": "reach", "reach": "reach", "record": "reach", "register": "reach", "top": "reach",
    "touch": "reach", "report": "reach", "confirm": "reach", "log": "reach", "post": "reach",
    "watch": "attend", "scorch": "burn", "char": "burn", "burn": "burn", "follow": "track",
    "track": "track", "monitor": "track", "jail": "sentence", "imprison": "sentence",
    "sentence": "sentence", "cancel": "cut",
    # Verbs of change in one direction: "shares jumped 14%" and "profit rose 14%" are one act
    # done by two different things.
    "jump": "rise", "surge": "rise", "climb": "rise", "soar": "rise", "rise": "rise",
    "slide": "fall", "slump": "fall", "tumble": "fall", "plunge": "fall", "dip": "fall",
    "drop": "fall", "fall": "fall",
    # Acts with an opposite, so that two verbs the lists know are two acts ("approved 480
    # homes", "rejected 200 homes"); synonyms of one side share its class.
    "hire": "hire", "recruit": "hire", "fire": "cut", "sack": "cut", "dismiss": "cut",
    "lay": "cut", "approve": "approve", "pass": "approve", "back": "approve",
    "reject": "reject", "refuse": "reject", "block": "reject", "veto": "reject",
    "deny": "reject", "open": "open", "build": "build", "construct": "build",
    "demolish": "destroy", "buy": "buy", "acquire": "buy", "purchase": "buy", "sell": "sell",
    "win": "win", "lose": "lose", "gain": "gain", "import": "import", "export": "export",
    "add": "add", "remove": "cut", "sign": "sign", "plant": "plant", "fell": "cut",
    "vaccinate": "vaccinate", "test": "test", "treat": "treat", "admit": "admit",
    "discharge": "discharge", "charge": "charge", "convict": "convict", "acquit": "acquit",
    "score": "score", "net": "score", "concede": "concede", "fail": "fail",
    "depart": "depart", "graduate": "graduate", "enrol": "enrol", "enroll": "enrol",
    "offer": "have",
    # Session 7: synonyms news uses for one act ("gutted by fire", "produces 310,000 cars");
    # the tagger lemmatises "gutted" as "gutte".
    "gut": "destroy", "gutte": "destroy", "raze": "destroy", "flatten": "destroy",
    "produce": "build", "manufacture": "build", "assemble": "build",
    "fix": "repair", "repair": "repair", "mend": "repair", "patch": "repair",
    "find": "find", "discover": "find", "unearth": "find", "uncover": "find",
    # Session 11: animals killed to stop a disease ("28,000 hens will be culled", "32,000
    # hens are to be destroyed")
    "cull": "destroy", "slaughter": "destroy",
}
# fmt: on

# Modifiers that make a count one set among others: "two other rifles", "four prior arrests".
SUBSET_WORDS = frozenset("other prior previous earlier additional further another extra".split())

# Counted nouns that are something that happened to people: "31 arrests" counts people.
PERSON_EVENTS = frozenset("death fatality casualty injury arrest rescue evacuation".split())

# Nouns that name a role in a group the noun before them names: "crew members", "staff members".
ROLE_HEADS = frozenset({"member"})

SETTLEMENTS = frozenset(
    """city town village island home country region province capital state nation community
    district area suburb neighbourhood neighborhood""".split()
)

# Verbs of change: "shrunk to 22 boats" says how many there are now, as "has 22 boats" does.
CHANGE_VERBS = frozenset(
    """rise fall shrink grow climb drop increase decrease jump swell dwindle reach double triple
    treble quadruple halve""".split()
)

# Verbs whose "by" gives the size of the change: "cut by £400,000", "raised by 4%".
CHANGE_BY = frozenset("cut raise reduce lower boost decrease slash expand contract go".split())

# Words after an amount that make it a difference: "£40m over budget", "800 fewer than".
EXCESS_WORDS = frozenset("over under more less fewer higher lower above below extra".split())

# Adjectives that say which statistic of a thing is given.
STATISTICS = frozenset(
    """average mean median typical starting minimum maximum basic gross net real nominal
    underlying core headline""".split()
)
