package fr.inclusion93.writes.audit;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The query parameters of a trail read, checked together: a 400 problem names every bad one. Taken as text by the
 * resources so that a wrong format is reported with the parameter's name, like a wrong value.
 *
 * @param from  first instant included; null for one record's whole trail
 * @param to    first instant excluded; null for no end
 * @param after where the previous page ended; null for the first page
 */
public record AuditQuery(Instant from, Instant to, int limit, AuditCursor after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** One record's trail, a page at a time. */
    public static AuditQuery page(String limit, String cursor) {
        return parse(null, null, false, limit, cursor);
    }

    /** The changes made in [from, to) (to optional), a page at a time. */
    public static AuditQuery period(String from, String to, String limit, String cursor) {
        return parse(from, to, true, limit, cursor);
    }

    private static AuditQuery parse(String fromText, String toText, boolean period, String limitText, String cursorText) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant from = period ? instant("from", fromText, true, errors) : null;
        Instant to = period ? instant("to", toText, false, errors) : null;
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        int limit = limit(limitText, errors);
        AuditCursor after = cursor(cursorText, errors);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
            throw new ProblemException(400, ProblemType.VALIDATION, "Invalid request", detail, errors);
        }
        return new AuditQuery(from, to, limit, after);
    }

    private static Instant instant(String name, String text, boolean required, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(name, "is required (an ISO-8601 instant such as 2021-01-15T00:00:00Z)"));
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant with its offset, such as 2021-01-15T00:00:00Z"));
            return null;
        }
    }

    private static int limit(String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static AuditCursor cursor(String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<AuditCursor> cursor = AuditCursor.decode(text.strip());
        if (cursor.isEmpty()) {
            errors.add(new Problem.FieldError("cursor", "is not a cursor this service gave (use the next of the previous page)"));
        }
        return cursor.orElse(null);
    }
}
