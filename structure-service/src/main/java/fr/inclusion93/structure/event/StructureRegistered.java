package fr.inclusion93.structure.event;

import java.util.UUID;

/**
 * Payload of {@code StructureRegistered} v1, still published beside v2 for structures that have a SIRET, for
 * consumers that have not moved to v2 (v1 requires a SIRET; see the event-schemas README).
 */
public record StructureRegistered(UUID structureId, String name, String siret, String communeInsee) {

    public static final String TOPIC = StructureEventType.TOPIC;
    public static final String AGGREGATE_TYPE = StructureEventType.AGGREGATE_TYPE;
    public static final String TYPE = StructureEventType.REGISTERED.type();
    public static final int VERSION = 1;
}
