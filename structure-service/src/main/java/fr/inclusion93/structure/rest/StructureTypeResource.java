package fr.inclusion93.structure.rest;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.structure.service.StructureTypes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The types a structure can have; the State adds one without a release. */
@Path("/api/structures/types")
@Tag(name = "Structures")
@Produces(MediaType.APPLICATION_JSON)
public class StructureTypeResource {

    private final StructureTypes types;

    StructureTypeResource(StructureTypes types) {
        this.types = types;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listStructureTypes", summary = "Every type of structure, by code",
            description = "Codes follow the national typology of lieux de médiation numérique where it has one.")
    @APIResponse(responseCode = "200", description = "The types",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StructureTypeResponse.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "types", value = Examples.TYPES)))
    public List<StructureTypeResponse> list() {
        return types.all();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putStructureType", summary = "Add a type of structure, or rename one")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StructureTypeRequest.class),
            examples = @ExampleObject(name = "fab lab", value = "{\"label\": \"Fab lab\"}")))
    @APIResponse(responseCode = "200", description = "The type as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StructureTypeResponse.class),
                    examples = @ExampleObject(name = "fab lab", value = "{\"code\": \"FABLAB\", \"label\": \"Fab lab\"}")))
    @APIResponse(responseCode = "400", description = "Code not in capitals, digits and _ (2 to 40), or no label",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StructureTypeResponse put(
            @PathParam("code") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be 2 to 40 capitals, digits or _")
            String code,
            @NotNull @Valid StructureTypeRequest request) {
        return types.put(code, request.label());
    }
}
