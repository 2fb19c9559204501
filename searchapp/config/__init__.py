"""Qt-free configuration: data locations and settings."""
