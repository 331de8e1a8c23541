package fr.inclusion93.structure.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A registered host structure")
public record StructureResponse(
        @Schema(examples = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10") UUID id,
        @Schema(examples = "Médiathèque John Lennon") String name,
        @Schema(examples = "21930027400012") String siret,
        @Schema(examples = "93027") String communeInsee,
        @Schema(examples = "La Courneuve") String communeName,
        @Schema(description = "EPT of the commune", examples = "Plaine Commune") String ept,
        @Schema(examples = "ACTIVE", enumeration = {"ACTIVE", "CLOSED"}) String status,
        Instant registeredAt) {
}
