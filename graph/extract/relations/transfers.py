"""Transfers of arms, aid, troops, workers and technology: what is sent decides the relation; also
reverse transfers ("A turned to B for ..."), withdrawals and workers sent abroad."""

from __future__ import annotations

import re

from ..mentions import Mention
from .lexicon import ACTOR, MATERIEL, PLACE, POLITY, RECIPIENT, STATE, WOULD_HAVE, _PROHIBITED, _v
from .sentence import ListFrame, _Sentence, _clause_end, _clause_start, _in_parens, _inside_name, _passive
from .arguments import _args, _state_of, objects, subjects


_TRANSFER_VERBS = re.compile(
    _v("supply", "provide", "send|sends|sent|sending", "deliver", "transfer|transfers|transferred|transferring",
       # (not "thousands of shipping containers": a noun's modifier)
       r"ship|ships|shipped|shipping(?!\s+(?:containers?|compan(?:y|ies)|lanes?|routes?|industry|vessels?|firms?|agents?|sector))",
       "give|gives|gave|given|giving", "export", "dispatch|dispatches|dispatched|dispatching", "furnish|furnishes|furnished|furnishing",
       "sell|sells|sold|selling", "hand over|hands over|handed over", "funnel|funnels|funnelled|funneled", "share",
       "lend|lends|lent|lending", "grant", "extend", "move|moves|moved|moving", "relocate", "transport", "donate") +
    r"|\b(?:shipments?|deliver(?:y|ies)|transfers?|exports?|sales?|supplies|supply|provision|sharing|donations?) of\b"
    r"|\b(?:suppliers?|providers?|exporters?) of\b", re.I)
_DEPLOY_VERBS = re.compile(
    _v("deploy", "station", "dispatch|dispatches|dispatched|dispatching", "redeploy") +
    r"|\bdeployments? of\b|\bsending troops\b|\bsend troops\b|\bsent troops\b|\b(?:fought|fight|fights|fighting) "
    r"(?:alongside|for|on behalf of)\b"
    # "Wagner PMCs were present in Libya": forces (only) that are present somewhere were deployed there
    r"|(?:(?<=troops )|(?<=forces )|(?<=soldiers )|(?<=PMCs )|(?<=mercenaries )|(?<=fighters )|(?<=personnel )|"
    r"(?<=contractors ))(?:were|are|was|is|have been|has been|remain|remained)\s+(?:still\s+)?present\b", re.I)


