package fr.inclusion93.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without a key to verify tokens with: such a service would answer 401 to every client, which
 * looks like a client's fault rather than the operator's.
 */
@ApplicationScoped
class VerificationKeyCheck {

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    void onStart(@Observes StartupEvent event) {
        if (keyLocation.isEmpty() && inlineKey.isEmpty()) {
            throw new IllegalStateException("No key to verify bearer tokens with: set JWT_PUBLIC_KEY_LOCATION to a PEM "
                    + "file or a JWKS URL (or MP_JWT_VERIFY_PUBLICKEY to the key itself); see the README, \"Tokens\"");
        }
    }
}
