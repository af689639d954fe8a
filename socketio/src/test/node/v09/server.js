'use strict';
// socket.io 0.9 peer (Socket.IO protocol 1, no Engine.IO). Contract: ../README.md
var http = require('http');
var socketio = require('socket.io');
var peer = require('../peer-contract');

var GEN = 'v09';
var port = peer.port();
var httpServer = http.createServer();
var io = socketio.listen(httpServer, { log: false });
io.set('heartbeat interval', 2);   // seconds
io.set('heartbeat timeout', 3);    // seconds; the handshake reports this one

var ops = {
  name: function (nsp) { return nsp.name || '/'; },   // 0.9 names the default namespace ''
  join: function (socket, room, done) { socket.join(room); done(); },
  crash: function (socket) {
    // end the transport without a disconnect packet: the session is gone, the client must reconnect
    var transport = io.transports[socket.id];
    if (transport) transport.end('crash-connection');
  },
  // 0.9's disconnect() takes no "close" flag: disconnecting the client's default-namespace socket ends the whole
  // connection (the server sends "0::" and closes the transport), which is what disconnect(true) does on 1.x-4.x
  disconnectAll: function (socket) { io.sockets.socket(socket.id).disconnect(); }
};

// 0.9 authorizes a namespace from the handshake data (the handshake query carries token=...).
// A refusal reaches the client as the error packet "7::/secure:2": 0.9's wire format can only
// carry its fixed reasons, and 2 means "unauthorized".
io.of('/secure').authorization(function (handshake, callback) {
  callback(null, handshake.query.token === 's3cret');
});
[io.sockets, io.of('/chat'), io.of('/secure')].forEach(function (nsp) { peer.serve(nsp, GEN, ops); });

httpServer.listen(port, '127.0.0.1', function () { peer.ready(httpServer); });
