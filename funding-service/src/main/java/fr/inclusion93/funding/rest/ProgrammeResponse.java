package fr.inclusion93.funding.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A programme (dispositif)")
public record ProgrammeResponse(
        @Schema(examples = "9a0e6a52-3f0d-4d9b-8c1e-5f2a7b3c4d5e") UUID id,
        @Schema(nullable = true, examples = "quartiers-solidaires-2020") String key,
        @Schema(examples = "Quartiers Solidaires") String name,
        @Schema(examples = "4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60") UUID funderId,
        @Schema(nullable = true, examples = "fonds QPV 2020") String fund,
        @Schema(nullable = true, examples = "5000000") Long amountPerPostCents,
        @Schema(nullable = true, description = "amountPerPostCents in euros", examples = "50000.00") String amountPerPost,
        @Schema(nullable = true, examples = "24") Integer fundedMonths,
        @Schema(examples = "2021-01-15T09:30:00Z") Instant createdAt) {
}
