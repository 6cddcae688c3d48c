import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_HANDOUT_PORT, HANDOUT_LIMITS, type HandoutInterface, type HandoutStatus } from '#shared/contract/handout.ts';
import { PACK_LAYOUTS, type PackLayoutName } from '#shared/contract/packRender.ts';
import type { PackLanguage } from '#shared/pack/packText.ts';
import { useDatabase } from '../../data/DatabaseProvider.tsx';
import { loadBatchCandidates, type BatchCandidate, type BatchCandidates, type BatchScope } from '../../data/packBatchRepo.ts';
import { host } from '../../host/hostClient.ts';
import { useFormat } from '../../i18n/format.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { DocumentOptionsFields } from '../packs/DocumentOptionsFields.tsx';
import { prepareHandout, type HandoutFailure, type HandoutPrepareProgress } from './prepareHandout.ts';
import styles from './handout.module.css';
import { cx } from '../../ui/cx.ts';
import packsStyles from '../packs/packs.module.css';

interface Props {
  scope: Exclude<BatchScope, { kind: 'selection' }>;
  /** A hand-out that just ended (stopped or expired), said at the top. */
  ended: 'stopped' | 'expired' | null;
  onStarted(status: HandoutStatus): void;
}

type Phase = { kind: 'form' } | { kind: 'preparing'; progress: HandoutPrepareProgress };

const itemKey = (c: BatchCandidate) => c.submissionId;

/**
 * Before a hand-out: which network, port and time limit, which participants'
 * packs (those with a submitted review), in which language and paper. Start
 * makes the packs (progress, Cancel), then asks the host to serve them.
 */
