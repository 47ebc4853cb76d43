package cn.linli.partner;

import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;

/**
 * How an offering is priced ({@code offering.price_kind}, GraphQL {@code PriceKind}), and the rule tying the kind to
 * its price fields (the table's check constraint is the second line): a points price for POINTS, a fen price for
 * CASH, neither for FREE. A price of the other kind is ignored, as it always was.
 */
public enum PriceKind {
    FREE, POINTS, CASH;

    static final int MAX_POINTS = 100_000;
    static final int MAX_FEN = 10_000_000;

    /** The price to store: points or fen (the other null), or both null when free. */
    record Price(@Nullable Integer points, @Nullable Integer fen) {
    }

    /** Checks the given prices against this kind; VALIDATION_FAILED on the field at fault. */
    Price price(@Nullable Integer points, @Nullable Integer fen) {
        return switch (this) {
            case POINTS -> new Price(inRange(points, "input.pricePoints", "积分价格", MAX_POINTS), null);
            case CASH -> new Price(null, inRange(fen, "input.priceFen", "价格（分）", MAX_FEN));
            case FREE -> {
                if (points != null || fen != null) {
                    throw LinliException.invalid("input.priceKind", "免费服务不能设置价格");
                }
                yield new Price(null, null);
            }
        };
    }

    private static int inRange(@Nullable Integer value, String field, String label, int max) {
        if (value == null) {
            throw LinliException.invalid(field, "请填写价格");
        }
        if (value < 1 || value > max) {
            throw LinliException.invalid(field, label + "须在 1 到 " + max + " 之间");
        }
        return value;
    }
}
