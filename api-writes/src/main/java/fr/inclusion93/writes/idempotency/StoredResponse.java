package fr.inclusion93.writes.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * A response as it is kept for its key, and sent: status, {@code Location}, content type and body bytes. The first
 * answer is sent from these same bytes, so a replay is identical to it. Other headers are not kept.
 */
record StoredResponse(int status, String location, String contentType, byte[] body) {

    /** The effect's response, its entity written as JSON (a resource's responses are) unless it is text or bytes. */
    static StoredResponse of(Response response, ObjectMapper mapper) {
        MediaType type = response.getMediaType();
        Object entity = response.getEntity();
        String contentType = type != null ? type.toString() : entity == null ? null : MediaType.APPLICATION_JSON;
        return new StoredResponse(response.getStatus(), response.getHeaderString(HttpHeaders.LOCATION), contentType,
                bytes(entity, mapper));
    }

    Response toResponse() {
        Response.ResponseBuilder builder = Response.status(status).entity(body.length == 0 ? null : body);
        if (location != null) {
            builder.header(HttpHeaders.LOCATION, location);
        }
        if (contentType != null) {
            builder.type(contentType);
        }
        return builder.build();
    }

    Response toReplay() {
        return Response.fromResponse(toResponse()).header(IdempotencyKey.REPLAYED_HEADER, "true").build();
    }

    private static byte[] bytes(Object entity, ObjectMapper mapper) {
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response entity cannot be written as JSON", e);
        }
    }
}
