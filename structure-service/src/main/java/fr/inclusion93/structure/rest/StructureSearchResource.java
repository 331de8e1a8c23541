package fr.inclusion93.structure.rest;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.structure.service.StructureSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The registry's search: filters, a sort, and pages that hold still while structures are added or changed. */
@Path("/api/structures")
@Tag(name = "Structures")
@Produces(MediaType.APPLICATION_JSON)
public class StructureSearchResource {

    private final StructureSearchParser parser;
    private final StructureSearch search;

    StructureSearchResource(StructureSearchParser parser, StructureSearch search) {
        this.parser = parser;
        this.search = search;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "searchStructures", summary = "Search host structures, one page at a time",
            description = "Every filter given must match; none given: every structure, active and closed. Follow next "
                    + "(with the same parameters) until it is null. Pages are cut after the last item's sort key and id, "
                    + "not at an offset: structures registered, changed or closed while you page shift nothing, and a "
                    + "structure whose sort key stays the same is listed exactly once (under the default sort, "
                    + "registeredAt, always). To follow every change instead, use GET /api/structures/changes.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StructureSearchPage.class),
                    examples = {
                        @ExampleObject(name = "last page", value = Examples.SEARCH_LAST_PAGE),
                        @ExampleObject(name = "page with a next", value = Examples.SEARCH_PAGE)}))
    @APIResponse(responseCode = "400", description = "A parameter is unknown, repeated or invalid; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown EPT, bad sort", value = Examples.SEARCH_PARAMETER_PROBLEM)))
    public StructureSearchPage search(@BeanParam StructureSearchParameters parameters, @Context UriInfo uri) {
        return search.find(parser.parse(parameters, uri.getQueryParameters()));
    }
}
