package fr.inclusion93.structure.service;

/**
 * One page of a search.
 *
 * @param after where the previous page ended (same sort); null for the first page
 */
public record StructureSearchQuery(StructureFilter filter, SearchSort sort, int limit, SearchCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
