package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Post;
import fr.inclusion93.conseiller.service.PostState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Post", description = "A post: its place, its state and where its State subsidy stands")
public record PostResponse(UUID id, UUID agreementId, UUID structureId, String communeInsee, String eptSiren,
        PostState state,
        @Schema(description = "PENDING until funding-service answers the opening; RESERVED, REFUSED, or RELEASED after a return")
        Post.Funding funding,
        @Schema(nullable = true, description = "The funding line that reserved its subsidy, once reserved") UUID fundingLineId,
        @Schema(nullable = true, description = "funding-service's answer in words (the figures of a refusal)") String fundingDetail,
        LocalDate openedOn,
        @Schema(nullable = true, description = "Day it was returned to the State, when returned") LocalDate returnedOn,
        @Schema(nullable = true, description = "What needs someone's action (its host structure closed); null when nothing") String flag,
        Instant updatedAt) {

    public static PostResponse of(Post post) {
        return new PostResponse(post.id, post.agreementId, post.structureId, post.communeInsee, post.eptSiren, post.state,
                post.funding, post.fundingLineId, post.fundingDetail, post.openedOn, post.returnedOn, post.flag,
                post.updatedAt);
    }
}
