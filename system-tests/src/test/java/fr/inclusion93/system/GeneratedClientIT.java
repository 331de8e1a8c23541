package fr.inclusion93.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.inclusion93.client.ApiClient;
import fr.inclusion93.client.ApiException;
import fr.inclusion93.client.api.BeneficiariesFundingApi;
import fr.inclusion93.client.api.HostStructuresConseillersApi;
import fr.inclusion93.client.api.OverviewApi;
import fr.inclusion93.client.api.ProgrammesApi;
import fr.inclusion93.client.api.StructuresApi;
import fr.inclusion93.client.model.AuditHistory;
import fr.inclusion93.client.model.AuditHistoryPart;
import fr.inclusion93.client.model.LegalKind;
import fr.inclusion93.client.model.ProgrammePage;
import fr.inclusion93.client.model.StructureRequest;
import fr.inclusion93.client.model.StructureResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Java client generated from the merged contract (openapi-generator, at build time from gateway/openapi/openapi.yaml)
 * against the live system, as another administration's system would call it: the three services through the gateway,
 * and the gateway's own composite report.
 */
@ExtendWith(RunningSystem.class)
class GeneratedClientIT {

    private static ApiClient client(String role) {
        String token = RunningSystem.token(role);
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningSystem.GATEWAY);
        return client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private static StructureRequest bibliotheque() {
        return new StructureRequest().name("Bibliothèque Elsa Triolet").siret(Sirets.random())
                .legalKind(LegalKind.PUBLIC_COLLECTIVITY).type("BIB").address("2 rue Pierre Semard").postalCode("93500")
                .communeInsee("93055");
    }

    @Test
    void aStructureRegisteredReadAndProjectedAndItsChangeInTheAuditorsHistory() throws ApiException {
        OffsetDateTime since = OffsetDateTime.now().minusSeconds(1);
        StructuresApi structures = new StructuresApi(client("admin"));

        StructureResponse registered = structures.registerStructure(bibliotheque(), UUID.randomUUID().toString());
        StructureResponse read = structures.getStructure(registered.getId(), null);

        assertThat(read.getName()).isEqualTo("Bibliothèque Elsa Triolet");
        assertThat(read.getEptSiren()).as("Pantin is in Est Ensemble").isEqualTo("200057875");
        assertThat(read.getVersion()).isEqualTo(registered.getVersion());
        HostStructuresConseillersApi hosts = new HostStructuresConseillersApi(client("admin"));
        BeneficiariesFundingApi beneficiaries = new BeneficiariesFundingApi(client("admin"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(hosts.getHostStructure(registered.getId()).getSiret()).isEqualTo(registered.getSiret());
            assertThat(beneficiaries.getBeneficiary(registered.getId()).getName()).isEqualTo(registered.getName());
        });

        AuditHistory history = new OverviewApi(client("auditor")).getAuditHistory(since, 500, null);
        assertThat(history.getComplete()).isTrue();
        assertThat(history.getParts()).filteredOn(part -> part.getPart().equals("structures")).singleElement()
                .extracting(AuditHistoryPart::getItems).asInstanceOf(InstanceOfAssertFactories.LIST)
                .anySatisfy(item -> assertThat(((Map<?, ?>) item).get("recordId")).isEqualTo(registered.getId().toString()));
    }

    @Test
    void aListIsAPageOfTypedItems() throws ApiException {
        ProgrammePage programmes = new ProgrammesApi(client("dashboard")).listProgrammes(null, 0, 50);

        assertThat(programmes.getPage()).isZero();
        assertThat(programmes.getItems()).hasSizeLessThanOrEqualTo(50).allSatisfy(programme -> assertThat(programme.getId()).isNotNull());
    }

    @Test
    void aRefusalIsAProblemTheClientCanRead() {
        StructuresApi structures = new StructuresApi(client("admin"));

        assertThatThrownBy(() -> structures.registerStructure(bibliotheque().postalCode("75001"), null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(400);
                    assertThat(refused.getResponseHeaders().firstValue("Content-Type")).contains("application/problem+json");
                    assertThat(refused.getResponseBody()).contains("postalCode");
                });
        assertThatThrownBy(() -> new StructuresApi(client("dashboard")).registerStructure(bibliotheque(), null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(403));
    }
}
