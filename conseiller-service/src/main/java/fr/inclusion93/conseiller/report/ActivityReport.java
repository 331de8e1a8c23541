package fr.inclusion93.conseiller.report;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityReport", description = "Activity per theme, month, kind, EPT or commune over a period. By theme, an "
        + "activity counts in each of its themes: the rows then sum above the totals")
public record ActivityReport(int version,
        @Schema(nullable = true, description = "The agreement reported on; null for all") UUID agreementId,
        String by, String from, String to, List<ActivityRow> rows,
        ActivityRow total) {
}
