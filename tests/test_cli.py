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


def test_demo_schrijft_rapport_en_zegt_waar(tmp_path):
    r = CliRunner().invoke(app, ["demo", "--omvang", "klein", "--data", str(tmp_path / "data"),
                                 "--uit", str(tmp_path / "uit")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "uit" / "rapport.html").exists()
    assert "rapport.html" in " ".join(r.output.split())
