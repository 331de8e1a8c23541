package fr.inclusion93.funding.service;

import fr.inclusion93.funding.mapping.FundingMapper;
import fr.inclusion93.funding.rest.LineChangesPage;
import fr.inclusion93.writes.changes.ChangeCursor;
import fr.inclusion93.writes.changes.ChangeFeed;
import jakarta.enterprise.context.ApplicationScoped;

/** The funding lines changed since a reader's cursor, as they now are (the feed's guarantees: api-writes' ChangeFeed). */
@ApplicationScoped
public class LineChanges {

    private final ChangeFeed feed;
    private final FundingMapper mapper;

    LineChanges(ChangeFeed feed, FundingMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    public LineChangesPage since(ChangeCursor after, int limit) {
        ChangeFeed.Page<FundingLine> page = feed.since("funding_line", FundingLine.class, line -> line.id, after, limit);
        return new LineChangesPage(page.items().stream().map(line -> mapper.toResponse(line, Figures.subLines(line.id))).toList(),
                page.next().encode());
    }
}
