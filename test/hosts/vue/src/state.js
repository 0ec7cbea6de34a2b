import { reactive } from 'vue';

/** The host's state that the widgets' attributes are bound to, and what its handlers received. */
export const state = reactive({
  lang: 'pl',
  headingLevel: 2,
  afterLogin: 'message',
  logins: 0,
  navigations: 0,
  lastTarget: '',
});
