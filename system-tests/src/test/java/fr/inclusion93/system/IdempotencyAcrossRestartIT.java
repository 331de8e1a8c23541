package fr.inclusion93.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client that retries after a time-out never creates a second record, even when the service died in between. */
@ExtendWith(RunningSystem.class)
class IdempotencyAcrossRestartIT {

    @Test
    void aRetryAfterTheServiceCrashedGetsTheFirstAnswerAndCreatesNothing() {
        String siret = Sirets.random();
        String key = "retry-" + UUID.randomUUID();
        String body = "{\"name\":\"Médiathèque Persépolis\",\"siret\":\"" + siret + "\",\"legalKind\":\"PUBLIC_COLLECTIVITY\","
                + "\"type\":\"BIB\",\"address\":\"4 avenue de Lattre de Tassigny\",\"postalCode\":\"93200\","
                + "\"communeInsee\":\"93066\"}";
        Response first = register(key, body);
        assertThat(first.statusCode()).isEqualTo(201);

        RunningSystem.crashAndRestart(Service.STRUCTURE);
        Response retry = register(key, body);

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(RunningSystem.count("structure", "select count(*) from structure where siret = ?", siret)).isOne();
        assertThat(RunningSystem.count("structure", "select count(*) from audit_record where after ->> 'siret' = ?", siret))
                .isOne();
        assertThat(RunningSystem.count("structure", "select count(*) from outbox_event where aggregate_id = ("
                + "select id::text from structure where siret = ?) and schema_version = 2", siret)).isOne();
    }

    private static Response register(String key, String body) {
        return RestAssured.given().baseUri(RunningSystem.GATEWAY)
                .header("Authorization", "Bearer " + RunningSystem.token("admin"))
                .header("Idempotency-Key", key)
                .contentType("application/json").body(body)
                .post("/api/structures");
    }
}
