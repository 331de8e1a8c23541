package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.rest.HostStructureResponse;
import fr.inclusion93.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class HostStructureService {

    public HostStructureResponse get(UUID id) {
        return HostStructure.<HostStructure>findByIdOptional(id)
                .map(s -> new HostStructureResponse(s.id, s.name, s.siret, s.communeInsee, s.active, s.projectedAt))
                .orElseThrow(() -> ProblemException.notFound("Host structure", id));
    }
}
