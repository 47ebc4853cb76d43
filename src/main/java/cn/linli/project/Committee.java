package cn.linli.project;

import java.util.List;

/** A community's supervision committee (监督委员会): its members and the rule of how many sign-offs complete a project. */
record Committee(long communityId, List<CommitteeMember> members, SignOffRule rule) {

    int requiredSignOffs() {
        return rule.required(members.size());
    }
}
