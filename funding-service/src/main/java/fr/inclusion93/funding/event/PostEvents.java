package fr.inclusion93.funding.event;

import fr.inclusion93.events.EventKind;
import java.time.LocalDate;
import java.util.UUID;

/** The post events funding-service reads on {@code post.events}, and its replies on {@code funding.events}. */
public final class PostEvents {

    public static final String TOPIC_IN = "post.events";
    /** Aggregate type of the replies; the key is the post id, as in the post events they answer. */
    public static final String SUBSIDY = "post-subsidy";
    public static final String RESERVED = "FundingReserved";
    public static final String REFUSED = "FundingRefused";
    public static final String RELEASED = "FundingReleased";

    public static final EventKind<Opened> OPENED = new EventKind<>("PostOpened", 1, Opened.class);
    public static final EventKind<Returned> RETURNED = new EventKind<>("PostReturned", 1, Returned.class);

    private PostEvents() {
    }

    public record Opened(UUID postId, UUID agreementId, UUID structureId, String communeInsee, LocalDate openedOn) {
    }

    /** The end of a post's subsidy, as a return gives it: what the release works from. */
    public record Ended(UUID postId, UUID agreementId, LocalDate endedOn, boolean early, int stateFundedMonthsConsumed) {
    }

    /** A post given back for good: its subsidy ends as an early end does, keeping what its months used cost. */
    public record Returned(UUID postId, UUID agreementId, LocalDate returnedOn, int stateFundedMonthsConsumed) {

        Ended asEnd() {
            return new Ended(postId, agreementId, returnedOn, true, stateFundedMonthsConsumed);
        }
    }

    public record Reserved(UUID postId, UUID agreementId, UUID envelopeId, UUID lineId, long amountCents, int fundedMonths) {
    }

    public record Refused(UUID postId, UUID agreementId, String reason, String detail, UUID envelopeId, Long ceilingCents,
            Long committedCents, Long requestedCents) {
    }

    public record Released(UUID postId, UUID agreementId, UUID envelopeId, UUID lineId, long releasedCents, long keptCents) {
    }
}
