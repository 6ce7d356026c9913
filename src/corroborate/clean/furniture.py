"""What a line of page furniture looks like: markers, share bars, site notices, credits, captions.

The patterns are general phrasings of page furniture, never strings taken from particular pages;
`corroborate.clean` decides by them and by a line's place in the page.
"""

from __future__ import annotations

import re

from corroborate.read.text import READING_TIME as _READING_TIME

# Lines that announce other content, an advert's slot or a prompt to read on; only the line
# itself goes. The last were named links to other content ("Advertisement" too).
_PROMPT = (
    r"^(?:advertisement|advert|sponsored|story continues below(?: advertisement)?"
    r"|continue reading(?: below)?|scroll to continue(?: with content)?)[\s.]*$"
)
_PROMPT_LINE = re.compile(_PROMPT, re.IGNORECASE)
_INLINE_MARKER = re.compile(
    r"^(?:read also|also read|read more|see also|related|recommended|watch|listen"
    r"|more(?: (?:from|on|in) [\w .'’&-]{1,40}?)?"
    r"|trending(?: now)?|most (?:read|popular|viewed)|sponsored"
    r"|(?:picture|photo|video) gallery)\s*[:|»>–—-]|" + _PROMPT,
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:(?:share|tweet|email|e-mail|print|copy link|save|facebook|twitter|x|linkedin|whatsapp"
    r"|reddit|telegram|pinterest|messenger|follow us|share this(?: article| story)?|share on)"
    r"[\s|•·,/:]*){1,8}$",
    re.IGNORECASE,
)
# Page furniture in phrases a story's own sentence does not use: "Netflix added 9 million
# subscribers" and "the council will sign up for the scheme" are the story; "Subscribe to our
# newsletter", "Sign up to the morning briefing" and "This video cannot be played" are not.
_SITE_CHROME = re.compile(
    r"(?:we|this (?:site|website)|our (?:site|website)) uses? cookies|\bcookie (?:settings|policy"
    r"|preferences|notice)|\baccept (?:all )?cookies|privacy policy|terms of (?:use|service)"
    r"|all rights reserved|©|copyright \d{4}"
    r"|^(?:subscribe|sign up)\b|\bsubscribe (?:now|today|here|for free|to (?:our|this)\b)"
    r"|\bsubscribe (?:to )?(?:our|this|the) [\w' ]{0,30}newsletter"
    r"|\bsign up (?:for|to) (?:our|the|a) [\w' ]{0,40}(?:newsletter|briefing|alerts"
    r"|emails?|updates)|already a (?:subscriber|member)|log ?in to|create an account"
    r"|register for free|turn off your ad ?blocker|skip to (?:main )?content"
    r"|this content is available|for access to this content|enable javascript|notify me of"
    r"|(?:delivered|sent) (?:free )?(?:straight )?to your (?:inbox|phone)|breaking news alerts"
    r"|\b(?:download|get) (?:our|the) (?:free )?app\b|app store or google play"
    r"|google play or (?:the )?app store|\bour journalism\b|readers like you|don't miss out"
    r"|support (?:our|independent)(?: local)? journalism"
    r"|become a (?:supporter|member|subscriber) (?:from|for|today)"
    r"|^listen to this (?:article|story)"
    r"|audio is generated automatically|share your feedback|^comments? \(\d+\)"
    r"|^report an error\b|\| report an error"
    r"|\bvideo (?:is )?unavailable|\bvideo (?:cannot|can't|could not) be played"
    r"|browser does not support|\btry (?:refreshing|reloading)\b|video player is loading"
    r"|to watch this video|^(?:did you )?(?:enjoy(?:ed)?|liked?) this (?:story|article)\?"
    r"|share (?:it|this(?: story| article)?) "
    r"with (?:a friend|friends|your friends)|^have a (?:news )?(?:story|tip)(?: for us)?\?"
    r"|^(?:email|contact) (?:the|our) [\w' ]{0,30}(?:newsdesk|news desk|editors?)\b"
    r"|brought to you (?:with the support of|in partnership with|by) (?:our )?partners?"
    r"|advertising and sponsorship policy|^(?:newsletters?|sign in|log ?in|my account)\s*$"
    # A cookie banner's buttons and its partners' phrasing ("Accept all | Manage preferences",
    # "We and our partners use cookies ..."), a licence line, and the page's calls to write in
    # or to advertise.
    r"|\b(?:we|partners) (?:\w+ ){0,3}use cookies\b|\bour use of cookies\b"
    r"|(?:^(?:yes,? )?i accept|\baccept all|\breject all"
    r"|\bmanage (?:preferences|settings|cookies|choices|options))\s*(?:[|·•/]|$)"
    r"|\btake me to settings\b"
    # A banner's opening and closing words ("We value your privacy.", "Find out more. Got it"):
    # with them a cookie banner above the masthead was taken for the story's first paragraph,
    # and the masthead, the menu and the byline under it stayed in the story (session-11 audit).
    r"|^we (?:value|care about|respect) your privacy\b|^your privacy(?: choices| settings)?\W*$"
    r"|^(?:got it|find out more|learn more|more info(?:rmation)?|ok,? got it)\W*$"
    # A station's or a site's own promotion ("Get the latest news on Varrow FM every hour").
    r"|^get (?:the latest|all the latest|breaking) (?:news|headlines|updates)\b"
    r"|^comments (?:are|have been) (?:closed|disabled|switched off)\b"
    r"|may not be (?:reproduced|republished|redistributed|copied)\b|^newsletters?\s*:"
    r"|^(?:do you )?(?:have|got) a (?:news )?(?:story|tip)\b|^have your say\b"
    r"|^letters to the editor\b"
    r"|^advertise with\b|^(?:e-?mail|write to|contact) (?:us )?(?:at )?[\w.+-]+@[\w-]+\."
    # A cookie banner's bare buttons ("Accept | Settings"), a paywall's count and offer ("You
    # have read 3 of your 5 free articles", "This article is for subscribers", "... to keep
    # reading", "X is free to read"), and a newsroom's calls for tips, pictures and listeners:
    # each stayed in a story of the session-10 audit as a claim, a figure or a summary line.
    r"|^(?:yes,? )?(?:i )?accept(?: all| cookies)?\s*(?:[|·•/]|$)"
    r"|\b(?:you have|you've) read \d+ of (?:your )?\d+ free\b|\bfree (?:articles|stories) "
    r"(?:this|a|per) month\b|^this (?:article|story|content) is (?:only )?(?:for|available "
    r"(?:only )?to|reserved for) (?:our )?(?:subscribers|members)\b|\bto keep reading\b"
    r"|\bis free to read[.!]?$|^(?:message|call|text|phone|whatsapp|e-?mail|contact) (?:the|our) "
    r"(?:newsroom|newsdesk|news desk|news team)\b|^have you been affected\b"
    r"|^send us your (?:pictures|photos|videos|stories|views|news)\b"
    r"|^(?:listen|watch) (?:to )?(?:the|our) full (?:report|interview|programme|program|episode)\b"
    # A page's pointers to its own pages, feeds and owners, below the story: each stayed in a
    # story of the session-12 audit as a claim ("Hear more on ... from 4pm", "Read the Ledger's
    # full coverage of ...", "Click here to follow ... on social media", "X is published by
    # Y Ltd.", "Was this guide helpful? Yes / No", "Have your say: ... Comment below.").
    r"|^(?:hear|catch) more (?:on|from|in)\b"
    r"|^(?:read|see|follow|get) (?:all )?(?:of )?(?:our|the|[\w'’]+['’]s)\b[\w'’ ]{0,30}?"
    r"\b(?:full|latest|live|complete|continuing) coverage\b"
    r"|^(?:read|find|get) more [\w'’ ]{0,25}(?:news|stories|coverage|updates) (?:at|on)\b"
    r"|^follow (?:our|the) [\w'’ ]{0,30}blog\b|^click here\b"
    r"|^follow [\w'’&. ]{1,40} on (?:social media|facebook|x|twitter|instagram|tiktok|youtube)\b"
    r"|^(?:[\w'’&.]+(?: [\w'’&.]+){0,3} on (?:facebook|x|twitter|instagram|tiktok|youtube"
    r"|threads|bluesky|linkedin|whatsapp)\s*(?:[·|•,/]\s*|$)){2,}$"
    r"|\bmay earn (?:a |an )?(?:small )?(?:affiliate )?commission (?:when|if|from|on) "
    r"(?:you|readers)\b"
    r"|\bwhen you (?:buy|shop|click) (?:through|via|using) (?:links|our links|a link)\b"
    r"|^(?:was|is|did you find) this (?:article|story|guide|page|post|answer|information) "
    r"(?:helpful|useful)\b|^yes\s*[/|]\s*no\W*$"
    r"|^comment below\b|^(?:leave|post|add|share) (?:a |your )?(?:comments?|views?) below\b"
    r"|^[\w'’&. ]{2,40} is (?:published|owned|produced) by [\w'’&.,() -]{2,60}"
    r"\b(?:ltd|limited|plc|llc|inc|gmbh)\.?$",
    re.IGNORECASE,
)
# A word or two that each of _SITE_CHROME's phrases holds: most sentences hold none, and this
# test is far cheaper than the phrases' own search (the search decides).
_CHROME_KEYS = tuple(
    "cookie|privacy policy|terms of|rights reserved|©|copyright|subscri|sign up|"
    "sign in|log in|login|an account|my account|register for|blocker|skip to|"
    "content|javascript|notify|to your|alerts| app|app |journalism|readers like|"
    "miss out|become a|listen to|audio|feedback|comment|report an error|video|"
    "browser|try re|this story|this article|share|have a|newsdesk|news desk|editor|"
    "partner|sponsorship|newsletter|already a|accept|reject|manage|settings|reproduced|"
    "republished|redistributed|copied|have your say|letters to|advertise|@|got a|read |"
    "free |for subscribers|for members|keep reading|newsroom|been affected|send us|full |"
    "privacy|got it|find out|learn more|more info|get the latest|get all|get breaking|"
    "hear more|catch more|coverage|read more|find more|get more|follow|click here|facebook|"
    "twitter|instagram|tiktok|youtube| on x|commission|when you|helpful|useful|yes|"
    "below|published by|owned by|produced by".split("|")
)
_PROMO = re.compile(r"\b(?:sign up|subscribe)\b", re.IGNORECASE)
# The date a correction note may carry before its colon ("Correction, 23 November:",
# "Correction (Nov 23, 2026):"): such a note and the figure it corrected stayed in the story.
_NOTE_DATE = (
    r"(?:,?\s*\(?\s*(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2})(?:,?\s+\d{4})?\)?)?"
)
# The page's own notes about the article: who reported it, corrections, its tags.
_ARTICLE_NOTE = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|edited|compiled) by\b"
    r"|^(?:this|an earlier version of this) (?:article|story|report)(?: (?:was|has been))? "
    rf"(?:amended|updated|corrected|edited)\b|^correction{_NOTE_DATE}\s*:"
    r"|^(?:filed under|topics?|tags?|categories)\s*:",
    re.IGNORECASE,
)
# A short question that opens a page's call to its readers.
_ASKED = re.compile(r"^(?:\S+\s+){1,7}\S+\?$")
# A note that opens on a correction or an amendment: the sentences after it say what was wrong.
_CORRECTION = re.compile(
    rf"^(?:correction|clarification|amendment){_NOTE_DATE}\s*:"
    r"|^an earlier version of this (?:article|story|report)\b"
    r"|^(?:this|the) (?:article|story|report) (?:was|has been) (?:amended|corrected)\b",
    re.IGNORECASE,
)
_VIEW_COUNTER = re.compile(
    r"^(?:visited|viewed|views?|reads?|seen)\b.{0,40}\d|^\d[\d,.]*\s*(?:k\s*)?(?:views|reads|visits"
    r"|times|shares|comments)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\b(?:photo|image|picture|photograph|illustration|video|graphic)s?\s*(?::|by\b|credit|caption)"
    r"|^caption\s*:"
    r"|\bcredit:|getty images|\bap photo\b|\b(?:afp|ap|reuters|epa|dpa|file)\)|\((?:ap|afp)/"
    r"|/(?:dpa|afp|ap|reuters|getty|epa)\b|\bvia getty\b|\bshutterstock\b",
    re.IGNORECASE,
)
_QUOTE_CHARS = "\"“”‘’'«»„‟‹›"
TERMINAL = re.compile(r"[.!?…][\"”’'»)\]]*$")
# A credit glued to a caption's start or end ("EPA A destroyed building KyivEPA").
_CREDIT_START = r"^(?:EPA|AFP|Reuters|Getty Images|AP|PA Media|PA|Bloomberg)\b"
_CREDIT_END = r"(?:EPA|AFP|Getty Images|Reuters|PA Media|AP Photo)$"
_CREDIT_EDGE = re.compile(f"{_CREDIT_START}|{_CREDIT_END}")
# A credit at both edges, the last after the caption's full stop ("EPA A Denmark's tank (back)
# and Italy's ... in Grafenwoehr, Germany. EPA"), marks a caption however long it runs or
# whatever it quotes: story prose does not open on an agency's bare name and add it after its
# last sentence.
_CREDIT_BOTH = re.compile(f"{_CREDIT_START}.*[.!?)]\\s+{_CREDIT_END}", re.DOTALL)
_CAPTION_WORDS = 60
_CAPTION_LABEL = re.compile(
    r"^(?:photo|image|picture|photograph|pictured|illustration|graphic)s?(?: caption)?\s*:"
    r"|^caption\s*:",
    re.IGNORECASE,
)
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]+,?(?: [A-Z][a-z]+\.? \d+)?\s*\([A-Za-z]+\)\s*[—–-]"
)
LIST_ITEM = re.compile(r"^\s*(?:[-•*–—]|\d{1,2}[.)]\s|[a-z][.)]\s)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'A-Z0-9])")


