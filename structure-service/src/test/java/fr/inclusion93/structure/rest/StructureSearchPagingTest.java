package fr.inclusion93.structure.rest;

import static fr.inclusion93.structure.rest.StructureSearchTest.at;
import static fr.inclusion93.structure.rest.StructureSearchTest.named;
import static fr.inclusion93.structure.rest.StructureSearchTest.search;
import static fr.inclusion93.structure.rest.StructureSearchTest.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;

import fr.inclusion93.security.testing.TestTokens;
import fr.inclusion93.structure.TestSirets;
import fr.inclusion93.structure.TestStructures;
import fr.inclusion93.structure.TestWrites;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyset pages hold still while the data changes: between every two pages another thread registers a structure
 * (whose key may sort anywhere, before the page already read too) and closes one of those being paged through.
 * An offset would then repeat or skip rows; a keyset lists each structure present from the start exactly once.
 */
@QuarkusTest
@WithTestResource(value = TestTokens.class, scope = TestResourceScope.GLOBAL)
class StructureSearchPagingTest {

    private static final int ORIGINALS = 24;
    private static final int PAGE = 4;
    private static final List<String[]> COMMUNES = List.of(new String[] {"93001", "93300"},
            new String[] {"93008", "93000"}, new String[] {"93027", "93120"}, new String[] {"93048", "93100"});

    @ParameterizedTest
    @ValueSource(strings = {"registeredAt", "-registeredAt", "name", "-name", "commune", "-commune"})
    void pagesListEveryStructureOnceWhileOthersAreRegisteredAndClosed(String sort) throws Exception {
        String word = uniqueWord();
        List<UUID> originals = new ArrayList<>();
        for (int i = 0; i < ORIGINALS; i++) {
            originals.add(TestWrites.register(randomStructure(word)).id());
        }
        SynchronousQueue<Boolean> pageRead = new SynchronousQueue<>(); // true: write again; false: stop
        SynchronousQueue<UUID> written = new SynchronousQueue<>();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writes = writer.submit(() -> {
            List<UUID> toClose = new ArrayList<>(originals);
            while (pageRead.take()) {
                UUID added = TestWrites.register(randomStructure(word)).id();
                TestWrites.close(toClose.remove(ThreadLocalRandom.current().nextInt(toClose.size())));
                written.put(added);
            }
            return null;
        });

        List<UUID> listed = new ArrayList<>();
        List<UUID> added = new ArrayList<>();
        String cursor = null;
        try {
            do {
                Map<String, String> parameters = new LinkedHashMap<>(Map.of("q", word, "sort", sort, "limit", "" + PAGE));
                if (cursor != null) {
                    parameters.put("cursor", cursor);
                }
                StructureSearchPage page = search(parameters);
                page.items().forEach(item -> listed.add(item.id()));
                cursor = page.next();
                if (cursor != null) {
                    assertThat(pageRead.offer(true, 1, TimeUnit.MINUTES)).as("the writer is waiting").isTrue();
                    UUID write = written.poll(1, TimeUnit.MINUTES);
                    assertThat(write).as("the writer wrote").isNotNull();
                    added.add(write);
                }
            } while (cursor != null);
        } finally {
            pageRead.offer(false, 1, TimeUnit.MINUTES);
            writer.shutdown();
        }
        writes.get(1, TimeUnit.MINUTES);

        Map<UUID, Long> timesListed = listed.stream().collect(Collectors.groupingBy(Function.identity(), HashMap::new,
                Collectors.counting()));
        assertThat(added).as("writes between pages").hasSizeGreaterThanOrEqualTo(ORIGINALS / PAGE - 1);
        assertThat(timesListed).as("listed more than once").allSatisfy((id, times) -> assertThat(times).as(id.toString()).isOne());
        assertThat(timesListed.keySet()).as("every original").containsAll(originals);
    }

    private static Map<String, Object> randomStructure(String word) {
        String[] commune = COMMUNES.get(ThreadLocalRandom.current().nextInt(COMMUNES.size()));
        String name = word + " " + (char) ('a' + ThreadLocalRandom.current().nextInt(26)) + UUID.randomUUID();
        return at(named(TestStructures.minimal(TestSirets.next()), name), commune[0], commune[1]);
    }
}
