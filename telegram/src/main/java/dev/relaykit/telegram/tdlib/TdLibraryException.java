package dev.relaykit.telegram.tdlib;

import dev.relaykit.core.RelayKitException;

/**
 * The native {@code libtdjson} could not be loaded: not found where RelayKit looked, not a loadable
 * library for this platform, or not TDLib's JSON interface. The message says every place that was
 * tried and how to get a {@code libtdjson} (build TDLib, or take the prebuilt one from the npm package
 * {@code @prebuilt-tdlib/linux-x64-glibc}).
 *
 * <pre>{@code
 * try {
 *     TdJson td = NativeTdJson.load();
 * } catch (TdLibraryException e) {
 *     System.err.println(e.getMessage());   // where it looked, and how to get the library
 * }
 * }</pre>
 */
public class TdLibraryException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message where RelayKit looked and what was wrong
     * @param cause the loader's failure, or {@code null}
     */
    public TdLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
