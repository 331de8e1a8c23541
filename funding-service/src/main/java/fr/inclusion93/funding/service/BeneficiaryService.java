package fr.inclusion93.funding.service;

import fr.inclusion93.funding.rest.BeneficiaryResponse;
import fr.inclusion93.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class BeneficiaryService {

    public BeneficiaryResponse get(UUID id) {
        return Beneficiary.<Beneficiary>findByIdOptional(id)
                .map(BeneficiaryService::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Beneficiary", id));
    }

    private static BeneficiaryResponse toResponse(Beneficiary b) {
        return new BeneficiaryResponse(b.id, b.name, b.siret, b.rna, b.parentId, b.legalKind, b.type, b.communeInsee,
                b.postalCode, b.eptSiren, b.eptName, b.qpv, b.qpvCode, b.status.name(), b.closedOn, b.closeReason,
                b.projectedAt);
    }
}
