package fr.inclusion93.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every exception that reaches the REST layer into an RFC 9457 problem detail. */
public class ProblemMappers {

    /** Headers of a JAX-RS error response worth keeping (405 must say what is allowed). */
    private static final Set<String> KEPT_HEADERS = Set.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, "WWW-Authenticate");

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(instance(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::reason))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; "));
        return respond(new Problem(ProblemType.VALIDATION, "Invalid request", 400, detail, instance(uri), errors));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri); // more specific than the built-in mapper Quarkus has for it
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidDefinitionException) {
            return unexpected(e, uri); // our type cannot be (de)serialized: a bug here, not a bad request
        }
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String reason = e.getOriginalMessage();
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, reason));
        String detail = field.isEmpty() ? "Body is not valid JSON: " + reason : field + ": " + reason;
        return respond(new Problem(ProblemType.MALFORMED_REQUEST, "Malformed request", 400, detail, instance(uri), errors));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri); // Quarkus wraps JSON syntax errors in a plain 400
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter cannot be converted: it is a bad request
            return respond(new Problem(ProblemType.MALFORMED_REQUEST, "Malformed request", 400,
                    "A path or query parameter has the wrong format: " + e.getCause().getMessage(), instance(uri),
                    List.of()));
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == 404 ? "No resource at " + uri.getPath() : title;
        Response.ResponseBuilder response = builder(new Problem(ProblemType.forStatus(status), title, status, detail,
                instance(uri), List.of()));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (KEPT_HEADERS.stream().anyMatch(name::equalsIgnoreCase)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "Unhandled error on %s", uri.getPath());
        return respond(new Problem(ProblemType.INTERNAL, "Internal error", 500,
                "The request could not be completed; the error was logged", instance(uri), List.of()));
    }

    static Response respond(Problem problem) {
        return builder(problem).build();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** The path as the client sent it (still percent-encoded), so any path makes a valid URI reference. */
    private static URI instance(UriInfo uri) {
        return URI.create(uri.getRequestUri().getRawPath());
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "create.request.siret" (method, parameter, field) becomes "siret": the client knows only the body. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
