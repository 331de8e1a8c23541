package fr.inclusion93.funding.service;

import fr.inclusion93.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The id of the funder, programme, envelope, beneficiary or line that has a stable key: how a loader loads once. */
@ApplicationScoped
public class KeyedRecords {

    public enum Kind {
        FUNDER(Funder.class), PROGRAMME(Programme.class), ENVELOPE(Envelope.class), BENEFICIARY(Beneficiary.class),
        LINE(FundingLine.class);

        private final Class<?> entity;

        Kind(Class<?> entity) {
            this.entity = entity;
        }

        /** As the seed report and the refusals table name it: funder, programme, envelope, beneficiary, line. */
        public String label() {
            return name().toLowerCase();
        }
    }

    public Optional<UUID> idOf(Kind kind, String key) {
        return Panache.getEntityManager()
                .createQuery("select e.id from " + kind.entity.getSimpleName() + " e where e.key = ?1", UUID.class)
                .setParameter(1, key).getResultStream().findFirst();
    }

    /** A refusal of this service's rules that only says the key is taken (a concurrent loader was first). */
    public static boolean isDuplicateKey(ProblemException problem) {
        return FundingProblems.DUPLICATE_KEY.equals(problem.type());
    }
}
