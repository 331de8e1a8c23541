package fr.inclusion93.funding.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A programme (dispositif) of a funder")
public record ProgrammeRequest(
        @Schema(description = Keys.DESCRIPTION, examples = "quartiers-solidaires-2020")
        @Size(max = 100) @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) String key,
        @Schema(examples = "Quartiers Solidaires") @NotBlank @Size(max = 200) String name,
        @Schema(description = "An existing funder", examples = "4b1e9f6a-0c59-4a8e-9b7e-1d2c3b4a5f60") @NotNull UUID funderId,
        @Schema(nullable = true, description = "The fund the money comes from, as written", examples = "fonds QPV 2020")
        @Size(max = 300) String fund,
        @Schema(nullable = true, description = "For post subsidies: the amount per post, in euro cents", examples = "5000000")
        @Positive Long amountPerPostCents,
        @Schema(nullable = true, description = "For post subsidies: the months funded per post", examples = "24")
        @Positive Integer fundedMonths) {
}
