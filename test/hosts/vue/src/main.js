import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
// One import per element, as the README shows for npm; each defines its element on import.
import 'ebok-widgets/ebok-provider.js';
import 'ebok-widgets/ebok-session.js';
import 'ebok-widgets/ebok-login.js';
import 'ebok-widgets/ebok-balance-tile.js';
import '../../shared/host-page.css';
import App from './App.vue';
import AccountPage from './AccountPage.vue';
import DetailsPage from './DetailsPage.vue';

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: AccountPage },
    { path: '/saldo', component: DetailsPage },
  ],
});

createApp(App).use(router).mount('#app');
