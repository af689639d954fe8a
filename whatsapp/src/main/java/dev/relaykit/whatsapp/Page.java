package dev.relaykit.whatsapp;

import java.util.List;

/**
 * One page of a Graph API list ({@code data} plus {@code paging.cursors}).
 *
 * <pre>{@code
 * Page<MessageTemplate> page = client.templates(50, null);
 * while (true) {
 *     page.items().forEach(t -> System.out.println(t.name()));
 *     if (!page.hasNext()) break;
 *     page = client.templates(50, page.after());
 * }
 * }</pre>
 *
 * @param items the page's items
 * @param before the cursor of the page before, or {@code null}
 * @param after the cursor to pass for the next page, or {@code null}
 * @param hasNext {@code true} if Meta says there is a next page ({@code paging.next})
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String before, String after, boolean hasNext) {
    /**
     * Copies the items.
     *
     * @param items the items
     * @param before the before cursor
     * @param after the after cursor
     * @param hasNext whether there is a next page
     */
    public Page {
        items = List.copyOf(items);
    }
}
