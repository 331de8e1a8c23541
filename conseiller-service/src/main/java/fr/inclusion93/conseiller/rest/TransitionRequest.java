package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.PostState;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Transition", description = "A move of a post's lifecycle: VACANT → RECRUITING or RETURNED, RECRUITING → VACANT, "
        + "ENDED → VACANT or RETURNED (OCCUPIED and ENDED follow its holder's contract)")
public record TransitionRequest(@NotNull @Schema(example = "RECRUITING") PostState to,
        @NotNull @Schema(description = "The day it happened", example = "2021-02-15") LocalDate on) {
}
