package fr.inclusion93.conseiller.rest;

import static fr.inclusion93.conseiller.rest.PostFixture.POSTS;
import static fr.inclusion93.conseiller.rest.PostFixture.agreement;
import static fr.inclusion93.conseiller.rest.PostFixture.get;
import static fr.inclusion93.conseiller.rest.PostFixture.hostStructure;
import static fr.inclusion93.conseiller.rest.PostFixture.move;
import static fr.inclusion93.conseiller.rest.PostFixture.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.inclusion93.events.testing.KafkaTestClient;
import fr.inclusion93.security.testing.ChangeFeedReader;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** GET /api/conseillers/posts/changes: every post changed since a cursor, as it now is, once per change. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class PostChangesTest {

    private static final String CHANGES = POSTS + "/changes";
    private static final Duration CATCH_UP = Duration.ofMinutes(1); // a transaction open elsewhere in the cluster holds changes back

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anOpeningAndEachMoveComeAsThePostNowIs() {
        String structure;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            structure = hostStructure(kafka);
        }
        String agreement = agreement(80, List.of());
        ChangeFeedReader reader = ChangeFeedReader.atTheEnd(CHANGES);
        String post = open(agreement, structure).then().statusCode(201).extract().path("id");
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(post));
        assertThat(reader.latest.get(post)).containsEntry("state", "VACANT");

        move(post, "RECRUITING").then().statusCode(200);
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(post));

        assertThat(reader.latest.get(post)).isEqualTo(get(post)).containsEntry("state", "RECRUITING");
        assertThat(reader.seen.get(post)).as("once per change").isEqualTo(2);
        assertThat(reader.readToTheEnd()).as("nothing new: nothing again").doesNotContainKey(post);
    }

    @Test
    void badParametersAre400NamingEachOne() {
        ChangeFeedReader.assertRefused(CHANGES, Map.of("limit", "501"), "limit");
        ChangeFeedReader.assertRefused(CHANGES, Map.of("cursor", "!!!"), "cursor");
        ChangeFeedReader.assertRefused(CHANGES, Map.of("since", "2021-01-01T00:00:00Z"), "since");
        ChangeFeedReader.assertRefused(CHANGES, Map.of("limit", "zero", "cursor", "bm90LWEtY3Vyc29y"), "limit", "cursor");
    }

    @Test
    void everyReaderFollowsTheChangesOthersAre403AnonymousCallers401() {
        ChangeFeedReader.assertReadersOnly(CHANGES);
    }
}
