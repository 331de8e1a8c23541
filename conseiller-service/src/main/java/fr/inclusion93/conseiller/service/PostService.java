package fr.inclusion93.conseiller.service;

import fr.inclusion93.conseiller.event.PostEvents;
import fr.inclusion93.conseiller.rest.PostRequest;
import fr.inclusion93.conseiller.rest.PostResponse;
import fr.inclusion93.conseiller.rest.PostsPage;
import fr.inclusion93.conseiller.rest.TransitionRequest;
import fr.inclusion93.events.EventKind;
import fr.inclusion93.events.Outbox;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.writes.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Opens posts within their agreement's total and their territory's quota (the agreement's row lock counts concurrent
 * openings one after the other), moves them through their lifecycle, and publishes what funding-service needs.
 */
@ApplicationScoped
public class PostService {

    static final String RECORD_TYPE = "post";

    private final Outbox outbox;
    private final AuditLog audit;

    PostService(Outbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public PostResponse open(PostRequest request) {
        Agreement agreement = Panache.getEntityManager().find(Agreement.class, request.agreementId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (agreement == null) {
            throw ProblemException.invalid("agreementId", "no agreement has this id");
        }
        HostStructure structure = HostStructure.findById(request.structureId());
        if (structure == null) {
            throw ProblemException.invalid("structureId",
                    "no host structure has this id here (unknown, or its registration has not arrived yet)");
        }
        if (structure.status == HostStructure.Status.CLOSED) {
            throw PostProblems.structureClosed(structure.id);
        }
        if (!structure.communeInsee.startsWith(agreement.departementCode)) {
            throw ProblemException.invalid("structureId", "the structure is in commune " + structure.communeInsee
                    + ", outside the agreement's département " + agreement.departementCode);
        }
        long open = Post.count("agreementId = ?1 and state <> ?2", agreement.id, PostState.RETURNED);
        if (open >= agreement.totalPosts) {
            throw PostProblems.postsExceeded(agreement.id, agreement.totalPosts, open);
        }
        for (Agreement.Quota quota : agreement.quotas) {
            boolean within = quota.level == Agreement.QuotaLevel.COMMUNE ? quota.code.equals(structure.communeInsee)
                    : quota.code.equals(structure.eptSiren);
            if (within) {
                long inQuota = Post.count("agreementId = ?1 and state <> ?2 and "
                        + (quota.level == Agreement.QuotaLevel.COMMUNE ? "communeInsee" : "eptSiren") + " = ?3",
                        agreement.id, PostState.RETURNED, quota.code);
                if (inQuota >= quota.posts) {
                    throw PostProblems.quotaExceeded(quota, inQuota);
                }
            }
        }
        Post post = new Post();
        post.id = UUID.randomUUID();
        post.agreementId = agreement.id;
        post.structureId = structure.id;
        post.communeInsee = structure.communeInsee;
        post.eptSiren = structure.eptSiren;
        post.state = PostState.VACANT;
        post.funding = Post.Funding.PENDING;
        post.openedOn = request.openedOn();
        post.createdAt = now();
        post.updatedAt = post.createdAt;
        post.persist();
        publish(post, PostEvents.OPENED, new PostEvents.Opened(post.id, post.agreementId, post.structureId,
                post.communeInsee, post.openedOn));
        PostResponse created = PostResponse.of(post);
        audit.record("PostOpened", RECORD_TYPE, post.id.toString(), null, created);
        return created;
    }

    /** The moves an operator asks for; occupied and ended follow the holder's contract. */
    @Transactional
    public PostResponse move(UUID id, TransitionRequest request) {
        Post post = Panache.getEntityManager().find(Post.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw ProblemException.notFound("Post", id);
        }
        PostState to = request.to();
        if (!post.state.next().contains(to)) {
            throw PostProblems.wrongState(post.state, to, null);
        }
        if (to == PostState.OCCUPIED || to == PostState.ENDED) {
            throw PostProblems.wrongState(post.state, to, "a post becomes " + to
                    + " with its holder's contract, not by a transition asked on its own");
        }
        if (request.on().isBefore(post.openedOn)) {
            throw ProblemException.invalid("on", "is before the post opened (" + post.openedOn + ")");
        }
        PostResponse before = PostResponse.of(post);
        post.state = to;
        post.updatedAt = now();
        if (to == PostState.RETURNED) {
            post.returnedOn = request.on();
            publish(post, PostEvents.RETURNED, new PostEvents.Returned(post.id, post.agreementId, post.returnedOn,
                    ContractService.monthsUsed(post.id)));
        } else if (before.state() == PostState.ENDED) {
            publish(post, PostEvents.VACATED, new PostEvents.Vacated(post.id, post.agreementId, request.on()));
        }
        PostResponse after = PostResponse.of(post);
        audit.record("Post" + camel(to), RECORD_TYPE, post.id.toString(), before, after);
        return after;
    }

    /** funding-service's answer to the opening (or its release); a post unknown here is not ours: skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void funding(UUID postId, Post.Funding funding, UUID lineId, String detail) {
        Post post = Panache.getEntityManager().find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            return;
        }
        PostResponse before = PostResponse.of(post);
        post.funding = funding;
        post.fundingLineId = lineId == null ? post.fundingLineId : lineId;
        post.fundingDetail = detail;
        post.updatedAt = now();
        audit.record("PostFunding" + camel(funding), RECORD_TYPE, post.id.toString(), before, PostResponse.of(post));
    }

    /** Flags (or unflags) the open posts of a structure that closed (or reopened): someone must act, nothing moves. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void structureStatus(HostStructure structure) {
        String flag = structure.status == HostStructure.Status.CLOSED
                ? "host structure closed" + (structure.closedOn == null ? "" : " on " + structure.closedOn)
                        + (structure.closeReason == null ? "" : " (" + structure.closeReason + ")")
                        + ": move the post to another structure or return it"
                : null;
        List<Post> posts = Post.list("structureId = ?1 and state <> ?2", structure.id, PostState.RETURNED);
        for (Post post : posts) {
            if (!Objects.equals(post.flag, flag)) {
                PostResponse before = PostResponse.of(post);
                post.flag = flag;
                post.updatedAt = now();
                audit.record(flag == null ? "PostUnflagged" : "PostFlagged", RECORD_TYPE, post.id.toString(), before,
                        PostResponse.of(post));
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostResponse get(UUID id) {
        Post post = Post.findById(id);
        if (post == null) {
            throw ProblemException.notFound("Post", id);
        }
        return PostResponse.of(post);
    }

    /** Posts in id order after {@code after}, optionally of one agreement, state or flagged only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostsPage list(UUID agreementId, PostState state, boolean flaggedOnly, UUID after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (agreementId != null) {
            parameters.add(agreementId);
            where.append(" and agreementId = ?").append(parameters.size());
        }
        if (state != null) {
            parameters.add(state);
            where.append(" and state = ?").append(parameters.size());
        }
        if (flaggedOnly) {
            where.append(" and flag is not null");
        }
        if (after != null) {
            parameters.add(after);
            where.append(" and id > ?").append(parameters.size());
        }
        List<Post> posts = new ArrayList<>(Post.<Post>find(where + " order by id", parameters.toArray())
                .range(0, limit).list());
        UUID next = null;
        if (posts.size() > limit) {
            posts.remove(limit);
            next = posts.get(limit - 1).id;
        }
        return new PostsPage(posts.stream().map(PostResponse::of).toList(), next == null ? null : next.toString());
    }

    private void publish(Post post, EventKind<?> kind, Object payload) {
        outbox.publish(PostEvents.TOPIC, PostEvents.AGGREGATE, post.id.toString(), kind.eventType(), kind.schemaVersion(),
                payload);
    }

    private static String camel(Enum<?> value) {
        String name = value.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
