"""PyInstaller entry point (a plain script: `partnerdesk/__main__.py` uses relative imports)."""

import sys

from partnerdesk.__main__ import main

if __name__ == "__main__":
    import multiprocessing

    # Batch printing draws pages in worker processes (spawn on Windows): a frozen app must let a worker
    # started from this executable run its task instead of opening another window.
    multiprocessing.freeze_support()
    sys.exit(main())
