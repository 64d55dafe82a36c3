"""The command line: options are honoured by every command or do not exist."""
from __future__ import annotations

import pytest

from etl import __main__ as cli


@pytest.mark.parametrize("command", ["build", "check", "coverage"])
def test_extra_option_is_gone(command, capsys):
    """--extra was honoured by check and coverage only; drafts now go through review files."""
    with pytest.raises(SystemExit) as stop:
        cli.main([command, "--extra=drafts"])
    assert stop.value.code == 2
    assert "unrecognized arguments: --extra=drafts" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["build", "--db", "{db}"], ["check"], ["coverage"], ["evaluate"]])
def test_data_option_is_honoured(command, data_copy, tmp_path, capsys):
    """Every command reads the catalogue given by --data: a broken copy fails them all."""
    (data_copy / "indicators.csv").write_text("nonsense\n", encoding="utf-8")
    (data_copy / "skipped" / "d000.csv").unlink()  # d000's skipped numbers become uncovered
    args = ["--data", str(data_copy)] + [a.format(db=tmp_path / "x.duckdb") for a in command]
    try:
        code = cli.main(args)
    except Exception as exc:  # evaluate has no error path of its own: a broken catalogue raises
        code = exc
    assert code not in (0, None)
