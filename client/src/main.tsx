import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApolloProvider } from '@apollo/client/react';
import { App } from './app/App.tsx';
import { createApi } from './lib/apollo.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/studio.css';
import './styles/status.css';
import './styles/catalog.css';
import './styles/usage.css';
import './styles/admin.css';
import './styles/library.css';

const api = createApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={api.client}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
