package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Contract;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ContractEnd", description = "The end of a running contract: TERM on or after its planned end, else why it was broken")
public record ContractEndRequest(@NotNull @Schema(example = "2022-06-30") LocalDate on,
        @NotNull @Schema(example = "DEMISSION") Contract.EndReason reason) {
}
