package fr.inclusion93.security.testing;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import io.restassured.RestAssured;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A reader of a "changed since" feed (api-writes' ChangeFeed) as another system would poll it: cursor to cursor. */
public final class ChangeFeedReader {

    private static final int PAGE = 500;

    /** Each item's latest state, and how many times it came, since the reader started. */
    public final Map<String, Map<String, Object>> latest = new HashMap<>();
    public final Map<String, Integer> seen = new HashMap<>();
    private final String path;
    private String cursor;

    private ChangeFeedReader(String path) {
        this.path = path;
    }

    /** A reader that has read everything there is so far (and forgot it). */
    public static ChangeFeedReader atTheEnd(String path) {
        ChangeFeedReader reader = new ChangeFeedReader(path);
        reader.readToTheEnd();
        reader.latest.clear();
        reader.seen.clear();
        return reader;
    }

    /** A GET of the feed with bad parameters is a 400 naming each one. */
    public static void assertRefused(String path, Map<String, String> parameters, String... names) {
        Problem problem = asAdmin().queryParams(parameters).get(path)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).as(parameters.toString()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder(names);
    }

    /** Every reading role follows the feed; monitoring is 403, an anonymous caller 401 (problem details). */
    public static void assertReadersOnly(String path) {
        for (String token : List.of(TestTokens.token(Roles.ADMIN), TestTokens.token(Roles.AUDITOR),
                TestTokens.token(Roles.DASHBOARD), TestTokens.partnerOf(TestTokens.PLAINE_COMMUNE))) {
            TestTokens.as(token).queryParam("limit", "1").get(path).then().statusCode(200);
        }
        TestTokens.as(TestTokens.token(Roles.MONITORING)).get(path).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        RestAssured.given().get(path).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    /** Reads pages until one is not full; returns what this call read, by id. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> readToTheEnd() {
        Map<String, Map<String, Object>> read = new HashMap<>();
        int size;
        do {
            var request = asAdmin().queryParam("limit", PAGE);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Map<String, Object> page = request.get(path).then().statusCode(200).extract().as(Map.class);
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            for (Map<String, Object> item : items) {
                String id = (String) item.get("id");
                read.put(id, item);
                latest.put(id, item);
                seen.merge(id, 1, Integer::sum);
            }
            cursor = (String) page.get("next");
            size = items.size();
        } while (size == PAGE);
        return read;
    }
}
