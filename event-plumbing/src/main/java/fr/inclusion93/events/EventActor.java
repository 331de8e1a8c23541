package fr.inclusion93.events;

import java.util.Optional;

/**
 * Who causes the events written now, recorded as the envelope's {@code actor}: the OAuth2 client id of the
 * authenticated request, never personal data. An app provides one bean (api-writes does, from the request's caller);
 * without one, {@link NoEventActor} leaves the envelopes without an actor.
 */
public interface EventActor {

    /** The client id behind the current work; empty outside an authenticated request (a consumer's, a timer's). */
    Optional<String> current();
}
