package fr.inclusion93.funding.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The money of a programme for a year and a territory")
public record EnvelopeRequest(
        @Schema(description = Keys.DESCRIPTION, examples = "dsil-2020-93")
        @Size(max = 100) @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) String key,
        @Schema(description = "An existing programme", examples = "9a0e6a52-3f0d-4d9b-8c1e-5f2a7b3c4d5e") @NotNull UUID programmeId,
        @Schema(nullable = true, description = "Null when not stated", examples = "2020") @Min(2000) @Max(2100) Integer year,
        @Schema(description = "Where the envelope applies") @NotNull @Valid TerritoryBody territory,
        @Schema(nullable = true, description = "The ceiling in euro cents; null when not stated (nothing is then checked "
                + "against it)", examples = "100000000") @PositiveOrZero Long ceilingCents,
        @Schema(nullable = true, description = "The agreement (conseiller-service id) whose posts this envelope funds: "
                + "each post opened under it reserves its programme's amountPerPostCents here. One envelope per agreement",
                examples = "5f0c9a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b") UUID agreementId) {
}
