package fr.inclusion93.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * W3C trace context across the outbox: the request's {@code traceparent} is stored with the outbox row, sent as a
 * Kafka header, and the consumer's work runs in a span that continues it, so one request can be followed across
 * services (trace id in every log line).
 */
@ApplicationScoped
public class TraceContext {

    private final OpenTelemetry openTelemetry;

    TraceContext(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    /** The current span as a {@code traceparent} value, or null outside any trace. */
    static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The current trace id, or null outside any trace. */
    static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** Starts a consumer span continuing the given {@code traceparent} (a new trace when it is null or invalid). */
    Span startConsumerSpan(String name, String traceparent) {
        Context parent = traceparent == null ? Context.root()
                : openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), traceparent, TRACEPARENT);
        return openTelemetry.getTracer("fr.inclusion93.events").spanBuilder(name)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .startSpan();
    }

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(EventEnvelope.TRACEPARENT_HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return EventEnvelope.TRACEPARENT_HEADER.equals(key) ? carrier : null;
        }
    };
}
