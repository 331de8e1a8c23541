package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.service.PostReservation;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where each post's State subsidy stands: what the saga with conseiller-service decided. */
@Path("/api/funding/post-reservations")
@Tag(name = "Post subsidies", description = "PostOpened reserves a post's subsidy in its agreement's envelope "
        + "(FundingReserved / FundingRefused); a PostReturned releases the unspent part (FundingReleased)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
public class PostReservationResource {

    @GET
    @Path("/{postId}")
    @Operation(operationId = "getPostReservation", summary = "One post's subsidy")
    @APIResponse(responseCode = "200", description = "The post's subsidy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PostReservationResponse.class),
                    examples = @ExampleObject(name = "released after an early end", value = Examples.POST_RESERVATION)))
    @APIResponse(responseCode = "404", description = "No event about this post has arrived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = Examples.NOT_FOUND_PROBLEM)))
    public PostReservationResponse get(@PathParam("postId") UUID postId) {
        return PostReservation.<PostReservation>findByIdOptional(postId).map(PostReservationResponse::of)
                .orElseThrow(() -> ProblemException.notFound("Post reservation", postId));
    }

    @GET
    @Operation(operationId = "listPostReservations", summary = "The posts' subsidies, oldest first")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Pages.PostReservations.class),
                    examples = @ExampleObject(name = "one agreement's posts", value = Examples.POST_RESERVATION_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = Examples.VALIDATION_PROBLEM)))
    public PageResponse<PostReservationResponse> list(
            @QueryParam("agreementId") @Parameter(description = "Only this agreement's posts") UUID agreementId,
            @Valid @BeanParam Paging paging) {
        Sort sort = Sort.by("createdAt").and("postId");
        var query = agreementId == null ? PostReservation.<PostReservation>findAll(sort)
                : PostReservation.<PostReservation>find("agreementId", sort, agreementId);
        query.page(io.quarkus.panache.common.Page.of(paging.page, paging.size));
        return new PageResponse<>(query.list().stream().map(PostReservationResponse::of).toList(), paging.page,
                paging.size, query.count());
    }
}
