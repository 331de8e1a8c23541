package fr.inclusion93.events;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The versioned JSON Schemas of all events, kept in this module's {@code event-schemas/} folder:
 * {@code envelope.v1.schema.json} and one {@code <EventType>.v<N>.schema.json} per event type.
 * Producers check before writing to the outbox, consumers on receipt.
 */
public final class EventSchemas {

    private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setOutputFormat(OutputFormat.Basic)
            .setBaseUri("https://inclusion93.fr/event-schemas/");
    private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Checks a whole envelope (as JSON text) and its payload; returns the violations, empty when valid. */
    public static List<String> violations(String envelopeJson) {
        JsonObject envelope;
        try {
            envelope = new JsonObject(envelopeJson);
        } catch (RuntimeException e) {
            return List.of("not a JSON object: " + e.getMessage());
        }
        List<String> envelopeErrors = check(validator("envelope.v1"), envelope);
        if (!envelopeErrors.isEmpty()) {
            return envelopeErrors;
        }
        String schemaName = envelope.getString("eventType") + ".v" + envelope.getInteger("schemaVersion");
        if (EventSchemas.class.getResource(path(schemaName)) == null) {
            return List.of("no schema for event type " + schemaName);
        }
        return check(validator(schemaName), envelope.getJsonObject("payload")).stream()
                .map(error -> "payload" + error)
                .toList();
    }

    private static List<String> check(Validator validator, JsonObject json) {
        OutputUnit result = validator.validate(json);
        if (Boolean.TRUE.equals(result.getValid())) {
            return List.of();
        }
        List<OutputUnit> errors = result.getErrors() == null || result.getErrors().isEmpty() ? List.of(result) : result.getErrors();
        return errors.stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getError())
                .collect(Collectors.toList());
    }

    private static Validator validator(String schemaName) {
        return VALIDATORS.computeIfAbsent(schemaName, name -> Validator.create(JsonSchema.of(load(name)), OPTIONS));
    }

    private static JsonObject load(String schemaName) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(path(schemaName))) {
            if (in == null) {
                throw new IllegalArgumentException("No schema " + schemaName);
            }
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(String schemaName) {
        return "/event-schemas/" + schemaName + ".schema.json";
    }
}
