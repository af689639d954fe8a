package dev.relaykit.whatsapp.webhook.event;

import java.util.List;

/**
 * A contact card a user shared ({@code contacts[]} of a {@link MessageContent.Contacts contacts}
 * message). Users may share only some fields: absent ones are {@code null} or empty lists.
 *
 * @param name the contact's name, or {@code null}
 * @param phones phone numbers
 * @param emails email addresses
 * @param addresses postal addresses
 * @param org company, department and title, or {@code null}
 * @param urls web sites
 * @param birthday the birthday as sent ({@code YYYY-MM-DD}), or {@code null}
 */
public record SharedContact(Name name, List<Phone> phones, List<Email> emails, List<Address> addresses, Org org,
        List<Url> urls, String birthday) {

    /**
     * @param formattedName the full name as formatted by the user's device
     * @param firstName the first name
     * @param lastName the last name
     * @param middleName the middle name
     * @param suffix the name suffix
     * @param prefix the name prefix
     */
    public record Name(String formattedName, String firstName, String lastName, String middleName, String suffix,
            String prefix) {
    }

    /**
     * @param phone the number as entered, for example {@code +1 (415) 555-0829}
     * @param waId the WhatsApp ID, if the number is on WhatsApp
     * @param type for example {@code MOBILE}, {@code HOME}, {@code WORK}
     */
    public record Phone(String phone, String waId, String type) {
    }

    /**
     * @param email the address
     * @param type for example {@code WORK}
     */
    public record Email(String email, String type) {
    }

    /**
     * @param street street
     * @param city city
     * @param state state
     * @param zip postal code
     * @param country country name
     * @param countryCode ISO country code
     * @param type for example {@code HOME}
     */
    public record Address(String street, String city, String state, String zip, String country, String countryCode,
            String type) {
    }

    /**
     * @param company company name
     * @param department department
     * @param title job title
     */
    public record Org(String company, String department, String title) {
    }

    /**
     * @param url the address
     * @param type for example {@code WORK}
     */
    public record Url(String url, String type) {
    }
}
