/**
 * The events a WhatsApp Cloud API webhook delivers, as records: {@link
 * dev.relaykit.whatsapp.webhook.event.MessageEvent} (with a {@link
 * dev.relaykit.whatsapp.webhook.event.MessageContent} per message kind), {@link
 * dev.relaykit.whatsapp.webhook.event.StatusEvent} and {@link
 * dev.relaykit.whatsapp.webhook.event.UnknownEvent} for anything not modelled yet.
 */
package dev.relaykit.whatsapp.webhook.event;
