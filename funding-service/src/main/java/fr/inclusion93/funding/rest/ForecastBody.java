package fr.inclusion93.funding.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A later year's amount of a multi-year line: a forecast, never counted as committed")
public record ForecastBody(
        @Schema(description = "After the line's year", examples = "2022") @NotNull @Min(2000) @Max(2100) Integer year,
        @Schema(examples = "2500000") @NotNull @Positive Long amountCents) {
}
