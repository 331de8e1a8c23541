package fr.inclusion93.funding.event;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import fr.inclusion93.events.EventSchemas;
import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.funding.rest.BeneficiaryResponse;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * funding-service as a consumer of StructureRegistered, against the real broker and database. The shared
 * plumbing's behaviour (duplicates, dead letters) is tested in conseiller-service and, for both consumers,
 * in the system tests.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL) // the key pair every test's tokens are signed with
class StructureEventsConsumerTest {

    private static final String DEFAULT_NAME = "Association Emmaüs Connect";
    private static final String DEFAULT_SIRET = "78451236500015";
    private static final String DEFAULT_INSEE = "93066";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void structureRegisteredBecomesABeneficiary() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        String id = UUID.randomUUID().toString();
        String event = KafkaTestClient.envelope("StructureRegistered", "structure", id,
                Map.of("structureId", id, "name", DEFAULT_NAME, "siret", DEFAULT_SIRET, "communeInsee", DEFAULT_INSEE));
        assertThat(EventSchemas.violations(event)).as("the test event honours the schema").isEmpty();

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send("structure.events", id, event);
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> asAdmin().get("/api/funding/beneficiaries/" + id).statusCode() == 200);
        BeneficiaryResponse beneficiary = asAdmin().get("/api/funding/beneficiaries/" + id)
                .then().statusCode(200).extract().as(BeneficiaryResponse.class);
        assertThat(beneficiary).usingRecursiveComparison().ignoringFields("projectedAt")
                .isEqualTo(new BeneficiaryResponse(UUID.fromString(id), DEFAULT_NAME, DEFAULT_SIRET, DEFAULT_INSEE, null));
    }

    @Test
    void anUnknownBeneficiaryIs404Problem() {
        asAdmin().get("/api/funding/beneficiaries/" + UUID.randomUUID())
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://inclusion93.fr/problems/not-found"));
    }
}
