"""Word lists the extractor's rules rest on: speech cues, titles and roles, organisation words, places.

Everything here is general English news vocabulary, not names taken from any test article.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that present their subject as saying something (direct or reported speech).
SPEECH_VERBS = _words(
    """
    said says say saying told tells added adds warned warns argued argues claimed claims insisted insists
    admitted admits announced announces denied denies explained explains stated suggested suggests noted
    commented comments remarked replied replies responded responds confirmed confirms stressed stresses
    urged urges predicted predicts acknowledged acknowledges asked asks revealed reveals wrote writes
    declared declares conceded concedes maintained maintains dismissed questioned criticised criticized
    accused accuses promised promises pledged pledges vowed vows reiterated cautioned disclosed alleged
    alleges recalled joked complained complains demanded demands emphasised emphasized rejected remembered
    countered continued observed estimated forecast reported reports described describes told
    accuse warn claim insist argue admit deny hinted hints
    tweeted tweets praised praises criticises criticizes condemned condemns denounced denounces defended
    defends hailed hails blasted blasts slammed slams lamented laments cited cites mentioned mentions
    confessed confesses retorted retorts quipped quips boasted boasts testified testifies threatened
    threatens recommended recommends affirmed affirms asserted asserts contended contends disputed disputes
    reiterates assured assures reminded reminds answered answers wondered wonders mused
    shouted yelled screamed whispered texted emailed e-mailed clarified objected protested pleaded begged
    appealed characterized characterised branded dubbed expressed called calls pointed points acknowledges
    concedes declares reveal insist discusses discussed issued issues apologized apologised apologizes
    apologises apologize apologise
    """
)
# Participles after a comma that report the speech of the clause's subject: "X criticised the plan,
# saying ...".
PARTICIPLE_CUES = _words(
    """saying adding noting arguing citing insisting explaining warning claiming telling stressing
    urging describing accusing calling asking complaining acknowledging conceding suggesting writing
    tweeting declaring announcing predicting"""
)
# Cue verbs that may come before their speaker: `"...," said X` and `"...," added X`.
INVERTING_VERBS = _words(
    "said says say added adds asked explained warned continued wrote argued insisted replied noted"
)
# Words that may stand between a speaker and the cue verb: `X has also said`, `X later told`.
SUBJECT_FILLERS = _words(
    """
    has have had would will also later previously recently then further once repeatedly today yesterday
    publicly earlier already subsequently again however just last night has' was quickly separately
    all both first exclusively initially originally
    """
)
PRONOUNS = _words("he she He She")
# Nouns that stand for an organisation already named: "the company said".
ORG_ANAPHORS = _words(
    """
    company firm group bank carrier airline party union council ministry agency club network retailer
    giant watchdog regulator commission committee organisation organization body operator maker
    government department authority broadcaster charity business casino hospital team newspaper paper
    university school hotel campaign website magazine station
    """
)
SPOKESPERSON_WORDS = _words(
    "spokesman spokeswoman spokesperson spokespeople spokesmen representative statement"
)

# Honorifics: stripped from names and not kept as a role.
HONORIFICS = _words(
    """Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Prof Professor Rev Revd Reverend Rt Hon Mme Messrs Mlle Herr
    Frau Mallam Alhaji Alhaja Shri Smt Sri"""
)
# Capitalised titles and role words that may stand before a name: "Home Secretary Charles Clarke".
TITLE_WORDS = HONORIFICS | _words(
    """
    President Vice Prime Minister Secretary Chancellor Deputy Assistant Chief Constable Inspector Detective
    Superintendent Sergeant Sgt Officer Commissioner Commander General Gen Lt Lieutenant Colonel Col Captain
    Capt Admiral Governor Gov Senator Sen Rep Representative Congressman Congresswoman Mayor Councillor Cllr
    MP MEP MSP AM Judge Justice Ambassador Director Chairman Chairwoman Chair Leader Spokesman Spokeswoman
    Spokesperson
    Manager Coach Bishop Archbishop Cardinal Pope Rabbi Imam Sheikh Father Brother Sister Prince Princess
    King Queen Emperor Baroness Baron Earl Duke Duchess Count Countess Sheriff Attorney Solicitor Auditor
    Editor Founder CEO Premier Secretary-General Dean Pastor
    Minister President-elect Crown Private Corporal Marshal Agent Trooper Rabbi Ayatollah Mullah Speaker
    Treasurer Comptroller Administrator Commandant Brigadier Major-General Lieutenant-General Chieftain Provost Principal
    Cmdr Cdr Adm Maj Cpl Pvt Atty Supt Insp Det Pres Amb Brig Fr Msgr Gens Sens Reps Senators
    Representatives Governors Ministers Mayors Judges Justices
    """
)
# Lower-case role nouns that mark the name after (or before) them as a person: "lawyer Jamie Firestone".
ROLE_NOUNS = _words(
    """
    leader spokesman spokeswoman spokesperson minister secretary chancellor director chairman chairwoman chair
    executive chief president analyst economist lawyer attorney solicitor barrister professor lecturer
    researcher scientist expert head manager boss coach captain player striker midfielder defender goalkeeper
    winger officer founder co-founder owner editor correspondent reporter journalist presenter host actor
    actress singer star producer writer author novelist artist designer musician rapper comedian senator
    governor mayor councillor candidate campaigner activist adviser advisor consultant strategist official
    commissioner inspector constable superintendent detective judge prosecutor ambassador envoy colonel
    commander partner vice-president deputy trader dealer broker investor banker champion veteran teammate
    counterpart colleague wife husband son daughter mother father brother sister widow chef dj sprinter
    athlete runner hurdler jumper swimmer cyclist boxer golfer batsman bowler keeper skipper fly-half
    full-back prop hooker centre forward rider driver pilot mp mep msp physicist historian architect
    photographer broadcaster campaigner organiser organizer curator director-general chairperson premier
    administrator principal teacher student doctor surgeon nurse psychologist strategist spokesmen pundit
    member buyer seller agent chairman chief-executive secretary-general vice-chairman coordinator
    commandant biologist chemist ecologist geologist meteorologist climatologist sociologist
    investigator insider anchor model quarterback receiver linebacker pitcher catcher outfielder guard
    """
)

# Lower-case words that may stand inside a role: "managing director", "vice president".
ROLE_MODIFIERS = _words(
    """
    managing general senior former deputy assistant vice chief executive shadow foreign home finance
    health defence education trade junior prime acting interim joint lead principal political technical
    research marketing commercial financial legal operating news sports business team fiction
    """
)

# Capitalised words that make a name span an organisation: "Bradford Council", "Menatep Group".
ORG_WORDS = _words(
    """
    Council Commission Committee Party Parliament Assembly Congress Senate Government Administration Ministry
    Department Office Agency Authority Service Services Police Constabulary Army Navy Court Tribunal Union
    Association Federation Confederation Organisation Organization Foundation Institute Institution Society
    Trust Fund Bank Reserve Exchange Board Bureau Centre Center University College School Academy Hospital
    Group Company Co Corporation Corp Inc Ltd plc PLC LLC AG SA GmbH NV Holdings Industries Airways Airlines
    Motors Motor Systems Software Technologies Technology Networks Network Communications Telecom Media
    Entertainment Studios Pictures Records Games Labs Laboratories Pharmaceuticals Energy Petroleum Partners
    Capital Securities Investments Insurance Bros Brothers Club FC Rovers Athletic Wanderers League Team
    Watch Coalition Alliance Movement Church Cabinet Commons Lords Times Post Journal Telegraph Guardian
    Herald Tribune Gazette News Mirror Observer Express Mail Radio Television TV Channel Magazine Press
    Programme Mission Command Lines Nations Images Electric Dynamics Equities Analytics Insights Advisors Casino Dept
    Advisers Chambers Executive Secretariat Directorate Squad Brigade Regiment Forces Guard
    Prosecution Theatre Theater Museum Gallery Library Orchestra Opera Band Tobacco Electronics Computers
    Airport Railways Railway Rail Mobile Steel Foods Stores Supermarkets Bancorp Financial Consulting
    Research Solutions Interactive Digital Online Publishing Broadcasting Associates Enterprises Ventures
    Research Cinema Cinemas Circle Agencies Embassy Consulate Institutes Universities Kingdom-wide Commissioner's
    """
)
# Legal forms that end a company's name: "Apple Inc", "Latham & Watkins LLP".
LEGAL_SUFFIXES = _words("Inc Ltd Co Corp Corporation plc PLC LLC LLP AG SA NV GmbH Bhd Pty Limited BV SpA")
ORG_WORDS = ORG_WORDS | LEGAL_SUFFIXES | _words("Chiefs")

# Well-known organisations that carry none of the words above (parties, institutions, big outlets).
KNOWN_ORGS = _words(
    """
    Labour Tories Tory Conservatives Democrats Republicans Greens UKIP Plaid SNP DUP IRA Hamas Hezbollah
    Fatah Taleban Taliban Nato NATO UN EU WTO IMF OPEC Opec Interpol Europol Reuters Xinhua Bloomberg BBC
    ITV CNN Sky Treasury Pentagon Kremlin Whitehall Downing Interpol Microsoft Google Apple Sony Intel IBM
    Yahoo Amazon Nokia Samsung Toyota Nissan Honda Ford Boeing Airbus Disney Vodafone Tesco Sainsbury
    Unilever Nestle Shell Gazprom Oracle Siemens Philips Nintendo Sega Panasonic Motorola
    Ericsson Vivendi Bertelsmann Fifa Uefa UEFA FIFA IOC IAAF Ofcom Ofwat Ofgem Ofsted Eurostat Unicef
    UNICEF Unesco UNESCO Greenpeace Oxfam Amnesty Eurostar Ryanair easyJet EasyJet Virgin Barclays HSBC
    Lloyds Citigroup Walmart Wal-Mart Asda Marks Yukos Gazprom Renault Peugeot Volkswagen Fiat Ferrari
    Chelsea Arsenal Liverpool Everton Celtic Rangers Juventus BT BP BA GM HP AP FA LG MI5 MI6
    """
)
# Party names and their other forms: every form maps to the fullest usual name.
PARTY_FORMS = {
    "Conservative Party": ("Conservative Party", "Conservatives", "Tories", "Tory", "Conservative"),
    "Liberal Democrats": ("Liberal Democrats", "Lib Dems", "Liberal Democrat", "Lib Dem"),
    "Labour Party": ("Labour Party", "Labour"),
}
# All-capital words that are not organisations.
NON_ORG_ACRONYMS = _words(
    """
    UK US USA UAE TV PC PCs CEO CFO COO GDP GMT BST AIDS HIV DNA DVD DVDs CD CDs MP MPs MEP MEPs MSP MSPs AM
    PM IT ID PR OK VAT SMS MP3 PDA PDAs LCD HD HDTV GB MB KB GHz RAM USB BSE SARS IP PIN ATM FM GCSE GCSEs RPI
    CPI IPO ISA ISAs OBE MBE CBE QC BC AD AGM RSS PS2 PSP DS DJ MC UFO US-led A I II III IV V VI VII VIII
    IX X XI XII ASBO ASBOs SUV SUVs NYSE OTC CGI API HTML PDF LED CCTV TB MA PhD MBA IQ MRSA GPS WMD CO2 LA
    NY USS HMS
    XML JSON HTML HTTP HTTPS URL URLs WWW UTF ASCII CSV PDF README NOTICE LICENSE LICENCE COPYING FAQ FAQs
    GUI CPU CPUs GPU OS DOS AI UV VR IRC POV ROV VM VHS VCR VCRs DVR DVRs PVR PVRs ISBN GPRS GSM UMTS WAP
    ADSL DSL LAN WAN ISP ISPs SQL PHP CSS JPEG JPG GIF PNG MP4 MPEG DRM P2P RFID OLED SIM BIOS HDMI VoIP
    MMS FDI GNP FTSE VIP VIPs POTUS FLOTUS AAA BBB BB CCC CC NB PS FYI RIP ASAP DIY LOL OMG TBA TBC
    EST EDT CST CDT MST MDT PST PDT CET CEST JST UTC NOTE
    """
)
# A name made of one of these words alone is not yet a named organisation ("the Court ruled", "on TV"):
# every organisation word except the institutions and newspapers a country has only one of.
STANDALONE_ORG_WORDS = _words(
    """
    Parliament Cabinet Commons Lords Congress Senate Times Post Journal Telegraph Guardian Herald Tribune
    Gazette Mirror Observer Express Mail
    """
)
# Last words that make a capitalised run an award, an event, a product or a place, not a body or a person:
# "Hans Christian Andersen Award", "Norwich Union Grand Prix", "Creative Commons Attribution".
THING_HEADS = _words(
    """
    Award Awards Prize Prizes Trophy Cup Championship Championships Prix Festival Expo Exhibition Lecture
    Lectures Knife Player Attribution Licence License Station Stadium Arena Square Islands Island Mall
    River Mountains Street Avenue Boulevard Road Bridge Valley Canyon Lake Beach Coast Desert Peninsula
    Strait Gulf Ocean Sea Hills Show Tournament Marathon Series Plan Agreement Accord Treaty Pact Protocol
    Doctrine Globes Oscars Grammys Emmys Baftas
    """
)

# Capitalised words that are never part of a name (sentence openers, days, months, pronouns).
NOT_NAME_WORDS = _words(
    """
    The A An But And Or If When While After Before As At In On Of For From To By With Without Under Over
    This That These Those It Its He She They We I You His Her Their Our My Your Him Them Us Me There Here
    Then Now Yet So Not No Yes All Some Many Most More Much Such Other Others Another Each Every Both Few
    Several Various Numerous
    However Meanwhile Also Although Though Because Since Until Unless Despite During Between Among Against
    Speaking According Asked Last Next Earlier Later Recently Currently Today Yesterday
    Tomorrow Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr
    Jun Jul Aug Sep Sept Oct Nov Dec What Who Whom Whose
    Which Why How Where Instead Indeed Overall Still Even Just Only Perhaps Maybe Once Twice Already Again
    Further Furthermore Moreover Thus Hence Therefore Otherwise Elsewhere
    Above Below Around About Through Via Like Unlike Among Along Within Beyond Near Since Upon Into
    Onto Toward Towards Per Plus Minus
    Click Enter Please Thanks
    Thank Hello Well Oh Sorry Is Are Was Were Be Been Do Does Did Have Has Had Will Would Can Could Should
    Shall Might Must Let Lets Let's Don't Can't Won't Isn't It's That's There's We're They're I'm I've
    I'd You're
    """
)
# A party member described by party, not named: "the Ohio Democrat said", "the Texas Republican".
PARTY_MEMBERS = _words("Democrat Republican Conservative Tory Liberal Labourite Socialist Independent")
# Capitalised common words of news that name no person or organisation when they stand alone:
# occasions and set events ("the Budget", "Election 2005", "Christmas").
NOT_NAMES = _words(
    """
    Budget Budgets Election Elections Christmas Easter Ramadan Eid Diwali Hanukkah Thanksgiving Halloween
    Brexit Referendum Census Olympics Paralympics Games Holocaust Reformation Renaissance Internet Web
    """
)
# Plural nouns for generic, unnamed sources: never a speaker.
GENERIC_SOURCES = _words(
    """
    analysts officials experts sources critics observers investors economists ministers residents witnesses
    people police officers campaigners researchers scientists doctors lawyers diplomats insiders traders
    dealers commentators aides staff workers fans supporters opponents members others some many both all
    source official expert analyst insider someone nobody everyone
    """
)
# Prepositions that put the name after them out of subject position.
NON_SUBJECT_BEFORE = _words(
    "to by with for of from against at on about than like into towards toward told via"
)
