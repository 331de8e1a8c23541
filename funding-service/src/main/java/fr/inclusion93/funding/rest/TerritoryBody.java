package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.TerritoryLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where money applies: a commune (INSEE code), an EPT (SIREN) or a département (code). A partner "
        + "writes only where its territory (EPT or département) includes it")
public record TerritoryBody(
        @Schema(examples = "COMMUNE") @NotNull TerritoryLevel level,
        @Schema(description = "INSEE code of a known commune, SIREN of a known EPT, or a département code", examples = "93027")
        @NotBlank @Pattern(regexp = "^[0-9A-Z]{2,9}$", message = "must be an INSEE code, an EPT SIREN or a département code") String code) {
}
