package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestRows;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Updates (full and partial, with ETag / If-Match), closure and reopening of a structure, and the rules they obey. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class StructureChangesTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    TestRows rows;

    @Test
    void aFullUpdateReplacesTheDataBumpsTheVersionAndRecordsBeforeAndAfter() {
        String siret = TestSirets.next();
        String id = register(TestStructures.body(siret));
        Map<String, Object> body = TestStructures.minimal(siret);
        body.put("name", "Médiathèque John Lennon (rénovée)");

        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put(path(id))
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo("Médiathèque John Lennon (rénovée)"))
                .body("qpv", equalTo(false)).body("openingHours", equalTo(null)).body("version", equalTo(2));

        var history = asAdmin().get(path(id) + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.action")).containsExactly("StructureRegistered", "StructureUpdated");
        assertThat(history.getString("items[1].before.name")).isEqualTo("Médiathèque John Lennon");
        assertThat(history.getString("items[1].after.name")).isEqualTo("Médiathèque John Lennon (rénovée)");
        assertThat(history.getString("items[1].actor")).isEqualTo("test-admin");
    }

    @Test
    void anUpdateWithTheSameDataChangesNothing() {
        String siret = TestSirets.next();
        String id = register(TestStructures.body(siret));

        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(TestStructures.body(siret)).put(path(id))
                .then().statusCode(200).header("ETag", "\"1\"");

        assertThat(rows.auditRecords(siret)).isOne();
        assertThat(rows.outboxEvents(siret)).isOne();
    }

    @Test
    void aStaleOrMissingIfMatchChangesNothing() {
        String siret = TestSirets.next();
        String id = register(TestStructures.body(siret));
        patch(id, "\"1\"", "{\"name\": \"Renamed once\"}").then().statusCode(200).header("ETag", "\"2\"");

        Problem stale = patch(id, "\"1\"", "{\"name\": \"Renamed from a stale copy\"}")
                .then().statusCode(412).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(stale.type()).hasToString("https://inclusion93.fr/problems/precondition-failed");
        assertThat(stale.errors()).containsExactly(new Problem.FieldError("If-Match", "does not match the current ETag \"2\""));

        asAdmin().contentType(MERGE_PATCH).body("{\"name\": \"No If-Match\"}").patch(path(id))
                .then().statusCode(428).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/precondition-required"));
        patch(id, "W/\"2\"", "{\"name\": \"Weak tag\"}").then().statusCode(400).body("errors[0].field", equalTo("If-Match"));

        asAdmin().get(path(id)).then().header("ETag", "\"2\"").body("name", equalTo("Renamed once"));
        patch(id, "*", "{\"name\": \"Any version\"}").then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void concurrentUpdatesFromTheSameVersionLetExactlyOneThrough() throws Exception {
        String id = register(TestStructures.body(TestSirets.next()));
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = "Writer " + i;
                calls.add(() -> patch(id, "\"1\"", "{\"name\": \"" + name + "\"}").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        asAdmin().get(path(id)).then().body("version", equalTo(2));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNullRemovesAField() {
        String id = register(TestStructures.body(TestSirets.next()));

        patch(id, "\"1\"", "{\"openingHours\": \"Mo-Fr 09:00-17:00\", \"phone\": null}")
                .then().statusCode(200)
                .body("openingHours", equalTo("Mo-Fr 09:00-17:00"))
                .body("phone", equalTo(null))
                .body("email", equalTo("mediatheques@lacourneuve.fr"))
                .body("qpvCode", equalTo("QP093005"));
    }

    @Test
    void anInvalidPatchNamesEveryFieldAndChangesNothing() {
        String siret = TestSirets.next();
        String id = register(TestStructures.body(siret));

        Problem problem = patch(id, "\"1\"", "{\"name\": null, \"postalCode\": \"75001\", \"legalKind\": \"MONARCHY\"}")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("legalKind");

        problem = patch(id, "\"1\"", "{\"name\": null, \"postalCode\": \"7500\"}")
                .then().statusCode(400).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("name", "postalCode");
        patch(id, "\"1\"", "[1, 2]").then().statusCode(400);

        asAdmin().get(path(id)).then().body("version", equalTo(1)).body("name", equalTo("Médiathèque John Lennon"));
        assertThat(rows.auditRecords(siret)).isOne();
    }

    @Test
    void fieldsThatDoNotFitTogetherAreNamedWithTheReason() {
        Map<String, Object> body = TestStructures.body(null);
        body.put("postalCode", "93200");
        body.put("qpv", false);
        body.put("qpvCode", "QP075001");
        body.remove("longitude");
        body.put("type", "CASINO");
        body.put("phone", "12");

        Problem problem = asAdmin().contentType(ContentType.JSON).body(body).post("/api/structures")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);

        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("longitude", "is required with latitude"),
                new Problem.FieldError("phone", "must be a French number, such as 01 48 36 64 00 or +33148366400"),
                new Problem.FieldError("postalCode", "does not serve La Courneuve (93027), which is served by 93120"),
                new Problem.FieldError("qpv", "is false but a qpvCode is given"),
                new Problem.FieldError("qpvCode", "is a QPV of département 075, not of 93 where La Courneuve is"),
                new Problem.FieldError("siret", "a SIRET, an RNA (for an association) or a parentId (for a branch) is required"),
                new Problem.FieldError("type", "is not a known type of structure (GET /api/structures/types)"));
    }

    @Test
    void aCommuneWithSeveralPostalCodesAcceptsEach() {
        for (String postalCode : List.of("93200", "93210")) {
            Map<String, Object> body = TestStructures.minimal(TestSirets.next());
            body.put("communeInsee", "93066");
            body.put("postalCode", postalCode);
            asAdmin().contentType(ContentType.JSON).body(body).post("/api/structures").then().statusCode(201)
                    .body("communeName", equalTo("Saint-Denis"));
        }
    }

    @Test
    void anRnaIdentifiesAnAssociationOnceAmongActiveStructures() {
        String rna = TestStructures.nextRna();
        String first = register(TestStructures.association(rna));

        Problem duplicate = asAdmin().contentType(ContentType.JSON).body(TestStructures.association(rna)).post("/api/structures")
                .then().statusCode(409).extract().as(Problem.class);
        assertThat(duplicate.type()).hasToString("https://inclusion93.fr/problems/duplicate-rna");
        assertThat(duplicate.existing()).hasToString("/api/structures/" + first);

        Map<String, Object> notAnAssociation = TestStructures.association(TestStructures.nextRna());
        notAnAssociation.put("legalKind", "OTHER_PRIVATE");
        asAdmin().contentType(ContentType.JSON).body(notAnAssociation).post("/api/structures")
                .then().statusCode(400).body("errors[0].field", equalTo("rna"))
                .body("errors[0].reason", equalTo("identifies an association: legalKind must be ASSOCIATION"));
    }

    @Test
    void aBranchWithoutIdentifierHangsFromItsParentOncePerName() {
        String parent = register(TestStructures.body(TestSirets.next()));
        Map<String, Object> branch = TestStructures.minimal(null);
        branch.put("name", "Annexe Jules Vallès");
        branch.put("parentId", parent);

        String branchId = register(branch);
        asAdmin().contentType(ContentType.JSON).body(branch).post("/api/structures")
                .then().statusCode(409).body("type", equalTo("https://inclusion93.fr/problems/duplicate-branch"))
                .body("existing", equalTo("/api/structures/" + branchId));

        branch.put("parentId", "0b6f3c2e-6d3b-4d7e-9a55-2f1c1d9e8a10");
        asAdmin().contentType(ContentType.JSON).body(branch).post("/api/structures")
                .then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        patch(parent, "\"1\"", "{\"parentId\": \"" + branchId + "\"}").then().statusCode(400)
                .body("errors[0].reason", equalTo("is a branch of this structure: a structure cannot be its own ancestor"));
        patch(parent, "\"1\"", "{\"parentId\": \"" + parent + "\"}").then().statusCode(400)
                .body("errors[0].reason", equalTo("cannot be the structure itself"));
    }

    @Test
    void closingFreesTheSiretAndReopeningChecksItIsStillFree() {
        String siret = TestSirets.next();
        String first = register(TestStructures.body(siret));

        close(first, "2021-06-30").then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("CLOSED")).body("closedOn", equalTo("2021-06-30"))
                .body("closeReason", equalTo("Fusion"));
        close(first, "2021-07-01").then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/wrong-status"));

        String second = register(TestStructures.body(siret));
        asAdmin().post(path(first) + "/reopen").then().statusCode(409)
                .body("type", equalTo("https://inclusion93.fr/problems/duplicate-siret"))
                .body("existing", equalTo("/api/structures/" + second));
        asAdmin().post(path(second) + "/reopen").then().statusCode(409)
                .body("errors[0].reason", equalTo("is active: only a closed structure can reopen"));

        close(second, LocalDate.now().toString()).then().statusCode(200);
        asAdmin().header("If-Match", "\"1\"").post(path(first) + "/reopen").then().statusCode(412);
        asAdmin().header("If-Match", "\"2\"").post(path(first) + "/reopen").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("closedOn", equalTo(null)).body("version", equalTo(3));
    }

    @Test
    void aClosureNeedsAPastDateAndAReason() {
        String id = register(TestStructures.body(TestSirets.next()));

        close(id, LocalDate.now().plusDays(1).toString()).then().statusCode(400)
                .body("errors[0].field", equalTo("closedOn"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("closedOn", "2021-06-30")).post(path(id) + "/close")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        asAdmin().get(path(id)).then().body("status", equalTo("ACTIVE")).body("version", equalTo(1));
    }

    @Test
    void aPartnerChangesOnlyStructuresOfItsTerritoryAndCannotMoveOneOut() {
        String id = register(TestStructures.body(TestSirets.next())); // La Courneuve, Plaine Commune

        as(partnerOf(TestTokens.EST_ENSEMBLE)).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"name\": \"Not mine\"}").patch(path(id))
                .then().statusCode(403).body("type", equalTo("https://inclusion93.fr/problems/outside-territory"));
        as(partnerOf(TestTokens.EST_ENSEMBLE)).contentType(ContentType.JSON).body(Map.of("closedOn", "2021-06-30", "reason", "x"))
                .post(path(id) + "/close").then().statusCode(403);

        as(partnerOf(TestTokens.PLAINE_COMMUNE)).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"communeInsee\": \"93008\", \"postalCode\": \"93000\", \"qpvCode\": null}").patch(path(id))
                .then().statusCode(403);
        as(partnerOf(TestTokens.PLAINE_COMMUNE)).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"name\": \"Mine\"}").patch(path(id)).then().statusCode(200);
        asAdmin().get(path(id)).then().body("communeInsee", equalTo("93027")).body("version", equalTo(2));
    }

    @Test
    void typesAreListedAndOnlyTheStateAddsOne() {
        asAdmin().get("/api/structures/types").then().statusCode(200)
                .body("find { it.code == 'BIB' }.label", equalTo("Bibliothèque / médiathèque"));

        as(partnerOf(TestTokens.PLAINE_COMMUNE)).contentType(ContentType.JSON).body(Map.of("label", "Fab lab"))
                .put("/api/structures/types/FABLAB").then().statusCode(403);
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "fab")).put("/api/structures/types/fab-lab")
                .then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Fab lab")).put("/api/structures/types/FABLAB")
                .then().statusCode(200).body("code", equalTo("FABLAB"));

        Map<String, Object> body = TestStructures.minimal(TestSirets.next());
        body.put("type", "FABLAB");
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/structures").then().statusCode(201);
    }

    private static String register(Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post("/api/structures")
                .then().statusCode(201).extract().path("id");
    }

    private static Response patch(String id, String ifMatch, String patch) {
        RequestSpecification request = asAdmin().contentType(MERGE_PATCH).body(patch);
        return request.header("If-Match", ifMatch).patch(path(id));
    }

    private static Response close(String id, String closedOn) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("closedOn", closedOn, "reason", "Fusion"))
                .post(path(id) + "/close");
    }

    private static String path(String id) {
        return "/api/structures/" + id;
    }
}
