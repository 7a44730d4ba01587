import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { PARTNER_KINDS, type PartnerView, loadPartners, savePartner } from '../../setup';
import { useLoad } from '../../use-load';
import type { SetupContext } from './SetupView';
import { InputField, Loaded, SelectField, SendingStatus, useSending } from './SetupParts';

/** The hospitals and services crisis cases are referred to; a retired one stays in old cases. */
export function PartnersSetup({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  const partners = useLoad(
    (signal) => loadPartners(context.accessToken, context.hotlineId, signal),
    [context.accessToken, context.hotlineId],
  );
  const [editing, setEditing] = useState<PartnerView | 'new' | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const retire = useSending();

  return (
    <div className="setup-partners">
      <div className="setup__row">
        <h3>{t('setup.partners.heading')}</h3>
        <button
          ref={addButton}
          type="button"
          className="button button--primary"
          onClick={() => setEditing('new')}
        >
          {t('setup.partners.add')}
        </button>
      </div>
      {editing && (
        <PartnerEditor
          key={editing === 'new' ? 'new' : editing.id}
          context={context}
          editing={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) partners.reload();
            addButton.current?.focus();
          }}
        />
      )}
      <SendingStatus sending={retire} />
      <Loaded load={partners}>
        {(list) =>
          list.length === 0 ? (
            <p data-empty="true">{t('setup.partners.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table setup__table">
                <caption className="visually-hidden">{t('setup.partners.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('setup.partners.name')}</th>
                    <th scope="col">{t('setup.partners.kind')}</th>
                    <th scope="col">{t('setup.partners.phone')}</th>
                    <th scope="col">{t('setup.partners.address')}</th>
                    <th scope="col">{t('setup.volunteers.status')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('setup.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((partner) => (
                    <tr key={partner.id} data-partner={partner.id}>
                      <th scope="row">{partner.name}</th>
                      <td>{t(`setup.partners.kind.${partner.kind}`)}</td>
                      <td>{partner.phone ?? '—'}</td>
                      <td>{partner.address ?? '—'}</td>
                      <td>{t(partner.active ? 'setup.active' : 'setup.partners.retired')}</td>
                      <td className="setup__cell-actions">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('setup.editNamed', { name: partner.name })}
                          onClick={() => setEditing(partner)}
                        >
                          {t('setup.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small"
                          disabled={retire.busy}
                          onClick={() =>
                            void retire.send(
                              () =>
                                savePartner(context.accessToken, partner.id, {
                                  active: !partner.active,
                                }),
                              partners.reload,
                            )
                          }
                        >
                          {t(partner.active ? 'setup.partners.retire' : 'setup.partners.restore')}
                          <span className="visually-hidden"> {partner.name}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </div>
  );
}

function PartnerEditor({
  context,
  editing,
  onDone,
}: {
  context: SetupContext;
  editing: PartnerView | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [kind, setKind] = useState<PartnerView['kind']>(editing?.kind ?? 'hospital');
  const [name, setName] = useState(editing?.name ?? '');
  const [phone, setPhone] = useState(editing?.phone ?? '');
  const [address, setAddress] = useState(editing?.address ?? '');
  const sending = useSending();
  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind,
      name,
      ...(phone.trim() ? { phone } : {}),
      ...(address.trim() ? { address } : {}),
      ...(editing ? {} : { hotlineId: context.hotlineId }),
    };
    void sending.send(
      () => savePartner(context.accessToken, editing?.id ?? null, body),
      () => onDone(true),
    );
  };
  return (
    <section className="card setup__editor" aria-labelledby={`${id}heading`}>
      <h3 id={`${id}heading`} ref={heading} tabIndex={-1}>
        {editing ? t('setup.editNamed', { name: editing.name }) : t('setup.partners.add')}
      </h3>
      <form noValidate onSubmit={submit} aria-labelledby={`${id}heading`}>
        <div className="setup__fields">
          <SelectField
            label={t('setup.partners.kind')}
            path="kind"
            sending={sending}
            value={kind}
            onValue={(value) => setKind(value as PartnerView['kind'])}
          >
            {PARTNER_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`setup.partners.kind.${option}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            label={t('setup.partners.name')}
            path="name"
            sending={sending}
            value={name}
            onValue={setName}
          />
          <InputField
            label={t('setup.partners.phone')}
            path="phone"
            type="tel"
            sending={sending}
            value={phone}
            onValue={setPhone}
          />
          <InputField
            label={t('setup.partners.address')}
            path="address"
            sending={sending}
            value={address}
            wide
            onValue={setAddress}
          />
        </div>
        <SendingStatus sending={sending} />
        <div className="setup__actions">
          <button type="submit" className="button button--primary" disabled={sending.busy}>
            {t('setup.save')}
          </button>
          <button type="button" className="button" onClick={() => onDone(false)}>
            {t('setup.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
