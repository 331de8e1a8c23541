package fr.inclusion93.funding.rest;

import fr.inclusion93.writes.identifiers.ValidSiret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A funder (attribuant)")
public record FunderRequest(
        @Schema(description = Keys.DESCRIPTION, examples = "etat-seine-saint-denis")
        @Size(max = 100) @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) String key,
        @Schema(examples = "État - Préfecture de la Seine-Saint-Denis") @NotBlank @Size(max = 200) String name,
        @Schema(nullable = true, description = "Optional; 14 digits with a valid checksum", examples = "13000432300011")
        @ValidSiret String siret) {
}
