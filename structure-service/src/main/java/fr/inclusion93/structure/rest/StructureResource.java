package fr.inclusion93.structure.rest;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import fr.inclusion93.structure.service.StructureService;
import fr.inclusion93.writes.idempotency.Idempotency;
import fr.inclusion93.writes.idempotency.IdempotencyKey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/structures")
@Tag(name = "Structures", description = "Host structures (structures d'accueil) of the conseiller numérique posts")
@Produces(MediaType.APPLICATION_JSON)
public class StructureResource {

    private final StructureService service;
    private final Idempotency idempotency;

    StructureResource(StructureService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerStructure", summary = "Register a host structure",
            description = "Stores the structure, records it in the audit trail and publishes StructureRegistered on "
                    + "structure.events. Identified by its SIRET, or its RNA (association), or its parent (a branch with "
                    + "neither); the postal code must serve the commune; the EPT is the commune's. A partner registers "
                    + "structures of its own territory only (the commune's EPT, or its département). Send an "
                    + "Idempotency-Key to make the request safe to retry.")
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER, description = IdempotencyKey.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN),
            example = "8e03978e-40d5-43e8-bc93-6894a57f9324")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StructureRequest.class),
            examples = @ExampleObject(name = "library", value = Examples.REGISTER_REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; Location points to it. A retry with the same "
            + "Idempotency-Key and body gets this same response again, with Idempotent-Replayed: true",
            headers = {
                @Header(name = "Location", description = "URL of the new structure", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = HttpHeaders.ETAG, description = "Its version, quoted", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = IdempotencyKey.REPLAYED_HEADER, description = "true when this is the stored response to an "
                        + "earlier request with the same Idempotency-Key", schema = @Schema(type = SchemaType.BOOLEAN))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StructureResponse.class),
                    examples = @ExampleObject(name = "registered", value = Examples.STRUCTURE)))
    @APIResponse(responseCode = "400", description = "Invalid or unreadable body, or malformed Idempotency-Key; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                        @ExampleObject(name = "invalid SIRET", value = Examples.VALIDATION_PROBLEM),
                        @ExampleObject(name = "malformed Idempotency-Key", value = Examples.MALFORMED_KEY_PROBLEM)}))
    @APIResponse(responseCode = "409", description = "An active structure already has this SIRET or RNA (or its parent a "
            + "branch of this name): existing links to it; or a request with this Idempotency-Key is still being "
            + "processed (retry later to get its response). Nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                        @ExampleObject(name = "duplicate SIRET", value = Examples.DUPLICATE_PROBLEM),
                        @ExampleObject(name = "Idempotency-Key in flight", value = Examples.KEY_IN_FLIGHT_PROBLEM)}))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a request with another body; "
            + "nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "Idempotency-Key reused", value = Examples.KEY_REUSED_PROBLEM)))
    public Response register(@NotNull @Valid StructureRequest request, UriInfo uriInfo) {
        return idempotency.respond(request, () -> {
            StructureResponse created = service.register(request);
            return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id().toString()).build())
                    .header(HttpHeaders.ETAG, ETags.of(created.version()))
                    .entity(created)
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Path("/{id}")
    @Operation(operationId = "getStructure", summary = "One host structure",
            description = "Its ETag header is its version: send it back in If-Match to update it.")
    @APIResponse(responseCode = "200", description = "The structure",
            headers = @Header(name = HttpHeaders.ETAG, description = "The structure's version, quoted",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StructureResponse.class),
                    examples = @ExampleObject(name = "structure", value = Examples.STRUCTURE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No structure with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public Response get(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Parameter(description = "An ETag you hold: 304 if it is still the current one")
            String ifNoneMatch) {
        StructureResponse structure = service.get(id);
        String etag = ETags.of(structure.version());
        if (etag.equals(ifNoneMatch == null ? null : ifNoneMatch.strip())) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        return Response.ok(structure).header(HttpHeaders.ETAG, etag).build();
    }
}
