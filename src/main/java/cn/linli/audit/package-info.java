/**
 * The audit trail of onboarding: every change to the community tree, household memberships, staff appointments and
 * partner status is recorded (who, when, what, before and after) inside the transaction that makes it, and is readable
 * by the community's staff and by administrators.
 */
@NullMarked
package cn.linli.audit;

import org.jspecify.annotations.NullMarked;
