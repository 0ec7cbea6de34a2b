import type { ReactiveController } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import { msg } from '@lit/localize';
import { EbokApiError, type FieldError } from '../../api/errors.js';
import { warsawDate } from '../../i18n/calendar.js';
import type { ApiHost } from '../../kit/action.js';
import { FormController } from '../../kit/form.js';
import { notDelivered, ResendWhenOnline } from '../../kit/resend.js';
import { uploadVia } from '../../kit/upload.js';
import { PhotoController } from '../../kit/photo.js';
import { photoProblemText } from '../../kit/photo.views.js';
import * as logic from './meter-reading.logic.js';
import type { ContextRegister, ReadingContext, ReadingResult, ReadingSubmission } from './meter-reading.logic.js';
import { closedMeanwhileText, dateProblemText, valueProblemText } from './meter-reading.views.js';

type Values = Record<string, string>;
interface Body {
  pointId: string;
  payload: ReadingSubmission;
  photo: File | undefined;
  /** Tells photos apart in the idempotency key (a File is `{}` in JSON). */
  photoKey: string;
}

export interface SenderOptions {
  /** The reading context of the point shown, when it has arrived. */
  context: () => ReadingContext | undefined;
  /** The server recorded the reading. */
  sent: (result: ReadingResult) => void;
  /** The window may have changed (the server said it closed): load the context again. */
  reload: () => void;
}

/**
 * Sending a reading of `<ebok-meter-reading>`: the form (one field per register and the day), the photo, the
 * question about unusual values, the upload's progress, and a reading kept while there is no connection. The
 * element loads the point's data and renders; this holds what the customer typed and what happens to it.
 */
export class ReadingSender implements ReactiveController {
  /** The registers whose values look unusual, waiting for "yes, it is right". */
  unusual: string[] | undefined;
  /** How much of a photo has been uploaded (0–1) while it goes. */
  uploaded: number | undefined;
  readonly confirmRef = createRef<HTMLElement>();
  readonly photo: PhotoController;
  readonly queue: ResendWhenOnline<Body>;
  readonly form: FormController<Values, Body, ReadingResult>;
  private confirmed = false;
  private sentPayload?: ReadingSubmission;
  /** The fields in page order, refilled when the registers arrive: the fields are the point's. */
  private readonly order: string[] = [];

  constructor(
    private readonly host: ApiHost,
    private readonly options: SenderOptions,
  ) {
    host.addController(this);
    this.photo = new PhotoController(host, { maxBytes: 5_000_000 });
    this.queue = new ResendWhenOnline<Body>(host, (body) => this.form.action.run(body));
    this.form = new FormController<Values, Body, ReadingResult>(host, {
      initial: { readDate: '' },
      order: this.order,
      check: (name, values) => this.check(name, values),
      body: (values) => this.body(values),
      send: (client, body, key) => {
        this.sentPayload = body.payload;
        const data = new FormData();
        data.set('payload', new Blob([JSON.stringify(body.payload)], { type: 'application/json' }));
        if (body.photo) data.set('photo', body.photo);
        this.progress(body.photo ? 0 : undefined);
        return client
          .post('/points/{pointId}/readings', {
            params: { path: { pointId: body.pointId }, header: { 'Idempotency-Key': key } },
            body: data as never,
            // A photo over one bar of signal takes a while: its progress shows.
            ...(body.photo ? { via: uploadVia((fraction) => this.progress(fraction)) } : {}),
          })
          .finally(() => this.progress(undefined));
      },
      done: (result) => this.done(result),
      failed: (error, body) => this.failed(error, body),
      fieldOf: (pointer) => logic.fieldOfServerError({ field: pointer }, this.sentPayload),
      serverText: (error) => this.serverText(error),
      resumeAfterLogin: true,
      context: { action: 'send', failed: msg('Nie udało się wysłać odczytu.') },
    });
  }

  hostConnected(): void {}

  private get registers(): ContextRegister[] {
    return this.options.context()?.registers ?? [];
  }

  private texts(values: Values): Record<string, string> {
    return Object.fromEntries(this.registers.map((r) => [r.registerId, values[logic.valueField(r.registerId)] ?? '']));
  }

  /** The context arrived (or changed): the point's fields, blank where nothing was typed yet; what was typed stays. */
  follow(context: ReadingContext): void {
    const names = [...context.registers.map((r) => logic.valueField(r.registerId)), 'readDate'];
    if (names.join() !== this.order.join()) this.order.splice(0, this.order.length, ...names);
    const missing = names.filter((name) => this.form.values[name] === undefined || (name === 'readDate' && this.form.values[name] === ''));
    if (missing.length) this.form.assign(Object.fromEntries(missing.map((name) => [name, name === 'readDate' ? warsawDate(new Date()) : ''])));
    this.photo.maxBytes = context.maxPhotoBytes;
  }

  /** Another point was chosen: nothing of the last one's reading is kept or sent. */
  forget(): void {
    this.unusual = undefined;
    this.confirmed = false;
    this.queue.clear();
    this.photo.remove();
    this.form.reset({});
    this.order.length = 0;
  }

