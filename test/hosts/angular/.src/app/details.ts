/* eslint-disable -- Angular host, type-checked by its own `ng build`; the root ESLint cannot resolve @angular/* here (test/hosts/README.md) */
import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-details',
  imports: [RouterLink],
  template: `
    <section data-route="saldo">
      <h2>Szczegóły salda</h2>
      <p>Strona aplikacji (bez widżetów): tu trafia link „Szczegóły salda” z kafelka.</p>
      <a routerLink="/" data-test="back">Wróć do konta</a>
    </section>
  `,
})
export class Details {}
