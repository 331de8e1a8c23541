package fr.inclusion93.structure.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * How far a reader of the changes has come: the transaction id and row id of the last change read, or a transaction
 * horizon and the nil UUID once it has read everything before it. Opaque to clients (base64url of {@code xid.id}).
 */
public record SyncCursor(long xid, UUID id) implements Comparable<SyncCursor> {

    static final UUID NIL = new UUID(0, 0);

    /** Before every change. */
    public static final SyncCursor START = new SyncCursor(0, NIL);

    static SyncCursor horizon(long xid) {
        return new SyncCursor(xid, NIL);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((xid + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a page's {@code next} gave; empty when {@code text} is not one. */
    public static Optional<SyncCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
                return Optional.empty();
            }
            UUID id = UUID.fromString(parts[1]);
            return id.toString().equals(parts[1]) ? Optional.of(new SyncCursor(Long.parseLong(parts[0]), id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The order of PostgreSQL's (xid8, uuid) row comparison: uuids compare as unsigned bytes. */
    @Override
    public int compareTo(SyncCursor other) {
        int byXid = Long.compare(xid, other.xid);
        if (byXid != 0) {
            return byXid;
        }
        int byHigh = Long.compareUnsigned(id.getMostSignificantBits(), other.id.getMostSignificantBits());
        return byHigh != 0 ? byHigh : Long.compareUnsigned(id.getLeastSignificantBits(), other.id.getLeastSignificantBits());
    }
}
