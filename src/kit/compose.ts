import type { ReactiveController } from 'lit';
import type { Ref } from 'lit/directives/ref.js';
import type { EbokClient } from '../api/client.js';
import type { FieldError } from '../api/errors.js';
import type { ApiHost } from './action.js';
import type { FailureContext } from './failure.js';
import { FormController, type FormValues } from './form.js';
import { notDelivered, ResendWhenOnline } from './resend.js';
import { uploadVia } from './upload.js';
import { AttachmentsController, type AttachmentLimits } from './attachments.js';
import { attachmentProblemText, attachmentWords } from './attachments.views.js';

/** What goes: the text parts and the files, with the files told apart in the idempotency key (a File is `{}` in JSON). */
export interface ComposedBody {
  fields: Record<string, string>;
  files: File[];
  filesKey: string;
}

/** One request of a written message: how `send` gets the multipart body and the upload's transport. */
export type ComposeSend<R> = (client: EbokClient, data: FormData, idempotencyKey: string, via: ((request: Request) => Promise<Response>) | undefined) => Promise<R>;

export interface ComposeOptions<V extends Record<string, string>, R> {
  initial: V;
  order: readonly (keyof V & string)[];
  check: (name: keyof V & string, values: V) => string | undefined;
  /** The text parts of the body (undefined: the values cannot make one yet). */
  fields: (values: V) => Record<string, string> | undefined;
  send: ComposeSend<R>;
  /** The server took it: the form is emptied after this returns. */
  done: (result: R) => void;
  /** The limits of the attachments (the category's); none allowed: `maxCount` 0. */
  limits: AttachmentLimits;
  /** Whether the files chosen go with the message now (default: always); false keeps them, unsent (another category). */
  withFiles?: () => boolean;
  serverText?: (error: FieldError) => string | undefined;
  context: FailureContext;
}

/**
 * A message the customer writes and sends with attachments (a ticket, a reply): the form, the files, the upload's
 * progress spread over them, and the message kept in memory when there is no connection and sent by itself when
 * there is (same idempotency key: never twice). Through the form's action: one at a time, a 401 waits for the
 * next login and then sends, a failure keeps everything typed and every file chosen.
 */
export class MessageSender<V extends Record<string, string>, R> implements ReactiveController {
  readonly attachments: AttachmentsController;
  readonly queue: ResendWhenOnline<ComposedBody>;
  readonly form: FormController<V & FormValues, ComposedBody, R>;
  /** The message is going with files: their progress shows. */
  uploading = false;
  private customer: string | undefined;

  constructor(
    host: ApiHost,
    private readonly options: ComposeOptions<V, R>,
  ) {
    host.addController(this);
    this.queue = new ResendWhenOnline<ComposedBody>(host, (body) => this.form.action.run(body));
    this.form = new FormController<V & FormValues, ComposedBody, R>(host, {
      initial: options.initial,
      // The files' errors (the server's refusal of one) are listed after the text fields'.
      order: [...options.order, 'attachments'],
      check: (name, values) => (name === 'attachments' ? undefined : options.check(name, values)),
      body: (values) => this.body(values),
      send: (client, body, key) => this.send(client, body, key),
      done: (result) => this.done(result),
      failed: (error, body) => {
        if (!notDelivered(error)) return false;
        this.queue.hold(body);
        return true;
      },
      fieldOf: (pointer) => (pointer.startsWith('/attachments') ? 'attachments' : (options.order.find((name) => `/${name}` === pointer))),
      serverText: (error) => options.serverText?.(error) ?? (error.field.startsWith('/attachments') ? this.attachmentText(error) : undefined),
      resumeAfterLogin: true,
      otherCustomer: () => this.reset(),
      context: options.context,
    });
    this.attachments = new AttachmentsController(host, options.limits, attachmentWords, this.form.field('attachments').ref as Ref<HTMLInputElement>);
  }

  hostConnected(): void {}

  /**
   * The customer signed in now (the widget calls this as it renders): when someone else signs in after the first
   * was logged out (a shared computer), nothing the first typed or chose stays in the form.
   */
  follow(userId: string | undefined): void {
    if (userId === undefined) return;
    if (this.customer !== undefined && this.customer !== userId) this.reset();
    this.customer = userId;
  }

  /** Checks, waits for the files being prepared, and sends once, whatever the clicks. */
  async submit(): Promise<void> {
    if (this.form.busy) return;
    await this.attachments.settled();
    await this.form.submit();
  }

  /** Starts again (another ticket, the reply was sent): nothing typed or chosen is kept. */
  reset(values: Partial<V> = {}): void {
    this.queue.clear();
    this.attachments.clear();
    this.form.reset(values);
  }

  private body(values: V): ComposedBody | undefined {
    const fields = this.options.fields(values);
    if (!fields || this.attachments.preparing) return undefined;
    const files = this.options.withFiles?.() === false ? [] : this.attachments.files;
    return { fields, files, filesKey: files.map((f) => `${f.name}:${f.size}:${f.lastModified}`).join('|') };
  }

  private send(client: EbokClient, body: ComposedBody, key: string): Promise<R> {
    const data = new FormData();
    for (const [name, value] of Object.entries(body.fields)) data.set(name, value);
    for (const file of body.files) data.append('attachments', file, file.name);
    const withFiles = body.files.length > 0;
    // The text parts go first: their bytes come before the files' in the body.
    const before = new TextEncoder().encode(Object.values(body.fields).join('')).length;
    this.uploading = withFiles;
    if (withFiles) this.attachments.progress(0, before);
    return this.options
      .send(client, data, key, withFiles ? uploadVia((fraction) => this.attachments.progress(fraction, before)) : undefined)
      .finally(() => {
        this.uploading = false;
        this.attachments.progress(undefined);
      });
  }

  private done(result: R): void {
    this.options.done(result);
    this.reset();
  }

  private attachmentText(error: FieldError): string | undefined {
    const problem = error.code === 'attachment_too_large' ? 'too_large' : error.code === 'attachment_type_not_allowed' ? 'type' : error.code === 'too_many_items' ? 'too_many' : undefined;
    if (!problem) return undefined;
    const index = Number(/^\/attachments\/(\d+)/.exec(error.field)?.[1]);
    const name = Number.isInteger(index) ? this.attachments.files[index]?.name : undefined;
    const why = attachmentProblemText(problem, this.attachments.limits);
    return name ? `${name}: ${why}` : why;
  }
}
