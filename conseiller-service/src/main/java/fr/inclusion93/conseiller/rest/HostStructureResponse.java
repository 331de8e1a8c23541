package fr.inclusion93.conseiller.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A structure that can host conseiller posts, as this service knows it from structure.events")
public record HostStructureResponse(
        @Schema(examples = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10") UUID id,
        @Schema(examples = "Médiathèque John Lennon") String name,
        @Schema(examples = "21930027400012") String siret,
        @Schema(examples = "93027") String communeInsee,
        @Schema(description = "False once the structure is closed") boolean active,
        @Schema(description = "When this service applied the latest event about the structure") Instant projectedAt) {
}
