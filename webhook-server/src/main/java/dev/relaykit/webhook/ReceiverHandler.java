package dev.relaykit.webhook;

import dev.relaykit.core.webhook.WebhookReceiver;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request by its exact path, gathers its body without holding a thread, then runs the
 * receiver on a pool thread and writes its answer.
 *
 * <p>The handler is a blocking one (Jetty calls it, and the body's demand callbacks, on its pool, never
 * on a selector), but it never waits: when no more body bytes are there it registers a demand and
 * returns, so a slow client costs a buffer, not a thread. Only once the whole body is in does the
 * receiver run, on the thread that delivered the last bytes.
 */
final class ReceiverHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverHandler.class);

    private final Map<String, WebhookReceiver> routes;
    private final int maxBodyBytes;
    private final ConnectionDeadlines deadlines;

    ReceiverHandler(Map<String, WebhookReceiver> routes, int maxBodyBytes, ConnectionDeadlines deadlines) {
        this.routes = routes;
        this.maxBodyBytes = maxBodyBytes;
        this.deadlines = deadlines;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ConnectionDeadlines.Watch watch = deadlines.watch(request.getConnectionMetaData().getConnection().getEndPoint());
        String path = Request.getPathInContext(request);
        WebhookReceiver receiver = routes.get(path);
        if (receiver == null) {
            ConnectionDeadlines.requestArrived(watch);
            send(response, callback, watch, WebhookResponse.text(404, "not found"), true);
            return true;
        }
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            // refused before a byte of the body is read; the connection is closed rather than drained
            ConnectionDeadlines.requestArrived(watch);
            send(response, callback, watch, tooLarge(), true);
            return true;
        }
        new BodyReader(request, response, callback, receiver, watch, declared).run();
        return true;
    }

    private WebhookResponse tooLarge() {
        return WebhookResponse.text(413, "body too large; the limit is " + maxBodyBytes + " bytes");
    }

    /** Reads chunks while they are there; when none is, asks to be called again and lets the thread go. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final WebhookReceiver receiver;
        private final ConnectionDeadlines.Watch watch;
        private byte[] body;
        private int size;

        BodyReader(Request request, Response response, Callback callback, WebhookReceiver receiver,
                ConnectionDeadlines.Watch watch, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.receiver = receiver;
            this.watch = watch;
            // never more than 64 KiB up front, whatever the client declares: a stalled body costs what it sent
            this.body = new byte[(int) Math.min(declared >= 0 ? declared : 4096, Math.min(maxBodyBytes, 65_536))];
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // the client went away, or the idle timeout or the request deadline cut it off mid-body
                    chunk.release();
                    callback.failed(chunk.getFailure());
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                if (n > 0) {
                    if (n > maxBodyBytes - size) {
                        chunk.release();
                        ConnectionDeadlines.requestArrived(watch);
                        send(response, callback, watch, tooLarge(), true);
                        return;
                    }
                    if (size + n > body.length) {
                        body = Arrays.copyOf(body, (int) Math.min(maxBodyBytes, Math.max(size + n, 2L * body.length)));
                    }
                    b.get(body, size, n);
                    size += n;
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    ConnectionDeadlines.requestArrived(watch);
                    answer();
                    return;
                }
            }
        }

        private void answer() {
            WebhookResponse r;
            try {
                r = receiver.handle(new JettyRequest(request, new ByteArrayInputStream(body, 0, size), size));
                if (r == null) {
                    throw new IllegalStateException(receiver.getClass().getName() + ".handle returned null");
                }
            } catch (RuntimeException e) {
                LOG.error("webhook server: the receiver for {} failed answering {}", Request.getPathInContext(request),
                        request.getMethod(), e);
                r = WebhookResponse.text(500, "internal error");
            }
            send(response, callback, watch, r, false);
        }
    }

    private static void send(Response response, Callback callback, ConnectionDeadlines.Watch watch, WebhookResponse r,
            boolean close) {
        response.setStatus(r.status());
        HttpFields.Mutable h = response.getHeaders();
        for (Map.Entry<String, String> e : r.headers().entrySet()) {
            h.put(e.getKey(), e.getValue());
        }
        h.put(HttpHeader.CONTENT_LENGTH, r.bodyLength());
        if (close) {
            h.put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, r.bodyBuffer(), Callback.from(() -> {
            ConnectionDeadlines.responseSent(watch);
            callback.succeeded();
        }, callback::failed));
    }

    /** The request as a receiver sees it; the body is the complete bytes gathered above. */
    private static final class JettyRequest implements WebhookRequest {
        private final Request request;
        private final InputStream body;
        private final long length;
        private Fields query;

        JettyRequest(Request request, InputStream body, long length) {
            this.request = request;
            this.body = body;
            this.length = length;
        }

        @Override
        public String method() {
            return request.getMethod();
        }

        @Override
        public String path() {
            return Request.getPathInContext(request);
        }

        @Override
        public String queryParameter(String name) {
            if (query == null) {
                try {
                    query = Request.extractQueryParameters(request);
                } catch (RuntimeException e) {
                    query = new Fields(); // a malformed query: every parameter is absent
                }
            }
            return query.getValue(name);
        }

        @Override
        public String header(String name) {
            HttpField f = request.getHeaders().getField(name);
            return f == null ? null : f.getValue();
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public String toString() {
            return "WebhookRequest[" + method() + " " + path() + "]";
        }
    }
}
