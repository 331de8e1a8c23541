package fr.inclusion93.structure.service;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a write's {@code If-Match} asks: the structure's version (its ETag, quoted: {@code "4"}) must still be the one
 * the client read, or any version ({@code *}). Checked once the caller may write the structure, so that a stranger
 * learns nothing from a 412.
 */
public final class Precondition {

    static final URI PRECONDITION_FAILED = ProblemType.of("precondition-failed");
    static final URI PRECONDITION_REQUIRED = ProblemType.of("precondition-required");
    private static final Pattern STRONG_TAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

    private final String ifMatch;
    private final boolean required;

    private Precondition(String ifMatch, boolean required) {
        this.ifMatch = ifMatch;
        this.required = required;
    }

    /** For updates: without If-Match one client could undo another's change unknowingly (428). */
    public static Precondition required(String ifMatch) {
        return new Precondition(ifMatch, true);
    }

    /** For state changes that cannot be applied twice anyway (close, reopen): If-Match checked when sent. */
    public static Precondition optional(String ifMatch) {
        return new Precondition(ifMatch, false);
    }

    void requireMatch(long currentVersion) {
        if (ifMatch == null) {
            if (required) {
                throw new ProblemException(428, PRECONDITION_REQUIRED, "Precondition Required",
                        "If-Match: is required: send the ETag of the structure as you last read it (GET it first), or * "
                                + "to overwrite whatever is there", List.of(new Problem.FieldError("If-Match", "is required")));
            }
            return;
        }
        if (ifMatch.strip().equals("*")) {
            return;
        }
        Matcher tag = STRONG_TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw ProblemException.invalidFields(List.of(new Problem.FieldError("If-Match",
                    "must be one strong ETag as this API sends it (\"4\") or *")));
        }
        long expected = Long.parseLong(tag.group(1));
        if (expected != currentVersion) {
            throw new ProblemException(412, PRECONDITION_FAILED, "Precondition Failed",
                    "The structure changed since you read it: it is at version " + currentVersion + " (ETag \""
                            + currentVersion + "\"), you sent If-Match \"" + expected
                            + "\". GET it again, reapply your change and send the new ETag.",
                    List.of(new Problem.FieldError("If-Match", "does not match the current ETag \"" + currentVersion + "\"")));
        }
    }
}
