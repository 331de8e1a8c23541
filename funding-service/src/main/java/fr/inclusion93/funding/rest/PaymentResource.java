package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.PaymentService;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.writes.idempotency.Idempotency;
import fr.inclusion93.writes.idempotency.IdempotencyKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funding/lines/{lineId}/payments")
@Tag(name = "Payments", description = "A line's payment entries: tranches and credit notes, append-only")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final PaymentService service;
    private final Idempotency idempotency;

    PaymentResource(PaymentService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordPayment", summary = "Record a tranche or a credit note",
            description = "A positive amount is a tranche, a negative one a credit note (avoir, clawback); a correction is "
                    + "a new entry, never an edit. The line's payments never sum above its committed amount nor below zero "
                    + "(checked under the line's row lock); its status follows: PARTLY_PAID, PAID, or COMMITTED again. "
                    + "Publishes PaymentRecorded on funding.events. Send an Idempotency-Key to make a retry safe.")
    @Parameter(name = IdempotencyKey.HEADER, in = ParameterIn.HEADER, description = IdempotencyKey.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, maxLength = IdempotencyKey.MAX_LENGTH, pattern = IdempotencyKey.PATTERN),
            example = "8e03978e-40d5-43e8-bc93-6894a57f9324")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PaymentRequest.class),
            examples = {@ExampleObject(name = "tranche", value = Examples.PAYMENT_REQUEST),
                    @ExampleObject(name = "credit note", value = Examples.CREDIT_NOTE_REQUEST)}))
    @APIResponse(responseCode = "201", description = "Recorded; Location points to the line's payments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaymentResponse.class),
                    examples = @ExampleObject(name = "tranche", value = Examples.PAYMENT)))
    @APIResponse(responseCode = "400", description = "Invalid body (each field and why), a zero amount, a malformed "
            + "Idempotency-Key; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "403", description = "A partner outside the line's territory",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside territory", value = Examples.OUTSIDE_TERRITORY_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Above the committed amount or below zero (the figures in cents and "
            + "euros), a line not COMMITTED, PARTLY_PAID or PAID, or an Idempotency-Key in flight; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "above the commitment", value = Examples.PAYMENTS_EXCEED_PROBLEM),
                            @ExampleObject(name = "below zero", value = Examples.BELOW_ZERO_PROBLEM),
                            @ExampleObject(name = "wrong status", value = Examples.WRONG_STATUS_PROBLEM)}))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used with another body; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("lineId") UUID lineId, @NotNull @Valid PaymentRequest request, UriInfo uriInfo) {
        return idempotency.respond(request, () -> Response.created(uriInfo.getAbsolutePath())
                .entity(service.record(lineId, request)).build());
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listPayments", summary = "A line's payment entries, in the order they were recorded")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.Payments.class),
                    examples = @ExampleObject(name = "a tranche and a credit note", value = Examples.PAYMENT_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No line with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public PageResponse<PaymentResponse> list(@PathParam("lineId") UUID lineId, @Valid @BeanParam Paging paging) {
        return service.list(lineId, paging.page, paging.size);
    }
}
