package fr.inclusion93.conseiller.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeploymentRow", description = "The posts of one territory (or the whole agreement) by state")
public record DeploymentRow(
        @Schema(description = "The agreement's id, an EPT's SIREN or a commune's INSEE code; `total` for the totals") String key,
        String label,
        @Schema(description = "The agreement's posts, or the territory's quota; null when it has none") Integer quota,
        @Schema(description = "Opened and not returned: what counts against the quota") long open,
        long vacant, long recruiting, long occupied, long ended, long returned,
        @Schema(description = "State-funded months the holders' contracts used up to the report's day (a month begun counts)")
        long stateFundedMonthsConsumed) {
}
