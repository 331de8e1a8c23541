package fr.inclusion93.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Checks a GET's query string as a whole: every problem is one named entry of the 400. */
public final class QueryParameterChecks {

    private QueryParameterChecks() {
    }

    /** A misspelt or obsolete parameter would otherwise be ignored in silence, and a repeated one half-read. */
    public static void onlyKnownOnce(MultivaluedMap<String, String> given, List<String> known, List<Problem.FieldError> errors) {
        given.forEach((name, values) -> {
            if (!known.contains(name)) {
                errors.add(new Problem.FieldError(name, "is not a parameter of this operation (" + String.join(", ", known) + ")"));
            } else if (values.size() > 1) {
                errors.add(new Problem.FieldError(name, "is given " + values.size() + " times: give it once"));
            }
        });
    }

    public static int limit(String text, int defaultLimit, int maxLimit, List<Problem.FieldError> errors) {
        if (absent(text)) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + maxLimit));
        return defaultLimit;
    }

    /** An optional UUID parameter: null when absent; one that is not a UUID is named in {@code errors}. */
    public static UUID uuid(String name, String text, List<Problem.FieldError> errors) {
        if (absent(text)) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text.strip());
            if (id.toString().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        errors.add(new Problem.FieldError(name, "must be a UUID"));
        return null;
    }

    /** An empty value is no value: what a form sends for a field left blank. */
    public static boolean absent(String text) {
        return text == null || text.isBlank();
    }

    public static void throwIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }
}
