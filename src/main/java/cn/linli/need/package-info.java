/**
 * 需求清单 and 五事分流: residents' needs and problems, their triage into five kinds with due dates from per-community
 * rules, merges and supporters, 实事 turned into service orders, 大事/难事 on the joint meeting's agenda, and 急事
 * escalated to the street by a durable timer. Every step leaves a {@code need_event} the resident sees.
 */
@NullMarked
package cn.linli.need;

import org.jspecify.annotations.NullMarked;
