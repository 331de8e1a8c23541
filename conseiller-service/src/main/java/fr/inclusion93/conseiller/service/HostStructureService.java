package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.rest.HostStructureResponse;
import fr.inclusion93.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class HostStructureService {

    public HostStructureResponse get(UUID id) {
        return HostStructure.<HostStructure>findByIdOptional(id)
                .map(HostStructureService::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Host structure", id));
    }

    private static HostStructureResponse toResponse(HostStructure s) {
        return new HostStructureResponse(s.id, s.name, s.siret, s.rna, s.parentId, s.legalKind, s.type, s.communeInsee,
                s.postalCode, s.eptSiren, s.eptName, s.qpv, s.qpvCode, s.status.name(), s.closedOn, s.closeReason,
                s.projectedAt);
    }
}
