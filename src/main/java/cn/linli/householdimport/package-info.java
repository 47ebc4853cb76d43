/**
 * Bulk import of a community's households from a spreadsheet (.xlsx / .csv), and export in the same format: upload →
 * stored dry run (every row's outcome) → commit in one transaction.
 */
@NullMarked
package cn.linli.householdimport;

import org.jspecify.annotations.NullMarked;
