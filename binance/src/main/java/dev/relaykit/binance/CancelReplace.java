package dev.relaykit.binance;

import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.CancelReplaceMode;
import dev.relaykit.binance.model.CancelRestrictions;
import dev.relaykit.binance.model.OrderRateLimitExceededMode;
import dev.relaykit.core.rest.RestRequest;

/**
 * Cancel an order and place a new one on the same symbol in one request
 * ({@code POST /api/v3/order/cancelReplace}).
 *
 * <pre>{@code
 * CancelReplace move = CancelReplace.of(CancelReplaceMode.STOP_ON_FAILURE,
 *                 NewOrder.limit("BTCUSDT", OrderSide.BUY, new BigDecimal("0.001"), new BigDecimal("49500")).build())
 *         .cancelOrderId(12345L)
 *         .build();
 * }</pre>
 */
public final class CancelReplace {
    private final Builder b;

    private CancelReplace(Builder b) {
        this.b = b;
    }

    /**
     * @param mode STOP_ON_FAILURE (no new order if the cancel fails) or ALLOW_FAILURE
     * @param newOrder the order to place; its symbol is the canceled order's symbol
     * @return a builder; name the order to cancel, then {@link Builder#build()}
     */
    public static Builder of(CancelReplaceMode mode, NewOrder newOrder) {
        return new Builder(mode, newOrder);
    }

    /** @return the new order */
    public NewOrder newOrder() {
        return b.newOrder;
    }

    void appendTo(RestRequest.Builder r) {
        b.newOrder.appendTo(r);
        r.param("cancelReplaceMode", b.mode)
                .param("cancelNewClientOrderId", b.cancelNewClientOrderId)
                .param("cancelOrigClientOrderId", b.cancelOrigClientOrderId)
                .param("cancelOrderId", b.cancelOrderId)
                .param("cancelRestrictions", b.cancelRestrictions)
                .param("orderRateLimitExceededMode", b.orderRateLimitExceededMode);
    }

    @Override
    public String toString() {
        return "CancelReplace[" + b.mode + " cancel " + (b.cancelOrderId != null ? b.cancelOrderId : b.cancelOrigClientOrderId)
                + " -> " + b.newOrder + "]";
    }

    /** Builds a {@link CancelReplace}. */
    public static final class Builder {
        private final CancelReplaceMode mode;
        private final NewOrder newOrder;
        private Long cancelOrderId;
        private String cancelOrigClientOrderId;
        private String cancelNewClientOrderId;
        private CancelRestrictions cancelRestrictions;
        private OrderRateLimitExceededMode orderRateLimitExceededMode;

        private Builder(CancelReplaceMode mode, NewOrder newOrder) {
            this.mode = mode;
            this.newOrder = newOrder;
        }

        /**
         * @param orderId the order to cancel, by Binance's id (the faster way)
         * @return this
         */
        public Builder cancelOrderId(Long orderId) {
            this.cancelOrderId = orderId;
            return this;
        }

        /**
         * @param origClientOrderId the order to cancel, by its client order id
         * @return this
         */
        public Builder cancelOrigClientOrderId(String origClientOrderId) {
            this.cancelOrigClientOrderId = origClientOrderId;
            return this;
        }

        /**
         * @param id your id for the cancel itself
         * @return this
         */
        public Builder cancelNewClientOrderId(String id) {
            this.cancelNewClientOrderId = id;
            return this;
        }

        /**
         * @param restrictions cancel only if the order is NEW, or only if PARTIALLY_FILLED
         * @return this
         */
        public Builder cancelRestrictions(CancelRestrictions restrictions) {
            this.cancelRestrictions = restrictions;
            return this;
        }

        /**
         * @param mode what to do when the unfilled order count is exceeded (DO_NOTHING or CANCEL_ONLY)
         * @return this
         */
        public Builder orderRateLimitExceededMode(OrderRateLimitExceededMode mode) {
            this.orderRateLimitExceededMode = mode;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException if the mode or new order is missing, or neither
         *     cancelOrderId nor cancelOrigClientOrderId is set
         */
        public CancelReplace build() {
            if (mode == null) {
                throw new IllegalArgumentException("cancelReplaceMode is required (STOP_ON_FAILURE or ALLOW_FAILURE)");
            }
            if (newOrder == null) {
                throw new IllegalArgumentException("the new order is required");
            }
            Params.atLeastOne("cancelOrderId", cancelOrderId, "cancelOrigClientOrderId",
                    cancelOrigClientOrderId == null || cancelOrigClientOrderId.isBlank() ? null : cancelOrigClientOrderId);
            return new CancelReplace(this);
        }
    }
}
