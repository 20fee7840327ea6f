"""list indexes: service records sorted by people and kind and searched by place; partners' name index covers the merged flag

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 03:10:00
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('partners', schema=None) as batch_op:
        batch_op.drop_index('ix_partners_name')
        batch_op.create_index('ix_partners_name', ['name', 'merged_into_id'], unique=False)
    with op.batch_alter_table('service_records', schema=None) as batch_op:
        batch_op.create_index('ix_service_records_people', ['people', 'id'], unique=False)
        batch_op.create_index('ix_service_records_kind', ['kind', 'id'], unique=False)
        batch_op.create_index('ix_service_records_place', ['place', 'partner_id'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        # Statistics for the new indexes (bounded: fast on any size). Without them SQLite would take the index on
        # kind, three values over the whole table, for "paid records of one community".
        op.execute('PRAGMA analysis_limit = 400')
        op.execute('ANALYZE service_records')
        op.execute('ANALYZE partners')


def downgrade() -> None:
    with op.batch_alter_table('service_records', schema=None) as batch_op:
        batch_op.drop_index('ix_service_records_place')
        batch_op.drop_index('ix_service_records_kind')
        batch_op.drop_index('ix_service_records_people')
    with op.batch_alter_table('partners', schema=None) as batch_op:
        batch_op.drop_index('ix_partners_name')
        batch_op.create_index('ix_partners_name', ['name'], unique=False)