def furniture(text: str) -> str | None:
    """Why a line or paragraph is the page's furniture rather than the story, if it is.

    A whole short line may be a marker, share buttons or a counter. Otherwise every sentence
    must be a notice ("Video unavailable. This video cannot be played in your region."): a
    page runs its notices together where a story sentence would stand, and a story sentence
    beside a notice keeps the paragraph."""
    if len(text.split()) <= 25:
        if _PROMPT_LINE.match(text):
            return "advertisement slot or prompt to read on (marker line)"
        if _INLINE_MARKER.match(text):
            return "link to other content (marker line)"
        if _SHARE.match(text):
            return "share buttons"
        if _VIEW_COUNTER.match(text):
            return "view counter"
        if _READING_TIME.match(text):
            return "reading-time note"
    sentences = _SENTENCE_END.split(text.strip())
    if _CORRECTION.match(sentences[0]) and len(sentences) <= 3 and len(text.split()) <= 60:
        # "Correction: An earlier version said the hole was 12 metres deep. Engineers measured
        # it at about 8 metres.": the note and what it corrects are one note; its figures and
        # names stayed in the story as a claim, a summary line and a single-source figure.
        return "the page's note on the article (credits, corrections, tags)"
    # Both ends must be notices (or the one sentence): checked first, as most paragraphs are
    # prose and fail on their first sentence, so the rest is never searched.
    if len(sentences) == 2 and _ASKED.match(sentences[0]) and (call := notice(sentences[1])):
        return call  # "Were you there? Send us your photos.": the question asks for the call
    ends = [notice(sentences[0])]
    if not ends[0] or len(sentences) == 1:
        return ends[0]
    ends.append(notice(sentences[-1]))
    if not ends[1]:
        return None
    reasons = [ends[0], *(notice(s) for s in sentences[1:-1]), ends[1]]
    # An appeal can hold one sentence of its own between its notices ("Support local
    # journalism. Our reporters cover ... Become a supporter ..."): notices at both ends and
    # in the majority; a story's paragraph does not open and close on page notices.
    if sum(1 for r in reasons if r) * 2 > len(reasons):
        kinds = set(reasons)
        return kinds.pop() if len(kinds) == 1 else "site chrome: a paragraph of page notices"
    return None


