package fr.inclusion93.gateway.overview;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TerritoryOverview", description = "Each EPT or commune at a glance: its structures, the agreement's posts, "
        + "the money committed and paid, the activity of the year; composed from the three services. A part a service "
        + "could not give in time is null in every row and named in missing: the rest is still there")
public record TerritoryOverview(
        @Schema(description = "Version of the fields; raised when one changes meaning", example = "1") int version,
        @Schema(description = "ept or commune", example = "ept") String by,
        UUID agreementId,
        @Schema(description = "The year of the money and of the activity", example = "2021") int year,
        @Schema(description = "false when a part is missing") boolean complete,
        List<MissingPart> missing,
        List<Row> rows,
        Row total) {

    @Schema(name = "TerritoryOverviewRow", description = "One territory (or the totals): each part null when missing")
    public record Row(
            @Schema(description = "The EPT's SIREN (none: outside any EPT), the commune's INSEE code, or total",
                    example = "200057867") String key,
            @Schema(example = "Plaine Commune") String label,
            @Schema(nullable = true, description = "null: structure-service's part is missing") Structures structures,
            @Schema(nullable = true, description = "null: the deployment report is missing") Posts posts,
            @Schema(nullable = true, description = "null: funding-service's part is missing") Funding funding,
            @Schema(nullable = true, description = "null: the activity report is missing") Activity activity) {
    }

    @Schema(name = "OverviewStructures", description = "From structure-service")
    public record Structures(long active, long closed, long activeInQpv) {
    }

    @Schema(name = "OverviewPosts", description = "The agreement's posts, from conseiller-service (quota null: none set)")
    public record Posts(@Schema(nullable = true, description = "null: no quota set for the territory") Integer quota, long open, long vacant, long recruiting, long occupied, long ended, long returned) {
    }

    @Schema(name = "OverviewFunding", description = "Committed and paid in the year, from funding-service (integer cents, "
            + "and euros with two decimals)")
    public record Funding(long committedCents, String committed, long paidCents, String paid) {
    }

    @Schema(name = "OverviewActivity", description = "What the conseillers did in the year, from conseiller-service")
    public record Activity(long ateliers, long permanences, long miniFormations,
            @Schema(example = "412.50") String hours, long peopleHelped) {
    }

    @Schema(name = "OverviewMissingPart", description = "A part left out, and why")
    public record MissingPart(
            @Schema(description = "structures, posts, funding or activity", example = "funding") String part,
            @Schema(example = "funding-service") String service,
            @Schema(nullable = true, description = "The service's status code; null when it did not answer", example = "503")
            Integer status,
            @Schema(example = "funding-service did not answer within 3000 ms") String reason) {
    }
}
