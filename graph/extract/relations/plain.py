"""The plain subject-verb-object relations of the trigger lexicon (``RULES``), active and passive,
with the relation a rule gives for its subject."""

from __future__ import annotations

import re

from ..mentions import Mention
from .lexicon import ACTOR, AGREEMENT, PERSON, RESOLUTION, RULES, Rule, STATE, SYMMETRIC, VOTER, _OWNED_BODY, _PROHIBITED
from .sentence import _Sentence, _clause_end, _clause_start, _in_parens, _inside_name, _next_arg, _passive
from .arguments import (_STRONGEST, _adjacent, _antecedent, _args, _coordinated, _dash_antecedent, _polity, _possessor,
                        _state_of, _titled_people, objects, subjects)


_NOMINAL = re.compile(r"^(?:invasion|occupation|annexation|recognition|condemnation|veto|sanctions|attack|assault|"
                      r"ratification|accession|negotiations?|talks|membership|abstention|designation|involvement|participation)\b", re.I)


#: An act and its agent after a verb of condemning: "condemned in the strongest terms the ballistic missile launches
#: conducted by the DPRK".
_ACT_BY = re.compile(r"\s*(?:(?:the|its|their|this|these|recent|latest)\s+)*"
                     r"(?:[\w-]+\s+){0,5}?(?:launch(?:es)?|tests?|attacks?|strikes?|actions?|activities|provocations?|aggression|"
                     r"invasion|transfers?|shipments?|deliver(?:y|ies)|use|deployments?|firings?|detonations?|abuses?|crimes?|"
                     r"atrocities)\s+(?:(?:conducted|carried out|perpetrated|committed|made|undertaken|launched|staged)\s+)?"
                     r"by\s+(?:the\s+)?", re.I)
#: What may stand between a name and the participle after it: "the Committee (the 1718 Committee), which was set up by".
_RIGHT_BEFORE = re.compile(r"[\s,]*(?:\([^)]*\)[\s,]*)?(?:(?:which|that)\s+)?(?:(?:was|were|is|are|has been|have been|had been)\s+)?"
                           r"(?:(?:a|an|the)\s+(?:[\w,-]+\s+){0,8}?(?:organi[sz]ation|body|alliance|bloc|group|grouping|force|"
                           r"mission|committee|tribunal|court|agency|fund|programme|program|forum|union|council|panel)\s+)?"
                           r"(?:\w+ly\s+)?")  # ("The SCO is a Eurasian ... defence organization established by China")
_VICTIM = re.compile(r"\b(?:violations?|attacks?|strikes?|aggression|invasion|occupation|annexation|bombing|shelling|"
                     r"incursions?)\s+(?:of|on|against|in|into)\s+(?:the\s+)?$|"
                     # ("condemned arms transfers to Russia": the transfers, whoever sends them, not their recipient)
                     r"\b(?:transfers?|shipments?|deliveries|supplies|sales|exports)\s+(?:of\s+[\w\s-]{1,40}?\s+)?to\s+(?:the\s+)?$", re.I)
_CONDEMNING = re.compile(r"\b(?:condemn|denounc|deplor|censur)\w*(?![\s\S]*\b(?:condemn|denounc|deplor|censur))", re.I)


def _headline(text: str) -> bool:
    """Whether most words of a sentence are capitalised, as in a headline ("Delegates Lament Iran's Alleged Support")."""
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


#: An act condemned with its agent after "by": "the continued defiance of the UN Security Council resolutions by North
#: Korea", "the attack on the State of Israel by the Islamic Republic of Iran".
_DEFIANCE_BY = re.compile(r"\s+(?:in\s+the\s+strongest\s+(?:possible\s+)?(?:of\s+)?terms,?\s+)?(?:(?:the|its|their)\s+)?"
                          r"(?:[\w-]+\s+){0,3}?(?:defiance|violations?|breach(?:es)?|"
                          r"disregard|launch(?:es)?|tests?|use|transfers?|deliver(?:y|ies)|deployments?|attacks?|strikes?)\s+"
                          r"(?:of|on|against)\s+[^,;]{0,80}?\s+by\s+(?:the\s+)?", re.I)


