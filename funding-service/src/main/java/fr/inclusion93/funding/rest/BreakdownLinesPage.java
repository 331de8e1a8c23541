package fr.inclusion93.funding.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The lines behind one breakdown group, by line id; their sums are the group's figures")
public record BreakdownLinesPage(
        List<BreakdownLine> items,
        @Schema(nullable = true, description = "Link to the next page; null on the last") String next) {
}
