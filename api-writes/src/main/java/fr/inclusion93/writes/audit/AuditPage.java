package fr.inclusion93.writes.audit;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Changes, oldest first; pass next as cursor to get the following ones")
public record AuditPage(
        List<AuditEntry> items,
        @Schema(nullable = true, description = "Cursor of the next page; null on the last page", examples = "MTYxMDcwMzAwMDEyMzQ1Ni40Mg")
        String next) {
}
