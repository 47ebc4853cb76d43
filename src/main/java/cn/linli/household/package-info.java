/**
 * 房屋认证 and household membership: people ask to join a household, its head or the community's staff decide, and
 * heads manage who belongs. This package owns {@code verification_request} and the writes to {@code household_member}.
 */
@NullMarked
package cn.linli.household;

import org.jspecify.annotations.NullMarked;
