/**
 * A Socket.IO client for every server generation: socket.io 3.x/4.x ({@link dev.relaykit.socketio.Generation#V3_V4}),
 * 1.x/2.x ({@link dev.relaykit.socketio.Generation#V1_V2}) and 0.9 ({@link dev.relaykit.socketio.Generation#V0_9}),
 * over WebSocket, HTTP long-polling, or long-polling upgraded to WebSocket.
 *
 * <p>Start at {@link dev.relaykit.socketio.SocketIoClient#builder(String)}.
 */
package dev.relaykit.socketio;
