"""Qt-free core: crawl, parse, extract, index and search news articles."""
