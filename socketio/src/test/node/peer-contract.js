'use strict';
// The behaviour every generation's server.js shares (the peer contract, see README.md).
// Plain ES5 so that the same file runs under every generation; it never requires socket.io
// itself: each server.js passes in the few operations whose API differs between generations.

function plain(args) {
  // the arguments a client sent, without the trailing ack callback socket.io may append
  var list = Array.prototype.slice.call(args);
  if (list.length > 0 && typeof list[list.length - 1] === 'function') list.pop();
  return list;
}

function lastFunction(args) {
  var fn = args[args.length - 1];
  return typeof fn === 'function' ? fn : null;
}

function emit(socket, event, args) {
  socket.emit.apply(socket, [event].concat(args));
}

/**
 * Wires the contract's events onto one namespace.
 *
 * ops.name(nsp)             -> the namespace's name ("/" for the default one)
 * ops.join(socket, room, cb) joins the room, then calls cb()
 * ops.crash(socket)          closes the socket's underlying Engine.IO/transport connection
 * ops.disconnectAll(socket)  disconnects every namespace of the socket's client and closes its connection
 */
exports.serve = function (nsp, gen, ops) {
  var name = ops.name(nsp);
  nsp.on('connection', function (socket) {
    socket.emit('welcome', { gen: gen, nsp: name });
    socket.on('echo', function () { emit(socket, 'echo', plain(arguments)); });
    socket.on('binary-echo', function () { emit(socket, 'binary-echo', plain(arguments)); });
    socket.on('ack', function () {
      var ack = lastFunction(arguments);
      if (ack) ack.apply(null, plain(arguments));
    });
    socket.on('request-ack', function () {
      // the callback declares a parameter: socket.io 0.9 asks the client for ack data only when
      // the callback's length is non-zero (otherwise the client acks on its own, without data)
      socket.emit.apply(socket, ['server-ack'].concat(plain(arguments), [function (data) { // eslint-disable-line no-unused-vars
        emit(socket, 'ack-received', plain(arguments));
      }]));
    });
    socket.on('flood', function (n) {
      // n one-way events as fast as the server can queue them (benchmarks: server -> client throughput)
      var count = exports.floodCount(n);
      for (var i = 0; i < count; i++) socket.emit('tick', { i: i, data: 'abcdefghijklmnopqrstuvwxyz' });
    });
    socket.on('disconnect-me', function () { socket.disconnect(); });
    socket.on('disconnect-all', function () { ops.disconnectAll(socket); });
    socket.on('crash-connection', function () { ops.crash(socket); });
    socket.on('join', function (room) {
      ops.join(socket, room, function () { socket.emit('joined', room); });
    });
    socket.on('room-msg', function (m) {
      if (m && typeof m.room === 'string') nsp.in(m.room).emit('room-msg', m.msg);
    });
  });
};

/** The number of events a flood request asks for, capped at 1,000,000 (README: flood). */
exports.floodCount = function (n) {
  return Math.max(0, Math.min(Number(n) || 0, 1000000));
};

/** The port argument: `node server.js <port>` (0 picks a free one). */
exports.port = function () {
  var port = Number(process.argv[2]);
  if (process.argv.length < 3 || !(port >= 0 && port < 65536) || Math.floor(port) !== port) {
    console.error('usage: node server.js <port>');
    process.exit(2);
  }
  return port;
};

/**
 * Prints READY once listening; exits on SIGTERM/SIGINT. With RELAYKIT_PEER_EXIT_WITH_STDIN=1 (set by the test
 * harnesses that start it) it also exits when its stdin closes, so that it never outlives the JVM that started it;
 * a server a person starts keeps running whatever its stdin is (`&`, nohup, `< /dev/null`).
 */
exports.ready = function (httpServer) {
  console.log('READY ' + httpServer.address().port);
  var quit = function () { process.exit(0); };
  if (process.env.RELAYKIT_PEER_EXIT_WITH_STDIN === '1') {
    process.stdin.on('end', quit);
    process.stdin.on('close', quit);
    process.stdin.resume();
  }
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
};

/**
 * The socket.io 1.x and 2.x servers (Engine.IO 3): they differ only in the `socket.io` module, which the caller's
 * folder resolves (its own node_modules) and passes in.
 */
exports.startEio3 = function (socketio, gen) {
  var http = require('http');
  var port = exports.port();
  var httpServer = http.createServer();
  var io = socketio(httpServer, { path: '/socket.io', pingInterval: 1000, pingTimeout: 1000 });

  var ops = {
    name: function (nsp) { return nsp.name; },
    join: function (socket, room, done) { socket.join(room, function () { done(); }); },
    crash: function (socket) { socket.conn.close(); },
    disconnectAll: function (socket) { socket.disconnect(true); }
  };

  // 1.x/2.x have no connect auth payload: the token travels in the handshake query
  io.of('/secure').use(function (socket, next) {
    if (socket.handshake.query.token === 's3cret') next();
    else next(new Error('not authorized'));
  });
  ['/', '/chat', '/secure'].forEach(function (name) { exports.serve(io.of(name), gen, ops); });

  httpServer.listen(port, '127.0.0.1', function () { exports.ready(httpServer); });
};
