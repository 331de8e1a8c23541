package fr.inclusion93.funding.service;

import java.util.EnumSet;
import java.util.Set;

/**
 * A funding line's life: DRAFT → COMMITTED → PARTLY_PAID → PAID → CLOSED, or CANCELLED from DRAFT or from COMMITTED
 * before any payment. Payments move a committed line between COMMITTED, PARTLY_PAID and PAID (a credit note can move
 * it back).
 */
public enum LineStatus {
    DRAFT, COMMITTED, PARTLY_PAID, PAID, CLOSED, CANCELLED;

    /** What counts as committed money: the line's amount is owed. DRAFT and CANCELLED lines are not. */
    public static final Set<LineStatus> COMMITTED_STATUSES = EnumSet.of(COMMITTED, PARTLY_PAID, PAID, CLOSED);

    /** Where a payment (tranche or credit note) may be recorded. */
    public static final Set<LineStatus> PAYABLE = EnumSet.of(COMMITTED, PARTLY_PAID, PAID);

    public boolean committed() {
        return COMMITTED_STATUSES.contains(this);
    }

    /** The statuses a line can move to from this one. */
    public Set<LineStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(COMMITTED, CANCELLED);
            case COMMITTED -> EnumSet.of(PARTLY_PAID, PAID, CANCELLED);
            case PARTLY_PAID -> EnumSet.of(COMMITTED, PAID);
            case PAID -> EnumSet.of(PARTLY_PAID, COMMITTED, CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(LineStatus.class);
        };
    }

    /** The status that a committed line's payments give it. */
    public static LineStatus forPaid(long paidCents, long amountCents) {
        return paidCents == 0 ? COMMITTED : paidCents == amountCents ? PAID : PARTLY_PAID;
    }
}
