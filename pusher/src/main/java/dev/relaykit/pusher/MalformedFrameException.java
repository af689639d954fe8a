package dev.relaykit.pusher;

/**
 * A frame that is not a Pusher event (not JSON, no {@code event} name, a {@code data} field that should
 * hold JSON and does not). It is reported and skipped; the connection stays open.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.onError(e -> { if (e instanceof MalformedFrameException m) System.err.println(m.frame()); });
 * }</pre>
 */
public class MalformedFrameException extends PusherException {
    private static final long serialVersionUID = 1L;
    private final String frame;

    /**
     * @param message what is wrong with it
     * @param frame the frame (cut to 200 characters)
     * @param cause the parse failure, or {@code null}
     */
    public MalformedFrameException(String message, String frame, Throwable cause) {
        super(message + ": " + cut(frame), cause);
        this.frame = cut(frame);
    }

    private static String cut(String frame) {
        return frame == null || frame.length() <= 200 ? frame : frame.substring(0, 200) + "...";
    }

    /** @return the frame as received, cut to 200 characters */
    public String frame() {
        return frame;
    }
}
