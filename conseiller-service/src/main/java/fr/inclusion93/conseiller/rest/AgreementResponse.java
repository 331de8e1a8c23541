package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Agreement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agreement", description = "An agreement with how many of its posts, and of each quota, are open (not returned)")
public record AgreementResponse(UUID id, String key, String name, LocalDate signedOn, String departementCode,
        int totalPosts, int stateFundedMonths, long openPosts, List<AgreementRequest.SignatoryBody> signatories,
        List<QuotaUse> quotas) {

    @Schema(name = "QuotaUse")
    public record QuotaUse(Agreement.QuotaLevel level, String code, int posts, long openPosts) {
    }
}
