"""Runtime assets shipped inside the package: UI icons, the app icon, the bundled sample articles.

A regular package (not a namespace) so setuptools' package-data and importlib.resources both find it,
in a wheel and in a PyInstaller build alike.
"""
