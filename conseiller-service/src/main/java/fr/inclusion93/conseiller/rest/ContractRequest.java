package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Contract;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContractRequest", description = "The contract of a RECRUITING post's new holder")
public record ContractRequest(@NotNull @Schema(example = "7b2d4f6a-8c0e-4a1b-9d3f-5e7a9c1b3d5f") UUID conseillerId,
        @NotNull @Schema(example = "CDD") Contract.Type type,
        @NotNull @Schema(example = "2021-03-01") LocalDate startOn,
        @NotNull @Schema(description = "24 or 36 months after startOn", example = "2023-03-01") LocalDate plannedEndOn,
        @Min(1) @Max(120) @Schema(description = "Months the State funds; the agreement's when absent, never more", example = "24")
        Integer stateFundedMonths,
        @NotNull @Schema(example = "HYBRID") Contract.TrainingMode trainingMode) {
}
