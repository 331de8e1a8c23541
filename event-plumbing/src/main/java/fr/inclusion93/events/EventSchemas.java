package fr.inclusion93.events;

import io.vertx.core.json.JsonArray;
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
 * Producers check strictly before writing to the outbox ({@link #violations}); consumers check on receipt but ignore
 * properties the schema does not declare ({@link #violationsIgnoringUnknownProperties}), so a producer that adds an
 * optional property does not break a consumer that was not upgraded.
 */
public final class EventSchemas {

    private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setOutputFormat(OutputFormat.Basic)
            .setBaseUri("https://inclusion93.fr/event-schemas/");
    private static final Map<String, Validator> STRICT = new ConcurrentHashMap<>();
    private static final Map<String, Validator> TOLERANT = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Checks a whole envelope (as JSON text) and its payload as a producer must; returns the violations, empty when valid. */
    public static List<String> violations(String envelopeJson) {
        return violations(envelopeJson, STRICT, Mode.STRICT, true);
    }

    /** Checks a received envelope and its payload, ignoring properties their schemas do not declare. */
    public static List<String> violationsIgnoringUnknownProperties(String envelopeJson) {
        return violations(envelopeJson, TOLERANT, Mode.TOLERANT, true);
    }

    /** Checks only the envelope of a received event (a consumer reads no payload of a type it does not handle). */
    public static List<String> envelopeViolationsIgnoringUnknownProperties(String envelopeJson) {
        return violations(envelopeJson, TOLERANT, Mode.TOLERANT, false);
    }

    /** Whether this module has a schema for a version of an event type. */
    public static boolean knows(String eventType, int schemaVersion) {
        return EventSchemas.class.getResource(path(eventType + ".v" + schemaVersion)) != null;
    }

    private enum Mode { STRICT, TOLERANT }

    private static List<String> violations(String envelopeJson, Map<String, Validator> validators, Mode mode,
            boolean withPayload) {
        JsonObject envelope;
        try {
            envelope = new JsonObject(envelopeJson);
        } catch (RuntimeException e) {
            return List.of("not a JSON object: " + e.getMessage());
        }
        List<String> envelopeErrors = check(validator(validators, mode, "envelope.v1"), envelope);
        if (!envelopeErrors.isEmpty() || !withPayload) {
            return envelopeErrors;
        }
        String schemaName = envelope.getString("eventType") + ".v" + envelope.getInteger("schemaVersion");
        if (!knows(envelope.getString("eventType"), envelope.getInteger("schemaVersion"))) {
            return List.of("no schema for event type " + schemaName);
        }
        return check(validator(validators, mode, schemaName), envelope.getJsonObject("payload")).stream()
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

    private static Validator validator(Map<String, Validator> validators, Mode mode, String schemaName) {
        return validators.computeIfAbsent(schemaName, name -> {
            JsonObject schema = load(name);
            return Validator.create(JsonSchema.of(mode == Mode.TOLERANT ? withoutClosedObjects(schema) : schema), OPTIONS);
        });
    }

    /** The schema with every {@code additionalProperties: false} lifted, at any depth. */
    static JsonObject withoutClosedObjects(JsonObject schema) {
        JsonObject open = new JsonObject();
        schema.forEach(entry -> {
            if ("additionalProperties".equals(entry.getKey()) && Boolean.FALSE.equals(entry.getValue())) {
                return;
            }
            open.put(entry.getKey(), opened(entry.getValue()));
        });
        return open;
    }

    private static Object opened(Object value) {
        if (value instanceof JsonObject object) {
            return withoutClosedObjects(object);
        }
        if (value instanceof JsonArray array) {
            JsonArray open = new JsonArray();
            array.forEach(item -> open.add(opened(item)));
            return open;
        }
        return value;
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
