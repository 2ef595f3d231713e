package dev.passerelle.server.webview;

/** A webview URL failed its checks; the controller answers the error page for {@link #refusal()}. */
final class WebviewRefused extends RuntimeException {

    private final WebviewRefusal refusal;

    WebviewRefused(WebviewRefusal refusal) {
        super(refusal.name(), null, false, false);
        this.refusal = refusal;
    }

    WebviewRefusal refusal() {
        return refusal;
    }
}
