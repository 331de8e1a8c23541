package fr.inclusion93.structure.rest;

import fr.inclusion93.security.Roles;
import fr.inclusion93.structure.service.StructureService;
import fr.inclusion93.writes.idempotency.Idempotency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Writes that fail or wait on purpose, through the real service, its transaction and Idempotency; tests only. */
@Path("/test-only/structures")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TestOnlyWrites {

    /** Lets a test hold a request inside its effect: the request says when it got there, the test when to go on. */
    public static final class Gate {
        public final CountDownLatch entered = new CountDownLatch(1);
        public final CountDownLatch released = new CountDownLatch(1);
    }

    public static volatile Gate gate;

    private final StructureService service;
    private final Idempotency idempotency;

    TestOnlyWrites(StructureService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /** Registers the structure (row, audit row, outbox row), then fails before the transaction commits. */
    @POST
    @Path("/failing-after-the-write")
    @Operation(hidden = true)
    public Response failAfterTheWrite(StructureRequest request) {
        return idempotency.respond(request, () -> {
            service.register(request);
            throw new IllegalStateException("forced failure after the write");
        });
    }

    /** Answers 204 once the test opens {@link #gate}: until then, the request is in flight with its key held. */
    @POST
    @Path("/held")
    @Operation(hidden = true)
    public Response held(StructureRequest request) {
        return idempotency.respond(request, () -> {
            Gate current = gate;
            current.entered.countDown();
            try {
                if (!current.released.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return Response.noContent().build();
        });
    }
}
