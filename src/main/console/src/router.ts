import { createRouter, createWebHistory } from 'vue-router';
import { api } from './api/client';
import LoginPage from './pages/LoginPage.vue';
import ConsoleLayout from './pages/ConsoleLayout.vue';
import DispatchBoardPage from './pages/DispatchBoardPage.vue';
import VerificationQueuePage from './pages/VerificationQueuePage.vue';

export const router = createRouter({
  history: createWebHistory('/console/'),
  routes: [
    { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
    {
      path: '/', component: ConsoleLayout, children: [
        { path: '', redirect: '/dispatch' },
        { path: 'dispatch', name: 'dispatch', component: DispatchBoardPage, meta: { title: '派单台' } },
        { path: 'residents/verifications', name: 'verifications', component: VerificationQueuePage, meta: { title: '住户 · 认证审核' } },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/dispatch' },
  ],
});

// the session is in memory only: a reload (or a new tab) starts at the scan login
router.beforeEach((to) => (to.meta.public || api.auth.isSignedIn() ? true : { name: 'login' }));
