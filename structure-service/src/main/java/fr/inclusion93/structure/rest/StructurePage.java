package fr.inclusion93.structure.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of structures, oldest registration first")
public record StructurePage(
        List<StructureResponse> items,
        @Schema(description = "Zero-based page index", examples = "0") int page,
        @Schema(examples = "50") int size,
        @Schema(description = "Number of structures over all pages", examples = "1") long totalItems) {
}
