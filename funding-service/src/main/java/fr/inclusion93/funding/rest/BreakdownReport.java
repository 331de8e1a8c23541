package fr.inclusion93.funding.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Committed, paid, remaining and forecast money by programme, envelope, year, beneficiary or territory")
public record BreakdownReport(
        @Schema(description = "Version of the columns", examples = "1") int version,
        @Schema(examples = "commune", enumeration = {"programme", "envelope", "year", "beneficiary", "commune", "ept",
                "departement"}) String by,
        List<BreakdownRow> rows,
        @Schema(description = "The sums over every row; its ceiling is that of every envelope in scope") BreakdownRow totals) {
}