#: A capability or a wish, not a transfer: "they want the ability to deliver their weapons to the United States".
_ABILITY = re.compile(r"\b(?:ability|capability|capabilities|capable|able|means|want|wants|wanted|seek|seeks|sought|"
                      r"threaten\w*|aim\w*|intend\w*)\s+(?:(?:by|of)\s+(?:the\s+)?(?:[\w.]+\s+){1,3}?)?(?:of\s+|to\s+)(?:\w+ly\s+)?$|"
                      r"\bauthori[sz]\w*\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I)  # ("authorized deployment of a mission")
_REVERSE = re.compile(
    r"\bturn(?:s|ed|ing)? to\b|\brel(?:y|ies|ied|ying) on\b|\bdepend(?:s|ed|ing)? on\b|" +
    _v("receive", "obtain", "acquire", "buy|buys|bought|buying", "purchase", "import", "get|gets|got|getting") +
    r"|\b(?:procurement|acquisitions?)(?=\s+of\b)", re.I)


_AID_KINDS = re.compile(r"\b(?P<kinds>(?:economic|financial|military|technical|humanitarian|security|budget)"
                        r"(?:,?\s+(?:and\s+)?(?:economic|financial|military|technical|humanitarian|security|budget))+)\s+"
                        r"(?:aid|assistance|support)\b", re.I)


def _classify(text: str) -> list[str]:
    kinds = _AID_KINDS.search(text)
    if kinds:  # "economic, technical, and military assistance": each kind of aid named
        words = kinds.group("kinds").lower()
        return [r for r, cue in (("providesEconomicAidTo", r"economic|financial|humanitarian|budget"),
                                 ("providesMilitaryAidTo", r"military|security")) if re.search(cue, words)]
    found = []
    if re.search(r"\b(?:financial|budget|economic|humanitarian) (?:support|aid|assistance)\b", text, re.I) and not re.search(
            r"\bmilitary (?:support|aid|assistance)\b", text, re.I):
        text = re.sub(r"\b(?:support|aid|assistance)\b", "", text, flags=re.I) + " economic benefits"
    for relation, pattern in MATERIEL:
        if pattern.search(text):
            found.append(relation)
    if "supports" in found and len(found) > 1:
        found.remove("supports")  # "aid and weapons": the weapons say what the aid is
    if found == ["supports"] and re.search(r"\b(?:wage|fight|sustain|continue)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,2}?war\b",
                                          text, re.I):
        found = ["providesMilitaryAidTo"]  # "providing Russia with the material support it needs to wage its war"
    if "suppliesArmsTo" in found and "transfersMilitaryTechnologyTo" in found:
        found.remove("suppliesArmsTo")  # "weapon technology" is technology
    if "deploysTroopsTo" in found and re.search(r"\b(?:military supplies|military equipment)\b", text, re.I):
        found.remove("deploysTroopsTo")
    if "suppliesArmsTo" in found and re.search(r"\bnon-lethal\b", text, re.I) and not re.search(
            r"\b(?:weapons?|arms|ammunition|shells?|missiles?)\b", text, re.I):
        found.remove("suppliesArmsTo")
    return found


def _materiel_text(text: str) -> str | None:
    m = re.search(r"(?:[\w-]+\s+){0,3}?(?:troops|pilots|weapons|arms|ammunition|munitions|shells|missiles|rockets|"
                  r"drones|tanks|aircraft|equipment|supplies|technology|workers|food|fuel|oil|intelligence(?: resources)?)\b", text, re.I)
    return m.group(0).strip() if m else None


#: Givers no name stands for, before a gerund or an infinitive: "reports of States transferring, or planning to
#: transfer, ...", "any vessel ... found to be illicitly providing oil".
_GENERIC_GIVER = re.compile(r"\b(?:of|by|for)\s+(?:[A-Za-z-]+\s+){0,2}?(?:States|countries|nations|entities|companies|firms|"
                            r"actors|individuals|those|others|parties|governments|suppliers|vessels|ships)\s+(?:\w+ly\s+)?"
                            r"(?:(?:\w+ing|or|and|to)\b[\s,]+){0,4}$")
_FOUND_TO_BE = re.compile(r"\b(?:found|said|believed|reported|suspected|alleged)\s+to\s+(?:be|have\s+been)\s+(?:\w+ly\s+)?$")
#: An infinitive whose subject is "it" ("It would not be necessary to supply Ukraine ..."), unless "for X to" names one
#: ("It may become easier for China to transfer ...").
_IT_IS = re.compile(r"\b[Ii]t\s+(?:is|was|would|will|could|might|may)\b(?:(?!\bfor\b)[^,;]){0,40}\bto\s+$")

#: A transfer named by a noun ("the transfers it would have condemned" took place; "weapons transfers" names no party).
_NOUN = re.compile(r"(?:transfers?|shipments?|deliver(?:y|ies)|exports?|sales?|supplies|provision|sharing)\b", re.I)
#: A verb of talking about or judging what it governs: "debate arms transfers to Ukraine", "condemned arms
#: transfers to Russia" name no giver.
_ABOUT = re.compile(r"\b(?:debat|discuss|condemn|denounc|deplor|criticiz|criticis|oppos|welcom|address|examin|consider|review|"
                    r"decr|investigat|monitor|document|highlight|expos|lament)\w*\s+(?:(?:the|these|such|any|all|illicit|illegal|"
                    r"continued|ongoing|recent|further|arms|weapons?|military|ammunition|missile|drone)\s+){0,3}$", re.I)


def _transfers(s: _Sentence, frame: ListFrame | None) -> None:
    for m in list(_TRANSFER_VERBS.finditer(s.text)) + list(_DEPLOY_VERBS.finditer(s.text)):
        deploy = m.re is _DEPLOY_VERBS
        if s.text[m.end():m.end() + 1] in "-‐‑–" and m.end() < len(s.text) or s.text[m.start() - 1:m.start()] in ("-", "‐", "‑", "–"):
            continue  # "illicit ship-to-ship transfers": a word inside a compound
        if re.search(r"\b(?:must|should|to)\s+(?:\w+ly\s+)?(?:allow|permit)\s+(?:the\s+)?(?:[\w.-]+\s+){1,3}to\s+$", s.text[:m.start()], re.I):
            continue  # "Russia must immediately allow the UN to deliver humanitarian assistance": not delivered yet
        if _inside_name(s, m) or _PROHIBITED.search(s.text[:m.start()]) or _ABILITY.search(s.text[:m.start()]) or \
                (WOULD_HAVE.search(s.text[max(0, m.start() - 160):m.start()]) and not _NOUN.match(m.group(0))):
            continue  # "the Council prohibited the provision of arms to X", "the ability to deliver their weapons to
            # the US": no transfer
        if re.match(r"extend", m.group(0), re.I) and (re.match(r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:ban|embargo|mandate|"
                                                               r"mechanism|sanctions|measures|restrictions|authori[sz]ation|deadline|"
                                                               r"period|term|moratorium|waivers?|exemptions?|licen[cs]es?|use)\b",
                                                               s.text[m.end():], re.I)):
            continue  # "the Council does not extend the arms transfer ban", "extending the use of the crossing": a term
        hi = _clause_end(s, m.end())
        # "the deployment of DPRK special forces to Russia": the state whose forces are sent sends them
        of = re.match(r"\w+\s+(?:\w+\s+)?of\s+(?:the\s+)?|\w+\s+of\s+", s.text[m.start():]) if not re.search(
            r"ing$", m.group(0)) else None
        forces_of = [x for x in s.mentions if of and x.cls == "State" and x.start == m.start() + of.end() and re.match(
            r"\s+(?:[\w-]+\s+)?(?:troops|forces|soldiers|personnel|servicemen|units)\b", s.text[x.end:])]
        fought = re.match(r"(?:fought|fight|fights|fighting)", m.group(0), re.I)
        if fought:
            recipients = objects(s, m.end() - 1 - len(m.group(0).split()[-1]), RECIPIENT, prep=r"alongside|for|behalf of")
        else:
            recipients = objects(s, m.end(), RECIPIENT, prep=r"to|into|toward|towards" + (r"|in" if deploy else ""))
            direct = [x for x in _args(s, m.end(), hi, RECIPIENT) if re.fullmatch(r"\s*(?:the\s+)?", s.text[m.end():x.start])]
            with_ = re.match(r"\s+with\b", s.text[direct[0].end:]) if direct else None
            direct = [x for x in direct if x not in forces_of and not re.match(r"shar", m.group(0), re.I)]  # ("sharing DPRK
            # missile warning data": what is shared, about the DPRK)
            if direct and not with_ and _classify(" ".join(s.text[direct[0].end:].split()[:4])):
                with_ = re.match(r"", s.text[direct[0].end:])  # "gave North Korea air defence systems"
            if with_:
                recipients = direct[:1]  # "supplied Pyongyang with food"
        # ("funnel weapons to proxy forces and terrorist groups in places like Yemen, Lebanon": where the unnamed
        # recipients are, not who receives)
        if recipients and re.search(r"\bto\s+[^,;]*\b(?:in|across|throughout)\s+(?:(?:places|countries|areas|regions)\s+)?"
                                    r"(?:like\s+|such\s+as\s+)?(?:the\s+)?$", s.text[m.end():recipients[0].start], re.I):
            recipients = []
        recipients = [r for r in recipients if not re.match(r"['’]s\s+(?:[a-z]+\s+)?(?:neighbou?rs?|allies|partners|enemies|adversaries|"
                                                            r"rivals|proxies|opponents)\b", s.text[r.end:])]
        # ("to be delivered to Ukraine's near neighbors": to them, not to Ukraine)
        stop = recipients[0].start if recipients else hi
        window = s.text[m.start():stop]
        if recipients and re.fullmatch(r"\S+\s+to\s+(?:the\s+)?", window) and not _NOUN.match(m.group(0)) and \
                recipients[0].kind != "demonym" and re.match(r"\s+(?!(?:of|following|after|in|on|for|by|with|from|and|or|"
                                                             r"which|that|as|at)\b)\w", s.text[recipients[0].end:hi]):
            # "have provided to Ukraine air defense systems": what is given follows its recipient
            window = s.text[recipients[0].end:hi]
        if re.match(r"(?:transfers|shipments|deliveries|exports|sales|supplies)\b", m.group(0), re.I):
            window = " ".join(s.text[:m.start()].split()[-2:]) + " " + window  # "arms transfers from X to Y"
        if not fought and with_:
            window = s.text[direct[0].end:min(len(s.text), direct[0].end + 120)]
            # ("giving the DPRK funds it can use to develop its weapons": the funds are given, not the weapons)
            window = re.split(r"\s(?:that|which)\s|\s(?:it|they)\s+(?:can|could|may|might|will|would|uses?|used)\s", window, maxsplit=1)[0]
        window = re.split(r"\bin (?:exchange|return) for\b", window, flags=re.I)[0]
        if re.match(r"shar", m.group(0), re.I) and (re.search(r"\b(?:data|information|intelligence)\b", window, re.I) or not re.match(
                r"\s+(?:[\w-]+\s+){0,3}?(?:technolog\w*|expertise|know-how|weapons?|arms|missiles?|designs?)\b", s.text[m.end():], re.I)):
            continue  # "sharing DPRK missile warning data": information, not arms; "we share the concerns": a view
        for x in s.mentions:  # ("extending the Organisation for the Prohibition of Chemical Weapons mechanism": no weapons)
            if x.cls not in ("State", "Place") and len(x.text) > 3 and x.text in window:
                window = window.replace(x.text, " ")
        lo = _clause_start(s, m.start())
        if re.match(r"(?:move|moves|moved|moving|relocat|transport)", m.group(0), re.I) and not _classify(window):
            window = s.text[lo:m.start()] + " " + window  # "10,000 soldiers ... have moved toward X"
        passive = _passive(s, m)
        if passive:
            window = s.text[lo:m.start()] + " " + window
        relations = _classify(window)
        if not relations and passive and re.search(r"\bwhich\b", s.text[max(0, lo - 12):lo + 8], re.I):
            window = s.text[:stop]  # "..., which could then be transferred to Y": what "which" stands for
            relations = _classify(window)
        before = _classify(" ".join(s.text[:m.start()].split()[-3:])) if deploy and re.match(r"\w+ed\b", m.group(0)) else []
        if before and "deploysTroopsTo" not in before:
            continue  # "Russian missile launchers stationed on its territory": weapons placed, no troops sent
        if deploy and relations and "deploysTroopsTo" not in relations:
            continue  # "station tactical nuclear weapons in Belarus", "the deployment of warheads": no troops move
        if deploy and not relations and not re.match(r"\s+(?:to|in|into|on|at|near|along)\b", s.text[m.end():]) and \
                not re.search(r"\b(?:troops|forces|soldiers|personnel|units|brigades?|battalions?|contingents?|peacekeepers|"
                              r"mercenaries|fighters|sailors|marines|advisers|advisors|instructors)\b", window, re.I):
            continue  # "Russia deploys its acquisitions from China in attacks": what is deployed is no troops
        if deploy:
            relations = ["deploysTroopsTo"]
        if re.match(r"(?:export|sell|sold|sale)", m.group(0), re.I):  # "exporting coal and iron ore to China": trade, not aid
            relations = [r for r in relations if r not in ("providesEconomicAidTo", "supports")]
        if not relations:
            continue
        if deploy or fought:
            relations = ["deploysTroopsTo"]
        givers: list[Mention] = []
        # the possessor of the noun: "Iran's transfer of UAVs" gives; "Turkey's largest provider of energy" receives
        possessor = [x for x in s.mentions if x.cls in ACTOR | RECIPIENT and not x.nested and x.end <= m.start() and
                     re.fullmatch(r"['’]s?\s+(?:[a-z-]+\s+){0,2}", s.text[x.end:m.start()])]
        agent_noun = re.match(r"(?:supplier|provider|exporter)", m.group(0), re.I)
        owner = [x for x in possessor if x.cls in ACTOR and re.fullmatch(r"['’]s?\s+(?:[a-z-]+\s+)?", s.text[x.end:m.start()])
                 and (m.group(0).endswith(" of") or re.match(r"\s+of\b", s.text[m.end():]))] if not agent_noun else []
        if passive:
            givers = objects(s, m.end(), ACTOR, prep="by", limit=25)
            if not givers:  # "South Korean artillery shells have been provided", "North Korean troops being deployed"
                states = [x for x in _args(s, lo, m.start(), STATE) if x.kind == "demonym" or x.nested]
                givers = states[-1:]
            if not givers and "deploysTroopsTo" in relations:  # "Wagner PMCs were sent to Libya": the force they belong to
                givers = [x for x in _args(s, lo, m.start(), POLITY - STATE)
                          if MATERIEL[0][1].match(s.text, x.end + 1) and s.text[x.end:x.end + 1] == " "][-1:]
            if not givers and re.search(r"\bwhich\b", s.text[max(0, lo - 12):lo + 8], re.I):
                before = s.text[:lo].rstrip(" ,").rstrip()
                ante = [x for x in _args(s, 0, len(before) + 8, ACTOR) if x.end >= len(s.text[:lo].rstrip(" ,")) - 8]
                givers = ante[-1:]
        elif owner:  # "Iran's transfer of UAVs to Russia": the possessor gives, whoever speaks
            givers = owner[-1:]
        elif re.search(r"\b(?:prevent\w*|stop\w*|halt\w*|block\w*|curb\w*|interdict\w*)\s+(?:the\s+)?$", s.text[:m.start()], re.I):
            givers = []  # "Iran failed to prevent the transfer of ballistic missiles to the Houthis": who sent them is unsaid
        elif forces_of:  # "the deployment of DPRK special forces to Russia": the forces' state sends them
            givers = forces_of[:1]
        elif ((re.match(r"\w+ of\b", m.group(0)) or re.match(r"\s+of\b", s.text[m.end():]))  # ("the transfer of": a noun)
              and re.search(r"\b(?:for|of|on|to|with|about|in)\s+(?:the\s+)?$", s.text[:m.start()], re.I)) or \
                (m.group(0).lower().endswith("ing") and re.search(r"\bfor\s+$", s.text[:m.start()], re.I)):
            # "... for the delivery of aid", "sanctioned five entities for providing support to X": not the subject's doing
            givers = []  # "failed to reauthorize ... for the delivery of aid into Syria": no giver named
        elif (m.group(0).lower().endswith("ing") or re.search(r"\bto\s+$", s.text[:m.start()])) and (
                _GENERIC_GIVER.search(s.text[:m.start()]) or _FOUND_TO_BE.search(s.text[:m.start()]) and not [
                    x for x in s.mentions if x.cls in ACTOR and not x.nested and
                    re.fullmatch(r"\s+(?:(?:is|are|was|were)\s+)?" + _FOUND_TO_BE.pattern, s.text[x.end:m.start()])]):
            givers = []  # "reports of States transferring weapons to X", "any vessel found to be providing oil to X": unnamed
            # (but "Iran is believed to be supplying drones": Iran)
        elif _NOUN.match(m.group(0)) and _ABOUT.search(s.text[:m.start()]):
            givers = []  # "Speakers Debate Arms Transfers to Ukraine": what is talked about, not the speakers' doing
        elif _IT_IS.search(s.text[:m.start()]):
            givers = []  # "It would not be necessary to supply Ukraine with weapons if ...": no one in particular
        else:
            givers = subjects(s, m.start(), ACTOR)
            doer = [x for x in s.mentions if x.cls in ACTOR and not x.nested and
                    re.fullmatch(r"\s+(?:[a-z]+ly\s+)?", s.text[x.end:m.start()])] if m.group(0).endswith("ing") else []
            if doer:  # "the consequences of Iran potentially transferring missiles to Russia": the gerund's own subject
                givers = doer[-1:]
            elif m.group(0).endswith("ing") and re.search(r"\b(?:the|a|an|its|their)\s+[A-Z][\w-]*\s+$", s.text[:m.start()]):
                givers = []  # "no substitute for the DAT deploying to Syria": the gerund's subject, unnamed here
            if not givers:
                # "North Korean troops fought", "North Korean military advisers": the demonym of the agent noun
                states = [x for x in _args(s, lo, m.start(), STATE) if x.kind == "demonym" or x.nested]
                givers = states[-1:]
        receiver = [x for x in possessor if x.cls in RECIPIENT][-1:]
        if receiver and not passive and agent_noun:  # "Russia became Turkey's largest provider": the subject gives
            recipients = recipients or receiver
            givers = [g for g in subjects(s, receiver[0].start, ACTOR) if g.entity != receiver[0].entity]
        if not recipients and frame and frame.receiver:
            recipients = [Mention(0, 0, "", frame.receiver, "State", "coreference", False, 0.5)]
        materiel = _materiel_text(window)
        origin = [x for x in _args(s, m.end(), recipients[0].start if recipients else hi, POLITY)
                  if re.search(r"\bfrom\s+(?:the\s+)?$", s.text[m.end():x.start], re.I)]
        if origin and relations != ["deploysTroopsTo"]:
            givers = origin[:1]  # "weapons transfers from North Korea to Russia" (troops "sent from Syria" were only there)
        by = re.search(r"\bby\s+$", s.text[:m.start()], re.I)
        if by and not passive:
            # "North Korea may aid Russia by sending troops": the main verb's subject gives to its object
            before = [x for x in _args(s, lo, by.start(), RECIPIENT) if not _in_parens(s.text, x.start)]
            if before:
                recipients = recipients or before[-1:]
                givers = [_state_of(s, x) for x in subjects(s, before[-1].start, ACTOR)] or givers
        # ("provided armed groups in Gaza with money": a recipient named, though not by name)
        has_goal = re.search(r"\b(?:to|into)\b", s.text[m.end():hi], re.I) or re.match(
            r"\s+(?:[\w-]+\s+){1,5}?with\b", s.text[m.end():hi])
        if not recipients and s.previous_states and not has_goal and (not _NOUN.match(m.group(0)) or re.search(
                r"\b(?:such|these|those|this|its|their)\s+(?:[\w-]+\s+){0,2}$", s.text[:m.start()], re.I)):
            # (not "the risks resulting from weapons transfers": a noun without its parties names none, unless it
            # points back to the ones just told: "halt such transfers of ballistic missiles")
            partners = [x for x in s.previous_states if x not in {g.entity for g in givers}]
            if len(partners) == 1:
                recipients = [Mention(0, 0, "", partners[0], "State", "coreference", False, 0.55)]
        exchange = re.search(r"\bin (?:exchange|return) for\s+(.{0,60}?)(?:[,.;]|$)", s.text[m.end():], re.I)
        for g in givers:
            giver = _state_of(s, g)
            for r in recipients:
                # (arms or aid moved "into Crimea" go to a place, not to a party: only troops are sent to places)
                for relation in relations if r.cls != "Place" else [x for x in relations if x == "deploysTroopsTo"]:
                    s.add(giver.entity, relation, r.entity, m.start(), m.end(), 0.7 * min(giver.confidence, r.confidence),
                          "transfer", materiel)
                if exchange:  # "Russia has given North Korea air defence systems in exchange for troops"
                    for relation in _classify(exchange.group(1)):
                        s.add(r.entity, relation, giver.entity, m.start(), m.end(), 0.55, "exchange",
                              _materiel_text(exchange.group(1)))


def _reverse_transfers(s: _Sentence) -> list[tuple[str, str]]:
    """ "A turned to B for weapons", "A is receiving benefits from B": B gives to A."""
    frames = []
    for m in _REVERSE.finditer(s.text):
        if _PROHIBITED.search(s.text[:m.start()]):
            continue  # "prohibit UN Member States from receiving any arms from the DPRK": no transfer
        hi = _clause_end(s, m.end())
        turn = re.match(r"turn|rel|depend", m.group(0), re.I)
        if turn:
            givers = [x for x in _args(s, m.end(), hi, RECIPIENT)][:1]
            if not givers:
                continue
            fm = re.compile(r"\bfor\b", re.I).search(s.text, givers[0].end, hi if hi > givers[0].end else len(s.text))
            window = s.text[fm.end():] if fm else ""
            window = window[:120]
        else:
            fm = re.compile(r"\bfrom\b", re.I).search(s.text, m.end(), hi)
            if not fm:
                continue
            givers = [x for x in _args(s, fm.end(), hi, RECIPIENT) if x.start - fm.end() < 25][:1]
            window = s.text[m.end():fm.start()]
        takers = subjects(s, m.start(), RECIPIENT)
        if re.match(r"\w+\s+of\b", s.text[m.start():]):
            # "Wagner's purchase of weapons from the DPRK", "Russia's procurement of drones from Iran": the possessor
            # takes (a bare "procurement of arms" names no taker)
            takers = [x for x in s.mentions if x.cls in RECIPIENT and not x.nested and x.end <= m.start() and
                      re.fullmatch(r"['’]s?\s+", s.text[x.end:m.start()])][-1:]
        if not givers or not takers:
            continue
        relations = _classify(window)
        materiel = _materiel_text(window)
        for t in takers:
            for g in givers:
                for relation in relations:
                    s.add(g.entity, relation, t.entity, m.start(), m.end(), 0.65, "reverse-transfer", materiel)
                frames.append((g.entity, t.entity))
                # "In exchange for military support, A receives ... from B": A gives that support to B
                ex = re.search(r"\bin (?:exchange|return) for\s+(.{0,60}?)(?:,|$)", s.text[:m.start()], re.I)
                if ex:
                    for relation in _classify(ex.group(1)):
                        s.add(t.entity, relation, g.entity, ex.start(), ex.end(), 0.6, "exchange", _materiel_text(ex.group(1)))
    return frames


def _withdrawals(s: _Sentence) -> None:
    """ "demanded that X withdraw all its forces from Y": forces one must withdraw from a place were
    deployed there."""
    lowered = s.text.lower()
    if not ("withdr" in lowered):
        return  # (a cheap test before the patterns: most sentences have none of it)
    for m in re.finditer(r"\bwithdr[ae]w(?:s|n|al of|ing)?\s+(?:all\s+)?(?:of\s+)?(?:its|their|his|her)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:troops|forces|military|soldiers|personnel|units)\s+from\s+(?:the\s+(?:territory|soil)\s+of\s+)?",
                         s.text, re.I):
        places = objects(s, m.end() - 1, RECIPIENT, limit=5)
        for g in subjects(s, m.start(), POLITY):
            for p in places:
                s.add(_state_of(s, g).entity, "deploysTroopsTo", p.entity, m.start(), m.end(), 0.55, "withdraw-from", "forces")


_ACTIVE_IN = re.compile(r"\b(?:is|are|was|were|has been|have been|remains?|remained)\s+(?:also\s+|still\s+|now\s+|reportedly\s+)?"
                        r"(?:active|operating|present)\s+in\b|\boperat(?:es|ed)\s+in\b", re.I)


def _active_in(s: _Sentence) -> None:
    """ "Wagner is active in CAR, Libya, Mali, and Sudan": an armed force at work in a state is deployed there."""
    for m in _ACTIVE_IN.finditer(s.text):
        forces = [x for x in subjects(s, m.start(), frozenset({"ArmedForces"})) if x.cls == "ArmedForces" and
                  re.fullmatch(r"\s*(?:(?:troops|forces|mercenaries|fighters|PMCs|contractors|units)\s+)?", s.text[x.end:m.start()])]
        # (the force itself, or its fighters: not "Steppe Group diplomats were present in Syria")
        for p in objects(s, m.end() - 2, RECIPIENT, prep="in", limit=5) if forces else []:
            for f in forces:
                if p.cls != "ArmedForces":
                    s.add(f.entity, "deploysTroopsTo", p.entity, m.start(), m.end(), 0.55, "active-in", "forces")


def _workers(s: _Sentence) -> None:
    for m in re.finditer(r"\b(?:workers|labou?rers|construction crews|engineering (?:units|brigades))\b", s.text, re.I):
        owners = [x for x in s.mentions if x.cls == "State" and x.end <= m.start() and m.start() - x.end <= 3]
        if not owners:
            continue
        hi = _clause_end(s, m.end())
        dest = re.compile(r"\b(?:in|to|into)\b", re.I)
        for d in dest.finditer(s.text, m.end(), hi):
            places = [x for x in _args(s, d.end(), hi, PLACE) if x.start - d.end() <= 6]
            if places:
                s.add(owners[-1].entity, "sendsWorkersTo", places[0].entity, m.start(), m.end(), 0.6, "workers", "workers")
                break
