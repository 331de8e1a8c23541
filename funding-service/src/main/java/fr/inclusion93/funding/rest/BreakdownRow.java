package fr.inclusion93.funding.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One group of the breakdown, or the totals. Amounts in integer cents, with euros beside them")
public record BreakdownRow(
        @Schema(description = "The group: a programme, envelope or beneficiary id, a year, or a territory LEVEL:CODE; "
                + "\"none\" for lines that do not say (no beneficiary, no year); \"total\" for the totals row",
                examples = "COMMUNE:93027") String key,
        @Schema(examples = "La Courneuve") String label,
        @Schema(nullable = true, description = "Sum of the envelopes' ceilings (by programme, envelope, year); null when "
                + "one of them states none, or for a grouping ceilings do not apply to", examples = "100000000")
        Long ceilingCents,
        @Schema(nullable = true, examples = "1000000.00") String ceiling,
        @Schema(examples = "40000000") long committedCents,
        @Schema(examples = "400000.00") String committed,
        @Schema(examples = "10000000") long paidCents,
        @Schema(examples = "100000.00") String paid,
        @Schema(nullable = true, description = "ceiling − committed; null without a ceiling", examples = "60000000")
        Long remainingCents,
        @Schema(nullable = true, examples = "600000.00") String remaining,
        @Schema(description = "Later years' amounts of multi-year lines: forecasts, never committed", examples = "2500000")
        long forecastCents,
        @Schema(examples = "25000.00") String forecast,
        @Schema(description = "Lines and sub-lines counted", examples = "3") long lineCount,
        @Schema(nullable = true, description = "The lines behind the figures (GET, same filters), each with links to its "
                + "payments; null on the totals row",
                examples = "/api/funding/reports/breakdown/lines?by=commune&key=COMMUNE:93027") String lines) {
}
