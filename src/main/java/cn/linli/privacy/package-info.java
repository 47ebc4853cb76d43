/**
 * 个人信息保护 (issue 17): the privacy policy as versioned data and each person's consent (the one gate every
 * collection of personal information asks, {@link cn.linli.privacy.PrivacyConsent}), what Linli holds about a person
 * (view and export), account deletion (注销) after a cooling-off period, retention rules kept as data, and the record of
 * staff and partners reading someone's phone or verification details.
 * <p>
 * Unlike other features this one reads (export, obligations) and erases (deletion) rows of the other features' tables
 * directly: it is about every table that names a person, and doing it through a dozen service APIs would scatter the
 * one list of what Linli holds. The SQL lives in this package's repositories, one method per kind of record.
 */
@NullMarked
package cn.linli.privacy;

import org.jspecify.annotations.NullMarked;
