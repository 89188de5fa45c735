"""Entity resolution: councils by GSS code whatever the spelling; unknown councils refused."""

from __future__ import annotations

import pytest

from councilgraph.errors import ResolutionError
from graph.resolve import Resolver, council_core, normalise
from loaders.records import Alias, Authority, OrgRef, PersonRef, Provenance

P = Provenance("test-doc", "line 3", line=3)


def _resolver() -> Resolver:
    resolver = Resolver()
    for gss, name, short, aliases, _end in [
        ("E09000022", "London Borough of Lambeth", "Lambeth", ("LB Lambeth",), None),
        (
            "E09000027",
            "London Borough of Richmond upon Thames",
            "Richmond upon Thames",
            ("LB Richmond",),
            None,
        ),
        ("E08000003", "Manchester City Council", "Manchester", (), None),
        ("E06000034", "Thurrock Council", "Thurrock", (), None),
        ("E07000166", "Richmondshire District Council", "Richmondshire", (), None),
    ]:
        resolver.add_authority(
            Authority(
                gss, name, "london-borough", Provenance("register-la", "row 2"), short, aliases
            )
        )
    return resolver


@pytest.mark.parametrize(
    ("name", "gss"),
    [
        ("LB Lambeth", "E09000022"),
        ("London Borough of Lambeth", "E09000022"),
        ("Lambeth Council", "E09000022"),
        ("Lambeth London Borough Council", "E09000022"),
        ("the London Borough of Lambeth", "E09000022"),
        ("LB Richmond", "E09000027"),
        ("Manchester City Council", "E08000003"),
        ("Manchester", "E08000003"),
        ("Thurrock council", "E06000034"),
        ("Richmondshire", "E07000166"),
    ],
)
def test_council_spellings_resolve_to_one_code(name: str, gss: str) -> None:
    assert _resolver().council(OrgRef(name, "council"), P) == gss


def test_unknown_council_names_the_document_and_place() -> None:
    with pytest.raises(ResolutionError) as caught:
        _resolver().council(OrgRef("Borsetshire County Council", "council"), P)
    message = str(caught.value)
    assert "test-doc" in message and "line 3" in message and "Borsetshire" in message


def test_council_shaped_organisation_is_treated_as_council() -> None:
    assert _resolver().organisation(OrgRef("LB Lambeth"), P) == ("council", "E09000022")


def test_organisation_aliases_share_one_key_and_prefer_the_full_name() -> None:
    resolver = _resolver()
    resolver.add_alias(Alias("LGA", "Local Government Association", "organisation", P))
    first = resolver.organisation(OrgRef("LGA"), P)
    second = resolver.organisation(OrgRef("Local Government Association"), P)
    assert first == second == ("organisation", "local-government-association")
    assert resolver.canonical_org_name(first[1]) == "Local Government Association"


def test_apostrophes_and_ampersands_do_not_split_organisations() -> None:
    assert normalise("Chief Executives' London Committee") == normalise(
        "Chief Executives London Committee"
    )
    assert council_core("Redcar & Cleveland Borough Council") == "redcar and cleveland"


def test_people_resolve_by_name_without_honorific() -> None:
    resolver = _resolver()
    assert (
        resolver.person(PersonRef("Lib Peck", "Cllr"))
        == resolver.person(PersonRef("Lib Peck"))
        == "lib-peck"
    )


def test_council_alias_to_unknown_council_is_refused() -> None:
    with pytest.raises(ResolutionError):
        _resolver().add_alias(Alias("XYZ", "Nowhere Council", "council", P))
