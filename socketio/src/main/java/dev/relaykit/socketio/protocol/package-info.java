/**
 * Wire codecs: Engine.IO packets and payloads (revisions 3 and 4), Socket.IO packets with binary attachments
 * (protocol revisions 4 and 5) and Socket.IO 0.9 frames. Malformed input raises
 * {@link dev.relaykit.socketio.protocol.ProtocolException} and nothing else.
 */
package dev.relaykit.socketio.protocol;
