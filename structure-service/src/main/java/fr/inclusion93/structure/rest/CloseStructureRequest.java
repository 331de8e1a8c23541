package fr.inclusion93.structure.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "When and why a structure closed")
public record CloseStructureRequest(
        @Schema(description = "The day it closed (today or before)", examples = "2021-06-30")
        @NotNull
        LocalDate closedOn,
        @Schema(description = "Why it closed", examples = "Fusion avec la médiathèque Aimé Césaire", maxLength = 500)
        @NotBlank @Size(max = 500) @Pattern(regexp = StructureRequest.NO_CONTROL, message = StructureRequest.NO_CONTROL_MESSAGE)
        String reason) {
}
