package fr.inclusion93.conseiller.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityRow", description = "What was done in one group: by kind, time and people helped")
public record ActivityRow(String key, String label, long ateliers, long permanences, long miniFormations, long minutes,
        @Schema(description = "minutes ÷ 60, two decimals", example = "12.50") String hours, long peopleHelped) {
}
