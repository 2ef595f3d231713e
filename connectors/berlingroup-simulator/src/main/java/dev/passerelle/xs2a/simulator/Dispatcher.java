package dev.passerelle.xs2a.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Endpoint;
import dev.passerelle.xs2a.simulator.http.Handler;
import dev.passerelle.xs2a.simulator.http.Json;
import dev.passerelle.xs2a.simulator.http.Response;
import dev.passerelle.xs2a.simulator.http.TppMessageCode;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import dev.passerelle.xs2a.simulator.scenario.Fault;
import dev.passerelle.xs2a.simulator.security.ClientCertificateCheck;
import dev.passerelle.xs2a.simulator.security.SignatureCheck;
import dev.passerelle.xs2a.simulator.spec.SpecValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request's path through the bank. For XS2A endpoints: the TPP certificate (mutual TLS), the
 * OpenAPI file (FORMAT_ERROR when the request does not conform), the signature, the scripted faults,
 * then the endpoint; the response carries the request's {@code X-Request-ID} and is checked against
 * the OpenAPI file too. The bank's pages skip the XS2A checks. Everything is recorded for inspection.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_TEXT = 500;

    private final Bank bank;
    private final Map<Endpoint, Handler> handlers;
    private final Optional<SpecValidator> spec;
    private final Optional<ClientCertificateCheck> clientCertificates;
    private final SignatureCheck signatures;
    private final Recorder recorder;

    Dispatcher(Bank bank, Map<Endpoint, Handler> handlers, Optional<SpecValidator> spec,
               Optional<ClientCertificateCheck> clientCertificates, SignatureCheck signatures, Recorder recorder) {
        this.bank = bank;
        this.handlers = handlers;
        this.spec = spec;
        this.clientCertificates = clientCertificates;
        this.signatures = signatures;
        this.recorder = recorder;
    }

    Response dispatch(Call call) {
        List<String> violations = new ArrayList<>();
        boolean xs2a = call.path().startsWith("/v1/");
        Response response;
        try {
            Endpoint endpoint = route(call);
            response = endpoint.xs2a() ? xs2a(call, endpoint, violations) : handlers.get(endpoint).handle(call);
        } catch (Xs2aException refused) {
            response = error(refused);
        } catch (RuntimeException bug) {
            LOG.error("The simulator failed on {} {}", call.method(), call.path(), bug);
            response = new Response(500, Map.of(), null);
        }
        if (xs2a) {
            response = response.withHeader("X-Request-ID",
                    call.header("X-Request-ID").orElseGet(() -> UUID.randomUUID().toString()));
            if (call.endpoint() != null && spec.isPresent()) {
                spec.get().validateResponse(call, response).forEach(v -> violations.add("response: " + v));
            }
        }
        if (!violations.isEmpty()) {
            LOG.warn("{} {} does not conform to the OpenAPI file: {}", call.method(), call.path(), violations);
        }
        recorder.record(call, response, violations, bank.now());
        return response;
    }

    private Endpoint route(Call call) {
        List<String> segments = Arrays.asList(call.path().substring(1).split("/", -1));
        boolean pathKnown = false;
        for (Endpoint endpoint : Endpoint.values()) {
            Optional<Map<String, String>> params = endpoint.match(segments);
            if (params.isPresent()) {
                pathKnown = true;
                if (endpoint.method().equals(call.method())) {
                    call.route(endpoint, params.get());
                    return endpoint;
                }
            }
        }
        if (pathKnown) {
            throw Xs2aException.withStatus(TppMessageCode.SERVICE_INVALID, 405,
                    call.method() + " is not allowed on " + call.path() + ".");
        }
        throw Xs2aException.of(TppMessageCode.RESOURCE_UNKNOWN, "No such resource: " + call.path());
    }

    private Response xs2a(Call call, Endpoint endpoint, List<String> violations) {
        clientCertificates.ifPresent(check -> check.check(call));
        if (spec.isPresent()) {
            List<String> problems = spec.get().validateRequest(call);
            problems.forEach(v -> violations.add("request: " + v));
            if (!problems.isEmpty()) {
                throw Xs2aException.formatError(null, "The request does not conform to the NextGenPSD2 API: "
                        + problems.getFirst());
            }
        }
        String requestId = call.header("X-Request-ID").orElseThrow(() ->
                Xs2aException.formatError("X-Request-ID", "The X-Request-ID header is required."));
        try {
            UUID.fromString(requestId);
        } catch (IllegalArgumentException e) {
            throw Xs2aException.formatError("X-Request-ID", "X-Request-ID must be a UUID.");
        }
        signatures.check(call);
        Optional<Fault> fault = bank.scenarios().takeFault(endpoint, psuOf(call));
        if (fault.isPresent()) {
            return play(fault.get());
        }
        return handlers.get(endpoint).handle(call);
    }

    /** The PSU a request is about: its PSU-ID, or the PSU of the consent it names. */
    private Optional<String> psuOf(Call call) {
        Optional<String> psu = call.header("PSU-ID");
        if (psu.isPresent()) {
            return psu;
        }
        Optional<String> consentId = Optional.ofNullable(call.pathParam("consentId")).or(() -> call.header("Consent-ID"));
        return consentId.flatMap(id -> bank.consents().find(id)).flatMap(Consent::psuId);
    }

    private static Response play(Fault fault) {
        return switch (fault.kind()) {
            case SERVICE_UNAVAILABLE -> error(Xs2aException.retryable(TppMessageCode.SERVICE_UNAVAILABLE,
                    "The service is temporarily unavailable.", fault.retryAfter()));
            case ACCESS_EXCEEDED -> error(Xs2aException.retryable(TppMessageCode.ACCESS_EXCEEDED,
                    "Too many requests: try again later.", fault.retryAfter()));
            case FORMAT_ERROR -> error(Xs2aException.formatError(null, "The request could not be processed."));
            case INTERNAL_SERVER_ERROR -> new Response(500, Map.of(), null);
        };
    }

    /**
     * The NextGenPSD2 error body, {@code Retry-After} in whole seconds when the refusal is temporary. A 5xx
     * answer has no body: the OpenAPI file defines none for AIS ("no valid message codes for AIS in case
     * of HTTP code 500/503"), so the code (e.g. SERVICE_UNAVAILABLE) is only in the status.
     */
    static Response error(Xs2aException refused) {
        if (refused.status() >= 500) {
            return withRetryAfter(new Response(refused.status(), Map.of(), null), refused);
        }
        ObjectNode body = Json.object();
        ObjectNode message = body.putArray("tppMessages").addObject();
        message.put("category", "ERROR");
        message.put("code", refused.code().name());
        refused.path().ifPresent(path -> message.put("path", path));
        String text = refused.getMessage();
        message.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text);
        return withRetryAfter(Response.json(refused.status(), body), refused);
    }

    private static Response withRetryAfter(Response response, Xs2aException refused) {
        if (refused.retryAfter().isEmpty()) {
            return response;
        }
        Duration delay = refused.retryAfter().get();
        long seconds = Math.max(1, delay.toSeconds() + (delay.toNanosPart() > 0 ? 1 : 0));
        return response.withHeader("Retry-After", Long.toString(seconds));
    }
}
