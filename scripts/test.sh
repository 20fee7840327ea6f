#!/usr/bin/env bash
# The whole check, as `make test` runs it: ruff, import-linter contracts, then pytest (offscreen Qt).
# Extra arguments go to pytest (make test PYTEST_ARGS="-k money -x"); PYTEST_WORKERS=N sets the parallel workers.
# Exit status: pytest's own code when pytest fails (5 = no tests collected, passed through for .ci/run),
# otherwise 1 if a linter failed, else 0. Every step runs even when an earlier one fails.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${VENV:-$ROOT/.venv}/bin"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

lint_status=0
echo "[test] ruff check"
"$BIN/ruff" check . || lint_status=1
echo "[test] lint-imports (architecture contracts in pyproject.toml)"
"$BIN/lint-imports" || lint_status=1
if [ "$lint_status" -ne 0 ]; then
    echo "[test] LINT FAILED (see above); running the tests anyway"
fi

# One pytest worker per core (pytest-xdist); PYTEST_WORKERS=0 runs everything in this one process (debugging).
WORKERS="${PYTEST_WORKERS:-auto}"
echo "[test] pytest (QT_QPA_PLATFORM=$QT_QPA_PLATFORM, workers: $WORKERS${PARTNERDESK_TEST_PG_URL:+, PostgreSQL at $PARTNERDESK_TEST_PG_URL})"
"$BIN/python" -m pytest -n "$WORKERS" "$@"
pytest_status=$?
# make turns any failure into its own exit 2; leave pytest's code where .ci/run can read it.
if [ -n "${PYTEST_STATUS_FILE:-}" ]; then echo "$pytest_status" >"$PYTEST_STATUS_FILE"; fi

if [ "$pytest_status" -ne 0 ]; then
    exit "$pytest_status"
fi
exit "$lint_status"
