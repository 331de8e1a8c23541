package fr.inclusion93.funding.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a list, oldest first")
public record PageResponse<T>(
        List<T> items,
        @Schema(description = "This page's number, from 0", examples = "0") int page,
        @Schema(description = "Items per page", examples = "50") int size,
        @Schema(description = "Items in the whole list", examples = "6") long total) {
}
