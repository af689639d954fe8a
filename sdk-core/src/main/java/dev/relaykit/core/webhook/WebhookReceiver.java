package dev.relaykit.core.webhook;

/**
 * Answers webhook requests, independent of any HTTP server: every RelayKit webhook receiver (the
 * WhatsApp one today) implements this, so the same receiver runs on RelayKit's embedded server
 * (the {@code webhook-server} module), in a servlet or in a Spring controller.
 *
 * <p>The glue for any HTTP stack is the same three steps; in a servlet:
 * <pre class="java-file">{@code
 * import dev.relaykit.core.webhook.WebhookReceiver;
 * import dev.relaykit.core.webhook.WebhookRequest;
 * import dev.relaykit.core.webhook.WebhookResponse;
 * import jakarta.servlet.http.HttpServlet;
 * import jakarta.servlet.http.HttpServletRequest;
 * import jakarta.servlet.http.HttpServletResponse;
 * import java.io.IOException;
 *
 * public class WebhookServlet extends HttpServlet {
 *     private final WebhookReceiver receiver;
 *
 *     public WebhookServlet(WebhookReceiver receiver) {
 *         this.receiver = receiver;
 *     }
 *
 *     @Override
 *     protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
 *         WebhookResponse r = receiver.handle(WebhookRequest.of(req.getMethod(), req.getRequestURI(),
 *                 req::getParameter, req::getHeader, req.getInputStream(), req.getContentLengthLong()));
 *         resp.setStatus(r.status());
 *         r.headers().forEach(resp::setHeader);
 *         resp.getOutputStream().write(r.bodyBytes());
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe: a server calls {@link #handle(WebhookRequest)} from several
 * threads at once. {@code handle} should not block for long (verify, decode, queue, answer); the
 * work a delivery asks for runs elsewhere.
 */
public interface WebhookReceiver extends AutoCloseable {

    /**
     * Answers one request.
     *
     * @param request the request; its body is read here, at most up to the receiver's own limit
     * @return the response to send; never {@code null}
     */
    WebhookResponse handle(WebhookRequest request);

    /**
     * Stops receiving and releases what the receiver holds (threads, queues). The embedded server
     * calls this when it stops; the default does nothing.
     */
    @Override
    default void close() {
    }
}
