"""The registries (actors, locations, sources, tags) as the model's entities."""

from __future__ import annotations

from ..checks.schemas import SchemaSet
from ..content.loader import ContentFiles
from ..diagnostics import Report
from ..model.briefing import Briefing
from ..model.kinds import REGISTRIES


def resolve_entities(files: ContentFiles, schemas: SchemaSet, report: Report) -> Briefing:
    """The model of every valid registry file, no articles yet."""
    briefing = Briefing()
    for kind in REGISTRIES:
        assert kind.entity is not None
        table = briefing.entities[kind.name]
        for entity in files.entities[kind.name]:
            document = entity.document
            if schemas.is_valid(kind.name, document, report):
                table[entity.id] = kind.entity.from_data(entity.id, document.data, document.origin)
    return briefing
