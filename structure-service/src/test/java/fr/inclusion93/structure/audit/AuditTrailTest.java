package fr.inclusion93.structure.audit;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.inclusion93.security.Roles;
import fr.inclusion93.structure.TestRows;
import fr.inclusion93.structure.TestStructures;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.rest.StructureResponse;
import fr.inclusion93.writes.audit.AuditEntry;
import fr.inclusion93.writes.audit.AuditPage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every write leaves who, when, which request and what changed, in its own transaction, in an append-only table. */
@QuarkusTest
class AuditTrailTest {

    private static final String DEFAULT_NAME = "Maison France Services de Bondy";
    private static final String BONDY = "93010";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    TestRows rows;

    @Inject
    EntityManager entityManager;

    @Test
    void registeringRecordsWhoWhenWhichRequestAndTheNewState() {
        String siret = TestSirets.next();
        String requestId = "audit-test-" + UUID.randomUUID();

        StructureResponse created = asAdmin().contentType(ContentType.JSON)
                .header("X-Request-Id", requestId).header("traceparent", CALLER_TRACEPARENT)
                .body(structure(siret)).post("/api/structures")
                .then().statusCode(201).header("X-Request-Id", requestId)
                .extract().as(StructureResponse.class);

        AuditPage trail = as(token(Roles.AUDITOR)).get("/api/structures/{id}/history", created.id())
                .then().statusCode(200).extract().as(AuditPage.class);
        assertThat(trail.next()).isNull();
        assertThat(trail.items()).hasSize(1);
        AuditEntry entry = trail.items().get(0);
        assertThat(entry).usingRecursiveComparison().ignoringFields("recordedAt", "after")
                .isEqualTo(new AuditEntry(null, "test-admin", requestId, TRACE_ID, "StructureRegistered", "structure",
                        created.id().toString(), null, null));
        assertThat(entry.recordedAt()).isNotNull();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", created.id().toString());
        state.put("name", DEFAULT_NAME);
        state.put("siret", siret);
        state.put("communeInsee", BONDY);
        state.put("postalCode", "93140");
        state.put("eptSiren", "200057875");
        state.put("status", "ACTIVE");
        state.put("version", 1);
        state.put("registeredAt", created.registeredAt().toString());
        state.put("updatedAt", created.registeredAt().toString());
        assertThat(entry.after()).containsAllEntriesOf(state);
    }

    @Test
    void aSaneRequestIdIsEchoedAnyOtherIsReplacedByANewOne() {
        String sane = "req_42.a:b=c/d+e-" + UUID.randomUUID();
        asAdmin().header("X-Request-Id", sane).get("/api/structures").then().header("X-Request-Id", sane);

        for (String insane : List.of("two words", "x".repeat(129), "clé", "")) {
            String echoed = asAdmin().header("X-Request-Id", insane).get("/api/structures").then().statusCode(200)
                    .extract().header("X-Request-Id");
            assertThat(echoed).as("instead of %s", insane).matches(UUID_PATTERN);
        }
        String first = asAdmin().get("/api/structures").then().extract().header("X-Request-Id");
        String second = asAdmin().get("/api/structures").then().extract().header("X-Request-Id");
        assertThat(first).matches(UUID_PATTERN).isNotEqualTo(second);
        assertThat(RestAssured.given().get("/api/structures").then().statusCode(401).extract().header("X-Request-Id"))
                .as("refusals carry it too").matches(UUID_PATTERN);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateAuditRecords() {
        String siret = TestSirets.next();
        register(siret);
        String ofThisStructure = " from audit_record where after ->> 'siret' = '" + siret + "'";

        assertRefused("update audit_record set actor = 'someone-else' where after ->> 'siret' = '" + siret + "'", "UPDATE");
        assertRefused("delete" + ofThisStructure, "DELETE");
        assertRefused("truncate audit_record", "TRUNCATE");

        assertThat(entityManager.createNativeQuery("select actor" + ofThisStructure).getSingleResult()).isEqualTo("test-admin");
    }

    @Test
    void aRejectedRegistrationLeavesNoAuditRecord() {
        String siret = TestSirets.next();
        register(siret).then().statusCode(201);

        register(siret).then().statusCode(409);

        assertThat(rows.auditRecords(siret)).isOne();
    }

    @Test
    void aWriteThatFailsAfterItsAuditRecordLeavesNothingBehindNotEvenItsIdempotencyKey() {
        String siret = TestSirets.next();
        String key = UUID.randomUUID().toString();

        asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(structure(siret))
                .post("/test-only/structures/failing-after-the-write")
                .then().statusCode(500);

        assertThat(rows.structures(siret)).isZero();
        assertThat(rows.auditRecords(siret)).isZero();
        assertThat(rows.outboxEvents(siret)).isZero();
        assertThat(rows.idempotencyKeys("test-admin", key)).isZero();
    }

    private static io.restassured.response.Response register(String siret) {
        return asAdmin().contentType(ContentType.JSON).body(structure(siret)).post("/api/structures");
    }

    private static Map<String, Object> structure(String siret) {
        Map<String, Object> body = TestStructures.minimal(siret);
        body.put("name", DEFAULT_NAME);
        body.put("communeInsee", BONDY);
        body.put("postalCode", "93140");
        return body;
    }

    /** Runs the statement in a transaction that is rolled back even if the database let it through. */
    private void assertRefused(String statement, String operation) {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery(statement).executeUpdate();
            QuarkusTransaction.setRollbackOnly();
        })).hasStackTraceContaining("audit_record is append-only: " + operation + " refused");
    }
}
