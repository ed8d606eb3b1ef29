"""Whose words a passage holds: the regulator's framework, the council, or others.

A self-assessment draft cites evidence, and evidence is what the council does
and what others say of it. Three kinds of text look like evidence but are not:

- the regulator's own expectations, quoted from its framework: the "I
  statements" people should be able to make ("I can get information and
  advice ...") and the "We statements" a council should be able to make ("We
  support people to ..."), printed under "What people expect", "The local
  authority commitment", "What good looks like" in the regulator's reports and
  often quoted in self-assessments; and the regulator's notes on its method;
- the council's own words presented as others' ("Our strategy says: '...'");
- and, for "what others say", the council describing its own work.

What others say is what people who use services, carers, partners, the
regulator or a peer review said: a quotation someone is said to have said, a
passage of a document others wrote (a regulator's findings), a passage under a
heading about feedback, or a sentence reporting others' views ("people told us
...", "partners described ...", "74% said ...").
"""

from __future__ import annotations

import re

from assure.analysis.evidence import Evidence

# Headings under which a document quotes the framework or explains the method.
FRAMEWORK_HEADING = re.compile(
    r"\b(?:what people expect|(?:the )?local authority commitments?|our commitments?"
    r"|i[- ]statements?|we[- ]statements?|what good looks like|how we assess"
    r"|this theme includes|quality statements? descriptions?)\b",
    re.IGNORECASE,
)
# The regulator's notes on its method, printed in every report.
METHOD_NOTE = re.compile(
    r"\bwe may not always review all quality statements\b"
    r"|\bthis data is reproduced at the request\b"
    r"|\bhas not been factored into our assessment\b"
    r"|\bthis theme includes these quality statements\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"^\W*[“\"](?P<words>[^“”\"]+)[”\"]\W*$")
# "I can get information ...", "We support people to ...": how the framework's
# expectations read, in the first person and the present tense
EXPECTATION = re.compile(
    r"^(?:I|We)\s+(?:am|can|have|feel|know|get|understand|work|support|maximise|focus|ensure"
    r"|make|act|take|plan|share|learn|use|involve|listen|value|provide|collaborate|assess"
    r"|commission|promote|identify|monitor|will)\b",
)
OTHERS_HEADING = re.compile(
    r"\b(?:what (?:do )?others (?:say|think|told us)|feedback|people'?s experiences?"
    r"|what people (?:told|tell|said|say)|case stud(?:y|ies)|testimonials?|voices?|peer review"
    r"|survey results?|lived experience)\b",
    re.IGNORECASE,
)
# Documents others wrote about the council: a regulator's or an inspector's report.
OTHERS_KINDS = frozenset(["assessment_report"])
# A sentence reporting others' views: who said it, and a verb of saying or judging.
OTHERS_SAID = re.compile(
    r"\b(?:people|residents|carers|families|parents|partners|providers|service users|users"
    r"|young people|children|inspectors|ofsted|cqc|peer review(?:ers)?|healthwatch|the regulator"
    r"|respondents|participants|members of the public|one person|one carer|one parent|they"
    r"|(?:voluntary|community|provider|partner|carers?|user|parent|residents?)s?(?:\s+sector)?"
    r"\s+(?:forum|group|network|alliance|association|panel|board))\b"
    r"[^.;,]{0,40}?\b(?-i:told us|said|say|says|reported|described|describe|felt|feel|commented"
    r"|praised|rated|judged|spoke (?:positively|highly|well)|gave (?:us )?(?:positive|negative)"
    r"|were positive|agreed|highlighted|raised|expressed)\b"
    r"|\b\d+(?:\.\d+)?\s?%\s+(?:of\s+[\w\s]{1,30}?\s+)?(?-i:said"
    r"|reported|felt|agreed|were satisfied"
    r"|rated)\b",
    re.IGNORECASE,
)
COUNCIL_VOICE = re.compile(r"\W*(?:we|our|us)\b", re.IGNORECASE)
# "Our strategy says: '...'": the council quoting itself
OWN_SOURCE = re.compile(
    r"\b(?:our|we|the (?:county |city |borough |district )?council'?s?|the local authority'?s?"
    r"|cabinet)\b[^.“\"]{0,80}"
    r"\b(?:says?|said|states?|reads?|is|are|was|vision|ambition|strategy|pledge|motto|slogan"
    r"|commits? to|priorit\w*|objectives?|aims? to|pledges?|commitments?|outcomes?)\W*$",
    re.IGNORECASE,
)
# A quotation that opens with a verb in the imperative ("Act as a good corporate
# parent ...", "Improve support for ...") is a priority or an action, not speech.
IMPERATIVE = re.compile(
    r"^\W*(?:act|improve|deliver|ensure|develop|provide|support|reduce|increase|make|work|build"
    r"|create|promote|protect|enable|tackle|help|give|keep|put|establish|maximise|embed|bring"
    r"|continue|explore|undertake|implement|review|strengthen|expand|achieve|agree|adopt)\b",
    re.IGNORECASE,
)
# "CRR0045: Maintaining effective governance": a register's entry, by its code
CODED_ENTRY = re.compile(r"^\W*[A-Z]{2,}[\d/.-]*\d\s*[:–-]")


def directive(sentence: str) -> bool:
    """Whether a sentence is an action to take or an entry of a register, not
    a finding: "Build personal and community connections ...", "CRR0045: ..."."""
    return bool(IMPERATIVE.match(sentence) or CODED_ENTRY.match(sentence))


QUOTE_REACH = 120


def framework_text(item: Evidence) -> bool:
    """Whether a passage is the regulator's framework or method, not evidence:
    under a framework heading, a method note, or an unattributed quotation of
    an expectation in the first person ("I can get ...", "We support ...")."""
    passage = item.passage
    if passage.section and FRAMEWORK_HEADING.search(passage.section):
        return True
    if METHOD_NOTE.search(passage.text):
        return True
    return is_expectation(passage.text)


def is_expectation(text: str) -> bool:
    """A quotation standing alone in the first person, as the framework words
    its expectations ("I have care and support that ...")."""
    quoted = QUOTED.match(text.strip())
    return bool(quoted and EXPECTATION.match(quoted.group("words").strip()))


def by_others(item: Evidence) -> bool:
    """Whether a passage as a whole is others' account of the council: a
    document others wrote, or a section of feedback."""
    if item.document.kind in OTHERS_KINDS:
        return True
    return bool(item.passage.section and OTHERS_HEADING.search(item.passage.section))


def reports_others(sentence: str) -> bool:
    """Whether a sentence reports what others said or judged."""
    return not COUNCIL_VOICE.match(sentence) and bool(OTHERS_SAID.search(sentence))


def own_quotation(text: str, quote: str) -> bool:
    """Whether a quotation in ``text`` is the council quoting itself (its vision,
    its strategy, a We statement) or the framework's expectations."""
    if EXPECTATION.match(quote.strip()) or IMPERATIVE.match(quote.strip()):
        return True
    at = text.find(quote)
    before = text[max(0, at - QUOTE_REACH) : max(0, at)] if at >= 0 else ""
    return bool(OWN_SOURCE.search(before.rstrip(" “\"'‘:,")))
