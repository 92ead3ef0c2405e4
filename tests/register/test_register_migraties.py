"""The schema comes from the migrations, matches the models, and history tables refuse changes."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from banenafspraak.register.db import is_actueel, maak_engine, upgrade
from banenafspraak.register.models import APPEND_ONLY_TABLES, Base


def test_migrated_schema_matches_the_models(engine):
    assert is_actueel(engine)
    with engine.connect() as conn:
        verschil = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert verschil == []


def test_a_new_sqlite_file_is_created_by_the_migrations(tmp_path):
    url = f"sqlite:///{tmp_path / 'nieuw.sqlite'}"
    e = maak_engine(url)
    assert not is_actueel(e)
    upgrade(e)
    assert is_actueel(e)
    e.dispose()


@pytest.mark.parametrize("tabel", APPEND_ONLY_TABLES)
def test_history_log_and_consent_tables_refuse_update_and_delete(engine, tabel):
    # one valid row per table, inserted through the service would need the whole world; a person suffices
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO persoon (pseudoniem, aangemaakt_op, aangemaakt_door) VALUES ('x', CURRENT_TIMESTAMP, 't')"
            )
        )
        c.execute(
            text(
                "INSERT INTO registratie (persoon_id, grondslag, begindatum, versie) "
                "VALUES (1, '38b_1_a', '2020-01-01', 1)"
            )
        )
        c.execute(text("INSERT INTO profiel (persoon_id, versie) VALUES (1, 1)"))
    rijen = {
        "registratie_versie": "(registratie_id, versie, gemeentecode, bron, gewijzigd_op, gewijzigd_door, reden) "
        "VALUES (1, 1, 'GM0363', 'b', CURRENT_TIMESTAMP, 't', 'r')",
        "profiel_versie": "(profiel_id, versie, gegevens, gewijzigd_op, gewijzigd_door, reden) "
        "VALUES (1, 1, '{}', CURRENT_TIMESTAMP, 't', 'r')",
        "toestemming": "(persoon_id, doel, gegeven, geldig_van, vastgelegd_op, vastgelegd_door) "
        "VALUES (1, 'matching', true, '2020-01-01', CURRENT_TIMESTAMP, 't')",
        "verwijderverzoek": "(persoon_id, toelichting, ingediend_op, ingediend_door) "
        "VALUES (1, '', CURRENT_TIMESTAMP, 't')",
        "dienstverband": "(persoon_id, loonheffingennummer, begindatum, vastgelegd_op, vastgelegd_door) "
        "VALUES (1, '123456789L01', '2020-01-01', CURRENT_TIMESTAMP, 't')",
        "logboek": "(tijdstip, trace_id, verwerkingsactiviteit, handeling, betrokkene) "
        "VALUES (CURRENT_TIMESTAMP, 't', 'a', 'lezen', 'x')",
        "audit": "(tijdstip, trace_id, account, rol, handeling, resultaat) "
        "VALUES (CURRENT_TIMESTAMP, 't', 'a', 'uwv', 'GET', 200)",
    }
    with engine.begin() as c:
        c.execute(text(f"INSERT INTO {tabel} {rijen[tabel]}"))
    for sql in (f"UPDATE {tabel} SET id = id", f"DELETE FROM {tabel}"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as c:
            c.execute(text(sql))
    with engine.connect() as c:
        assert c.execute(text(f"SELECT count(*) FROM {tabel}")).scalar_one() == 1
