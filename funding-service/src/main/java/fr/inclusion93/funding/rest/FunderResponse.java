package fr.inclusion93.funding.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A funder (attribuant)")
public record FunderResponse(
        @Schema(examples = "4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60") UUID id,
        @Schema(nullable = true, examples = "etat-seine-saint-denis") String key,
        @Schema(examples = "État - Préfecture de la Seine-Saint-Denis") String name,
        @Schema(nullable = true, examples = "13000432300011") String siret,
        @Schema(examples = "2021-01-15T09:30:00Z") Instant createdAt) {
}
