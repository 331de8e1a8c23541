package fr.inclusion93.structure.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a search; pass next as cursor (with the same parameters) to get the following one")
public record StructureSearchPage(
        List<StructureResponse> items,
        @Schema(nullable = true, description = "Cursor of the next page; null on the last page",
                examples = "bmFtZS4wYjZmM2MyZS02ZDNiLTRkN2UtOWE1NS0yZjFjMWQ5ZThhMTAubWVkaWF0aGVxdWUgam9obiBsZW5ub24")
        String next) {
}
