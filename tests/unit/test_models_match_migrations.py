"""The models and the migrations describe the same schema (a model change without its migration fails here)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import partnerdesk.db.models as models
from partnerdesk.db import migrate
from partnerdesk.db.models.base import Base


# expression indexes cannot be reflected by SQLAlchemy on SQLite: the comparison skips them (checked below instead)
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_upgraded_database_matches_the_models(tmp_path):
    for name in models._WHERE:  # noqa: SLF001 - load every lazily registered model
        getattr(models, name)
    engine = create_engine(f"sqlite:///{tmp_path / 'head.sqlite3'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        expression_indexes = dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE name = 'ix_agreements_number_order'").all())
    engine.dispose()
    assert diff == []
    index = next(i for i in Base.metadata.tables["agreements"].indexes if i.name == "ix_agreements_number_order")
    from sqlalchemy.schema import CreateIndex

    assert expression_indexes == {index.name: str(CreateIndex(index).compile(engine)).strip()}
