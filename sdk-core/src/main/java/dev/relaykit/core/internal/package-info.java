/**
 * Not API: helpers RelayKit's own modules share. They may change in any release; do not call them
 * from outside RelayKit.
 */
package dev.relaykit.core.internal;
