package fr.inclusion93.conseiller.rest;

import static fr.inclusion93.conseiller.rest.PostFixture.agreement;
import static fr.inclusion93.conseiller.rest.PostFixture.assertFields;
import static fr.inclusion93.conseiller.rest.PostFixture.hostStructure;
import static fr.inclusion93.conseiller.rest.PostFixture.move;
import static fr.inclusion93.conseiller.rest.PostFixture.open;
import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** GET /api/conseillers/history: the changes of posts, agreements and contracts in a period, for auditors. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class HistoryTest {

    private static final String HISTORY = "/api/conseillers/history";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aPeriodHoldsItsChangesOfEachKindButNoPersonalData() {
        String from = Instant.now().minusSeconds(1).toString();
        String structure;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            structure = hostStructure(kafka);
        }
        String agreement = agreement(80, List.of());
        String post = open(agreement, structure).then().statusCode(201).extract().path("id");
        move(post, "RECRUITING").then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Camille Martin", "email", "camille@example.fr"))
                .post("/api/conseillers/people").then().statusCode(201);

        assertThat(changes(from, "post")).filteredOn(c -> post.equals(c.get("recordId"))).extracting(c -> c.get("action"))
                .containsExactly("PostOpened", "PostRecruiting");
        assertThat(changes(from, "agreement")).extracting(c -> c.get("recordId")).contains(agreement);
        assertThat(changes(from, null)).as("posts by default").extracting(c -> c.get("recordType")).containsOnly("post");
        assertThat(changes(from, "post").toString()).doesNotContain("Camille");
    }

    @Test
    void badParametersAreNamedAndOnlyAdminsAndAuditorsRead() {
        assertFields(asAdmin().queryParam("recordType", "conseiller").get(HISTORY), "recordType", "from");
        assertFields(asAdmin().queryParam("from", "yesterday").queryParam("limit", "0").get(HISTORY), "from", "limit");
        as(token(Roles.AUDITOR)).queryParam("from", "2021-01-01T00:00:00Z").queryParam("limit", "1").get(HISTORY)
                .then().statusCode(200);
        as(token(Roles.DASHBOARD)).queryParam("from", "2021-01-01T00:00:00Z").get(HISTORY).then().statusCode(403);
    }

    /** Every change of the kind since {@code from}, page after page. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(String from, String recordType) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(token(Roles.AUDITOR)).queryParam("from", from).queryParam("limit", 500);
            if (recordType != null) {
                request.queryParam("recordType", recordType);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Map<String, Object> page = request.get(HISTORY).then().statusCode(200).extract().as(Map.class);
            all.addAll((List<Map<String, Object>>) page.get("items"));
            cursor = (String) page.get("next");
        } while (cursor != null);
        return all;
    }
}
