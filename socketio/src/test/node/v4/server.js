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
  crash: function (socket) { socket.conn.close(); },
  disconnectAll: function (socket) { socket.disconnect(true); }
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
  var sendTicks = function (count) {
    for (var i = 0; i < count; i++) socket.conn.send('2["tick",{"i":' + i + ',"data":"abcdefghijklmnopqrstuvwxyz"}]');
  };
  socket.on('flood-encoded', function (n) {
    sendTicks(peer.floodCount(n));
  });
  // README: flood-batched. The same packets, but every batch Engine.IO hands to its WebSocket transport is written
  // to the TCP socket in one go (corked until the transport has queued the whole batch), as a server does when its
  // client reads slower than it writes: the client's cost is measured, not the server's cost of one write per event.
  socket.on('flood-batched', function (n) {
    var count = peer.floodCount(n);
    var conn = socket.conn;
    var tcp = conn.transport && conn.transport.socket && conn.transport.socket._socket;
    if (!tcp || conn.transport.name !== 'websocket') {
      socket.emit('flood-batched-refused', 'flood-batched needs the WebSocket transport');
      return;
    }
    var flushed = 0;
    var cork = function (batch) {
      tcp.cork();
      process.nextTick(function () { tcp.uncork(); });
      flushed += batch.length;
      if (flushed >= count) conn.off('flush', cork);
    };
    conn.on('flush', cork);
    sendTicks(count);
  });
  // README: firehose. What an application server does: plain socket.emit('f', 'p') calls, `batch` of them in each
  // event-loop turn, the turns separated by setImmediate (so the server's I/O runs between them), n in all.
  socket.on('firehose', function (n, batch) {
    var count = peer.floodCount(n);
    var perTurn = Math.max(1, Math.floor(Number(batch)) || 1);
    var sent = 0;
    var turn = function () {
      var end = Math.min(count, sent + perTurn);
      for (; sent < end; sent++) socket.emit('f', 'p');
      if (sent < count) setImmediate(turn);
    };
    turn();
  });
});

httpServer.listen(port, '127.0.0.1', function () { peer.ready(httpServer); });
