// The official Node server library (`pusher`, installed by the testkit's install-peers.sh) as a backend would use it:
// it authorizes channels and authenticates a user for one socket id, prints them as one JSON line, then triggers an
// event (encrypted by the library on private-encrypted channels) through a PusherServer's HTTP API.
// Input: RELAYKIT_PUSHER_BACKEND='{"httpPort":..,"appId":..,"key":..,"secret":..,"masterKey":..,"socketId":..,
//        "channels":[..],"member":{..},"user":{..},"trigger":{"channel":..,"event":..,"data":..}}'
'use strict';
const Pusher = require('pusher');
const cfg = JSON.parse(process.env.RELAYKIT_PUSHER_BACKEND);
setTimeout(() => { console.log(JSON.stringify({ failure: 'timed out' })); process.exit(2); }, 20000).unref();
const backend = new Pusher({
  appId: cfg.appId, key: cfg.key, secret: cfg.secret, host: '127.0.0.1', port: String(cfg.httpPort), useTLS: false,
  encryptionMasterKeyBase64: cfg.masterKey,
});
const auths = {};
for (const ch of cfg.channels) {
  auths[ch] = backend.authorizeChannel(cfg.socketId, ch, ch.startsWith('presence-') ? cfg.member : undefined);
}
const user = backend.authenticateUser(cfg.socketId, cfg.user);
console.log(JSON.stringify({ auths, user }));
process.stdin.once('data', () => {
  backend.trigger(cfg.trigger.channel, cfg.trigger.event, cfg.trigger.data)
    .then((r) => { console.log(JSON.stringify({ triggered: r.status })); process.exit(0); })
    .catch((e) => { console.log(JSON.stringify({ failure: String(e) })); process.exit(2); });
});
