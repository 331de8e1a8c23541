package fr.inclusion93.structure.mapping;

import fr.inclusion93.structure.event.StructureChanged;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import fr.inclusion93.structure.rest.StructureRequest;
import fr.inclusion93.structure.rest.StructureResponse;
import fr.inclusion93.structure.service.Structure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class StructureMapper {

    private final Communes communes;

    StructureMapper(Communes communes) {
        this.communes = communes;
    }

    public StructureResponse toResponse(Structure s) {
        Optional<Commune> commune = communes.byInseeCode(s.communeInsee);
        return new StructureResponse(s.id, s.name, s.siret, s.rna, s.parentId, name(s.legalKind), s.type, s.address,
                s.addressComplement, s.postalCode, s.communeInsee, commune.map(Commune::name).orElse(null),
                commune.map(Commune::ept).orElse(null), s.eptSiren, s.qpv, s.qpvCode, s.latitude, s.longitude,
                s.openingHours, s.services, s.phone, s.email, s.website, s.status.name(), s.closedOn, s.closeReason,
                s.version, s.registeredAt, s.updatedAt);
    }

    /** The structure as a full replacement would write it: what a partial update (merge patch) starts from. */
    public StructureRequest toRequest(Structure s) {
        return new StructureRequest(s.name, s.siret, s.rna, s.parentId, s.legalKind, s.type, s.address,
                s.addressComplement, s.postalCode, s.communeInsee, s.qpv, s.qpvCode, s.latitude, s.longitude,
                s.openingHours, s.services, s.phone, s.email, s.website);
    }

    public StructureChanged toEvent(Structure s) {
        Optional<Commune> commune = communes.byInseeCode(s.communeInsee);
        return new StructureChanged(s.id, s.name, s.siret, s.rna, s.parentId, name(s.legalKind), s.type, s.communeInsee,
                s.postalCode, s.eptSiren, commune.map(Commune::ept).orElse(null), s.qpv, s.qpvCode, s.status.name(),
                s.closedOn, s.closeReason);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
