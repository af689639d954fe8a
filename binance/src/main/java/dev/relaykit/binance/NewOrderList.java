package dev.relaykit.binance;

import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.OrderResponseType;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.SelfTradePreventionMode;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * A new order list: OCO ({@code POST /api/v3/orderList/oco}), OTO ({@code /oto}), OTOCO
 * ({@code /otoco}), OPO ({@code /opo}) or OPOCO ({@code /opoco}).
 *
 * <pre>{@code
 * // sell 5 LTC: take profit at 3.0 (post-only) or stop out at 1.0 (limit 0.9)
 * NewOrderList oco = NewOrderList.oco("LTCBTC", OrderSide.SELL, new BigDecimal("5"),
 *         OrderLeg.limitMaker(new BigDecimal("3.0")),
 *         OrderLeg.stopLossLimit(new BigDecimal("1.0"), new BigDecimal("0.9"), TimeInForce.GTC)).build();
 * // buy at 1.0; once filled, sell with a take-profit at 3.0 and a stop at 0.8
 * NewOrderList otoco = NewOrderList.otoco("LTCBTC",
 *         OrderSide.BUY, new BigDecimal("5"), OrderLeg.limit(new BigDecimal("1.0"), TimeInForce.GTC),
 *         OrderSide.SELL, new BigDecimal("5"),
 *         OrderLeg.limitMaker(new BigDecimal("3.0")), OrderLeg.stopLoss(new BigDecimal("0.8"))).build();
 * }</pre>
 *
 * <p>Checked when built: every leg against the per-type rules of {@link NewOrder}; an OCO pair must be
 * one STOP_LOSS/STOP_LOSS_LIMIT order and one LIMIT_MAKER/TAKE_PROFIT/TAKE_PROFIT_LIMIT order; a
 * working order must be LIMIT or LIMIT_MAKER. Binance still checks prices against the last price.
 */
public final class NewOrderList {
    /** The kinds of order list and their endpoints. */
    enum Kind {
        OCO("/api/v3/orderList/oco"), OTO("/api/v3/orderList/oto"), OTOCO("/api/v3/orderList/otoco"),
        OPO("/api/v3/orderList/opo"), OPOCO("/api/v3/orderList/opoco");

        final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    private static final Set<OrderType> STOPS = EnumSet.of(OrderType.STOP_LOSS, OrderType.STOP_LOSS_LIMIT);
    private static final Set<OrderType> TAKES = EnumSet.of(OrderType.LIMIT_MAKER, OrderType.TAKE_PROFIT,
            OrderType.TAKE_PROFIT_LIMIT);
    private static final Set<OrderType> WORKING = EnumSet.of(OrderType.LIMIT, OrderType.LIMIT_MAKER);

    private final Builder b;

    private NewOrderList(Builder b) {
        this.b = b;
    }

    /**
     * An OCO: two orders on the same side, one above and one below the last price; when one works, the
     * other is canceled.
     *
     * @param symbol the symbol
     * @param side the side of both orders
     * @param quantity the quantity of both orders
     * @param above the order above the last price
     * @param below the order below the last price
     * @return a builder for the remaining options
     */
    public static Builder oco(String symbol, OrderSide side, BigDecimal quantity, OrderLeg above, OrderLeg below) {
        Builder b = new Builder(Kind.OCO, symbol);
        b.side = side;
        b.quantity = quantity;
        b.above = above;
        b.below = below;
        return b;
    }

    /**
     * An OTO: a working order (LIMIT or LIMIT_MAKER) that, once fully filled, places the pending order.
     *
     * @param symbol the symbol
     * @param workingSide the working order's side
     * @param workingQuantity the working order's quantity
     * @param working the working order
     * @param pendingSide the pending order's side
     * @param pendingQuantity the pending order's quantity
     * @param pending the pending order (any type; not a quote-quantity market order)
     * @return a builder for the remaining options
     */
    public static Builder oto(String symbol, OrderSide workingSide, BigDecimal workingQuantity, OrderLeg working,
            OrderSide pendingSide, BigDecimal pendingQuantity, OrderLeg pending) {
        Builder b = working(Kind.OTO, symbol, workingSide, workingQuantity, working, pendingSide);
        b.pendingQuantity = pendingQuantity;
        b.pending = pending;
        return b;
    }

