package fr.inclusion93.funding.service;

import fr.inclusion93.funding.rest.PageResponse;
import fr.inclusion93.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;

/** What every write of this service shares: the time PostgreSQL keeps, free keys, and unique-index races as 409. */
final class Records {

    private Records() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** 409 naming the record that already has this key; {@code existing} finds it (null key: nothing to check). */
    static void requireFreeKey(String what, String key, Optional<? extends PanacheEntityBase> existing, String path) {
        if (key != null && existing.isPresent()) {
            Object id = Panache.getEntityManager().getEntityManagerFactory().getPersistenceUnitUtil()
                    .getIdentifier(existing.get());
            throw FundingProblems.duplicateKey(what, key).withExisting(URI.create(path + "/" + id));
        }
    }

    /** Persists and flushes, so that a key or identifier taken meanwhile by a concurrent request is a 409. */
    static void persistNew(PanacheEntityBase entity, String what) {
        try {
            entity.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw new ProblemException(409, FundingProblems.DUPLICATE_KEY, "Duplicate key or identifier",
                    "another " + what + " took this key or identifier at the same time (" + e.getConstraintName() + ")",
                    List.of());
        }
    }

    /** One page of a query, each entity mapped to its response; the total counts the whole query. */
    static <E, T> PageResponse<T> page(PanacheQuery<E> query, int page, int size, Function<E, T> toResponse) {
        query.page(Page.of(page, size));
        return new PageResponse<>(query.list().stream().map(toResponse).toList(), page, size, query.count());
    }
}
