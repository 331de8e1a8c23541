package fr.inclusion93.writes.audit;

import fr.inclusion93.events.EventActor;
import fr.inclusion93.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Who is writing: the client id of the authenticated request ({@link Caller#clientId()}), for audit rows and, as the
 * envelope's {@code actor}, for events. Empty for a service's own work (a consumer, a timer): no request, or an
 * anonymous one.
 */
@ApplicationScoped
public class CurrentActor implements EventActor {

    private final Caller caller;
    private final SecurityIdentity identity;

    CurrentActor(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    @Override
    public Optional<String> current() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(caller.clientId());
    }
}
