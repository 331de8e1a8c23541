package fr.inclusion93.structure.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StructureTerritoryReport", description = "The structures of each EPT or commune, then in all")
public record StructureTerritoryReport(
        @Schema(description = "Version of the rows' fields; raised when one changes meaning", example = "1") int version,
        @Schema(description = "ept or commune", example = "ept") String by,
        List<StructureTerritoryRow> rows,
        StructureTerritoryRow total) {
}
