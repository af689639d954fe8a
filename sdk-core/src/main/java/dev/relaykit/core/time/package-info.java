/**
 * Time as the server sees it: {@link dev.relaykit.core.time.ServerClock} measures the offset of a
 * service's clock from the local one, for request timestamps and rate-limit windows.
 */
package dev.relaykit.core.time;
