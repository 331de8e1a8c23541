package fr.inclusion93.structure.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A host structure to register")
public record RegisterStructureRequest(
        @Schema(description = "Name of the structure", examples = "Médiathèque John Lennon", maxLength = 200)
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters")
        String name,
        @Schema(description = "SIRET of the establishment (14 digits, Luhn checksum)", examples = "21930027400012")
        @NotNull @ValidSiret
        String siret,
        @Schema(description = "INSEE (COG) code of its commune in Seine-Saint-Denis", examples = "93027")
        @NotNull @KnownCommune
        String communeInsee) {
}