#: An actor's own act, named by a noun after its possessive: "Russia's continued blatant breaches of".
_OWN_ACT = re.compile(r"['’]s?\s+(?:[a-z\d-]+\s+){0,3}?(?:breach(?:es)?|violations?|actions?|activit(?:y|ies)|launch(?:es)?|tests?|"
                      r"transfers?|procurement|purchases?|acquisitions?|use|war|invasion|aggression|attacks?|cooperation|"
                      r"deployments?|deliver(?:y|ies)|shipments?|programs?|programmes?)\b")


def _agent_of_act(s: _Sentence, pos: int) -> list[Mention]:
    """The agent of the act named right after ``pos`` ("the launch by the DPRK"), if the act has one."""
    after = sorted((x for x in _args(s, pos, _clause_end(s, pos), ACTOR) if not x.nested), key=lambda x: x.start)
    return after[:1] if after and _ACT_BY.fullmatch(_STRONGEST.sub(" ", s.text[pos:after[0].start])) else []


def _plain_rules(s: _Sentence) -> None:
    for rule in RULES:
        for m in rule.trigger.finditer(s.text):
            if _inside_name(s, m):
                continue
            if rule.relation == "trains" and (_PROHIBITED.search(s.text[:m.start()]) or m.group(0).lower() == "training" and re.search(
                    r"\b(?:and|joint|bilateral|trilateral|military|increasing|more|the|in|for|of|collective|additional|further|"
                    r"advanced|basic|continued|combat|flight|specialized|specialised)\s+$", s.text[:m.start()], re.I)):
                continue  # ("increasing bilateral exercises and training in areas": the noun, no trainer named)
            if rule.relation == "violates" and (re.search(
                    r"\b(?:as|calling\s+(?:it|them))\s+(?!(?:they|it|he|she|we|these|those|this)\b)(?:an?\s+)?(?:[\w-]+\s+){0,2}$",
                    s.text[:m.start()], re.I) or re.search(r"\bfor\s+(?:[a-z]+\s+)?[a-z]+ing\b", s.text[_clause_start(s, m.start()):m.start()])):
                # ("sanctioned five entities for providing ... in violation of": the entities' doing, not the sanctioner's)
                continue  # "condemned the transfers as a violation of ...": what is called a violation is no actor
            if rule.relation == "hosts" and m.group(0).lower().startswith("conven") and \
                    len(subjects(s, m.start(), rule.subj)) > 1:
                continue  # "A, B and C convened a meeting": they held it together (participatedIn), none hosted
            if rule.relation == "sanctions" and m.group(0).lower() == "sanctions" and (re.search(
                    r"\b(?:on|of|the|new|its|their|with|under|any|these|those|such|targeted|relevant)\s+$", s.text[:m.start()]) or
                    re.match(r"\s+(?:was|were|is|are|has|have|had|will|would|could|can|may|must|should|remain|remained|did|do)\b",
                             s.text[m.end():])):
                # the noun, not the verb: "resolutions on sanctions linked to ..." (its own patterns read "sanctions on X"),
                # "a report on the implementation of UN North Korea sanctions was submitted to the Council"
                continue
            if rule.relation == "sanctions" and re.search(r"\b(?:remov\w*|lift\w*|eas(?:e|ed|es|ing)|terminat\w*|relief)\s+"
                                                          r"(?:of\s+|from\s+)?(?:the\s+)?(?:[\w.’']+\s+){0,3}$", s.text[:m.start()], re.I):
                continue  # "preparing for the removal of United Nations sanctions against Iran": sanctions ending
            if rule.relation == "sponsors" and re.fullmatch(r"funds?|drafts?|tables?|sponsors?|presents?", m.group(0), re.I) \
                    and re.search(r"\b(?:a|an|the|this|that|its|their|his|her|our|slush|wealth|investment|sovereign|"
                                  r"reserve|pension|trust)\s+(?:[\w-]+\s+)?$", s.text[:m.start()], re.I):
                continue  # "a known slush fund for President Putin", "its wealth fund": a noun, no one sponsors
            if rule.relation == "supports" and m.group(0)[:1].isupper() and m.start() > 0 and \
                    re.search(r"[a-z,]\s+[A-Z]\w*\s+$", s.text[:m.start()]) and not _headline(s.text):
                continue  # "Assistant Secretary-General for Peacebuilding Support": a title's word, mid-sentence
            if rule.relation == "votedFor" and re.search(r"['’]s\s+(?:continued\s+|full\s+|strong\s+)?$", s.text[:m.start()]):
                continue  # "Iran's continued support for resolution 2231": backing, not a vote
            if rule.relation == "supports" and objects(s, m.end(), RESOLUTION, limit=40):
                continue  # voting support for a resolution is votedFor
            if rule.relation == "supports" and re.search(r"\b(?:sanctions|measures|pressure|action|restrictions)\s+"
                                                         r"(?:against|on)\s+(?:the\s+)?$", s.text[m.end():_next_arg(s, m.end())], re.I):
                continue  # "supports sanctions against X" is not support for X
            if rule.relation == "occupies" and re.match(r"(?:occupied|annexed|seized|captured)\s+(?:[a-z]+\s+)?(?:areas|territor(?:y|ies)|"
                                                        r"regions?|parts?|lands?|cities|towns)\b", s.text[m.start():], re.I) and \
                    re.search(r"\b(?:to|in|into|of|the|from|across|on|and|its|their)\s+$", s.text[:m.start()], re.I):
                continue  # "humanitarian assistance to occupied areas of Ukraine": an adjective, the occupier unsaid
            if rule.relation in ("invaded", "occupies") and m.group(0).lower().endswith("ing") and re.search(
                    r"\b(?:for use in|for|in|of|by|to be used in|used in)\s+$", s.text[:m.start()], re.I):
                continue  # "arms for use in attacking Ukraine": the purpose of a transfer, with no attacker named
            if rule.relation == "supports" and (re.search(
                    r"\b(?:in|of|for|financial|military|economic|political|humanitarian|budget|public|popular|"
                    r"international|diplomatic|material|materiel|defen[cs]e|security|other|additional|their|its|his|her)\s+$|"
                    r"\befforts?\s+to\s+$|"
                    # ("the importance of strong and sustained support for Ukraine": no one's, unlike "their strong support")
                    r"\b(?:of|the)\s+(?:[a-z]+\s+and\s+)?(?:strong|sustained|continued|steadfast|unwavering|further)\s+$",
                    s.text[:m.start()], re.I) or
                    m.group(0).lower() == "support" and re.search(r"\bour\s+(?:[a-z]+\s+){1,2}$",
                                                                  s.text[:m.start()])):  # ("including our ongoing support")
                continue  # "financial support to Ukraine" is a noun: the transfer rules read it
            if rule.relation in ("memberOf", "partyTo") and re.match(r"join|accede", m.group(0), re.I) and re.search(
                    r"\b(?:ready|want\w*|seek\w*|aspir\w*|bid|hop\w*|plan\w*|expect\w*|eligible|invited|allowed|able|wish\w*|"
                    r"intend\w*|appl\w*|decision|right|path)\s+to\s+$", s.text[:m.start()], re.I):
                continue  # "Ukraine is not ready to join NATO", "its bid to join": not (yet) a member
            if rule.relation in ("memberOf", "partyTo", "participatedIn") and re.match(r"join", m.group(0), re.I) \
                    and re.match(r"\s+\w+(?:\s+\w+)?\s+in\s+(?:\w+ing|(?:its|their|the)\s+\w+)\b", s.text[m.end():]):
                continue  # "joined China in supporting ...", "joined Russia in its call": a co-subject marker
            if _passive(s, m) and rule.relation not in ("adoptedBy", "establishedBy"):
                agents = objects(s, m.end(), rule.subj, prep="by", limit=25)
                tally = re.search(r"\bby\s+(?:a\s+(?:recorded\s+)?vote\s+of\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                                  s.text[m.end():m.end() + 120], re.I)
                if tally and agents and agents[0].start > m.end() + tally.start():
                    agents = []  # "rejected ... by 4 votes in favour (Bolivia, ...) to 7 against": a tally (see _vote_lists)
                lo = _clause_start(s, m.start())
                patients = [x for x in _args(s, lo, m.start(), rule.obj) if not _in_parens(s.text, x.start)
                            and not re.search(r"\bby\s+(?:the\s+)?$", s.text[:x.start])]  # ("hosted by Turkey and supported by")
                if not patients:
                    patients = _antecedent(s, lo, rule.obj)
                if not patients:
                    patients = _dash_antecedent(s, lo, rule.obj)
                drafts = [x for x in s.mentions if x.cls == "DraftResolution" and not x.nested and x.end <= m.start()]
                if rule.relation == "vetoed" and drafts and not any(p.cls == "DraftResolution" for p in patients):
                    patients = drafts[-1:]  # "a draft that would have extended the panel of resolution 1718 ... due to a veto"
                if not patients and rule.subj == VOTER and not re.search(r"\b[a-z]+s\s+$", s.text[:m.start()]):
                    # ("failed to adopt a draft ... due to a veto cast by X"; not "groups supported by Iran")
                    patients = [x for x in s.mentions if x.cls in RESOLUTION and not x.nested and x.end <= m.start()][-1:] or (
                        [Mention(lo, lo, "", s.recent_resolution, "DraftResolution", "coreference", False, 0.5)]
                        if s.recent_resolution else [])
                if not patients and s.salient and re.fullmatch(r"\s*(?:it|this|they)\s+(?:\w+\s+){0,3}", s.text[lo:m.start()], re.I):
                    ref = s.salient(tuple(sorted(rule.obj)))  # "It was ratified by ...": what the document is about
                    patients = [Mention(lo, lo, "", ref, "", "coreference", False, 0.5)] if ref else []
                if not agents:
                    continue
                # "South Korea, supported by the United States, and North Korea, supported by the Soviet Union":
                # each participle in apposition belongs to the name just before it, and its agents stop at the next
                agents = [a for a in agents if not re.match(r",\s+[a-z]+ed\s+by\b", s.text[a.end:])]
                # "backed by America's unmatched military strength", "by the full range of U.S. capabilities": a thing of
                # the state's is the agent, not the state
                agents = [a for a in agents if not re.match(r"\.?(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,3}(?:strength|capabilit(?:y|ies)|"
                                                             r"power|might|forces|arsenal|deterrent|resources|support)\b",
                                                             s.text[a.end:]) or a.cls in PERSON]
                appositive = patients and re.fullmatch(r",\s*", s.text[patients[-1].end:m.start()])
                patients = patients[-1:] if appositive else patients[-1:] and _coordinated(s, patients[-1], patients,
                                                                                           leftwards=True)
                if rule.relation == "partyTo":  # "ratified by Russia's State Duma": Russia is the party
                    agents = [x for x in map(lambda a: _polity(s, a), agents) if x.cls != "GovernmentBody"]
                for a in agents:
                    for p in patients:
                        s.add(a.entity, _relation_for(rule, a, s, m.group(0)), p.entity, m.start(), m.end(),
                              rule.confidence * 0.9, "passive:" + rule.relation)
                continue
            objs = objects(s, m.end(), rule.obj, rule.obj_prep)
            if rule.relation == "condemned" and not objs:
                objs = _agent_of_act(s, m.end())  # "condemned the latest ballistic missile launch by the DPRK"
            defiance = _DEFIANCE_BY.match(s.text, m.end()) if rule.relation == "condemned" else None
            if defiance:  # "condemn the continued defiance of the UN Security Council resolutions by North Korea": the defier
                objs = [x for x in s.mentions if x.start == defiance.end() and x.cls in ACTOR and not x.nested][:1] or objs
            if rule.relation == "warns":  # whom a warning is addressed to is its direct object: "warned Moscow against ..."
                # (or the subject of what it warns of: "warned that Russia would be crossing a red line")
                objs = [o for o in objs if re.fullmatch(r"\s+(?:to\s+|that\s+)?(?:the\s+)?", s.text[m.end():o.start])
                        and not re.match(r"['’]s\s+[a-z]", s.text[o.end:])  # ("to threaten Yemen’s neighbors")
                        and not re.search(r"\b(?:Council|Assembly)\b", o.text)]  # ("warned the Security Council": told it)
            if rule.relation == "warns" and objs and re.match(r"\s+(?:\w+\s+)?that\b", s.text[m.end():objs[0].start]) and \
                    not re.fullmatch(r"\s+that\s+(?:the\s+)?", s.text[m.end():objs[0].start]):
                continue  # "warned that arms negotiations between Russia and the DPRK were advancing": what, not whom
                # (but "warned that Russia would be crossing a red line" warns Russia)
            # "accused the majority of this Council of ...": some of its members, not the Council
            objs = [o for o in objs if not re.search(r"\b(?:majority|most|some|several|many)\s+of\s+(?:the\s+|this\s+)?$",
                                                      s.text[m.end():o.start], re.I)]
            if rule.relation == "sanctions":  # "sanctions on Myanmar's Ministry of Defense": the ministry, not the state
                objs = [o for o in objs if not _OWNED_BODY.match(s.text[o.end:])]
            if rule.relation == "condemned":  # "condemned the violation of Moldovan airspace": the victim is not condemned
                objs = [o for o in objs if not _VICTIM.search(s.text[m.end():o.start])]
            if rule.relation == "recognises" and objs and re.match(r"\s+for\s+(?!the\s+first\b)", s.text[objs[-1].end:]):
                continue  # "The United States recognizes China for working closely with us": thanks, not recognition
            if rule.relation == "supports" and objs and re.search(r"\bagainst\s+(?:the\s+)?$", s.text[m.end():objs[0].start]):
                continue  # "supporting pro-Russian separatists in their conflict against Ukraine": the adversary
            if rule.relation in ("invaded", "sanctions", "supports", "trains") and objs and re.search(
                    r"\w\s+(?:in|at|near|off|across)\s+(?:the\s+)?$", s.text[m.end():objs[0].start], re.I) or \
                    rule.relation == "trains" and objs and re.fullmatch(r"\s+(?:in|at)\s+(?:the\s+)?(?:[a-z]+\s+)?",
                                                                        s.text[m.end():objs[0].start]):
                continue  # "attacked ships in the Red Sea", "sanctioned two companies in Russia": where, not whom
            between = re.match(r"\s+between\s+", s.text[m.end():])
            if _NOMINAL.match(m.group(0)):
                subs = _adjacent(s, m.start(), rule.subj)
                if not subs and re.search(r"\b(?:its|their)\s+(?:(?:\d{4}|[a-z-]+),?\s+){0,3}$", s.text[:m.start()], re.I):
                    subs = _possessor(s, m.start(), rule.subj)  # "sanctions against Russia for its annexation of Crimea"
                if not subs and re.match(r"(?:talks|negotiations?)", m.group(0), re.I):
                    subs = subjects(s, m.start(), rule.subj)  # "X held talks with Y", "hosted X for talks with Y"
                if not subs and re.search(r"\b(?:imposed|placed|levied)\b", m.group(0)) and not re.search(
                        r"\b(?:to|of|over|on|about|for|from|with|under|regarding|concerning)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$",
                        s.text[:m.start()]):
                    # "X, which included the strongest sanctions ever imposed on Y"; but in "traded accusations over the
                    # report relating to the sanctions imposed on Y" who imposed them is unsaid
                    subs = subjects(s, m.start(), rule.subj)
            elif rule.subj == VOTER:  # the nearest actor must be the voter: "the Council rejected a draft" has none
                subs = [x for x in subjects(s, m.start(), ACTOR) if x.cls in VOTER]
                if re.search(r"\b(?:his|her|their)\s+delegation\s+(?:\w+\s+){0,3}$", s.text[:m.start()]):
                    # "Vassily Nebenzia (Russian Federation) said his delegation voted against": the delegate's state votes
                    # ("Russian Ambassador Vassily Nebenzia said his delegation had vetoed": the state of the title)
                    subs = [next((y for y in s.mentions if y.cls == "State" and (
                        re.fullmatch(r"\s*\(\s*", s.text[x.end:y.start]) or
                        re.fullmatch(r"\s+(?:[A-Z][\w-]*\s+){1,3}", s.text[y.end:x.start]))), x)
                            if x.cls in PERSON else x for x in subs]
            else:
                subs = [_state_of(s, x) for x in subjects(s, m.start(), rule.subj)]
                visitor = [x for x in _adjacent(s, m.start(), rule.subj) if re.match(r"['’]", s.text[x.end:x.end + 1])] \
                    if re.fullmatch(r"visits?|trips? to", m.group(0), re.I) else []
                subs = visitor or subs  # "described Xi Jinping's visit to Russia": the possessor travelled
                objs = objs[:1] if visitor else objs  # ("during Putin's visit to Pyongyang, Russia and the DPRK ...")
                if re.match(r"(?:violations?|breach(?:es)?)\s+of", m.group(0), re.I):
                    if re.search(r"\b(?:this|that|it|which)\s+(?:is|was)\s+(?:yet\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}$",
                                 s.text[:m.start()], re.I):
                        subs = []  # "this is another violation of UN Security Council resolutions": an act, named before
                    subs = _adjacent(s, m.start(), rule.subj) or subs  # "respond to the DPRK’s violations of ...": the DPRK's
                    copula = re.search(r"\b(?:is|are|was|were|constitutes?|constituted|represents?|represented)\s+(?:an?\s+)?"
                                       r"(?:[\w-]+\s+){0,2}(?:and\s+(?:an?\s+)?(?:[\w-]+\s+){0,2})?$", s.text[:m.start()], re.I)
                    # ("the DPRK's launches are a violation", "The launch of the DPRK on 4 October was a reckless act and
                    # a clear violation": the act's owner)
                    owners = [x for x in s.mentions if copula and x.cls in rule.subj and not x.nested and
                              x.start >= _clause_start(s, copula.start()) and x.end <= copula.start() and
                              (_OWN_ACT.match(s.text, x.end) or  # (not "the ruling on Japan's position is a breach")
                               re.search(r"\b(?:launch(?:es)?|tests?|transfers?|attacks?)\s+(?:of|by)\s+(?:the\s+)?$", s.text[:x.start]))]
                    if copula and not subs and owners:  # "the DPRK’s 17 launches this year is a blatant violation of ...":
                        subs = owners[-1:]  # the acts' owner
            if re.match(r"[A-Za-z]+ing\b", m.group(0)) and re.search(r"\b(?:[Rr]esolution|[Dd]raft|[Tt]ext)\s+$", s.text[:m.start()]):
                # "Russia Vetoes Security Council Resolution Condemning Russian Invasion": the text condemns, not the Council
                subs = [x for x in s.mentions if x.cls in RESOLUTION and re.fullmatch(r"\s+", s.text[x.end:m.start()])]
            if rule.relation in ("establishedBy", "adoptedBy"):  # "X established by Y", "X, adopted by Y": X right before
                subs = [x for x in subs if _RIGHT_BEFORE.fullmatch(s.text[x.end:m.start()])]
            in_violation = rule.relation == "violates" and (m.group(0).lower().startswith("in ") or re.search(
                r"\bin\s+(?:flagrant|clear|direct|blatant|brazen|egregious|manifest|open|serious|gross|repeated|continued)\s+$", s.text[:m.start()], re.I))
            if rule.relation in ("violates", "undermines"):  # "Russia's war against Ukraine, which violates ...": Russia
                subs = [(_adjacent(s, x.start, STATE) or [y for y in s.mentions if y.nested and y.cls == "State" and y.start == x.start]
                         or [x])[0] if x.cls == "Conflict" else x for x in subs]
            condemned = _CONDEMNING.search(s.text[:m.start()]) if in_violation else None
            if condemned:  # "X condemned the launch by Y, in violation of Z": the act condemned breaks Z, not X
                subs = _agent_of_act(s, condemned.end()) or objects(s, condemned.end(), ACTOR)
            elif in_violation:
                # ("We are concerned by the cooperation in violation of ...": not "we" who violate)
                subs = [x for x in subs if not (x.entity in s.speakers and (x.start == x.end or x.kind in ("coreference", "description")))]
                # (nor "it was launched in brazen violation" read as the speaking government)
                by_phrase = re.match(r"\W*By\s+\w+ing\b", s.text) and all(x.start < m.start() for x in subs)
                acted = re.search(r"\b(?P<verb>[a-z]{3,}(?:ing|ed|es))\s+(?:(?:from|to|with|by|into)\s+)?(?:the\s+|this\s+)?$",
                                  s.text[:min(x.start for x in subs)]) if subs else None
                if by_phrase:
                    # "By arming Hezbollah in violation of resolution 1701", "By enabling Houthi attacks on Saudi Arabia
                    # ... in violation of ...": what the by-phrase names is acted on; the doer is the main clause's
                    # subject or, in a fragment, the state the text was speaking of
                    main = [x for x in s.mentions if x.cls == "State" and not x.nested and x.start > m.start() and
                            re.search(r",\s*(?:the\s+)?$", s.text[:x.start])][:1]
                    subs = main or ([Mention(0, 0, "", s.recent_state, "State", "coreference", False, 0.5)] if s.recent_state else [])
                elif acted and acted.group("verb") not in ("including", "concerning", "regarding", "involving", "targeted"):
                    # "Russia started this war by invading Ukraine in clear violation of the UN Charter": the invader;
                    # "Russia is using weapons procured from the DPRK and Iran - in violation of ...": the user
                    subs = [x for x in subjects(s, acted.start(), rule.subj) if x.entity not in {y.entity for y in subs}] or subs
                opening = [x for x in _args(s, 0, m.start(), rule.subj) if not x.nested and x.cls == "State" and
                           re.fullmatch(r"\W*(?:(?:On|In|By)\s[^,]{1,40},\s*)?(?:The\s+|the\s+)?", s.text[:x.start])][:1]
                if opening and re.search(r",\s*(?:\w+\s+)?$", s.text[:m.start()]) and \
                        not re.search(r"\b(?:by|of)\s+(?:the\s+)?[A-Z]", s.text[opening[0].end:m.start()]):
                    subs = opening  # "The DPRK continues to supply Russia with missiles, in violation of ...": the doer
                owner = [x for x in _args(s, _clause_start(s, m.start()), m.start(), rule.subj) if not x.nested and _OWN_ACT.match(
                    s.text, x.end) and not re.search(r"[,;]", s.text[x.end:m.start()])][-1:]
                if owner:  # "divert the Council's attention from Russia's continued blatant breaches of ... in violation of": Russia
                    subs = owner
            if between and rule.obj == AGREEMENT or (between and rule.relation == "partyTo"):
                parties = objects(s, m.end(), rule.subj, prep="between")
                agreements = [x for x in _args(s, 0, m.start(), AGREEMENT)][-1:]
                for p in parties:
                    for a in agreements:
                        s.add(p.entity, _relation_for(rule, p), a.entity, m.start(), m.end(), rule.confidence, "between")
                continue
            each_other = re.match(r"\s+(?:each other|one another)\b", s.text[m.end():])
            if each_other and len(subs) < 2:  # "China and Russia ..., while supporting each other": the main subject
                first = [x for x in _args(s, 0, m.start(), rule.subj) if not x.nested][:1]
                subs = _coordinated(s, first[0], _args(s, 0, m.start(), rule.subj), leftwards=False) if first else subs
            if not objs and len(subs) >= 2 and rule.relation not in SYMMETRIC and each_other:
                for a in subs:  # "China and Russia support each other": both ways
                    for b in subs:
                        if a is not b and b.cls in rule.obj:
                            s.add(a.entity, rule.relation, b.entity, m.start(), m.end(), rule.confidence, "each-other")
                continue
            if rule.relation == "metWith" and not objs and len(subs) < 2:
                subs = _titled_people(s, m.start()) or subs  # "Secretary A, Foreign Minister of Japan B, and ... C met"
            if rule.relation in SYMMETRIC and not objs and len(subs) >= 2 and not re.match(r"host", m.group(0), re.I):
                # (co-hosts do not meet each other by hosting: "A and B hosted a ministerial with their counterparts")
                for i, a in enumerate(subs):
                    for b in subs[i + 1:]:
                        s.add(a.entity, rule.relation, b.entity, m.start(), m.end(), rule.confidence, "joint")
                continue
            rest = s.text[m.end():_clause_end(s, m.end())]
            if not objs and rule.relation in ("vetoed", "abstainedOn", "votedFor", "votedAgainst") \
                    and (len(rest.split()) <= 4 and not any(x.start >= m.end() for x in s.mentions) or
                         (_NOMINAL.match(m.group(0)) and subs)):  # "Moscow's veto fuels suspicion"
                here = [x for x in s.mentions if x.cls in RESOLUTION and x.end <= m.start()]  # "... voted against it"
                if rule.relation == "vetoed" and any(x.cls == "DraftResolution" for x in here):
                    here = [x for x in here if x.cls == "DraftResolution"]  # a veto blocks a draft
                draft = s.salient(("DraftResolution",)) if s.salient else None
                if here:
                    objs = here[-1:]
                elif s.recent_resolution and (rule.relation != "vetoed" or s.recent_resolution == draft):
                    # (a veto blocks a draft: "vetoed to block the renewal" in an article on resolution 1718 vetoes no 1718)
                    objs = [Mention(m.end(), m.end(), "", s.recent_resolution, "DraftResolution", "coreference", False, 0.5)]
            if rule.relation == "partyTo":
                subs = [_polity(s, a) for a in subs]
                for o in objs:  # "ratified the treaty with North Korea": the other party
                    tail = re.match(r"\s+with\s+(?:the\s+)?", s.text[o.end:])
                    if tail:
                        subs += [x for x in s.mentions if x.cls == "State" and x.start == o.end + tail.end()]
            signed = rule.relation == "partyTo" and re.match(r"sign|ink", m.group(0), re.I)
            if rule.relation == "metWith" and len(objs) == 2 and re.search(r"\btrilateral\b", m.group(0), re.I):
                s.add(objs[0].entity, "metWith", objs[1].entity, m.start(), m.end(), rule.confidence, "metWith")
                # ("held a trilateral call with A and B": A and B were on it together)
            for a in subs:
                for o in objs:
                    around = s.text[max(0, m.start() - 30):min(len(s.text), max(o.end, m.end()) + 30)]
                    if not (signed and a.cls == "State"):  # (signing makes a state a signatory; a party it
                        s.add(a.entity, _relation_for(rule, a, s, around), o.entity, m.start(), m.end(),  # becomes by
                              rule.confidence * min(a.confidence, o.confidence), rule.relation)  # ratifying)
                    if signed and a.cls == "State":
                        s.add(a.entity, "signatoryOf", o.entity, m.start(), m.end(),
                              rule.confidence * min(a.confidence, o.confidence), "signatoryOf")


def _relation_for(rule: Rule, subject: Mention, s: _Sentence | None = None, around: str | None = None) -> str:
    """The relation a rule gives for this subject: support in a war (a war the sentence names, or
    military words in ``around``, the text near the trigger and its object) is military aid, a
    person signs."""
    if rule.relation == "supports" and s is not None:
        near = around if around is not None else s.text
        if re.search(r"\b(?:militar\w*|war|troops|arms|weapons|invasion|aggression|offensive|fighting|defen[cs]e industrial base)\b",
                     near, re.I) or \
                any(m.cls == "Conflict" and re.search(r"\b(?:during|throughout|in the course of)\s+(?:the\s+)?$", s.text[:m.start], re.I)
                    for m in s.mentions):
            return "providesMilitaryAidTo"  # ("During the Korean War, the Soviet Union supported North Korea"; a war
            # named elsewhere in the sentence, "Following World War II, ... supported by", says nothing of it)
    if rule.by_subject and subject.cls in PERSON:
        return rule.by_subject["person"]
    if rule.relation == "partyTo" and subject.cls == "State" and around is not None and \
            re.search(r"\b(?:sign|ink)", around, re.I) and not re.search(r"\bratif", around, re.I):
        return "signatoryOf"  # "was signed by Russia and North Korea": signatories (a party is who ratifies)
    return rule.relation
