/* eslint-disable -- Angular host, type-checked by its own `ng build`; the root ESLint cannot resolve @angular/* here (test/hosts/README.md) */
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
// One import per element, as the README shows for npm; each defines its element on import.
import 'ebok-widgets/ebok-provider.js';
import 'ebok-widgets/ebok-session.js';
import 'ebok-widgets/ebok-login.js';
import 'ebok-widgets/ebok-balance-tile.js';
import { App } from './app/app';
import { routes } from './app/routes';

bootstrapApplication(App, { providers: [provideZonelessChangeDetection(), provideRouter(routes)] }).catch((error: unknown) => console.error(error));
