/**
 * Request signing: {@link dev.relaykit.core.sign.PayloadSigner} turns bytes into a signature
 * (HMAC-SHA256, Ed25519, RSA-SHA256, all with the JDK), {@link dev.relaykit.core.sign.PemKeys} loads
 * private keys from PEM, and {@link dev.relaykit.core.sign.QuerySignatureSigner} signs requests the
 * way Binance does.
 */
package dev.relaykit.core.sign;
