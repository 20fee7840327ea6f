"""The command line: same services, permissions and audit as the GUI.

Each area registers its sub-commands in its own module (``admin``, later ``partners`` ...). Exit codes:
0 success, 1 refused by a rule (one line on stderr), 2 usage, 3 the database cannot be used.
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import __version__
from ..domain.errors import DomainError, write_problem
from . import admin, agreements, documents, funds, partners
from .common import CliError, Context, fail

AREAS = [admin, partners, agreements, funds, documents]
GLOBAL_FLAGS = {"--version", "-h", "--help"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partnerdesk", description="PartnerDesk 社区合伙人工作台")
    parser.add_argument("--version", action="version", version=f"PartnerDesk {__version__}")
    parser.add_argument("--db", help="SQLite file or postgresql+psycopg:// URL (default: user data folder)")
    parser.add_argument("--user", help="sign in as this user (password: prompt or PARTNERDESK_PASSWORD)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="message language")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for area in AREAS:
        area.register(sub)
    return parser


def command_names() -> set[str]:
    parser = build_parser()
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public accessor
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return set(action.choices)
    return set()


def wants_cli(argv: list[str]) -> bool:
    """True when argv names a sub-command (or --version/--help); bare options open the GUI."""
    if any(a in GLOBAL_FLAGS for a in argv):
        return True
    names = command_names()
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--db", "--user", "--lang"):
            skip_next = True
            continue
        if not arg.startswith("-"):
            return arg in names
    return False


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    ctx = Context(args)
    try:
        return args.handler(ctx, args) or 0
    except DomainError as err:
        return fail(ctx, err)
    except CliError as err:
        print(f"partnerdesk: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `partnerdesk audit list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except OSError as exc:  # a full disk, a folder without write permission: one plain line, not a traceback
        problem = write_problem(exc)
        if problem is None:
            raise
        return fail(ctx, problem)
    finally:
        ctx.close()
