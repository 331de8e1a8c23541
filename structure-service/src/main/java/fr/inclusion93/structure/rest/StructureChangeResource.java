package fr.inclusion93.structure.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.problem.MergePatch;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.structure.service.Precondition;
import fr.inclusion93.structure.service.StructureService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Changes to a registered structure: full and partial update (optimistic concurrency with ETag / If-Match), closure,
 * reopening. Each one is audited and published; a partner changes only structures of its territory.
 */
@Path("/api/structures/{id}")
@Tag(name = "Structures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PARTNER})
public class StructureChangeResource {

    private final StructureService service;
    private final ObjectMapper json;
    private final Validator validator;

    StructureChangeResource(StructureService service, ObjectMapper json, Validator validator) {
        this.service = service;
        this.json = json;
        this.validator = validator;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceStructure", summary = "Replace a structure's data",
            description = "The body is the whole structure, as to register it; absent optional fields are removed. "
                    + "Publishes StructureUpdated; data identical to what is stored changes nothing (same version). "
                    + "A partner changes structures of its territory only, and cannot move one out of it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StructureRequest.class),
            examples = @ExampleObject(name = "library", value = Examples.REGISTER_REQUEST)))
    @APIResponse(responseCode = "200", description = "The structure as it now is", headers = @Header(name = HttpHeaders.ETAG,
            description = "Its new version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StructureResponse.class),
                    examples = @ExampleObject(name = "updated", value = Examples.STRUCTURE)))
    @APIResponse(responseCode = "400", description = "Invalid body or If-Match; every field named, nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "postal code of another commune", value = Examples.POSTAL_CODE_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No structure with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Another active structure has this SIRET or RNA (existing links to it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate SIRET", value = Examples.DUPLICATE_PROBLEM)))
    @APIResponse(responseCode = "412", description = "The structure changed since the ETag sent in If-Match; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale ETag", value = Examples.PRECONDITION_FAILED_PROBLEM)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no If-Match", value = Examples.PRECONDITION_REQUIRED_PROBLEM)))
    public Response replace(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ETags.IF_MATCH_DESCRIPTION,
                    example = "\"1\"") String ifMatch,
            @NotNull @Valid StructureRequest request) {
        return withETag(service.replace(id, Precondition.required(ifMatch), request));
    }

    @PATCH
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchStructure", summary = "Change some of a structure's data (JSON Merge Patch)",
            description = "RFC 7396: members of the body replace the structure's, null removes an optional one, absent "
                    + "ones stay. The result is checked as a full replacement would be. Publishes StructureUpdated.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "Members of StructureRequest to change"),
            examples = @ExampleObject(name = "new opening hours", value = Examples.MERGE_PATCH)))
    @APIResponse(responseCode = "200", description = "The structure as it now is", headers = @Header(name = HttpHeaders.ETAG,
            description = "Its new version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StructureResponse.class),
                    examples = @ExampleObject(name = "updated", value = Examples.STRUCTURE)))
    @APIResponse(responseCode = "400", description = "The patched structure is invalid; every field named, nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No structure with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another active structure has this SIRET or RNA (existing links to it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The structure changed since the ETag sent in If-Match; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = ETags.IF_MATCH_DESCRIPTION,
                    example = "\"1\"") String ifMatch,
            @NotNull JsonNode patch) {
        return withETag(service.change(id, Precondition.required(ifMatch),
                current -> MergePatch.apply(current, patch, StructureRequest.class, json, validator)));
    }

    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeStructure", summary = "Record that a structure closed",
            description = "Publishes StructureClosed. Its SIRET or RNA is then free for another structure. If-Match is "
                    + "optional here: closing twice is refused anyway.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CloseStructureRequest.class),
            examples = @ExampleObject(name = "merged", value = Examples.CLOSE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The structure, closed", headers = @Header(name = HttpHeaders.ETAG,
            description = "Its new version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StructureResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (a date in the future, no reason) or If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No structure with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "already closed", value = Examples.ALREADY_CLOSED_PROBLEM)))
    @APIResponse(responseCode = "412", description = "The structure changed since the ETag sent in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ETags.IF_MATCH_DESCRIPTION) String ifMatch,
            @NotNull @Valid CloseStructureRequest request) {
        return withETag(service.close(id, Precondition.optional(ifMatch), request.closedOn(), request.reason()));
    }

    @POST
    @Path("/reopen")
    @Operation(operationId = "reopenStructure", summary = "Reopen a closed structure",
            description = "Publishes StructureReopened. Refused if another active structure has taken its SIRET or RNA "
                    + "meanwhile.")
    @APIResponse(responseCode = "200", description = "The structure, active again", headers = @Header(name = HttpHeaders.ETAG,
            description = "Its new version, quoted", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StructureResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No structure with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is not closed, or an active structure has its SIRET or RNA now "
            + "(existing links to it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The structure changed since the ETag sent in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reopen(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = ETags.IF_MATCH_DESCRIPTION) String ifMatch) {
        return withETag(service.reopen(id, Precondition.optional(ifMatch)));
    }

    private static Response withETag(StructureResponse structure) {
        return Response.ok(structure).header(HttpHeaders.ETAG, ETags.of(structure.version())).build();
    }
}
