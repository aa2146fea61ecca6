import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the base (colours, elements, shared classes). Each component imports its own styles after it, so a
// component's rules come later in the cascade than the base they refine.
import './styles/app.css';
import { App } from './app.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
