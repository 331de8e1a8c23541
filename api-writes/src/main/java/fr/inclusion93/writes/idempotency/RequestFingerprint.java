package fr.inclusion93.writes.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same request" for a key: SHA-256 of the method, the path and the body as the resource
 * received it (the deserialized request object), written again as JSON with its properties sorted.
 * <p>
 * The object rather than the raw bytes: two bodies that differ only in white space, property order, escapes or
 * properties the request type ignores have the same effect, and a client that re-serializes its request for a retry
 * must not be told it sent another one.
 */
@ApplicationScoped
class RequestFingerprint {

    private final ObjectMapper mapper;
    private final ObjectWriter canonical;

    RequestFingerprint(ObjectMapper mapper) {
        this.mapper = mapper;
        this.canonical = mapper.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
    }

    String of(String method, String path, Object body) {
        try {
            byte[] json = canonical.writeValueAsBytes(mapper.valueToTree(body));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A request body cannot be written as JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
