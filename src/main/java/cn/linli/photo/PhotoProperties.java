package cn.linli.photo;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize        largest photo accepted (the mini-program uploads compressed images of a few hundred KB)
 * @param urlTtl         how long a signed photo URL stays valid at least (at most twice this)
 * @param publicUrl      the server's public address for photo URLs, e.g. {@code https://api.linli.cn}; when blank
 *                       the address the request came in on is used (development). Required in production.
 * @param keepUnattached how long an upload that nothing refers to is kept before it is deleted
 * @param maxUnattached  how many uploads a person may have waiting to be attached
 * @param maxPerDay      how many uploads a person may make in 24 hours
 */
@ConfigurationProperties("linli.photos")
record PhotoProperties(DataSize maxSize, Duration urlTtl, @Nullable String publicUrl, Duration keepUnattached,
                       int maxUnattached, int maxPerDay) {
}
