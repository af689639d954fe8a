package dev.relaykit.whatsapp;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A business phone number ({@code GET /{phone-number-id}}, {@code GET /{waba-id}/phone_numbers}).
 * Fields Meta did not return are {@code null}.
 *
 * @param id the phone number id (what the client sends from)
 * @param displayPhoneNumber the number as displayed ({@code "+1 631-555-5555"})
 * @param verifiedName the verified business name
 * @param qualityRating the quality rating
 * @param codeVerificationStatus {@code "VERIFIED"}, {@code "NOT_VERIFIED"}, ...
 * @param nameStatus the display name's review status ({@code "APPROVED"}, ...)
 * @param platformType {@code "CLOUD_API"}, ...
 * @param throughput the throughput object ({@code {"level":"STANDARD"}}), raw
 */
public record PhoneNumber(String id,
        @JsonProperty("display_phone_number") String displayPhoneNumber,
        @JsonProperty("verified_name") String verifiedName,
        @JsonProperty("quality_rating") QualityRating qualityRating,
        @JsonProperty("code_verification_status") String codeVerificationStatus,
        @JsonProperty("name_status") String nameStatus,
        @JsonProperty("platform_type") String platformType,
        JsonNode throughput) {

    /** The phone number's quality rating. */
    public enum QualityRating {
        /** High quality. */
        GREEN,
        /** Medium quality. */
        YELLOW,
        /** Low quality. */
        RED,
        /** Not yet rated, or a value this version does not know. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
