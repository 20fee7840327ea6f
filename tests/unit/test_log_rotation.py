"""The log file is rotated between runs: past its size it moves to .1, older ones shift, the oldest kept goes."""

from __future__ import annotations

from partnerdesk.app import rotate_log


def test_a_small_log_stays(tmp_path) -> None:
    log = tmp_path / "partnerdesk.log"
    log.write_text("short\n", encoding="utf-8")
    rotate_log(log, max_bytes=100, keep=3)
    assert log.read_text(encoding="utf-8") == "short\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["partnerdesk.log"]


def test_a_big_log_moves_and_the_oldest_kept_goes(tmp_path) -> None:
    log = tmp_path / "partnerdesk.log"
    for n, text in ((1, "one"), (2, "two"), (3, "three")):
        (tmp_path / f"partnerdesk.log.{n}").write_text(text, encoding="utf-8")
    log.write_text("x" * 200, encoding="utf-8")
    rotate_log(log, max_bytes=100, keep=3)
    assert not log.exists()
    assert (tmp_path / "partnerdesk.log.1").read_text(encoding="utf-8") == "x" * 200
    assert (tmp_path / "partnerdesk.log.2").read_text(encoding="utf-8") == "one"
    assert (tmp_path / "partnerdesk.log.3").read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"partnerdesk.log.{n}" for n in (1, 2, 3)]


def test_no_log_yet_is_fine(tmp_path) -> None:
    rotate_log(tmp_path / "partnerdesk.log", max_bytes=100, keep=3)
    assert list(tmp_path.iterdir()) == []
