package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Contract;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Training", description = "Where the holder's training stands: NOT_STARTED → IN_PROGRESS → COMPLETED, forward only")
public record TrainingRequest(@NotNull @Schema(example = "COMPLETED") Contract.TrainingStatus status) {
}
