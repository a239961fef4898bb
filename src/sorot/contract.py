"""Pydantic models of the output contract: ``sorot.document/1`` and ``sorot.claim/1``.

The JSON Schemas in ``../shared/contract`` are the machine form of the contract; these models are the
Python form every stage writes to, so a record that leaves Sorot has been validated once here and
once (in the tests) against the schemas. Fields may be added freely; never rename or remove one.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DOCUMENT_SCHEMA = "sorot.document/1"
CLAIM_SCHEMA = "sorot.claim/1"

EntityType = Literal["PER", "ORG", "GPE", "LOC", "NORP", "EVENT"]
RemovedKind = Literal["boilerplate", "duplicate", "caption", "comment_form", "share", "byline"]
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EventStatus = Literal["asserted", "denied", "planned", "potential", "hypothetical"]
Verdict = Literal["corroborated", "contested", "single-source", "denied", "unverified"]

EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
EVENT_STATUSES: tuple[str, ...] = EventStatus.__args__  # type: ignore[attr-defined]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Source(_Model):
    """Where a document came from: a file path or a URL, and the outlet when known."""

    path: str | None = None
    url: str | None = None
    outlet: str | None = None

    def model_dump_contract(self) -> dict[str, str | None]:
        """Dump without null path/url keys (the schema types them as strings)."""
        out: dict[str, str | None] = {}
        if self.path is not None:
            out["path"] = self.path
        if self.url is not None:
            out["url"] = self.url
        out["outlet"] = self.outlet
        return out


class Removed(_Model):
    """One piece of text that cleaning took out, so nothing disappears silently."""

    kind: RemovedKind
    text: str


class Mention(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(_Model):
    id: str
    name: str
    type: EntityType
    mentions: list[Mention] = Field(default_factory=list)


class Quote(_Model):
    kind: Literal["direct", "indirect"]
    text: str
    start: int | None = None
    end: int | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    via: str | None = None


class Event(_Model):
    type: EventType
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    item: str | None = None
    status: EventStatus = "asserted"
    source: str | None = None
    date: str | None = Field(default=None, pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
    text: str = ""
    start: int | None = None
    end: int | None = None


class Signals(_Model):
    anonymous_sources: int = 0
    duplicate_paragraphs: int = 0
    boilerplate_chars: int = 0
    named_sources: int = 0
    uncorroborated_events: list[int] = Field(default_factory=list)
    contradicted_events: list[int] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class Document(_Model):
    """One analysed article (``sorot.document/1``)."""

    schema_: Literal["sorot.document/1"] = Field(default="sorot.document/1", alias="schema")
    id: str = Field(min_length=1)
    source: Source = Field(default_factory=Source)
    title: str | None = None
    published: str | None = Field(default=None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    language: str = Field(default="id", min_length=2, max_length=3)
    text: str = ""
    removed: list[Removed] = Field(default_factory=list)
    cited_outlets: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    signals: Signals = Field(default_factory=Signals)

    def to_json_dict(self) -> dict:
        """The contract form: ``schema`` key, source without null path/url."""
        data = self.model_dump(by_alias=True, mode="json")
        data["source"] = self.source.model_dump_contract()
        return data


class Stance(_Model):
    doc: str
    source: str | None = None
    status: str
    date: str | None = None
    item: str | None = None


class Claim(_Model):
    """One proposition stated across documents (``sorot.claim/1``)."""

    schema_: Literal["sorot.claim/1"] = Field(default="sorot.claim/1", alias="schema")
    id: str
    type: str
    mode: str | None = None
    actor: str | None = None
    target: str | None = None
    items: list[str] = Field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    support: list[Stance] = Field(default_factory=list)
    deny: list[Stance] = Field(default_factory=list)
    verdict: Verdict
    explanation: str | None = None

    def to_json_dict(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")


class ErrorRecord(_Model):
    """A document that could not be read or analysed: reported, never silently dropped."""

    schema_: Literal["sorot.error/1"] = Field(default="sorot.error/1", alias="schema")
    path: str
    reason: str
    stage: str = "ingest"
