/**
 * Encryption at rest of personal data (phone numbers, real names): application-level AES-GCM with keys from the
 * environment, rotation by key id, keyed-hash lookups, and the background re-sealing that moves old values to the
 * current key.
 */
@NullMarked
package cn.linli.platform.crypto;

import org.jspecify.annotations.NullMarked;
