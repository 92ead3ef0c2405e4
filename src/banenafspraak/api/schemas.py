"""Request and response bodies. Strict: unknown fields, control characters, out-of-range numbers: 400."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from banenafspraak.rules.grondslagen import GRONDSLAGEN

# Text without control characters (PostgreSQL refuses NUL) and without lone surrogates (not UTF-8).
_TEKEN = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"


def _utf8(waarde: str) -> str:
    waarde.encode("utf-8")  # UnicodeEncodeError (a ValueError) on a lone surrogate
    return waarde


def Tekst(maximaal: int, minimaal: int = 0) -> Any:  # noqa: N802 (reads as a type)
    beperking = StringConstraints(pattern=f"^{_TEKEN}*$", min_length=minimaal, max_length=maximaal)
    return Annotated[str, beperking, AfterValidator(_utf8)]


Bsn = Annotated[str, StringConstraints(pattern=r"^[0-9]{8,9}$")]
Gemeentecode = Annotated[str, StringConstraints(pattern=r"^GM[0-9]{4}$")]
Loonheffingennummer = Annotated[str, StringConstraints(pattern=r"^[0-9]{9}L[0-9]{2}$")]
Versie = Annotated[int, Field(ge=0, le=2_000_000_000)]
GrondslagCode = Literal[tuple(GRONDSLAGEN)]  # type: ignore[valid-type]
Rol = Literal["uwv", "gemeente", "werkgever", "werkzoekende", "onderzoeker"]
Dag = Literal["ma", "di", "wo", "do", "vr", "za", "zo"]
Opleidingsniveau = Literal[
    "geen", "basisonderwijs", "vso", "pro", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo", "wo"
]


class Streng(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BsnVerzoek(Streng):
    bsn: Bsn


class Werkgeverscheckverzoek(Streng):
    bsn: Bsn
    peildatum: dt.date | None = Field(None, description="standaard: vandaag (UTC)")


class NieuweRegistratie(Streng):
    bsn: Bsn
    grondslag: GrondslagCode  # type: ignore[valid-type]
    begindatum: dt.date
    einddatum: dt.date | None = None
    gemeentecode: Gemeentecode
    bron: Tekst(60, 1)  # type: ignore[valid-type]
    besluitreferentie: Tekst(100) | None = None  # type: ignore[valid-type]
    reden: Tekst(400, 1)  # type: ignore[valid-type]
    feiten: dict[Tekst(80), bool | None] | None = Field(  # type: ignore[valid-type]
        None,
        max_length=40,
        description="feiten van art. 38b Wfsv (zie `banenafspraak regels schema doelgroep`); indien gegeven "
        "moeten de doelgroepregels de grondslag bevestigen op de begindatum",
    )


class Beeindiging(Streng):
    einddatum: dt.date
    versie: Versie = Field(description="de versie van de registratie die u zag")
    reden: Tekst(400, 1)  # type: ignore[valid-type]


class Werkervaring(Streng):
    beroep: Tekst(120, 1) = Field(description="ESCO-beroep: URI of code")  # type: ignore[valid-type]
    jaren: int = Field(ge=0, le=60)


class ProfielGegevens(Streng):
    opleidingsniveau: Opleidingsniveau | None = None
    werkervaring: list[Werkervaring] = Field(default_factory=list, max_length=30)
    vaardigheden: list[Tekst(120)] = Field(default_factory=list, max_length=100)  # type: ignore[valid-type]
    beroepen: list[Tekst(120)] = Field(default_factory=list, max_length=30)  # type: ignore[valid-type]
    kan: list[Tekst(200)] = Field(default_factory=list, max_length=50)  # type: ignore[valid-type]
    kan_niet: list[Tekst(200)] = Field(default_factory=list, max_length=50)  # type: ignore[valid-type]
    ondersteuning: list[Tekst(200)] = Field(default_factory=list, max_length=30)  # type: ignore[valid-type]
    uren_per_week: int | None = Field(None, ge=0, le=40)
    dagen: list[Dag] = Field(default_factory=list, max_length=7)
    reisafstand_km: int | None = Field(None, ge=0, le=300)
    wensen: Tekst(2000) | None = None  # type: ignore[valid-type]


class ProfielWijziging(Streng):
    versie: Versie = Field(description="de versie die u bewerkte (0: er was nog geen profiel)")
    reden: Tekst(400, 1)  # type: ignore[valid-type]
    gegevens: ProfielGegevens


class NieuweToestemming(Streng):
    doel: Literal["tonen_aan_werkgevers", "matching"]
    gegeven: bool
    geldig_van: dt.date
    geldig_tot: dt.date | None = None


class NieuwVerwijderverzoek(Streng):
    toelichting: Tekst(1000) = ""  # type: ignore[valid-type]


class NieuwDienstverband(Streng):
    bsn: Bsn
    loonheffingennummer: Loonheffingennummer
    begindatum: dt.date
    einddatum: dt.date | None = None
    personeelsnummer: Tekst(40) | None = None  # type: ignore[valid-type]


class DevLogin(Streng):
    account: Tekst(100, 1)  # type: ignore[valid-type]
    rol: Rol
    organisatie: Tekst(64) | None = None  # type: ignore[valid-type]
    bsn: Bsn | None = None


# --- responses -------------------------------------------------------------------------------------------


class Token(BaseModel):
    access_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int


class Mij(BaseModel):
    account: str
    rol: Rol
    organisatie: str | None
    persoon_id: str | None
    geregistreerd: bool | None


class Registratie(BaseModel):
    id: int
    persoon_id: str
    grondslag: str
    artikel: str
    begindatum: dt.date
    einddatum: dt.date | None
    gemeentecode: str
    bron: str
    besluitreferentie: str | None
    versie: int
    gewijzigd_op: dt.datetime
    gewijzigd_door: str
    reden: str


class Registratieversie(BaseModel):
    versie: int
    einddatum: dt.date | None
    gemeentecode: str
    bron: str
    besluitreferentie: str | None
    gewijzigd_op: dt.datetime
    gewijzigd_door: str
    reden: str


class Profiel(BaseModel):
    versie: int
    gegevens: dict[str, Any] | None
    gewijzigd_op: dt.datetime | None = None
    gewijzigd_door: str | None = None
    reden: str | None = None


class Toestemming(BaseModel):
    doel: str
    gegeven: bool
    geldig_van: dt.date
    geldig_tot: dt.date | None
    vastgelegd_op: dt.datetime


class Toestemmingen(BaseModel):
    huidig: list[Toestemming]
    geschiedenis: list[Toestemming]


class Verwijderverzoek(BaseModel):
    ingediend_op: dt.datetime
    toelichting: str
    status: str = "ontvangen"


class Dossier(BaseModel):
    persoon_id: str
    registraties: list[Registratie]
    profiel: Profiel | None
    toestemmingen: list[Toestemming]
    verwijderverzoeken: list[Verwijderverzoek]


class Gevonden(BaseModel):
    persoon_id: str


class Periode(BaseModel):
    van: dt.date
    tot: dt.date | None = Field(description="leeg: loopt nog")


class Werkgeverscheck(BaseModel):
    peildatum: dt.date
    geregistreerd: bool
    perioden: list[Periode] = Field(description="in dit en het vorige kalenderjaar")
    grondslag_wet: str


class Werknemer(BaseModel):
    persoon_id: str
    personeelsnummer: str | None
    dienstverband_begindatum: dt.date
    dienstverband_einddatum: dt.date | None


class InwonerRegistratie(BaseModel):
    id: int
    grondslag: str
    begindatum: dt.date
    einddatum: dt.date | None
    versie: int


class Inwoner(BaseModel):
    persoon_id: str
    registraties: list[InwonerRegistratie]


class Inwoners(BaseModel):
    totaal: int
    offset: int
    limit: int
    inwoners: list[Inwoner]


class Aggregaat(BaseModel):
    groep: str
    aantal: int | None = Field(description="leeg als onderdrukt (minder dan 10 personen)")
    onderdrukt: bool


class Logboekregel(BaseModel):
    tijdstip: dt.datetime
    verwerkingsactiviteit: str
    handeling: str
    trace_id: str
