package fr.inclusion93.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.inclusion93.security.local.LocalTokens;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of every contract (the gateway's merged one, and each service's own, called directly), with
 * every kind of bad token and every role: driven by the contracts themselves, so an operation added later is
 * covered without touching this class. An operation's roles are the scopes of its bearer requirement.
 * <p>
 * Partners are tried from the territory of the examples (Plaine Commune: the contracts' examples are in La
 * Courneuve) and from another one (Est Ensemble): a partner of another territory never gets a write through.
 * (A write on an existing record, such as an update, will need that record to exist for the territory to be
 * checked: such operations bring their fixture here.)
 */
@ExtendWith(RunningSystem.class)
class SecurityMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLES_TERRITORY = "200057867"; // Plaine Commune
    private static final String OTHER_TERRITORY = "200057875"; // Est Ensemble
    private static final Duration TTL = Duration.ofMinutes(30);
    private static final Set<String> SAFE = Set.of("get", "head", "options");
    private static final LocalTokens STRANGER = strangerKeys();

    record Target(String name, String baseUrl) {
    }

    /** A request body as the contract's first example gives it, in its media type. */
    record Body(String mediaType, String content) {
    }

    record Operation(Target target, String method, String path, Map<String, String> headers, List<String> roles,
            Body body) {

        boolean writes() {
            return !SAFE.contains(method);
        }

        @Override
        public String toString() {
            return target.name + " " + method.toUpperCase() + " " + path;
        }
    }

    /** A way to call, and whether the contract lets it in. */
    record Case(String name, String token, boolean allowed, boolean outsideTerritory) {
    }

    static Stream<Operation> operations() {
        List<Target> targets = new ArrayList<>(List.of(new Target("gateway", RunningSystem.GATEWAY)));
        for (Service service : Service.values()) {
            targets.add(new Target(service.scriptName, RunningSystem.serviceUrl(service.portOffset)));
        }
        List<Operation> operations = targets.stream().flatMap(SecurityMatrixIT::operationsOf).toList();
        assertThat(operations).as("operations found in the contracts").hasSizeGreaterThan(10);
        return operations.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void everyOperationRefusesBadTokensAndTheRolesItDoesNotName(Operation operation) {
        assertThat(operation.roles()).as("roles of " + operation).isNotEmpty();
        if (operation.writes()) {
            assertThat(operation.roles()).as("who may write with " + operation).isSubsetOf("admin", "partner");
        }
        for (Case call : cases(operation)) {
            Response response = call(operation, call.token());
            int status = response.statusCode();
            String what = operation + " as " + call.name() + " -> " + status + " " + response.asString();
            if (call.token() == null || call.name().startsWith("token ")) {
                assertThat(status).as(what).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).as(what).startsWith("Bearer");
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            } else if (!call.allowed()) {
                assertThat(status).as(what).isEqualTo(403);
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            } else if (call.outsideTerritory()) {
                assertThat(status).as(what).isEqualTo(403);
                assertThat(response.asString()).as(what).contains("outside-territory");
            } else {
                assertThat(status).as(what).isNotIn(401, 403);
            }
        }
    }

    private static List<Case> cases(Operation operation) {
        LocalTokens keys = RunningSystem.tokens();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no token", null, false, false));
        cases.add(new Case("token expired", keys.mint(claims(Map.of("exp", 1_600_000_000L, "nbf", 1_500_000_000L))),
                false, false));
        cases.add(new Case("token not yet valid", keys.mint(claims(Map.of("nbf", epochSeconds() + 3600))), false, false));
        cases.add(new Case("token for another audience", keys.mint(claims(Map.of("aud", "another-api"))), false, false));
        cases.add(new Case("token from another issuer", keys.mint(claims(Map.of("iss", "https://elsewhere.example"))),
                false, false));
        cases.add(new Case("token signed with another key", STRANGER.mint(claims(Map.of())), false, false));
        for (String role : List.of("admin", "auditor", "dashboard", "monitoring")) {
            cases.add(new Case(role, RunningSystem.token(role), operation.roles().contains(role), false));
        }
        boolean partner = operation.roles().contains("partner");
        cases.add(new Case("partner of the examples' territory", RunningSystem.token("partner", EXAMPLES_TERRITORY),
                partner, false));
        cases.add(new Case("partner of another territory", RunningSystem.token("partner", OTHER_TERRITORY), partner,
                operation.writes()));
        return cases;
    }

    private static Response call(Operation operation, String token) {
        RequestSpecification request = RestAssured.given().baseUri(operation.target().baseUrl()).urlEncodingEnabled(false);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.headers(operation.headers());
        if (operation.body() != null) {
            request.contentType(operation.body().mediaType()).body(FundingFixture.withItsIds(operation.body()));
        }
        return request.request(operation.method().toUpperCase(), operation.path());
    }

    private static Stream<Operation> operationsOf(Target target) {
        JsonNode contract = read(RestAssured.given().baseUri(target.baseUrl()).get("/q/openapi?format=json").asString());
        List<Operation> operations = new ArrayList<>();
        contract.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (entry.getValue().has("responses")) {
                operations.add(new Operation(target, entry.getKey(), concretePath(path.getKey(), entry.getValue()),
                        requiredHeaders(entry.getValue()), roles(entry.getValue(), contract), exampleBody(entry.getValue())));
            }
        }));
        return operations.stream();
    }

    /** The scopes of the operation's bearer requirement, or of the document's when the operation has none. */
    private static List<String> roles(JsonNode operation, JsonNode contract) {
        JsonNode security = operation.has("security") ? operation.path("security") : contract.path("security");
        List<String> roles = new ArrayList<>();
        security.forEach(requirement -> requirement.path("bearer").forEach(scope -> roles.add(scope.asText())));
        return roles;
    }

    /**
     * Path parameters filled in: an unknown id is fine where access is decided before the record is looked up; a
     * structure's id is a structure of the examples' territory, whose commune decides who may change it.
     */
    private static String concretePath(String template, JsonNode operation) {
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            JsonNode schema = parameter.path("schema");
            String value = switch (schema.path("type").asText()) {
                case "integer" -> "987654321";
                default -> template.startsWith("/api/structures/{id}") ? StructureFixture.ID
                        : template.startsWith("/api/funding/lines/{") ? FundingFixture.LINE
                        : template.startsWith("/api/funding/") && FundingFixture.BY_REFERENCE.containsKey(name)
                                ? FundingFixture.BY_REFERENCE.get(name) // a query reference (an import's envelope)
                        : "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString() : "x";
            };
            if ("header".equals(parameter.path("in").asText())) {
                continue;
            }
            if ("path".equals(parameter.path("in").asText())) {
                path = path.replace("{" + name + "}", value);
            } else if (parameter.path("required").asBoolean()) {
                path += (path.contains("?") ? "&" : "?") + name + "=" + value;
            }
        }
        return path;
    }

    /** Required headers (If-Match…) with their example, or {@code *}. */
    private static Map<String, String> requiredHeaders(JsonNode operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()) {
                JsonNode example = parameter.path("example");
                headers.put(parameter.path("name").asText(), example.isMissingNode() ? "*" : example.asText());
            }
        }
        return headers;
    }

    /** The first example of the first media type the operation takes (JSON, merge patch, CSV…). */
    private static Body exampleBody(JsonNode operation) {
        var contents = operation.path("requestBody").path("content").fields();
        if (!contents.hasNext()) {
            return null;
        }
        var media = contents.next();
        JsonNode example = media.getValue().path("examples").elements().hasNext()
                ? media.getValue().path("examples").elements().next().path("value")
                : media.getValue().path("example");
        String content = example.isMissingNode() ? "{}" : example.isTextual() ? example.asText() : example.toString();
        return new Body(media.getKey(), content);
    }

    /** Registered on first use (the contracts are read before the system is asked anything else). */
    private static final class StructureFixture {
        static final String ID = registerStructureInLaCourneuve();
    }

    private static String registerStructureInLaCourneuve() {
        return RestAssured.given().baseUri(RunningSystem.GATEWAY)
                .header("Authorization", "Bearer " + RunningSystem.token("admin"))
                .contentType("application/json")
                .body(Map.of("name", "Security matrix fixture", "siret", Sirets.random(), "legalKind", "PUBLIC_COLLECTIVITY",
                        "type", "BIB", "address", "9 avenue du Général Leclerc", "postalCode", "93120", "communeInsee", "93027"))
                .post("/api/structures")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * A funding line of the examples' territory (La Courneuve), with its funder, programme, envelope and beneficiary:
     * a line's writes are decided by its territory, and a body's references must exist for that check to be reached.
     */
    private static final class FundingFixture {
        static final String FUNDER = create("/api/funding/funders", Map.of("name", "Security matrix funder"));
        static final String PROGRAMME = create("/api/funding/programmes",
                Map.of("name", "Security matrix programme", "funderId", FUNDER));
        static final String ENVELOPE = create("/api/funding/envelopes", Map.of("programmeId", PROGRAMME,
                "territory", Map.of("level", "COMMUNE", "code", "93027")));
        static final String BENEFICIARY = create("/api/funding/beneficiaries",
                Map.of("name", "Security matrix beneficiary", "communeInsee", "93027"));
        static final String LINE = create("/api/funding/lines", Map.of("envelopeId", ENVELOPE, "beneficiaryId", BENEFICIARY,
                "object", "Security matrix line", "amountCents", 100_000_000, "status", "COMMITTED",
                "territory", Map.of("level", "COMMUNE", "code", "93027")));
        static final Map<String, String> BY_REFERENCE = Map.of("funderId", FUNDER, "programmeId", PROGRAMME,
                "envelopeId", ENVELOPE, "beneficiaryId", BENEFICIARY);

        /** The body with the fixture's ids in place of the example's references (which exist nowhere). */
        static String withItsIds(Body body) {
            if (!body.mediaType().contains("json") || !body.content().startsWith("{")) {
                return body.content();
            }
            var json = (com.fasterxml.jackson.databind.node.ObjectNode) read(body.content());
            BY_REFERENCE.forEach((field, id) -> {
                if (json.has(field)) {
                    json.put(field, id);
                }
            });
            return json.toString();
        }

        private static String create(String path, Map<String, Object> body) {
            return RestAssured.given().baseUri(RunningSystem.GATEWAY)
                    .header("Authorization", "Bearer " + RunningSystem.token("admin"))
                    .contentType("application/json").body(body).post(path)
                    .then().statusCode(201).extract().path("id");
        }
    }

    private static Map<String, Object> claims(Map<String, Object> changes) {
        Map<String, Object> claims = new LinkedHashMap<>(LocalTokens.standardClaims("matrix", "admin", null, TTL));
        claims.putAll(changes);
        return claims;
    }

    private static LocalTokens strangerKeys() {
        try {
            return LocalTokens.inDirectory(Files.createTempDirectory("stranger-keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
