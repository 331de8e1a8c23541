package fr.inclusion93.structure.service;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;

/**
 * How the current transaction keeps two active structures from taking one identifier: a lock per SIRET, RNA or
 * branch (a registration, an update), or, for a transaction that writes thousands of structures (an import), the
 * whole table at once — one advisory lock per row would overflow PostgreSQL's lock table.
 */
@TransactionScoped
public class IdentityLocks {

    @Inject
    EntityManager entityManager;

    private boolean wholeTable;

    /**
     * Locks the structures against every other writer until the transaction ends (readers go on): other transactions'
     * registrations and changes wait, and no identifier needs a lock of its own any more.
     */
    public void lockWholeTable() {
        entityManager.createNativeQuery("LOCK TABLE structure IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        wholeTable = true;
    }

    void lock(String identifier, String value) {
        if (value != null && !wholeTable) {
            entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                    .setParameter(1, "structure-" + identifier + ":" + value)
                    .getSingleResult();
        }
    }
}
