package fr.inclusion93.structure.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of a search ended: the last row's sort key and id, and the sort they belong to. Opaque to clients
 * (base64url of {@code sort.id.key}); a cursor only ever comes back with the sort it was made for.
 */
public record SearchCursor(SearchSort sort, String key, UUID id) {

    public String encode() {
        String text = sort.parameter() + "." + id + "." + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a page's {@code next} gave; empty when {@code text} is not one. */
    public static Optional<SearchCursor> decode(String text) {
        try {
            String[] parts = utf8(Base64.getUrlDecoder().decode(text)).split("\\.", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            Optional<SearchSort> sort = SearchSort.of(parts[0]);
            UUID id = UUID.fromString(parts[1]);
            if (sort.isEmpty() || !id.toString().equals(parts[1]) || !sort.get().isValidKey(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new SearchCursor(sort.get(), parts[2], id));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
