package fr.inclusion93.funding.service;

import fr.inclusion93.funding.rest.TerritoryBody;
import fr.inclusion93.problem.Problem.FieldError;
import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.security.Caller;
import fr.inclusion93.security.Territory;
import fr.inclusion93.security.reference.Commune;
import fr.inclusion93.security.reference.Communes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The territories envelopes and lines apply to, checked against the communes reference (the same list
 * structure-service uses), and what they mean for a partner's right to write.
 */
@ApplicationScoped
public class Territories {

    private static final Pattern DEPARTEMENT = Pattern.compile("^([013-9][0-9]|2[AB]|97[1-6])$");

    private final Communes communes;
    private final Caller caller;

    Territories(Communes communes, Caller caller) {
        this.communes = communes;
        this.caller = caller;
    }

    /** The territory as a partner's token names them; 400 on {@code field} when the code is unknown at its level. */
    public Territory resolve(TerritoryBody body, String field) {
        Optional<Territory> territory = switch (body.level()) {
            case COMMUNE -> communes.byInseeCode(body.code()).map(Commune::territory);
            case EPT -> communes.all().stream().filter(c -> body.code().equals(c.eptSiren())).findFirst()
                    .map(Commune::territory);
            case DEPARTEMENT -> DEPARTEMENT.matcher(body.code()).matches()
                    ? Optional.of(Territory.departement(body.code())) : Optional.empty();
        };
        return territory.orElseThrow(() -> ProblemException.invalidFields(List.of(new FieldError(field + ".code",
                "unknown " + body.level() + " code " + body.code()))));
    }

    /** 403 unless the caller may write there (an admin anywhere, a partner inside its EPT or département). */
    public void requireWriteAccess(TerritoryBody body) {
        caller.requireWriteAccessTo(resolve(body, "territory"));
    }
}