    /**
     * An OTOCO: a working order that, once fully filled, places an OCO pair of pending orders.
     *
     * @param symbol the symbol
     * @param workingSide the working order's side
     * @param workingQuantity the working order's quantity
     * @param working the working order (LIMIT or LIMIT_MAKER)
     * @param pendingSide the pending orders' side
     * @param pendingQuantity the pending orders' quantity
     * @param pendingAbove the pending order above the last price
     * @param pendingBelow the pending order below the last price
     * @return a builder for the remaining options
     */
    public static Builder otoco(String symbol, OrderSide workingSide, BigDecimal workingQuantity, OrderLeg working,
            OrderSide pendingSide, BigDecimal pendingQuantity, OrderLeg pendingAbove, OrderLeg pendingBelow) {
        Builder b = working(Kind.OTOCO, symbol, workingSide, workingQuantity, working, pendingSide);
        b.pendingQuantity = pendingQuantity;
        b.above = pendingAbove;
        b.below = pendingBelow;
        return b;
    }

    /**
     * An OPO: like an OTO, but the pending order's quantity is what the working order actually
     * received, after commission (Binance decides it).
     *
     * @param symbol the symbol
     * @param workingSide the working order's side
     * @param workingQuantity the working order's quantity
     * @param working the working order (LIMIT or LIMIT_MAKER)
     * @param pendingSide the pending order's side
     * @param pending the pending order
     * @return a builder for the remaining options
     */
    public static Builder opo(String symbol, OrderSide workingSide, BigDecimal workingQuantity, OrderLeg working,
            OrderSide pendingSide, OrderLeg pending) {
        Builder b = working(Kind.OPO, symbol, workingSide, workingQuantity, working, pendingSide);
        b.pending = pending;
        return b;
    }

    /**
     * An OPOCO: like an OTOCO, with the pending orders' quantity set by what the working order received.
     *
     * @param symbol the symbol
     * @param workingSide the working order's side
     * @param workingQuantity the working order's quantity
     * @param working the working order (LIMIT or LIMIT_MAKER)
     * @param pendingSide the pending orders' side
     * @param pendingAbove the pending order above the last price
     * @param pendingBelow the pending order below the last price
     * @return a builder for the remaining options
     */
    public static Builder opoco(String symbol, OrderSide workingSide, BigDecimal workingQuantity, OrderLeg working,
            OrderSide pendingSide, OrderLeg pendingAbove, OrderLeg pendingBelow) {
        Builder b = working(Kind.OPOCO, symbol, workingSide, workingQuantity, working, pendingSide);
        b.above = pendingAbove;
        b.below = pendingBelow;
        return b;
    }

    private static Builder working(Kind kind, String symbol, OrderSide workingSide, BigDecimal workingQuantity,
            OrderLeg working, OrderSide pendingSide) {
        Builder b = new Builder(kind, symbol);
        b.side = workingSide;
        b.quantity = workingQuantity;
        b.working = working;
        b.pendingSide = pendingSide;
        return b;
    }

    /** @return the endpoint path */
    String path() {
        return b.kind.path;
    }

    /** Appends the list's parameters to a request. */
    void appendTo(RestRequest.Builder r) {
        r.param("symbol", b.symbol).param("listClientOrderId", b.listClientOrderId)
                .param("newOrderRespType", b.newOrderRespType)
                .param("selfTradePreventionMode", b.selfTradePreventionMode);
        if (b.kind == Kind.OCO) {
            r.param("side", b.side).param("quantity", b.quantity);
            b.above.appendTo(r, "above");
            b.below.appendTo(r, "below");
            return;
        }
        r.param("workingSide", b.side).param("workingQuantity", b.quantity);
        b.working.appendTo(r, "working");
        r.param("pendingSide", b.pendingSide).param("pendingQuantity", b.pendingQuantity);
        if (b.pending != null) {
            b.pending.appendTo(r, "pending");
        } else {
            b.above.appendTo(r, "pendingAbove");
            b.below.appendTo(r, "pendingBelow");
        }
    }

