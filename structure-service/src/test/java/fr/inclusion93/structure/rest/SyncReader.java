package fr.inclusion93.structure.rest;

import static fr.inclusion93.security.testing.TestTokens.asAdmin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A client of GET /api/structures/changes keeping a copy, and what it noticed on the way. */
final class SyncReader {

    private final int limit;
    private String cursor;
    private final Map<UUID, StructureResponse> latest = new HashMap<>();
    private final Map<UUID, Integer> timesSeen = new HashMap<>();
    private final List<String> versionsGoneBackOrRepeated = new ArrayList<>();
    private int pagesWithDuplicates;

    SyncReader(String cursor, int limit) {
        this.cursor = cursor;
        this.limit = limit;
    }

    /** A reader that has read every change so far, and remembers none of them. */
    static SyncReader atTheEnd() {
        SyncReader caughtUp = new SyncReader(null, 500);
        caughtUp.readToTheEnd();
        return new SyncReader(caughtUp.cursor, 7); // small pages: many full ones under load
    }

    /** Follows the cursor until a page is not full; the structures read, as last read. */
    Map<UUID, StructureResponse> readToTheEnd() {
        Map<UUID, StructureResponse> read = new LinkedHashMap<>();
        StructureChangesPage page;
        do {
            var request = asAdmin().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            page = request.get("/api/structures/changes").then().statusCode(200).extract().as(StructureChangesPage.class);
            Set<UUID> inPage = new HashSet<>();
            for (StructureResponse item : page.items()) {
                if (!inPage.add(item.id())) {
                    pagesWithDuplicates++;
                }
                StructureResponse before = latest.get(item.id());
                if (before != null && item.version() <= before.version()) {
                    versionsGoneBackOrRepeated.add(item.id() + ": " + before.version() + " then " + item.version());
                }
                latest.put(item.id(), item);
                timesSeen.merge(item.id(), 1, Integer::sum);
                read.put(item.id(), item);
            }
            cursor = page.next();
        } while (page.items().size() == limit);
        return read;
    }

    Map<UUID, StructureResponse> latest() {
        return latest;
    }

    int timesSeen(UUID id) {
        return timesSeen.getOrDefault(id, 0);
    }

    int pagesWithDuplicates() {
        return pagesWithDuplicates;
    }

    List<String> versionsGoneBackOrRepeated() {
        return versionsGoneBackOrRepeated;
    }
}
