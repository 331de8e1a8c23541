package fr.inclusion93.structure.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A type of structure")
public record StructureTypeRequest(
        @Schema(examples = "Fab lab", maxLength = 120)
        @NotBlank @Size(max = 120) @Pattern(regexp = StructureRequest.NO_CONTROL, message = StructureRequest.NO_CONTROL_MESSAGE)
        String label) {
}
