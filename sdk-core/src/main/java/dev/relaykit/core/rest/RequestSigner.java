package dev.relaykit.core.rest;

import java.util.Set;

/**
 * Authenticates a request just before it goes out: adds parameters (a timestamp, a signature) or
 * headers (an API key). Called once per attempt, so a retried request gets a fresh timestamp and
 * signature.
 *
 * <p>The client calls it for every request whose {@link RestRequest#security()} is not
 * {@link RestRequest.Security#NONE}. See {@code dev.relaykit.core.sign.QuerySignatureSigner} for
 * the Binance-style signer.
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * @param request the request about to be sent
     * @return the request to send instead, with authentication added
     */
    RestRequest sign(RestRequest request);

    /**
     * Names of the parameters and headers this signer fills with secrets, beyond the
     * {@link dev.relaykit.core.secret.Redactor#standard() standard} ones; the client redacts them
     * and their values from every log line and exception message.
     *
     * @return the sensitive names; empty by default
     */
    default Set<String> sensitiveNames() {
        return Set.of();
    }
}
