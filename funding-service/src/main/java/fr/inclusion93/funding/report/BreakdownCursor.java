package fr.inclusion93.funding.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** Where a page of a group's lines ended: the line, then its own row before its forecasts, then the forecast's year. */
public record BreakdownCursor(UUID lineId, int rank, int year) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((lineId + "." + rank + "." + year).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a page's next link gave; empty when {@code text} is not one. */
    public static Optional<BreakdownCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length != 3 || !parts[1].matches("[01]") || !parts[2].matches("\\d{1,4}")) {
                return Optional.empty();
            }
            UUID id = UUID.fromString(parts[0]);
            return id.toString().equals(parts[0])
                    ? Optional.of(new BreakdownCursor(id, Integer.parseInt(parts[1]), Integer.parseInt(parts[2])))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
