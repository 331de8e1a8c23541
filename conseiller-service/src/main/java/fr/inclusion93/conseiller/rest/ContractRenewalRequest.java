package fr.inclusion93.conseiller.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContractRenewal", description = "A running contract renewed: its new planned end, later than the current one. "
        + "The State-funded months do not change: the agreement funds them once")
public record ContractRenewalRequest(@NotNull @Schema(example = "2024-03-01") LocalDate plannedEndOn) {
}
