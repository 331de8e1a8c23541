package fr.inclusion93.funding.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Committed against paid per period, per line and sub-line, with the totals of the top-level lines")
public record ExecutionReport(
        @Schema(description = "Version of the columns", examples = "1") int version,
        @Schema(examples = "quarter", enumeration = {"month", "quarter", "year"}) String period,
        @Schema(examples = "2021-01-01") LocalDate from,
        @Schema(description = "Excluded", examples = "2022-01-01") LocalDate to,
        @Schema(description = "By period, top-level lines before their sub-lines") List<ExecutionRow> rows,
        @Schema(description = "Per period, the top-level lines' sums (sub-lines are inside their parents' amounts)")
        List<PeriodTotal> totals) {

    @Schema(name = "ExecutionPeriodTotal")
    public record PeriodTotal(
            @Schema(examples = "2021-Q1") String period,
            @Schema(examples = "2021-01-01") LocalDate periodStart,
            @Schema(examples = "40000000") long committedCents,
            @Schema(examples = "10000000") long paidCents) {
    }
}
