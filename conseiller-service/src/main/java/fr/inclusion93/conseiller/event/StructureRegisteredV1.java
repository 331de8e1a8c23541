package fr.inclusion93.conseiller.event;

import java.util.UUID;

/** What this service reads of {@code StructureRegistered} v1 (schema: event-plumbing's event-schemas). */
public record StructureRegisteredV1(UUID structureId, String name, String siret, String communeInsee) {

    public static final String TYPE = "StructureRegistered";
}
