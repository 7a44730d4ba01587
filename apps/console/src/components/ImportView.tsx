import { useRef, useState } from 'react';
import { loadHotlines } from '../api';
import { useI18n } from '../i18n';
import { type ImportReport, importProgress, sendImport } from '../organisation';
import { useLoad } from '../use-load';

type Step = 'choose' | 'checking' | 'checked' | 'importing' | 'done';

/**
 * Importing earlier years: choose the file, see the dry run (every problem with its row and
 * column, and what would be added), then import it whole; a large file shows how far it is.
 */
export function ImportView({ accessToken }: { accessToken: string }) {
  const { t, locale } = useI18n();
  const hotlines = useLoad(async (signal) => loadHotlines(accessToken, signal), [accessToken]);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'records' | 'tallies'>('records');
  const [hotlineId, setHotlineId] = useState('');
  const [step, setStep] = useState<Step>('choose');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const poll = useRef<number | null>(null);

  const fields = () => ({ kind, ...(hotlineId ? { hotlineId } : {}) });
  const run = async (mode: 'dry-run' | 'commit') => {
    if (!file) return;
    setFailure(null);
    setStep(mode === 'commit' ? 'importing' : 'checking');
    const key = crypto.randomUUID();
    if (mode === 'commit')
      poll.current = window.setInterval(() => {
        void importProgress(accessToken, key).then((answer) => {
          if (answer.ok) setProgress({ done: answer.value.done, total: answer.value.total });
        });
      }, 1000);
    const answer = await sendImport(accessToken, file, { ...fields(), mode, progressKey: key });
    if (poll.current !== null) window.clearInterval(poll.current);
    setProgress(null);
    if (!answer.ok) {
      setFailure(answer.message ?? t('error.noAnswer'));
      setStep('choose');
      return;
    }
    setReport(answer.value);
    setStep(answer.value.committed ? 'done' : 'checked');
  };
  const template = (language: string) => `/api/imports/template?kind=${kind}&language=${language}`;

  return (
    <section className="imports" aria-labelledby="imports-heading">
      <h2 id="imports-heading">{t('imports.heading')}</h2>
      <p>{t('imports.intro')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run('dry-run');
        }}
      >
        <label>
          {t('imports.kind')}{' '}
          <select value={kind} onChange={(event) => setKind(event.target.value as 'records')}>
            <option value="records">{t('imports.kind.records')}</option>
            <option value="tallies">{t('imports.kind.tallies')}</option>
          </select>
        </label>{' '}
        <label>
          {t('imports.hotline')}{' '}
          <select value={hotlineId} onChange={(event) => setHotlineId(event.target.value)}>
            <option value="">{t('imports.hotline.first')}</option>
            {(hotlines.data?.ok ? hotlines.data.value : []).map((hotline) => (
              <option key={hotline.id} value={hotline.id}>
                {hotline.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('imports.file')}{' '}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
              setStep('choose');
            }}
          />
        </label>{' '}
        <button
          type="submit"
          className="button"
          disabled={!file || step === 'checking' || step === 'importing'}
        >
          {t('imports.check')}
        </button>
      </form>
      <p>
        <TemplateLink
          accessToken={accessToken}
          href={template(locale)}
          label={t('imports.template')}
        />
      </p>
      {failure && <p role="alert">{failure}</p>}
      {step === 'checking' && <p role="status">{t('imports.checking')}</p>}
      {step === 'importing' && (
        <p role="status">
          {progress && progress.total > 0
            ? t('imports.progress', { done: progress.done, total: progress.total })
            : t('imports.importing')}
          {progress && progress.total > 0 && (
            <progress value={progress.done} max={progress.total} />
          )}
        </p>
      )}
      {report && (
        <div className="imports__report" data-testid="import-report">
          <p role="status">
            {t(report.committed ? 'imports.added' : 'imports.wouldAdd', {
              added: report.added,
              consultations: report.consultations,
              from: report.from ?? '—',
              to: report.to ?? '—',
              before: report.alreadyImported,
            })}
          </p>
          {report.problemCount > 0 && (
            <table className="table">
              <caption>{t('imports.problems', { count: report.problemCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.row')}</th>
                  <th scope="col">{t('imports.column')}</th>
                  <th scope="col">{t('imports.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((problem, index) => (
                  <tr key={index}>
                    <td>{problem.row}</td>
                    <td>{problem.column}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {step === 'checked' && report.problemCount === 0 && report.added > 0 && (
            <button type="button" className="button" onClick={() => void run('commit')}>
              {t('imports.commit', { added: report.added })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** The template needs the token, so it is fetched and handed over as a file. */
function TemplateLink({
  accessToken,
  href,
  label,
}: {
  accessToken: string;
  href: string;
  label: string;
}) {
  return (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault();
        void fetch(href, { headers: { Authorization: `Bearer ${accessToken}` } })
          .then((response) => response.blob())
          .then((blob) => {
            const url = URL.createObjectURL(blob);
            const link = document.createElement('a');
            link.href = url;
            link.download = 'hotline-import.csv';
            link.click();
            window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
          });
      }}
    >
      {label}
    </a>
  );
}
