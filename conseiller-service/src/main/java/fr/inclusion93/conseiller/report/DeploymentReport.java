package fr.inclusion93.conseiller.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeploymentReport", description = "An agreement's posts per territory: quota, open, each state, months used")
public record DeploymentReport(int version,
        @Schema(nullable = true, description = "The agreement reported on; null for all") UUID agreementId,
        String by, LocalDate asOf, List<DeploymentRow> rows,
        DeploymentRow total) {
}
