package fr.inclusion93.structure.service;

import fr.inclusion93.structure.mapping.StructureMapper;
import fr.inclusion93.structure.rest.StructureSearchPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Finds structures by filters, one page at a time, with keyset pagination: a page starts after the last row of the
 * previous one in the sort's order (sort key, then id), never at an offset. Rows inserted or changed between two
 * pages therefore shift nothing: while a row's sort key stays the same, it is listed exactly once. A row whose key
 * changes between two pages (a structure renamed under sort=name, moved under sort=commune) is listed where its key
 * puts it when the page is read: possibly twice, possibly not at all. The registration time never changes.
 */
@ApplicationScoped
public class StructureSearch {

    private final EntityManager entityManager;
    private final StructureMapper mapper;

    StructureSearch(EntityManager entityManager, StructureMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    public StructureSearchPage find(StructureSearchQuery query) {
        SearchSort sort = query.sort();
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = conditions(query.filter(), parameters);
        if (query.after() != null) {
            conditions.add("(" + sort.column() + ", s.id) " + sort.after() + " (" + sort.keyParameter("afterKey")
                    + ", CAST(:afterId AS uuid))");
            parameters.put("afterKey", query.after().key());
            parameters.put("afterId", query.after().id().toString());
        }
        String sql = "SELECT s.*, " + sort.keyAsText() + " AS sort_key FROM structure s"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY " + sort.column() + " " + sort.direction() + ", s.id " + sort.direction()
                + " LIMIT :limit";
        parameters.put("limit", query.limit() + 1); // one more than asked: whether a next page exists

        NativeQuery<?> nativeQuery = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addEntity("s", Structure.class)
                .addScalar("sort_key", StandardBasicTypes.STRING)
                .setReadOnly(true); // nothing to flush: no snapshot of each row kept
        parameters.forEach(nativeQuery::setParameter);
        List<Object[]> rows = new ArrayList<>(nativeQuery.getResultList().stream().map(Object[].class::cast).toList());

        String next = null;
        if (rows.size() > query.limit()) {
            rows.remove(query.limit());
            Object[] last = rows.get(rows.size() - 1);
            next = new SearchCursor(sort, (String) last[1], ((Structure) last[0]).id).encode();
        }
        return new StructureSearchPage(rows.stream().map(row -> mapper.toResponse((Structure) row[0])).toList(), next);
    }

    private static List<String> conditions(StructureFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        equal(conditions, parameters, "s.ept_siren", "ept", filter.eptSiren());
        equal(conditions, parameters, "s.commune_insee", "commune", filter.communeInsee());
        equal(conditions, parameters, "s.type", "type", filter.type());
        equal(conditions, parameters, "s.legal_kind", "legalKind", filter.legalKind() == null ? null : filter.legalKind().name());
        equal(conditions, parameters, "s.qpv", "qpv", filter.qpv());
        equal(conditions, parameters, "s.status", "status", filter.status() == null ? null : filter.status().name());
        equal(conditions, parameters, "s.siret", "siret", filter.siret());
        equal(conditions, parameters, "s.rna", "rna", filter.rna());
        for (int i = 0; i < filter.words().size(); i++) {
            // the same normalisation on both sides; the trigram index serves LIKE '%…%'
            conditions.add("s.name_search LIKE '%' || structure_search_key(:word" + i + ") || '%'");
            parameters.put("word" + i, likeLiteral(filter.words().get(i)));
        }
        return conditions;
    }

    private static void equal(List<String> conditions, Map<String, Object> parameters, String column, String name,
            Object value) {
        if (value != null) {
            conditions.add(column + " = :" + name);
            parameters.put(name, value);
        }
    }

    /** The word as a LIKE pattern matching itself only: its % and _ are not wildcards. */
    private static String likeLiteral(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
