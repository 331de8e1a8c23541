package fr.inclusion93.conseiller.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PostRequest", description = "A post to open under an agreement, in a host structure")
public record PostRequest(
        @NotNull @Schema(example = "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b") UUID agreementId,
        @NotNull @Schema(description = "An active host structure of the agreement's département (known from structure-service's events)",
                example = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10") UUID structureId,
        @NotNull @Schema(example = "2021-02-01") LocalDate openedOn) {
}
