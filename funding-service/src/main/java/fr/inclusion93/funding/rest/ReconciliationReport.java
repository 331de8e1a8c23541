package fr.inclusion93.funding.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Every stated total of the loaded seeds against the sum of its parts")
public record ReconciliationReport(
        @Schema(description = "Version of the report's columns (also the CSV's X-Report-Version header)", examples = "1")
        int version,
        List<ReconciliationRow> rows) {
}
