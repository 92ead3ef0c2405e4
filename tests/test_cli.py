"""Every command has help; the demo command runs end to end on the small nation."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from banenafspraak.cli.main import app


def _commando_paden(groep=None, prefix=()):
    import typer.main

    cmd = groep or typer.main.get_command(app)
    yield prefix
    for naam, sub in getattr(cmd, "commands", {}).items():
        yield from _commando_paden(sub, (*prefix, naam))


@pytest.mark.parametrize("pad", list(_commando_paden()), ids=lambda p: " ".join(p) or "banenafspraak")
def test_elk_commando_heeft_help(pad):
    r = CliRunner().invoke(app, [*pad, "--help"])
    assert r.exit_code == 0, r.output
    assert "Usage" in r.output


def test_demo_schrijft_rapport_laadt_het_register_en_zegt_waar(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the register database and its key default to the working directory
    monkeypatch.delenv("BANENAFSPRAAK_DATABASE_URL", raising=False)
    r = CliRunner().invoke(app, ["demo", "--omvang", "klein", "--data", "data", "--uit", "uit"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "uit" / "rapport.html").exists()
    tekst = " ".join(r.output.split())
    assert "rapport.html" in tekst
    assert "Register geladen" in tekst and (tmp_path / "banenafspraak-register.sqlite").exists()
    tweede = CliRunner().invoke(app, ["demo", "--omvang", "klein", "--data", "data", "--uit", "uit"])
    assert tweede.exit_code == 0, tweede.output
    assert "0 nieuwe registraties" in " ".join(tweede.output.split())  # re-running changes nothing
