package fr.inclusion93.events;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The {@link EventActor} of an app that provides none: its events carry no actor. */
@DefaultBean
@ApplicationScoped
class NoEventActor implements EventActor {

    @Override
    public Optional<String> current() {
        return Optional.empty();
    }
}
