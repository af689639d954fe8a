package dev.relaykit.core.ws;

/** A connection attempt that could not be set up; its message is ours and holds no credential. */
final class SetupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SetupFailure(String message) {
        super(message, null, false, false);
    }
}
