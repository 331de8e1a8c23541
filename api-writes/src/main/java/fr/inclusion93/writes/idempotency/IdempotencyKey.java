package fr.inclusion93.writes.idempotency;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of a request. The draft makes it a structured-field string ({@code "8e03978e-…"}); the
 * bare token most clients send ({@code 8e03978e-…}) is the same key.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    /** Response header set on a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 255;
    /** Letters, digits and {@code - . _ ~ : + / =}: UUIDs, ULIDs and base64 or base64url random strings. */
    public static final String PATTERN = "^[A-Za-z0-9._~:+/=-]{1,255}$";
    /** For the OpenAPI parameter of every operation that takes a key. */
    public static final String DESCRIPTION = "A key of your own (a UUID, say) that makes the request safe to retry: a "
            + "request repeated with the same key and the same body within 24 hours gets the first response again "
            + "(header Idempotent-Replayed: true) and changes nothing. The same key with another body is 422; a retry "
            + "while the first request is still running is 409. A request that fails (4xx, 5xx) keeps no key, so the "
            + "corrected request may reuse it. Keys are per client. Up to 255 letters, digits or - . _ ~ : + / =, "
            + "optionally in double quotes.";

    static final URI MALFORMED = ProblemType.of("idempotency-key-malformed");
    private static final Pattern VALID = Pattern.compile(PATTERN);

    /** The key the request carries, if any; 400 when it is malformed or sent twice. */
    static Optional<IdempotencyKey> from(List<String> headerValues) {
        if (headerValues.isEmpty()) {
            return Optional.empty();
        }
        if (headerValues.size() > 1) {
            throw malformed("must be sent once, not " + headerValues.size() + " times");
        }
        String key = unquoted(headerValues.get(0).strip());
        if (key.isEmpty()) {
            throw malformed("must not be empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw malformed("must be at most " + MAX_LENGTH + " characters, not " + key.length());
        }
        if (!VALID.matcher(key).matches()) {
            throw malformed("may contain only letters, digits and - . _ ~ : + / =");
        }
        return Optional.of(new IdempotencyKey(key));
    }

    private static String unquoted(String raw) {
        boolean quoted = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"");
        return quoted ? raw.substring(1, raw.length() - 1) : raw;
    }

    private static ProblemException malformed(String reason) {
        return new ProblemException(400, MALFORMED, "Malformed Idempotency-Key", HEADER + ": " + reason,
                List.of(new Problem.FieldError(HEADER, reason)));
    }
}