def notice(sentence: str) -> str | None:
    if len(sentence.split()) > 25:
        return None
    if _INLINE_MARKER.match(sentence):
        return "link to other content (marker line)"
    lower = sentence.lower()
    if any(key in lower for key in _CHROME_KEYS) and _SITE_CHROME.search(sentence):
        return "site chrome: subscription, cookie, player or legal notice"
    if _SHARE.match(sentence):
        return "site chrome: subscription, cookie, player or legal notice"
    if _PROMO.search(sentence) and not TERMINAL.search(sentence):  # an ad's headline
        return "site chrome: subscription, cookie, player or legal notice"
    if _ARTICLE_NOTE.match(sentence):
        return "the page's note on the article (credits, corrections, tags)"
    return None


def is_credit(text: str) -> bool:
    """A photo credit or a caption that carries one; not a wire dateline ("LIMA (AP) —")."""
    words = text.split()
    if len(words) <= _CAPTION_WORDS and _CREDIT_BOTH.match(text.strip()):
        return True
    if len(words) <= _CAPTION_WORDS and _CAPTION_LABEL.match(text):
        return True  # "Photo caption: ..." says what it is, however long its sentence
    if len(words) > 40 or is_quote_like(text) or _AGENCY_DATELINE.match(text):
        return False
    if TERMINAL.search(text) and len(words) > 15:
        return False  # a sentence of the story that names an agency
    return bool(_CREDIT.search(text))


def looks_like_caption(text: str) -> bool:
    """A caption: a credit at its edge, or a sentence-case description with no full stop.

    Subheadings are short or Title Case; captions are longer lowercase descriptions.
    """
    if TERMINAL.search(text) or is_quote_like(text) or LIST_ITEM.match(text):
        return False
    if text.rstrip().endswith((":", ";", ",")):
        return False  # introduces what follows: a lead-in or a subheading
    words = text.split()
    if _CREDIT_EDGE.search(text) and len(words) <= 30:
        return True
    if not 7 <= len(words) <= 30:
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return lower * 3 >= (len(words) - 1) * 2


def is_quote_like(text: str) -> bool:
    return sum(text.count(ch) for ch in _QUOTE_CHARS) >= 2
