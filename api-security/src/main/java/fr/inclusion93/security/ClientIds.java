package fr.inclusion93.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The OAuth2 client id of a verified token: what audit rows, events and rate limits name a client by. */
public final class ClientIds {

    /** Claims that may carry it, most specific first (Keycloak sets client_id and azp; sub is its service account). */
    static final List<String> CLAIMS = List.of("client_id", "azp", "sub");

    private ClientIds() {
    }

    public static String of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String claim : CLAIMS) {
                Object value = token.getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
        }
        return identity.getPrincipal().getName();
    }
}
