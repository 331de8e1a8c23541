package fr.inclusion93.funding.rest;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What one line (or one forecast of it) adds to a breakdown group")
public record BreakdownLine(
        @Schema(examples = "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9") UUID lineId,
        @Schema(nullable = true, description = "Its parent, for a sub-line") UUID parentId,
        @Schema(description = "LINE (a top-level line: what its sub-lines leave of its amount, and its payments), "
                + "SUB_LINE (its amount) or FORECAST", examples = "LINE") String kind,
        @Schema(nullable = true, examples = "2021") Integer year,
        @Schema(examples = "40000000") long committedCents,
        @Schema(examples = "10000000") long paidCents,
        @Schema(examples = "0") long forecastCents,
        @Schema(examples = "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9") String line,
        @Schema(examples = "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/payments") String payments) {
}
