import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { AuthGuard } from './AuthGuard.tsx';
import { LoginPage } from './routes/LoginPage.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { ProjectRedirect } from './routes/ProjectRedirect.tsx';
import { DeletedProjectsPage, ProjectsPage } from './routes/ProjectsPage.tsx';
import { RegisterPage } from './routes/RegisterPage.tsx';
import { StagePage } from './routes/StagePage.tsx';
import { MakePage } from './routes/MakePage.tsx';
import { NewsPage } from '../features/news/components/NewsPage.tsx';
import { ProvidersPage } from '../features/providers/components/ProvidersPage.tsx';
import { LibraryPage } from '../features/library/components/LibraryPage.tsx';
import { BatchPage } from '../features/batch/components/BatchPage.tsx';
import { DashboardPage } from '../features/performance/components/DashboardPage.tsx';
import { FactoryPage } from '../features/factory/components/FactoryPage.tsx';
import { FactorySettingsPage } from '../features/factory/components/FactorySettingsPage.tsx';

export const createRouter = () =>
  createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/register', element: <RegisterPage /> },
    {
      element: <AuthGuard />,
      children: [
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <ProjectsPage /> },
            { path: 'deleted', element: <DeletedProjectsPage /> },
            { path: 'projects/:id', element: <ProjectRedirect /> },
            { path: 'projects/:id/stage/:stage', element: <StagePage /> },
            { path: 'projects/:id/make', element: <MakePage /> },
            { path: 'news', element: <NewsPage /> },
            { path: 'library', element: <LibraryPage /> },
            { path: 'batches/:id', element: <BatchPage /> },
            { path: 'performance', element: <DashboardPage /> },
            { path: 'factory', element: <FactoryPage /> },
            { path: 'factory/settings', element: <FactorySettingsPage /> },
            { path: 'settings/providers', element: <ProvidersPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
