package fr.inclusion93.conseiller.event;

import fr.inclusion93.events.EventKind;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of every structure event from {@code StructureRegistered} v2 on: the structure after the
 * change (schemas: event-plumbing's event-schemas). Absent properties are null: unknown or not applicable.
 */
public record StructureChanged(
        UUID structureId,
        String name,
        String siret,
        String rna,
        UUID parentId,
        String legalKind,
        String type,
        String communeInsee,
        String postalCode,
        String eptSiren,
        String eptName,
        boolean qpv,
        String qpvCode,
        String status,
        LocalDate closedOn,
        String closeReason) {

    /** StructureRegistered is read in v2 only: its v1 copy, published beside v2 for structures with a SIRET, is skipped. */
    public static final EventKind<StructureChanged> REGISTERED = kind("StructureRegistered", 2);
    public static final EventKind<StructureChanged> UPDATED = kind("StructureUpdated", 1);
    public static final EventKind<StructureChanged> CLOSED = kind("StructureClosed", 1);
    public static final EventKind<StructureChanged> REOPENED = kind("StructureReopened", 1);

    /** The event types and versions that carry this payload. */
    public static final List<EventKind<StructureChanged>> KINDS = List.of(REGISTERED, UPDATED, CLOSED, REOPENED);

    private static EventKind<StructureChanged> kind(String eventType, int schemaVersion) {
        return new EventKind<>(eventType, schemaVersion, StructureChanged.class);
    }
}
