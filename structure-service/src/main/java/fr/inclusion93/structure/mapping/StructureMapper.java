package fr.inclusion93.structure.mapping;

import fr.inclusion93.structure.reference.Commune;
import fr.inclusion93.structure.reference.Communes;
import fr.inclusion93.structure.rest.StructureResponse;
import fr.inclusion93.structure.service.Structure;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StructureMapper {

    private final Communes communes;

    StructureMapper(Communes communes) {
        this.communes = communes;
    }

    public StructureResponse toResponse(Structure structure) {
        Commune commune = communes.byInseeCode(structure.communeInsee).orElse(null);
        return new StructureResponse(structure.id, structure.name, structure.siret, structure.communeInsee,
                commune == null ? null : commune.name(), commune == null ? null : commune.ept(),
                structure.status.name(), structure.registeredAt);
    }
}
