package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.LineOutput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a line is meant to produce")
public record OutputBody(
        @Schema(description = "The noun counted", examples = "ordinateurs") @NotBlank @Size(max = 100) String unit,
        @Schema(nullable = true, examples = "Reconditioned computers lent to young people in Garantie Jeunes")
        @Size(max = 500) String description,
        @Schema(examples = "1500") @NotNull @Positive Long target,
        @Schema(nullable = true, description = "Null: as stated; UP_TO a maximum (\"jusqu'à\"), AT_LEAST a minimum, ABOUT an approximation",
                examples = "UP_TO") LineOutput.Qualifier targetQualifier) {
}
