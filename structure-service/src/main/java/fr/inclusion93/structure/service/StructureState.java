package fr.inclusion93.structure.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A structure as its audit trail records it: the stored fields, nothing derived. */
record StructureState(UUID id, String name, String siret, String rna, UUID parentId, Structure.LegalKind legalKind,
        String type, String address, String addressComplement, String postalCode, String communeInsee, String eptSiren,
        boolean qpv, String qpvCode, Double latitude, Double longitude, String openingHours, List<String> services,
        String phone, String email, String website, Map<String, String> mediation, Structure.Status status, LocalDate closedOn, String closeReason,
        long version, Instant registeredAt, Instant updatedAt) {

    static StructureState of(Structure s) {
        return new StructureState(s.id, s.name, s.siret, s.rna, s.parentId, s.legalKind, s.type, s.address,
                s.addressComplement, s.postalCode, s.communeInsee, s.eptSiren, s.qpv, s.qpvCode, s.latitude, s.longitude,
                s.openingHours, List.copyOf(s.services), s.phone, s.email, s.website, new TreeMap<>(s.mediation), s.status, s.closedOn, s.closeReason,
                s.version, s.registeredAt, s.updatedAt);
    }
}
