"""What the pages of one main window share: the open workspace, the settings and the operation bus."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..domain.roles import Actor, Perm
from ..services.workspace import Workspace
from ..settings import Settings
from .operations import OperationBus


class Shell(Protocol):
    """What pages may ask of the main window (actions that replace the workspace itself)."""

    def backup_now(self) -> None: ...

    def restore_backup(self, path: Path | None = None) -> None: ...


@dataclass
class Session:
    ws: Workspace
    settings: Settings
    bus: OperationBus
    shell: Shell | None = None

    @property
    def actor(self) -> Actor:
        assert self.ws.actor is not None, "pages exist only once someone has signed in"
        return self.ws.actor

    def can(self, perm: Perm) -> bool:
        """May the signed-in user read or do this? (Buttons only; the services enforce it anyway.)"""
        return self.ws.actor is not None and self.ws.actor.can(perm)

    def may_change(self, perm: Perm) -> bool:
        """As :meth:`can`, and the database is writable."""
        return self.can(perm) and not self.ws.read_only
