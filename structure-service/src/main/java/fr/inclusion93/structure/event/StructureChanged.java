package fr.inclusion93.structure.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload of every structure event from {@code StructureRegistered} v2 on ({@code StructureUpdated},
 * {@code StructureClosed}, {@code StructureReopened} v1): the structure after the change, as consumers need it.
 * Absent properties are unknown or not applicable; schemas in event-plumbing's event-schemas.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
}
