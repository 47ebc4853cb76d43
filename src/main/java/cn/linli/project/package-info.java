/**
 * 资源清单, 项目清单 and 监督委员会: resources partners and units offer a community, projects its staff build from
 * triaged needs and pledged resources with milestones (reported done with photos, public to the community's
 * residents), and the supervision committee of residents whose sign-offs complete a project — which opens its
 * satisfaction ballot (一户一票问效果) in the same transaction.
 */
@NullMarked
package cn.linli.project;

import org.jspecify.annotations.NullMarked;
