package fr.inclusion93.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The OAuth2 client id of a verified token: what audit rows, events and rate limits name a client by. */
public final class ClientIds {

    /** Claims that may carry it, most specific first (Keycloak sets client_id and azp; sub is its service account). */
    static final List<String> CLAIMS = List.of("client_id", "azp", "sub");

    /**
     * Found once per token: smallrye-jwt's getClaim throws and catches an exception for every claim the MicroProfile
     * Claims enum does not name (client_id), 6% of the gateway's time when read on each request. Keyed by the token
     * object, which {@link VerifiedTokens} keeps for as long as the token string is sent again.
     */
    private static final Cache<JsonWebToken, String> OF_TOKEN = Caffeine.newBuilder()
            .executor(Runnable::run) // upkeep on the caller, not a wake-up of a common-pool thread every few reads
            .weakKeys()
            .maximumSize(10_000)
            .build();

    private ClientIds() {
    }

    public static String of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return OF_TOKEN.get(token, ClientIds::read);
        }
        return identity.getPrincipal().getName();
    }

    private static String read(JsonWebToken token) {
        for (String claim : CLAIMS) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return token.getName();
    }
}
