package fr.inclusion93.funding.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The page and size query parameters of every list. */
public class Paging {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "Page number, from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(200)
    @Parameter(description = "Items per page, 1 to 200")
    public int size;
}
