package fr.inclusion93.funding.rest;

import fr.inclusion93.funding.report.Reconciliation;
import fr.inclusion93.funding.report.ReconciliationCsv;
import fr.inclusion93.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/funding/reports")
@Tag(name = "Reports", description = "Figures computed from the ledger and what the sources state")
public class ReconciliationResource {

    static final String CSV = "text/csv";
    static final String VERSION_HEADER = "X-Report-Version";
    private static final String VERDICTS = "Verdict, from the kind and the qualifier: EQUAL (the parts sum to the figure); "
            + "CONSISTENT (`plus de`: the known parts reach the floor; a `dont` whose parts fall short of it); CONFLICT (a "
            + "`dont` whose parts exceed their parent, a `plus de` the complete parts do not reach, a plain figure that "
            + "differs); APPROXIMATE (`près de`: the difference is shown, never judged); INDETERMINATE (some parts have no "
            + "amount and the known ones do not settle it); NOT_RECONCILABLE (the source does not identify the parts). "
            + "Amounts are integer cents (and euros with two decimals); differences are published parts − stated.";

    private final Reconciliation reconciliation;

    ReconciliationResource(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GET
    @Path("/reconciliation")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "reconciliationReport", summary = "Every stated total against the sum of its parts",
            description = "One row per total a loaded seed states (in the seed's order): the figure as written, its parts "
                    + "(line keys) with each one's published figure and the ledger's line of the same key (id, status, "
                    + "amount), the sum of the parts as published (refused parts included) and as loaded, the parts "
                    + "without an amount, the refused parts and the differences. " + VERDICTS)
    @APIResponse(responseCode = "200", description = "The report (version 1 of its columns)",
            headers = @Header(name = VERSION_HEADER, description = "Version of the columns", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationReport.class),
                    examples = @ExampleObject(name = "the 210 000 € dont", value = Examples.RECONCILIATION)))
    public Response json() {
        return Response.ok(new ReconciliationReport(Reconciliation.VERSION, reconciliation.rows()))
                .header(VERSION_HEADER, Reconciliation.VERSION).build();
    }

    @GET
    @Path("/reconciliation.csv")
    @Produces(CSV + ";charset=UTF-8")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.AUDITOR, Roles.DASHBOARD})
    @Operation(operationId = "reconciliationReportCsv", summary = "The reconciliation report as CSV",
            description = "RFC 4180, UTF-8, comma, a header row; the version of the columns is the X-Report-Version header "
                    + "(1). Columns, in this order: key, kind (total | dont), qualifier (plus de | près de | empty), wording, "
                    + "stated_cents, stated_euros, parts (line keys, `|`-separated; empty: not identified), part_line_ids "
                    + "(the ledger id of each part in the order of parts, `|`-separated, empty for a part not in the ledger), "
                    + "published_parts_cents, loaded_parts_cents, parts_without_amount, refused_parts, difference_cents "
                    + "(published parts − stated), difference_euros, loaded_difference_cents (loaded parts − stated), "
                    + "verdict. An empty cell is a null. " + VERDICTS)
    @APIResponse(responseCode = "200", description = "The report as CSV (version 1 of its columns)",
            headers = @Header(name = VERSION_HEADER, description = "Version of the columns", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "the 210 000 € dont", value = Examples.RECONCILIATION_CSV)))
    public Response csv() {
        return Response.ok(ReconciliationCsv.write(reconciliation.rows()))
                .header(VERSION_HEADER, Reconciliation.VERSION)
                .header("Content-Disposition", "attachment; filename=\"reconciliation.csv\"").build();
    }
}
