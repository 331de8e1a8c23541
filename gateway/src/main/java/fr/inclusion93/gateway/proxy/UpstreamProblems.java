package fr.inclusion93.gateway.proxy;

import fr.inclusion93.problem.Problem;
import fr.inclusion93.problem.ProblemType;
import fr.inclusion93.problem.ProblemWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** The gateway's own answer when a service gave none: 504 after a time-out, 503 otherwise, naming the service. */
final class UpstreamProblems {

    static final URI UNAVAILABLE = ProblemType.of("upstream-unavailable");
    static final URI TIMEOUT = ProblemType.of("upstream-timeout");

    private UpstreamProblems() {
    }

    static Problem of(Throwable failure, String service, String path) {
        if (failure instanceof TimeoutException) {
            return new Problem(TIMEOUT, "Gateway Timeout", 504,
                    service + " did not answer in time; the request may or may not have been applied",
                    ProblemWriter.instance(path), List.of());
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new Problem(UNAVAILABLE, "Service Unavailable", 503, service + " is failing: the gateway "
                    + "stopped sending it requests for a few seconds; try again later", ProblemWriter.instance(path), List.of());
        }
        return new Problem(UNAVAILABLE, "Service Unavailable", 503,
                service + " is unreachable; try again later", ProblemWriter.instance(path), List.of());
    }
}
