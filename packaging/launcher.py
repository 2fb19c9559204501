"""PyInstaller entry script: the frozen app starts exactly like `python -m searchapp`."""

import sys

from searchapp.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
