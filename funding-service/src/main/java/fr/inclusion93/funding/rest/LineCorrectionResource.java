package fr.inclusion93.funding.rest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.inclusion93.funding.service.LineUpdates;
import fr.inclusion93.problem.MergePatch;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Corrections of what a funding line says: the convention signed later, a beneficiary identified, outputs restated. */
@Path("/api/funding/lines/{id}")
@Tag(name = "Funding lines")
@Produces(MediaType.APPLICATION_JSON)
public class LineCorrectionResource {

    private final LineUpdates updates;

    LineCorrectionResource(LineUpdates updates) {
        this.updates = updates;
    }

    @PATCH
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "correctLine", summary = "Correct a line's details (JSON Merge Patch)",
            description = "Members of the patch replace the line's, null removes one; outputs and forecasts are replaced "
                    + "as a whole. Correctable: beneficiaryId, beneficiaryDescription, object, nature, decision and "
                    + "convention dates and references, paymentConditions, cofinancingShareBasisPoints, outputs, "
                    + "forecasts — in any status but CANCELLED. Not here: the amount and status (commit, cancel, close, "
                    + "payments) nor key, envelope, parent, territory and year (they place the line). The line is checked "
                    + "as a whole like a creation; a patch that changes nothing records nothing. Audited as "
                    + "FundingLineCorrected (before/after); the line comes again in /api/funding/lines/changes.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "Members of LineRequest to replace (null removes one)"),
            examples = @ExampleObject(name = "the convention signed", value = Examples.LINE_CORRECTION)))
    @APIResponse(responseCode = "200", description = "The line as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineResponse.class),
                    examples = @ExampleObject(name = "line", value = Examples.LINE)))
    @APIResponse(responseCode = "400", description = "An invalid value, an unknown beneficiary, or a field a PATCH does "
            + "not correct (each named, with how it changes); nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "amount in a patch", value = Examples.LINE_CORRECTION_PROBLEM)))
    @APIResponse(responseCode = "403", description = "A partner outside the line's territory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside territory", value = Examples.OUTSIDE_TERRITORY_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The line is CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong status", value = Examples.WRONG_STATUS_PROBLEM)))
    public LineResponse correct(@PathParam("id") UUID id, @NotNull JsonNode patch) {
        return updates.patch(id, patch);
    }
}
