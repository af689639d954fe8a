'use strict';
// socket.io 1.x peer (Engine.IO 3, Socket.IO protocol 4). Contract: ../README.md
var http = require('http');
var socketio = require('socket.io');
var peer = require('../peer-contract');

var GEN = 'v1';
var port = peer.port();
var httpServer = http.createServer();
var io = socketio(httpServer, { path: '/socket.io', pingInterval: 1000, pingTimeout: 1000 });

var ops = {
  name: function (nsp) { return nsp.name; },
  join: function (socket, room, done) { socket.join(room, function () { done(); }); },
  crash: function (socket) { socket.conn.close(); }
};

// 1.x/2.x have no connect auth payload: the token travels in the handshake query
io.of('/secure').use(function (socket, next) {
  if (socket.handshake.query.token === 's3cret') next();
  else next(new Error('not authorized'));
});
['/', '/chat', '/secure'].forEach(function (name) { peer.serve(io.of(name), GEN, ops); });

httpServer.listen(port, '127.0.0.1', function () { peer.ready(httpServer); });
