package fr.inclusion93.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;

/** Writes {@link Problem}s on the Vert.x layer (routes, proxies), where the REST layer's exception mappers do not reach. */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Buffer toBuffer(Problem problem) {
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(HttpServerResponse response, Problem problem) {
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(toBuffer(problem));
    }

    /** The request path as the problem's {@code instance}, or none if it is not a valid URI reference. */
    public static URI instance(String path) {
        try {
            return path == null ? null : new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
