'use strict';
// socket.io 3.x peer (Engine.IO 4, Socket.IO protocol 5). Contract: ../README.md
var http = require('http');
var Server = require('socket.io').Server;
var peer = require('../peer-contract');

var GEN = 'v3';
var port = peer.port();
var httpServer = http.createServer();
var io = new Server(httpServer, {
  path: '/socket.io',
  pingInterval: 1000,
  pingTimeout: 1000
});

var ops = {
  name: function (nsp) { return nsp.name; },
  join: function (socket, room, done) { socket.join(room); done(); },
  crash: function (socket) { socket.conn.close(); },
  disconnectAll: function (socket) { socket.disconnect(true); }
};

io.of('/secure').use(function (socket, next) {
  var auth = socket.handshake.auth;
  if (auth && auth.token === 's3cret') next();
  else next(new Error('not authorized'));
});
['/', '/chat', '/secure'].forEach(function (name) { peer.serve(io.of(name), GEN, ops); });

httpServer.listen(port, '127.0.0.1', function () { peer.ready(httpServer); });
