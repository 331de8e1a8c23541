package fr.inclusion93.events;

/** An event that can never be applied (unreadable, or breaking its schema): it goes to the dead-letter topic at once. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
