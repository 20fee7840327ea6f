"""PyInstaller entry point (a plain script: `partnerdesk/__main__.py` uses relative imports)."""

import sys

from partnerdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
