"""Child side of the kill -9 harness: a "zygote" that imports PartnerDesk once, then forks one worker per
command so each cycle costs milliseconds, not an interpreter start. Run as ``python -m
tests.helpers.kill_child`` from the checkout (tests/helpers/numbers.py would shadow the stdlib otherwise).

Protocol (one line each; everything a worker reports is written with a single os.write, so a SIGKILL can
never leave half a line):

  stdin   WORK <db> <backup_dir> <cycle>   fork a worker doing real service calls until it is killed
          MIGRATE <db> <backup_dir>        fork a worker that opens (and so migrates) the database, then exits
          QUIT
  stdout  READY                            imports done
          PID <pid>                        the worker to kill
          OPEN                             the worker's open_workspace returned
          ACK <kind> <name> [<value>]      written only AFTER the service call (and so its commit) returned
          DONE                             (MIGRATE) open_workspace returned
          ERR <message>                    the worker hit an unexpected error
          DEAD <pid> <status>              the worker was reaped
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from partnerdesk.services import accounts, audit, maintenance, org
from partnerdesk.services.workspace import open_workspace

ADMIN_PASSWORD = "admin-pass-1"


def say(line: str) -> None:
    os.write(1, (line.replace("\n", " | ") + "\n").encode("utf-8"))


def work(db: str, backup_dir: str, cycle: int) -> None:
    ws = open_workspace(f"sqlite:///{db}", backup_dir=Path(backup_dir))
    say("OPEN")
    accounts.login(ws, "admin", ADMIN_PASSWORD)
    street = org.office(ws).street_id
    last = None
    i = 0
    while True:
        i += 1
        name = f"k{cycle}-{i}"
        step = i % 20
        if step == 0:
            accounts.add_user(ws, f"u{cycle}x{i}", "staff", "kill-pass-1")
            say(f"ACK user u{cycle}x{i}")
        elif step == 10:
            info = maintenance.backup_now(ws).value
            say(f"ACK backup {info.path.name}")
        elif step % 4 == 3 and last is not None:
            unit = org.update_unit(ws, last.id, last.version, code=f"{last.name}-c", is_pilot=True).value
            say(f"ACK code {unit.name} {unit.code}")
            last = None
        elif step % 2 == 1:
            last = org.add_unit(ws, "community", street, name).value
            say(f"ACK unit {name}")
        else:
            audit.record_event(ws, "kill9.tick", "tick", name, {"i": i, "名": "𠈌"})
            say(f"ACK event {name}")


def migrate_only(db: str, backup_dir: str) -> None:
    say("GO")
    ws = open_workspace(f"sqlite:///{db}", backup_dir=Path(backup_dir))
    ws.close()
    say("DONE")


def run_worker(cmd: list[str]) -> None:
    try:
        if cmd[0] == "WORK":
            work(cmd[1], cmd[2], int(cmd[3]))
        elif cmd[0] == "MIGRATE":
            migrate_only(cmd[1], cmd[2])
        else:
            say(f"ERR unknown command {cmd!r}")
            os._exit(2)
    except BaseException as exc:  # noqa: BLE001 - report everything to the parent
        say(f"ERR {type(exc).__name__}: {exc} :: {traceback.format_exc()}")
        os._exit(1)
    os._exit(0)


def main() -> None:
    say("READY")
    for raw in sys.stdin:
        cmd = raw.split()
        if not cmd or cmd[0] == "QUIT":
            break
        pid = os.fork()
        if pid == 0:
            run_worker(cmd)
        say(f"PID {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"DEAD {pid} {status}")


if __name__ == "__main__":
    main()
