package fr.inclusion93.writes.changes;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.QueryParameterChecks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How far a reader of a change feed ({@link ChangeFeed}) has come: the transaction id and row id of the last change read, or a transaction
 * horizon and the nil UUID once it has read everything before it. Opaque to clients (base64url of {@code xid.id}).
 */
public record ChangeCursor(long xid, UUID id) implements Comparable<ChangeCursor> {

    static final UUID NIL = new UUID(0, 0);

    /** Before every change. */
    public static final ChangeCursor START = new ChangeCursor(0, NIL);

    static ChangeCursor horizon(long xid) {
        return new ChangeCursor(xid, NIL);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((xid + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code cursor} query parameter: absent is the start; one this feed did not give is an error, named. */
    public static ChangeCursor fromParameter(String text, List<Problem.FieldError> errors) {
        if (QueryParameterChecks.absent(text)) {
            return START;
        }
        Optional<ChangeCursor> cursor = decode(text.strip());
        if (cursor.isEmpty()) {
            errors.add(new Problem.FieldError("cursor", "is not a cursor this operation gave (send the next of your last answer)"));
        }
        return cursor.orElse(START);
    }

    /** The cursor a page's {@code next} gave; empty when {@code text} is not one. */
    public static Optional<ChangeCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
                return Optional.empty();
            }
            UUID id = UUID.fromString(parts[1]);
            return id.toString().equals(parts[1]) ? Optional.of(new ChangeCursor(Long.parseLong(parts[0]), id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The order of PostgreSQL's (xid8, uuid) row comparison: uuids compare as unsigned bytes. */
    @Override
    public int compareTo(ChangeCursor other) {
        int byXid = Long.compare(xid, other.xid);
        if (byXid != 0) {
            return byXid;
        }
        int byHigh = Long.compareUnsigned(id.getMostSignificantBits(), other.id.getMostSignificantBits());
        return byHigh != 0 ? byHigh : Long.compareUnsigned(id.getLeastSignificantBits(), other.id.getLeastSignificantBits());
    }
}
