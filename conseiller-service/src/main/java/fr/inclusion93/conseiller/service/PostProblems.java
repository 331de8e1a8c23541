package fr.inclusion93.conseiller.service;

import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The refusals of the agreement's rules, with the figures involved. */
final class PostProblems {

    static final URI POSTS_EXCEEDED = ProblemType.of("agreement-posts-exceeded");
    static final URI QUOTA_EXCEEDED = ProblemType.of("quota-exceeded");
    static final URI WRONG_STATE = ProblemType.of("wrong-state");
    static final URI STRUCTURE_CLOSED = ProblemType.of("structure-closed");
    static final URI DUPLICATE_KEY = ProblemType.of("duplicate-key");
    static final URI HOLDER_BUSY = ProblemType.of("holder-busy");

    private PostProblems() {
    }

    static ProblemException postsExceeded(UUID agreementId, int total, long open) {
        String detail = "Agreement " + agreementId + " has " + total + " posts and " + open
                + " of them are open (not returned): no place left for another";
        return new ProblemException(409, POSTS_EXCEEDED, "The agreement's posts are all open", detail,
                List.of(new FieldError("agreementId", detail)));
    }

    static ProblemException quotaExceeded(Agreement.Quota quota, long open) {
        String detail = "The quota of " + quota.level + " " + quota.code + " is " + quota.posts + " posts and " + open
                + " of them are open (not returned): no place left for another in this territory";
        return new ProblemException(409, QUOTA_EXCEEDED, "The territory's quota is reached", detail,
                List.of(new FieldError("structureId", detail)));
    }

    /** 409 naming the post's state and the states it may move to. */
    static ProblemException wrongState(PostState current, PostState wanted, String why) {
        String reason = "the post is " + current + " and cannot become " + wanted + (why == null ? "" : " (" + why + ")")
                + "; from " + current + " it can move to "
                + (current.next().isEmpty() ? "nothing (final)"
                        : current.next().stream().map(Enum::name).collect(Collectors.joining(", ")));
        return ProblemException.conflict(WRONG_STATE, "Not possible in this state", "to", reason);
    }

    static ProblemException structureClosed(UUID structureId) {
        return ProblemException.conflict(STRUCTURE_CLOSED, "Host structure closed", "structureId",
                "structure " + structureId + " is closed: a post cannot be opened there");
    }
}
