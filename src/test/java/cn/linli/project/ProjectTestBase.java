package cn.linli.project;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.linli.support.ApiDocuments;
import cn.linli.support.IntegrationTest;
import cn.linli.support.TestPhotos;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Shared steps of the project tests, all through the api/ documents: a fresh community of the test's own (street,
 * community, its staff, the sample households imported, as an administrator brings one up), residents verified
 * through 房屋认证, a triaged need, a project with milestones, and the supervision committee.
 */
abstract class ProjectTestBase extends IntegrationTest {

    protected static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    /** A community of the test's own: its id, its staff, and its sample households (翠竹苑 first). */
    protected record Community(String id, Login staff, List<String> households) {
    }

    protected Community newCommunity() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Login admin = admin();
        String street = data(api(admin.client(), "CreateStreet").variable("input", Map.of("name", "项目街道" + suffix)),
                "createStreet.id");
        String community = data(api(admin.client(), "CreateCommunity").variable("input", Map.of("streetId", street,
                "name", "项目社区" + suffix, "address", "项目路 1 号")), "createCommunity.id");
        Login staff = login("project-staff-" + suffix);
        api(admin.client(), "AppointStaff").variable("input", Map.of("communityId", community,
                "accountId", String.valueOf(staff.accountId()), "title", "社区书记")).execute().errors().verify();
        String importId = importSample(staff, community);
        api(staff.client(), "CommitHouseholdImport").variable("input", Map.of("importId", importId)).execute()
                .errors().verify();
        return new Community(community, staff, households(staff, community));
    }

    /** A brand-new WeChat user made a verified member (家属) of the household by the community's staff. */
    protected Login resident(Community community, int household) {
        Login member = login("project-resident-" + UUID.randomUUID());
        String request = data(api(member.client(), "RequestHouseholdVerification").variable("input",
                Map.of("householdId", community.households().get(household), "relation", "FAMILY", "realName", "项目居民")),
                "requestHouseholdVerification.id");
        api(community.staff().client(), "ApproveVerificationRequest").variable("input", Map.of("requestId", request))
                .execute().errors().verify();
        return member;
    }

    /** A committee member: a verified resident of the household, appointed by staff. */
    protected Login committeeMember(Community community, int household) {
        Login member = resident(community, household);
        mutate(community.staff(), "AppointSupervisionMember", Map.of("communityId", community.id(),
                "accountId", String.valueOf(member.accountId()))).errors().verify();
        return member;
    }

    /** A need the resident submits for their household, triaged by staff as 要事 (TRIAGED). */
    protected String triagedNeed(Community community, Login resident, int household, String description) {
        String need = data(api(resident.client(), "SubmitNeed").variable("input", Map.of(
                "householdId", community.households().get(household), "description", description,
                "idempotencyKey", "need-" + UUID.randomUUID())), "submitNeed.id");
        mutate(community.staff(), "TriageNeed", Map.of("needId", need, "kind", "IMPORTANT", "level", "NORMAL"))
                .errors().verify();
        return need;
    }

    protected Map<String, Object> projectInput(Community community, List<String> needIds, String... milestones) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", community.id());
        input.put("title", "加装电梯");
        input.put("goal", "为 1 栋加装电梯，方便老人出行");
        input.put("budgetFen", 50_000_000);
        input.put("needIds", needIds);
        input.put("milestones", java.util.Arrays.stream(milestones)
                .map(title -> Map.of("title", title, "dueOn", LocalDate.now().plusDays(30).toString())).toList());
        return input;
    }

    protected String createProject(Community community, List<String> needIds, String... milestones) {
        return data(api(community.staff().client(), "CreateProject")
                .variable("input", projectInput(community, needIds, milestones)), "createProject.id");
    }

    /** Starts the project, reports every milestone done with a photo, and submits it for sign-off. */
    protected void runToSignOff(Community community, String projectId) {
        mutate(community.staff(), "StartProject", Map.of("projectId", projectId)).errors().verify();
        for (String milestone : milestoneIds(community.staff(), projectId)) {
            report(community.staff(), milestone, photo(community.staff())).errors().verify();
        }
        mutate(community.staff(), "SubmitProjectForSignOff", Map.of("projectId", projectId)).errors().verify();
    }

    protected GraphQlTester.Response report(Login staff, String milestoneId, String photoId) {
        return mutate(staff, "ReportProjectMilestone", Map.of("milestoneId", milestoneId, "note", "已完成施工",
                "photoIds", List.of(photoId)));
    }

    protected List<String> milestoneIds(Login who, String projectId) {
        return project(who, projectId).path("project.milestones[*].id").entityList(String.class).get();
    }

    protected String photo(Login who) {
        return TestPhotos.uploadedId(http(), who.accessToken(), TestPhotos.png());
    }

    protected GraphQlTester.Response project(Login who, String projectId) {
        return api(who.client(), "Project").variable("id", projectId).execute();
    }

    protected GraphQlTester.Response mutate(Login who, String operation, Map<String, Object> input) {
        return api(who.client(), operation).variable("input", input).execute();
    }

    protected GraphQlTester.Response signOff(Login who, String projectId) {
        return mutate(who, "SignOffProject", Map.of("projectId", projectId));
    }

    protected String status(String table, String id) {
        return db.sql("select status from " + table + " where id = :id").bind("id", Long.parseLong(id))
                .map(row -> row.get("status", String.class)).one().block();
    }


    private List<String> households(Login who, String community) {
        GraphQlTester.Response tree = api(who.client(), "CommunityTree").variable("id", community).execute();
        tree.errors().verify();
        return tree.path("community.estates[*].buildings[*].units[*].households[*].id").entityList(String.class).get();
    }

    private String importSample(Login staff, String community) {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/samples/households.csv")) {
            sample = Objects.requireNonNull(in).readAllBytes();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(sample) {
            @Override
            public String getFilename() {
                return "households.csv";
            }
        }).contentType(MediaType.TEXT_PLAIN);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = http().post().uri("/imports/households?communityId=" + community)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff.accessToken())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) Objects.requireNonNull(summary).get("id");
    }
}
