"""The one way files of the catalogue are written: whole, through a temporary file beside the target and
``os.replace``, so a reader (or a crash) never sees a half-written file."""
from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path


def write_atomic(target: Path, content: bytes | str) -> None:
    """Write ``content`` (text is written as UTF-8) to ``target`` atomically."""
    target = Path(target)
    data = content.encode("utf-8") if isinstance(content, str) else content
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(records: Iterable[Sequence[object]]) -> str:
    """Records as CSV text with ``\\n`` line ends (the catalogue's format)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for record in records:
        writer.writerow(["" if v is None else v for v in record])
    return buf.getvalue()


def copy_atomic(source: Path, target: Path) -> None:
    """Copy ``source`` over ``target`` atomically."""
    write_atomic(target, Path(source).read_bytes())


# --- Several files at once: all or nothing ------------------------------------------------------------
# A change of the catalogue touches several files (facts, skipped, indicators, regions, the register). They
# are staged in data/.commit/ first; writing the manifest there is the commit point; the staged files are
# then renamed over their targets. A crash before the manifest leaves the catalogue as it was (the stage is
# discarded); a crash after it is finished by recover(), which every load of the catalogue calls first.

STAGE = ".commit"
MANIFEST = "MANIFEST"


def commit(data_dir: Path, changes: dict[str, bytes | str]) -> None:
    """Replace the files ``changes`` names (paths relative to ``data_dir``) all together, or none."""
    data_dir = Path(data_dir)
    recover(data_dir)
    stage = data_dir / STAGE
    stage.mkdir()
    names = sorted(changes)
    for i, name in enumerate(names):
        write_atomic(stage / f"{i:04d}", changes[name])
    write_atomic(stage / MANIFEST, "\n".join(names) + "\n")  # the commit point
    recover(data_dir)


def recover(data_dir: Path) -> bool:
    """Finish a committed change that a crash interrupted, or discard an uncommitted one. True when
    there was anything to do."""
    stage = Path(data_dir) / STAGE
    if not stage.is_dir():
        return False
    manifest = stage / MANIFEST
    if manifest.is_file():
        names = manifest.read_text(encoding="utf-8").splitlines()
        for i, name in enumerate(names):
            staged = stage / f"{i:04d}"
            target = Path(data_dir) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(staged, target)  # not yet moved: move it now
            except FileNotFoundError:  # moved before the interruption
                pass
        manifest.unlink()
    for leftover in stage.iterdir():
        leftover.unlink()
    stage.rmdir()
    return True
