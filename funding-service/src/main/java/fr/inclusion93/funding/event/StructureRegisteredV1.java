package fr.inclusion93.funding.event;

import fr.inclusion93.events.EventKind;
import java.util.UUID;

/** What this service reads of {@code StructureRegistered} v1 (schema: event-plumbing's event-schemas). */
public record StructureRegisteredV1(UUID structureId, String name, String siret, String communeInsee) {

    public static final EventKind<StructureRegisteredV1> KIND =
            new EventKind<>("StructureRegistered", 1, StructureRegisteredV1.class);
}
