package dev.passerelle.xs2a.simulator;

import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Keeps every request and response for {@link Xs2aSimulator#requests()}. */
final class Recorder {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void record(Call call, Response response, List<String> violations, Instant at) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        call.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        requests.add(new RecordedRequest(at, call.endpoint(), call.method(), call.path(), call.rawQuery(),
                Map.copyOf(headers), call.bodyText(), response.status(), Map.copyOf(response.headers()),
                response.contentType() != null && response.contentType().startsWith("image/") ? "" : response.text(),
                List.copyOf(violations)));
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }

}
