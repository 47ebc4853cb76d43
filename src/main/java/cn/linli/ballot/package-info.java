/**
 * Household ballots (一户三票): staff run needs, project and satisfaction ballots; each verified household casts one
 * vote (changeable until close); results are aggregated only. Owns {@code ballot*} tables.
 */
@NullMarked
package cn.linli.ballot;

import org.jspecify.annotations.NullMarked;
