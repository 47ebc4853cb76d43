package cn.linli.identity;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapAdmins accounts that hold the ADMIN role whenever they log in. On an empty database nobody can
 *                        appoint the first platform administrator through the API: the operator logs in once, reads
 *                        their account id (我的 page, {@code me { id }}), sets {@code LINLI_IDENTITY_BOOTSTRAPADMINS}
 *                        and logs in again. Removing an id later does not take the role away.
 */
@ConfigurationProperties("linli.identity")
record IdentityProperties(Set<Long> bootstrapAdmins) {

    IdentityProperties {
        bootstrapAdmins = bootstrapAdmins == null ? Set.of() : Set.copyOf(bootstrapAdmins);
    }
}
