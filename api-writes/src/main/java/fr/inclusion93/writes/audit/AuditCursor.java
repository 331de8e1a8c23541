package fr.inclusion93.writes.audit;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Where a page of the trail ended: the last entry's time and row id (keyset pagination), opaque to clients. */
record AuditCursor(Instant recordedAt, long id) {

    static AuditCursor after(AuditRecord last) {
        return new AuditCursor(last.recordedAt, last.id);
    }

    String encode() {
        long micros = TimeUnit.SECONDS.toMicros(recordedAt.getEpochSecond()) + recordedAt.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a page's {@code next} gave; empty when {@code text} is not one. */
    static Optional<AuditCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            long micros = Long.parseLong(parts[0]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            return Optional.of(new AuditCursor(at, Long.parseLong(parts[1])));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
