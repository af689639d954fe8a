// The official Pusher client (pusher-js) and server library (pusher) driven against the testkit's PusherServer.
// Usage: node peer.js <mode>   with RELAYKIT_PUSHER='{"wsPort":..,"httpPort":..,"appId":..,"key":..,"secret":..}'
// Prints one JSON object per line ({"t": <what>, ...}) for the Java test to assert on, then {"t":"done"}.
// Commands on stdin (one per line) drive the interactive modes; the script exits when stdin closes, on
// SIGTERM, or after 30 s whatever happens, so it never outlives the test that started it. See README.md.
'use strict';
const Pusher = require('pusher-js');
const PusherServerLib = require('pusher');

const cfg = JSON.parse(process.env.RELAYKIT_PUSHER);
const mode = process.argv[2];
const clients = [];

function out(t, fields) {
  process.stdout.write(JSON.stringify(Object.assign({ t }, fields || {})) + '\n');
}
function finish(code) {
  out('finishing'); // what clients report from here on is their own disconnect
  clients.forEach((c) => c.disconnect());
  out('done');
  setTimeout(() => process.exit(code || 0), 50);
}
function fail(e) {
  out('failure', { message: String((e && e.stack) || e) });
  finish(2);
}
process.on('unhandledRejection', fail);
process.on('uncaughtException', fail);
setTimeout(() => fail('peer.js ' + mode + ' timed out after 30 s'), 30000).unref();
process.on('SIGTERM', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

// the backend: the official server library pointed at the testkit's HTTP API
function lib(overrides) {
  return new PusherServerLib(Object.assign({
    appId: cfg.appId, key: cfg.key, secret: cfg.secret,
    host: '127.0.0.1', port: String(cfg.httpPort), useTLS: false,
    encryptionMasterKeyBase64: cfg.masterKey,
  }, overrides || {}));
}
const backend = lib();

// a browser: pusher-js, authorizing channels and signing users in through the library, as a backend endpoint would
function client(opts) {
  opts = opts || {};
  const signer = opts.signer || backend;
  const p = new Pusher(opts.key || cfg.key, {
    cluster: 'testkit', wsHost: '127.0.0.1', wsPort: cfg.wsPort, forceTLS: false,
    enabledTransports: ['ws'], disableStats: true,
    channelAuthorization: {
      customHandler: (params, callback) => {
        if (opts.onAuthorize) opts.onAuthorize(params);
        try {
          callback(null, signer.authorizeChannel(params.socketId, params.channelName,
            params.channelName.startsWith('presence-') ? opts.member : undefined));
        } catch (e) {
          callback(e, null);
        }
      },
    },
    userAuthentication: {
      customHandler: (params, callback) => callback(null, signer.authenticateUser(params.socketId, opts.user)),
    },
  });
  p.connection.bind('error', (e) => out('error', { who: opts.name, error: e && e.error ? e.error : e }));
  if (opts.states) {
    p.connection.bind('state_change', (s) => out('state', { who: opts.name, state: s.current }));
  }
  clients.push(p);
  return p;
}
function subscribed(channel) {
  return new Promise((resolve) => channel.bind('pusher:subscription_succeeded', resolve));
}
function members(m) {
  const list = [];
  m.each((member) => list.push({ id: member.id, info: member.info }));
  return { me: m.me && m.me.id, count: m.count, members: list };
}
async function http(label, promise) {
  const res = await promise;
  out('http', { label, status: res.status, body: await res.json() });
}

const modes = {
  // public channels, socket_id exclusion, multi-channel and batch triggers, subscription counts, channel queries
  async channels() {
    const a = client({ name: 'a' });
    const newsA = a.subscribe('news');
    newsA.bind('pusher:subscription_count', (d) => out('count', { who: 'a', count: d.subscription_count }));
    newsA.bind_global((event, data) => {
      if (!event.startsWith('pusher:')) out('event', { who: 'a', channel: 'news', event, data });
    });
    const last = new Promise((resolve) => newsA.bind('last', resolve));
    await subscribed(newsA);
    out('subscribed', { who: 'a', channel: 'news', socketId: a.connection.socket_id });
    const b = client({ name: 'b' });
    const newsB = b.subscribe('news');
    newsB.bind_global((event, data) => {
      if (!event.startsWith('pusher:')) out('event', { who: 'b', channel: 'news', event, data });
    });
    await subscribed(newsB);
    await backend.trigger('news', 'excluded', { n: 0 }, { socket_id: a.connection.socket_id });
    await backend.trigger(['news', 'sports'], 'headline', { title: 'hello' });
    await backend.triggerBatch([
      { channel: 'news', name: 'batch-1', data: { n: 1 } },
      { channel: 'news', name: 'batch-2', data: { n: 2 } },
    ]);
    await http('channels', backend.get({ path: '/channels', params: { info: 'subscription_count' } }));
    await http('channel', backend.get({ path: '/channels/news', params: { info: 'subscription_count' } }));
    await http('trigger-info', backend.trigger('news', 'last', { n: 3 }, { info: 'subscription_count' }));
    await last;
    finish();
  },

  // private and presence channels: member list, member added/removed, client events with user_id, HTTP queries
  async presence() {
    const alice = client({ name: 'alice', member: { user_id: 'alice', user_info: { name: 'Alice' } } });
    const chat = alice.subscribe('private-chat');
    const roomA = alice.subscribe('presence-room');
    chat.bind('secret-note', (data) => out('event', { who: 'alice', channel: 'private-chat', event: 'secret-note', data }));
    roomA.bind('pusher:member_added', (m) => out('member_added', { who: 'alice', id: m.id, info: m.info }));
    roomA.bind('client-typing', async (data, meta) => {
      out('client_event', { who: 'alice', event: 'client-typing', data, userId: meta && meta.user_id });
      await http('users', backend.get({ path: '/channels/presence-room/users' }));
      await http('presence-channels', backend.get({
        path: '/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' },
      }));
      bob.disconnect();
    });
    roomA.bind('pusher:member_removed', (m) => {
      out('member_removed', { who: 'alice', id: m.id });
      out('members', Object.assign({ who: 'alice', when: 'end' }, members(roomA.members)));
      finish();
    });
    const [membersA] = await Promise.all([subscribed(roomA), subscribed(chat)]);
    out('members', Object.assign({ who: 'alice', when: 'subscribed' }, members(membersA)));
    const note = new Promise((resolve) => chat.bind('secret-note', resolve));
    await backend.trigger('private-chat', 'secret-note', { text: 'for members only' });
    await note;
    const bob = client({ name: 'bob', member: { user_id: 'bob', user_info: { name: 'Bob' } } });
    const roomB = bob.subscribe('presence-room');
    roomB.bind('client-typing', (data) => out('client_event', { who: 'bob', event: 'client-typing', data }));
    const membersB = await subscribed(roomB);
    out('members', Object.assign({ who: 'bob', when: 'subscribed' }, members(membersB)));
    roomB.trigger('client-typing', { typing: true });
  },

  // end-to-end encrypted channels: the library encrypts with the master key, pusher-js decrypts with the
  // shared_secret the library's authorizeChannel returned; the server only relays ciphertext
  async encrypted() {
    await backend.trigger('private-encrypted-cache-vault', 'cached-secret', { code: 'before-subscribe' });
    const a = client({ name: 'a' });
    const vault = a.subscribe('private-encrypted-vault');
    const cachedVault = a.subscribe('private-encrypted-cache-vault');
    cachedVault.bind('cached-secret', (data) => out('event', { channel: 'private-encrypted-cache-vault', event: 'cached-secret', data }));
    vault.bind('secret', (data) => {
      out('event', { channel: 'private-encrypted-vault', event: 'secret', data });
      finish();
    });
    await Promise.all([subscribed(vault), subscribed(cachedVault)]);
    await backend.trigger('private-encrypted-vault', 'secret', { code: 's3cr3t' });
  },

  // cache channels of every kind: the last event is replayed on subscribe, or pusher:cache_miss
  async cache() {
    const channels = ['cache-a', 'private-cache-b', 'presence-cache-c', 'private-encrypted-cache-d'];
    for (const [i, channel] of channels.entries()) {
      await backend.trigger(channel, 'state', { version: i });
    }
    await backend.trigger('cache-a', 'state', { version: 10 }); // the last one wins
    const a = client({ name: 'a', member: { user_id: 'a' } });
    const all = channels.concat(['cache-empty']);
    let pending = all.length;
    for (const channel of all) {
      const ch = a.subscribe(channel);
      let first = true;
      ch.bind_global((event, data) => {
        if (event === 'pusher:subscription_succeeded' || event === 'pusher:subscription_count' || !first) return;
        first = false;
        out('first', { channel, event, data: event === 'pusher:cache_miss' ? null : data });
        if (--pending === 0) finish();
      });
    }
  },

  // what the server refuses: a bad channel signature, client events on a public channel, the 10/s client-event
  // limit, a request signed with the wrong secret, an unknown app key
  async errors() {
    const wrongSecret = lib({ secret: 'not-the-secret' });
    const mallory = client({ name: 'mallory', signer: wrongSecret, states: true });
    mallory.subscribe('private-vault');
    const pub = mallory.subscribe('public-square');
    await subscribed(pub);
    pub.trigger('client-hello', { hi: true });
    try {
      await wrongSecret.trigger('news', 'forged', {});
      out('http-error', { status: 200 });
    } catch (e) {
      out('http-error', { status: e.status, body: e.body });
    }
    const alice = client({ name: 'alice' });
    const bob = client({ name: 'bob' });
    const chatA = alice.subscribe('private-chat');
    const chatB = bob.subscribe('private-chat');
    let received = 0;
    chatA.bind('client-tick', () => received++);
    chatA.bind('sentinel', () => {
      out('client_events_received', { who: 'alice', count: received });
      const stranger = client({ name: 'stranger', key: 'no-such-key', states: true });
      stranger.connection.bind('state_change', (s) => {
        if (s.current === 'disconnected' || s.current === 'failed') setTimeout(finish, 300);
      });
    });
    await Promise.all([subscribed(chatA), subscribed(chatB)]);
    let limited = 0;
    bob.connection.bind('error', async (e) => {
      if (e.data && e.data.code === 4301 && ++limited === 5) {
        await backend.trigger('private-chat', 'sentinel', {});
      }
    });
    for (let i = 0; i < 15; i++) {
      chatB.trigger('client-tick', { i });
    }
  },

  // user sign-in, events to one user, terminating a user's connections
  async signin() {
    const a = client({ name: 'alice', user: { id: 'alice', user_info: { name: 'Alice' } }, states: true });
    a.user.bind('notice', async (data) => {
      out('user_event', { event: 'notice', data });
      await backend.terminateUserConnections('alice');
    });
    a.connection.bind('state_change', (s) => {
      if (s.previous === 'connected' && s.current !== 'connected') setTimeout(finish, 300);
    });
    a.signin();
    await new Promise((resolve) => a.connection.bind('connected', resolve));
    await a.user.signinDonePromise;
    out('signed_in', { userData: a.user.user_data, socketId: a.connection.socket_id });
    const own = a.user.serverToUserChannel;
    if (!own.subscribed) await subscribed(own);
    await backend.sendToUser('alice', 'notice', { text: 'hello alice' });
  },

  // reconnection, driven by the Java test closing the connection with each close-code class:
  // prints every (re)subscription with its socket id and how many times the channel was authorized
  async reconnect() {
    let authorizations = 0;
    const a = client({ name: 'a', states: true, onAuthorize: () => authorizations++ });
    const chat = a.subscribe('private-chat');
    chat.bind('pusher:subscription_succeeded', () =>
      out('subscribed', { socketId: a.connection.socket_id, authorizations }));
    require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
      if (line === 'finish') finish();
    });
  },
};

if (!modes[mode]) {
  fail('unknown mode ' + mode + '; modes: ' + Object.keys(modes).join(', '));
} else {
  modes[mode]().catch(fail);
}
