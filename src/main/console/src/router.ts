import { createRouter, createWebHistory } from 'vue-router';
import { api } from './api/client';
import LoginPage from './pages/LoginPage.vue';
import ConsoleLayout from './pages/ConsoleLayout.vue';
import DispatchBoardPage from './pages/DispatchBoardPage.vue';
import VerificationQueuePage from './pages/VerificationQueuePage.vue';
import ResidentsTreePage from './pages/ResidentsTreePage.vue';
import HouseholdImportPage from './pages/HouseholdImportPage.vue';
import FestivalPage from './pages/FestivalPage.vue';
import PartnersPage from './pages/PartnersPage.vue';
import TimeBankPage from './pages/TimeBankPage.vue';
import FiguresPage from './pages/FiguresPage.vue';
import NeedTriagePage from './pages/NeedTriagePage.vue';
import BallotsPage from './pages/BallotsPage.vue';
import MeetingsPage from './pages/MeetingsPage.vue';
import ProjectsPage from './pages/ProjectsPage.vue';

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
    {
      path: '/', component: ConsoleLayout, children: [
        { path: '', redirect: '/dispatch' },
        { path: 'dispatch', name: 'dispatch', component: DispatchBoardPage, meta: { title: '派单台' } },
        { path: 'residents/tree', name: 'tree', component: ResidentsTreePage, meta: { title: '住户 · 社区结构与工作人员' } },
        { path: 'residents/import', name: 'import', component: HouseholdImportPage, meta: { title: '住户 · 批量导入' } },
        { path: 'residents/verifications', name: 'verifications', component: VerificationQueuePage, meta: { title: '住户 · 认证审核' } },
        { path: 'festival', name: 'festival', component: FestivalPage, meta: { title: '邻里节' } },
        { path: 'partners', name: 'partners', component: PartnersPage, meta: { title: '合伙人' } },
        { path: 'timebank', name: 'timebank', component: TimeBankPage, meta: { title: '时间银行' } },
        { path: 'needs', name: 'needs', component: NeedTriagePage, meta: { title: '居民议事 · 需求分流' } },
        { path: 'meetings', name: 'meetings', component: MeetingsPage, meta: { title: '居民议事 · 联席会议' } },
        { path: 'ballots', name: 'ballots', component: BallotsPage, meta: { title: '居民议事 · 投票' } },
        { path: 'projects', name: 'projects', component: ProjectsPage, meta: { title: '居民议事 · 项目' } },
        { path: 'figures', name: 'figures', component: FiguresPage, meta: { title: '数据' } },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/dispatch' },
  ],
});

// the session is in memory only: a reload (or a new tab) starts at the scan login
router.beforeEach((to) => (to.meta.public || api.auth.isSignedIn() ? true : { name: 'login' }));
