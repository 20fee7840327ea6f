"""The models and the migrations describe the same schema (a model change without its migration fails here)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import partnerdesk.db.models as models
from partnerdesk.db import migrate
from partnerdesk.db.models.base import Base


def test_upgraded_database_matches_the_models(tmp_path):
    for name in models._WHERE:  # noqa: SLF001 - load every lazily registered model
        getattr(models, name)
    engine = create_engine(f"sqlite:///{tmp_path / 'head.sqlite3'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []
