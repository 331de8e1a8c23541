package fr.inclusion93.structure.event;

import java.util.UUID;

/** Payload of {@code StructureRegistered} v1 on {@code structure.events}; schema in event-plumbing's event-schemas. */
public record StructureRegistered(UUID structureId, String name, String siret, String communeInsee) {

    public static final String TOPIC = "structure.events";
    public static final String AGGREGATE_TYPE = "structure";
    public static final String TYPE = "StructureRegistered";
    public static final int VERSION = 1;
}
