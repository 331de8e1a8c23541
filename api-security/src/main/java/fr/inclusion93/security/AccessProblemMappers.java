package fr.inclusion93.security;

import fr.inclusion93.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@code @RolesAllowed} refusals of the REST layer as problem details (ahead of Quarkus REST's bodiless ones). */
public class AccessProblemMappers {

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper(priority = Priorities.AUTHORIZATION)
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(AccessProblems.forbidden(request)).build();
    }

    private static Response unauthenticated(HttpServerRequest request) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", AccessProblems.challenge(request))
                .entity(AccessProblems.unauthenticated(request))
                .build();
    }
}
