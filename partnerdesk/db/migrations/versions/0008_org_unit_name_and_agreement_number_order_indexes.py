"""list indexes: communities by name, agreements in number order (year, then shorter numbers first)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 06:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('org_units', schema=None) as batch_op:
        batch_op.create_index('ix_org_units_name', ['name'], unique=False)
    # an expression index (SQLite ≥ 3.9, PostgreSQL): the agreements list's "sort by number"
    op.create_index('ix_agreements_number_order', 'agreements',
                    [sa.text('substr(number, 6, 4)'), sa.text('length(number)'), 'number'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('PRAGMA analysis_limit = 400')  # statistics for the new indexes, bounded: fast on any size
        op.execute('ANALYZE org_units')
        op.execute('ANALYZE agreements')


def downgrade() -> None:
    op.drop_index('ix_agreements_number_order', table_name='agreements')
    with op.batch_alter_table('org_units', schema=None) as batch_op:
        batch_op.drop_index('ix_org_units_name')
