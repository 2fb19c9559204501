"""One person or organisation of an article: its name forms, mentions, role and, for people, gender."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from searchapp.core.extract.gazetteer import NAME_GENDER
from searchapp.core.extract.mention import Mention

_TITLE_GENDER = {
    **dict.fromkeys(
        "Mr Sir Lord King Prince Father Brother Duke Baron Earl Count Herr Monsieur".split(), "m"
    ),
    **dict.fromkeys(
        "Mrs Ms Miss Dame Lady Queen Princess Sister Duchess Baroness Countess Mme Mlle Frau Madame".split(),
        "f",
    ),
}
_ROLE_GENDER = {
    **dict.fromkeys(
        """spokesman chairman businessman husband father son brother boy man actor king prince
        congressman sportsman""".split(),
        "m",
    ),
    **dict.fromkeys(
        """spokeswoman chairwoman businesswoman wife mother daughter sister girl woman actress widow queen
        princess congresswoman sportswoman""".split(),
        "f",
    ),
}


@dataclass(eq=False)
class Entity:
    kind: str  # "person" or "org"
    forms: list[str] = field(default_factory=list)  # every name form, in order of appearance
    surfaces: list[str] = field(default_factory=list)  # forms as written, with honorifics ("Ms Hewitt")
    mentions: list[Mention] = field(default_factory=list)
    name: str = ""

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.text not in self.forms:
            self.forms.append(mention.text)
        if mention.surface not in self.surfaces:
            self.surfaces.append(mention.surface)

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(s for s in self.surfaces if s != self.name)

    @property
    def role(self) -> str:
        return next((m.role for m in self.mentions if m.role), "")

    @functools.cached_property
    def gender(self) -> str:
        """ "m" or "f" as a title, a role or the first name shows it ("Mrs", "spokeswoman", "Susan"), else ""."""
        for m in self.mentions:
            if m.title.split()[-1:] and m.title.split()[-1] in _TITLE_GENDER:
                return _TITLE_GENDER[m.title.split()[-1]]
        for m in self.mentions:
            found = {_ROLE_GENDER[w] for w in m.role.lower().split() if w in _ROLE_GENDER}
            if len(found) == 1:
                return found.pop()
        first = max(self.forms, key=lambda f: len(f.split())).split()[0]
        return NAME_GENDER.get(first, "u").replace("u", "") if " " in self.name else ""
