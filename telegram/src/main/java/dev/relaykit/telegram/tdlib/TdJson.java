package dev.relaykit.telegram.tdlib;

/**
 * TDLib's JSON interface: the four functions of {@code td_json_client.h} that RelayKit uses. The real
 * one is {@link NativeTdJson} (the native {@code libtdjson}, bound with JNA); a test can put a
 * JSON-level fake behind the same interface and drive a {@link TdClient} without Telegram's servers.
 *
 * <p>The contract is TDLib's: requests and answers are JSON objects whose {@code "@type"} names a
 * class of {@code td_api.tl}; an answer carries the request's {@code "@extra"}; every object
 * {@link #receive} returns carries the {@code "@client_id"} it belongs to. {@link #receive} must not
 * be called from two threads at once (RelayKit runs one receive loop per {@code TdJson} instance).
 *
 * <pre>{@code
 * TdJson td = NativeTdJson.load();
 * String version = td.execute("{\"@type\":\"getOption\",\"name\":\"version\"}");
 * // {"@type":"optionValueString","value":"1.8.67"}
 * }</pre>
 */
public interface TdJson {

    /**
     * {@code td_create_client_id}: a new TDLib instance. It sends nothing until its first request.
     *
     * @return the new client's identifier
     */
    int createClientId();

    /**
     * {@code td_send}: sends a request to one client; any thread.
     *
     * @param clientId the client
     * @param request the request as JSON
     */
    void send(int clientId, String request);

    /**
     * {@code td_receive}: the next answer or update of any client, waiting up to {@code timeoutSeconds}.
     *
     * @param timeoutSeconds how long to wait
     * @return the object as JSON, or {@code null} when nothing came in time
     */
    String receive(double timeoutSeconds);

    /**
     * {@code td_execute}: runs one of the few requests TDLib documents as "can be called synchronously"
     * ({@code getOption}, {@code setLogVerbosityLevel}, {@code parseTextEntities}, ...).
     *
     * @param request the request as JSON
     * @return the answer as JSON ({@code "@type":"error"} if the request cannot run synchronously)
     */
    String execute(String request);
}
