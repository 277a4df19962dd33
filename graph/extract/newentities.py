"""Names the registry does not know, proposed as new entities with a guessed class.

A capitalised name is proposed when its shape says what it is: a title before a personal name
("Foreign Minister Sergei Lavrov" is a person, "President ..." a political leader), an
institutional head word ("... Council", "... Ministry", "... Agency", "... Institute", "... Army"),
a place word ("Kursk region", "... Oblast"), or a treaty or
resolution name. Proposals carry the extractor as producer, so they enter the graph marked as
extracted, and are written to a review file for a curator to accept into the registry.

>>> [(p.label, p.cls) for p in propose("Foreign Minister Sergei Lavrov met the Kursk Regional Council.", [])]
[('Sergei Lavrov', 'Person'), ('Kursk Regional Council', 'GovernmentBody')]
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace

from .mentions import Mention

__all__ = ["Proposal", "propose", "propose_drafts", "propose_events", "slug"]

_NAME = r"[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|of|for|and|on|the|de|al)){0,5}"
_LEADER_TITLES = r"President|Prime Minister|Premier|Chancellor|King|Queen|Supreme Leader|Emir|Crown Prince"
_PERSON_TITLES = r"Secretary-General|Director-General|Under-Secretary-General|High Representative|State Counsellor|CEO|" \
                 r"(?:Foreign|Defen[cs]e|Deputy|Finance|Interior|Prime)?\s*Minister|General|Gen\.|Admiral|Adm\.|Colonel|" \
                 r"Col\.|Secretary|Ambassador|Senator|Sen\.|Spokes(?:person|man|woman)(?:\s+(?:(?:Major|Lieutenant|Brigadier|Rear|Vice)\s+)?" \
                 r"(?:General|Admiral|Colonel|Captain|Commander))?|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Prof\.?|" \
                 r"Commander|Envoy|Director|Chairman|Chairwoman|Governor|Mayor|Marshal|Lt\.?|Major|Captain|" \
                 r"(?:(?:Navy|Army|Air Force|Marine Corps)\s+)?(?:Brig\.?|Maj\.?|Lt\.?|Rear|Vice|Major|Lieutenant|Brigadier)\s+(?:Gen\.|Adm\.|General|Admiral)"
#: Title-case verbs of headlines: a name holds none of them.
_HEADLINE_VERBS = {"Extends", "Renews", "Authorizes", "Authorises", "Adopts", "Condemns", "Urges", "Calls", "Demands",
                   "Welcomes", "Fails", "Approves", "Decides", "Rejects", "Says", "Tells", "Warns", "Holds", "Signs",
                   "Meets", "Briefs", "Imposes", "Sanctions", "Designates", "Announces", "Expands", "Strengthens",
                   "Delivers", "Outlines", "Presents", "Gives", "Addresses", "Highlights", "Emphasizes", "Emphasises",
                   "Reiterates", "Expresses", "Introduces", "Describes", "Underscores", "Voices", "Raises", "Discusses",
                   "Praises", "Reports", "Cautions", "Appeals", "Laments", "Deplores", "Pledges"}
#: Title-case words that end a name in a headline ("Minister Park Before Their Meeting").
_NOT_NAME = r"(?!(?:" + "|".join(sorted(_HEADLINE_VERBS)) + r"|Before|After|During|Their|His|Her|Its|Our|The|And|With|For|" \
            r"From|To|On|At|In|Of|By|Meeting|Meet|Said|Visit|Visits|Talks|Asks|Stresses|Notes|" \
            r"Statement|Remarks|Press|Joint|Affairs|Rights|Human|Support|Assistance|Peacebuilding|Peacekeeping|Coordination|Defen[cs]e|Treasury|Intelligence|Policy|" \
            r"Terrorism|Operations|Development|Cooperation|Relations|Europe|Asia|Africa|Americas|" \
            r"State|Foreign|Justice|Finance|Interior|Trade|Commerce|Security|Council|Republic|Federation|" \
            r"Adm|Gen|Lt|Col|Maj|Capt|Sgt|Brig|Rear|Vice|Navy|Army|Marine|Dr|Mr|Ms|Mrs|Prof|Spokes\w+|Secretary|Minister|President|Director|" \
            r"Ambassador|Envoy|Representative|Permanent|Deputy|Acting|Chairman|Chairwoman|Premier|Chancellor|General|Staff|Assembly|Secretariat)\b)"
_LOWER = r"(?:[a-z’'\-]|[^\x00-\x7F\W\d])"  # a letter after the first one of a name, accents included
#: One word of a personal name; a hyphen may join two capitalised parts ("Jean-Claude", "Jean-Yves").
_UPPER = "[A-ZÀ-ÖØ-ÞŠŽČĆŁŚŹŻ]"  # (capitals with accents open names too: "Ivan Šimonović", "Łukasz")
_NAME_WORD = _NOT_NAME + r"(?:(?:al-|el-|bin\s+|ibn\s+|von\s+der\s+|van\s+der\s+|de\s+|da\s+)?" + _UPPER + _LOWER + \
    r"+(?:-?[A-Z]" + _LOWER + "+)?)"  # ("DiCarlo", "McCarthy": a second capital inside the word)
#: A personal name: capitalised words, with middle initials ("Janet L. Yellen", "Joseph R. Biden, Jr.").
_PERSON_NAME = _NAME_WORD + r"(?:\s+[A-Z]\.)?(?:\s+" + _NAME_WORD + r"){1,2}(?:,\s+Jr\.|\s+(?:III|II|IV|Jr\.|Sr\.)(?!\w))?"
_TITLE_PREFIX = r"(?:(?:Assistant|Deputy|Vice|Under|Acting|Senior|First|Permanent|Special|Chief|Executive)\s+)*"
_PERSON_RE = re.compile(r"\b(?P<title>" + _TITLE_PREFIX + r"(?:" + _LEADER_TITLES + "|" + _PERSON_TITLES +
                        r")(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)??)?(?:\s+for\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}?)?|"
                        r"(?<=[A-Za-z] )(?:representative|ambassador|envoy|spokes(?:person|man|woman)|delegate)|"
                        r"(?<=’s |'s )(?:supreme leader|president|prime minister|foreign minister|defen[cs]e minister|"
                        r"leader|ambassador|envoy|spokes(?:person|man|woman))|"
                        # "Spanish prime minister Pedro Sánchez", "NATO secretary general Jens Stoltenberg"
                        r"(?<=[A-Za-z] )(?:supreme leader|president|prime minister|premier|chancellor|foreign minister|defen[cs]e minister|"
                        r"secretary[- ]general|secretary of state|minister)|"
                        r"(?<=\b[Ll]ed by )|(?<=\b[Hh]eaded by ))(?:,)?\s*"
                        r"(?P<name>" + _PERSON_NAME + r"|" + _NOT_NAME + r"(?:[A-Z][a-z’'\-]{2,}|(?:Mc|Mac|Di|De|La|Le|O’|O')[A-Z][a-z]{2,}|Xi|Li|Wu|Ma|Yu|Hu|Ri|Ko|Oh|Lu|Ho)(?=\s*[,.;:)]|\s*$|\s+and\b|\s+[a-z]|\s+(?=" + _NOT_NAME[3:] + r"))\b")
#: "Jonah Leff, Executive Director, Conflict Armament Research": a name before a title in apposition.
#: ("Olaf Scholz, the German Chancellor", "Sergei Lavrov, Russia's foreign minister": a state or body may come first.)
_NAME_TITLE_RE = re.compile(r"(?:^|(?<=[\s“\"(]))(?P<name>" + _PERSON_NAME + r"),\s+(?:the\s+|a\s+)?"
                            r"(?:[A-Z][\w.-]*(?:'s|’s)?\s+){0,2}" + _TITLE_PREFIX +
                            r"(?:President|Director|Secretary|Minister|Ambassador|Representative|Envoy|Chair\w*|Head|"
                            r"Spokes\w+|Commissioner|Coordinator|Under-Secretary|Director-General|Secretary-General|"
                            r"Chancellor|Prime Minister|Premier|"
                            r"director|president|minister|ambassador|representative|envoy|spokes\w+|head|chair\w*|"
                            r"commissioner|coordinator|analyst|professor|fellow|researcher|chancellor|prime minister|"
                            r"premier|general secretary|secretary[ -]general|secretary|foreign minister|defen[cs]e minister|leader|"
                            r"Leader|founder|commander|"
                            r"Commander|chief|Chief)\b")
_SPEAKS = re.compile(r"\s*(?:,|\(|said\b|says\b|stressed\b|noted\b|added\b|told\b|warned\b|urged\b|called\b|expressed\b|"
                     r"welcomed\b|underscored\b|emphasi[sz]ed\b|asked\b|recalled\b|observed\b|accused\b|condemned\b|"
                     r"pointed\b|agreed\b|echoed\b|highlighted\b|voiced\b|described\b|rejected\b|objected\b|"
                     r"spoke\b|questioned\b|reiterated\b|regretted\b|deplored\b)")
_TITLE_OF = re.compile(r"\b(?:Director|Head|Chief|Minister|Secretary|Chair\w*|President|Ambassador|Commissioner|"
                       r"Director-General|Secretary-General)\s+of\s+(?:the\s+)?$")
_NAME_OF_RE = re.compile(r"(?:^|(?<=[\s“\"(]))(?P<name>" + _PERSON_NAME + r")\s+of\s+(?:the\s+)?")
#: "Vassily Nebenzia (Russian Federation) said": a delegate with their state in parentheses (UN meetings coverage).
_NAME_PAREN_RE = re.compile(r"(?:^|(?<=[\s“\"]))(?P<name>" + _PERSON_NAME + r")\s+\((?=[A-Z])")
#: A bare full name and what marks it as a person's: an act or word of theirs after it ("met", "said", "'s visit"),
#: or a meeting or word with them before it ("met with", "said", "thanked").
_PERSON_ACT = (r"(?:,?\s+(?:said|says|told|met|meets|visited|visits|travel(?:l)?ed|arrived|signed|announced|stated|stressed|"
               r"warned|added|noted|spoke|emphasi[sz]ed|underscored|reaffirmed|welcomed|congratulated|hosted|received)|"
               r"['’]s\s+(?:[a-z]+\s+)?(?:visit|trip|remarks|statement|comments|speech|meeting|talks|call|invitation))\b")
_BARE_PERSON_RE = re.compile(r"(?:(?<=\bmet with )|(?<=\bmet )|(?<=\bsaid )|(?<=\bthanked )|(?<=\btalks with )|(?<=\bcall with )|"
                             r"(?<=\bspoke with ))(?P<name>" + _PERSON_NAME + r")\b|"
                             r"(?:^|(?<=[\s“\"(]))(?P<name2>" + _PERSON_NAME + r")(?=" + _PERSON_ACT + r")")
#: Capitalised words that are no part of a person's name.
_NOT_PEOPLE = {"White", "House", "Kremlin", "Pentagon", "State", "States", "United", "Nations", "Security", "General",
               "Secretary", "Minister", "Ministers", "President", "Foreign", "Defense", "Defence", "Affairs", "Prime",
               "European", "Council", "North", "South", "East", "West", "Korea", "Republic", "People", "People’s",
               "Democratic", "Federation", "Russian", "Chinese", "American", "Iranian", "Korean", "Japanese", "Ukrainian",
               "Both", "Each", "All", "Allies", "Leaders", "Members", "Officials", "Government", "Parliament", "Duma",
               "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
               "Washington", "Moscow", "Beijing", "Pyongyang", "Seoul", "Tokyo", "Kyiv", "Tehran", "Brussels"}
#: A date after a name, which is no part of it: "the Munich Security Conference on February 16".
_DATE_TAIL = re.compile(r"\s+(?:on|in|of|from|since|until)\s+(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December)\b.*")
#: Capitalised plurals that open a description of many, never a name ("Heads of State and Government", "Member States").
_COLLECTIVES = {"Heads", "Head", "Member", "Members", "Ministers", "Leaders", "Delegates", "Representatives",
                "Parties", "States"}
#: The legal forms of companies.
_LEGAL_FORMS = r"LLC|Ltd|Limited|JSC|PJSC|OJSC|CJSC|Inc|Corp|SARLU|SARL|GmbH|PLC|FZE|FZCO|LLP"
_HEADS = [
    ("GovernmentBody", r"Council|Committee|Ministry|Assembly|Parliament|Duma|Senate|Congress|Office|Department|Bureau|"
                       r"Commission|Court|Agency|Service|Cabinet|Government|Presidium|Politburo|Directorate"),
    ("ArmedForces", r"Army|Navy|Air Force|Forces|Guard|Guards|Command|Brigade|Corps|Division|Regiment|Fleet"),
    ("ThinkTank", r"Institute|Center|Centre|Think Tank"),
    ("MediaOrganization", r"News|Times|Post|Television|TV|Radio|Press|Herald|Journal|Daily|Gazette|Broadcasting"),
    ("InternationalOrganization", r"Organization|Organisation|Alliance|Union|Bank|Fund|Community|Cooperation Organization|"
                                  r"Mission"),
    ("Place", r"Region|Oblast|Province|Krai|Island|Islands|Sea|Strait|Peninsula|Valley|District|Port|Base|Republic"),
    ("Treaty", r"Treaty|Agreement|Accord|Pact|Convention|Protocol|Charter"),
    ("Agreement", r"Declarations|Declaration|Communiqu[eé]s|Communiqu[eé]|Memorandum of Understanding|Agenda|Roadmap|"
                  r"Action Plan"),
    ("Talks", r"Dialogue|Forum|Conference|Talks|Consultations"),
    # (a company's legal form, as sanctions designations give it, is a head too: "Bois Rouge SARLU")
    ("Organization", r"Foundation|Corporation|Company|Group|Party|Association|Society|Federation|Enterprise|Works|" + _LEGAL_FORMS),
]
_HEAD_RE = re.compile(r"\b(?P<name>(?:(?:[A-Z][\w’'\-]+|(?<=[A-Za-z] )(?:19|20)\d\d)\s+(?:(?:of|for|and|on|the)\s+)?){0,4}(?:" +
                      "|".join(f"(?P<{cls}>{pattern})" for cls, pattern in _HEADS) + r")(?:\s+(?:of|for|on|in)\s+(?:the\s+)?" +
                      r"[A-Z][\w’'\-]+(?:\s+(?:(?:and|in|of|on|for)\s+(?:the\s+)?)?[A-Z][\w’'\-]+){0,5})?)(?=[\s,.;:)’'\"]|$)")

_LEGAL_FORM = re.compile(_LEGAL_FORMS)
#: A name that opens with an agreement's head word is an agreement's, whatever word ends it.
_TREATY_NAME_RE = re.compile(r"(?:Treaty|Agreement|Accord|Pact|Convention|Protocol|Declaration|Memorandum)\s+(?:of|on|for)\s+"
                             r"(?:the\s+)?[A-Z][\w’'\-]+(?:(?:,\s+(?=[A-Z][\w’'\-]+(?:,\s+[A-Z][\w’'\-]+)*,?\s+and\s+[A-Z]))?"
                             r"(?:\s+(?:(?:and|in|of|on|for)\s+(?:the\s+)?)?|(?<=,\s))[A-Z][\w’'\-]+){0,6}")
_HEAD_WORDS = {w for _, pattern in _HEADS for w in re.findall(r"[A-Z][a-zA-Z]+", pattern)}
_PLACE_RE = re.compile(r"\b(?P<name>[A-Z][a-z\-]+)\s+(?P<head>region|oblast|province|krai)\b")
#: "Luhansk, Donetsk, Kherson, and Zaporizhzhia regions": each name a region of its own.
_PLACE_LIST_RE = re.compile(r"\b(?P<names>[A-Z][a-z\-]+(?:,\s+[A-Z][a-z\-]+)*,?\s+and\s+[A-Z][a-z\-]+)\s+"
                            r"(?P<head>region|oblast|province)s\b")
#: Numbered Security Council resolutions in any of the usual forms: "Resolution 1718", "resolution
#: 2270 (2016)", "resolutions 2321 (2016), 2356 (2017) and 2397 (2017)", "UNSCR 2231".
_RESOLUTION_LIST_RE = re.compile(r"\b(?:[Rr]esolutions?|RESOLUTIONS?|UNSCRs?)\s+(?:\(UNSCRs?\)\s+)?\d{3,4}(?:\s*\(\d{4}\))?"
                                 r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)\d{3,4}(?:\s*\(\d{4}\))?)*(?![\d/])")
#: A sanctions designation naming people: "has designated Muhammad al-Ghazali, ... as", "OFAC sanctioned Ivan Maslov".
_DESIGNATED_RE = re.compile(r"\b(?:designat(?:ed|es|ing)|sanction(?:ed|s|ing)|blacklist(?:ed|s|ing))\s+(?:today\s+)?"
                            r"(?=[A-Z][a-z])")
#: An agreement the text introduces without a name: "signed a ceasefire agreement", "agreed to a ceasefire",
#: "concluded a defence cooperation pact" (one per document and month: see graph.extract).
_UNNAMED_AGREEMENT_RE = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|conclud(?:ed|es|ing)|agreed to|ink(?:ed|s)|reach(?:ed|es)|brokered)\s+(?:a|an)\s+(?:new\s+)?"
    r"(?P<name>(?:(?:[a-z]+-?)+\s+){0,4}(?:agreement|accord|deal|ceasefire|truce|memorandum of understanding|pact|treaty))\b")
#: A legal act of the EU named by its number: "Council Decision (CFSP) 2023/1532", "Council Implementing
#: Regulation (EU) 2024/1485", "Regulation (EU) No 833/2014".
_EU_ACT_RE = re.compile(r"\b(?:Council\s+)?(?:Implementing\s+)?(?:Decision|Regulation)\s+\((?:CFSP|EU|EC)\)\s+(?:No\s+)?"
                        r"\d{2,4}/\d{1,4}\b")
#: The Council's resolutions as a body of law, unnumbered: "multiple UNSCRs", "relevant Security Council
#: resolutions", "United Nations Security Council resolutions" (one entity: what a violation breaches).
_COLLECTIVE_RESOLUTIONS_RE = re.compile(
    r"\b(?P<name>(?:(?:multiple|relevant|numerous|several|many|successive|various|existing)\s+)?(?:(?:UN|U\.N\.|United Nations)\s+)?"
    r"(?:Security\s+)?Council\s+(?:sanctions\s+)?resolutions|(?:(?:multiple|relevant|numerous|several)\s+)?UNSCRs)\b"
    r"(?!\s+\d)")
_RESOLUTION_NUMBER_RE = re.compile(r"(?P<n>\d{3,4})(?:\s*\(\d{4}\))?")

#: Words of a date (and the article after it) that open a phrase before a name: "On 20 July 2023 the Council".
_LEADING_DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
                       "december", "the"}
_SKIP_FIRST = {"The", "This", "That", "These", "Those", "A", "An", "In", "On", "At", "As", "But", "And", "Its", "It",
               "Their", "His", "Her", "Our", "We", "They", "He", "She", "After", "Before", "During", "While", "When"}


#: A draft resolution the text introduces without a name or number: "failed to adopt a draft
#: resolution", "a resolution that would have ...", "Council Rejects Draft", "tabled a draft".
_DRAFT_RE = re.compile(
    r"\b(?:fail(?:s|ed|ing)?\s+(?:today\s+)?to\s+adopt|reject(?:s|ed|ing)?|vetoe?(?:s|d)?|block(?:s|ed)?|"
    r"defeat(?:s|ed)?|table(?:s|d)?|submit(?:s|ted)?|put\s+forward|circulat(?:es|ed)|vot(?:es|ed)\s+on)\s+"
    r"(?:an?\s+|the\s+)?(?:(?:new|revised|[\w-]+-(?:led|drafted|sponsored|penned))\s+)?"
    r"(?:draft(?:\s+resolution)?|resolution)\b"
    r"|\ban?\s+(?:(?:new|revised|[\w-]+-(?:led|drafted|sponsored|penned)|U\.S\.|US|UK|EU|[A-Z][a-z]+(?:an|ese|ish|ch))\s+)?"
    r"draft(?:\s+resolution)?\b"
    r"|\ban?\s+resolution\s+(?:that|which)\s+would\s+have\b"
    r"|\b(?:competing|rival|alternative|second|another|its own|their own)\s+draft(?:\s+resolution)?\b"
    r"|\b(?:first|second|former|latter)\s+draft(?:\s+resolution\b|\b(?!\s+of\b))", re.I)  # ("The first draft — submitted
# by ...", not "the first draft of the speech")
#: A summit named by its number, year, host or organisation: "the 50th G7 summit", "the 2023
#: Vilnius summit", "the NATO Summit in Vilnius".
_SUMMIT_RE = re.compile(r"\b(?P<name>(?:(?:\d{1,2}(?:st|nd|rd|th)|(?:19|20)\d\d)\s+)?(?:[A-Z][\w’'.–-]*\s+){0,3}"
                        r"(?:(?<=[A-Za-z] )(?:trilateral|bilateral|annual|extraordinary|emergency|virtual|informal|special)\s+)?"
                        r"[Ss]ummit)\b")
#: A meeting named by its rank in a series and the body that holds it: "the third meeting of the
#: Ukraine Defense Contact Group", "the 2024 annual meeting of the Board of Governors"; or a
#: capitalised name ending in "Meeting" after "the" ("the AUKUS Defense Ministers Meeting"; a
#: title-case headline, "Before Their Meeting", has no article).
_MEETING_RE = re.compile(
    r"\b(?P<name>(?:(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+teenth|[a-z]+tieth|"
    r"inaugural|annual|extraordinary|(?:19|20)\d\d)\s+){1,2}(?:[a-z]+\s+)?meeting\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'.-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?){0,5}[A-Z][\w’'.-]*"
    r"|(?:(?<=[Tt]he )|(?<=\b[Aa] )|(?<=[Aa]n ))(?:(?:19|20)\d\d\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}Meeting)\b")
#: A military exercise named where it is defined ("Marine Security Belt, also known as CHIRU, is a trilateral naval
#: exercise") or as one of the series ("the Zapad-81 exercises", "Vostok 2022 exercise").
_EXERCISE_RE = re.compile(
    r"(?:^|(?<=[\s“\"(]))(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}(?:[\s-](?:19|20)\d\d)?)"
    r"(?=\s*(?:\([^)]{0,80}\)\s*)?(?:,\s+(?:also\s+)?(?:known|called)\b[^,]{0,60},)?\s+(?:is|was|are|were)\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:exercises?|drills?|war\s?games?|manoeuvres|maneuvers)\b)"
    r"|(?<=\bthe\s)(?P<series>[A-Z][\w’'-]*(?:[\s-](?:19|20)?\d\d)?)(?=\s+(?:strategic\s+|military\s+|naval\s+|joint\s+)?"
    r"(?:exercises?|drills?|war\s?games?)\b)")
#: Places by their shape: "the city of Fasano", "the port of Tartus", "held in Kazan, Russia".
_CITY_RE = re.compile(r"\b(?:city|town|port|village|province|region|capital|resort) of (?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")
#: Several at once: "the Ukrainian cities of Kharkiv, Kherson, Mariupol, Chernihiv, and the capital Kyiv".
_CITIES_RE = re.compile(r"\b(?:cities|towns|ports|villages|provinces|regions) of (?P<list>[A-Z][\w’'-]+(?:(?:,\s+|,?\s+and\s+)"
                        r"(?:the\s+capital\s+)?[A-Z][\w’'-]+)+)")
_IN_PLACE_RE = re.compile(r"\b(?:in|at|near|of|from|to|outside|around|[Ss]iege of|[Bb]attle of) (?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)?)(?=,\s+)")
#: A delegate as UN meetings coverage names one: in capitals, the state in brackets after ("SAMANTHA POWER (United States)").
_CAPS_DELEGATE_RE = re.compile(r"\b(?P<name>[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]+){1,4})\s+\(\s*")
_DEFINITE_DRAFT_RE = re.compile(r"\bthe\s+draft(?:\s+resolution)?\b", re.I)
#: In a report on drafts, a text named by its owner: "The Russian Federation’s text", "The French and
#: Spanish text", "The Russian Federation’s draft" (one draft per owner, however often it is named).
_OWNED_TEXT_RE = re.compile(r"\b[Tt]he\s+(?P<owner>(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+?(?:['’]s|\s+and\s+[A-Z][\w’'-]+)?)\s+"
                            r"(?:draft\s+)?(?P<word>text|draft)\b(?!\s+(?:resolution\s+)?(?:on|of)\b)")


@dataclass(frozen=True)
class Proposal:
    """A proposed new entity and where the text names it (offsets in the document body)."""

    id: str
    cls: str
    label: str
    start: int
    end: int
    cue: str
    aliases: tuple[str, ...] = ()


#: Words of time that a capitalised headline puts before a title: no part of a name.
_TIME_WORDS = {"Years", "Year", "Later", "Ago", "Days", "Months", "Weeks", "Today", "Now"}


def _is_headline(text: str) -> bool:
    """Whether most words of a sentence are capitalised, as in a headline."""
    words = re.findall(r"\b[A-Za-z]{4,}\b", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def slug(name: str) -> str:
    """An entity id from a name: "Sergei Lavrov" -> "sergei-lavrov"."""
    import unicodedata
    plain = unicodedata.normalize("NFKD", re.sub(r"[‐‑–—]", "-", name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "entity"


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


_NEVER_IN_NAMES = re.compile(r"(?:'s|’s)\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                             r"March|April|May|June|July|August|September|October|November|December)\b")


def _may_nest(name: str, inside: list[Mention], head: str) -> bool:
    """Whether an institution's name may contain the registry names ``inside`` it: states,
    organisations and places as modifiers ("Trilateral Contact Group on Ukraine", "BRICS Kazan
    Declaration"), never the head word itself ("Treasury Department" is the registry's), a
    possessive or a date ("Russia's State Duma on Thursday" is two names and a day)."""
    if not inside or _NEVER_IN_NAMES.search(name) or head in ("Government", "Cabinet"):
        return False  # ("the Government of Australia" is Australia acting)
    for x in inside:
        if x.cls not in ("State", "InternationalOrganization", "Place") or head in x.text.split():
            return False
    return True


def _add_at(out: list, taken: list, mentions: list[Mention], offset: int, written: str, label: str, start: int) -> None:
    """A place proposed under a label that is not its written form ("Kherson" of "Kherson, and
    Zaporizhzhia regions" is the Kherson region)."""
    end = start + len(written)
    if _overlaps(start + offset, end + offset, mentions) or any(a < end and start < b for a, b in taken):
        return
    taken.append((start, end))
    out.append(Proposal(slug(label), "Place", label, start + offset, end + offset, "region"))


def propose(text: str, mentions: list[Mention], offset: int = 0) -> list[Proposal]:
    """New-entity proposals in ``text`` that do not overlap a registry mention."""
    out: list[Proposal] = []
    taken: list[tuple[int, int]] = []

    def add(name: str, cls: str, start: int, cue: str, nest: bool = False) -> None:
        name = _DATE_TAIL.split(name.strip())[0]  # "the Munich Security Conference on February 16": the name ends at the date
        if cls in ("Person", "PoliticalLeader"):  # "Secretary Blinken’s Trilateral Meeting": the name ends at the possessive
            name = re.split(r"(?<=\w)['’]s\b", name)[0]
        words = name.split()
        while words and (words[0] in _SKIP_FIRST or words[0].lower() in _LEADING_DATE_WORDS or re.fullmatch(r"\d{1,4},?", words[0])):
            start += len(words[0]) + 1  # ("On 20 July 2023 the Council adopted": a date, then a description)
            words = words[1:]
        if len(words) > 2 and re.fullmatch(r"[A-Z][a-z]+ing", words[0]) and words[1] == "the":
            start += len(words[0]) + len(words[1]) + 2  # "Addressing the Council": a participle, then a description
            words = words[2:]
        name = " ".join(words)
        end = start + len(name)
        if set(words) & _HEADLINE_VERBS:
            return  # "Security Council Extends Mission in South Sudan": a headline, not a name
        if words and words[0] in _COLLECTIVES or cls in ("Person", "PoliticalLeader") and set(words) & _COLLECTIVES:
            return  # "55 Heads of State and Government", "among Member States": many people, no one body
        if len(name) < (2 if cls in ("Person", "PoliticalLeader") else 3) or not words:
            return  # ("President Xi", "Premier Li": two letters are a surname after a title)
        inside = [x for x in mentions if start + offset <= x.start and x.end <= end + offset]
        if nest and not _may_nest(name, inside, cue):
            nest = False
        if _overlaps(start + offset, end + offset, [x for x in mentions if not (nest and x in inside)]):
            return
        if any(a < end and start < b for a, b in taken):
            return
        if cls not in ("Person", "PoliticalLeader", "State") and len(words) < 2 and cue != "region":
            return
        taken.append((start, end))
        label, aliases = name, ()
        acronym = re.match(r"\s+\((?P<a>[A-Z][A-Z0-9-]{1,9})\)", text[end:])
        if acronym and cls not in ("Person", "PoliticalLeader"):  # "... Mission in Somalia (UNSOM)": named so again later
            aliases = (acronym.group("a"),)
        if cls in ("Person", "PoliticalLeader"):  # "Janet L. Yellen" is Janet Yellen, named as written too
            label = re.sub(r",?\s+(?:Jr\.|Sr\.|III|II|IV)$", "", re.sub(r"\s+[A-Z]\.(?=\s)", "", name))
            aliases = (name,) if label != name else ()
            patronymic = re.fullmatch(r"(\S+)\s+\S+(?:ovich|evich|ich|ovna|evna|ichna)\s+(\S+)", label)
            if patronymic:  # "Yevgeniy Viktorovich Prigozhin" is Yevgeniy Prigozhin
                aliases += (f"{patronymic.group(1)} {patronymic.group(2)}",)
        out.append(Proposal(slug(label), cls, label, start + offset, end + offset, cue, aliases))

    for m in _PERSON_RE.finditer(text):
        if "," in text[m.end("title"):m.start("name")] and re.search(r"[A-Z][\w’'.-]+,\s+$", text[:m.start("title")]):
            continue  # "Jane Roe, Executive Director, Arms Watch": the title of the name before it, then an organisation
        if m.group("title")[:1].islower() and not re.search(r"(?<![.!?] )\b(?!The\b)[A-Z][\w.-]+\s+$", text[:m.start("title")]) \
                and not re.search(r"(?:'s|’s)\s+$", text[:m.start("title")]):
            continue  # a lower-case title needs its state or body before it: "Spanish prime minister X"
        cls = "PoliticalLeader" if re.fullmatch(_LEADER_TITLES, m.group("title").split(" for ")[0], re.I) else "Person"
        add(m.group("name"), cls, m.start("name"), m.group("title"))
    for m in _NAME_TITLE_RE.finditer(text):
        if set(m.group("name").split()) & _TIME_WORDS:
            continue  # "... at Crossroads 3 Years Later, Under-Secretary-General Tells Council": a headline's words
        add(m.group("name"), "Person", m.start("name"), "apposition")
        # "Jonah Leff, Executive Director, Conflict Armament Research, said": the organisation after the title
        org = re.match(r"(?:\s+[A-Z][\w-]*){0,2},\s+(?:the\s+)?(?P<org>[A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|on|and|&)\s+)?"
                       r"[A-Z][\w’'&.-]*){1,6})(?=\s*[,;.(])", text[m.end():])
        if org:
            add(org.group("org"), "Organization", m.end() + org.start("org"), "apposition")
    states: dict[int, int] = {}
    for x in mentions:
        if x.cls == "State":
            states[x.start - offset] = max(states.get(x.start - offset, 0), x.end - offset)
    for m in _CAPS_DELEGATE_RE.finditer(text):  # "MARIA LUIZA RIBEIRO VIOTTI (Brazil), speaking before action, said"
        if m.end() in states:
            before = len(out)
            add(m.group("name"), "Person", m.start("name"), "delegate")
            if len(out) > before:  # (named in capitals by UN coverage, in title case in the graph)
                out[-1] = replace(out[-1], label=string.capwords(out[-1].label), aliases=(out[-1].label,))
    for m in _NAME_OF_RE.finditer(text):  # "Vasily Nebenzya of the Russian Federation said" (a delegate)
        if set(m.group("name").split()) & _HEAD_WORDS:
            continue  # "Armed Forces of Ukraine": a body, not a person
        if m.end() in states and _SPEAKS.match(text, states[m.end()]):
            add(m.group("name"), "Person", m.start("name"), "delegate")
    # "Sergei Lavrov met Antony Blinken", "Xi Jinping's visit", "said Dmitry Peskov": a full name a person's doing or
    # speaking goes with, without a title (the titled forms above come first)
    for m in _BARE_PERSON_RE.finditer(text):
        group = "name" if m.group("name") else "name2"
        words = m.group(group).split()
        if not set(words) & (_HEAD_WORDS | _NOT_PEOPLE) and words[0] not in _SKIP_FIRST:
            add(m.group(group), "Person", m.start(group), "bare name")
    for m in re.finditer(r"\b(?:[A-Z][a-z]+\s+)?(?:national|citizen|businessman|businesswoman|oligarch)s?,?\s+(?P<name>" +
                         _PERSON_NAME + r")\b", text):  # "designating Russian national, Ochur-Suge Mongush"
        add(m.group("name"), "Person", m.start("name"), "national")
    for m in re.finditer(r"\b(?:Minister|Secretary|President|Prime Minister|Chancellor)(?: for [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*)?"
                         r"(?: of [A-Z][a-z]+)? of (?:the )?(?:[A-Z][\w.-]+ ){0,3}?[A-Z][\w.-]+,\s+(?P<name>" + _PERSON_NAME + r")(?=,)",
                         text):  # "the Minister for Foreign Affairs of Japan, Taro Kono, and ..."
        add(m.group("name"), "Person", m.start("name"), "title of")
    for m in _DESIGNATED_RE.finditer(text):  # "has designated Muhammad al-Ghazali, Abukar Ali Adan, and Wanas al-Faqih as"
        at = m.end()
        while True:
            name = re.match(r"(?P<name>" + _PERSON_NAME + r")(?P<sep>\s*\([^)]{1,40}\))?(?P<gap>,\s+(?:and\s+)?|\s+and\s+)?", text[at:])
            if not name or set(name.group("name").split()) & _HEAD_WORDS:
                break
            add(name.group("name"), "Person", at, "designated")
            if not name.group("gap"):
                break
            at += name.end()
    for m in re.finditer(r"\b(?:its|their)\s+(?:(?:former|current|late|founding)\s+)?(?:leader|head|founder|chief|commander|"
                         r"financier|owner),?\s+(?P<name>" + _PERSON_NAME + r")\b", text):  # "the Wagner Group and its leader, X"
        add(m.group("name"), "Person", m.start("name"), "its leader")
    for m in re.finditer(r"\s+under\s+(?P<name>" + _PERSON_NAME + r")\b", text):  # "Belarus under Aleksander Lukashenko"
        if m.start() in {end for end in states.values()}:
            add(m.group("name"), "PoliticalLeader", m.start("name"), "under")
    for m in _NAME_PAREN_RE.finditer(text):
        if m.end() in states and text[states[m.end()]:states[m.end()] + 1] == ")" and \
                _SPEAKS.match(text, states[m.end()] + 1) and not set(m.group("name").split()) & _HEAD_WORDS:
            add(m.group("name"), "Person", m.start("name"), "delegate")
    for m in _RESOLUTION_LIST_RE.finditer(text):  # "resolutions 1718 (2006), 2270 (2016) and 2397 (2017)"
        for number in _RESOLUTION_NUMBER_RE.finditer(m.group(0)):
            start, end = m.start() + number.start(), m.start() + number.end()
            if _overlaps(start + offset, end + offset, mentions) or any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            out.append(Proposal(f"unsc-resolution-{number.group('n')}", "Resolution",
                                f"UN Security Council Resolution {number.group('n')}", start + offset, end + offset,
                                "resolution number"))
    for m in _UNNAMED_AGREEMENT_RE.finditer(text):  # "both Armenia and Azerbaijan signed a ceasefire agreement"
        if not _overlaps(m.start("name") + offset, m.end("name") + offset, mentions):
            label = m.group("name")
            cls = "Treaty" if re.search(r"\b(?:treaty|pact)$", label) else "Agreement"
            out.append(Proposal(slug(label), cls, label, m.start("name") + offset, m.end("name") + offset, "unnamed agreement"))
            taken.append((m.start("name"), m.end("name")))
    for m in _EU_ACT_RE.finditer(text):  # "Council Decision (CFSP) 2023/1532", "Council Regulation (EU) No 833/2014"
        add(m.group(0), "Agreement", m.start(), "EU legal act")
    for m in _COLLECTIVE_RESOLUTIONS_RE.finditer(text):  # "in violation of multiple Security Council resolutions"
        start, end = m.start("name"), m.end("name")
        outside = [x for x in mentions if not (start + offset <= x.start and x.end <= end + offset and x.cls in
                                               ("InternationalOrganization", "State"))]  # (the Council inside is nested)
        if not _overlaps(start + offset, end + offset, outside) and not any(a < end and start < b for a, b in taken):
            taken.append((start, end))
            out.append(Proposal("unsc-resolutions", "Resolution", "UN Security Council resolutions", start + offset,
                                end + offset, "resolutions"))
    words = set(re.findall(r"[A-Z][a-zA-Z]+", text))
    for m in (_HEAD_RE.finditer(text) if words & _HEAD_WORDS else ()):
        cls = next(c for c, _ in _HEADS if m.group(c))
        name, head = m.group("name"), m.group(cls)
        skip = re.match(r"(?:(?:The|This|That|A|An)\s+)?", name).end()
        treaty = _TREATY_NAME_RE.match(name, skip)
        whole = _TREATY_NAME_RE.match(text, m.start("name") + skip) if treaty else None
        if treaty and cls not in ("Treaty", "Agreement"):  # "Treaty on Reduction of Military Forces ...": a treaty
            name, cls = name[:skip] + whole.group(0), ("Agreement" if re.match(r"Declaration|Memorandum", treaty.group(0)) else "Treaty")
        elif whole and len(whole.group(0)) > len(name) - skip:  # "Treaty on Friendship, Cooperation and Mutual Assistance"
            name = name[:skip] + whole.group(0)
        if cls not in ("Treaty", "Agreement") and head != "Mission":  # ("the UN Assistance Mission in Somalia" is a name)
            tail = re.search(r"\s+in\s+(?:the\s+)?[A-Z]", name[m.end(cls) - m.start("name"):])
            if tail:  # "the Council of Europe in Strasbourg": the body, then where it sits
                name = name[:m.end(cls) - m.start("name") + tail.start()]
        elif cls in ("Treaty", "Agreement"):  # "... in Border Regions in Shanghai": where it was signed; "... Cooperation Between"
            name = re.sub(r"(?:\s+in\s+[A-Z][\w’'\-]+|\s+(?:Between|With|And|In|Of|For|On))$", "", name)
        halves = name.split(" and ", 1)
        if cls not in ("Treaty", "Agreement") and len(halves) == 2 and all(set(h.split()) & _HEAD_WORDS for h in halves) \
                and not _LEGAL_FORM.fullmatch(head):  # "the Artsakh Defence Army and Armed Forces of Armenia": two bodies
            at = m.start("name")
            for half in halves:
                half_cls = next((c for c, pattern in _HEADS if re.search(r"\b(?:" + pattern + r")\b", half)), cls)
                add(half, half_cls, at, head, nest=True)
                at += len(half) + len(" and ")
            continue
        if _LEGAL_FORM.fullmatch(head) and " and " in name:  # "Rosoboronexport JSC and Sberbank PJSC": two companies
            at = m.start("name")
            for part in name.split(" and "):
                if _LEGAL_FORM.search(part.split()[-1]):
                    add(part, cls, at, head)
                at += len(part) + len(" and ")
            continue
        # a name may contain a registry name: "Trilateral Contact Group on Ukraine", "the BRICS Kazan Declaration"
        add(name, cls, m.start("name"), head, nest=True)
    for m in _PLACE_RE.finditer(text):  # "the Kherson region" (as the registry names "Kursk region")
        add(f"{m.group('name')} {m.group('head')}", "Place", m.start("name"), "region")
    for m in _PLACE_LIST_RE.finditer(text):
        for name in re.finditer(r"[A-Z][a-z\-]+", m.group("names")):
            if name.group(0) not in ("And",):
                _add_at(out, taken, mentions, offset, name.group(0), f"{name.group(0)} {m.group('head')}",
                        m.start("names") + name.start())
    # "Director of the CCP Central Foreign Affairs Office Wang Yi": the name after a titled body
    bodies = [(x.start - offset, x.end - offset) for x in mentions] + [(p.start - offset, p.end - offset) for p in out]
    for start, end in bodies:
        if _TITLE_OF.search(text[max(0, start - 40):start]):
            name = re.match(r"\s+(?P<name>" + _PERSON_NAME + r")\b", text[end:])
            if name:
                add(name.group("name"), "Person", end + name.start("name"), "title")
    return sorted(out, key=lambda p: p.start)


def propose_drafts(text: str, mentions: list[Mention], offset: int, document_id: str, count: int,
                   salient_draft: str | None, headline_draft: str | None = None, on_drafts: bool = False) -> list[Proposal]:
    """Draft resolutions a document talks about without naming them, one entity per draft.

    An indefinite or newly introduced draft ("failed to adopt a draft resolution") is a new one,
    except the first after a headline that introduced one (the lede retells the headline); "the
    draft" is one only when the document has none yet (the description stage resolves it
    otherwise). Ids are ``<document>-draft-<n>``, numbered in order of appearance. In a document
    ``on_drafts`` (one that speaks of drafts), "the Russian Federation’s text" is the draft of its owner.

    >>> [(p.id, p.label) for p in propose_drafts("The Council failed to adopt a draft resolution.", [], 0, "d1", 0, None)]
    [('d1-draft-1', 'draft resolution 1 of d1')]
    """
    out: list[Proposal] = []
    spans = [(m, False) for m in _DRAFT_RE.finditer(text)]
    if salient_draft is None:
        spans += [(m, True) for m in _DEFINITE_DRAFT_RE.finditer(text)]
    for m, definite in sorted(spans, key=lambda x: x[0].start()):
        word = re.search(r"draft(?:\s+resolution)?|resolution", m.group(0), re.I)
        start, end = m.start() + word.start(), m.start() + word.end()
        if _overlaps(start + offset, end + offset, mentions) or any(p.start < end + offset and start + offset < p.end for p in out):
            continue
        if definite and (out or salient_draft):
            continue
        if headline_draft and not definite:
            out.append(Proposal(headline_draft, "DraftResolution", "", start + offset, end + offset, "unnamed draft"))
            headline_draft = None
            continue
        count += 1
        out.append(Proposal(f"{slug(document_id)}-draft-{count}", "DraftResolution",
                            f"draft resolution {count} of {document_id}", start + offset, end + offset, "unnamed draft"))
        salient_draft = out[-1].id
    for m in _OWNED_TEXT_RE.finditer(text) if on_drafts else ():
        start, end = m.start("word") + offset, m.end("word") + offset
        if not _overlaps(start, end, mentions):
            owner = re.sub(r"['’]s$", "", m.group("owner"))
            out.append(Proposal(f"{slug(document_id)}-draft-{slug(owner)}", "DraftResolution", f"the {owner} draft of {document_id}",
                                start, end, "owned draft"))
    return out


def propose_events(text: str, mentions: list[Mention], offset: int = 0, salient_summit: str | None = None) -> list[Proposal]:
    """Summits named by number, year or organisation, and places named by their shape.

    A summit may contain registry names ("G7", "Vilnius"): they stay, nested in it. A place is a
    capitalised name after "city of", "port of" ..., or before ", <State>" ("in Kazan, Russia").

    >>> [(p.label, p.cls) for p in propose_events("The 50th G7 summit was held in the city of Fasano.", [])]
    [('50th G7 summit', 'Summit'), ('Fasano', 'Place')]
    """
    out: list[Proposal] = []
    for m in _SUMMIT_RE.finditer(text):
        words = m.group("name").split()
        while words and words[0] in _SKIP_FIRST:
            words = words[1:]
        if len(words) < 2 or words[0][:1].islower():
            continue  # "the summit" alone, "the annual summit": a description (resolved by salience)
        name = " ".join(words)
        start = m.end() - len(name)
        crossing = [x for x in mentions if x.start < m.end() + offset and start + offset < x.end
                    and not (start + offset <= x.start and x.end <= m.end() + offset)]
        if crossing or any(x.cls == "Summit" and x.start <= start + offset < x.end for x in mentions):
            continue
        # (the same body's summit: "the annual BRICS summit" after the 2024 BRICS summit, not "the SCO summit")
        same_body = salient_summit and set(slug(" ".join(re.findall(r"\b[A-Z][\w.’'-]*", name))).split("-")) - {
            "summit", "annual", "leaders", ""} <= set(salient_summit.split("-"))
        if salient_summit and (same_body and not re.search(r"\b(?:\d{1,2}(?:st|nd|rd|th)|(?:19|20)\d\d)\b", name) or
                               re.search(r"\b(?:it|this|summit)\s+(?:is|was)\s+(?:the\s+)?$", text[:start], re.I) or
                               re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)\s+(?:[Aa]nnual\s+)?Summit", name)):
            # "the annual BRICS summit" after "the 2024 BRICS summit", "It is the 17th summit", "The 2022 SCO summit
            # was the 22nd annual summit", "EU-Japan Summit 2023 ... met in Brussels for the 29th Summit": the same one
            out.append(Proposal(salient_summit, "Summit", name, start + offset, m.end() + offset, "summit"))
            continue
        out.append(Proposal(slug(name), "Summit", name, start + offset, m.end() + offset, "summit"))
        salient_summit = out[-1].id
    for m in _MEETING_RE.finditer(text):
        words = m.group("name").split()
        while words and words[0] in _SKIP_FIRST:
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        start = m.end() - len(name)
        if any(x.start < m.end() + offset and start + offset < x.end and not (start + offset <= x.start and x.end <= m.end() + offset)
               for x in mentions + out):
            continue  # a registry name runs across it
        if any(x.start <= start + offset and m.end() + offset <= x.end for x in mentions):
            continue
        if re.search(r"\b(?:is|was|will be|became)\s+(?:the\s+)?$", text[:m.start("name")], re.I):
            continue  # "The Osaka summit was the fourteenth meeting of the G20": the summit itself
        out.append(Proposal(slug(name), "Talks", name, start + offset, m.end() + offset, "meeting"))
    for m in _EXERCISE_RE.finditer(text):  # "Vostok 2018 (Восток 2018) was a large-scale Russian military exercise"
        group = "name" if m.group("name") else "series"
        name = m.group(group)
        start, end = m.start(group), m.end(group)
        if name.split()[0] in _SKIP_FIRST or _overlaps(start + offset, end + offset, mentions + out):
            continue
        out.append(Proposal(slug(name), "Event", name, start + offset, end + offset, "exercise"))
    states = {x.start for x in mentions if x.cls == "State"}
    headline = _is_headline(text)
    for many in _CITIES_RE.finditer(text):
        for name in re.finditer(r"(?<![\w’'-])[A-Z][\w’'-]+", many.group("list")):
            start, end = many.start("list") + name.start(), many.start("list") + name.end()
            if not _overlaps(start + offset, end + offset, mentions) and name.group(0) not in _SKIP_FIRST:
                out.append(Proposal(slug(name.group(0)), "Place", name.group(0), start + offset, end + offset, "place"))
    for m in list(_CITY_RE.finditer(text)) + list(_IN_PLACE_RE.finditer(text)):
        if m.re is _IN_PLACE_RE and (headline or not any(offset + m.end() + k in states for k in (2, 3))):
            continue  # (in a title-case headline, "14 Votes in Favour, Russian Federation Abstaining" names no place)
        start, end = m.start("name"), m.end("name")
        if m.group("name") in _SKIP_FIRST or _overlaps(start + offset, end + offset, mentions) or \
                any(p.start <= start + offset < p.end for p in out):
            continue
        out.append(Proposal(slug(m.group("name")), "Place", m.group("name"), start + offset, end + offset, "place"))
    return sorted(out, key=lambda p: p.start)
