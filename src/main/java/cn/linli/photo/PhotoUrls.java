package cn.linli.photo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.linli.platform.security.JwtProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signed photo URLs: {@code /photos/{id}?expires={epochSeconds}&signature={hmac}}. Whoever may read the order or
 * ledger gets URLs that work for a while without a token (an {@code <image>} tag cannot send one); a guessed id,
 * a changed expiry or an old link is refused.
 * <p>
 * Expiry is rounded up to a whole {@code urlTtl} window, so the same photo has the same URL for a while and the
 * mini-program's image cache works. The key is derived from the JWT secret, so there is no extra secret to manage
 * and rotating the JWT secret also retires every photo link.
 */
@Component
class PhotoUrls {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final long ttlSeconds;
    private final Clock clock;

    @Autowired
    PhotoUrls(JwtProperties jwt, PhotoProperties properties) {
        this(jwt, properties, Clock.systemUTC());
    }

    PhotoUrls(JwtProperties jwt, PhotoProperties properties, Clock clock) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(jwt.secretBytes(), ALGORITHM), "linli photo urls v1"),
                ALGORITHM);
        this.ttlSeconds = Math.max(60, properties.urlTtl().toSeconds());
        this.clock = clock;
    }

    /** The path and query of a URL for this photo, valid for at least the configured time. */
    String path(long photoId) {
        long now = clock.instant().getEpochSecond();
        long expires = (now / ttlSeconds + 2) * ttlSeconds;
        return "/photos/" + photoId + "?expires=" + expires + "&signature=" + signature(photoId, expires);
    }

    boolean isValid(long photoId, long expires, String signature) {
        if (expires < clock.instant().getEpochSecond()) {
            return false;
        }
        byte[] expected = signature(photoId, expires).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(long photoId, long expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, photoId + ":" + expires));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
