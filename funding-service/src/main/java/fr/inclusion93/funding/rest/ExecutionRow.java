package fr.inclusion93.funding.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One line's (or sub-line's) execution in one period. Amounts in integer cents")
public record ExecutionRow(
        @Schema(examples = "2021-Q1") String period,
        @Schema(description = "The period's first day", examples = "2021-01-01") LocalDate periodStart,
        @Schema(examples = "e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9") UUID lineId,
        @Schema(nullable = true, description = "Its parent, for a sub-line") UUID parentId,
        @Schema(description = "Committed in the period: the line's amount when its commitment date falls in it",
                examples = "40000000") long committedCents,
        @Schema(examples = "400000.00") String committed,
        @Schema(description = "Paid in the period: its tranches less its credit notes", examples = "10000000") long paidCents,
        @Schema(examples = "100000.00") String paid,
        @Schema(description = "Committed up to the period's end", examples = "40000000") long cumulativeCommittedCents,
        @Schema(description = "Paid up to the period's end", examples = "10000000") long cumulativePaidCents,
        @Schema(examples = "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9") String line,
        @Schema(examples = "/api/funding/lines/e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9/payments") String payments) {
}
