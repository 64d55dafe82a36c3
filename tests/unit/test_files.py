"""The one atomic writer and the all-or-nothing commit of several catalogue files."""
from __future__ import annotations

import pytest

from etl.core import files


def test_write_atomic_replaces_whole_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "a.csv"
    files.write_atomic(target, "old\n")
    files.write_atomic(target, "新\n")
    assert target.read_text(encoding="utf-8") == "新\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_commit_writes_every_file(tmp_path):
    (tmp_path / "a.csv").write_text("a0")
    files.commit(tmp_path, {"a.csv": "a1", "sub/b.csv": b"b1"})
    assert (tmp_path / "a.csv").read_text() == "a1" and (tmp_path / "sub" / "b.csv").read_text() == "b1"
    assert not (tmp_path / files.STAGE).exists()


def test_uncommitted_stage_is_discarded(tmp_path):
    (tmp_path / "a.csv").write_text("a0")
    stage = tmp_path / files.STAGE
    stage.mkdir()
    (stage / "0000").write_text("a1")  # staged, but the manifest was never written: no commit
    assert files.recover(tmp_path)
    assert (tmp_path / "a.csv").read_text() == "a0" and not stage.exists()


@pytest.mark.parametrize("moved", [0, 1, 2])
def test_committed_stage_is_finished_whatever_was_moved(tmp_path, moved):
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text("0")
    stage = tmp_path / files.STAGE
    stage.mkdir()
    for i, name in enumerate(["a.csv", "b.csv"]):
        (stage / f"{i:04d}").write_text("1")
    (stage / files.MANIFEST).write_text("a.csv\nb.csv\n")
    for i, name in enumerate(["a.csv", "b.csv"][:moved]):  # the crash came after `moved` renames
        (stage / f"{i:04d}").replace(tmp_path / name)
    assert files.recover(tmp_path)
    assert (tmp_path / "a.csv").read_text() == (tmp_path / "b.csv").read_text() == "1"
    assert not stage.exists()


def test_recover_without_stage_does_nothing(tmp_path):
    assert not files.recover(tmp_path)
