package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.event.PostEvents;
import fr.inclusion93.conseiller.rest.ContractEndRequest;
import fr.inclusion93.conseiller.rest.ContractRenewalRequest;
import fr.inclusion93.conseiller.rest.ContractRequest;
import fr.inclusion93.conseiller.rest.ContractResponse;
import fr.inclusion93.conseiller.rest.PostResponse;
import fr.inclusion93.conseiller.rest.TrainingRequest;
import fr.inclusion93.events.Outbox;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Holders' contracts: signing one fills a RECRUITING post (OCCUPIED), ending it ends the post (ENDED). The post's row
 * lock comes first, then the contract; one running contract per post and per person, held by unique indexes.
 */
@ApplicationScoped
public class ContractService {

    static final String RECORD_TYPE = "contract";

    private final Outbox outbox;
    private final AuditLog audit;

    ContractService(Outbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public ContractResponse sign(UUID postId, ContractRequest request) {
        Post post = lockedPost(postId);
        if (post.state != PostState.RECRUITING) {
            throw PostProblems.wrongState(post.state, PostState.OCCUPIED, "a holder's contract fills a RECRUITING post");
        }
        Conseiller holder = Conseiller.findById(request.conseillerId());
        if (holder == null || holder.erasedOn != null) {
            throw ProblemException.invalid("conseillerId", holder == null ? "no conseiller has this id" : "this person was erased");
        }
        long months = ChronoUnit.MONTHS.between(request.startOn(), request.plannedEndOn());
        if ((months != 24 && months != 36) || !request.startOn().plusMonths(months).equals(request.plannedEndOn())) {
            throw ProblemException.invalid("plannedEndOn", "is 24 or 36 months after startOn (" + request.startOn().plusMonths(24)
                    + " or " + request.startOn().plusMonths(36) + ")");
        }
        if (request.startOn().isBefore(post.openedOn)) {
            throw ProblemException.invalid("startOn", "is before the post opened (" + post.openedOn + ")");
        }
        Agreement agreement = Agreement.findById(post.agreementId);
        int funded = request.stateFundedMonths() == null ? agreement.stateFundedMonths : request.stateFundedMonths();
        if (funded > agreement.stateFundedMonths) {
            throw ProblemException.invalid("stateFundedMonths", "is at most the agreement's " + agreement.stateFundedMonths);
        }
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.postId = post.id;
        contract.conseillerId = holder.id;
        contract.type = request.type();
        contract.startOn = request.startOn();
        contract.plannedEndOn = request.plannedEndOn();
        contract.stateFundedMonths = funded;
        contract.trainingMode = request.trainingMode();
        contract.createdAt = now();
        contract.updatedAt = contract.createdAt;
        try {
            contract.persistAndFlush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict(PostProblems.HOLDER_BUSY, "Already holding a post", "conseillerId",
                    "this person holds another post: one post at a time (end that contract first)");
        }
        PostResponse before = PostResponse.of(post);
        post.state = PostState.OCCUPIED;
        post.updatedAt = contract.createdAt;
        outbox.publish(PostEvents.TOPIC, PostEvents.AGGREGATE, post.id.toString(), PostEvents.FILLED.eventType(),
                PostEvents.FILLED.schemaVersion(), new PostEvents.Filled(post.id, post.agreementId, contract.id, holder.id,
                        contract.startOn));
        audit.record("PostOccupied", PostService.RECORD_TYPE, post.id.toString(), before, PostResponse.of(post));
        ContractResponse signed = ContractResponse.of(contract);
        audit.record("ContractSigned", RECORD_TYPE, contract.id.toString(), null, signed);
        return signed;
    }

    /** Ends a running contract (early with a reason, or at term): its post is ENDED, to be filled again or returned. */
    @Transactional
    public ContractResponse end(UUID contractId, ContractEndRequest request) {
        Contract contract = runningContract(contractId, "ended");
        Post post = Post.findById(contract.postId);
        if (request.on().isBefore(contract.startOn)) {
            throw ProblemException.invalid("on", "is before the contract started (" + contract.startOn + ")");
        }
        boolean early = request.on().isBefore(contract.plannedEndOn);
        if (early == (request.reason() == Contract.EndReason.TERM)) {
            throw ProblemException.invalid("reason", early ? "an end before " + contract.plannedEndOn
                    + " (the planned end) is LICENCIEMENT, NON_RECONDUCTION or DEMISSION" : "an end at term is TERM");
        }
        ContractResponse before = ContractResponse.of(contract);
        contract.endedOn = request.on();
        contract.endReason = request.reason();
        contract.updatedAt = now();
        PostResponse postBefore = PostResponse.of(post);
        post.state = PostState.ENDED;
        post.updatedAt = contract.updatedAt;
        outbox.publish(PostEvents.TOPIC, PostEvents.AGGREGATE, post.id.toString(), PostEvents.ENDED.eventType(),
                PostEvents.ENDED.schemaVersion(), new PostEvents.Ended(post.id, post.agreementId, contract.endedOn, early,
                        monthsUsed(contract)));
        audit.record("PostEnded", PostService.RECORD_TYPE, post.id.toString(), postBefore, PostResponse.of(post));
        ContractResponse ended = ContractResponse.of(contract);
        audit.record("ContractEnded", RECORD_TYPE, contract.id.toString(), before, ended);
        return ended;
    }

    /** Moves a running contract's planned end later and publishes ContractRenewed; the post stays OCCUPIED. */
    @Transactional
    public ContractResponse renew(UUID contractId, ContractRenewalRequest request) {
        Contract contract = runningContract(contractId, "renewed");
        if (!request.plannedEndOn().isAfter(contract.plannedEndOn)) {
            throw ProblemException.invalid("plannedEndOn", "is after the current planned end (" + contract.plannedEndOn + ")");
        }
        Post post = Post.findById(contract.postId);
        ContractResponse before = ContractResponse.of(contract);
        LocalDate previous = contract.plannedEndOn;
        contract.plannedEndOn = request.plannedEndOn();
        contract.renewals++;
        contract.updatedAt = now();
        outbox.publish(PostEvents.TOPIC, PostEvents.AGGREGATE, post.id.toString(), PostEvents.CONTRACT_RENEWED.eventType(),
                PostEvents.CONTRACT_RENEWED.schemaVersion(), new PostEvents.ContractRenewed(post.id, post.agreementId,
                        contract.id, previous, contract.plannedEndOn, contract.renewals));
        ContractResponse renewed = ContractResponse.of(contract);
        audit.record("ContractRenewed", RECORD_TYPE, contract.id.toString(), before, renewed);
        return renewed;
    }

    /** Moves the holder's training forward (a status it already passed is refused with 409). */
    @Transactional
    public ContractResponse train(UUID contractId, TrainingRequest request) {
        Contract contract = Contract.findById(contractId, LockModeType.PESSIMISTIC_WRITE);
        if (contract == null) {
            throw ProblemException.notFound("Contract", contractId);
        }
        if (request.status().compareTo(contract.trainingStatus) < 0) {
            throw ProblemException.conflict(PostProblems.WRONG_STATE, "Training only moves forward", "status",
                    "the training is " + contract.trainingStatus + "; it can move to "
                            + Arrays.stream(Contract.TrainingStatus.values())
                                    .filter(s -> s.compareTo(contract.trainingStatus) >= 0).map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
        ContractResponse before = ContractResponse.of(contract);
        if (request.status() != contract.trainingStatus) {
            contract.trainingStatus = request.status();
            contract.updatedAt = now();
            audit.record("TrainingUpdated", RECORD_TYPE, contract.id.toString(), before, ContractResponse.of(contract));
        }
        return ContractResponse.of(contract);
    }

    /** The contract, under its post's lock (taken first, as every writer of the post does), still running. */
    private static Contract runningContract(UUID contractId, String change) {
        Contract contract = Contract.findById(contractId);
        if (contract == null) {
            throw ProblemException.notFound("Contract", contractId);
        }
        lockedPost(contract.postId);
        Panache.getEntityManager().refresh(contract); // as it is now that its post's writers wait for this one
        if (contract.endedOn != null) {
            throw ProblemException.conflict(PostProblems.WRONG_STATE, "Contract already ended", "endedOn",
                    "the contract ended on " + contract.endedOn + ": it can no longer be " + change);
        }
        return contract;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContractResponse> ofPost(UUID postId) {
        if (Post.findById(postId) == null) {
            throw ProblemException.notFound("Post", postId);
        }
        return Contract.<Contract>list("postId = ?1 order by startOn, createdAt", postId).stream()
                .map(ContractResponse::of).toList();
    }

    /** The State-funded months a post's ended contracts used, a month begun counting as used. */
    static int monthsUsed(UUID postId) {
        return Contract.<Contract>list("postId = ?1 and endedOn is not null", postId).stream()
                .mapToInt(ContractService::monthsUsed).sum();
    }

    private static int monthsUsed(Contract contract) {
        return monthsUsed(contract.startOn, contract.endedOn, contract.stateFundedMonths);
    }

    /** The State-funded months a contract used from its start to {@code until}, a month begun counting, up to {@code cap}. */
    public static int monthsUsed(LocalDate start, LocalDate until, int cap) {
        if (until.isBefore(start)) {
            return 0;
        }
        long months = ChronoUnit.MONTHS.between(start, until);
        if (start.plusMonths(months).isBefore(until)) {
            months++;
        }
        return (int) Math.min(months, cap);
    }

    private static Post lockedPost(UUID id) {
        Post post = Panache.getEntityManager().find(Post.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw ProblemException.notFound("Post", id);
        }
        return post;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
