/**
 * The cryptography Pusher Channels uses, shared by the client and the server-side helper: the
 * HMAC-SHA256 signatures of channel authorization and user authentication
 * ({@link dev.relaykit.pusher.crypto.PusherSigner}), and the NaCl secretbox (XSalsa20-Poly1305) of
 * private-encrypted channels ({@link dev.relaykit.pusher.crypto.SecretBox},
 * {@link dev.relaykit.pusher.crypto.EncryptedChannels}).
 */
package dev.relaykit.pusher.crypto;
