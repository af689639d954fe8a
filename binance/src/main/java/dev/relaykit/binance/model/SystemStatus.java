package dev.relaykit.binance.model;

/**
 * Binance's system status ({@code GET /sapi/v1/system/status}).
 *
 * @param status {@code 0} normal, {@code 1} system maintenance
 * @param msg {@code normal} or {@code system_maintenance}
 */
public record SystemStatus(int status, String msg) {
    /** @return {@code true} when Binance reports normal operation */
    public boolean normal() {
        return status == 0;
    }
}
