package fr.inclusion93.funding.rest;

import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Commits a DRAFT line; the body is optional")
public record CommitRequest(
        @Schema(nullable = true, description = "The amount, for a draft created without one; if the line has one, "
                + "the same or nothing", examples = "46888000") @Positive Long amountCents) {
}
