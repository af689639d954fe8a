// Starts telegram-test-api (an independent Telegram Bot API emulator, pinned by package-lock.json) on
// 127.0.0.1 and a free port, and plays users through the emulator's own client (TelegramClient.makeMessage,
// makeCommand, makeCallbackQuery, sendMessage, ...). Talks JSON lines: it prints {"t":"ready","port":N} once
// listening; each line read on stdin is a command, answered by one line {"t":"done","id":...} or
// {"t":"failure","id":...,"message":...}:
//   {"id":1,"op":"message","token":"123:abc","text":"hi","userId":7,"chatId":7}
//   {"id":2,"op":"command","token":"123:abc","text":"/start"}
//   {"id":3,"op":"callback","token":"123:abc","data":"yes"}
//   {"id":4,"op":"botMessages","token":"123:abc","chatId":7}   -> "result": the bot's messages to that chat
// It exits when stdin closes (the Java test closes it, or dies), on SIGTERM, or after 60 s at the latest.
'use strict';
const net = require('net');
const readline = require('readline');
const TelegramServer = require('telegram-test-api');

const print = (o) => process.stdout.write(JSON.stringify(o) + '\n');
// the emulator awaits webhook deliveries without catching a refusal (401 when no secret header is sent):
// report it instead of letting Node end the process on an unhandled rejection
process.on('unhandledRejection', (e) => print({ t: 'unhandled', message: String(e && e.message || e) }));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    // the emulator turns port 0 into its default 9000, so a free port is chosen here and handed to it
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function main() {
  let server;
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 60 });
    try { await server.start(); break; } catch (e) { if (attempt >= 5) throw e; }
  }
  const stop = async () => { try { await server.stop(); } finally { process.exit(0); } };
  setTimeout(stop, 60000).unref();
  process.on('SIGTERM', stop);
  print({ t: 'ready', port: server.config.port });
  const clients = new Map();
  const client = (c) => {
    const key = JSON.stringify([c.token, c.userId || 1, c.chatId || c.userId || 1]);
    if (!clients.has(key)) {
      clients.set(key, server.getClient(c.token, { userId: c.userId || 1, chatId: c.chatId || c.userId || 1 }));
    }
    return clients.get(key);
  };
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', async (line) => {
    let c;
    try {
      c = JSON.parse(line);
      const u = client(c);
      let result = null;
      if (c.op === 'message') result = await u.sendMessage(u.makeMessage(c.text));
      else if (c.op === 'command') result = await u.sendCommand(u.makeCommand(c.text));
      else if (c.op === 'callback') result = await u.sendCallback(u.makeCallbackQuery(c.data));
      else if (c.op === 'botMessages') result = (await u.getUpdatesHistory()).filter((m) => m.message && m.message.chat_id !== undefined);
      else throw new Error('unknown op ' + c.op);
      print({ t: 'done', id: c.id, result });
    } catch (e) {
      print({ t: 'failure', id: c && c.id, message: String(e && e.message || e) });
    }
  });
  rl.on('close', stop);
}

main().catch((e) => { print({ t: 'failure', message: String(e && e.message || e) }); process.exit(1); });
