package dev.relaykit.core.ws;

/** Which kind of WebSocket data frames a session accepts. */
public enum FrameType {
    /** Text frames only; a binary frame is reported as {@link SessionError.Kind#UNEXPECTED_FRAME_TYPE}. */
    TEXT,
    /** Binary frames only; a text frame is reported as {@link SessionError.Kind#UNEXPECTED_FRAME_TYPE}. */
    BINARY,
    /** Both. */
    ANY
}
