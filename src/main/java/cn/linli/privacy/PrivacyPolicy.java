package cn.linli.privacy;

import java.time.Instant;

/** A published version of the privacy policy; {@code accepted} is the viewer's (false when anonymous). */
record PrivacyPolicy(int version, String title, String body, Instant publishedAt, boolean accepted) {
}
