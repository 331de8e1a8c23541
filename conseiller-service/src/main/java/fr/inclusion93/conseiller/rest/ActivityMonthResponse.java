package fr.inclusion93.conseiller.rest;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityMonthRecorded", description = "A post's month as now recorded, in totals")
public record ActivityMonthResponse(UUID postId, @Schema(example = "2021-03") String month, int activities,
        long minutes, long peopleHelped) {
}
