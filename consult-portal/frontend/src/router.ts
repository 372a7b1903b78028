import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession, type Role } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    public?: boolean
    roles?: Role[]
  }
}

const CONSOLE: Role[] = ['DISPATCHER', 'UNIT_HANDLER', 'ADMIN']

const routes: RouteRecordRaw[] = [
  { path: '/sign-in', component: () => import('@/views/SignInView.vue'), meta: { public: true, title: '登录' } },
  { path: '/join', component: () => import('@/consultant/JoinView.vue'), meta: { public: true, title: '志愿律师注册' } },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: () => useSession().home },
      { path: 'queue', name: 'queue', component: () => import('@/views/QueueView.vue'), meta: { title: '工单队列', roles: CONSOLE } },
      { path: 'tickets/:number', name: 'ticket', component: () => import('@/views/TicketView.vue'), meta: { title: '工单详情', roles: CONSOLE } },
      { path: 'desk', name: 'desk', component: () => import('@/views/DeskView.vue'), meta: { title: '热线坐席', roles: CONSOLE } },
      { path: 'dashboard', name: 'dashboard', component: () => import('@/views/DashboardView.vue'), meta: { title: '统计看板', roles: CONSOLE } },
      { path: 'calls', name: 'calls', component: () => import('@/views/CallsView.vue'), meta: { title: '通话记录', roles: CONSOLE } },
      { path: 'wallboard', name: 'wallboard', component: () => import('@/views/WallboardView.vue'), meta: { title: '实时监控', roles: ['DISPATCHER', 'ADMIN'] } },
      { path: 'pool', name: 'pool', component: () => import('@/consultant/PoolView.vue'), meta: { title: '咨询池', roles: ['CONSULTANT'] } },
      { path: 'questions/:number', name: 'question', component: () => import('@/consultant/QuestionView.vue'), meta: { title: '答复问题', roles: ['CONSULTANT'] } },
      { path: 'points', name: 'points', component: () => import('@/consultant/PointsView.vue'), meta: { title: '我的积分', roles: ['CONSULTANT'] } },
      { path: 'certificate', name: 'certificate', component: () => import('@/consultant/CertificateView.vue'), meta: { title: '我的资格', roles: ['CONSULTANT'] } },
      { path: 'admin', name: 'admin', component: () => import('@/views/AdminHomeView.vue'), meta: { title: '管理首页', roles: ['ADMIN'] } },
      { path: 'admin/routing', name: 'routing', component: () => import('@/routing/RoutingAdminView.vue'), meta: { title: '分派规则', roles: ['ADMIN'] } },
      { path: 'admin/units', name: 'admin-units', component: () => import('@/admin/UnitsView.vue'), meta: { title: '承办单位', roles: ['ADMIN'] } },
      { path: 'admin/holidays', name: 'admin-holidays', component: () => import('@/admin/HolidaysView.vue'), meta: { title: '节假日安排', roles: ['ADMIN'] } },
      { path: 'admin/desks', name: 'admin-desks', component: () => import('@/admin/DesksView.vue'), meta: { title: '热线坐席管理', roles: ['ADMIN'] } },
      { path: 'admin/audit', name: 'admin-audit', component: () => import('@/admin/AuditView.vue'), meta: { title: '审计日志', roles: ['ADMIN'] } },
      { path: 'admin/knowledge', name: 'admin-knowledge', component: () => import('@/admin/KnowledgeView.vue'), meta: { title: '知识库', roles: ['ADMIN'] } },
      { path: 'admin/certifications', name: 'admin-certifications', component: () => import('@/admin/CertificationsView.vue'), meta: { title: '咨询师资格审核', roles: ['ADMIN'] } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: '页面不存在' } },
    ],
  },
]

/** The workspace's pages under /workspace/; signed-out people go to the sign-in page, then back. */
export function createWorkspaceRouter() {
  const router = createRouter({ history: createWebHistory('/workspace/'), routes })
  router.beforeEach(async (to) => {
    const session = useSession()
    if (!session.loaded) {
      try {
        await session.load()
      } catch {
        // the server is unreachable: the sign-in page says so when they try
      }
    }
    if (to.meta.public) {
      return session.user && to.path !== '/join' ? session.home : true
    }
    if (!session.user) {
      return { path: '/sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    }
    if (to.meta.roles && !to.meta.roles.includes(session.role as Role)) {
      return session.home
    }
    return true
  })
  router.afterEach((to) => {
    document.title = (to.meta.title ? to.meta.title + ' - ' : '') + '12348 工作台'
  })
  return router
}
