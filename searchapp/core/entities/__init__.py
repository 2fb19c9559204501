"""One name per real-world person or organisation, applied when names are counted, filtered and shown.

The extractor writes the names each article uses (`core/extract`); this package decides, for the
whole collection and at query time, which of them are the same entity and what it is called:

- `aliases`: the shipped table of known aliases (`searchapp/resources/aliases.yaml`: Tories and
  Conservatives are the Conservative Party), plus an optional `aliases.yaml` in the index folder;
- `collection`: the cross-article rules (a bare surname or an acronym joins the one full name the
  collection gives it; spelling variants of one name join its most used form);
- `corrections`: the user's own changes (merge, rename, retype, hide, split off), kept in a small
  versioned file beside the index;
- `book.NameBook`: all three applied in that order, used alike by search, facets, filters,
  highlights, exports and the `searchapp entities` command.
"""

from searchapp.core.entities.aliases import AliasTable, KnownEntity, load_aliases
from searchapp.core.entities.book import EntityInfo, NameBook
from searchapp.core.entities.corrections import CORRECTIONS_FILE, Change, Corrections

__all__ = [
    "AliasTable",
    "CORRECTIONS_FILE",
    "Change",
    "Corrections",
    "EntityInfo",
    "KnownEntity",
    "NameBook",
    "load_aliases",
]
