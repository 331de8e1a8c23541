package fr.inclusion93.funding.service;

import fr.inclusion93.events.Outbox;
import fr.inclusion93.funding.event.FundingEvents;
import fr.inclusion93.funding.event.PaymentRecorded;
import fr.inclusion93.funding.mapping.FundingMapper;
import fr.inclusion93.funding.rest.LineResponse;
import fr.inclusion93.funding.rest.PageResponse;
import fr.inclusion93.funding.rest.PaymentRequest;
import fr.inclusion93.funding.rest.PaymentResponse;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records payments on a line, under the line's row lock: tranches and credit notes never take the sum of its payments
 * above its committed amount nor below zero, and the line's status follows (PARTLY_PAID, PAID, back to COMMITTED).
 */
@ApplicationScoped
public class PaymentService {

    private final AuditLog audit;
    private final Outbox outbox;
    private final FundingMapper mapper;
    private final LineService lines;

    PaymentService(AuditLog audit, Outbox outbox, FundingMapper mapper, LineService lines) {
        this.audit = audit;
        this.outbox = outbox;
        this.mapper = mapper;
        this.lines = lines;
    }

    @Transactional
    public PaymentResponse record(UUID lineId, PaymentRequest request) {
        if (request.amountCents() == 0) {
            throw ProblemException.invalidFields(List.of(new FieldError("amountCents",
                    "must not be zero: positive for a tranche, negative for a credit note")));
        }
        FundingLine line = lines.lockedForWrite(lineId);
        LineService.requireStatus(line, request.amountCents() > 0 ? "a tranche" : "a credit note",
                new ArrayList<>(LineStatus.PAYABLE));
        long paid = line.paidCents + request.amountCents();
        if (paid > line.amountCents) {
            throw FundingProblems.paymentsExceedCommitment(line.id, line.amountCents, line.paidCents, request.amountCents());
        }
        if (paid < 0) {
            throw FundingProblems.paymentsBelowZero(line.id, line.paidCents, request.amountCents());
        }
        LineResponse before = lines.toResponse(line);
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.lineId = line.id;
        payment.kind = request.amountCents() > 0 ? Payment.Kind.TRANCHE : Payment.Kind.CREDIT_NOTE;
        payment.amountCents = request.amountCents();
        payment.paidOn = request.paidOn();
        payment.reference = request.reference().strip();
        payment.recordedAt = Records.now();
        payment.persist();
        line.paidCents = paid;
        line.status = LineStatus.forPaid(paid, line.amountCents);
        line.updatedAt = payment.recordedAt;
        line.persistAndFlush();
        PaymentResponse recorded = mapper.toResponse(payment);
        audit.record(FundingEvents.PAYMENT_RECORDED, "payment", payment.id.toString(), null, recorded);
        audit.record(FundingEvents.PAYMENT_RECORDED, FundingEvents.LINE, line.id.toString(), before,
                lines.toResponse(line));
        outbox.publish(FundingEvents.TOPIC, FundingEvents.LINE, line.id.toString(), FundingEvents.PAYMENT_RECORDED,
                FundingEvents.SCHEMA_VERSION, new PaymentRecorded(payment.id, line.id, payment.kind.name(),
                        payment.amountCents, payment.paidOn, payment.reference, line.paidCents, line.amountCents,
                        line.status.name()));
        return recorded;
    }

    public PageResponse<PaymentResponse> list(UUID lineId, int page, int size) {
        LineService.find(lineId);
        return Records.page(Payment.<Payment>find("lineId", Sort.by("recordedAt").and("id"), lineId), page, size,
                mapper::toResponse);
    }
}