    @Override
    public String toString() {
        return "NewOrderList[" + b.kind + " " + b.symbol + " " + b.side + " qty=" + b.quantity.toPlainString()
                + (b.working != null ? " working=" + b.working : "")
                + (b.pending != null ? " pending=" + b.pending : "")
                + (b.above != null ? " above=" + b.above + " below=" + b.below : "") + "]";
    }

    /** Builds a {@link NewOrderList}; {@link #build()} checks every leg. */
    public static final class Builder {
        private final Kind kind;
        private final String symbol;
        private OrderSide side;
        private BigDecimal quantity;
        private OrderLeg above;
        private OrderLeg below;
        private OrderLeg working;
        private OrderLeg pending;
        private OrderSide pendingSide;
        private BigDecimal pendingQuantity;
        private String listClientOrderId;
        private OrderResponseType newOrderRespType;
        private SelfTradePreventionMode selfTradePreventionMode;

        private Builder(Kind kind, String symbol) {
            this.kind = kind;
            this.symbol = symbol;
        }

        /**
         * @param listClientOrderId your id for the whole list, unique among open lists
         * @return this
         */
        public Builder listClientOrderId(String listClientOrderId) {
            this.listClientOrderId = listClientOrderId;
            return this;
        }

        /**
         * @param type how much the answer's order reports carry (ACK, RESULT, FULL)
         * @return this
         */
        public Builder newOrderRespType(OrderResponseType type) {
            this.newOrderRespType = type;
            return this;
        }

        /**
         * @param mode the self-trade prevention mode
         * @return this
         */
        public Builder selfTradePreventionMode(SelfTradePreventionMode mode) {
            this.selfTradePreventionMode = mode;
            return this;
        }

        /**
         * @return the order list
         * @throws IllegalArgumentException naming the first problem: a missing symbol, side or leg, a
         *     non-positive quantity, a leg missing what its type needs, or a type the list does not allow
         */
        public NewOrderList build() {
            Params.symbol(symbol);
            if (selfTradePreventionMode == SelfTradePreventionMode.UNKNOWN) {
                throw new IllegalArgumentException("selfTradePreventionMode UNKNOWN cannot be sent");
            }
            if (kind == Kind.OCO) {
                OrderRules.side("", side);
                Params.positive("quantity", quantity);
                ocoPair("", "above", above, "below", below, quantity);
                return new NewOrderList(this);
            }
            OrderRules.side("working order: ", side);
            Params.positive("workingQuantity", quantity);
            required(working, "working order");
            if (!WORKING.contains(working.type())) {
                throw new IllegalArgumentException("working order must be LIMIT or LIMIT_MAKER, was " + working.type());
            }
            working.check("working order: ", quantity);
            OrderRules.side("pending order: ", pendingSide);
            boolean impliedQuantity = kind == Kind.OPO || kind == Kind.OPOCO;
            if (!impliedQuantity) {
                Params.positive("pendingQuantity", pendingQuantity);
            }
            if (kind == Kind.OTO || kind == Kind.OPO) {
                required(pending, "pending order");
                pending.check("pending order: ", pendingQuantity);
            } else {
                ocoPair("pending ", "pendingAbove", above, "pendingBelow", below, pendingQuantity);
            }
            return new NewOrderList(this);
        }

        private static void required(OrderLeg leg, String name) {
            if (leg == null) {
                throw new IllegalArgumentException(name + " is required");
            }
        }

        private static void ocoPair(String what, String aboveName, OrderLeg above, String belowName, OrderLeg below,
                BigDecimal quantity) {
            if (above == null || below == null) {
                throw new IllegalArgumentException(what + "OCO needs both " + aboveName + " and " + belowName + " orders");
            }
            boolean stopAbove = STOPS.contains(above.type());
            boolean stopBelow = STOPS.contains(below.type());
            boolean valid = (stopAbove && TAKES.contains(below.type())) || (stopBelow && TAKES.contains(above.type()));
            if (!valid) {
                throw new IllegalArgumentException(what + "OCO needs one STOP_LOSS or STOP_LOSS_LIMIT order and one "
                        + "LIMIT_MAKER, TAKE_PROFIT or TAKE_PROFIT_LIMIT order, was " + aboveName + "=" + above.type()
                        + ", " + belowName + "=" + below.type());
            }
            above.check(aboveName + " order: ", quantity);
            below.check(belowName + " order: ", quantity);
        }
    }
}
