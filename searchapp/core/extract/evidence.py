"""Context evidence that an untyped name is an organisation: the words around it, not the name itself.

A name such as "Rosneft" or "Dimension Data" carries no organisation word, so its neighbours decide:
a company noun just before it ("drinks firm Allied Domecq", "state-owned Rosneft"), a corporate word
just after it ("Rosneft officials", "Parmalat shares", "Envisional's chief executive"), "shares in X",
"X, which ...", or an appositive that names its kind ("Parmalat, the Italian food group, ..."). One piece
of evidence anywhere in the article types every mention of that name.
"""

from __future__ import annotations

from searchapp.core.extract.lexicon import SPEECH_VERBS
from searchapp.core.extract.tokens import Doc


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-case nouns that name an organisation's kind: "drinks firm X", "X, the food group, ...".
ORG_KIND_NOUNS = _words(
    """
    company companies firm firms group bank carrier airline retailer maker giant operator rival chain
    publisher manufacturer producer supplier distributor insurer lender conglomerate subsidiary brand
    broadcaster newspaper magazine website agency organisation organization charity association
    federation union party club regulator watchdog consortium developer start-up startup supermarket
    network studio body institute provider telecom telco utility hospital casino affiliate outlet weekly
    daily tabloid channel station
    """
)
# Words before a name that make it an organisation: "state-owned Rosneft", "rival Pernod".
_ORG_BEFORE = (ORG_KIND_NOUNS - _words("body network union party")) | _words(
    "state-owned state-run privately-owned family-owned state-controlled"
)
# Nouns before a name that make even a person-shaped name a company ("bank Morgan Stanley"): not the
# kinds that people are too ("producer Jon Thoday", "rival Kim Gevaert", "documentary maker X").
COMPANY_NOUNS = _ORG_BEFORE - _words("maker producer rival developer publisher designer star")
# Words right after a name (or after its 's) that make it an organisation: "Rosneft officials".
_ORG_AFTER = _words(
    """
    shares share shareholders stock officials executives spokesman spokeswoman spokesperson board
    profits profit revenues revenue subsidiary subsidiaries headquarters boss bosses chief-executive
    group company firm newspaper magazine website politician politicians leadership
    """
)
# Nouns in "shares in X", "a stake in X", "takeover of X", "merger with X", "bid for X".
_DEAL_NOUNS = _words("shares stake stakes takeover merger bid acquisition")


def org_before(doc: Doc, first: int, nouns: frozenset[str] = _ORG_BEFORE) -> bool:
    """A company noun or deal just before the name: "investment bank Morgan Stanley", "shares in X"."""
    prev = doc.words[first - 1].lower() if first > 0 and doc.para[first - 1] == doc.para[first] else ""
    prev2 = doc.words[first - 2].lower() if first > 1 else ""
    return prev in nouns or (prev in ("in", "of", "with", "for") and prev2 in _DEAL_NOUNS)


def org_context(doc: Doc, first: int, end: int) -> bool:
    """True when the words around the name span [first, end) show an organisation."""
    n = len(doc)
    if org_before(doc, first):
        return True
    k = end
    if k < n and doc.kinds[k] == "s":
        k += 1
        if (
            k + 1 < n
            and doc.words[k] in ("chief", "managing")
            and doc.words[k + 1] in ("executive", "director")
        ):
            return True
    if k < n and doc.para[k] == doc.para[first] and doc.words[k] in _ORG_AFTER:
        return True
    if end + 1 < n and doc.words[end] == "," and doc.words[end + 1] == "which":
        return True
    return _kind_appositive(doc, end)


def _kind_appositive(doc: Doc, end: int) -> bool:
    """ "X, the Italian food group at the centre of ..., has reported": the head noun names a kind."""
    n = len(doc)
    if not (end + 1 < n and doc.words[end] == "," and doc.words[end + 1] in ("the", "a", "an")):
        return False
    k = end + 2
    while k < n and k < end + 7 and doc.kinds[k] == "w" and doc.para[k] == doc.para[end]:
        word = doc.words[k]
        if word in ORG_KIND_NOUNS:
            # "BitTorrent, the firm said": the noun is a speaker standing for someone else.
            return not (k + 1 < n and doc.words[k + 1] in SPEECH_VERBS)
        if word in ("of", "at", "in", "which", "that", "who", "and"):
            return False
        k += 1
    return False
