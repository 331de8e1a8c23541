package fr.inclusion93.conseiller.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PostsPage", description = "Posts in id order; `next` is the cursor of the following page (null on the last)")
public record PostsPage(List<PostResponse> items, String next) {
}
