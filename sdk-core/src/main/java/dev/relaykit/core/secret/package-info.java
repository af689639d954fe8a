/**
 * Keeping secrets out of sight: {@link dev.relaykit.core.secret.Secret} holds a credential without
 * ever printing it, and {@link dev.relaykit.core.secret.Redactor} scrubs sensitive parameters,
 * headers and known values from any text before it reaches a log line or an exception message.
 */
package dev.relaykit.core.secret;
