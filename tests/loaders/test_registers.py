"""Registers: good files load into the right records; bad cells name file, row and column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from councilgraph.errors import RegisterError
from councilgraph.settings import Settings
from loaders.records import Alias, Authority, Membership, OrgRef, Partnership, PersonRef
from loaders.registers import commission_end, load_register

DATA = Path(__file__).resolve().parent.parent / "data" / "registers"
BUNDLED = Path(__file__).resolve().parents[2] / "corpus" / "registers"
SETTINGS = Settings()


def load(name: str, folder: Path = DATA) -> list[object]:
    return list(load_register(folder / name, settings=SETTINGS))


def error(name: str) -> RegisterError:
    with pytest.raises(RegisterError) as caught:
        load(name)
    assert caught.value.file == str(DATA / name)
    return caught.value


# ---------------------------------------------------------------- good registers


def test_local_authorities_rows_are_numbered_as_in_a_spreadsheet() -> None:
    records = load("local-authorities-good.csv")
    assert all(isinstance(r, Authority) for r in records)
    islington, manchester, aylesbury, kent = records  # type: ignore[misc]
    assert islington == Authority(
        gss="E09000019",
        name="London Borough of Islington",
        authority_type="london-borough",
        provenance=islington.provenance,
        short_name="Islington",
        aliases=("LB Islington", "Islington Council"),
        region="London",
        end=None,
    )
    assert islington.provenance.document == "register-local-authorities-good"
    assert islington.provenance.location == "row 2"
    # row 3 is blank in the file: Manchester is on spreadsheet row 4
    assert manchester.provenance.location == "row 4"
    assert manchester.aliases == ()
    assert aylesbury.end == date(2020, 3, 31)
    assert kent.authority_type == "county" and kent.provenance.location == "row 6"


def test_lead_chief_executives_give_commission_and_home_post() -> None:
    records = load("lead-chief-executives-2018.csv")
    assert len(records) == 6 and all(isinstance(r, Membership) for r in records)
    lead, home = records[0], records[1]
    assert isinstance(lead, Membership) and isinstance(home, Membership)
    assert lead.person == PersonRef("Jane Example", "Dr")
    assert lead.organisation == OrgRef("London Councils", "organisation")
    assert lead.role == "Lead Chief Executive"
    assert lead.policy_area == "integrated health and care"
    assert lead.commissioned_by == OrgRef("London Councils", "organisation")
    assert lead.accountable_to == OrgRef("Leaders' Committee", "committee")
    assert lead.support_group == "Health and Care Support Group"
    assert (lead.start, lead.end) == (date(2018, 9, 1), date(2019, 8, 31))  # end computed
    assert home.organisation == OrgRef("London Borough of Example", "council")
    assert home.role == "Chief Executive" and (home.start, home.end) == (lead.start, lead.end)
    assert lead.provenance.location == home.provenance.location == "row 2"
    second = records[2]
    assert isinstance(second, Membership)
    assert second.policy_area == "housing and homelessness, including temporary accommodation"
    assert second.person == PersonRef("John Sample", "Sir")  # honorific split from the name
    assert second.end == date(2020, 8, 31)  # given end kept
    assert records[3].organisation == OrgRef("E09000030", "council")  # type: ignore[attr-defined]
    third = records[4]
    assert isinstance(third, Membership)
    assert third.end == date(2019, 8, 31)  # started 1 March: runs to the next 31 August


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2017, 9, 1), date(2018, 8, 31)),
        (date(2017, 10, 15), date(2018, 8, 31)),
        (date(2018, 3, 1), date(2018, 8, 31)),
        (date(2018, 8, 31), date(2018, 8, 31)),
    ],
)
def test_commission_runs_to_the_day_before_the_next_first_of_september(
    start: date, end: date
) -> None:
    assert commission_end(start) == end


def test_partnerships_with_contacts() -> None:
    records = load("partnerships-good.yaml")
    first, jane, john, second = records
    assert isinstance(first, Partnership) and isinstance(second, Partnership)
    assert first.label == "Example data sharing partnership"
    assert first.members == (
        OrgRef("Example Council", "council"),
        OrgRef("Example NHS Trust", "organisation"),
        OrgRef("Example Police", "organisation"),
    )
    assert first.subject == "data sharing" and first.relies_on_individuals is True
    assert first.contacts == (PersonRef("Jane Example", "Dr"), PersonRef("John Sample"))
    assert first.provenance.location == "row 1"
    assert jane == Membership(
        person=PersonRef("Jane Example", "Dr"),
        organisation=OrgRef("Example NHS Trust", "organisation"),
        role="Chief Information Officer",
        provenance=first.provenance,
    )
    assert isinstance(john, Membership)
    assert john.role == "Partnership contact" and john.organisation == OrgRef(
        "Example Council", "council"
    )
    assert second.members[0] == OrgRef("London Borough of Example", "council")
    assert second.relies_on_individuals is None and second.provenance.location == "row 2"


def test_aliases_by_section() -> None:
    records = load("aliases-good.yaml")
    assert [(a.alias, a.canonical, a.kind) for a in records if isinstance(a, Alias)] == [
        ("LBTH", "E09000030", "council"),
        ("Islington", "London Borough of Islington", "council"),
        ("LGA", "Local Government Association", "organisation"),
        ("CELC", "Chief Executives' London Committee", "organisation"),
        ("Cllr J Example", "Jane Example", "person"),
    ]


def test_yaml_kind_key_overrides_the_file_name() -> None:
    (record,) = load("my-names.yaml")
    assert isinstance(record, Alias) and record.alias == "MHCLG"
    assert record.provenance.document == "register-my-names"


# ---------------------------------------------------------------- one error per kind


@pytest.mark.parametrize(
    ("name", "row", "column", "words"),
    [
        ("local-authorities-missing-column.csv", 1, "type", "missing required column"),
        ("local-authorities-empty-cell.csv", 3, "name", "required cell is empty"),
        ("local-authorities-bad-date.csv", 4, "end_date", "bad date '31/03/2019'"),
        ("local-authorities-bad-gss.csv", 2, "gss", "bad GSS code 'E12000007'"),
        ("local-authorities-bad-type.csv", 3, "type", "bad type 'metropolitan'"),
        (
            "local-authorities-duplicate.csv",
            4,
            "gss",
            "duplicate GSS code E09000019 (first in row 2)",
        ),
        ("local-authorities-duplicate-alias.csv", 3, "aliases", "duplicate name 'LB Islington'"),
        ("local-authorities-latin1.csv", 3, None, "not valid UTF-8 (byte 0xe9"),
        ("lead-chief-executives-bad-borough.csv", 2, "borough", "bad GSS code 'E12000007'"),
        ("partnerships-bad-flag.yaml", 2, "relies_on_individuals", "expected true or false"),
        ("partnerships-missing-person.yaml", 1, "contacts[1].person", "required value is missing"),
        ("partnerships-malformed.yaml", 5, None, "malformed YAML (line 5, column"),
        (
            "aliases-duplicate.yaml",
            4,
            None,
            "malformed YAML (line 4, column 3): duplicate key 'LGA'",
        ),
        ("aliases-bad-code.yaml", 2, "councils.GLA", "bad GSS code 'E12000007'"),
    ],
)
def test_bad_register_names_file_row_and_column(
    name: str, row: int, column: str | None, words: str
) -> None:
    problem = error(name)
    assert (problem.row, problem.column) == (row, column)
    assert words in problem.message
    assert str(DATA / name) in str(problem)


def test_unknown_register_kind() -> None:
    with pytest.raises(RegisterError, match="cannot tell the register kind"):
        load("people.csv")


# ---------------------------------------------------------------- the bundled registers


@pytest.fixture(scope="module")
def authorities() -> list[Authority]:
    records = load("local-authorities.csv", folder=BUNDLED)
    assert all(isinstance(r, Authority) for r in records)
    return records  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("gss", "short_name"),
    [
        ("E09000001", "City of London"),
        ("E09000002", "Barking and Dagenham"),
        ("E09000019", "Islington"),
        ("E09000022", "Lambeth"),
        ("E09000027", "Richmond upon Thames"),
        ("E09000028", "Southwark"),
        ("E09000030", "Tower Hamlets"),
        ("E09000032", "Wandsworth"),
        ("E09000033", "Westminster"),
        ("E08000003", "Manchester"),
        ("E08000024", "Sunderland"),
        ("E06000026", "Plymouth"),
        ("E06000034", "Thurrock"),
        ("E10000016", "Kent"),
        ("E07000223", "Adur"),
        ("E06000065", "North Yorkshire"),
    ],
)
def test_bundled_codes_are_right(authorities: list[Authority], gss: str, short_name: str) -> None:
    by_code = {a.gss: a for a in authorities}
    assert by_code[gss].short_name == short_name


def test_bundled_register_is_complete_and_unique(authorities: list[Authority]) -> None:
    current = [a for a in authorities if a.end is None]
    assert len(current) == 317  # 296 districts, unitaries, boroughs + 21 counties in 2024
    assert sum(a.authority_type == "county" for a in current) == 21
    assert sum(a.authority_type == "london-borough" for a in current) == 32
    assert len({a.gss for a in authorities}) == len(authorities)
    names = [n.casefold() for a in authorities for n in (a.name, a.short_name, *a.aliases) if n]
    assert len(names) == len(set(names))
    london = sorted(a.gss for a in authorities if a.gss.startswith("E09"))
    assert london == [f"E09{n:06d}" for n in range(1, 34)]


def test_bundled_london_aliases(authorities: list[Authority]) -> None:
    lambeth = next(a for a in authorities if a.gss == "E09000022")
    assert lambeth.name == "London Borough of Lambeth"
    assert {"LB Lambeth", "Lambeth Council"} <= set(lambeth.aliases)
    greenwich = next(a for a in authorities if a.gss == "E09000011")
    assert greenwich.name == "Royal Borough of Greenwich"


def test_bundled_abolished_authorities_keep_codes_with_end_dates(
    authorities: list[Authority],
) -> None:
    by_code = {a.gss: a for a in authorities}
    assert by_code["E07000004"].short_name == "Aylesbury Vale"
    assert by_code["E07000004"].end == date(2020, 3, 31)
    assert by_code["E10000006"].end == date(2023, 3, 31)  # Cumbria County Council
    assert by_code["E07000154"].end == date(2021, 3, 31)  # Northampton


def test_bundled_other_registers_load() -> None:
    assert load("lead-chief-executives.csv", folder=BUNDLED) == []
    assert load("partnerships.yaml", folder=BUNDLED) == []
    aliases = {a.alias: a for a in load("aliases.yaml", folder=BUNDLED) if isinstance(a, Alias)}
    assert aliases["LBTH"].canonical == "E09000030" and aliases["LBTH"].kind == "council"
    assert aliases["LGA"].canonical == "Local Government Association"
    assert aliases["CELC"].canonical == "Chief Executives' London Committee"
