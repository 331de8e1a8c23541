package fr.inclusion93.problem;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown by a service's rules; answered as a problem detail with the given status, type and fields. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final URI type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private URI existing;

    public ProblemException(int status, URI type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, ProblemType.NOT_FOUND, "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException conflict(URI type, String title, String field, String reason) {
        return new ProblemException(409, type, title, field + ": " + reason, List.of(new Problem.FieldError(field, reason)));
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(422, ProblemType.VALIDATION, "Invalid request", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    /** 400: the request breaks rules on these fields (every one named, as for a body that fails its constraints). */
    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
        return new ProblemException(400, ProblemType.VALIDATION, "Invalid request", detail, errors);
    }

    /** Names the existing record the request conflicts with (the problem's {@code existing} member). */
    public ProblemException withExisting(URI existing) {
        this.existing = existing;
        return this;
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    Problem toProblem(URI instance) {
        return new Problem(type, title, status, getMessage(), instance, errors, existing);
    }
}
