package fr.inclusion93.events;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Failures that say nothing about the event: the database is unreachable, busy or asked for a retry. An event that
 * meets one is retried until it goes through, never dead-lettered.
 */
final class TransientFailures {

    /**
     * SQL states worth waiting out: 08 connection, 40001 serialization failure, 40P01 deadlock, 53 insufficient
     * resources (53300 too many connections), 55P03 lock not available, 57P0x server shutting down or starting.
     */
    private static final Set<String> CLASSES = Set.of("08", "53");
    private static final Set<String> STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof LockAcquisitionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // the connection pool's own time-out ("Sorry, acquisition timeout!") carries no SQL state
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout");
        }
        return STATES.contains(state) || state.length() >= 2 && CLASSES.contains(state.substring(0, 2));
    }
}
