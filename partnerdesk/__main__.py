"""`partnerdesk` / `python -m partnerdesk`: a sub-command runs the command line, none opens the GUI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from . import cli

    if cli.wants_cli(argv):
        return cli.main(argv)
    from . import app  # imported only for the GUI: keeps the CLI free of Qt

    return app.main(argv)


if __name__ == "__main__":
    sys.exit(main())
