"""The revision list kept as data in db/migrate.py matches Alembic's scripts."""

from alembic.script import ScriptDirectory

from partnerdesk.db import migrate


def test_revisions_match_alembic_scripts():
    script = ScriptDirectory.from_config(migrate.config())
    chain = [s.revision for s in script.walk_revisions()][::-1]  # oldest first
    assert tuple(chain) == migrate.REVISIONS
    assert script.get_current_head() == migrate.HEAD
