'use strict';
// socket.io 1.x peer (Engine.IO 3, Socket.IO protocol 4). Contract: ../README.md
require('../peer-contract').startEio3(require('socket.io'), 'v1');
