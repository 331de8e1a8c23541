package fr.inclusion93.conseiller.report;

import fr.inclusion93.conseiller.service.PostState;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Posts whose state disagrees with their contracts' dates (the national system has this bug): a running contract on a
 * post not OCCUPIED, an OCCUPIED post without one, or one still OCCUPIED after its contract's planned end.
 */
@ApplicationScoped
public class Contradictions {

    private static final String QUERY = """
            SELECT p.id, p.agreement_id, p.state, c.id,
                   CASE WHEN c.id IS NOT NULL AND p.state <> 'OCCUPIED' THEN 'a contract runs but the post is ' || p.state
                        WHEN c.id IS NULL THEN 'occupied without a running contract'
                        ELSE 'occupied after its contract''s planned end (' || c.planned_end_on || ')' END
            FROM post p LEFT JOIN contract c ON c.post_id = p.id AND c.ended_on IS NULL
            WHERE ((c.id IS NOT NULL AND p.state <> 'OCCUPIED') OR (c.id IS NULL AND p.state = 'OCCUPIED')
                   OR (p.state = 'OCCUPIED' AND c.planned_end_on < ?1))
              AND (CAST(?2 AS uuid) IS NULL OR p.agreement_id = ?2)
            ORDER BY p.id""";

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Contradiction> of(UUID agreementId, LocalDate asOf) {
        Query query = Panache.getEntityManager().createNativeQuery(QUERY).setParameter(1, asOf).setParameter(2, agreementId);
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new Contradiction((UUID) row[0], (UUID) row[1], PostState.valueOf((String) row[2]), (UUID) row[3],
                        (String) row[4]))
                .toList();
    }
}
