/**
 * The staff console (社区工作台) served at {@code /console/}: its scan login (扫码登录) — a ticket shown as a
 * mini-program code, confirmed by a staff account in the mini-program, claimed once by the console's poll — and the
 * static hosting of its single-page application. This package owns {@code console_login_ticket}.
 */
@NullMarked
package cn.linli.console;

import org.jspecify.annotations.NullMarked;
