package fr.inclusion93.structure.rest;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A structure's ETag is its version, quoted: {@code "4"}. Reads {@code If-Match} into the version a write expects. */
final class ETags {

    static final URI PRECONDITION_REQUIRED = ProblemType.of("precondition-required");
    static final String IF_MATCH_DESCRIPTION = "The ETag of the structure as you last read it (\"4\"), or * for any "
            + "version; a write on a structure changed since is refused with 412.";
    private static final Pattern STRONG_TAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an update expects; 428 without If-Match, since an update without one could undo another's change. */
    static OptionalLong required(String ifMatch) {
        return optional(ifMatch).orElseThrow(() -> new ProblemException(428, PRECONDITION_REQUIRED, "Precondition Required",
                "If-Match: is required: send the ETag of the structure as you last read it (GET it first), or * to "
                        + "overwrite whatever is there", List.of(new Problem.FieldError("If-Match", "is required"))));
    }

    /** The version a write expects when the client sent If-Match; empty inside when it sent {@code *}. */
    static Optional<OptionalLong> optional(String ifMatch) {
        if (ifMatch == null) {
            return Optional.empty();
        }
        if (ifMatch.strip().equals("*")) {
            return Optional.of(OptionalLong.empty());
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw ProblemException.invalidFields(List.of(new Problem.FieldError("If-Match",
                    "must be one strong ETag as this API sends it (\"4\") or *")));
        }
        return Optional.of(OptionalLong.of(Long.parseLong(tag.group(1))));
    }
}
