import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { UserProfile } from '@/api/types';
import { Field } from '@/components/ui/Field';
import { api, data, session } from '@/lib/api';
import { browserTimeZone } from '@/lib/format';
import { queryKeys } from '@/lib/me';
import { fieldErrors, formLevelMessage } from '@/lib/problems';

const FIELDS = ['displayName', 'timeZone', 'dailyXpGoal'] as const;

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return Array.from(new Set([current, browserTimeZone(), 'Etc/UTC', ...zones])).sort();
}

/** Display name, time zone (streak days follow it) and daily goal; the Api's field errors show at each field. */
export function SettingsForm({ profile }: { profile: UserProfile }) {
  const queryClient = useQueryClient();
  const zoneId = useId();
  const [form, setForm] = useState({ displayName: profile.displayName, timeZone: profile.timeZone, dailyXpGoal: String(profile.dailyXpGoal) });
  const zones = useMemo(() => timeZones(profile.timeZone), [profile.timeZone]);
  const deviceZone = browserTimeZone();
  const save = useMutation({
    mutationFn: () =>
      data(
        api.PATCH('/api/users/me', {
          body: { displayName: form.displayName.trim(), timeZone: form.timeZone, dailyXpGoal: form.dailyXpGoal === '' ? null : Number(form.dailyXpGoal) },
        }),
      ),
    onSuccess: (user) => {
      session.userChanged(user);
      void queryClient.invalidateQueries({ queryKey: queryKeys.stats });
      void queryClient.invalidateQueries({ queryKey: queryKeys.leaderboards });
    },
  });
  const errors = fieldErrors(save.error);
  const formError = formLevelMessage(save.error, FIELDS);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Settings">
      {formError && (
        <p className="alert" role="alert">
          {formError}
        </p>
      )}
      <Field label="Display name" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} error={errors.displayName} />
      <div className="field">
        <label htmlFor={zoneId}>Time zone</label>
        <select
          id={zoneId}
          className="input"
          value={form.timeZone}
          onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
          aria-invalid={errors.timeZone ? true : undefined}
          aria-describedby={errors.timeZone ? `${zoneId}-error` : undefined}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        {form.timeZone !== deviceZone && (
          <button type="button" className="btn btn-ghost" style={{ alignSelf: 'flex-start' }} onClick={() => setForm({ ...form, timeZone: deviceZone })}>
            Use this device’s time zone ({deviceZone.replace(/_/g, ' ')})
          </button>
        )}
        {errors.timeZone && (
          <span id={`${zoneId}-error`} className="field-error" role="alert">
            {errors.timeZone}
          </span>
        )}
      </div>
      <Field
        label="Daily goal (XP)"
        type="number"
        inputMode="numeric"
        min={1}
        max={10000}
        value={form.dailyXpGoal}
        onChange={(e) => setForm({ ...form, dailyXpGoal: e.target.value })}
        error={errors.dailyXpGoal}
        hint="10 is casual, 50 is serious."
      />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        {save.isSuccess && !save.isPending && (
          <span role="status" className="muted">
            Settings saved.
          </span>
        )}
      </div>
    </form>
  );
}
