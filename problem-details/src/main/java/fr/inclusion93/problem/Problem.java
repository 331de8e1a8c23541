package fr.inclusion93.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the one error body of every service.
 * {@code errors} lists the offending fields of a rejected request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json)")
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "https://inclusion93.fr/problems/validation")
        URI type,
        @Schema(description = "Short, human-readable summary of the problem type", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", examples = "400")
        int status,
        @Schema(description = "Explanation specific to this occurrence", examples = "siret: must be 14 digits with a valid SIRET checksum")
        String detail,
        @Schema(description = "URI reference of the request that caused the problem", format = "uri-reference",
                examples = "/api/structures")
        URI instance,
        @Schema(description = "Offending fields, one entry per field and reason")
        List<FieldError> errors,
        @Schema(description = "URI reference of the existing record the request conflicts with (a duplicate's original)",
                format = "uri-reference", examples = "/api/structures/0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10")
        URI existing) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(URI type, String title, int status, String detail, URI instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** One rejected field and why. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Path of the field in the request", examples = "siret")
            String field,
            @Schema(description = "Why the value was rejected", examples = "must be 14 digits with a valid SIRET checksum")
            String reason) {
    }
}
