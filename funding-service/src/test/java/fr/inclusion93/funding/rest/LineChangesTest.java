package fr.inclusion93.funding.rest;

import static fr.inclusion93.funding.rest.TestFunding.committedLine;
import static fr.inclusion93.funding.rest.TestFunding.created;
import static fr.inclusion93.funding.rest.TestFunding.envelope;
import static fr.inclusion93.funding.rest.TestFunding.get;
import static fr.inclusion93.funding.rest.TestFunding.pay;
import static fr.inclusion93.funding.rest.TestFunding.post;
import static fr.inclusion93.funding.rest.TestFunding.subLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.inclusion93.security.testing.ChangeFeedReader;
import fr.inclusion93.security.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** GET /api/funding/lines/changes: every line changed since a cursor, as it now is, never skipping one. */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class LineChangesTest {

    private static final String CHANGES = "/api/funding/lines/changes";
    private static final Duration CATCH_UP = Duration.ofMinutes(1); // a transaction open elsewhere in the cluster holds changes back

    @Test
    void aCommitmentAndEachPaymentComeAsTheLineNowIs() {
        ChangeFeedReader reader = ChangeFeedReader.atTheEnd(CHANGES);
        String line = committedLine(envelope(null), 100_000);
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(line));
        assertThat(reader.latest.get(line)).isEqualTo(get("/api/funding/lines/" + line));
        assertThat(reader.latest.get(line).get("status")).isEqualTo("COMMITTED");

        pay(line, 40_000).then().statusCode(201);
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(line));

        assertThat(reader.latest.get(line).get("status")).isEqualTo("PARTLY_PAID");
        assertThat(reader.latest.get(line).get("paidCents")).isEqualTo(40_000);
        assertThat(reader.seen.get(line)).as("once per change").isEqualTo(2);
    }

    @Test
    void aParentComesAgainWhenItsSubLinesChange() {
        String parent = committedLine(envelope(null), 100_000);
        ChangeFeedReader reader = ChangeFeedReader.atTheEnd(CHANGES);
        String sub = created("/api/funding/lines", subLine(parent, 30_000L, "DRAFT"));
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().keySet().containsAll(List.of(parent, sub)));
        assertThat(reader.latest.get(parent)).isEqualTo(get("/api/funding/lines/" + parent));

        post("/api/funding/lines/" + sub + "/cancel", null).then().statusCode(200);
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().containsKey(parent));

        List<Map<String, Object>> summaries = summaries(reader.latest.get(parent));
        assertThat(summaries).singleElement().satisfies(s -> assertThat(s.get("status")).isEqualTo("CANCELLED"));
        assertThat(reader.seen.get(parent)).isEqualTo(2);
    }

    @Test
    void aChangeCommittedAfterALaterOneIsNotSkipped() throws Exception {
        String envelope = envelope(null);
        String first = committedLine(envelope, 50_000);
        ChangeFeedReader reader = ChangeFeedReader.atTheEnd(CHANGES);
        String second;
        try (Connection slow = connection()) {
            slow.setAutoCommit(false); // starts first, commits last
            try (PreparedStatement rename = slow.prepareStatement(
                    "UPDATE funding_line SET decision_reference = 'ARR-HORS-API', updated_at = now() WHERE id = ?::uuid")) {
                rename.setString(1, first);
                assertThat(rename.executeUpdate()).isOne();
            }
            second = committedLine(envelope, 60_000);
            assertThat(reader.readToTheEnd()).as("a later change waits for the open transaction")
                    .doesNotContainKeys(first, second);
            slow.commit();
        }

        String later = second;
        await().atMost(CATCH_UP).until(() -> reader.readToTheEnd().keySet().containsAll(List.of(first, later)));
        assertThat(reader.latest.get(first).get("decisionReference")).isEqualTo("ARR-HORS-API");
    }

    /**
     * A change of a sub-line re-stamps its parent (V8), so every writer of a sub-line must lock the parent before the
     * sub-line, as creation and commitment do; a writer taking them the other way round would deadlock against them.
     * Here the parent is held by another transaction while a sub-line is cancelled: the cancellation must be waiting
     * for the parent without holding the sub-line yet.
     */
    @Test
    void aSubLinesWriterTakesItsParentsLockFirst() throws Exception {
        String parent = committedLine(envelope(null), 100_000);
        String sub = created("/api/funding/lines", subLine(parent, 30_000L, "DRAFT"));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection holder = connection(); Connection prober = connection()) {
            holder.setAutoCommit(false);
            lock(holder, parent, "");
            Future<Integer> cancel = executor.submit(
                    () -> post("/api/funding/lines/" + sub + "/cancel", null).statusCode());
            await().atMost(CATCH_UP).until(() -> waitingForALock(prober));

            prober.setAutoCommit(false);
            lock(prober, sub, " NOWAIT"); // fails if the cancellation holds the sub-line while it waits for the parent
            prober.rollback();
            holder.commit();
            assertThat(cancel.get(1, TimeUnit.MINUTES)).isEqualTo(200);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void badParametersAre400NamingEachOne() {
        for (String limit : List.of("0", "501", "ten")) {
            ChangeFeedReader.assertRefused(CHANGES, Map.of("limit", limit), "limit");
        }
        ChangeFeedReader.assertRefused(CHANGES, Map.of("cursor", "!!!"), "cursor");
        ChangeFeedReader.assertRefused(CHANGES, Map.of("since", "2021-01-01T00:00:00Z"), "since");
        ChangeFeedReader.assertRefused(CHANGES, Map.of("limit", "0", "cursor", "bm90LWEtY3Vyc29y"), "limit", "cursor");
    }

    @Test
    void everyReaderFollowsTheChangesOthersAre403AnonymousCallers401() {
        ChangeFeedReader.assertReadersOnly(CHANGES);
    }


    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> summaries(Map<String, Object> line) {
        return (List<Map<String, Object>>) line.get("subLineSummaries");
    }

    private static void lock(Connection connection, String lineId, String option) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM funding_line WHERE id = ?::uuid FOR UPDATE" + option)) {
            lock.setString(1, lineId);
            assertThat(lock.executeQuery().next()).isTrue();
        }
    }

    private static boolean waitingForALock(Connection connection) throws Exception {
        try (PreparedStatement waiting = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND wait_event_type = 'Lock'");
                var rows = waiting.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private static Connection connection() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
