"""SearchApp: desktop search for news archives, by person and agency."""

__version__ = "0.1.0"
