package fr.inclusion93.conseiller.rest;

import fr.inclusion93.conseiller.service.Post;
import fr.inclusion93.problem.Problem;
import fr.inclusion93.security.Roles;
import fr.inclusion93.writes.changes.ChangeFeed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Changed since" for the systems that keep a copy of the posts (the national system, the dashboards). */
@Path("/api/conseillers/posts/changes")
@Tag(name = "Posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostChangesResource {

    private final ChangeFeed feed;

    PostChangesResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "listPostChangesSince", summary = "Every post changed since a cursor, as it now is",
            description = "Start without a cursor (from the beginning: every post), then always send the next of the "
                    + "last answer. Each post comes as it is now, in the order of the transactions that changed it: its "
                    + "opening, each move of its lifecycle, a contract signed or ended, funding-service's answer, a flag. "
                    + "No change is ever skipped, even when writes commit out of order: a change shows up once every "
                    + "transaction that started before it has ended (usually within milliseconds). Fewer items than "
                    + "limit: you are up to date, poll again later with next.")
    @APIResponse(responseCode = "200", description = "The changes after the cursor, and the cursor to send next",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostChangesPage.class),
                    examples = @ExampleObject(name = "up to date after one change", value = Examples.POST_CHANGES_PAGE)))
    @APIResponse(responseCode = "400", description = "limit or cursor invalid, or an unknown parameter; every one is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad cursor", value = Examples.POST_CHANGES_PARAMETER_PROBLEM)))
    public PostChangesPage changes(
            @QueryParam("cursor") @Parameter(description = "The next of your last answer; absent to start from the beginning")
            String cursor,
            @QueryParam("limit") @Parameter(description = "Most posts in the answer, 1 to " + ChangeFeed.MAX_LIMIT
                    + " (default " + ChangeFeed.DEFAULT_LIMIT + ")", schema = @Schema(type = SchemaType.INTEGER))
            String limit,
            @Context UriInfo uri) {
        ChangeFeed.Request request = ChangeFeed.Request.of(uri.getQueryParameters(), cursor, limit);
        ChangeFeed.Page<Post> page = feed.since("post", Post.class, post -> post.id, request.after(), request.limit());
        return new PostChangesPage(page.items().stream().map(PostResponse::of).toList(), page.next().encode());
    }
}
