package fr.inclusion93.conseiller.event;

import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.events.testing.KafkaTestClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Structure events as structure-service publishes them on {@code structure.events}, for this service's tests. */
public final class StructureEvents {

    public static final String TOPIC = "structure.events";
    public static final String REGISTERED = "StructureRegistered";
    public static final String UPDATED = "StructureUpdated";
    public static final String CLOSED = "StructureClosed";
    public static final String REOPENED = "StructureReopened";

    private static final String DEFAULT_NAME = "CCAS de Saint-Denis";
    private static final String DEFAULT_SIRET = "21930066300016";
    private static final String DEFAULT_INSEE = "93066";
    private static final String DEFAULT_POSTAL_CODE = "93200";
    private static final String PLAINE_COMMUNE = "200057867";
    private static final String DEFAULT_QPV_CODE = "QP093028";

    private StructureEvents() {
    }

    /** An event of this type and schema version, checked against its schema as the producer's outbox does. */
    public static String event(UUID eventId, String eventType, int schemaVersion, String structureId, long version,
            Map<String, ?> payload) {
        String event = envelope(eventId, eventType, schemaVersion, structureId, version, payload);
        assertThat(EventSchemas.violations(event)).as("%s v%d honours its schema", eventType, schemaVersion).isEmpty();
        return event;
    }

    /** The same, unchecked: to send an event that breaks its schema. */
    static String envelope(UUID eventId, String eventType, int schemaVersion, String structureId, long version,
            Map<String, ?> payload) {
        return KafkaTestClient.envelope(eventId, eventType, "structure", structureId, version, payload)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":" + schemaVersion); // the test client writes v1
    }

    /**
     * The payload of every structure event from StructureRegistered v2 on, for an active public structure with a SIRET
     * in Saint-Denis (Plaine Commune), in a QPV. A mutable copy: tests change it as the structure changes.
     */
    public static Map<String, Object> structure(String structureId) {
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("structureId", structureId);
        structure.put("name", DEFAULT_NAME);
        structure.put("siret", DEFAULT_SIRET);
        structure.put("legalKind", "PUBLIC_COLLECTIVITY");
        structure.put("type", "CCAS");
        structure.put("communeInsee", DEFAULT_INSEE);
        structure.put("postalCode", DEFAULT_POSTAL_CODE);
        structure.put("eptSiren", PLAINE_COMMUNE);
        structure.put("eptName", "Plaine Commune");
        structure.put("qpv", true);
        structure.put("qpvCode", DEFAULT_QPV_CODE);
        structure.put("status", "ACTIVE");
        return structure;
    }

    /** The payload of the StructureRegistered v1 copy the producer publishes beside v2 for a structure with a SIRET. */
    static Map<String, Object> registeredV1(Map<String, Object> structure) {
        return Map.of("structureId", structure.get("structureId"), "name", structure.get("name"),
                "siret", structure.get("siret"), "communeInsee", structure.get("communeInsee"));
    }
}
