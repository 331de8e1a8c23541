package fr.inclusion93.funding.event;

import java.time.LocalDate;
import java.util.UUID;

/** A tranche or a credit note was recorded on a line, and where the line now stands (PaymentRecorded v1). */
public record PaymentRecorded(
        UUID paymentId,
        UUID lineId,
        String kind,
        long amountCents,
        LocalDate paidOn,
        String reference,
        long linePaidCents,
        long lineAmountCents,
        String lineStatus) {
}
