import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApolloProvider } from '@apollo/client/react';
import { App } from './app/App.tsx';
import { createApi } from './lib/apollo.ts';
import './styles.css';

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
