package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import fr.inclusion93.writes.audit.AuditEntry;
import fr.inclusion93.writes.audit.AuditLog;
import fr.inclusion93.writes.audit.AuditPage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit trail's read endpoints: who may read them, paging, and every bad parameter. */
@QuarkusTest
class StructureHistoryResourceTest {

    private static final String ONE_TRAIL = "/api/structures/{id}/history";
    private static final String CHANGES = "/api/structures/history";

    @Inject
    AuditLog audit;

    @Test
    void adminsAndAuditorsReadOneStructuresTrail() {
        String id = register();

        for (String role : List.of(Roles.ADMIN, Roles.AUDITOR)) {
            AuditPage page = as(token(role)).get(ONE_TRAIL, id).then().statusCode(200).extract().as(AuditPage.class);
            assertThat(page.items()).extracting(AuditEntry::recordId, AuditEntry::action)
                    .containsExactly(tuple(id, "StructureRegistered"));
            assertThat(page.next()).isNull();
        }
    }

    @Test
    void partnersDashboardsAndScrapersAre403AnonymousCallers401() {
        String id = register();
        String period = CHANGES + "?from=2021-01-01T00:00:00Z";
        for (String token : List.of(token(Roles.PARTNER), partnerOf(TestTokens.PLAINE_COMMUNE), token(Roles.DASHBOARD),
                token(Roles.MONITORING))) {
            as(token).get(ONE_TRAIL, id).then().statusCode(403).contentType(Problem.MEDIA_TYPE).body("status", equalTo(403));
            as(token).get(period).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        }
        RestAssured.given().get(ONE_TRAIL, id).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        RestAssured.given().get(period).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void anUnknownStructureIs404AndAnIdThatIsNoUuid400() {
        asAdmin().get(ONE_TRAIL, UUID.randomUUID()).then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/not-found"));
        asAdmin().get(ONE_TRAIL, "not-a-uuid").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void oneStructuresTrailIsPagedOldestFirst() {
        String id = register();
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record("StructureRenamed", "structure", id, Map.of("name", "Before"), Map.of("name", "After"));
            audit.record("StructureClosed", "structure", id, Map.of("status", "ACTIVE"), Map.of("status", "CLOSED"));
        });

        List<AuditEntry> entries = readAll(ONE_TRAIL.replace("{id}", id) + "?limit=2");

        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("StructureRegistered", "StructureRenamed", "StructureClosed");
        assertThat(entries).extracting(AuditEntry::actor)
                .as("a change no authenticated request made").containsExactly("test-admin", "system", "system");
        assertThat(entries.get(1).before()).isEqualTo(Map.of("name", "Before"));
        assertThat(entries.get(1).after()).isEqualTo(Map.of("name", "After"));
    }

    @Test
    void theChangesOfAPeriodArePagedOldestFirstAndEndWhereAsked() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> ids = List.of(register(), register(), register());

        List<AuditEntry> changes = readAll(CHANGES + "?limit=1&from=" + from);

        assertThat(changes).extracting(AuditEntry::recordId).containsSubsequence(ids);
        assertThat(changes).extracting(AuditEntry::recordedAt).isSorted().allMatch(at -> !at.isBefore(from));
        AuditPage before = asAdmin().queryParam("from", from.minus(1, ChronoUnit.HOURS).toString())
                .queryParam("to", from.toString()).get(CHANGES).then().statusCode(200).extract().as(AuditPage.class);
        assertThat(before.items()).extracting(AuditEntry::recordId).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void badPeriodParametersAre400NamingEachOne() {
        assertBadParameters(Map.of(), "from");
        assertBadParameters(Map.of("from", "2021-01-15"), "from");
        assertBadParameters(Map.of("from", "2021-01-15T00:00:00Z", "to", "yesterday"), "to");
        assertBadParameters(Map.of("from", "2021-01-15T00:00:00Z", "to", "2021-01-15T00:00:00Z"), "to");
        assertBadParameters(Map.of("from", "2021-01-15T00:00:00Z", "to", "2021-01-14T00:00:00+01:00"), "to");
        for (String limit : List.of("0", "501", "-1", "ten", "1.5")) {
            assertBadParameters(Map.of("from", "2021-01-15T00:00:00Z", "limit", limit), "limit");
        }
        for (String cursor : List.of("!!!", "bm90LWEtY3Vyc29y", "MTIz")) {
            assertBadParameters(Map.of("from", "2021-01-15T00:00:00Z", "cursor", cursor), "cursor");
        }
        assertBadParameters(Map.of("limit", "0", "cursor", "!!!"), "cursor", "from", "limit");
    }

    @Test
    void badPageParametersOfOneTrailAre400NamingEachOne() {
        String id = register();
        Problem problem = asAdmin().queryParam("limit", "501").queryParam("cursor", "%%").get(ONE_TRAIL, id)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("limit", "cursor");
    }

    private static void assertBadParameters(Map<String, String> parameters, String... named) {
        Problem problem = asAdmin().queryParams(parameters).get(CHANGES)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.type()).hasToString("https://inclusion93.fr/problems/validation");
        assertThat(problem.errors()).as("for %s", parameters).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder(named);
    }

    /** Every entry of a listing, following next from page to page; no page longer than its limit. */
    private static List<AuditEntry> readAll(String firstPage) {
        int limit = Integer.parseInt(firstPage.replaceAll(".*limit=(\\d+).*", "$1"));
        List<AuditEntry> entries = new ArrayList<>();
        AuditPage page = asAdmin().get(firstPage).then().statusCode(200).extract().as(AuditPage.class);
        entries.addAll(page.items());
        while (page.next() != null) {
            assertThat(page.items()).hasSize(limit);
            page = asAdmin().queryParam("cursor", page.next()).get(firstPage).then().statusCode(200).extract().as(AuditPage.class);
            entries.addAll(page.items());
        }
        assertThat(page.items().size()).isLessThanOrEqualTo(limit);
        return entries;
    }

    private static String register() {
        return asAdmin().contentType(ContentType.JSON)
                .body(TestStructures.body(TestSirets.next()))
                .post("/api/structures")
                .then().statusCode(201).extract().path("id");
    }
}
