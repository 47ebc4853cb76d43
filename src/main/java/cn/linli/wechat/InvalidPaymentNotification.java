package cn.linli.wechat;

/** A payment notification that is not from WeChat Pay, or not for this merchant: refused, and nothing changes. */
public final class InvalidPaymentNotification extends RuntimeException {

    public InvalidPaymentNotification(String message) {
        super(message, null, false, false);
    }
}
