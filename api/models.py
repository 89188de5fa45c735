"""Response models: what each REST endpoint returns, as documented in the OpenAPI schema."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    status: int
    message: str
    hint: str | None = None
    problems: list[dict[str, str]] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Ref(BaseModel):
    """A thing in the graph: its IRI, its key in this API, and a label."""

    iri: str
    id: str | None = Field(None, description="the key in /{kind}/{id}, when it has one")
    label: str | None = None


class Source(BaseModel):
    """Where a fact was stated: the document and the place in it."""

    document: str | None = None
    title: str | None = None
    location: str | None = None


class Post(BaseModel):
    """A membership: a person in a role in an organisation (post, team place or commission)."""

    iri: str
    person: Ref
    role: Ref | None = None
    post: str | None = Field(default=None, description="the post as the source words it")
    area: Ref | None = Field(default=None, description="policy area of a commission")
    organisation: Ref
    start: str | None = Field(
        default=None, description="cg:startDate as stated (day, month or year)"
    )
    end: str | None = Field(default=None, description="cg:endDate as stated (day, month or year)")
    since: str | None = Field(default=None, description="first day known to hold (cg:heldFrom)")
    until: str | None = Field(default=None, description="last day known to hold (cg:heldUntil)")
    not_before: str | None = Field(
        default=None, description="no start known: not before this day (cg:notBefore)"
    )
    basis: str | None = Field(
        default=None, description="of the end: stated or inferred (cg:endBasis)"
    )
    ended_by: str | None = Field(default=None, description="what an inferred end rests on")
    first_stated: str | None = Field(
        default=None, description="earliest date a source states the post"
    )
    last_stated: str | None = Field(
        default=None, description="latest date a source states the post"
    )
    interim: bool = False
    acting: bool = False
    former: bool = False
    kind: str | None = Field(
        default=None, description="post, commission, team-seat, partnership-seat or former-post"
    )
    stale: bool | None = Field(
        default=None, description="/leads: not current on the date (listed with include_stale)"
    )
    source: Source


class Page(BaseModel):
    """One page of a list: `next` is the URL of the page after it (null on the last);
    `format=csv` gives the whole list instead."""

    total: int = Field(description="items in the whole list")
    limit: int
    offset: int
    next: str | None = None


class Leads(Page):
    on: str = Field(description="the date the posts are current on")
    window_years: int = Field(
        description="a post with no known end counts while stated within this many years"
    )
    include_stale: bool = Field(description="whether posts not current on the date are listed")
    count: int = Field(description="items on this page")
    items: list[Post]


class CouncilSummary(BaseModel):
    iri: str
    id: str | None
    name: str
    region: str | None = None
    authority_type: str | None = None


class Councils(Page):
    items: list[CouncilSummary]


class Challenge(BaseModel):
    iri: str
    id: str | None
    label: str | None = None
    council: Ref | None = None
    type: Ref | None = None
    start: str | None = None
    end: str | None = None
    follow_up_due_by: str | None = None
    follow_up_of: str | None = None
    team: Ref | None = None
    source: Source


class Statement(BaseModel):
    """One property value with the named graph (source) that states it."""

    property: str
    value: str
    graph: str


class Entity(BaseModel):
    iri: str
    id: str | None
    label: str | None = None
    types: list[str]
    statements: list[Statement]


class CouncilDetail(Entity):
    gss: str
    challenges: list[Challenge]
    posts: list[Post]
    partnerships: list[Ref]


class PersonDetail(Entity):
    posts: list[Post]


class OrganisationDetail(Entity):
    posts: list[Post]
    partnerships: list[Ref]


class ChallengeDetail(Challenge):
    scope: list[str]
    team_members: list[Post]
    recommendations: list[Ref]


class Partnership(BaseModel):
    iri: str
    id: str | None
    label: str | None = None
    members: list[Ref]
    relies_on_individual_relationships: bool | None = None
    source: Source


class People(Page):
    items: list[Ref]


class Challenges(Page):
    items: list[Challenge]


class Partnerships(Page):
    items: list[Partnership]


class DocumentDetail(Entity):
    title: str | None = None
    date: str | None = None
    statements_in_graph: int = Field(description="triples in the document's named graph")


class Recommendation(BaseModel):
    iri: str
    id: str | None
    number: str | None = None
    text: str
    key: bool | None = None
    themes: list[Ref]
    challenge: Ref | None = None
    council: Ref | None = None
    source: Source


class Recommendations(Page):
    items: list[Recommendation]


class SearchHit(BaseModel):
    iri: str
    id: str | None
    kind: str
    label: str
    matched: str = Field(description="the name or alias that matched")


class SearchResults(Page):
    q: str
    count: int = Field(description="items on this page")
    items: list[SearchHit]


class GraphCount(BaseModel):
    graph: str
    triples: int


class Stats(BaseModel):
    triples: int
    graphs: list[GraphCount]
    things: dict[str, int]
    build: dict[str, object]


class Health(BaseModel):
    status: str
    build: str
    engine: str = Field(description="memory, disk, remote, or disk (copying to memory)")
