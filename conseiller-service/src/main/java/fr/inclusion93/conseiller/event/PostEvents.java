package fr.inclusion93.conseiller.event;

import fr.inclusion93.events.EventKind;
import java.time.LocalDate;
import java.util.UUID;

/** The events of posts this service publishes on {@code post.events}, and funding-service's replies it reads. */
public final class PostEvents {

    public static final String TOPIC = "post.events";
    public static final String AGGREGATE = "post";
    /** Aggregate type of funding-service's replies on {@code funding.events}; their key is the post id. */
    public static final String SUBSIDY = "post-subsidy";

    public static final EventKind<Opened> OPENED = new EventKind<>("PostOpened", 1, Opened.class);
    public static final EventKind<Filled> FILLED = new EventKind<>("PostFilled", 1, Filled.class);
    public static final EventKind<Ended> ENDED = new EventKind<>("PostEnded", 1, Ended.class);
    public static final EventKind<Vacated> VACATED = new EventKind<>("PostVacated", 1, Vacated.class);
    public static final EventKind<Returned> RETURNED = new EventKind<>("PostReturned", 1, Returned.class);
    public static final EventKind<ContractRenewed> CONTRACT_RENEWED =
            new EventKind<>("ContractRenewed", 1, ContractRenewed.class);
    public static final EventKind<ActivityRecorded> ACTIVITY_RECORDED =
            new EventKind<>("ActivityRecorded", 1, ActivityRecorded.class);

    public static final EventKind<Reserved> FUNDING_RESERVED = new EventKind<>("FundingReserved", 1, Reserved.class);
    public static final EventKind<Refused> FUNDING_REFUSED = new EventKind<>("FundingRefused", 1, Refused.class);
    public static final EventKind<Released> FUNDING_RELEASED = new EventKind<>("FundingReleased", 1, Released.class);

    private PostEvents() {
    }

    public record Opened(UUID postId, UUID agreementId, UUID structureId, String communeInsee, LocalDate openedOn) {
    }

    /** A holder's contract was signed: the post is occupied. Ids only. */
    public record Filled(UUID postId, UUID agreementId, UUID contractId, UUID conseillerId, LocalDate startOn) {
    }

    /** The holder's contract ended, early or at term; the post is to be filled again or returned. */
    public record Ended(UUID postId, UUID agreementId, LocalDate endedOn, boolean early, int stateFundedMonthsConsumed) {
    }

    /** Vacant again after its holder left: to be recruited for again. */
    public record Vacated(UUID postId, UUID agreementId, LocalDate vacatedOn) {
    }

    /** Given back: the post ends for good, and funding-service releases what its months used did not cost. */
    public record Returned(UUID postId, UUID agreementId, LocalDate returnedOn, int stateFundedMonthsConsumed) {
    }

    /** The holder's running contract was renewed: its planned end moved later. Ids only. */
    public record ContractRenewed(UUID postId, UUID agreementId, UUID contractId, LocalDate previousPlannedEndOn,
            LocalDate plannedEndOn, int renewals) {
    }

    /** A post's month of activity as now recorded (it replaces an earlier entry of the month), in totals. */
    public record ActivityRecorded(UUID postId, UUID agreementId, String month, int activities, long minutes,
            long peopleHelped) {
    }

    public record Reserved(UUID postId, UUID lineId, long amountCents, int fundedMonths) {
    }

    public record Refused(UUID postId, String reason, String detail) {
    }

    public record Released(UUID postId, UUID lineId, long releasedCents, long keptCents) {
    }
}
