package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestRows;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import fr.inclusion93.writes.idempotency.IdempotencyKeyExpiry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on POST /api/structures (draft-ietf-httpapi-idempotency-key-header), over HTTP and PostgreSQL. */
@QuarkusTest
class IdempotentRegistrationTest {

    private static final String ADMIN_CLIENT = "test-admin";
    private static final String DEFAULT_NAME = "Médiathèque John Lennon";
    private static final String DEFAULT_INSEE = "93027";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String KEY_PROBLEMS = "https://inclusion93.fr/problems/idempotency-key-";

    @Inject
    TestRows rows;

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotencyKeyExpiry expiry;

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstResponseAgainAndCreatesNothing() {
        String key = newKey();
        String siret = TestSirets.next();

        ExtractableResponse<Response> first = register(asAdmin(), key, structure(siret)).then().statusCode(201).extract();
        ExtractableResponse<Response> retry = register(asAdmin(), key, structure(siret)).then().statusCode(201).extract();

        assertThat(first.header(REPLAYED)).isNull();
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).isEqualTo(first.contentType()).startsWith(ContentType.JSON.toString());
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(rows.structures(siret)).isOne();
        assertThat(rows.outboxEvents(siret)).isOne();
        assertThat(rows.auditRecords(siret)).isOne();
    }

    @Test
    void theSameBodyWrittenDifferentlyAndTheQuotedKeyAreTheSameRequest() {
        String key = newKey();
        String siret = TestSirets.next();
        String rest = "\"legalKind\":\"PUBLIC_COLLECTIVITY\",\"type\":\"BIB\",\"address\":\"1 rue X\",\"postalCode\":\"93120\"";
        String compact = "{\"name\":\"" + DEFAULT_NAME + "\",\"siret\":\"" + siret + "\",\"communeInsee\":\"93027\","
                + rest + "}";
        String reordered = "{ \"communeInsee\" : \"93027\",\n  \"siret\" : \"" + siret + "\", " + rest + ","
                + " \"name\" : \"M\\u00e9diath\\u00e8que John Lennon\" }";

        String location = register(asAdmin(), key, compact).then().statusCode(201).extract().header("Location");

        register(asAdmin(), "\"" + key + "\"", reordered).then().statusCode(201)
                .header(REPLAYED, "true").header("Location", location);
        assertThat(rows.structures(siret)).isOne();
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = newKey();
        String siret = TestSirets.next();
        String other = TestSirets.next();
        register(asAdmin(), key, structure(siret)).then().statusCode(201);

        Problem problem = register(asAdmin(), key, structure(other))
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);

        assertThat(problem.type()).hasToString(KEY_PROBLEMS + "reused");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("Idempotency-Key");
        assertThat(problem.detail()).contains("POST /api/structures");
        assertThat(rows.structures(other)).isZero();
        assertThat(rows.auditRecords(other)).isZero();
    }

    @Test
    void keysArePerClient() {
        String key = newKey();
        String siret = TestSirets.next();
        String other = TestSirets.next();

        register(asAdmin(), key, structure(siret)).then().statusCode(201);
        register(as(partnerOf(TestTokens.PLAINE_COMMUNE)), key, structure(other)).then().statusCode(201)
                .header(REPLAYED, (String) null);

        assertThat(rows.structures(siret)).isOne();
        assertThat(rows.structures(other)).isOne();
        assertThat(rows.idempotencyKeys(ADMIN_CLIENT, key)).isOne();
        assertThat(rows.idempotencyKeys("test-partner-" + TestTokens.PLAINE_COMMUNE, key)).isOne();
    }

    @Test
    void concurrentRetriesWithOneKeyCreateExactlyOneStructure() throws Exception {
        String key = newKey();
        String siret = TestSirets.next();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        try {
            List<Callable<ExtractableResponse<Response>>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(() -> register(asAdmin(), key, structure(siret)).then().extract());
            }
            for (Future<ExtractableResponse<Response>> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201, 409).contains(201);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).extracting(a -> a.header("Location"))
                .as("the original and its replays name one structure").containsOnly(answers.stream()
                        .filter(a -> a.statusCode() == 201).findFirst().orElseThrow().header("Location"));
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).extracting(a -> a.<String>path("type"))
                .containsOnly(KEY_PROBLEMS + "in-flight");
        assertThat(rows.structures(siret)).isOne();
        assertThat(rows.outboxEvents(siret)).isOne();
        assertThat(rows.auditRecords(siret)).isOne();
    }

    @Test
    void aRetryWhileTheFirstRequestIsStillRunningIs409() throws Exception {
        String key = newKey();
        TestOnlyWrites.Gate gate = new TestOnlyWrites.Gate();
        TestOnlyWrites.gate = gate;
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> register(asAdmin(), key,
                structure(TestSirets.next()), "/test-only/structures/held").statusCode());
        try {
            assertThat(gate.entered.await(30, TimeUnit.SECONDS)).as("the first request reached its effect").isTrue();

            register(asAdmin(), key, structure(TestSirets.next())).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo(KEY_PROBLEMS + "in-flight"))
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        } finally {
            gate.released.countDown();
        }
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(204);
        register(asAdmin(), key, structure(TestSirets.next())).then().statusCode(422)
                .body("detail", containsString("/test-only/structures/held"));
    }

    @Test
    void aRejectedRequestKeepsNoKeySoTheCorrectedRequestMayUseIt() {
        String key = newKey();
        String siret = TestSirets.next();
        String taken = TestSirets.next();
        register(asAdmin(), newKey(), structure(taken)).then().statusCode(201);

        register(asAdmin(), key, Map.of("name", DEFAULT_NAME, "siret", "12345678901234", "communeInsee", DEFAULT_INSEE))
                .then().statusCode(400);
        register(asAdmin(), key, structure(taken)).then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/duplicate-siret"));
        register(as(partnerOf(TestTokens.EST_ENSEMBLE)), key, structure(siret)).then().statusCode(403);
        assertThat(rows.idempotencyKeys(ADMIN_CLIENT, key)).isZero();
        assertThat(rows.idempotencyKeys("test-partner-" + TestTokens.EST_ENSEMBLE, key)).isZero();

        register(asAdmin(), key, structure(siret)).then().statusCode(201).header(REPLAYED, (String) null);
        assertThat(rows.structures(siret)).isOne();
        assertThat(rows.idempotencyKeys(ADMIN_CLIENT, key)).isOne();
    }

    @Test
    void malformedKeysAre400NamingTheHeaderAndCreateNothing() {
        String siret = TestSirets.next();
        for (String key : List.of("", "\"\"", "a".repeat(256), "two words", "clé", "a,b", "\"quoted", "a\"b")) {
            register(asAdmin(), key, structure(siret)).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo(KEY_PROBLEMS + "malformed"))
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", newKey()).header("Idempotency-Key", newKey())
                .body(structure(siret)).post("/api/structures")
                .then().statusCode(400).body("errors[0].reason", equalTo("must be sent once, not 2 times"));
        assertThat(rows.structures(siret)).isZero();
    }

    @Test
    void theLongestKeyAndEveryAllowedCharacterAreAccepted() {
        String longest = (newKey() + "k".repeat(255)).substring(0, 255);
        String everyPunctuation = "-._~:+/=" + newKey();
        for (String key : List.of(longest, everyPunctuation)) {
            register(asAdmin(), key, structure(TestSirets.next())).then().statusCode(201);
            assertThat(rows.idempotencyKeys(ADMIN_CLIENT, key)).isOne();
        }
    }

    @Test
    void aKeyIsRememberedForTheConfiguredTimeThenIsANewKey() {
        String key = newKey();
        String siret = TestSirets.next();
        String next = TestSirets.next();
        register(asAdmin(), key, structure(siret)).then().statusCode(201);
        assertThat(keptFor(key)).as("idempotency.key-ttl, 24h by default").isEqualTo(Duration.ofHours(24));

        expire(key);
        register(asAdmin(), key, structure(next)).then().statusCode(201).header(REPLAYED, (String) null);

        assertThat(rows.structures(next)).as("an expired key is a new key: the request ran").isOne();
        assertThat(keptFor(key)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theCleanupDeletesExpiredKeysOnly() {
        String expired = newKey();
        String live = newKey();
        register(asAdmin(), expired, structure(TestSirets.next())).then().statusCode(201);
        register(asAdmin(), live, structure(TestSirets.next())).then().statusCode(201);
        expire(expired);

        assertThat(expiry.deleteExpired()).isPositive();

        assertThat(rows.idempotencyKeys(ADMIN_CLIENT, expired)).isZero();
        assertThat(rows.idempotencyKeys(ADMIN_CLIENT, live)).isOne();
    }

    @Test
    void withoutAKeyARequestIsNotRemembered() {
        String siret = TestSirets.next();
        asAdmin().contentType(ContentType.JSON).body(structure(siret)).post("/api/structures")
                .then().statusCode(201).header(REPLAYED, (String) null);
        assertThat(rows.structures(siret)).isOne();
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> structure(String siret) {
        return TestStructures.body(siret);
    }

    private static Response register(RequestSpecification client, String key, Object body) {
        return register(client, key, body, "/api/structures");
    }

    private static Response register(RequestSpecification client, String key, Object body, String path) {
        return client.contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(path);
    }

    private void expire(String key) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                update idempotency_key set expires_at = now() - interval '1 second'
                where client_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, ADMIN_CLIENT).setParameter(2, key).executeUpdate());
    }

    private Duration keptFor(String key) {
        Number seconds = (Number) entityManager.createNativeQuery("""
                select extract(epoch from expires_at - created_at) from idempotency_key
                where client_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, ADMIN_CLIENT).setParameter(2, key).getSingleResult();
        return Duration.ofSeconds(seconds.longValue());
    }
}
