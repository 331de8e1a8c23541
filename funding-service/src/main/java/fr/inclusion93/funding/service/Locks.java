package fr.inclusion93.funding.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/** Row locks (SELECT … FOR UPDATE) that also re-read the row, so that no check works on a state read before the lock. */
final class Locks {

    private Locks() {
    }

    /**
     * The row, locked until the transaction ends and read as it is once locked: a plain find with a lock mode would
     * lock an entity the persistence context already holds without reading it again.
     */
    static <T> Optional<T> locked(Class<T> type, UUID id) {
        EntityManager em = Panache.getEntityManager();
        T entity = em.find(type, id);
        if (entity == null) {
            return Optional.empty();
        }
        em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        return Optional.of(entity);
    }
}
