package dev.relaykit.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A contact card for {@link Message#contacts(String, List)}, in Meta's {@code contacts} object
 * shape. Only {@code name.formatted_name} is required; empty parts are left out of the JSON.
 *
 * <pre>{@code
 * ContactCard card = new ContactCard(ContactCard.Name.of("Barbara J. Johnson"), null, null,
 *         List.of(new ContactCard.Phone("+1 (940) 555-1234", "HOME", null)), null, null, null);
 * }</pre>
 *
 * @param name the name; {@code formattedName} is required
 * @param birthday {@code YYYY-MM-DD}, or {@code null}
 * @param org the organisation, or {@code null}
 * @param phones phone numbers, or {@code null}
 * @param emails email addresses, or {@code null}
 * @param urls web sites, or {@code null}
 * @param addresses postal addresses, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContactCard(Name name, String birthday, Org org, List<Phone> phones, List<Email> emails,
        List<Url> urls, List<Address> addresses) {

    /**
     * Checks that the card has a formatted name and a well-formed birthday.
     *
     * @param name the name
     * @param birthday the birthday
     * @param org the organisation
     * @param phones phone numbers
     * @param emails emails
     * @param urls web sites
     * @param addresses addresses
     */
    public ContactCard {
        if (name == null || name.formattedName() == null || name.formattedName().isBlank()) {
            throw new IllegalArgumentException("a contact card needs name.formatted_name");
        }
        if (birthday != null && !birthday.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("contact birthday must be YYYY-MM-DD: " + birthday);
        }
    }

    /**
     * @param formattedName the full name as displayed (required)
     * @param firstName first name
     * @param lastName last name
     * @param middleName middle name
     * @param suffix name suffix
     * @param prefix name prefix
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Name(@JsonProperty("formatted_name") String formattedName,
            @JsonProperty("first_name") String firstName, @JsonProperty("last_name") String lastName,
            @JsonProperty("middle_name") String middleName, String suffix, String prefix) {
        /**
         * @param formattedName the full name as displayed
         * @return a name with only the formatted name
         */
        public static Name of(String formattedName) {
            return new Name(formattedName, null, null, null, null, null);
        }
    }

    /**
     * @param company company name
     * @param department department
     * @param title job title
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Org(String company, String department, String title) {
    }

    /**
     * @param phone the number as displayed
     * @param type {@code "HOME"}, {@code "WORK"}, ... or {@code null}
     * @param waId the WhatsApp id, which adds a "message" button, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Phone(String phone, String type, @JsonProperty("wa_id") String waId) {
    }

    /**
     * @param email the address
     * @param type {@code "HOME"}, {@code "WORK"} or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Email(String email, String type) {
    }

    /**
     * @param url the URL
     * @param type {@code "HOME"}, {@code "WORK"} or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Url(String url, String type) {
    }

    /**
     * @param street street
     * @param city city
     * @param state state
     * @param zip ZIP or postal code
     * @param country country name
     * @param countryCode two-letter country code
     * @param type {@code "HOME"}, {@code "WORK"} or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Address(String street, String city, String state, String zip, String country,
            @JsonProperty("country_code") String countryCode, String type) {
    }
}
