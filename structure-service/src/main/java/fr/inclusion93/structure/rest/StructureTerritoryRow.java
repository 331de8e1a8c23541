package fr.inclusion93.structure.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StructureTerritoryRow", description = "The structures of one territory")
public record StructureTerritoryRow(
        @Schema(description = "The EPT's SIREN (none: outside any EPT) or the commune's INSEE code; total for the totals",
                example = "200057867") String key,
        @Schema(example = "Plaine Commune") String label,
        @Schema(description = "Active structures", example = "112") long active,
        @Schema(description = "Closed structures (kept for history)", example = "4") long closed,
        @Schema(description = "Active structures in a quartier prioritaire (QPV)", example = "61") long activeInQpv) {
}
