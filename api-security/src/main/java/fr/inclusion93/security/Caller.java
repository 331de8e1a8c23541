package fr.inclusion93.security;

import fr.inclusion93.problem.ProblemException;
import fr.inclusion93.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The client behind the current request, as its verified token says: its client id (recorded in audit rows and
 * events), its roles and, for a partner, its territory.
 */
@RequestScoped
public class Caller {

    /** Claim naming a partner's territory: an EPT SIREN ("200057875") or a département code ("93"). */
    public static final String TERRITORY_CLAIM = "territory";
    static final URI OUTSIDE_TERRITORY = ProblemType.of("outside-territory");

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The OAuth2 client id of the token; "anonymous" only on the open endpoints. */
    public String clientId() {
        return ClientIds.of(identity);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> territory() {
        return Optional.ofNullable(token.<Object>getClaim(TERRITORY_CLAIM)).map(Object::toString);
    }

    /**
     * Lets an admin write anywhere and a partner only inside its own territory; answers 403 naming the territory
     * of the record otherwise. Route-level roles ({@code @RolesAllowed}) have already kept the others out.
     */
    public void requireWriteAccessTo(Territory target) {
        if (hasRole(Roles.ADMIN)) {
            return;
        }
        String own = territory().orElse("none");
        if (hasRole(Roles.PARTNER) && target.includes(own)) {
            return;
        }
        throw new ProblemException(403, OUTSIDE_TERRITORY, "Outside your territory",
                "This record belongs to " + target.describe() + "; a partner of territory " + own
                        + " writes only in its own territory",
                List.of());
    }
}
