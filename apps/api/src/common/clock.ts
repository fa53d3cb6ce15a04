import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for rules that depend on time (appointment statuses, to-do lists,
 * reminders). Production reads the system clock; e2e tests pin it with `app.get(Clock).set(date)`
 * and release it with `set(null)`, so time-dependent behaviour is tested without sleeping.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  /** Pins the clock to `at`; `null` goes back to system time. Tests only. */
  set(at: Date | null): void {
    this.fixed = at ? new Date(at.getTime()) : null;
  }
}
