/**
 * The embed: one script tag puts the shopping assistant on any page. It mounts on its own host
 * element inside a shadow root, with its styles inside that root, so the page and the widget
 * cannot restyle each other.
 */
import { createRoot } from 'react-dom/client';
import { Widget } from './components/widget.js';
import { findScriptTag, readConfig } from './embed/config.js';
import styles from './styles/widget.css?inline';

const HOST_TAG = 'aisle-chat';

// Read now: `document.currentScript` is only set while this script first runs.
const script = findScriptTag();

function mount(): void {
  if (document.querySelector(HOST_TAG)) return;
  const config = readConfig(script, navigator.languages ?? [navigator.language]);
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-position', config.position);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  const root = document.createElement('div');
  root.className = 'aisle-root';
  root.style.setProperty('--aisle-theme', config.theme);
  root.style.setProperty('--aisle-on-theme', config.onTheme);
  shadow.append(style, root);
  document.body.append(host);
  createRoot(root).render(<Widget config={config} />);
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });
