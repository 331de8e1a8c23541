package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.ActivityService;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/conseillers/posts/{id}/activities")
@Tag(name = "Activity", description = "Permanences, ateliers and mini-formations, entered a month at a time per post")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ActivityService service;

    ActivityResource(ActivityService service) {
        this.service = service;
    }

    @PUT
    @Path("/{month}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordActivityMonth", summary = "Enter a post's month of activity",
            description = "All of it at once: it replaces what was entered for the month (sending it again changes nothing; "
                    + "an empty list clears it), all rows or none. Publishes ActivityRecorded with the month's totals.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActivityMonthRequest.class),
            examples = @ExampleObject(name = "two ateliers and a permanence", value = Examples.ACTIVITY_MONTH_REQUEST)))
    @APIResponse(responseCode = "200", description = "The month as now recorded, in totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityMonthResponse.class),
                    examples = @ExampleObject(name = "recorded", value = Examples.ACTIVITY_MONTH)))
    @APIResponse(responseCode = "400", description = "Invalid month or rows (each field and why: a day outside the month or "
            + "the post's life, an unknown place, AUTRE without its text); nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No post with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public ActivityMonthResponse record(@PathParam("id") UUID postId,
            @PathParam("month") @Parameter(description = "YYYY-MM", example = "2021-03") String month,
            @NotNull @Valid ActivityMonthRequest request) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidFields(List.of(new Problem.FieldError("month", "is YYYY-MM")));
        }
        return service.replaceMonth(postId, parsed, request);
    }
}
