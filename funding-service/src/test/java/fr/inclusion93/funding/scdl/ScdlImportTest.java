package fr.inclusion93.funding.scdl;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/funding/imports/scdl: an SCDL subventions 2.1.1 file into an envelope, all rows or none, once. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class ScdlImportTest {

    private static final String ANTIBES = "21060004500392"; // the attribuant of the standard's valid example
    private static final String HEADER = String.join(",", ScdlExport.COLUMNS);
    private static final String GOOD = "Ville d'Antibes," + ANTIBES + ",2021-01-15,DEL-1,Association du test,,W%s,"
            + "Ateliers numériques,12500.50,aide en numéraire,unique,2021-02-01,,non,0.5,";

    @Test
    void theStandardsValidExampleIsImportedOnceWhateverTheNumberOfTimesItIsSent() throws IOException {
        String envelope = envelope(ANTIBES, null, "93");
        byte[] example = example();

        Map<String, Object> first = importing(envelope, example).then().statusCode(200).extract().as(Map.class);
        Map<String, Object> second = importing(envelope, example).then().statusCode(200).extract().as(Map.class);

        assertThat(first).isEqualTo(Map.of("rows", 29, "created", 29, "unchanged", 0));
        assertThat(second).isEqualTo(Map.of("rows", 29, "created", 0, "unchanged", 29));
        Map<String, Object> figures = asAdmin().get("/api/funding/envelopes/" + envelope).then().statusCode(200)
                .extract().as(Map.class);
        assertThat(figures.get("committedCents")).isEqualTo(sumOfSharesInCents(example).intValueExact());
        List<Map<String, Object>> lines = asAdmin().queryParam("envelopeId", envelope).queryParam("size", 50)
                .get("/api/funding/lines").then().statusCode(200).extract().path("items");
        assertThat(lines).hasSize(29).allSatisfy(line -> assertThat(line.get("status")).isEqualTo("COMMITTED"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .containsEntry("amountCents", 498_933) // 99 786.57 € × 0.05, half up
                .containsEntry("paymentConditions", "TRANCHES").containsEntry("conventionDate", "2015-07-07"));
        assertThat(lines).filteredOn(line -> "NUMERAIRE_ET_EN_NATURE".equals(line.get("nature"))).hasSize(2);
    }

    @Test
    void aBadRowIsNamedByRowAndColumnAndNothingIsWritten() {
        String envelope = envelope(ANTIBES, null, "93");
        String file = HEADER + "\n" + GOOD.formatted(rnaDigits()) + "\n"
                + GOOD.formatted(rnaDigits()).replace("12500.50", "12.505") + "\n"
                + GOOD.formatted(rnaDigits()).replace("2021-01-15", "15/01/2021").replace(ANTIBES, "21930027400012")
                        .replace("aide en numéraire", "subvention") + "\n"
                + GOOD.formatted(rnaDigits()).replace(",W", ",X").replace("0.5,", "1.5,") + "\n";

        Problem problem = importing(envelope, file.getBytes(StandardCharsets.UTF_8)).then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);

        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactlyInAnyOrder(
                "row 2: montant", "row 3: dateConvention", "row 3: idAttribuant", "row 3: nature",
                "row 4: rnaBeneficiaire", "row 4: pourcentageSubvention");
        assertNothingIn(envelope);
    }

    @Test
    void theSameSubsidyTwiceInAFileIsAnError() {
        String envelope = envelope(ANTIBES, null, "93");
        String row = GOOD.formatted(rnaDigits());
        Problem problem = importing(envelope, (HEADER + "\n" + row + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(422).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("row 2");
        assertNothingIn(envelope);
    }

    @Test
    void aFileAboveTheCeilingIs409AndNothingIsWritten() {
        String envelope = envelope(ANTIBES, 1_000_000L, "93");
        String file = HEADER + "\n" + GOOD.formatted(rnaDigits()) + "\n" + GOOD.formatted(rnaDigits()) + "\n";

        Problem problem = importing(envelope, file.getBytes(StandardCharsets.UTF_8)).then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);

        assertThat(problem.detail()).contains("1000000");
        assertNothingIn(envelope);
    }

    @Test
    void aFileThatIsNotTheStandardsIs400AndAnotherMediaType415() {
        String envelope = envelope(ANTIBES, null, "93");
        assertBadFile(envelope, "", "body");
        assertBadFile(envelope, HEADER.replace(",montant", "") + "\n", "header");
        assertBadFile(envelope, HEADER + ",couleur\n", "header");
        asAdmin().contentType("text/csv").body(HEADER + "\n").post("/api/funding/imports/scdl")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        asAdmin().contentType("text/csv").body(HEADER + "\n").post(path(UUID.randomUUID().toString()))
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        asAdmin().contentType(ContentType.JSON).body("{}").post(path(envelope))
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
        assertNothingIn(envelope);
    }

    @Test
    void aWindows1252FileIsReadWithTheCharsetItNames() {
        String envelope = envelope(ANTIBES, null, "93");
        String file = HEADER + "\n" + GOOD.formatted(rnaDigits()) + "\n";
        asAdmin().contentType("text/csv; charset=windows-1252").body(file.getBytes(java.nio.charset.Charset.forName("windows-1252")))
                .post(path(envelope)).then().statusCode(200);
        assertThat(asAdmin().queryParam("envelopeId", envelope).get("/api/funding/lines").then().statusCode(200)
                .extract().<String>path("items[0].object")).isEqualTo("Ateliers numériques");
    }

    @Test
    void aPartnerImportsIntoAnEnvelopeOfItsTerritoryOnly() {
        String courneuve = envelope(ANTIBES, null, "93027", "COMMUNE");
        byte[] file = (HEADER + "\n" + GOOD.formatted(rnaDigits()) + "\n").getBytes(StandardCharsets.UTF_8);
        as(partnerOf(TestTokens.EST_ENSEMBLE)).contentType("text/csv; charset=UTF-8").body(file).post(path(courneuve))
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        assertNothingIn(courneuve);
        as(partnerOf(TestTokens.PLAINE_COMMUNE)).contentType("text/csv; charset=UTF-8").body(file).post(path(courneuve))
                .then().statusCode(200);
    }

    private static void assertBadFile(String envelope, String file, String field) {
        Problem problem = importing(envelope, file.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).extracting(Problem.FieldError::field).contains(field);
    }

    private static void assertNothingIn(String envelope) {
        assertThat(asAdmin().queryParam("envelopeId", envelope).get("/api/funding/lines").then().statusCode(200)
                .extract().<Integer>path("total")).isZero();
    }

    private static Response importing(String envelope, byte[] file) {
        return asAdmin().contentType("text/csv; charset=UTF-8").body(file).post(path(envelope));
    }

    private static String path(String envelope) {
        return "/api/funding/imports/scdl?envelopeId=" + envelope;
    }

    private static String envelope(String funderSiret, Long ceiling, String code) {
        return envelope(funderSiret, ceiling, code, "DEPARTEMENT");
    }

    private static String envelope(String funderSiret, Long ceiling, String code, String level) {
        String funder = created("/api/funding/funders", Map.of("name", "Ville d'Antibes", "siret", funderSiret));
        String programme = created("/api/funding/programmes", Map.of("name", "Subventions associatives", "funderId", funder));
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programme);
        body.put("territory", Map.of("level", level, "code", code));
        body.put("ceilingCents", ceiling);
        return created("/api/funding/envelopes", body);
    }

    private static String created(String path, Map<String, Object> body) {
        return asAdmin().contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract().path("id");
    }

    private static byte[] example() throws IOException {
        try (InputStream file = ScdlImportTest.class.getResourceAsStream("/scdl/exemple-valide.csv")) {
            return file.readAllBytes();
        }
    }

    private static BigDecimal sumOfSharesInCents(byte[] example) throws IOException {
        return ScdlExportTest.rows(new String(example, StandardCharsets.UTF_8)).stream()
                .map(row -> new BigDecimal(row.get("montant")).movePointRight(2)
                        .multiply(new BigDecimal(row.get("pourcentageSubvention"))).setScale(0, java.math.RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String rnaDigits() {
        return Integer.toString(100_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(900_000_000));
    }
}
