import type { Routes } from '@angular/router';
import { Account } from './account';
import { Details } from './details';

export const routes: Routes = [
  { path: '', component: Account },
  { path: 'saldo', component: Details },
];
