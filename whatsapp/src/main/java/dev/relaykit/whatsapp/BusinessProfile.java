package dev.relaykit.whatsapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.util.List;

/**
 * The business profile shown to WhatsApp users
 * ({@code GET /{phone-number-id}/whatsapp_business_profile}). Fields not set are {@code null}.
 *
 * @param about the "About" text
 * @param address the address
 * @param description the description
 * @param email the contact email
 * @param profilePictureUrl the profile picture's URL
 * @param websites up to two web sites
 * @param vertical the industry ({@code "RETAIL"}, {@code "PROF_SERVICES"}, ...)
 * @param messagingProduct {@code "whatsapp"}
 */
public record BusinessProfile(String about, String address, String description, String email,
        @JsonProperty("profile_picture_url") String profilePictureUrl, List<String> websites, String vertical,
        @JsonProperty("messaging_product") String messagingProduct) {

    /** The fields the client asks for. */
    static final String FIELDS = "about,address,description,email,profile_picture_url,websites,vertical";

    /**
     * @return an empty update; set only what should change and pass it to
     *     {@link WhatsAppClient#updateBusinessProfile(Update)}
     */
    public static Update update() {
        return new Update(Json.mapper().createObjectNode().put("messaging_product", "whatsapp"));
    }

    /**
     * Changes to a business profile, checked against Meta's limits (about 1-139 characters,
     * address 256, description 512, email 128, at most 2 web sites of 256). Immutable.
     *
     * <pre>{@code
     * client.updateBusinessProfile(BusinessProfile.update().about("Open 9-5").websites(List.of("https://example.com")));
     * }</pre>
     */
    public static final class Update {
        private final ObjectNode json;

        private Update(ObjectNode json) {
            this.json = json;
        }

        private Update with(String field, String value, int max) {
            ObjectNode n = json.deepCopy();
            n.put(field, Message.limit(value, "business profile " + field, max));
            return new Update(n);
        }

        /**
         * @param about the "About" text, 1 to 139 characters
         * @return a copy with it
         */
        public Update about(String about) {
            return with("about", about, 139);
        }

        /**
         * @param address the address, at most 256 characters
         * @return a copy with it
         */
        public Update address(String address) {
            return with("address", address, 256);
        }

        /**
         * @param description the description, at most 512 characters
         * @return a copy with it
         */
        public Update description(String description) {
            return with("description", description, 512);
        }

        /**
         * @param email the contact email, at most 128 characters
         * @return a copy with it
         */
        public Update email(String email) {
            if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new IllegalArgumentException("business profile email is not an email address: " + email);
            }
            return with("email", email, 128);
        }

        /**
         * @param vertical the industry, as Meta names it ({@code "RETAIL"})
         * @return a copy with it
         */
        public Update vertical(String vertical) {
            return with("vertical", vertical, 64);
        }

        /**
         * @param websites at most two URLs of at most 256 characters
         * @return a copy with them
         */
        public Update websites(List<String> websites) {
            if (websites == null || websites.isEmpty() || websites.size() > 2) {
                throw new IllegalArgumentException("business profile takes 1 or 2 web sites, got "
                        + (websites == null ? 0 : websites.size()));
            }
            ObjectNode n = json.deepCopy();
            websites.forEach(w -> n.withArray("websites").add(Message.limit(w, "business profile website", 256)));
            return new Update(n);
        }

        /**
         * @param handle a handle from Meta's Resumable Upload API for a new profile picture
         * @return a copy with it
         */
        public Update profilePictureHandle(String handle) {
            return with("profile_picture_handle", handle, 4096);
        }

        ObjectNode toJson() {
            if (json.size() == 1) {
                throw new IllegalArgumentException("business profile update changes nothing");
            }
            return json.deepCopy();
        }

        /** @return the names of the fields this update changes */
        @Override
        public String toString() {
            List<String> names = new java.util.ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            names.remove("messaging_product");
            return "BusinessProfile.Update" + names;
        }
    }
}