export function HandoutSetup({ scope, ended, onStarted }: Props) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const format = useFormat();
  const ids = useId();
  const [interfaces, setInterfaces] = useState<HandoutInterface[] | null>(null);
  const [interfacesFailed, setInterfacesFailed] = useState(false);
  const [address, setAddress] = useState('');
  const [port, setPort] = useState(String(DEFAULT_HANDOUT_PORT));
  const [minutes, setMinutes] = useState('120');
  const [language, setLanguage] = useState<PackLanguage>(i18n.language === 'en' ? 'en' : 'id');
  // Packs handed out in the hall are read on phones: the Ponsel layout unless the mentor picks paper.
  const [pageSize, setPageSize] = useState<PackLayoutName>('Ponsel');
  const [candidates, setCandidates] = useState<BatchCandidates | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<{ port?: string; minutes?: string; packs?: string; start?: string }>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [failures, setFailures] = useState<HandoutFailure[]>([]);
  const abort = useRef<AbortController | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  const loadInterfaces = useCallback(
    () =>
      host.call('handout.interfaces', {}).then((result) => {
        if (!result.ok) return setInterfacesFailed(true);
        setInterfacesFailed(false);
        setInterfaces(result.value.interfaces);
        setAddress((current) => (result.value.interfaces.some((i) => i.address === current) ? current : (result.value.interfaces[0]?.address ?? '')));
      }),
    [],
  );
  useEffect(() => {
    void host.call('handout.interfaces', {}).then((result) => {
      if (!result.ok) return setInterfacesFailed(true);
      setInterfaces(result.value.interfaces);
      setAddress(result.value.interfaces[0]?.address ?? '');
    });
  }, []);

  const scopeKey = scope.kind === 'session' ? scope.sessionId : scope.workshopId;
  useEffect(() => {
    let live = true;
    void loadBatchCandidates(db, scope)
      .then((found) => {
        if (!live) return;
        setCandidates(found);
        setChosen(new Set(found.candidates.filter((c) => c.reviewers.length > 0).map(itemKey)));
      })
      .catch((error: unknown) => {
        console.error(error);
        if (live) setLoadFailed(true);
      });
    return () => {
      live = false;
    };
    // The scope object is rebuilt on each render; its id is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, scopeKey]);

  // Leaving the screen while packs are made stops the preparation (the host drops what it holds).
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (phase.kind === 'preparing') cancelButton.current?.focus();
  }, [phase.kind]);

  const ready = useMemo(() => candidates?.candidates.filter((c) => c.reviewers.length > 0) ?? [], [candidates]);
  const notReady = useMemo(() => candidates?.candidates.filter((c) => c.reviewers.length === 0) ?? [], [candidates]);
  const itemName = (c: BatchCandidate) => t('handout.packItem', { business: c.business, product: c.product, version: c.version });

  function toggle(key: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
    setErrors((e) => ({ ...e, packs: undefined }));
  }

  async function start() {
    const portNumber = /^\d{4,5}$/.test(port.trim()) ? Number(port.trim()) : NaN;
    const minuteCount = /^\d{1,4}$/.test(minutes.trim()) ? Number(minutes.trim()) : NaN;
    const items = ready.filter((c) => chosen.has(itemKey(c)));
    const found = {
      port: portNumber >= 1024 && portNumber <= 65535 ? undefined : t('handout.portInvalid'),
      minutes:
        minuteCount >= HANDOUT_LIMITS.minMinutes && minuteCount <= HANDOUT_LIMITS.maxMinutes
          ? undefined
          : t('handout.minutesInvalid', { min: HANDOUT_LIMITS.minMinutes, max: HANDOUT_LIMITS.maxMinutes }),
      packs: items.length > 0 ? undefined : t('handout.pickOne'),
    };
    setErrors(found);
    if (found.port || found.minutes || found.packs || !address) return;
    const controller = new AbortController();
    abort.current = controller;
    setFailures([]);
    setPhase({ kind: 'preparing', progress: { done: 0, total: items.length, current: null, failed: 0 } });
    try {
      const prepared = await prepareHandout(db, host, items, { language, pageSize }, {
        signal: controller.signal,
        onProgress: (progress) => setPhase({ kind: 'preparing', progress }),
      });
      setFailures(prepared.failed);
      const started = await host.call('handout.start', { handoutId: prepared.handoutId, address, port: portNumber, minutes: minuteCount });
      if (!started.ok) {
        setErrors({ start: t('handout.startFailed') });
        void host.call('handout.stop', { handoutId: prepared.handoutId });
      } else if (!started.value.started) {
        setErrors({ start: t(`handout.startRefused.${started.value.reason}`, { port: portNumber }) });
        void host.call('handout.stop', { handoutId: prepared.handoutId });
      } else {
        onStarted(started.value.status);
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        console.error(error);
        setErrors({ start: t('handout.startFailed') });
      }
    } finally {
      abort.current = null;
      setPhase({ kind: 'form' });
    }
  }

  if (phase.kind === 'preparing') {
    const p = phase.progress;
    return (
      <section className={cx(styles.handoutPanel, packsStyles.packProgress)} aria-labelledby={`${ids}-preparing`}>
        <h2 id={`${ids}-preparing`}>{t('handout.preparingTitle')}</h2>
        <progress value={p.done} max={Math.max(p.total, 1)} aria-label={t('handout.preparingCount', { done: format.number(p.done), total: format.number(p.total) })} />
        <p aria-live="polite">{t('handout.preparingCount', { done: format.number(p.done), total: format.number(p.total) })}</p>
        {p.current ? <p className="import-current">{t('handout.preparingCurrent', { name: itemName(p.current) })}</p> : null}
        {p.failed > 0 ? <p className="field-error">{t('handout.preparingFailed', { count: format.number(p.failed) })}</p> : null}
        <button ref={cancelButton} type="button" className="button button-danger" onClick={() => abort.current?.abort()}>
          {t('common.cancel')}
        </button>
      </section>
    );
  }

  const failureText = (f: HandoutFailure) =>
    f.reason === 'worker-stopped'
      ? t('faults.batchWorkerStopped')
      : f.reason === 'too-heavy'
        ? t('bounds.batchTooHeavy')
        : t(`batch.failures.${f.reason}`, { face: '?' });
  const loopback = (i: HandoutInterface) => (i.loopback ? 'handout.networkLoopback' : 'handout.networkOption');
  return (
    <form
      className={cx(styles.handoutPanel, styles.handoutSetup)}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      {ended ? (
        <p className="notice" role="status">
          {t(`handout.ended.${ended}`)}
        </p>
      ) : null}
      <p className="muted">{t('handout.intro')}</p>
      <div className={styles.handoutColumns}>
        <div>
          <div className={styles.handoutNetwork}>
            {interfaces && interfaces.length > 0 ? (
              <SelectField
                label={t('handout.network')}
                hint={t('handout.networkHint')}
                value={address}
                onChange={(e) => setAddress(e.target.value)}
                options={interfaces.map((i) => ({ value: i.address, label: t(loopback(i), { name: i.name, address: i.address }) }))}
              />
            ) : (
              <p className={interfacesFailed ? 'field-error' : 'muted'} role={interfacesFailed ? 'alert' : undefined}>
                {interfacesFailed ? t('handout.networkFailed') : interfaces ? t('handout.networkNone') : t('app.loading')}
              </p>
            )}
            <button type="button" className="button button-quiet" onClick={() => void loadInterfaces()}>
              {t('handout.networkReload')}
            </button>
          </div>
          <div className="form-grid">
            <TextField label={t('handout.port')} hint={t('handout.portHint')} error={errors.port} inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
            <TextField
              label={t('handout.minutes')}
              hint={t('handout.minutesHint')}
              error={errors.minutes}
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </div>
          <DocumentOptionsFields language={language} onLanguage={setLanguage} pageSize={pageSize} onPageSize={setPageSize} sizes={PACK_LAYOUTS} />
          <p className={cx('muted', styles.handoutFirewall)}>{t('handout.firewallNote')}</p>
        </div>
        <fieldset className={styles.handoutPacks} aria-describedby={errors.packs ? `${ids}-packs-error` : undefined}>
          <legend>{t('handout.packsLegend')}</legend>
          {loadFailed ? (
            <p className="field-error" role="alert">
              {t('handout.loadFailed')}
            </p>
          ) : !candidates ? (
            <p className="muted">{t('handout.checking')}</p>
          ) : ready.length === 0 ? (
            <p>{t('handout.noneReady')}</p>
          ) : (
            <>
              <div className="toolbar">
                <button type="button" className="button button-small" onClick={() => setChosen(new Set(ready.map(itemKey)))}>
                  {t('handout.selectAll')}
                </button>
                <button type="button" className="button button-small" onClick={() => setChosen(new Set())}>
                  {t('handout.selectNone')}
                </button>
                <span className="muted" aria-live="polite">
                  {t('handout.selectedCount', { count: format.number(ready.filter((c) => chosen.has(itemKey(c))).length), total: format.number(ready.length) })}
                </span>
              </div>
              <ul className={styles.handoutPackList}>
                {ready.map((c) => (
                  <li key={itemKey(c)}>
                    <label className="check">
                      <input type="checkbox" checked={chosen.has(itemKey(c))} onChange={(e) => toggle(itemKey(c), e.target.checked)} />
                      {itemName(c)}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {notReady.length > 0 ? (
            <div className="notice" role="note">
              <p>{t('handout.skippedTitle', { count: format.number(notReady.length) })}</p>
              <ul className={packsStyles.packWarnings}>
                {notReady.map((c) => (
                  <li key={itemKey(c)}>{t('batch.skipReasons.no-review', { business: c.business, version: c.version })}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {errors.packs ? (
            <p id={`${ids}-packs-error`} className="field-error" role="alert">
              {errors.packs}
            </p>
          ) : null}
        </fieldset>
      </div>
      {failures.length > 0 ? (
        <div className="notice" role="alert">
          <p>{t('handout.preparingFailed', { count: format.number(failures.length) })}</p>
          <ul className={packsStyles.packWarnings}>
            {failures.map((f) => (
              <li key={itemKey(f.item)}>{t('handout.preparingFailure', { name: itemName(f.item), reason: failureText(f) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {errors.start ? (
        <p className="field-error" role="alert">
          {errors.start}
        </p>
      ) : null}
      <div className={cx('toolbar', styles.handoutStart)}>
        <button type="submit" className="button button-primary" disabled={!address || ready.length === 0}>
          {t('handout.start', { count: format.number(ready.filter((c) => chosen.has(itemKey(c))).length) })}
        </button>
        <span className="muted">{t('handout.offNote')}</span>
      </div>
    </form>
  );
}
