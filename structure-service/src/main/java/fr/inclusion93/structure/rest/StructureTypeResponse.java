package fr.inclusion93.structure.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A type of structure")
public record StructureTypeResponse(@Schema(examples = "BIB") String code,
        @Schema(examples = "Bibliothèque / médiathèque") String label) {
}
