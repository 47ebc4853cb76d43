package cn.linli.platform.crypto;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys of the personal-data cipher ({@code linli.personal-data}).
 *
 * @param keys       AES-256 keys by id, each 32 bytes in Base64 ({@code LINLI_PERSONALDATA_KEYS_<ID>}); keep an old
 *                   key until re-sealing has moved every value to the current one
 * @param currentKey the id of the key new values are sealed with ({@code LINLI_PERSONALDATA_CURRENTKEY})
 * @param hashKey    the secret of the keyed hash used for lookups (at least 32 bytes; {@code
 *                   LINLI_PERSONALDATA_HASHKEY}); changing it makes existing lookup hashes useless until re-sealed
 */
@ConfigurationProperties("linli.personal-data")
public record PersonalDataProperties(Map<String, String> keys, String currentKey, String hashKey) {

    public PersonalDataProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        currentKey = currentKey == null ? "" : currentKey;
        hashKey = hashKey == null ? "" : hashKey;
    }
}
