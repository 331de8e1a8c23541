package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import fr.inclusion93.structure.TestWrites;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** GET /api/structures: each filter, each sort, the pages, who may search and every bad parameter. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class StructureSearchTest {

    private static final String SEARCH = "/api/structures";
    private static final String PLAINE_COMMUNE = TestTokens.PLAINE_COMMUNE;
    private static final String EST_ENSEMBLE = TestTokens.EST_ENSEMBLE;

    @Test
    void eachFilterKeepsTheStructuresThatMatchIt() {
        String word = uniqueWord();
        StructureResponse library = TestWrites.register(named(TestStructures.body(TestSirets.next()), "Médiathèque " + word));
        String rna = TestStructures.nextRna();
        StructureResponse association = TestWrites.register(named(TestStructures.association(rna), "Association " + word));
        Map<String, Object> ccasBody = at(TestStructures.minimal(TestSirets.next()), "93001", "93300");
        ccasBody.put("type", "CCAS");
        StructureResponse ccas = TestWrites.close(TestWrites.register(named(ccasBody, "CCAS " + word)).id());

        assertThat(ids(Map.of("q", word))).containsExactly(library.id(), association.id(), ccas.id());
        assertThat(ids(Map.of("q", word, "ept", PLAINE_COMMUNE))).containsExactly(library.id(), ccas.id());
        assertThat(ids(Map.of("q", word, "ept", EST_ENSEMBLE))).containsExactly(association.id());
        assertThat(ids(Map.of("q", word, "commune", "93001"))).containsExactly(ccas.id());
        assertThat(ids(Map.of("q", word, "type", "ASSO"))).containsExactly(association.id());
        assertThat(ids(Map.of("q", word, "legalKind", "ASSOCIATION"))).containsExactly(association.id());
        assertThat(ids(Map.of("q", word, "qpv", "true"))).containsExactly(library.id());
        assertThat(ids(Map.of("q", word, "qpv", "false"))).containsExactly(association.id(), ccas.id());
        assertThat(ids(Map.of("q", word, "status", "CLOSED"))).containsExactly(ccas.id());
        assertThat(ids(Map.of("q", word, "status", "ACTIVE"))).containsExactly(library.id(), association.id());
        assertThat(ids(Map.of("q", word, "ept", PLAINE_COMMUNE, "status", "ACTIVE", "type", "BIB")))
                .containsExactly(library.id());
        assertThat(ids(Map.of("q", word, "ept", EST_ENSEMBLE, "type", "BIB"))).isEmpty();
        assertThat(ids(Map.of("rna", rna))).containsExactly(association.id());
        assertThat(ids(Map.of("siret", ccas.siret()))).containsExactly(ccas.id());
        assertThat(ids(Map.of("q", word, "commune", "", "type", " "))).as("empty values filter nothing")
                .containsExactly(library.id(), association.id(), ccas.id());
    }

    @Test
    void itemsAreTheStructuresAsReadOneByOne() {
        StructureResponse closed = TestWrites.close(TestWrites.register(TestStructures.body(TestSirets.next())).id());

        StructureSearchPage page = search(Map.of("siret", closed.siret()));

        assertThat(page.items()).usingRecursiveFieldByFieldElementComparator().containsExactly(TestWrites.get(closed.id()));
        assertThat(page.next()).isNull();
    }

    @Test
    void textIgnoresAccentsCaseAndTheOrderOfWords() {
        String word = uniqueWord();
        UUID id = TestWrites.register(named(TestStructures.body(TestSirets.next()), "Médiathèque Œuvre d'Été " + word)).id();

        assertThat(ids(Map.of("q", "ÉTÉ " + word.toUpperCase() + " mediatheque OEUVRE"))).containsExactly(id);
        assertThat(ids(Map.of("q", "  diath  " + word + "  "))).as("parts of words").containsExactly(id);
        assertThat(ids(Map.of("q", word + " bibliotheque"))).as("every word must be found").isEmpty();
        assertThat(ids(Map.of("q", word + " %"))).as("% is no wildcard").isEmpty();
        assertThat(ids(Map.of("q", word + " d_Été"))).as("_ is no wildcard").isEmpty();
    }

    @Test
    void eachSortOrdersByItsKeyAccentsAndCaseIgnoredAndPagesFollowIt() {
        String word = uniqueWord();
        UUID charlie = TestWrites.register(at(named(TestStructures.minimal(TestSirets.next()), word + " Charlie"), "93027", "93120")).id();
        UUID alpha = TestWrites.register(at(named(TestStructures.minimal(TestSirets.next()), word + " alpha"), "93008", "93000")).id();
        UUID emile = TestWrites.register(at(named(TestStructures.minimal(TestSirets.next()), word + " Émile"), "93001", "93300")).id();

        assertThat(ids(Map.of("q", word))).as("default: registeredAt").containsExactly(charlie, alpha, emile);
        Map<String, List<UUID>> expected = new LinkedHashMap<>();
        expected.put("registeredAt", List.of(charlie, alpha, emile));
        expected.put("-registeredAt", List.of(emile, alpha, charlie));
        expected.put("name", List.of(alpha, charlie, emile));
        expected.put("-name", List.of(emile, charlie, alpha));
        expected.put("commune", List.of(emile, alpha, charlie)); // 93001, 93008, 93027
        expected.put("-commune", List.of(charlie, alpha, emile));
        expected.forEach((sort, order) -> {
            assertThat(ids(Map.of("q", word, "sort", sort))).as(sort).containsExactlyElementsOf(order);
            assertThat(allPages(Map.of("q", word, "sort", sort, "limit", "1"))).as(sort + ", a page per structure")
                    .containsExactlyElementsOf(order);
        });
    }

    @Test
    void theIdBreaksTiesSoThatPagesSplitEqualKeys() {
        String word = uniqueWord();
        List<UUID> twins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twins.add(TestWrites.register(named(TestStructures.minimal(TestSirets.next()), word + " Twin")).id());
        }
        List<UUID> byId = twins.stream().sorted(StructureSearchTest::postgresUuidOrder).toList();
        List<UUID> byIdDescending = twins.stream().sorted(Collections.reverseOrder(StructureSearchTest::postgresUuidOrder)).toList();

        assertThat(allPages(Map.of("q", word, "sort", "name", "limit", "1"))).containsExactlyElementsOf(byId);
        assertThat(allPages(Map.of("q", word, "sort", "-commune", "limit", "3"))).containsExactlyElementsOf(byIdDescending);
    }

    @Test
    void theLastPageHasNoNextAndALimitCutsPages() {
        String word = uniqueWord();
        for (int i = 0; i < 3; i++) {
            TestWrites.register(named(TestStructures.minimal(TestSirets.next()), word + " " + i));
        }

        StructureSearchPage first = search(Map.of("q", word, "limit", "2"));
        StructureSearchPage last = search(Map.of("q", word, "limit", "2", "cursor", first.next()));

        assertThat(first.items()).hasSize(2);
        assertThat(last.items()).hasSize(1);
        assertThat(last.next()).isNull();
        assertThat(search(Map.of("q", word, "limit", "3")).next()).as("exactly full: nothing after").isNull();
    }

    @Test
    void badParametersAre400NamingEachOne() {
        assertBad(Map.of("ept", "123456789"), "ept");
        assertBad(Map.of("commune", "75056"), "commune");
        assertBad(Map.of("type", "NOPE"), "type");
        assertBad(Map.of("legalKind", "association"), "legalKind");
        assertBad(Map.of("qpv", "yes"), "qpv");
        assertBad(Map.of("status", "OPEN"), "status");
        assertBad(Map.of("siret", "12345678901234"), "siret");
        assertBad(Map.of("rna", "W12"), "rna");
        assertBad(Map.of("q", "x".repeat(201)), "q");
        assertBad(Map.of("q", "a b c d e f g h i j k"), "q");
        assertBad(Map.of("q", "nul\u0000"), "q");
        assertBad(Map.of("sort", "siret"), "sort");
        for (String limit : List.of("0", "501", "-1", "ten", "1.5")) {
            assertBad(Map.of("limit", limit), "limit");
        }
        for (String cursor : List.of("!!!", "bm90LWEtY3Vyc29y", base64("nope." + UUID.randomUUID() + ".x"),
                base64("name.not-a-uuid.x"), base64("registeredAt." + UUID.randomUUID() + ".yesterday"),
                base64("commune." + UUID.randomUUID() + ".'; drop table structure; --"))) {
            assertBad(Map.of("cursor", cursor), "cursor");
        }
        assertBad(Map.of("page", "2", "size", "10"), "page", "size");
        assertBad(Map.of("ept", "1", "sort", "x", "limit", "0"), "ept", "sort", "limit");
    }

    @Test
    void aCursorComesBackWithTheSortItWasMadeFor() {
        String word = uniqueWord();
        TestWrites.register(named(TestStructures.minimal(TestSirets.next()), word + " one"));
        TestWrites.register(named(TestStructures.minimal(TestSirets.next()), word + " two"));
        String byName = search(Map.of("q", word, "sort", "name", "limit", "1")).next();

        assertBad(Map.of("q", word, "sort", "-name", "cursor", byName), "cursor");
        assertBad(Map.of("q", word, "cursor", byName), "cursor");
        assertThat(search(Map.of("q", word, "sort", "name", "cursor", byName)).items()).hasSize(1);
    }

    @Test
    void aRepeatedParameterIs400() {
        Problem problem = asAdmin().queryParam("ept", PLAINE_COMMUNE, EST_ENSEMBLE).get(SEARCH)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("ept", "is given 2 times: give it once"));
    }

    @Test
    void everyReaderSearchesOthersAre403AnonymousCallers401() {
        for (String token : List.of(token(Roles.ADMIN), token(Roles.AUDITOR), token(Roles.DASHBOARD),
                partnerOf(TestTokens.EST_ENSEMBLE))) {
            as(token).queryParam("limit", "1").get(SEARCH).then().statusCode(200);
        }
        as(token(Roles.MONITORING)).get(SEARCH).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        RestAssured.given().get(SEARCH).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    private static void assertBad(Map<String, String> parameters, String... names) {
        Problem problem = asAdmin().queryParams(parameters).get(SEARCH)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.type()).hasToString("https://inclusion93.fr/problems/validation");
        assertThat(problem.errors()).as(parameters.toString()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder(names);
    }

    static StructureSearchPage search(Map<String, String> parameters) {
        return asAdmin().queryParams(parameters).get(SEARCH).then().statusCode(200).extract().as(StructureSearchPage.class);
    }

    private static List<UUID> ids(Map<String, String> parameters) {
        StructureSearchPage page = search(parameters);
        assertThat(page.next()).as("fits on one page").isNull();
        return page.items().stream().map(StructureResponse::id).toList();
    }

    private static List<UUID> allPages(Map<String, String> parameters) {
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> withCursor = new LinkedHashMap<>(parameters);
            if (cursor != null) {
                withCursor.put("cursor", cursor);
            }
            StructureSearchPage page = search(withCursor);
            page.items().forEach(item -> ids.add(item.id()));
            cursor = page.next();
        } while (cursor != null);
        return ids;
    }

    /** A word no other structure has: the text filter then isolates a test's structures. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    static Map<String, Object> named(Map<String, Object> body, String name) {
        body.put("name", name);
        return body;
    }

    static Map<String, Object> at(Map<String, Object> body, String communeInsee, String postalCode) {
        body.put("communeInsee", communeInsee);
        body.put("postalCode", postalCode);
        body.remove("qpv");
        body.remove("qpvCode");
        return body;
    }

    /** PostgreSQL compares uuids byte by byte, unsigned; java.util.UUID compares signed longs. */
    private static int postgresUuidOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
