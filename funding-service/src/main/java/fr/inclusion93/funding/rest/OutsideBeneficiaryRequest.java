package fr.inclusion93.funding.rest;

import fr.inclusion93.writes.identifiers.ValidSiret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An outside organisation that receives funding without being a host structure (Emmaüs Connect, "
        + "Hub Francil'in, a commune). SIRET and RNA are optional: the press release names organisations without either")
public record OutsideBeneficiaryRequest(
        @Schema(description = Keys.DESCRIPTION, examples = "emmaus-connect")
        @Size(max = 100) @Pattern(regexp = Keys.PATTERN, message = Keys.MESSAGE) String key,
        @Schema(examples = "Emmaüs Connect") @NotBlank @Size(max = 200) String name,
        @Schema(nullable = true, description = "14 digits with a valid checksum; unique among outside organisations",
                examples = "78451236500015") @ValidSiret String siret,
        @Schema(nullable = true, description = "W and 9 digits; unique among outside organisations", examples = "W751212517")
        @Pattern(regexp = "^W[0-9]{9}$", message = "must be W followed by 9 digits") String rna,
        @Schema(nullable = true, description = "e.g. COMMUNE, ASSOCIATION", examples = "ASSOCIATION") @Size(max = 40) String legalKind,
        @Schema(nullable = true, description = "INSEE code of its commune, if known", examples = "93027")
        @Pattern(regexp = "^([013-9][0-9]|2[AB])[0-9]{3}$", message = "must be a 5-character INSEE code") String communeInsee) {
}
