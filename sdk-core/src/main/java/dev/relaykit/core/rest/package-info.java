/**
 * REST execution over OkHttp: describe a call with a {@link dev.relaykit.core.rest.RestRequest},
 * run it with a {@link dev.relaykit.core.rest.RestClient} (signing, rate limits, retries, typed
 * errors, redacted logging), read the answer as a type, a {@code JsonNode} or a
 * {@link dev.relaykit.core.rest.RestResponse}.
 */
package dev.relaykit.core.rest;
