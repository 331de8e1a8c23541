package fr.inclusion93.conseiller.rest;

import static fr.inclusion93.conseiller.rest.PostFixture.POSTS;
import static fr.inclusion93.conseiller.rest.PostFixture.agreement;
import static fr.inclusion93.conseiller.rest.PostFixture.assertFields;
import static fr.inclusion93.conseiller.rest.PostFixture.hostStructure;
import static fr.inclusion93.conseiller.rest.PostFixture.move;
import static fr.inclusion93.conseiller.rest.PostFixture.open;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.security.testing.Concurrently;
import fr.inclusion93.security.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A month of activity replaces the month's entry, all rows or none, and the report counts what is recorded. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class ActivityTest {

    private static final String REPORT = "/api/conseillers/reports/activity";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTestClient kafka;
    private String place;
    private String agreement;
    private String post;

    @BeforeEach
    void aPost() {
        kafka = new KafkaTestClient(bootstrapServers);
        place = hostStructure(kafka);
        agreement = agreement(80, List.of());
        post = open(agreement, place).then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aMonthIsRecordedOnceWhateverTimesItIsSentAndItsTotalsArePublished() {
        KafkaTestClient.Watch events = kafka.watch("post.events");
        List<Map<String, Object>> month = List.of(
                activity("ATELIER", "2021-03-04", 120, List.of("CV", "TELETRAVAIL"), null, 8),
                activity("PERMANENCE", "2021-03-09", 180, List.of("AUTRE"), "Démarches CAF en ligne", 11));

        record("2021-03", month).then().statusCode(200);
        record("2021-03", month).then().statusCode(200).body("activities", org.hamcrest.Matchers.equalTo(2))
                .body("minutes", org.hamcrest.Matchers.equalTo(300)).body("peopleHelped", org.hamcrest.Matchers.equalTo(19));
        record("2021-04", List.of(activity("MINI_FORMATION", "2021-04-02", 60, List.of("CV"), null, 5))).then().statusCode(200);

        Map<String, Map<String, Object>> byTheme = keyed(report("theme", "2021-01", "2021-12"));
        assertThat(byTheme).containsOnlyKeys("CV", "TELETRAVAIL", "AUTRE");
        assertThat(byTheme.get("CV")).containsEntry("ateliers", 1).containsEntry("miniFormations", 1)
                .containsEntry("minutes", 180).containsEntry("hours", "3.00").containsEntry("peopleHelped", 13);
        Map<String, Object> total = (Map<String, Object>) report("theme", "2021-01", "2021-12").get("total");
        assertThat(total).containsEntry("ateliers", 1).containsEntry("permanences", 1).containsEntry("miniFormations", 1)
                .containsEntry("minutes", 360).containsEntry("hours", "6.00").containsEntry("peopleHelped", 24);
        assertThat(keyed(report("month", "2021-03", "2021-03"))).containsOnlyKeys("2021-03");
        assertThat(keyed(report("commune", "2021-01", "2021-12")).get("93066")).containsEntry("label", "Saint-Denis");
        assertThat(keyed(report("ept", "2021-01", "2021-12"))).containsOnlyKeys("200057867");
        assertThat(keyed(report("kind", "2021-01", "2021-12"))).containsOnlyKeys("ATELIER", "PERMANENCE", "MINI_FORMATION");

        String recorded = events.awaitRecord(r -> post.equals(r.key()) && r.value().contains("ActivityRecorded")).value();
        assertThat(recorded).contains("\"month\":\"2021-03\"", "\"minutes\":300", "\"peopleHelped\":19");

        record("2021-03", List.of()).then().statusCode(200).body("activities", org.hamcrest.Matchers.equalTo(0));
        assertThat(((Map<String, Object>) report("theme", "2021-01", "2021-12").get("total"))).containsEntry("minutes", 60);
    }

    @Test
    void concurrentEntriesKeepTheReportsSumsEqualToTheirRows() throws Exception {
        List<String> posts = new ArrayList<>(List.of(post));
        for (int i = 0; i < 3; i++) {
            posts.add(open(agreement, place).then().statusCode(201).extract().path("id"));
        }
        List<String> themes = List.of("CV", "TELETRAVAIL", "ACHETER_EN_LIGNE", "DONNEES_PERSONNELLES");

        List<Response> responses = Concurrently.run(24, i -> () -> record(posts.get(i % 4), "2021-0" + (3 + i / 4 % 2),
                List.of(activity(i % 3 == 0 ? "ATELIER" : "PERMANENCE", "2021-0" + (3 + i / 4 % 2) + "-1" + i % 10, 30 + i,
                                List.of(themes.get(i % 4), themes.get((i + 1) % 4)), null, i),
                        activity("MINI_FORMATION", "2021-0" + (3 + i / 4 % 2) + "-0" + (1 + i % 9), 60, List.of("CV"), null, 2))));

        assertThat(responses).extracting(Response::statusCode).containsOnly(200);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet drift = statement.executeQuery("""
                        SELECT count(*) FROM (SELECT * FROM activity_total WHERE activities <> 0
                                              EXCEPT SELECT * FROM activity_total_from_rows) kept_only
                        UNION ALL
                        SELECT count(*) FROM (SELECT * FROM activity_total_from_rows
                                              EXCEPT SELECT * FROM activity_total) rows_only""")) {
            assertThat(drift.next() && drift.getLong(1) == 0 && drift.next() && drift.getLong(1) == 0)
                    .as("the kept sums are those of the activity rows").isTrue();
        }
        Map<String, Object> total = (Map<String, Object>) report("kind", "2021-03", "2021-04").get("total");
        assertThat(((Number) total.get("miniFormations")).intValue()).as("one per post and month").isEqualTo(8);
    }

    @Test
    void theCsvHasTheRowsThenTheTotals() {
        record("2021-03", List.of(activity("ATELIER", "2021-03-04", 90, List.of("RESEAUX_SOCIAUX"), null, 7))).then()
                .statusCode(200);

        String csv = asAdmin().queryParam("agreementId", agreement).queryParam("from", "2021-03").queryParam("to", "2021-03")
                .queryParam("by", "kind").get(REPORT + ".csv").then().statusCode(200).header("X-Report-Version", "1")
                .extract().asString();

        assertThat(csv.split("\r?\n")).containsExactly("key,label,ateliers,permanences,mini_formations,minutes,hours,people_helped",
                "ATELIER,ATELIER,1,0,0,90,1.50,7", "total,Total,1,0,0,90,1.50,7");
    }

    @Test
    void aBadMonthChangesNothingAndNamesEveryRow() {
        record("2021-03", List.of(activity("ATELIER", "2021-03-04", 120, List.of("CV"), null, 8))).then().statusCode(200);

        Response refused = record("2021-03", List.of(
                activity("ATELIER", "2021-04-01", 60, List.of("CV"), null, 1),
                activity("ATELIER", "2021-03-05", 60, List.of("AUTRE"), null, 1),
                activity("ATELIER", "2021-03-06", 60, List.of("CV"), "texte sans AUTRE", 1),
                withPlace(activity("ATELIER", "2021-03-07", 60, List.of("CV"), null, 1), UUID.randomUUID().toString()),
                activity("ATELIER", "2021-01-31", 60, List.of("CV"), null, 1)));
        assertFields(refused, "activities[0].heldOn", "activities[1].otherTheme", "activities[2].otherTheme",
                "activities[3].placeId", "activities[4].heldOn");
        assertFields(record("2021-13", List.of()), "month");
        assertFields(asAdmin().contentType(ContentType.JSON).body(Map.of("activities", List.of(Map.of("kind", "ATELIER"))))
                .put(POSTS + "/" + post + "/activities/2021-03"), "activities[0].heldOn", "activities[0].durationMinutes",
                "activities[0].placeId", "activities[0].themes", "activities[0].peopleHelped");
        asAdmin().contentType(ContentType.JSON).body(Map.of("activities", List.of()))
                .put(POSTS + "/" + UUID.randomUUID() + "/activities/2021-03").then().statusCode(404);
        move(post, "RETURNED", "2021-06-30").then().statusCode(200);
        assertFields(record("2021-07", List.of(activity("ATELIER", "2021-07-01", 60, List.of("CV"), null, 1))),
                "activities[0].heldOn");

        assertThat((Map<String, Object>) report("theme", "2021-01", "2021-12").get("total")).containsEntry("minutes", 120)
                .containsEntry("ateliers", 1);
        assertFields(asAdmin().queryParam("from", "2021-13").queryParam("to", "2020-01").queryParam("by", "hour").get(REPORT),
                "from", "by");
        assertFields(asAdmin().queryParam("from", "2021-03").queryParam("to", "2021-01").get(REPORT), "to");
        assertFields(asAdmin().get(REPORT), "from", "to");
    }

    private Map<String, Object> activity(String kind, String day, int minutes, List<String> themes, String other, int people) {
        Map<String, Object> activity = new HashMap<>();
        activity.put("kind", kind);
        activity.put("heldOn", day);
        activity.put("durationMinutes", minutes);
        activity.put("placeId", place);
        activity.put("themes", themes);
        activity.put("otherTheme", other);
        activity.put("peopleHelped", people);
        return activity;
    }

    private static Map<String, Object> withPlace(Map<String, Object> activity, String place) {
        activity.put("placeId", place);
        return activity;
    }

    private Response record(String month, List<Map<String, Object>> activities) {
        return record(post, month, activities);
    }

    private static Response record(String post, String month, List<Map<String, Object>> activities) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("activities", activities))
                .put(POSTS + "/" + post + "/activities/" + month);
    }

    private Map<String, Object> report(String by, String from, String to) {
        return asAdmin().queryParam("agreementId", agreement).queryParam("by", by).queryParam("from", from)
                .queryParam("to", to).get(REPORT).then().statusCode(200).extract().as(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> keyed(Map<String, Object> report) {
        Map<String, Map<String, Object>> keyed = new HashMap<>();
        ((List<Map<String, Object>>) report.get("rows")).forEach(row -> keyed.put((String) row.get("key"), row));
        return keyed;
    }
}
