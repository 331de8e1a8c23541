package fr.inclusion93.funding.service;

import static fr.inclusion93.funding.service.Money.both;

import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The refusals of funding-service's rules, with the figures involved in cents and in euros. */
final class FundingProblems {

    static final URI CEILING_EXCEEDED = ProblemType.of("envelope-ceiling-exceeded");
    static final URI PARENT_EXCEEDED = ProblemType.of("parent-amount-exceeded");
    static final URI PAYMENTS_EXCEED_COMMITMENT = ProblemType.of("payments-exceed-commitment");
    static final URI PAYMENTS_BELOW_ZERO = ProblemType.of("payments-below-zero");
    static final URI WRONG_STATUS = ProblemType.of("wrong-status");
    static final URI DUPLICATE_KEY = ProblemType.of("duplicate-key");
    static final URI DUPLICATE_IDENTIFIER = ProblemType.of("duplicate-identifier");

    private FundingProblems() {
    }

    static ProblemException ceilingExceeded(UUID envelopeId, long ceiling, long committed, long requested) {
        long excess = committed + requested - ceiling;
        return exceeded(CEILING_EXCEEDED, "Envelope ceiling exceeded", "Committing this line would take envelope "
                + envelopeId + " above its ceiling: ceiling " + both(ceiling) + ", already committed " + both(committed)
                + ", requested " + both(requested) + ", excess " + both(excess));
    }

    static ProblemException parentExceeded(UUID parentId, long parentAmount, long subLines, long requested) {
        long excess = subLines + requested - parentAmount;
        return exceeded(PARENT_EXCEEDED, "Parent line amount exceeded", "The sub-lines of line " + parentId
                + " would sum above its amount: parent amount " + both(parentAmount) + ", sub-lines already "
                + both(subLines) + ", requested " + both(requested) + ", excess " + both(excess));
    }

    static ProblemException paymentsExceedCommitment(UUID lineId, long committed, long paid, long requested) {
        long excess = paid + requested - committed;
        return exceeded(PAYMENTS_EXCEED_COMMITMENT, "Payments above the commitment", "Payments on line " + lineId
                + " would sum above its committed amount: committed " + both(committed) + ", already paid " + both(paid)
                + ", requested " + both(requested) + ", excess " + both(excess));
    }

    static ProblemException paymentsBelowZero(UUID lineId, long paid, long requested) {
        return exceeded(PAYMENTS_BELOW_ZERO, "Payments below zero", "This credit note would take the payments on line "
                + lineId + " below zero: already paid " + both(paid) + ", requested " + both(requested)
                + ", shortfall " + both(-(paid + requested)));
    }

    /** 409 naming the line's status, the statuses the action needs and those the line can move to. */
    static ProblemException wrongStatus(String action, LineStatus current, List<LineStatus> needed) {
        String reason = "the line is " + current + "; " + action + " needs " + names(needed) + "; from " + current
                + " the line can move to " + (current.next().isEmpty() ? "nothing (final)" : names(List.copyOf(current.next())));
        return ProblemException.conflict(WRONG_STATUS, "Not possible in this status", "status", reason);
    }

    static ProblemException duplicateKey(String what, String key) {
        return ProblemException.conflict(DUPLICATE_KEY, "Duplicate key", "key", "a " + what + " already has key " + key);
    }

    private static ProblemException exceeded(URI type, String title, String detail) {
        return new ProblemException(409, type, title, detail, List.of(new FieldError("amountCents", detail)));
    }

    private static String names(List<LineStatus> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
