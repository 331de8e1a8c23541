package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
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
                .body(TestStructures.body(siret))
                .post("/api/structures")
                .then().statusCode(201).contentType(ContentType.JSON)
                .extract();
        StructureResponse created = response.as(StructureResponse.class);

        assertThat(created).usingRecursiveComparison().ignoringFields("id", "registeredAt", "updatedAt")
                .isEqualTo(new StructureResponse(null, DEFAULT_NAME, siret, null, null, "PUBLIC_COLLECTIVITY", "BIB",
                        "9 avenue du Général Leclerc", null, "93120", DEFAULT_INSEE, "La Courneuve", "Plaine Commune",
                        "200057867", true, "QP093005", 48.92741, 2.38645, "Tu-Sa 10:00-12:30,14:00-18:00; PH off",
                        List.of("Aide aux démarches administratives", "Accès internet et matériel informatique"),
                        "+33149926150", "mediatheques@lacourneuve.fr", "https://www.lacourneuve.fr", "ACTIVE", null, null,
                        1, null, null));
        assertThat(created.updatedAt()).isEqualTo(created.registeredAt());
        assertThat(URI.create(response.header("Location")).getPath()).isEqualTo("/api/structures/" + created.id());
        assertThat(response.header("ETag")).isEqualTo("\"1\"");

        var fetched = asAdmin().get(response.header("Location")).then().statusCode(200).header("ETag", "\"1\"").extract();
        assertThat(fetched.as(StructureResponse.class)).usingRecursiveComparison().isEqualTo(created);
        asAdmin().header("If-None-Match", "\"1\"").get(response.header("Location")).then().statusCode(304);
    }

    @Test
    void invalidFieldsAre400WithEveryFieldAndNothingStored() {
        String badSiret = "12345678901234";
        Map<String, Object> body = TestStructures.body(badSiret);
        body.put("name", " ");
        body.put("communeInsee", "75056");
        body.put("rna", "W12");
        body.put("qpvCode", "QP93");
        body.put("latitude", 91);
        body.put("openingHours", "Monday 9h-12h");
        body.put("services", List.of("Réparation de vélos"));
        body.put("email", "not an address");
        body.put("website", "ftp://example.fr");
        Problem problem = asAdmin().contentType(ContentType.JSON)
                .body(body)
                .post("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem.type()).hasToString(VALIDATION);
        assertThat(problem.instance()).hasToString("/api/structures");
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("communeInsee", "is not the INSEE code of a commune this registry serves"),
                new Problem.FieldError("email", "must be a well-formed email address"),
                new Problem.FieldError("latitude", "must be less than or equal to 90"),
                new Problem.FieldError("name", "must not be blank"),
                new Problem.FieldError("openingHours",
                        "is not in OpenStreetMap opening_hours syntax (e.g. Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off)"),
                new Problem.FieldError("qpvCode", "must be QP or QN followed by 6 digits (e.g. QP093005)"),
                new Problem.FieldError("rna", "must be W followed by 9 digits"),
                new Problem.FieldError("services[0].<list element>",
                        "is not a service of the national standard (lieux de médiation numérique 1.0.2)"),
                new Problem.FieldError("siret", "must be 14 digits with a valid SIRET checksum"),
                new Problem.FieldError("website", "must be an http or https URL"));
        assertThat(rowsWithSiret(badSiret)).isZero();
    }

    @Test
    void controlCharactersInTheNameAre400NotAServerError() {
        String siret = TestSirets.next();
        asAdmin().contentType(ContentType.JSON)
                .body(withName(siret, "Mairie\u0000"))
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
                .containsExactly("address", "communeInsee", "legalKind", "name", "postalCode", "type");
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

        String first = register(siret).then().statusCode(201).extract().path("id");
        Problem problem = register(siret).then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .extract().as(Problem.class);

        assertThat(problem.type()).hasToString("https://inclusion93.fr/problems/duplicate-siret");
        assertThat(problem.existing()).hasToString("/api/structures/" + first);
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
        asAdmin().queryParam("limit", "abc").get("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("limit"));
    }

    private static io.restassured.response.Response register(String siret) {
        return asAdmin().contentType(ContentType.JSON)
                .body(TestStructures.body(siret))
                .post("/api/structures");
    }

    private static Map<String, Object> withName(String siret, String name) {
        Map<String, Object> body = TestStructures.body(siret);
        body.put("name", name);
        return body;
    }

    private long rowsWithSiret(String siret) {
        return ((Number) entityManager.createNativeQuery("select count(*) from structure where siret = ?1")
                .setParameter(1, siret).getSingleResult()).longValue();
    }

    private long outboxRowsFor(String siret) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_event where envelope like ?1")
                .setParameter(1, "%\"siret\":\"" + siret + "\"%").getSingleResult()).longValue() / 2; // v1 and v2
    }
}
