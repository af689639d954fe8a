package dev.relaykit.testkit;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks signed REST requests the way Binance documents it (spot "Signed endpoints", futures "SIGNED Endpoint
 * security"), before any stub answers; the spot and futures fakes share it. A request carrying a {@code signature}
 * must carry a known {@code X-MBX-APIKEY} (else -2015) and a signature that verifies over the query string followed
 * by the body, without the signature (else -1022); an endpoint marked signed refuses a request without one (-1102).
 */
class BinanceSignatureFilter implements StubRequestFilterV2 {
    private final BinanceKeyring keys;
    private final List<String> signedPaths;
    private final List<String> rejected;

    BinanceSignatureFilter(BinanceKeyring keys, List<String> signedPaths, List<String> rejected) {
        this.keys = keys;
        this.signedPaths = signedPaths;
        this.rejected = rejected;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q + 1);
        String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
        String signature = null;
        StringBuilder payload = new StringBuilder();
        for (String part : (query + (query.isEmpty() || body.isEmpty() ? "" : "&") + body).split("&")) {
            if (part.startsWith("signature=")) {
                signature = java.net.URLDecoder.decode(part.substring(10), StandardCharsets.UTF_8);
            }
        }
        // totalParams: the query string as sent, then the body, without the signature parameter
        payload.append(stripSignature(query)).append(stripSignature(body));
        String method = request.getMethod().getName();
        if (signature == null) {
            if (signedPaths.contains(method + " " + path)) {
                rejected.add("-1102 " + method + " " + path);
                return RequestFilterAction.stopWith(FakeBinance.error(400, -1102,
                        "Mandatory parameter 'signature' was not sent, was empty/null, or malformed."));
            }
            return RequestFilterAction.continueWith(request);
        }
        String apiKey = request.getHeader("X-MBX-APIKEY");
        switch (keys.check(apiKey, payload.toString(), signature)) {
            case UNKNOWN_KEY -> {
                rejected.add("-2015 " + method + " " + path);
                return RequestFilterAction.stopWith(FakeBinance.error(401, -2015,
                        "Invalid API-key, IP, or permissions for action."));
            }
            case BAD_SIGNATURE -> {
                rejected.add("-1022 " + method + " " + path);
                return RequestFilterAction.stopWith(FakeBinance.error(400, -1022, "Signature for this request is not valid."));
            }
            default -> {
            }
        }
        return RequestFilterAction.continueWith(request);
    }

    @Override
    public String getName() {
        return "relaykit-binance-signature";
    }

    private static String stripSignature(String params) {
        if (params.isEmpty()) {
            return params;
        }
        StringBuilder out = new StringBuilder();
        for (String part : params.split("&")) {
            if (!part.startsWith("signature=")) {
                out.append(out.length() == 0 ? "" : "&").append(part);
            }
        }
        return out.toString();
    }
}
