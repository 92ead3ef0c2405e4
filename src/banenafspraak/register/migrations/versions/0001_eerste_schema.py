"""register: eerste schema

Revision ID: 0001
Revises: -
Create Date: 2026-11-23 04:13:18.483385
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# Kept here rather than imported from the models: a migration describes the schema as it was when written.
APPEND_ONLY_TABLES = (
    "registratie_versie",
    "profiel_versie",
    "toestemming",
    "verwijderverzoek",
    "dienstverband",
    "logboek",
    "audit",
)


def _append_only_triggers() -> None:
    """Refuse UPDATE and DELETE on history, consent and log tables, in the database itself."""
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION banenafspraak_append_only() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION 'tabel % is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql"
        )
        for tabel in APPEND_ONLY_TABLES:
            op.execute(
                f"CREATE TRIGGER {tabel}_append_only BEFORE UPDATE OR DELETE ON {tabel} "
                "FOR EACH ROW EXECUTE FUNCTION banenafspraak_append_only()"
            )
    elif dialect == "sqlite":
        for tabel in APPEND_ONLY_TABLES:
            for actie in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {tabel}_append_only_{actie.lower()} BEFORE {actie} ON {tabel} "
                    f"BEGIN SELECT RAISE(ABORT, 'tabel {tabel} is append-only'); END"
                )


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("trace_id", sa.String(length=64), nullable=False),
        sa.Column("account", sa.String(length=100), nullable=False),
        sa.Column("rol", sa.String(length=20), nullable=False),
        sa.Column("organisatie", sa.String(length=64), nullable=True),
        sa.Column("handeling", sa.String(length=200), nullable=False),
        sa.Column("resultaat", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_trace_id"), ["trace_id"], unique=False)

    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bestand", sa.String(length=400), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("voltooid_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("door", sa.String(length=100), nullable=False),
        sa.Column("rijen", sa.Integer(), nullable=False),
        sa.Column("nieuwe_personen", sa.Integer(), nullable=False),
        sa.Column("nieuwe_registraties", sa.Integer(), nullable=False),
        sa.Column("gewijzigde_registraties", sa.Integer(), nullable=False),
        sa.Column("ongewijzigd", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_run")),
    )
    op.create_table(
        "logboek",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("trace_id", sa.String(length=64), nullable=False),
        sa.Column("verwerkingsactiviteit", sa.String(length=80), nullable=False),
        sa.Column("handeling", sa.String(length=20), nullable=False),
        sa.Column("betrokkene", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_logboek")),
    )
    with op.batch_alter_table("logboek", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_logboek_betrokkene"), ["betrokkene"], unique=False)
        batch_op.create_index(batch_op.f("ix_logboek_trace_id"), ["trace_id"], unique=False)

    op.create_table(
        "persoon",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pseudoniem", sa.String(length=64), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("aangemaakt_door", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persoon")),
        sa.UniqueConstraint("pseudoniem", name=op.f("uq_persoon_pseudoniem")),
    )
    op.create_table(
        "dienstverband",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("persoon_id", sa.Integer(), nullable=False),
        sa.Column("loonheffingennummer", sa.String(length=12), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("personeelsnummer", sa.String(length=40), nullable=True),
        sa.Column("vastgelegd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("vastgelegd_door", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["persoon_id"], ["persoon.id"], name=op.f("fk_dienstverband_persoon_id_persoon")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dienstverband")),
    )
    with op.batch_alter_table("dienstverband", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dienstverband_loonheffingennummer"), ["loonheffingennummer"], unique=False)
        batch_op.create_index(batch_op.f("ix_dienstverband_persoon_id"), ["persoon_id"], unique=False)

    op.create_table(
        "profiel",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("persoon_id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["persoon_id"], ["persoon.id"], name=op.f("fk_profiel_persoon_id_persoon")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiel")),
        sa.UniqueConstraint("persoon_id", name=op.f("uq_profiel_persoon_id")),
    )
    op.create_table(
        "registratie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("persoon_id", sa.Integer(), nullable=False),
        sa.Column("grondslag", sa.String(length=16), nullable=False),
        sa.Column("begindatum", sa.Date(), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["persoon_id"], ["persoon.id"], name=op.f("fk_registratie_persoon_id_persoon")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registratie")),
        sa.UniqueConstraint("persoon_id", "grondslag", "begindatum", name="uq_registratie_sleutel"),
    )
    with op.batch_alter_table("registratie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_registratie_persoon_id"), ["persoon_id"], unique=False)

    op.create_table(
        "toestemming",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("persoon_id", sa.Integer(), nullable=False),
        sa.Column("doel", sa.String(length=60), nullable=False),
        sa.Column("gegeven", sa.Boolean(), nullable=False),
        sa.Column("geldig_van", sa.Date(), nullable=False),
        sa.Column("geldig_tot", sa.Date(), nullable=True),
        sa.Column("vastgelegd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("vastgelegd_door", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["persoon_id"], ["persoon.id"], name=op.f("fk_toestemming_persoon_id_persoon")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_toestemming")),
    )
    with op.batch_alter_table("toestemming", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_toestemming_persoon_id"), ["persoon_id"], unique=False)

    op.create_table(
        "verwijderverzoek",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("persoon_id", sa.Integer(), nullable=False),
        sa.Column("toelichting", sa.String(length=1000), nullable=False),
        sa.Column("ingediend_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingediend_door", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["persoon_id"], ["persoon.id"], name=op.f("fk_verwijderverzoek_persoon_id_persoon")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verwijderverzoek")),
    )
    with op.batch_alter_table("verwijderverzoek", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verwijderverzoek_persoon_id"), ["persoon_id"], unique=False)

    op.create_table(
        "profiel_versie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profiel_id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.Column("gegevens", sa.JSON(), nullable=False),
        sa.Column("gewijzigd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_door", sa.String(length=100), nullable=False),
        sa.Column("reden", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(["profiel_id"], ["profiel.id"], name=op.f("fk_profiel_versie_profiel_id_profiel")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiel_versie")),
        sa.UniqueConstraint("profiel_id", "versie", name="uq_profiel_versie"),
    )
    op.create_table(
        "registratie_versie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("registratie_id", sa.Integer(), nullable=False),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.Column("einddatum", sa.Date(), nullable=True),
        sa.Column("gemeentecode", sa.String(length=6), nullable=False),
        sa.Column("bron", sa.String(length=60), nullable=False),
        sa.Column("besluitreferentie", sa.String(length=100), nullable=True),
        sa.Column("gewijzigd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_door", sa.String(length=100), nullable=False),
        sa.Column("reden", sa.String(length=400), nullable=False),
        sa.ForeignKeyConstraint(
            ["registratie_id"],
            ["registratie.id"],
            name=op.f("fk_registratie_versie_registratie_id_registratie"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registratie_versie")),
        sa.UniqueConstraint("registratie_id", "versie", name="uq_registratie_versie"),
    )
    with op.batch_alter_table("registratie_versie", schema=None) as batch_op:
        batch_op.create_index(
            "ix_registratie_versie_gemeente", ["gemeentecode", "registratie_id", "versie", "einddatum"], unique=False
        )

    _append_only_triggers()


def downgrade() -> None:
    with op.batch_alter_table("registratie_versie", schema=None) as batch_op:
        batch_op.drop_index("ix_registratie_versie_gemeente")

    op.drop_table("registratie_versie")
    op.drop_table("profiel_versie")
    with op.batch_alter_table("verwijderverzoek", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verwijderverzoek_persoon_id"))

    op.drop_table("verwijderverzoek")
    with op.batch_alter_table("toestemming", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_toestemming_persoon_id"))

    op.drop_table("toestemming")
    with op.batch_alter_table("registratie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registratie_persoon_id"))

    op.drop_table("registratie")
    op.drop_table("profiel")
    with op.batch_alter_table("dienstverband", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dienstverband_persoon_id"))
        batch_op.drop_index(batch_op.f("ix_dienstverband_loonheffingennummer"))

    op.drop_table("dienstverband")
    op.drop_table("persoon")
    with op.batch_alter_table("logboek", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_logboek_trace_id"))
        batch_op.drop_index(batch_op.f("ix_logboek_betrokkene"))

    op.drop_table("logboek")
    op.drop_table("import_run")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_trace_id"))

    op.drop_table("audit")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS banenafspraak_append_only()")
