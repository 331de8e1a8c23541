package fr.inclusion93.structure.service;

import java.time.Instant;
import java.util.UUID;

/** A structure as its audit trail records it: the stored fields, nothing derived. */
record StructureState(UUID id, String name, String siret, String communeInsee, Structure.Status status,
        Instant registeredAt, Instant updatedAt) {

    static StructureState of(Structure structure) {
        return new StructureState(structure.id, structure.name, structure.siret, structure.communeInsee,
                structure.status, structure.registeredAt, structure.updatedAt);
    }
}
