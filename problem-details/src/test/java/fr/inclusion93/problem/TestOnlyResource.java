package fr.inclusion93.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** An API of the shape the services have, to test the shared HTTP defaults without a service. */
@Path("/api/test-only")
@PermitAll // problem-details has no security frame: these endpoints only exercise the shared HTTP defaults
public class TestOnlyResource {

    static final String CACHED = "max-age=60";

    @GET
    public String get() {
        return "ok";
    }

    @POST
    public int length(byte[] body) {
        return body.length;
    }

    @POST
    @Path("/large")
    public int largeLength(byte[] body) {
        return body.length;
    }

    @GET
    @Path("/cached")
    public Response cached() {
        return Response.ok("ok").header("Cache-Control", CACHED).build();
    }
}
