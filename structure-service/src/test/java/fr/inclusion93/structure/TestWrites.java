package fr.inclusion93.structure;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;

import fr.inclusion93.structure.rest.StructureResponse;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Writes through the API, as the admin, for tests about what reads see: each must succeed. */
public final class TestWrites {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8"; // REST Assured would send ISO-8859-1

    private TestWrites() {
    }

    public static StructureResponse register(Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post("/api/structures")
                .then().statusCode(201).extract().as(StructureResponse.class);
    }

    /** A JSON merge patch of {@code changes} on the structure as of {@code version}. */
    public static StructureResponse patch(UUID id, long version, Map<String, Object> changes) {
        return asAdmin().contentType(MERGE_PATCH).header("If-Match", "\"" + version + "\"").body(changes)
                .patch("/api/structures/{id}", id)
                .then().statusCode(200).extract().as(StructureResponse.class);
    }

    public static StructureResponse close(UUID id) {
        return asAdmin().contentType(ContentType.JSON)
                .body(Map.of("closedOn", LocalDate.now().minusDays(1).toString(), "reason", "Fusion"))
                .post("/api/structures/{id}/close", id)
                .then().statusCode(200).extract().as(StructureResponse.class);
    }

    public static StructureResponse get(UUID id) {
        return asAdmin().get("/api/structures/{id}", id).then().statusCode(200).extract().as(StructureResponse.class);
    }
}
