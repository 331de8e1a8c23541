package fr.inclusion93.funding.service;

import fr.inclusion93.funding.rest.BeneficiaryResponse;
import fr.inclusion93.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryService {

    public BeneficiaryResponse get(UUID id) {
        return Beneficiary.<Beneficiary>findByIdOptional(id)
                .map(b -> new BeneficiaryResponse(b.id, b.name, b.siret, b.communeInsee, b.projectedAt))
                .orElseThrow(() -> ProblemException.notFound("Beneficiary", id));
    }
}
