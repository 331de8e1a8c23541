package fr.inclusion93.problem;

import java.net.URI;

/** The problem types every service can answer with; a service-specific type is built with {@link #of}. */
public final class ProblemType {

    private static final String BASE = "https://inclusion93.fr/problems/";

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI CONFLICT = of("conflict");
    public static final URI INTERNAL = of("internal-error");

    private ProblemType() {
    }

    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }

    /** The generic type for a status without a more specific one ({@code about:blank} as RFC 9457 suggests). */
    static URI forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 422 -> VALIDATION;
            default -> status >= 500 ? INTERNAL : URI.create("about:blank");
        };
    }
}
