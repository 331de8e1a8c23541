package fr.inclusion93.funding.report;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Every write appends the difference it makes to where money sits (V11__allocation_totals.sql); this folds the rows
 * of each place into one, so that the breakdown keeps reading about as many rows as there are places. Safe beside
 * writers and beside another instance's compaction.
 */
@ApplicationScoped
public class AllocationCompaction {

    @Scheduled(every = "${allocations.compact-interval:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void compactNow() {
        compact();
    }

    /** Folds what there is to fold; returns how many rows it folded. */
    @Transactional
    public long compact() {
        long folded = ((Number) Panache.getEntityManager().createNativeQuery("SELECT compact_allocation_deltas()")
                .getSingleResult()).longValue();
        if (folded > 0) {
            Log.debugf("Folded %d allocation rows", folded);
        }
        return folded;
    }
}
