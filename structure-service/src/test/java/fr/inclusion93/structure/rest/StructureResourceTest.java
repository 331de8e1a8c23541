package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL) // the key pair every test's tokens are signed with
class StructureResourceTest {

    private static final String DEFAULT_NAME = "Médiathèque John Lennon";
    private static final String DEFAULT_INSEE = "93027";
    private static final String VALIDATION = "https://inclusion93.fr/problems/validation";

    @Inject
    EntityManager entityManager;

    @Test
    void registerAnswers201WithLocationAndTheStructure() {
        String siret = TestSirets.next();
        var response = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", DEFAULT_NAME, "siret", siret, "communeInsee", DEFAULT_INSEE))
                .post("/api/structures")
                .then().statusCode(201).contentType(ContentType.JSON)
                .extract();
        StructureResponse created = response.as(StructureResponse.class);

        assertThat(created).usingRecursiveComparison().ignoringFields("id", "registeredAt")
                .isEqualTo(new StructureResponse(null, DEFAULT_NAME, siret, DEFAULT_INSEE, "La Courneuve",
                        "Plaine Commune", "ACTIVE", null));
        assertThat(URI.create(response.header("Location")).getPath()).isEqualTo("/api/structures/" + created.id());

        StructureResponse fetched = asAdmin().get(response.header("Location"))
                .then().statusCode(200).extract().as(StructureResponse.class);
        assertThat(fetched).usingRecursiveComparison().isEqualTo(created);
    }

    @Test
    void invalidFieldsAre400WithEveryFieldAndNothingStored() {
        String badSiret = "12345678901234";
        Problem problem = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "siret", badSiret, "communeInsee", "75056"))
                .post("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem.type()).hasToString(VALIDATION);
        assertThat(problem.instance()).hasToString("/api/structures");
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("communeInsee", "is not the INSEE code of a commune of Seine-Saint-Denis"),
                new Problem.FieldError("name", "must not be blank"),
                new Problem.FieldError("siret", "must be 14 digits with a valid SIRET checksum"));
        assertThat(rowsWithSiret(badSiret)).isZero();
    }

    @Test
    void controlCharactersInTheNameAre400NotAServerError() {
        String siret = TestSirets.next();
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Mairie\u0000", "siret", siret, "communeInsee", DEFAULT_INSEE))
                .post("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("name"));
        assertThat(rowsWithSiret(siret)).isZero();
    }

    @Test
    void missingFieldsAre400() {
        Problem problem = asAdmin().contentType(ContentType.JSON).body("{}")
                .post("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem.errors()).extracting(Problem.FieldError::field)
                .containsExactly("communeInsee", "name", "siret");
    }

    @Test
    void missingBodyIs400() {
        asAdmin().contentType(ContentType.JSON)
                .post("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(VALIDATION));
    }

    @Test
    void unreadableJsonIs400AndNamesTheField() {
        asAdmin().contentType(ContentType.JSON).body("{\"name\": \"x\", \"siret\": ")
                .post("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/malformed-request"))
                .body("detail", startsWith("Body is not valid JSON"));

        asAdmin().contentType(ContentType.JSON).body("{\"name\": [\"x\"], \"siret\": \"1\", \"communeInsee\": \"93027\"}")
                .post("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aSecondActiveStructureWithTheSameSiretIs409AndNotStored() {
        String siret = TestSirets.next();
        register(siret).then().statusCode(201);

        Problem problem = register(siret).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem.type()).hasToString("https://inclusion93.fr/problems/duplicate-siret");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("siret");
        assertThat(rowsWithSiret(siret)).isOne();
        assertThat(outboxRowsFor(siret)).isOne();
    }

    @Test
    void concurrentRegistrationsOfOneSiretStoreExactlyOne() throws Exception {
        String siret = TestSirets.next();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                calls.add(() -> register(siret).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rowsWithSiret(siret)).isOne();
        assertThat(outboxRowsFor(siret)).isOne();
    }

    @Test
    void unknownIdIs404Problem() {
        String id = "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10";
        asAdmin().get("/api/structures/" + id)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/not-found"))
                .body("instance", equalTo("/api/structures/" + id));
    }

    @Test
    void unknownRouteIs404Problem() {
        asAdmin().get("/api/nothing-here")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
        asAdmin().urlEncodingEnabled(false).get("/api/nothing%20here")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("instance", equalTo("/api/nothing%20here"));
    }

    @Test
    void unsupportedMethodIs405Problem() {
        asAdmin().delete("/api/structures")
                .then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(405));
    }

    @Test
    void parametersOfTheWrongFormatAre400() {
        asAdmin().get("/api/structures/not-a-uuid")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/malformed-request"));
        asAdmin().queryParam("size", "abc").get("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        asAdmin().queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void listIsPagedAndRejectsBadPageSizes() {
        register(TestSirets.next()).then().statusCode(201);
        register(TestSirets.next()).then().statusCode(201);

        StructurePage page = asAdmin().queryParam("size", 1).get("/api/structures")
                .then().statusCode(200).extract().as(StructurePage.class);
        assertThat(page.items()).hasSize(1);
        assertThat(page.totalItems()).isGreaterThanOrEqualTo(2);

        asAdmin().queryParam("size", 0).get("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("size"));
    }

    private static io.restassured.response.Response register(String siret) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", DEFAULT_NAME, "siret", siret, "communeInsee", DEFAULT_INSEE))
                .post("/api/structures");
    }

    private long rowsWithSiret(String siret) {
        return ((Number) entityManager.createNativeQuery("select count(*) from structure where siret = ?1")
                .setParameter(1, siret).getSingleResult()).longValue();
    }

    private long outboxRowsFor(String siret) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_event where envelope like ?1")
                .setParameter(1, "%\"siret\":\"" + siret + "\"%").getSingleResult()).longValue();
    }
}
