package fr.inclusion93.structure.rest;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of a search, as sent: text, so that {@link StructureSearchParser} reports a wrong format with
 * the parameter's name, like a wrong value, all of them in one 400. An empty value is the same as none.
 */
public class StructureSearchParameters {

    static final List<String> NAMES = List.of("ept", "commune", "type", "legalKind", "qpv", "status", "q", "siret", "rna",
            "sort", "limit", "cursor");

    @QueryParam("ept")
    @Parameter(description = "SIREN of an EPT: structures of its communes", example = "200057867")
    String ept;

    @QueryParam("commune")
    @Parameter(description = "INSEE code of a commune", example = "93027")
    String commune;

    @QueryParam("type")
    @Parameter(description = "A type code of GET /api/structures/types", example = "BIB")
    String type;

    @QueryParam("legalKind")
    @Parameter(description = "Legal kind", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"PUBLIC_COLLECTIVITY", "ASSOCIATION", "ESS_ENTERPRISE", "OTHER_PRIVATE"}))
    String legalKind;

    @QueryParam("qpv")
    @Parameter(description = "true: in a quartier prioritaire (QPV) only; false: outside one only",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String qpv;

    @QueryParam("status")
    @Parameter(description = "ACTIVE or CLOSED; absent: both", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"ACTIVE", "CLOSED"}))
    String status;

    @QueryParam("q")
    @Parameter(description = "Words the name must contain, each anywhere in it, accents and case ignored "
            + "(\"mediatheque lennon\" finds Médiathèque John Lennon); at most " + StructureSearchParser.MAX_WORDS
            + " words, " + StructureSearchParser.MAX_TEXT + " characters", example = "mediatheque lennon")
    String q;

    @QueryParam("siret")
    @Parameter(description = "SIRET (14 digits)", example = "21930027400012")
    String siret;

    @QueryParam("rna")
    @Parameter(description = "RNA number of an association (W and 9 digits)", example = "W931234567")
    String rna;

    @QueryParam("sort")
    @Parameter(description = "Order of the items, the id breaking ties; - for descending. Default registeredAt. Pages "
            + "never skip nor repeat a structure whose sort key does not change while you page: always true of "
            + "registeredAt; under name or commune, a structure renamed or moved between two of your pages may be "
            + "listed twice or not at all", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"registeredAt", "-registeredAt", "name", "-name", "commune", "-commune"}))
    String sort;

    @QueryParam("limit")
    @Parameter(description = "Most items on the page, 1 to 500 (default 50)", schema = @Schema(type = SchemaType.INTEGER))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The next of the previous page, sent with the same sort; absent for the first page")
    String cursor;
}
