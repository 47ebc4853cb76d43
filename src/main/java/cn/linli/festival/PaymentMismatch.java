package cn.linli.festival;

/** A WeChat Pay notification that does not match what we asked WeChat Pay for: refused, nothing changes. */
final class PaymentMismatch extends RuntimeException {

    PaymentMismatch(String message) {
        super(message, null, false, false);
    }
}