  /** "Send": checks, asks about unusual values, then sends (once, whatever the clicks). */
  async submit(): Promise<void> {
    if (this.form.busy) return;
    await this.photo.settled();
    if (this.photo.problem) {
      // The chosen photo cannot go: say so once, and the next "send" goes without it (the photo is optional).
      const why = photoProblemText(this.photo.problem, this.photo.maxBytes);
      this.photo.remove();
      this.form.notice.show({ tone: 'warning', text: msg('Zdjęcie nie zostało dołączone.'), detail: `${why} ${msg('Wyślij odczyt bez zdjęcia albo wybierz inne.')}` });
      this.form.focus.next(this.photo.inputRef);
      return;
    }
    if (!this.confirmed && this.form.validate()) {
      const texts = this.texts(this.form.values);
      const unusual = this.registers.filter((r) => logic.isImplausible(r, texts[r.registerId] ?? '')).map((r) => r.registerId);
      if (unusual.length) return this.askToConfirm(unusual);
    }
    await this.form.submit();
  }

  readonly confirm = (): void => {
    this.confirmed = true;
    this.unusual = undefined;
    void this.form.submit();
  };

  readonly correct = (): void => {
    const first = this.unusual?.[0];
    this.unusual = undefined;
    this.confirmed = false;
    this.host.requestUpdate();
    if (first) void this.host.updateComplete.then(() => this.form.focusField(logic.valueField(first)));
  };

  private progress(fraction: number | undefined): void {
    this.uploaded = fraction;
    this.host.requestUpdate();
  }

  private check(name: string, values: Values): string | undefined {
    if (name === 'readDate') {
      const problem = logic.checkReadDate(values.readDate ?? '', this.registers, new Date());
      return problem && dateProblemText(problem);
    }
    const register = this.registers.find((r) => logic.valueField(r.registerId) === name);
    if (!register) return undefined;
    const text = values[name] ?? '';
    if (text.trim() === '') {
      return logic.missingRegisters(this.registers, this.texts(values)).includes(register.registerId) ? valueProblemText({ kind: 'missing' }, register) : undefined;
    }
    const problem = logic.checkValue(text, register);
    return problem && valueProblemText(problem, register);
  }

  private body(values: Values): Body | undefined {
    const context = this.options.context();
    if (!context || this.photo.preparing) return undefined;
    const payload = logic.readingPayload(context, this.texts(values), { readAt: logic.readAtOf(values.readDate ?? '', new Date()), confirmImplausible: this.confirmed });
    if (!payload) return undefined;
    const photo = this.photo.file;
    return { pointId: context.pointId, payload, photo, photoKey: photo ? `${photo.name}:${photo.size}:${photo.lastModified}` : '' };
  }

  private done(result: ReadingResult): void {
    this.queue.clear();
    this.unusual = undefined;
    this.confirmed = false;
    this.photo.remove();
    this.form.reset({ readDate: warsawDate(new Date()), ...Object.fromEntries(this.order.filter((n) => n !== 'readDate').map((n) => [n, ''])) });
    this.options.sent(result);
  }

  /** The failures that mean something here; the rest are the form's (field errors, notices). */
  private failed(error: unknown, body: Body): boolean {
    if (notDelivered(error)) {
      this.queue.hold(body);
      return true;
    }
    if (!(error instanceof EbokApiError)) return false;
    if (error.code === 'reading_out_of_range') {
      this.askToConfirm(this.registers.filter((r) => error.fields.some((f) => logic.fieldOfServerError(f, this.sentPayload) === logic.valueField(r.registerId))).map((r) => r.registerId));
      return true;
    }
    if (error.code === 'reading_window_closed') {
      this.form.notice.show({ tone: 'error', text: msg('Okno odczytów właśnie się zamknęło, więc odczytu nie przyjęliśmy.'), detail: closedMeanwhileText() });
      this.options.reload();
      return true;
    }
    if (error.code === 'reading_duplicate') {
      this.form.notice.show({ tone: 'info', text: msg('Ten odczyt już mamy: takie same wskazania przyjęliśmy wcześniej w tym oknie odczytów.'), urgent: true });
      return true;
    }
    return false;
  }

  private serverText(error: FieldError): string | undefined {
    if (error.field === '/photo') return photoProblemText(error.code === 'attachment_type_not_allowed' ? 'type' : 'too_large', this.photo.maxBytes);
    const name = logic.fieldOfServerError(error, this.sentPayload);
    const register = this.registers.find((r) => logic.valueField(r.registerId) === name);
    if (register && error.code === 'reading_lower_than_previous' && register.lastReading) return valueProblemText({ kind: 'lower', last: register.lastReading.value }, register);
    return undefined;
  }

  private askToConfirm(registerIds: string[]): void {
    this.unusual = registerIds.length ? registerIds : this.registers.map((r) => r.registerId);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.confirmRef.value?.focus());
  }
}
