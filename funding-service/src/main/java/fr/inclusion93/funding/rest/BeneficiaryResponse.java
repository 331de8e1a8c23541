package fr.inclusion93.funding.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A structure that can receive funding lines, as funding-service knows it from structure.events")
public record BeneficiaryResponse(
        @Schema(examples = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10") UUID id,
        @Schema(examples = "Médiathèque John Lennon") String name,
        @Schema(examples = "21930027400012") String siret,
        @Schema(examples = "93027") String communeInsee,
        @Schema(description = "When funding-service applied the latest event about the structure") Instant projectedAt) {
}
