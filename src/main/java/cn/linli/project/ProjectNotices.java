package cn.linli.project;

import cn.linli.notification.NotificationService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What people hear about projects, and the one place that knows the mini-program's project page. Notices join the
 * causing transaction (outbox): none is lost, none is sent for a rolled-back change.
 */
@Component
class ProjectNotices {

    static final String MILESTONE = "PROJECT_MILESTONE";
    static final String AWAITING_SIGN_OFF = "PROJECT_AWAITING_SIGN_OFF";
    static final String COMPLETED = "PROJECT_COMPLETED";

    private final NotificationService notifications;
    private final CommitteeRepository committee;

    ProjectNotices(NotificationService notifications, CommitteeRepository committee) {
        this.notifications = notifications;
        this.committee = committee;
    }

    static String detailPage(long projectId) {
        return "pages/project/detail?id=" + projectId;
    }

    /** The community's residents hear of each milestone reached (progress is public to them). */
    Mono<Void> milestoneReported(Project project, Milestone milestone) {
        return committee.residents(project.communityId())
                .flatMap(to -> notifications.notify(to, MILESTONE, "项目进展：" + project.title(),
                        "里程碑「" + milestone.title() + "」已完成", detailPage(project.id())));
    }

    /** The committee hears that a project waits for its sign-off. */
    Mono<Void> awaitingSignOff(Project project) {
        return committee.memberIds(project.communityId())
                .flatMap(to -> notifications.notify(to, AWAITING_SIGN_OFF, "项目待验收：" + project.title(),
                        "项目已提交监督委员会验收，请查看进展后验收", detailPage(project.id())));
    }

    /** The community's residents hear that it is done, and that they can say whether it worked. */
    Mono<Void> completed(Project project) {
        return committee.residents(project.communityId())
                .flatMap(to -> notifications.notify(to, COMPLETED, "项目已完成：" + project.title(),
                        "监督委员会已验收，欢迎参加满意度投票", detailPage(project.id())));
    }
}
