"""Alembic environment: always driven programmatically with a live connection (see db/migrate.py)."""

from alembic import context

from partnerdesk.db.models import Base, load_all

load_all()  # every table, for autogenerate and comparisons

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=False,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
