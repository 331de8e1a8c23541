package fr.inclusion93.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.ProxyRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** How an attempt that got no answer failed, and whether sending the request again is safe. */
final class UnansweredRequests {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private UnansweredRequests() {
    }

    /** Nothing was sent: the connection could not be opened, so any request may be sent again. */
    static boolean notSent(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException;
    }

    /** Sent, or perhaps sent, and may be sent again: {@link #notSent}, or a connection failure of a resendable request. */
    static boolean retryable(Throwable failure, ProxyRequest request) {
        return notSent(failure) || connectionFailed(failure) && resendable(request);
    }

    /** The instance gave no answer: unreachable, gone mid-request or silent; not the client going away. */
    static boolean unanswered(Throwable failure) {
        return connectionFailed(failure) || failure instanceof TimeoutException;
    }

    /** Refused, reset or closed before any answer: not a time-out, an open circuit, nor the client going away. */
    static boolean connectionFailed(Throwable failure) {
        return failure instanceof IOException || failure instanceof HttpClosedException;
    }

    static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** A safe method, and nothing to send but the headers: the request can be sent again as it was. */
    private static boolean resendable(ProxyRequest request) {
        MultiMap headers = request.proxiedRequest().headers();
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return SAFE.contains(request.getMethod()) && (length == null || length.equals("0"))
                && !headers.contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
