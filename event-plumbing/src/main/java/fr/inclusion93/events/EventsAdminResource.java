package fr.inclusion93.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' endpoints of the event plumbing, on each service's own port (the gateway does not route them):
 * parked outbox events and dead-letter replay. {@code deploy/events.sh} calls them.
 */
@Path("/admin/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin") // the role of api-security's Roles.ADMIN
@Tag(name = "Event operations", description = "Parked outbox events and dead-letter replay (operators, service port only)")
public class EventsAdminResource {

    private static final String PARKED = """
            {"id": 42, "eventId": "0b9e3c4e-1f0a-4c55-9d1e-2f4b8e7f6a10", "topic": "structure.events",
             "eventType": "StructureRegistered", "schemaVersion": 1, "aggregateType": "structure",
             "aggregateId": "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f", "aggregateVersion": 3,
             "occurredAt": "2026-11-26T10:15:30Z", "attempts": 5,
             "lastError": "RecordTooLargeException: The message is 2097240 bytes when serialized which is larger than 1048576",
             "parkedAt": "2026-11-26T10:15:45Z"}""";
    private static final String REPLAYED = """
            {"deadLetterTopic": "structure.events.conseiller-service.dlt", "replayed": 2, "skipped": 0}""";

    private final ParkedEvents parked;
    private final DeadLetterReplay replay;

    EventsAdminResource(ParkedEvents parked, DeadLetterReplay replay) {
        this.parked = parked;
        this.replay = replay;
    }

    @GET
    @Path("/outbox/parked")
    @Operation(operationId = "listParkedOutboxEvents", summary = "Outbox events the relay gave up on",
            description = "Each waits for an operator; its aggregate's later events wait behind it, other aggregates move on.")
    @APIResponse(responseCode = "200", description = "Parked events, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one parked event",
                    value = "[" + PARKED + "]")))
    public List<ParkedEvents.Parked> listParked() {
        return parked.list();
    }

    @POST
    @Path("/outbox/parked/{id}/retry")
    @Operation(operationId = "retryParkedOutboxEvent", summary = "Put a parked event back in line",
            description = "After fixing the cause (topic created, size limit raised). It is sent before its aggregate's later events.")
    @APIResponse(responseCode = "200", description = "The event as it was parked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "retried", value = PARKED)))
    @APIResponse(responseCode = "404", description = "No parked event with this id",
            content = @Content(mediaType = "application/problem+json"))
    public ParkedEvents.Parked retry(@PathParam("id") long id) {
        return parked.retry(id);
    }

    @POST
    @Path("/outbox/parked/{id}/discard")
    @Operation(operationId = "discardParkedOutboxEvent", summary = "Give up a parked event for good",
            description = "An EventDiscarded event with the same aggregate version is sent in its place, so consumers move on; "
                    + "the original stays in the outbox row.")
    @APIResponse(responseCode = "200", description = "The event as it was parked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "discarded", value = PARKED)))
    @APIResponse(responseCode = "404", description = "No parked event with this id",
            content = @Content(mediaType = "application/problem+json"))
    public ParkedEvents.Parked discard(@PathParam("id") long id,
            @Parameter(description = "Why, kept with the row and sent to consumers")
            @QueryParam("reason") @DefaultValue("discarded by an operator") String reason) {
        return parked.discard(id, reason);
    }

    @POST
    @Path("/dead-letters/replay")
    @Operation(operationId = "replayDeadLetters", summary = "Send a dead-letter topic's new records back to their topic",
            description = "Starts where the previous replay stopped. Consumers apply each event once, in version order, so a "
                    + "record replayed twice changes nothing. A record that failed again after a replay is left alone "
                    + "unless includeReplayed is true.")
    @APIResponse(responseCode = "200", description = "How many records went back",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "replayed", value = REPLAYED)))
    @APIResponse(responseCode = "422", description = "Not a dead-letter topic of this service",
            content = @Content(mediaType = "application/problem+json"))
    public DeadLetterReplay.Replayed replay(
            @Parameter(description = "A dead-letter topic of this service", example = "structure.events.conseiller-service.dlt")
            @QueryParam("topic") String topic,
            @Parameter(description = "Also send back records that failed again after an earlier replay")
            @QueryParam("includeReplayed") @DefaultValue("false") boolean includeReplayed) {
        return replay.replay(topic, includeReplayed);
    }
}
