'use strict';
// socket.io 4.x peer (Engine.IO 4, Socket.IO protocol 5). Contract: ../README.md
var http = require('http');
var Server = require('socket.io').Server;
var peer = require('../peer-contract');

var GEN = 'v4';
var port = peer.port();
var httpServer = http.createServer();
var io = new Server(httpServer, {
  path: '/socket.io',
  pingInterval: 1000,
  pingTimeout: 1000,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true }
});

// README: a client that sends the header x-refuse-websocket gets its WebSocket requests (the upgrade probe) refused
io.engine.use(function (req, res, next) {
  var ws = /(^|&)transport=websocket(&|$)/.test(req.url.split('?')[1] || '');
  next(ws && req.headers['x-refuse-websocket'] ? new Error('WebSocket refused for this test client') : undefined);
});

var ops = {
  name: function (nsp) { return nsp.name; },
  join: function (socket, room, done) { socket.join(room); done(); },
  crash: function (socket) { socket.conn.close(); }
};

io.of('/secure').use(function (socket, next) {
  var auth = socket.handshake.auth;
  if (auth && auth.token === 's3cret') next();
  else next(new Error('not authorized'));
});
['/', '/chat', '/secure'].forEach(function (name) { peer.serve(io.of(name), GEN, ops); });

// Benchmarks only (README: flood-encoded): n server-to-client `tick` events written as ready-made Socket.IO packets
// straight to the Engine.IO connection, so that the server's cost per event is small and the client's is measured.
io.of('/').on('connection', function (socket) {
  socket.on('flood-encoded', function (n) {
    var count = Math.max(0, Math.min(Number(n) || 0, 1000000));
    for (var i = 0; i < count; i++) socket.conn.send('2["tick",{"i":' + i + ',"data":"abcdefghijklmnopqrstuvwxyz"}]');
  });
});

httpServer.listen(port, '127.0.0.1', function () { peer.ready(httpServer); });
