package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.as;
import static fr.inclusion93.security.testing.TestTokens.asAdmin;
import static fr.inclusion93.security.testing.TestTokens.partnerOf;
import static fr.inclusion93.security.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** GET /api/structures/changes: what changed since a cursor, never skipping a change, whatever the commit order. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class StructureSyncTest {

    private static final String CHANGES = "/api/structures/changes";
    private static final Duration CATCH_UP = Duration.ofMinutes(1); // a transaction open elsewhere in the cluster holds changes back

    @Test
    void withoutACursorTheChangesStartFromTheBeginning() {
        StructureResponse registered = TestWrites.register(TestStructures.body(TestSirets.next()));

        SyncReader reader = new SyncReader(null, 500);
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(registered.id()));

        assertThat(reader.latest().get(registered.id())).usingRecursiveComparison().isEqualTo(registered);
    }

    @Test
    void updatesAndClosuresComeAsTheStructureNowIsAndOnlyOnce() {
        SyncReader reader = SyncReader.atTheEnd();
        StructureResponse registered = TestWrites.register(TestStructures.body(TestSirets.next()));
        StructureResponse renamed = TestWrites.patch(registered.id(), 1, Map.of("name", "Médiathèque renommée"));
        StructureResponse closed = TestWrites.close(renamed.id());

        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(closed.id()));

        assertThat(reader.latest().get(closed.id())).usingRecursiveComparison().isEqualTo(TestWrites.get(closed.id()));
        assertThat(reader.latest().get(closed.id()).status()).isEqualTo("CLOSED");
        assertThat(reader.timesSeen(closed.id())).as("three changes before the read: one item, the last state").isOne();
        assertThat(reader.readToTheEnd()).as("nothing new").doesNotContainKey(closed.id());
    }

    @Test
    void aRowWrittenBackUnchangedIsNoChange() throws Exception {
        SyncReader reader = SyncReader.atTheEnd();
        StructureResponse registered = TestWrites.register(TestStructures.body(TestSirets.next()));
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(registered.id()));

        try (Connection connection = connection();
                PreparedStatement same = connection.prepareStatement("UPDATE structure SET name = name WHERE id = ?")) {
            same.setObject(1, registered.id());
            assertThat(same.executeUpdate()).isOne();
        }
        StructureResponse later = TestWrites.register(TestStructures.body(TestSirets.next()));
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(later.id()));

        assertThat(reader.timesSeen(registered.id())).as("sent again after a write that changed nothing").isOne();
    }

    @Test
    void aChangeCommittedAfterALaterOneIsNotSkipped() throws Exception {
        StructureResponse first = TestWrites.register(TestStructures.body(TestSirets.next()));
        StructureResponse second = TestWrites.register(TestStructures.body(TestSirets.next()));
        SyncReader reader = SyncReader.atTheEnd();

        StructureResponse secondChanged;
        try (Connection slow = connection()) {
            slow.setAutoCommit(false); // starts first, commits last
            try (PreparedStatement rename = slow.prepareStatement(
                    "UPDATE structure SET name = 'Renommée hors API', version = version + 1 WHERE id = ?")) {
                rename.setObject(1, first.id());
                assertThat(rename.executeUpdate()).isOne();
            }
            secondChanged = TestWrites.patch(second.id(), 1, Map.of("name", "Renommée après"));

            assertThat(reader.readToTheEnd()).as("a later change waits for the open transaction")
                    .doesNotContainKeys(first.id(), second.id());
            slow.commit();
        }

        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().keySet().containsAll(List.of(first.id(), second.id())));
        assertThat(reader.latest().get(first.id()).name()).isEqualTo("Renommée hors API");
        assertThat(reader.latest().get(first.id()).version()).isEqualTo(2);
        assertThat(reader.latest().get(second.id())).usingRecursiveComparison().isEqualTo(secondChanged);
    }

    @Test
    void concurrentWritersNeverMakeAReaderSkipRepeatOrGoBack() throws Exception {
        SyncReader reader = SyncReader.atTheEnd();
        ConcurrentWriters writers = new ConcurrentWriters(4, 12);
        writers.start();
        while (!writers.done()) {
            reader.readToTheEnd();
        }
        List<UUID> written = writers.structures();

        await().atMost(CATCH_UP).until(() -> {
            reader.readToTheEnd();
            return written.stream().allMatch(id -> reader.latest().containsKey(id)
                    && reader.latest().get(id).version() == TestWrites.get(id).version());
        });
        for (UUID id : written) {
            assertThat(reader.latest().get(id)).as("last state of " + id).usingRecursiveComparison().isEqualTo(TestWrites.get(id));
        }
        assertThat(written).as("structures written").hasSize(4 * 12);
        assertThat(written).filteredOn(id -> reader.latest().get(id).status().equals("CLOSED")).as("closures")
                .hasSize(4 * 4);
        assertThat(reader.pagesWithDuplicates()).isZero();
        assertThat(reader.versionsGoneBackOrRepeated()).isEmpty();
    }

    @Test
    void badParametersAre400NamingEachOne() {
        for (String limit : List.of("0", "501", "-1", "ten")) {
            assertBad(Map.of("limit", limit), "limit");
        }
        for (String cursor : List.of("!!!", "bm90LWEtY3Vyc29y", base64("-5." + UUID.randomUUID()), base64("12.not-a-uuid"),
                base64("12." + UUID.randomUUID() + ".3"), base64("99999999999999999999." + UUID.randomUUID()))) {
            assertBad(Map.of("cursor", cursor), "cursor");
        }
        assertBad(Map.of("since", "2021-01-01T00:00:00Z"), "since");
        assertBad(Map.of("limit", "0", "cursor", "!!!"), "limit", "cursor");
    }

    @Test
    void everyReaderFollowsTheChangesOthersAre403AnonymousCallers401() {
        for (String token : List.of(token(Roles.ADMIN), token(Roles.AUDITOR), token(Roles.DASHBOARD),
                partnerOf(TestTokens.PLAINE_COMMUNE))) {
            as(token).queryParam("limit", "1").get(CHANGES).then().statusCode(200);
        }
        as(token(Roles.MONITORING)).get(CHANGES).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        RestAssured.given().get(CHANGES).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    private static void assertBad(Map<String, String> parameters, String... names) {
        Problem problem = asAdmin().queryParams(parameters).get(CHANGES)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).extract().as(Problem.class);
        assertThat(problem.errors()).as(parameters.toString()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder(names);
    }

    private static Connection connection() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Threads that each register structures, rename each twice and close every third, at the same time. */
    private static final class ConcurrentWriters {

        private final int threads;
        private final int structuresEach;
        private final List<UUID> structures = new CopyOnWriteArrayList<>();
        private final List<Future<?>> running = new ArrayList<>();
        private final ExecutorService pool;

        ConcurrentWriters(int threads, int structuresEach) {
            this.threads = threads;
            this.structuresEach = structuresEach;
            this.pool = Executors.newFixedThreadPool(threads);
        }

        void start() {
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < structuresEach; i++) {
                        StructureResponse s = TestWrites.register(TestStructures.body(TestSirets.next()));
                        structures.add(s.id());
                        s = TestWrites.patch(s.id(), s.version(), Map.of("name", "Renommée " + i));
                        s = TestWrites.patch(s.id(), s.version(), Map.of("openingHours", "Mo-Fr 09:00-12:00"));
                        if (i % 3 == 0) {
                            TestWrites.close(s.id());
                        }
                    }
                    return null;
                }));
            }
            pool.shutdown();
        }

        boolean done() {
            return running.stream().allMatch(Future::isDone);
        }

        /** The structures written, once every writer has finished (and rethrows what failed a writer). */
        List<UUID> structures() throws Exception {
            for (var writer : running) {
                writer.get();
            }
            return List.copyOf(structures);
        }
    }
}
