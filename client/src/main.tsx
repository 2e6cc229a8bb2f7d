import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { App } from './App.tsx';
import { createApi } from './lib/apollo.ts';
import './styles.css';

const api = createApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={api.client}>
      <App api={api} />
    </ApolloProvider>
  </StrictMode>,
);
